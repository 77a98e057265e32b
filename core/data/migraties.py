"""Numbered schema migrations: any earlier database is upgraded in place, never refused.

How a migration runs (``migreer``), all in one transaction after a backup copy of the file:

1. every table is copied into a temporary table ``oud_<table>`` (no constraints, so any
   change is allowed on it);
2. the steps ``MIGRATIES[n]`` (schema n -> n + 1) change the copies, from the file's
   version up to ``SCHEMA_VERSIE``, and return Dutch notes for the operator;
3. the old tables are dropped, ``data/schema.sql`` creates the current ones, and every
   copy is inserted by column name. A copy whose columns differ from its table stops the
   migration (a step is missing): nothing is changed.

To change the schema: edit ``data/schema.sql``, bump ``SCHEMA_VERSIE`` in ``bouwen.py``
and add ``MIGRATIES[old]``: a function that makes the ``oud_*`` copies match the new
tables. A table the new schema adds and that starts empty needs no step.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from core.data.bouwen import SCHEMA_VERSIE, bouw, nu, ruim_op, table_columns, voeg_ontbrekende_seedrijen_toe, ontbrekende_seedrijen
from core.data.fouten import LOG, SchemaVersionError, vertaal
from core.data.paden import SCHEMA_FILE, SEEDS_DIR
from core.data.verbinding import open_bestand, slot, sluit, walbestand

OUDSTE_VERSIE = 1


def schema_versie(con: duckdb.DuckDBPyConnection) -> int | None:
    """The file's schema version; None if it has none (not a database of this app)."""
    try:
        row = con.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchone()
    except duckdb.CatalogException:
        return None
    try:
        return int(row[0]) if row else None
    except ValueError:
        return None


def _controleer_versie(versie: int | None) -> None:
    if versie is None or versie < OUDSTE_VERSIE:
        raise SchemaVersionError(
            f"Dit bestand is geen database van deze app (schemaversie {versie if versie is not None else 'onbekend'}). "
            "Er is niets gewijzigd. Laat VERKENNER_DB naar de database van de app wijzen, "
            "of zet een back-up terug (python -m core.data restore)."
        )
    if versie > SCHEMA_VERSIE:
        raise SchemaVersionError(
            f"De database is gemaakt door een nieuwere versie van de app (schemaversie {versie}; deze versie "
            f"kent tot en met {SCHEMA_VERSIE}). Er is niets gewijzigd. Gebruik de nieuwere versie van de app."
        )


def is_actueel(path: Path) -> bool:
    """True if the file exists, has today's schema and every seed row: nothing to do (read-only check)."""
    if not path.exists() or walbestand(path).exists():
        return False
    with slot(path, exclusief=False, actie="de database openen"):
        con = open_bestand(path, alleen_lezen=True)
        try:
            return schema_versie(con) == SCHEMA_VERSIE and ontbrekende_seedrijen(con) == 0
        except duckdb.Error as error:
            raise vertaal(error) from error
        finally:
            sluit(con)


def bij_openen(path: Path) -> None:
    """Build a missing file, migrate an older one, add missing seed rows. Under the exclusive lock."""
    ruim_op(path)
    if not path.exists():
        bouw(path)
        return
    con = open_bestand(path, alleen_lezen=False)  # replays a WAL left by a killed process
    try:
        versie = schema_versie(con)
        _controleer_versie(versie)
        if versie == SCHEMA_VERSIE:
            _in_transactie(con, lambda: voeg_ontbrekende_seedrijen_toe(con))
            return
        con.execute("CHECKPOINT")  # everything in the file itself before it is copied
    except duckdb.Error as error:
        raise vertaal(error) from error
    finally:
        sluit(con)
    from core.data.backup import maak_backup  # backup builds on this module's schema check

    backup = maak_backup(path, f"voor-migratie-v{versie}")
    con = open_bestand(path, alleen_lezen=False)
    try:
        migreer(con, versie, backup.name)
    finally:
        sluit(con)


def _in_transactie(con: duckdb.DuckDBPyConnection, stap: Callable[[], object]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        stap()
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the real cause is raised below, never a failed rollback
        raise


def migreer(con: duckdb.DuckDBPyConnection, van: int, backup: str, seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Upgrade an open file from schema ``van`` to ``SCHEMA_VERSIE`` in one transaction."""
    meldingen: list[str] = []

    def stappen() -> None:
        tabellen = _tabellen(con)
        for tabel in tabellen:
            con.execute(f'CREATE TEMP TABLE "oud_{tabel}" AS SELECT * FROM main."{tabel}"')
        for versie in range(van, SCHEMA_VERSIE):
            meldingen.extend(MIGRATIES[versie](con) or [])
        _vervang_tabellen(con, tabellen)
        con.execute("UPDATE meta SET waarde = ? WHERE sleutel = 'schema_versie'", [str(SCHEMA_VERSIE)])
        con.execute(
            "INSERT INTO migratie VALUES (?, ?, ?, ?, ?)", [van, SCHEMA_VERSIE, nu(), backup, "\n".join(meldingen)]
        )
        voeg_ontbrekende_seedrijen_toe(con, seeds_dir)

    try:
        _in_transactie(con, stappen)
        con.execute("CHECKPOINT")
    except duckdb.Error as error:
        raise vertaal(error) from error
    LOG.warning("database gemigreerd van schemaversie %s naar %s; back-up %s", van, SCHEMA_VERSIE, backup)
    for melding in meldingen:
        LOG.warning("migratie: %s", melding)
    return meldingen


def _tabellen(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in rows]


def _verwijder_volgorde(con: duckdb.DuckDBPyConnection, tabellen: list[str]) -> list[str]:
    """Tables in an order that drops every referencing table before the table it refers to."""
    verwijzingen = con.execute(
        "SELECT table_name, referenced_table FROM duckdb_constraints() "
        "WHERE constraint_type = 'FOREIGN KEY' AND database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    resterend, volgorde = list(tabellen), []
    while resterend:
        vrij = [t for t in resterend if not any(ref == t and tab in resterend and tab != t for tab, ref in verwijzingen)]
        if not vrij:
            raise RuntimeError(f"kringverwijzing tussen tabellen: {resterend}")
        volgorde.extend(vrij)
        resterend = [t for t in resterend if t not in vrij]
    return volgorde


def _vervang_tabellen(con: duckdb.DuckDBPyConnection, oude: list[str]) -> None:
    for tabel in _verwijder_volgorde(con, oude):
        con.execute(f'DROP TABLE main."{tabel}"')
    for (reeks,) in con.execute(
        "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall():
        con.execute(f'DROP SEQUENCE main."{reeks}"')
    schema = SCHEMA_FILE.read_text(encoding="utf-8")
    con.execute(schema)
    nieuwe = re.findall(r"^CREATE TABLE (\w+)", schema, flags=re.MULTILINE)  # parents before children
    for tabel in set(oude) - set(nieuwe):
        raise RuntimeError(f"migratie onvolledig: tabel {tabel} bestaat niet meer en is niet overgezet")
    for tabel in nieuwe:
        if tabel not in oude and not _bestaat_kopie(con, tabel):
            continue
        kolommen = table_columns(con, tabel)
        kopie = [d[0] for d in con.execute(f'SELECT * FROM "oud_{tabel}" LIMIT 0').description]
        if set(kolommen) != set(kopie):
            raise RuntimeError(f"migratie onvolledig voor {tabel}: kolommen {sorted(kopie)} -> {sorted(kolommen)}")
        lijst = ", ".join(f'"{k}"' for k in kolommen)
        con.execute(f'INSERT INTO main."{tabel}" ({lijst}) SELECT {lijst} FROM "oud_{tabel}"')
    for tabel in set(oude) | {t for t in nieuwe if _bestaat_kopie(con, t)}:
        con.execute(f'DROP TABLE IF EXISTS temp."oud_{tabel}"')


def _bestaat_kopie(con: duckdb.DuckDBPyConnection, tabel: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [f"oud_{tabel}"]
        ).fetchone()[0]
    )


# --- the steps ---------------------------------------------------------------------------


def _veel(con: duckdb.DuckDBPyConnection, sql: str, rows: list) -> None:
    if rows:  # DuckDB refuses executemany with no rows
        con.executemany(sql, rows)


def _1_naar_2(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Schema 2 gave every document a short name for tables (``kort``)."""
    with (SEEDS_DIR / "documenten.csv").open(newline="", encoding="utf-8") as handle:
        kort = [(r["kort"], r["bron_id"]) for r in csv.DictReader(handle)]
    con.execute("ALTER TABLE oud_document ADD COLUMN kort VARCHAR")
    _veel(con, "UPDATE oud_document SET kort = ? WHERE bron_id = ?", kort)
    con.execute("UPDATE oud_document SET kort = titel WHERE kort IS NULL")
    return []


def _2_naar_3(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Schema 3 added saved scenarios and their archive (empty in a file from before)."""
    con.execute(
        "CREATE TEMP TABLE oud_opgeslagen_scenario (id INTEGER, naam VARCHAR, versie INTEGER, omschrijving VARCHAR, "
        "instellingen VARCHAR, data_versie INTEGER, opgeslagen_op TIMESTAMP)"
    )
    con.execute("CREATE TEMP TABLE oud_scenario_archief (naam VARCHAR, gearchiveerd_op TIMESTAMP)")
    return []


def _3_naar_4(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Schema 4 stored peildata as precise as their source (text), and a ``raming`` flag."""
    for tabel in ("halfjaarcijfer", "normpad", "begrotingsregel", "kengetal"):
        con.execute(f"ALTER TABLE oud_{tabel} ALTER peildatum TYPE VARCHAR USING strftime(peildatum, '%Y-%m-%d')")
    con.execute("ALTER TABLE oud_document ALTER datum TYPE VARCHAR USING strftime(datum, '%Y-%m-%d')")
    for tabel in ("begrotingsregel", "kengetal"):
        con.execute(f"ALTER TABLE oud_{tabel} ADD COLUMN raming BOOLEAN DEFAULT false")
    return [
        "Peildata van vóór schemaversie 4 zijn overgenomen als volledige datum, zoals ze waren opgeslagen; "
        "de cijfers zelf zijn niet gewijzigd."
    ]


def _4_naar_5(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Schema 5: one scenario per normalised name (``naam_sleutel``), typed settings (format 2)."""
    from core.data.scenarios import naam_sleutel
    from core.model.instellingen import van_linktekst  # core.model builds on core.data: import late
    from core.model.parameters import PARAMETERS_BY_NAME

    meldingen: list[str] = []
    rows = con.execute(
        "SELECT id, naam, versie, instellingen, data_versie FROM oud_opgeslagen_scenario ORDER BY id"
    ).fetchall()
    eerste: dict[str, str] = {}  # sleutel -> the spelling saved first
    nieuwe_naam: dict[str, str] = {}  # stored name -> name after the migration
    for _id, naam, _versie, _inst, _dv in rows:
        if naam in nieuwe_naam:
            continue
        doel = naam
        if naam_sleutel(naam) in eerste:
            n = 2
            while naam_sleutel(doel) in eerste:
                doel = f"{naam[:72]} ({n})"
                n += 1
            meldingen.append(
                f"Scenario '{naam}' had dezelfde naam als '{eerste[naam_sleutel(naam)]}' (op hoofdletters en spaties na) "
                f"en heet nu '{doel}'."
            )
        eerste[naam_sleutel(doel)] = doel
        nieuwe_naam[naam] = doel
    con.execute("ALTER TABLE oud_opgeslagen_scenario ADD COLUMN naam_sleutel VARCHAR")
    updates = []
    for scenario_id, naam, versie, instellingen, data_versie in rows:
        regels = [r for (r,) in con.execute(
            "SELECT DISTINCT regel FROM oud_begrotingsregel WHERE versie <= ? "
            "AND jaar = (SELECT max(jaar) FROM oud_begrotingsregel WHERE versie <= ?)",
            [data_versie, data_versie],
        ).fetchall()]
        try:
            query = json.loads(instellingen)
            document = van_linktekst(query if isinstance(query, dict) else {}, regels)
            if not isinstance(query, dict):
                raise ValueError
        except ValueError:
            document = {"formaat": 2, "waarden": {}, "onleesbaar": {"instellingen": {"tekst": [instellingen], "reden": "geen leesbare instellingen"}}}
        for parameter, fout in document.get("onleesbaar", {}).items():
            label = PARAMETERS_BY_NAME[parameter].label if parameter in PARAMETERS_BY_NAME else parameter
            meldingen.append(
                f"Scenario '{nieuwe_naam[naam]}' versie {versie}: de waarde voor '{label}' kon niet worden gelezen "
                f"({fout['reden']}); de tekst is bewaard en wordt gemeld als het scenario opent."
            )
        doel = nieuwe_naam[naam]
        updates.append((doel, naam_sleutel(doel), json.dumps(document, sort_keys=True, ensure_ascii=False), scenario_id))
    _veel(con, "UPDATE oud_opgeslagen_scenario SET naam = ?, naam_sleutel = ?, instellingen = ? WHERE id = ?", updates)
    archief = con.execute("SELECT naam, gearchiveerd_op FROM oud_scenario_archief").fetchall()
    con.execute("DROP TABLE oud_scenario_archief")
    con.execute("CREATE TEMP TABLE oud_scenario_archief (naam_sleutel VARCHAR, gearchiveerd_op TIMESTAMP)")
    gearchiveerd: dict[str, datetime] = {}
    for naam, op in archief:
        sleutel = naam_sleutel(nieuwe_naam.get(naam, naam))
        gearchiveerd[sleutel] = min(op, gearchiveerd.get(sleutel, op))
    _veel(con, "INSERT INTO oud_scenario_archief VALUES (?, ?)", list(gearchiveerd.items()))
    return meldingen


def _5_naar_6(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Schema 6: staff entries. The figure tables get ``vervallen`` (false for every stored figure), the
    documents the version that added them (1: all were there from the start); the new table ``invoer``
    (who and why per data version) starts empty."""
    con.execute("ALTER TABLE oud_document ADD COLUMN versie INTEGER DEFAULT 1")
    for tabel in ("halfjaarcijfer", "normpad", "begrotingsregel", "kengetal"):
        con.execute(f"ALTER TABLE oud_{tabel} ADD COLUMN vervallen BOOLEAN DEFAULT false")  # our own table names
    return []


MIGRATIES: dict[int, Callable[[duckdb.DuckDBPyConnection], list[str]]] = {
    1: _1_naar_2,
    2: _2_naar_3,
    3: _3_naar_4,
    4: _4_naar_5,
    5: _5_naar_6,
}
