"""The one data-access package: builds, opens, reads and writes the DuckDB database.

No other package writes SQL. Modules by job: ``paden`` (where the files are), ``fouten``
(the Dutch error kinds), ``bouwen`` (a new database from ``data/seeds``), ``verbinding``
(opening and locking), ``lezen`` (``Basis``: the base figures per data version) and
``scenarios`` (saved scenarios and their archive). Import from ``core.data``.
"""

from core.data.bouwen import SCHEMA_VERSIE, SEED_TABLES, build_database
from core.data.fouten import DataError, SchemaVersionError
from core.data.lezen import Basis, latest_versie, load_basis
from core.data.paden import DATA_DIR, DB_PATH_ENV, DEFAULT_DB_PATH, PROJECT_DIR, SCHEMA_FILE, SEEDS_DIR, database_path
from core.data.scenarios import (
    insert_scenario,
    select_latest_scenarios,
    select_scenario,
    select_versions,
    set_archived,
)
from core.data.verbinding import close_all, connection

__all__ = [
    "DATA_DIR", "DB_PATH_ENV", "DEFAULT_DB_PATH", "PROJECT_DIR", "SCHEMA_FILE", "SCHEMA_VERSIE", "SEEDS_DIR",
    "SEED_TABLES", "Basis", "DataError", "SchemaVersionError", "build_database", "close_all", "connection",
    "database_path", "insert_scenario", "latest_versie", "load_basis", "select_latest_scenarios",
    "select_scenario", "select_versions", "set_archived",
]
