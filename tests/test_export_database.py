"""The whole database to CSV plus a manifest and back: a round trip on a real file, with entries and scenarios."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from core import opslag
from core.data import DataError, close_all, load_basis
from core.data.export import MANIFEST, bouw_uit_export, exporteer
from core.invoer import voorbereid_rijen
from core.invoer.opslaan import bewaar, draai_terug
from core.model.scenario import Scenario
from core.toegang import LOKAAL


def _inhoud(path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tabellen = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tabellen}
    finally:
        con.close()


@pytest.fixture
def gevulde_database(db_path):
    basis = load_basis(db_path)
    v = voorbereid_rijen([{"onderdeel": "halfjaar", "periode": "2025-H2", "grootheid": "realisatie", "waarde": "97",
                           "bron_id": "provincie_2026_03", "sectie": "Bevindingen", "peildatum": "2026-01-01",
                           "soort": "gerapporteerd", "toelichting": "=HYPERLINK(\"x\")"}], basis, date.today())
    versie = bewaar(db_path, v, LOKAAL, naam="Anne \"A\" de Vries", reden="COA; correctie", reden_bevindingen="nagekomen")
    draai_terug(db_path, versie, LOKAAL, naam="Bert", reden="toch niet")
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "met, komma's en \"quotes\"\nen een regel", versie, path=db_path)
    close_all()
    return db_path


def test_export_and_restore_round_trip(gevulde_database, tmp_path):
    export = exporteer(tmp_path / "export", gevulde_database)
    manifest = json.loads((export / MANIFEST).read_text(encoding="utf-8"))
    voor = _inhoud(gevulde_database)
    assert set(manifest["tabellen"]) == set(voor)
    assert {t: i["rijen"] for t, i in manifest["tabellen"].items()} == {t: len(r) for t, r in voor.items()}
    hersteld = bouw_uit_export(export, tmp_path / "hersteld.duckdb")
    assert _inhoud(hersteld) == voor  # every row of every table, NULLs and empty texts apart
    assert load_basis(hersteld).halfjaar.equals(load_basis(gevulde_database).halfjaar)
    tweede = exporteer(tmp_path / "export2", hersteld)
    for tabel, info in manifest["tabellen"].items():
        assert (tweede / info["bestand"]).read_bytes() == (export / info["bestand"]).read_bytes(), tabel


def test_an_altered_or_incomplete_export_is_refused(gevulde_database, tmp_path):
    export = exporteer(tmp_path / "export", gevulde_database)
    bestand = export / "halfjaarcijfer.csv"
    origineel = bestand.read_bytes()
    bestand.write_bytes(origineel.replace(b'"97"', b'"98"'))
    with pytest.raises(DataError, match="halfjaarcijfer.csv is gewijzigd of beschadigd"):
        bouw_uit_export(export, tmp_path / "x.duckdb")
    bestand.write_bytes(origineel)
    (export / "invoer.csv").unlink()
    with pytest.raises(DataError, match="ontbreekt"):
        bouw_uit_export(export, tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()
    with pytest.raises(DataError, match="niet leeg"):
        exporteer(export, gevulde_database)


def test_export_and_put_back_from_the_command_line(gevulde_database, tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import PROJECT_DIR

    def run(*args):
        close_all()
        env = {**os.environ, "VERKENNER_DB": str(gevulde_database), "PYTHONPATH": str(PROJECT_DIR)}
        return subprocess.run([sys.executable, "-m", "core.data", *args], capture_output=True, text=True, env=env,
                              cwd=PROJECT_DIR, timeout=120)

    voor = _inhoud(gevulde_database)
    export = run("export", str(tmp_path / "export"))
    assert export.returncode == 0, export.stderr
    v = voorbereid_rijen([{"onderdeel": "halfjaar", "periode": "2025-H2", "grootheid": "realisatie", "waarde": "99",
                           "bron_id": "provincie_2026_03", "sectie": "B", "peildatum": "", "soort": "gerapporteerd"}],
                         load_basis(gevulde_database), date.today())
    bewaar(gevulde_database, v, LOKAAL, naam="C", reden="na de export", reden_bevindingen="x")
    terug = run("export-terugzetten", str(tmp_path / "export"))
    assert terug.returncode == 0, terug.stderr + terug.stdout
    assert "De database van voor het terugzetten staat in" in terug.stdout
    close_all()
    assert _inhoud(gevulde_database) == voor
