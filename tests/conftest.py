"""Shared fixtures: real DuckDB files built from the committed seeds in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import data
from core.data import Basis, load_basis

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP = str(PROJECT_DIR / "app.py")


@pytest.fixture(autouse=True)
def _eigen_database(tmp_path, monkeypatch):
    """Every test gets its own database file; a developer's own data/ file is never touched."""
    monkeypatch.setenv(data.DB_PATH_ENV, str(tmp_path / "verkenner.duckdb"))
    yield
    data.close_all()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "verkenner.duckdb"


@pytest.fixture(scope="session")
def basis(tmp_path_factory) -> Basis:
    """The base data as built from data/seeds (shared, read-only)."""
    return load_basis(tmp_path_factory.mktemp("basis") / "verkenner.duckdb")
