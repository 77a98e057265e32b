"""Where the data lives: the project's data folder, the seeds, the schema and the database file."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = DATA_DIR / "seeds"
SCHEMA_FILE = DATA_DIR / "schema.sql"
DEFAULT_DB_PATH = DATA_DIR / "verkenner.duckdb"
DB_PATH_ENV = "VERKENNER_DB"


def database_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $VERKENNER_DB, else data/verkenner.duckdb."""
    chosen = path or os.environ.get(DB_PATH_ENV) or DEFAULT_DB_PATH
    return Path(chosen).expanduser().resolve()
