"""Opening the database file: one connection per file and process."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb

from core.data.bouwen import SCHEMA_VERSIE, build_database
from core.data.fouten import DataError, SchemaVersionError
from core.data.paden import database_path


_connections: dict[Path, duckdb.DuckDBPyConnection] = {}
_connections_lock = threading.Lock()


def connection(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """The process-wide connection to a database file, built from the seeds if missing.

    Use ``connection(path).cursor()`` for every query: a cursor per query keeps
    Streamlit's threads from sharing one.
    """
    resolved = database_path(path)
    with _connections_lock:
        con = _connections.get(resolved)
        if con is None:
            if not resolved.exists():
                build_database(resolved)
            con = _open(resolved)
            _connections[resolved] = con
        return con


# Additions for staff entries (core/data/invoer.py): who/why per data version, and the marker for a
# figure an undo takes away again (readers skip it). Idempotent, so files built before them get them too.
AANVULLINGEN = (
    """CREATE TABLE IF NOT EXISTS invoer (
        versie            INTEGER PRIMARY KEY REFERENCES dataversie (versie),
        wie               VARCHAR NOT NULL,  -- the name entered, or the logged-in user's name
        gebruiker_id      VARCHAR NOT NULL,  -- e-mail address or subject of the login; 'lokaal' without a login
        rol               VARCHAR NOT NULL,
        bron_id           VARCHAR,           -- the document most figures of the entry come from
        reden             VARCHAR NOT NULL,
        reden_bevindingen VARCHAR NOT NULL DEFAULT '',  -- why figures that break an identity were stored anyway
        soort             VARCHAR NOT NULL CHECK (soort IN ('invoer', 'terugdraaien')),
        herstelt          INTEGER            -- terugdraaien: the data version undone
    )""",
    *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS vervallen BOOLEAN DEFAULT false"
      for t in ("halfjaarcijfer", "normpad", "begrotingsregel", "kengetal")),
)


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as error:
        raise DataError(
            f"Het databasebestand {path} kan niet worden geopend ({error}). "
            "Is het beschadigd of in gebruik door een ander programma? "
            "Verwijder het bestand om het opnieuw op te bouwen uit data/seeds."
        ) from error
    try:
        _check_schema(con, path)
        for statement in AANVULLINGEN:
            con.execute(statement)
    except DataError:
        con.close()
        raise
    return con


def _check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    try:
        row = con.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchone()
    except duckdb.CatalogException:
        row = None
    found = row[0] if row else "onbekend"
    if found != str(SCHEMA_VERSIE):
        raise SchemaVersionError(
            f"Het databasebestand {path} is gemaakt met schemaversie {found}; "
            f"deze versie van de app verwacht schemaversie {SCHEMA_VERSIE}. "
            "Verwijder het bestand (het wordt dan opnieuw opgebouwd uit data/seeds) "
            "of wijs met VERKENNER_DB een ander bestand aan."
        )


def close_all() -> None:
    """Close every open connection (tests and benchmarks use fresh files)."""
    with _connections_lock:
        for con in _connections.values():
            con.close()
        _connections.clear()


