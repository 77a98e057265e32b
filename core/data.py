"""The one data-access module: builds, opens and reads the DuckDB database.

No other module writes SQL. The database is built from the reviewable seed files
in ``data/seeds`` when it does not exist yet. Every read goes through a fresh
cursor of one connection per database file, so Streamlit's threads never share
a cursor (DuckDB connections are not safe to share across threads; cursors are).
"""

from __future__ import annotations

import csv
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

import duckdb
import pandas as pd

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
SEEDS_DIR = DATA_DIR / "seeds"
SCHEMA_FILE = DATA_DIR / "schema.sql"
DEFAULT_DB_PATH = DATA_DIR / "verkenner.duckdb"
DB_PATH_ENV = "VERKENNER_DB"

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


class DataError(Exception):
    """A problem with the database or the seed files, with a message for the user (Dutch)."""


class SchemaVersionError(DataError):
    """The database file was made by another version of the schema."""


@dataclass(frozen=True, eq=False)
class Basis:
    """All base figures at one data version. Treat the frames as read-only."""

    versie: int
    halfjaar: pd.DataFrame
    normpad: pd.DataFrame
    begroting: pd.DataFrame
    kengetallen: pd.DataFrame
    documenten: pd.DataFrame

    # Plain-Python views of the frames, computed once per Basis: the projections run on
    # every slider move, and filtering small frames with pandas would dominate them.

    @cached_property
    def halfjaarcijfers(self) -> dict[str, dict[str, int]]:
        """{periode: {grootheid: waarde}}."""
        table: dict[str, dict[str, int]] = {}
        for (periode, grootheid), row in self.halfjaar_rijen.items():
            table.setdefault(periode, {})[grootheid] = int(row["waarde"])
        return table

    @cached_property
    def halfjaar_rijen(self) -> dict[tuple[str, str], dict]:
        """{(periode, grootheid): full row with its source}."""
        return {(r["periode"], r["grootheid"]): r for r in self.halfjaar.to_dict("records")}

    @cached_property
    def norm_rijen(self) -> dict[str, dict]:
        return {r["periode"]: r for r in self.normpad.to_dict("records")}

    @cached_property
    def kengetal_rijen(self) -> dict[tuple[str, str, str], dict]:
        return {(r["onderwerp"], r["sleutel"], r["periode"]): r for r in self.kengetallen.to_dict("records")}

    @cached_property
    def normen(self) -> dict[str, int]:
        """{periode: maximum achterstand at the end of that half year}."""
        return dict(zip(self.normpad["periode"], (int(v) for v in self.normpad["max_achterstand"])))

    @cached_property
    def deadlines(self) -> dict[str, date]:
        return dict(zip(self.normpad["periode"], (d.date() for d in pd.to_datetime(self.normpad["deadline"]))))

    @cached_property
    def documenttitels(self) -> dict[str, str]:
        return dict(zip(self.documenten["bron_id"], self.documenten["titel"]))

    @cached_property
    def documentnamen(self) -> dict[str, str]:
        """Short document names, for provenance inside tables."""
        return dict(zip(self.documenten["bron_id"], self.documenten["kort"]))

    @cached_property
    def basisjaar(self) -> int:
        """The year of the newest begroting: the first year of the reserve projection."""
        return int(self.begroting["jaar"].max())

    @cached_property
    def begrotingsregels(self) -> list[dict]:
        """The lines of the newest begroting as records."""
        return self.begroting[self.begroting["jaar"] == self.basisjaar].to_dict("records")

    def kengetal(self, onderwerp: str, sleutel: str, periode: str) -> float:
        try:
            return float(self.kengetal_rijen[(onderwerp, sleutel, periode)]["waarde"])
        except KeyError:
            raise DataError(f"Kengetal ontbreekt in de basisdata: {onderwerp}/{sleutel}/{periode}.") from None

    def kengetallen_van(self, onderwerp: str, sleutel: str) -> dict[str, float]:
        """{periode: waarde} for one kengetal."""
        return {p: float(r["waarde"]) for (o, k, p), r in self.kengetal_rijen.items() if (o, k) == (onderwerp, sleutel)}


def database_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the argument, else $VERKENNER_DB, else data/verkenner.duckdb."""
    chosen = path or os.environ.get(DB_PATH_ENV) or DEFAULT_DB_PATH
    return Path(chosen).expanduser().resolve()


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


# Additions for staff entries (core/data_invoer.py): who/why per data version, and the marker for a
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


def _read(path: str | os.PathLike | None, sql: str, params: list | None = None) -> pd.DataFrame:
    cursor = connection(path).cursor()
    try:
        return cursor.execute(sql, params or []).df()
    except duckdb.Error as error:
        raise DataError(f"De database kon niet worden gelezen: {error}") from error
    finally:
        cursor.close()


def latest_versie(path: str | os.PathLike | None = None) -> int:
    """The newest data version in the database (cheap: checked on every rerun as a cache key)."""
    cursor = connection(path).cursor()
    try:
        return int(cursor.execute("SELECT max(versie) FROM dataversie").fetchone()[0])
    except duckdb.Error as error:
        raise DataError(f"De database kon niet worden gelezen: {error}") from error
    finally:
        cursor.close()


def _as_of(path, table: str, key: tuple[str, ...], versie: int, order: str) -> pd.DataFrame:
    partition = ", ".join(key)
    # The newest row per key at or below the version; a key whose newest row is marked vervallen
    # (taken away again by an undo) is left out.
    return _read(
        path,
        f"SELECT * EXCLUDE (vervallen) FROM (SELECT * FROM {table} WHERE versie <= ? "  # our own constants
        f"QUALIFY row_number() OVER (PARTITION BY {partition} ORDER BY versie DESC) = 1) "
        f"WHERE vervallen IS NOT TRUE ORDER BY {order}",
        [versie],
    )


def load_basis(path: str | os.PathLike | None = None, versie: int | None = None) -> Basis:
    """All base figures as they were at data version ``versie`` (default: the newest)."""
    versie = latest_versie(path) if versie is None else versie
    tables = {table: key for table, key in SEED_TABLES.values()}
    begroting = _as_of(path, "begrotingsregel", tables["begrotingsregel"], versie, "jaar, stroom, kant DESC, regel")
    begroting["bedrag"] = begroting["bedrag"].astype(float)
    kengetallen = _as_of(path, "kengetal", tables["kengetal"], versie, "onderwerp, sleutel, periode")
    kengetallen["waarde"] = kengetallen["waarde"].astype(float)
    return Basis(
        versie=versie,
        halfjaar=_as_of(path, "halfjaarcijfer", tables["halfjaarcijfer"], versie, "periode, grootheid"),
        normpad=_as_of(path, "normpad", tables["normpad"], versie, "periode"),
        begroting=begroting,
        kengetallen=kengetallen,
        documenten=_read(path, "SELECT * FROM document ORDER BY datum, bron_id"),
    )


# --- saved scenarios -------------------------------------------------------------------
# All writes go through one lock: DuckDB allows one writer per file, and the version
# number of a new save must not race with another session saving the same name.
_write_lock = threading.Lock()

SCENARIO_KOLOMMEN = "id, naam, versie, omschrijving, instellingen, data_versie, opgeslagen_op"


def _write(path, sql: str, params: list) -> list[tuple]:
    with _write_lock:
        cursor = connection(path).cursor()
        try:
            cursor.execute("BEGIN TRANSACTION")
            rows = cursor.execute(sql, params).fetchall()
            cursor.execute("COMMIT")
            return rows
        except duckdb.Error as error:
            cursor.execute("ROLLBACK")
            raise DataError(f"Opslaan in de database is mislukt; er is niets gewijzigd. ({error})") from error
        finally:
            cursor.close()


def insert_scenario(path, naam: str, omschrijving: str, instellingen: str, data_versie: int) -> dict:
    """Store a scenario as the next version of ``naam`` (version 1 for a new name)."""
    rows = _write(
        path,
        "INSERT INTO opgeslagen_scenario (naam, versie, omschrijving, instellingen, data_versie, opgeslagen_op) "
        "SELECT ?, coalesce(max(versie), 0) + 1, ?, ?, ?, now()::TIMESTAMP "
        "FROM opgeslagen_scenario WHERE naam = ? RETURNING id",
        [naam, omschrijving, instellingen, data_versie, naam],
    )
    return select_scenario(path, rows[0][0])


def set_archived(path, naam: str, archived: bool) -> None:
    if archived:
        _write(path, "INSERT OR IGNORE INTO scenario_archief VALUES (?, now()::TIMESTAMP)", [naam])
    else:
        _write(path, "DELETE FROM scenario_archief WHERE naam = ?", [naam])


def _scenario_record(row: tuple) -> dict:
    keys = [k.strip() for k in SCENARIO_KOLOMMEN.split(",")] + ["eerste_id", "gearchiveerd"]
    return dict(zip(keys, row))


def _select_scenarios(path, where: str, params: list) -> list[dict]:
    cursor = connection(path).cursor()
    try:
        rows = cursor.execute(
            f"SELECT {', '.join('s.' + k.strip() for k in SCENARIO_KOLOMMEN.split(','))}, "
            "(SELECT min(id) FROM opgeslagen_scenario f WHERE f.naam = s.naam), a.naam IS NOT NULL "
            "FROM opgeslagen_scenario s LEFT JOIN scenario_archief a ON a.naam = s.naam "
            f"WHERE {where} ORDER BY s.naam, s.versie",  # where: our own constant fragments
            params,
        ).fetchall()
    except duckdb.Error as error:
        raise DataError(f"De opgeslagen scenario's konden niet worden gelezen: {error}") from error
    finally:
        cursor.close()
    return [_scenario_record(row) for row in rows]


def select_scenario(path, scenario_id: int) -> dict | None:
    rows = _select_scenarios(path, "s.id = ?", [scenario_id])
    return rows[0] if rows else None


def select_versions(path, naam: str) -> list[dict]:
    return _select_scenarios(path, "s.naam = ?", [naam])


def select_latest_scenarios(path) -> list[dict]:
    """The newest version of every saved name, archived ones included (flagged)."""
    return _select_scenarios(
        path, "s.versie = (SELECT max(versie) FROM opgeslagen_scenario o WHERE o.naam = s.naam)", []
    )
