"""Where saved scenarios live: the DuckDB file (default) or a shared PostgreSQL database.

With ``VERKENNER_POSTGRES`` set (a libpq address, ``postgresql://user@host:5432/verkenner``),
saved scenarios and their archive are stored in PostgreSQL, and every entered figure is
logged there too (core.data.invoerlog), so app processes on several machines share them;
without it they stay in the DuckDB file as before. The base figures and their projections
are always read from the DuckDB file.

``scenarios.py`` holds the one set of SQL statements for both stores: they are kept portable
and written with ``?`` placeholders, which the PostgreSQL session turns into psycopg's ``%s``.
The sessions offer the same ``execute(sql, params).fetchone()/fetchall()`` in both cases.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from core.data import verbinding
from core.data.fouten import DataError
from core.data.paden import DATA_DIR

POSTGRES_ENV = "VERKENNER_POSTGRES"
SCHEMA_POSTGRES = DATA_DIR / "schema_postgres.sql"
SCHEMA_VERSIE_POSTGRES = 2  # 2: gegevensinvoer, the shared log of entered figures (core.data.invoerlog)
VERBINDEN_S = 10  # seconds to wait for the server before telling the user
# One number for the advisory lock every write takes: saves of one name are serialised
# across all processes and machines, as the file lock does for DuckDB.
_SCHRIJFSLOT = 0x5644_4B31  # "VDK1"

LOG = logging.getLogger("core.data")
T = TypeVar("T")


class GedeeldeDatabaseOnbereikbaar(DataError):
    def __init__(self) -> None:
        super().__init__(
            "De gedeelde database (PostgreSQL) is niet bereikbaar; er is niets gewijzigd. Probeer het over een "
            "minuut opnieuw; blijft dit gebeuren, meld het dan aan de beheerder."
        )


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


def in_postgres() -> bool:
    return postgres_url() is not None


class _Sessie:
    """A psycopg connection that takes the DuckDB-style ``?`` placeholders of scenarios.py."""

    def __init__(self, con) -> None:
        self._con = con

    def execute(self, sql: str, params: list | tuple = ()):
        return self._con.execute(sql.replace("?", "%s"), list(params))


_schema_klaar: set[str] = set()
_schema_lock = threading.Lock()


def _psycopg():
    import psycopg  # only needed when PostgreSQL is configured: the default install runs without a server

    return psycopg


def _verbind(url: str):
    psycopg = _psycopg()
    try:
        # UTF-8 whatever the database's own encoding: one created as SQL_ASCII (a server with the C
        # locale, as in a minimal image) would otherwise hand every text back as bytes.
        con = psycopg.connect(url, connect_timeout=VERBINDEN_S, client_encoding="UTF8")
    except psycopg.Error as error:
        LOG.warning("PostgreSQL niet bereikbaar: %r", error)
        raise GedeeldeDatabaseOnbereikbaar() from error
    _zorg_voor_schema(con, url)
    return con


def _zorg_voor_schema(con, url: str) -> None:
    """Create the tables once per server and process; concurrent first starts wait for each other."""
    if url in _schema_klaar:
        return
    with _schema_lock:
        with con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHRIJFSLOT])
            con.execute(SCHEMA_POSTGRES.read_text(encoding="utf-8"))
            # Every table is CREATE IF NOT EXISTS, so an older server has just gained the newer ones.
            con.execute(
                "INSERT INTO meta (sleutel, waarde) VALUES ('schema_versie', %s) "
                "ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
                [str(SCHEMA_VERSIE_POSTGRES)],
            )
        _schema_klaar.add(url)


@contextmanager
def postgres(url: str, *, schrijven: bool) -> Iterator[_Sessie]:
    """One transaction on the shared database; a write one holds the advisory lock until it ends."""
    psycopg = _psycopg()
    con = _verbind(url)
    try:
        with con.transaction():
            if schrijven:
                con.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHRIJFSLOT])
            yield _Sessie(con)
    except psycopg.Error as error:
        LOG.warning("PostgreSQL-fout: %r", error)
        if isinstance(error, psycopg.OperationalError):
            raise GedeeldeDatabaseOnbereikbaar() from error
        raise DataError(
            "De gedeelde database gaf een onverwachte fout; er is niets gewijzigd. Probeer het opnieuw; blijft dit "
            "gebeuren, meld het dan aan de beheerder (de details staan in het logboek van de app)."
        ) from error
    finally:
        con.close()


@contextmanager
def schrijven(path, actie: str) -> Iterator:
    """One write transaction on the store of saved scenarios: all of it is stored, or nothing."""
    url = postgres_url()
    if url is None:
        with verbinding.schrijven(path, actie=actie) as con:
            yield con
    else:
        with postgres(url, schrijven=True) as sessie:
            yield sessie


@contextmanager
def lezen(path) -> Iterator:
    url = postgres_url()
    if url is None:
        with verbinding.lezen(path) as con:
            yield con
    else:
        with postgres(url, schrijven=False) as sessie:
            yield sessie


def gecachet(path, sleutel: tuple, lees: Callable[[object], T]) -> T:
    """``lees`` through the file's stamp-keyed cache; PostgreSQL is asked every time.

    Another machine's save changes no file here, so there is no local stamp to trust; a
    read of a few rows on the database server costs about a millisecond.
    """
    if in_postgres():
        return lees(path)
    return verbinding.gecachet(path, sleutel, lees)


def vergeet_schema() -> None:
    """Tests start fresh servers: check the tables again on the next connection."""
    with _schema_lock:
        _schema_klaar.clear()


def beschrijving() -> str:
    """Where saved scenarios are, for the CLI's status (no password)."""
    url = postgres_url()
    if url is None:
        return "in het databasebestand"
    from psycopg.conninfo import conninfo_to_dict

    delen = conninfo_to_dict(url)
    return f"in PostgreSQL (database {delen.get('dbname', '?')} op {delen.get('host', '?')}:{delen.get('port', '5432')})"


__all__ = [
    "POSTGRES_ENV", "GedeeldeDatabaseOnbereikbaar", "beschrijving", "gecachet", "in_postgres", "lezen", "postgres", "schrijven",
]

