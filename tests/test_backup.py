"""The scheduled backup (deploy/backup.py) and its restore, on a real file and a real PostgreSQL server."""

from __future__ import annotations

import subprocess

import pytest
from pytest_postgresql.janitor import DatabaseJanitor

from core import data, opslag
from core.data import gedeeld
from core.data.backup import zet_terug
from core.model.scenario import Scenario
from deploy import backup
from deploy.postgres import GEBRUIKER, postgres_bin


def bewaar_twee(db_path) -> None:
    data.load_basis(db_path)
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "voor de raad", 1, path=db_path)
    opslag.bewaar(Scenario(instroom_pct=30), "Hoge instroom", "", 1, nieuwe_versie=True, path=db_path)


def test_file_backup_restores_every_saved_scenario(db_path, tmp_path):
    bewaar_twee(db_path)
    [kopie] = backup.maak_backups(tmp_path / "backups", database=str(db_path))
    opslag.archiveer("Hoge instroom", path=db_path)  # a change after the backup
    zet_terug(kopie, db_path)
    data.close_all()
    [scenario] = opslag.lijst(path=db_path)
    assert [v.scenario.instroom_pct for v in opslag.versies(scenario.naam, path=db_path)] == [20, 30]


def test_postgres_dump_restores_into_an_empty_database(db_path, tmp_path, monkeypatch, postgres_database, postgres_server):
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, postgres_database)
    gedeeld.vergeet_schema()
    bewaar_twee(db_path)
    gemaakt = backup.maak_backups(tmp_path / "backups", database=str(db_path))
    [dump] = [p for p in gemaakt if p.suffix == ".dump"]

    host, poort = postgres_server.host, postgres_server.poort
    with DatabaseJanitor(user=GEBRUIKER, host=host, port=poort, dbname="teruggezet", version=15):
        doel = f"postgresql://{GEBRUIKER}@{host}:{poort}/teruggezet"
        subprocess.run([postgres_bin("pg_restore"), "--no-owner", "-d", doel, str(dump)], check=True, capture_output=True)
        monkeypatch.setenv(gedeeld.POSTGRES_ENV, doel)
        gedeeld.vergeet_schema()
        [scenario] = opslag.lijst(path=db_path)
        assert scenario.naam == "Hoge instroom" and scenario.omschrijving == ""
        versies = opslag.versies("hoge instroom", path=db_path)
        assert [(v.versie, v.scenario.instroom_pct, v.omschrijving) for v in versies] == [(1, 20, "voor de raad"), (2, 30, "")]


def test_old_backups_are_pruned_to_the_newest(db_path, tmp_path):
    data.load_basis(db_path)
    map_ = tmp_path / "backups"
    map_.mkdir()
    for oud in ("verkenner-20250101-000000.duckdb", "verkenner-20250102-000000.duckdb"):
        (map_ / oud).write_bytes(b"")
    backup.maak_backups(map_, bewaar=2, database=str(db_path))
    namen = sorted(p.name for p in map_.iterdir())
    assert len(namen) == 2 and namen[0] == "verkenner-20250102-000000.duckdb"


def test_a_failing_dump_says_so_in_dutch_and_leaves_no_half_file(db_path, tmp_path, monkeypatch):
    data.load_basis(db_path)
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, "postgresql://niemand@127.0.0.1:1/geen")
    with pytest.raises(data.DataError, match="pg_dump mislukte"):
        backup.maak_backups(tmp_path / "backups", database=str(db_path))
    assert not list((tmp_path / "backups").glob("*.dump"))


def test_a_missing_pg_dump_says_which_package_to_install(db_path, tmp_path, monkeypatch, capsys):
    # A server without postgresql-client: one Dutch line in the journal, no traceback.
    data.load_basis(db_path)
    monkeypatch.setenv(data.DB_PATH_ENV, str(db_path))
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, "postgresql://niemand@127.0.0.1:1/geen")
    monkeypatch.setattr(backup, "postgres_bin", lambda programma: postgres_bin(programma + "-bestaat-niet"))
    assert backup.main([str(tmp_path / "backups")]) == 1
    assert capsys.readouterr().err.strip() == (
        "Back-up mislukt: pg_dump niet gevonden: installeer Debian's pakket postgresql-client."
    )
    assert not list((tmp_path / "backups").glob("*.dump"))
