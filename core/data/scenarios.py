"""The SQL of saved scenarios and their archive."""

from __future__ import annotations

import threading

import duckdb

from core.data.fouten import DataError
from core.data.verbinding import connection


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
