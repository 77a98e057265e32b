"""Building a new database from the reviewable seed files in ``data/seeds``."""

from __future__ import annotations

import csv
import os
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb

from core.data.fouten import DataError
from core.data.paden import SCHEMA_FILE, SEEDS_DIR

# Bump when data/schema.sql changes in a way older files cannot be read with.
SCHEMA_VERSIE = 4

# Seed file -> (table, key columns). The key identifies one figure across versions.
SEED_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "documenten.csv": ("document", ()),
    "halfjaarcijfers.csv": ("halfjaarcijfer", ("periode", "grootheid")),
    "normpad.csv": ("normpad", ("periode",)),
    "begrotingsregels.csv": ("begrotingsregel", ("jaar", "regel")),
    "kengetallen.csv": ("kengetal", ("onderwerp", "sleutel", "periode")),
}


def build_database(path: Path, seeds_dir: Path = SEEDS_DIR) -> None:
    """Write a new database at ``path`` from the seed files, atomically.

    The file is built next to its destination and renamed into place, so a crash
    or a bad seed file never leaves a half-written database behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".duckdb.tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp_name)  # DuckDB refuses to open an empty non-database file
    try:
        con = duckdb.connect(tmp_name)
        try:
            con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            con.execute("INSERT INTO meta VALUES ('schema_versie', ?)", [str(SCHEMA_VERSIE)])
            con.execute(
                "INSERT INTO dataversie VALUES (1, ?, 'Startdata uit data/seeds')",
                [datetime.now().replace(microsecond=0)],
            )
            for filename, (table, _key) in SEED_TABLES.items():
                _load_seed(con, seeds_dir / filename, table)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp_name, path)
    finally:
        for leftover in (tmp_name, tmp_name + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def _load_seed(con: duckdb.DuckDBPyConnection, seed: Path, table: str) -> None:
    columns = _table_columns(con, table)
    expected = [c for c in columns if c != "versie"]
    header = _csv_header(seed)
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        raise DataError(
            f"Het bestand {seed.name} heeft niet de verwachte kolommen. "
            f"Ontbrekend: {', '.join(missing) or 'geen'}; onbekend: {', '.join(extra) or 'geen'}."
        )
    # An empty cell is read as NULL; an empty toelichting means "no remark", an empty bestand
    # "not in shared/seeds". An empty peildatum stays NULL: the source names no date.
    selected = [f"coalesce({c}, '')" if c in ("toelichting", "bestand") else c for c in expected]
    values = ", ".join(selected) + (", 1" if "versie" in columns else "")
    try:
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "  # table and columns come from our own schema
            f"SELECT {values} FROM read_csv(?, header = true, all_varchar = true)",
            [str(seed)],
        )
    except duckdb.Error as error:
        raise DataError(f"Het bestand {seed.name} bevat een ongeldige waarde: {error}") from error


def _csv_header(seed: Path) -> list[str]:
    if not seed.exists():
        raise DataError(f"Het bronbestand {seed} ontbreekt.")
    with seed.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle), [])


def _table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [name for (name,) in rows]


