"""The whole database as plain files, and back: one CSV per table plus ``manifest.json``.

Plain files outlive any database version: they can be read by people, diffed, archived and
loaded into another tool. The manifest names the schema version, every table with its file,
its columns, its row count and a SHA-256 of the file, so a restore refuses an incomplete or
altered export instead of loading part of it.

    exporteer(map)                 # under the shared lock: a consistent picture
    bouw_uit_export(map, bestand)  # a new database file from an export (checked first)
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

import duckdb

from core.data.bouwen import SCHEMA_VERSIE, nu
from core.data.fouten import DataError, vertaal
from core.data.paden import SCHEMA_FILE
from core.data.verbinding import lezen

MANIFEST = "manifest.json"
# Parents before children (foreign keys): the order tables are loaded in.
VOLGORDE = ("meta", "dataversie", "document", "halfjaarcijfer", "normpad", "begrotingsregel", "kengetal", "invoer",
            "opgeslagen_scenario", "scenario_archief", "migratie")


def _tabellen(con: duckdb.DuckDBPyConnection) -> list[str]:
    namen = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    return [t for t in VOLGORDE if t in namen] + sorted(namen - set(VOLGORDE))


def _kolommen(con: duckdb.DuckDBPyConnection, tabel: str) -> list[str]:
    return [c for (c,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [tabel]
    ).fetchall()]


def _sha256(bestand: Path) -> str:
    return hashlib.sha256(bestand.read_bytes()).hexdigest()


def exporteer(map_: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Write every table to ``map_/<tabel>.csv`` and the manifest; ``map_`` must be new or empty."""
    doel = Path(map_).expanduser().resolve()
    if doel.exists() and any(doel.iterdir()):
        raise DataError(f"De map {doel} is niet leeg; kies een nieuwe map voor de export.")
    try:
        doel.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise vertaal(error) from error
    tabellen: dict[str, dict] = {}
    with lezen(path) as con:
        schema = int(con.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchone()[0])
        for tabel in _tabellen(con):
            bestand = doel / f"{tabel}.csv"
            # NULL is written as an empty field, an empty text as "" (FORCE_QUOTE keeps them apart).
            kolommen = _kolommen(con, tabel)
            con.execute(
                f"COPY (SELECT * FROM {tabel} ORDER BY ALL) TO '{_sql_pad(bestand)}' "  # our own table names
                f"(HEADER, DELIMITER ',', FORCE_QUOTE ({', '.join(kolommen)}))"
            )
            rijen = con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
            tabellen[tabel] = {"bestand": bestand.name, "kolommen": kolommen, "rijen": rijen, "sha256": _sha256(bestand)}
    manifest = {"app": "Sociaal Domein Verkenner", "schema_versie": schema, "gemaakt_op": nu().isoformat(), "tabellen": tabellen}
    (doel / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return doel


def _sql_pad(bestand: Path) -> str:
    return str(bestand).replace("'", "''")


def lees_manifest(map_: str | os.PathLike) -> dict:
    """The manifest of an export, checked against its files; DataError (Dutch) if anything is off."""
    bron = Path(map_).expanduser().resolve()
    try:
        manifest = json.loads((bron / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"In {bron} staat geen {MANIFEST}: dit is geen export van de Verkenner.") from None
    except (OSError, ValueError) as error:
        raise DataError(f"{MANIFEST} in {bron} is onleesbaar ({error}); er is niets teruggezet.") from None
    if manifest.get("schema_versie") != SCHEMA_VERSIE:
        raise DataError(
            f"De export is gemaakt met schemaversie {manifest.get('schema_versie')}; deze app gebruikt {SCHEMA_VERSIE}. "
            "Zet hem terug met de versie van de app die hem maakte, en open de database daarna met deze versie "
            "(die migreert hem). Er is niets teruggezet."
        )
    for tabel, info in manifest.get("tabellen", {}).items():
        bestand = bron / info["bestand"]
        if not bestand.is_file():
            raise DataError(f"Het bestand {info['bestand']} ontbreekt in de export; er is niets teruggezet.")
        if _sha256(bestand) != info["sha256"]:
            raise DataError(f"Het bestand {info['bestand']} is gewijzigd of beschadigd sinds de export; er is niets teruggezet.")
    return manifest


def bouw_uit_export(map_: str | os.PathLike, doel: str | os.PathLike) -> Path:
    """A new database file ``doel`` (must not exist) with exactly the export's rows."""
    bron, doel = Path(map_).expanduser().resolve(), Path(doel).expanduser().resolve()
    manifest = lees_manifest(bron)
    if doel.exists():
        raise DataError(f"Er staat al een bestand op {doel}; er wordt nooit een database overschreven.")
    try:
        con = duckdb.connect(str(doel))
    except duckdb.Error as error:
        raise vertaal(error) from error
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        for tabel in VOLGORDE + tuple(sorted(set(manifest["tabellen"]) - set(VOLGORDE))):
            info = manifest["tabellen"].get(tabel)
            if info is None:
                continue
            if _kolommen(con, tabel) != info["kolommen"]:
                raise DataError(f"De kolommen van {tabel} in de export passen niet bij het schema; er is niets teruggezet.")
            lijst = ", ".join(info["kolommen"])
            con.execute(
                f"INSERT INTO {tabel} ({lijst}) SELECT {lijst} FROM read_csv(?, header = true, all_varchar = true, "
                "delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false)",  # table and columns: checked against our own schema above
                [str(bron / info["bestand"])],
            )
            if con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0] != info["rijen"]:
                raise DataError(f"{tabel}: het aantal rijen klopt niet met het manifest; er is niets teruggezet.")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    except BaseException as error:
        con.close()
        for rest in (doel, doel.with_name(doel.name + ".wal")):
            if rest.exists():
                rest.unlink()
        if isinstance(error, duckdb.Error):
            raise DataError(f"De export kon niet worden ingelezen ({error}); er is niets teruggezet.") from error
        raise
    con.close()
    return doel


def export_tijdstip(map_: str | os.PathLike) -> datetime:
    return datetime.fromisoformat(lees_manifest(map_)["gemaakt_op"])


def registreer() -> None:
    """``python -m core.data export MAP`` and ``python -m core.data export-terugzetten MAP`` (core.data.cli)."""
    import tempfile

    from core import toegang
    from core.data.backup import zet_terug
    from core.data.cli import subcommando

    @subcommando("export", "Schrijf de hele database als CSV-bestanden met manifest.json naar MAP (nieuw of leeg).",
                 lambda p: p.add_argument("map"))
    def _export(args) -> int:
        print(f"Geëxporteerd naar {exporteer(args.map, args.database)}")
        return 0

    @subcommando("export-terugzetten", "Zet een export (MAP met manifest.json) terug; de huidige database wordt eerst "
                 "geback-upt. Herstart daarna de app-processen.", lambda p: p.add_argument("map"))
    def _terug(args) -> int:
        with tempfile.TemporaryDirectory() as tmp:
            nieuw = bouw_uit_export(args.map, Path(tmp) / "uit_export.duckdb")
            eigen = zet_terug(nieuw, args.database, gebruiker=toegang.LOKAAL)
        if eigen is not None:
            print(f"De database van voor het terugzetten staat in: {eigen}")
        print(f"Export teruggezet uit {args.map}. Herstart de app-processen.")
        return 0
