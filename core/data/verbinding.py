"""Opening the database file: short sessions under one cross-process lock.

DuckDB lets one process at a time hold a file read-write, or several hold it read-only,
never both. So no process keeps the file open: every read opens it read-only under a
shared lock and every write opens it read-write under the exclusive lock, for the length
of one transaction (``lezen``/``schrijven``). The lock is a file next to the database
(``<naam>.lock``, portalocker's ``flock``; one machine only). Opening costs tens of
milliseconds, so what was read is cached per process and keyed by a change stamp
(``stempel``): the stat of the file and a token every write renews. A rerun that finds
the stamp unchanged reads nothing from disk.

Before the first session on a file in a process, ``_zorg_voor_database`` builds the file
from the seeds when it is missing, migrates an older schema and adds seed rows the file
lacks (``migraties.bij_openen``), under the exclusive lock.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import duckdb
import portalocker

from core.data.fouten import InGebruik, vertaal
from core.data.paden import DB_PATH_ENV, database_path

LOG = logging.getLogger("core.data")
WACHTTIJD_ENV = "VERKENNER_DB_WACHTTIJD"
WACHTTIJD_S = 15.0  # longest wait for the lock; a write holds it for milliseconds
POLL_S = 0.005  # between tries while another process holds the lock

T = TypeVar("T")


def wachttijd() -> float:
    try:
        return float(os.environ.get(WACHTTIJD_ENV, WACHTTIJD_S))
    except ValueError:
        return WACHTTIJD_S


def slotbestand(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def stempelbestand(path: Path) -> Path:
    return path.with_name(path.name + ".stempel")


def walbestand(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@lru_cache(maxsize=32)
def _pad(path: str | None, omgeving: str | None) -> Path:
    return database_path(path)


def pad(path: str | os.PathLike | None) -> Path:
    """The resolved database file (resolved once per argument and $VERKENNER_DB: reruns call this often)."""
    return _pad(None if path is None else os.fspath(path), os.environ.get(DB_PATH_ENV))


@contextmanager
def slot(path: Path, *, exclusief: bool, actie: str) -> Iterator[None]:
    """Hold the cross-process lock: shared for reading, exclusive for building and writing.

    Each call opens the lock file anew, so threads of one process exclude each other as
    processes do (``flock`` locks belong to the open file, not the process).
    """
    flags = (portalocker.LOCK_EX if exclusief else portalocker.LOCK_SH) | portalocker.LOCK_NB
    bestand = slotbestand(path)
    # flock works on a file opened for reading: an existing lock file on a read-only disk still
    # lets everyone read, and a write then fails with its own cause (no write permission).
    lock = portalocker.Lock(
        str(bestand), mode="r" if bestand.exists() else "a", timeout=wachttijd(), check_interval=POLL_S, flags=flags
    )
    try:
        lock.acquire()
    except portalocker.AlreadyLocked:
        raise InGebruik(actie) from None
    except (OSError, portalocker.LockException) as error:
        raise vertaal(error) from error
    try:
        yield
    finally:
        lock.release()


def stempel(path: Path) -> tuple:
    """Changes whenever the file's contents may have: a write, a migration, a restore."""
    parts: list = []
    for file in (path, walbestand(path)):
        try:
            s = os.stat(file)
            parts.append((s.st_ino, s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            parts.append(None)
    try:
        parts.append(stempelbestand(path).read_text(encoding="ascii"))
    except (FileNotFoundError, UnicodeDecodeError):
        parts.append("")
    return tuple(parts)


def vernieuw_stempel(path: Path) -> None:
    """Tell every process that the file changed (called under the exclusive lock)."""
    target = stempelbestand(path)
    tmp = target.with_name(target.name + ".nieuw")
    try:
        tmp.write_text(secrets.token_hex(8), encoding="ascii")
        os.replace(tmp, target)  # the stamp, never the database
    except OSError as error:
        # The file's own stat is part of the stamp, so readers still see the change.
        LOG.warning("stempel niet vernieuwd: %r", error)


def open_bestand(path: Path, *, alleen_lezen: bool) -> duckdb.DuckDBPyConnection:
    try:
        return stil(duckdb.connect(str(path), read_only=alleen_lezen))
    except (duckdb.Error, OSError) as error:
        raise vertaal(error) from error


def stil(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    # DuckDB draws a progress bar on stdout for a query that runs over two seconds (a loaded
    # machine): it would land in the command line's output and in the server log.
    con.execute("SET enable_progress_bar = false")
    return con


def sluit(con: duckdb.DuckDBPyConnection) -> None:
    """Close (a read-write close also checkpoints); a failure is logged: the commit already stands."""
    try:
        con.close()
    except (duckdb.Error, OSError) as error:
        LOG.warning("sluiten mislukt: %r", error)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # A failed ROLLBACK (e.g. "no transaction is active") must never hide the real cause.
    try:
        con.execute("ROLLBACK")
    except duckdb.Error as error:
        LOG.info("rollback na fout: %r", error)


_gereed: dict[Path, tuple | None] = {}
_gereed_lock = threading.Lock()


def _identiteit(path: Path) -> tuple | None:
    try:
        s = os.stat(path)
    except OSError:
        return None
    return (s.st_dev, s.st_ino)


def _zorg_voor_database(path: Path) -> None:
    """Build, migrate or complete the file once per process (and again after a restore replaced it)."""
    identiteit = _identiteit(path)
    if identiteit is not None and _gereed.get(path) == identiteit:
        return
    from core.data import migraties  # migraties builds on this module

    with _gereed_lock:
        identiteit = _identiteit(path)
        if identiteit is not None and _gereed.get(path) == identiteit:
            return
        if not migraties.is_actueel(path):
            with slot(path, exclusief=True, actie="de database voorbereiden"):
                migraties.bij_openen(path)
                vernieuw_stempel(path)
        _gereed[path] = _identiteit(path)


@contextmanager
def lezen(path: str | os.PathLike | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one read, under the shared lock."""
    resolved = pad(path)
    _zorg_voor_database(resolved)
    with slot(resolved, exclusief=False, actie="lezen"):
        con = open_bestand(resolved, alleen_lezen=True)
        try:
            yield con
        except (duckdb.Error, OSError) as error:
            raise vertaal(error) from error
        finally:
            sluit(con)


@contextmanager
def schrijven(path: str | os.PathLike | None = None, actie: str = "opslaan") -> Iterator[duckdb.DuckDBPyConnection]:
    """One write transaction under the exclusive lock: all of it is stored, or nothing.

    Exceptions raised inside the block roll the transaction back and pass on unchanged
    (after translation of database and OS errors into the Dutch kinds).
    """
    resolved = pad(path)
    _zorg_voor_database(resolved)
    with slot(resolved, exclusief=True, actie=actie):
        con = open_bestand(resolved, alleen_lezen=False)
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                _rollback(con)
                raise
        except (duckdb.Error, OSError) as error:
            raise vertaal(error) from error
        finally:
            sluit(con)
            vernieuw_stempel(resolved)


def connection(path: str | os.PathLike | None = None):
    """A short read-write session (``with data.connection(path) as con: ...``), committed on exit."""
    return schrijven(path, actie="schrijven")


_cache: dict[Path, tuple[tuple, dict]] = {}
_cache_lock = threading.Lock()


def gecachet(path: str | os.PathLike | None, sleutel: tuple, lees: Callable[[Path], T]) -> T:
    """``lees(path)``, remembered until the file's stamp changes. Treat the result as read-only."""
    resolved = pad(path)
    _zorg_voor_database(resolved)
    huidig = stempel(resolved)
    with _cache_lock:
        entry = _cache.get(resolved)
        if entry is None or entry[0] != huidig:
            entry = (huidig, {})
            _cache[resolved] = entry
        if sleutel in entry[1]:
            return entry[1][sleutel]
    # Read outside the cache lock: a slow read must not hold up other sessions' cache hits.
    # Stored under the stamp seen before reading: a write in between only costs a re-read.
    waarde = lees(resolved)
    with _cache_lock:
        entry[1][sleutel] = waarde
    return waarde


def close_all() -> None:
    """Forget what this process cached and checked (tests and benchmarks use fresh files)."""
    with _cache_lock:
        _cache.clear()
    with _gereed_lock:
        _gereed.clear()


__all__ = ["close_all", "connection", "gecachet", "lezen", "pad", "schrijven", "slot", "stempel"]
