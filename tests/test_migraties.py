"""Every earlier schema is upgraded in place, after a backup, with every saved scenario intact.

The fixture databases are built from tests/fixtures/schema_v<n>.sql: each version's own
schema and seeds from git history, with saved scenarios in that version's storage format
(made by tests/fixtures/maak_schemafixtures.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from core import data, opslag
from core.data import migraties
from core.model import kerncijfers, reserve
from core.model.scenario import Scenario
from tests.fixtures.maak_schemafixtures import GEARCHIVEERD, SCENARIOS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VERSIES = sorted(int(p.stem.removeprefix("schema_v")) for p in FIXTURES.glob("schema_v*.sql"))


def test_there_is_a_fixture_for_every_earlier_schema_version():
    assert VERSIES == list(range(migraties.OUDSTE_VERSIE, data.SCHEMA_VERSIE))
    assert set(migraties.MIGRATIES) == set(VERSIES)


def bouw_fixture(versie: int, path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute((FIXTURES / f"schema_v{versie}.sql").read_text(encoding="utf-8"))
    con.close()
    return path


def rijen(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("versie", VERSIES)
def test_an_older_database_is_migrated_in_place_with_a_backup(versie, db_path):
    bouw_fixture(versie, db_path)
    voor = rijen(db_path, "SELECT * FROM halfjaarcijfer ORDER BY ALL")
    basis = data.load_basis(db_path)  # opening migrates
    assert rijen(db_path, "SELECT waarde FROM meta WHERE sleutel = 'schema_versie'") == [(str(data.SCHEMA_VERSIE),)]
    backups = list(db_path.parent.glob(f"{db_path.stem}.backup-voor-migratie-v{versie}-*.duckdb"))
    assert len(backups) == 1
    assert rijen(backups[0], "SELECT waarde FROM meta WHERE sleutel = 'schema_versie'") == [(str(versie),)]
    assert [(v, n, b) for v, n, _op, b, _m in rijen(db_path, "SELECT * FROM migratie")] == [
        (versie, data.SCHEMA_VERSIE, backups[0].name)
    ]
    # Every figure the older file held is still there, as it was (peildata as text from schema 4 on).
    na = rijen(db_path, "SELECT periode, grootheid, waarde, bron_id, sectie, versie FROM halfjaarcijfer WHERE versie = 1 ORDER BY ALL")
    assert na == sorted((r[0], r[1], r[2], r[3], r[4], r[-1]) for r in voor)
    # Figures the code needs that the old seeds lacked come as a new data version; the app computes.
    reserve.project_reserve(Scenario(), basis)
    kerncijfers.bereken(Scenario(), basis)


@pytest.mark.parametrize("versie", [v for v in VERSIES if v >= 3])
def test_every_saved_scenario_is_intact_after_the_migration(versie, db_path):
    bouw_fixture(versie, db_path)
    data.load_basis(db_path)
    for sid, naam, v, omschrijving, _inst, dv, op in SCENARIOS:
        saved = opslag.open_scenario(sid, path=db_path)
        assert (saved.versie, saved.omschrijving, saved.data_versie, str(saved.opgeslagen_op)) == (v, omschrijving, dv, op)
    assert opslag.open_scenario(1, path=db_path).scenario == Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)
    assert opslag.open_scenario(2, path=db_path).scenario == Scenario(instroom_pct=30)
    assert opslag.open_scenario(4, path=db_path).scenario == Scenario(eenmalig=[], huurtoeslag_grote_gezinnen=False)
    assert [s.versie for s in opslag.versies("Hoge instroom", path=db_path)] == [1, 2]
    # Two names that differ only in case became two scenarios under the old schema: the later is renamed, and told.
    assert opslag.open_scenario(3, path=db_path).naam == "HOGE  INSTROOM (2)"
    if versie < 5:  # the rename is the migration to schema 5's doing; a version 5 file was renamed before
        meldingen = rijen(db_path, "SELECT meldingen FROM migratie")[0][0]
        assert "heet nu 'HOGE  INSTROOM (2)'" in meldingen
    assert {s.naam for s in opslag.lijst(path=db_path, gearchiveerd=True) if s.gearchiveerd} == {n for n, _ in GEARCHIVEERD}


@pytest.mark.parametrize("versie", [v for v in VERSIES if v >= 3])
def test_an_unreadable_old_value_is_kept_and_reported_when_the_scenario_opens(versie, db_path):
    bouw_fixture(versie, db_path)
    data.load_basis(db_path)
    saved = opslag.open_scenario(5, path=db_path)
    assert saved.scenario == Scenario(instroom_pct=10)
    assert any("Indexatie DU MO per jaar" in p and "niet worden gelezen" in p for p in saved.problemen)
    assert any("bestaat_niet" in p for p in saved.problemen)
    stored = json.loads(rijen(db_path, "SELECT instellingen FROM opgeslagen_scenario WHERE id = 5")[0][0])
    assert stored["onleesbaar"]["du_mo_indexatie_pct"]["tekst"] == ["2,5 procent"]  # the text as it was


def test_a_failing_migration_changes_nothing(db_path, monkeypatch):
    bouw_fixture(4, db_path)
    voor = rijen(db_path, "SELECT * FROM opgeslagen_scenario ORDER BY id")

    def kapot(con):
        con.execute("UPDATE oud_opgeslagen_scenario SET naam = 'half'")
        raise duckdb.ConstraintException("halverwege")

    monkeypatch.setitem(migraties.MIGRATIES, 4, kapot)
    with pytest.raises(data.DataError):
        data.load_basis(db_path)
    assert rijen(db_path, "SELECT waarde FROM meta WHERE sleutel = 'schema_versie'") == [("4",)]
    assert rijen(db_path, "SELECT * FROM opgeslagen_scenario ORDER BY id") == voor


def test_a_database_from_a_newer_app_is_refused_without_change(db_path):
    data.load_basis(db_path)
    with data.connection(db_path) as con:
        con.execute("UPDATE meta SET waarde = '99' WHERE sleutel = 'schema_versie'")
    data.close_all()
    with pytest.raises(data.SchemaVersionError, match="nieuwere versie van de app") as raised:
        data.load_basis(db_path)
    assert "verwijder" not in str(raised.value).lower()
