"""Shared fixtures: real DuckDB files built from the committed seeds in a temp folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest
from pytest_postgresql.janitor import DatabaseJanitor

from core import data
from core.data import gedeeld
from core.data import Basis, load_basis
from deploy import postgres

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP = str(PROJECT_DIR / "app.py")


@pytest.fixture(autouse=True)
def _eigen_database(tmp_path, monkeypatch):
    """Every test gets its own database file; a developer's own data/ file is never touched."""
    monkeypatch.setenv(data.DB_PATH_ENV, str(tmp_path / "verkenner.duckdb"))
    monkeypatch.delenv(gedeeld.POSTGRES_ENV, raising=False)  # the file store unless a test asks otherwise
    yield
    data.close_all()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "verkenner.duckdb"


@pytest.fixture(scope="session")
def basis(tmp_path_factory) -> Basis:
    """The base data as built from data/seeds (shared, read-only)."""
    return load_basis(tmp_path_factory.mktemp("basis") / "verkenner.duckdb")


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """A throwaway PostgreSQL server (Debian's, installed by .ci/run) for the whole run."""
    if not postgres.beschikbaar():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL ontbreekt: .ci/run installeert Debian's pakket postgresql")
        pytest.skip("PostgreSQL is niet geïnstalleerd (bash .ci/run installeert het)")
    with postgres.TijdelijkePostgres(werkmap=tmp_path_factory.mktemp("postgres")) as server:
        yield server


@pytest.fixture
def postgres_database(postgres_server):
    """A fresh, empty database on the throwaway server; its libpq address."""
    naam = f"test_{secrets.token_hex(4)}"
    server = postgres_server
    with DatabaseJanitor(user=postgres.GEBRUIKER, host=server.host, port=server.poort, dbname=naam, version=15):
        yield f"postgresql://{postgres.GEBRUIKER}@{server.host}:{server.poort}/{naam}"


@pytest.fixture(params=["duckdb", "postgres"])
def opslagplaats(request, monkeypatch) -> str:
    """Run a test against both stores of saved scenarios: the DuckDB file and shared PostgreSQL."""
    if request.param == "postgres":
        monkeypatch.setenv(gedeeld.POSTGRES_ENV, request.getfixturevalue("postgres_database"))
        gedeeld.vergeet_schema()
    return request.param
