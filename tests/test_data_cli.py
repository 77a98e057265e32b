"""``python -m core.data``: status, backup and restore of the database file, run as operators do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from core import data, opslag, toegang
from core.data.backup import zet_terug
from core.model.scenario import Scenario

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "VERKENNER_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "core.data", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_backup_and_restore_round_trip(db_path, tmp_path):
    opslag.bewaar(Scenario(instroom_pct=20), "Voor de back-up", "", 1, path=db_path)
    backup = tmp_path / "kopie.duckdb"
    assert cli("backup", str(backup), db=db_path).returncode == 0
    opslag.bewaar(Scenario(instroom_pct=30), "Na de back-up", "", 1, path=db_path)

    result = cli("restore", str(backup), db=db_path)
    assert result.returncode == 0, result.stderr
    data.close_all()
    assert [s.naam for s in opslag.lijst(path=db_path)] == ["Voor de back-up"]
    # The file as it was before the restore is kept: nothing saved is ever lost by a restore.
    [eigen] = db_path.parent.glob("verkenner.backup-voor-terugzetten-*.duckdb")
    con = duckdb.connect(str(eigen), read_only=True)
    assert sorted(n for (n,) in con.execute("SELECT naam FROM opgeslagen_scenario").fetchall()) == ["Na de back-up", "Voor de back-up"]
    con.close()

    status = cli("status", db=db_path)
    assert status.returncode == 0
    assert f"Schemaversie: {data.SCHEMA_VERSIE}" in status.stdout
    assert "Opgeslagen scenario's: 1 (in totaal 1 versies)" in status.stdout


def test_a_backup_never_overwrites_a_file(db_path, tmp_path):
    data.load_basis(db_path)
    bestaand = tmp_path / "bestaat.duckdb"
    bestaand.write_text("iets anders")
    result = cli("backup", str(bestaand), db=db_path)
    assert result.returncode == 1 and "Er staat al een bestand" in result.stderr
    assert bestaand.read_text() == "iets anders"


def test_restoring_something_that_is_not_a_backup_changes_nothing(db_path, tmp_path):
    opslag.bewaar(Scenario(), "Blijft", "", 1, path=db_path)
    rommel = tmp_path / "rommel.duckdb"
    rommel.write_bytes(b"geen database")
    result = cli("restore", str(rommel), db=db_path)
    assert result.returncode == 1 and "niets teruggezet" in result.stderr and "Traceback" not in result.stderr
    data.close_all()
    assert [s.naam for s in opslag.lijst(path=db_path)] == ["Blijft"]


def test_only_an_administrator_may_restore(db_path, tmp_path):
    data.load_basis(db_path)
    lezer = toegang.Gebruiker(id="l@example.org", naam="Lezer", rol=toegang.BEWERKER, aangemeld=True)
    with pytest.raises(toegang.GeenToegang):
        zet_terug(tmp_path / "wat-dan-ook.duckdb", db_path, gebruiker=lezer)


def test_a_restored_older_backup_is_migrated_when_opened(db_path, tmp_path):
    from tests.test_migraties import bouw_fixture

    oud = bouw_fixture(4, tmp_path / "oud.duckdb")
    data.load_basis(db_path)
    assert cli("restore", str(oud), db=db_path).returncode == 0
    assert opslag.open_scenario(1, path=db_path).scenario == Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)
