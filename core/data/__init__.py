"""The one data-access package: builds, opens, reads and writes the DuckDB database.

No other package writes SQL. Modules by job:

- ``paden``: where the files are (``database_path``);
- ``fouten``: the Dutch error kinds (in gebruik, geen schrijfrechten, beschadigd, schijf vol);
- ``verbinding``: the cross-process lock, short read (``lezen``) and write (``schrijven``)
  sessions, and the per-process cache keyed by the file's change stamp;
- ``bouwen``: a new database from ``data/seeds``, and seed rows an older file lacks;
- ``migraties``: numbered schema migrations, in place, after a backup;
- ``lezen``: ``Basis``, the base figures per data version;
- ``scenarios``: saved scenarios and their archive (the write path);
- ``invoer``: entered figures as append-only data versions, undo, history, audit log, time travel;
- ``gedeeld``: the shared PostgreSQL store (``VERKENNER_POSTGRES``) for what users write;
- ``invoerlog``: entered figures logged in PostgreSQL and replayed into every machine's file;
- ``cli``: ``python -m core.data status|backup|restore``.

Import from ``core.data``.
"""

from core.data.bouwen import SCHEMA_VERSIE, SEED_TABLES, build_database
from core.data.fouten import (
    Beschadigd,
    DataError,
    GeenMap,
    GeenSchrijfrechten,
    InGebruik,
    NaamBestaat,
    NaamOnbekend,
    SchemaVersionError,
    SchijfVol,
)
from core.data.lezen import Basis, latest_versie, load_basis
from core.data.paden import DATA_DIR, DB_PATH_ENV, DEFAULT_DB_PATH, PROJECT_DIR, SCHEMA_FILE, SEEDS_DIR, database_path
from core.data.scenarios import (
    aantal_scenarios,
    insert_scenario,
    naam_sleutel,
    select_latest_scenarios,
    select_scenario,
    select_versions,
    set_archived,
)
from core.data.verbinding import close_all, connection, lezen, schrijven

__all__ = [
    "DATA_DIR", "DB_PATH_ENV", "DEFAULT_DB_PATH", "PROJECT_DIR", "SCHEMA_FILE", "SCHEMA_VERSIE", "SEEDS_DIR",
    "SEED_TABLES", "Basis", "Beschadigd", "DataError", "GeenMap", "GeenSchrijfrechten", "InGebruik", "NaamBestaat",
    "NaamOnbekend", "SchemaVersionError", "SchijfVol", "aantal_scenarios", "build_database", "close_all",
    "connection", "database_path", "insert_scenario", "latest_versie", "lezen", "load_basis", "naam_sleutel",
    "schrijven", "select_latest_scenarios", "select_scenario", "select_versions", "set_archived",
]
