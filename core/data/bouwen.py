"""Building a new database from the reviewable seed files in ``data/seeds``, and adding
seed rows an existing database lacks.

A new file is built next to its destination (``<naam>.<random>.duckdb.tmp``) and linked
into place only if no database exists there: an existing database is never replaced.
"""

from __future__ import annotations

import csv
import os
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb

from core.data.fouten import DataError, LOG, vertaal
from core.data.paden import SCHEMA_FILE, SEEDS_DIR
from core.data.verbinding import stil

# Bump when data/schema.sql changes, and add the step to core.data.migraties.
SCHEMA_VERSIE = 6

# Seed file -> (table, key columns). The key identifies one figure across versions.
SEED_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "documenten.csv": ("document", ("bron_id",)),
    "halfjaarcijfers.csv": ("halfjaarcijfer", ("periode", "grootheid")),
    "normpad.csv": ("normpad", ("periode",)),
    "begrotingsregels.csv": ("begrotingsregel", ("jaar", "regel")),
    "kengetallen.csv": ("kengetal", ("onderwerp", "sleutel", "periode")),
}
STARTDATA = "Startdata uit data/seeds"
NIEUWE_BRONGEGEVENS = "Nieuwe brongegevens uit data/seeds"
TMP_SUFFIX = ".duckdb.tmp"


def nu() -> datetime:
    return datetime.now().replace(microsecond=0)


def build_database(path: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Build a database at ``path`` from the seed files, under the exclusive lock.

    Refuses (DataError) when a database exists there already: it may hold saved work.
    """
    from core.data.verbinding import slot  # verbinding builds on this module

    path = Path(path).expanduser().resolve()
    with slot(path, exclusief=True, actie="de database bouwen"):
        ruim_op(path)
        if path.exists():
            raise DataError("Er staat al een database op deze plek; die wordt nooit vervangen.")
        bouw(path, seeds_dir)


def bouw(path: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Build into a temp file and link it into place if (and only if) ``path`` is free.

    The caller holds the exclusive lock. A crash or a bad seed file leaves no half-written
    database behind: at worst a temp file, which ``ruim_op`` removes under the lock.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=TMP_SUFFIX, dir=path.parent)
        os.close(fd)
        os.unlink(tmp_name)  # DuckDB refuses to open an empty non-database file
    except OSError as error:
        raise vertaal(error) from error
    try:
        con = stil(duckdb.connect(tmp_name))
        try:
            con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            con.execute("INSERT INTO meta VALUES ('schema_versie', ?)", [str(SCHEMA_VERSIE)])
            con.execute("INSERT INTO dataversie VALUES (1, ?, ?)", [nu(), STARTDATA])
            for filename, (table, _key) in SEED_TABLES.items():
                laad_seed(con, seeds_dir / filename, table, versie=1)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _zet_op_zijn_plaats(Path(tmp_name), path)
    except duckdb.Error as error:
        raise vertaal(error) from error
    except OSError as error:
        raise vertaal(error) from error
    finally:
        for leftover in (tmp_name, tmp_name + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def _zet_op_zijn_plaats(tmp: Path, path: Path) -> None:
    # A hard link fails if the target exists: the atomic "rename unless taken".
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise DataError("Er staat al een database op deze plek; die wordt nooit vervangen.") from None
    except OSError:
        # No hard links on this file system: we hold the exclusive lock, so check, then rename.
        if path.exists():
            raise DataError("Er staat al een database op deze plek; die wordt nooit vervangen.") from None
        os.rename(tmp, path)


def ruim_op(path: Path) -> list[Path]:
    """Remove temp files of interrupted builds of ``path`` (the caller holds the exclusive lock)."""
    removed = []
    if not path.parent.is_dir():
        return removed
    for leftover in path.parent.glob(f"{path.name}.*{TMP_SUFFIX}*"):
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError as error:
            LOG.warning("tijdelijk bestand niet opgeruimd: %r", error)
    return removed


def _kolommen_voor_seed(con: duckdb.DuckDBPyConnection, seed: Path, table: str) -> tuple[list[str], list[str]]:
    # vervallen is never in a seed: only an undo sets it (its default, false, applies).
    columns = [c for c in table_columns(con, table) if c != "vervallen"]
    expected = [c for c in columns if c != "versie"]
    header = _csv_header(seed)
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        raise DataError(
            f"Het bestand {seed.name} heeft niet de verwachte kolommen. "
            f"Ontbrekend: {', '.join(missing) or 'geen'}; onbekend: {', '.join(extra) or 'geen'}."
        )
    return columns, expected


def _seed_select(seed: Path, table: str, columns: list[str], expected: list[str], versie: int | None, key: tuple[str, ...], alleen_ontbrekend: bool) -> str:
    # An empty cell is read as NULL; an empty toelichting means "no remark", an empty bestand
    # "not in shared/seeds". An empty peildatum stays NULL: the source names no date.
    selected = [f"coalesce(s.{c}, '')" if c in ("toelichting", "bestand") else f"s.{c}" for c in expected]
    if "versie" in columns:
        selected.append(str(int(versie)))
    where = ""
    if alleen_ontbrekend:
        match = " AND ".join(f"CAST(t.{k} AS VARCHAR) = s.{k}" for k in key)
        where = f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})"
    # table, columns and key come from our own schema and SEED_TABLES, never from input
    return f"SELECT {', '.join(selected)} FROM read_csv(?, header = true, all_varchar = true) s{where}"


def laad_seed(con: duckdb.DuckDBPyConnection, seed: Path, table: str, *, versie: int, alleen_ontbrekend: bool = False) -> int:
    """Insert a seed file's rows (only keys the table lacks, if asked); the number inserted."""
    columns, expected = _kolommen_voor_seed(con, seed, table)
    key = dict(SEED_TABLES.values())[table]
    before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    try:
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            + _seed_select(seed, table, columns, expected, versie, key, alleen_ontbrekend),
            [str(seed)],
        )
    except (duckdb.ConstraintException, duckdb.ConversionException, duckdb.InvalidInputException) as error:
        raise DataError(f"Het bestand {seed.name} bevat een ongeldige waarde: {error}") from error
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before


def ontbrekende_seedrijen(con: duckdb.DuckDBPyConnection, seeds_dir: Path = SEEDS_DIR) -> int:
    """How many seed rows (by key) the database lacks: read-only, cheap enough for every start."""
    total = 0
    for filename, (table, key) in SEED_TABLES.items():
        seed = seeds_dir / filename
        columns, expected = _kolommen_voor_seed(con, seed, table)
        query = _seed_select(seed, table, columns, expected, 0, key, True)
        total += con.execute(f"SELECT count(*) FROM ({query})", [str(seed)]).fetchone()[0]
    return total


def voeg_ontbrekende_seedrijen_toe(con: duckdb.DuckDBPyConnection, seeds_dir: Path = SEEDS_DIR) -> int:
    """Add seed rows whose key the database lacks, as one new data version; never overwrite a figure.

    A database built before a seed row was added would otherwise miss a figure the code
    now needs. Rows whose key exists keep their stored value, whatever the seed says now.
    Runs inside the caller's transaction; returns the number of rows added (0: no new version).
    """
    if not ontbrekende_seedrijen(con, seeds_dir):
        return 0
    versie = con.execute("SELECT max(versie) + 1 FROM dataversie").fetchone()[0]
    con.execute("INSERT INTO dataversie VALUES (?, ?, ?)", [versie, nu(), NIEUWE_BRONGEGEVENS])
    added = sum(
        laad_seed(con, seeds_dir / filename, table, versie=versie, alleen_ontbrekend=True)
        for filename, (table, _key) in SEED_TABLES.items()  # documents first: the figures refer to them
    )
    LOG.info("%d nieuwe seedrijen toegevoegd als dataversie %d", added, versie)
    return added


def _csv_header(seed: Path) -> list[str]:
    if not seed.exists():
        raise DataError(f"Het bronbestand {seed.name} ontbreekt in data/seeds.")
    with seed.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle), [])


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [name for (name,) in rows]
