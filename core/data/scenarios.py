"""The SQL of saved scenarios and their archive: the store's write path.

Every write is one short transaction under the store's exclusive lock
(``verbinding.schrijven``): the check whether a name exists and the insert of the next
version happen together, so twenty simultaneous saves of one new name make one scenario
with versions 1..n. The schema enforces it as well: ``UNIQUE (naam_sleutel, versie)``.

The seam: every statement runs through ``SESSIES`` (a read session, a write session and
a cache), provided by ``core.data.gedeeld``: the DuckDB file (``core.data.verbinding``), or
with ``VERKENNER_POSTGRES`` set the shared PostgreSQL database, where a write takes an
advisory lock. The SQL is portable (no QUALIFY, no sequences, timestamps passed in, ON
CONFLICT; ``?`` placeholders), so both stores run the very same statements.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from core.data import gedeeld
from core.data.fouten import NaamBestaat, NaamOnbekend


@dataclass(frozen=True)
class Sessies:
    """Where saved scenarios live: ``lezen(path)`` and ``schrijven(path, actie=...)`` are context
    managers yielding a connection (the write one commits on leaving, rolls back on an error);
    ``gecachet(path, key, read)`` remembers a read until the store changes."""

    lezen: Callable
    schrijven: Callable
    gecachet: Callable


SESSIES = Sessies(lezen=gedeeld.lezen, schrijven=gedeeld.schrijven, gecachet=gedeeld.gecachet)

KOLOMMEN = ("id", "naam", "versie", "omschrijving", "instellingen", "data_versie", "opgeslagen_op")


def naam_sleutel(naam: str) -> str:
    """The name as the store compares it: case folded, whitespace collapsed."""
    return " ".join(naam.split()).casefold()


def insert_scenario(
    path, naam: str, omschrijving: str, instellingen: str, data_versie: int, *, nieuw: bool = True
) -> dict:
    """Store a scenario: a new name (``nieuw``, version 1) or the next version of an existing one.

    Raises NaamBestaat (a new name that is taken; carries the stored spelling) or
    NaamOnbekend (a new version of a name that has none), decided inside the transaction.
    """
    sleutel = naam_sleutel(naam)
    with SESSIES.schrijven(path, actie="opslaan") as con:
        row = con.execute(
            "SELECT min(naam), max(versie) FROM opgeslagen_scenario WHERE naam_sleutel = ?", [sleutel]
        ).fetchone()
        bestaande_naam, hoogste = row if row else (None, None)
        if nieuw and bestaande_naam is not None:
            raise NaamBestaat(bestaande_naam)
        if not nieuw and bestaande_naam is None:
            raise NaamOnbekend(naam)
        scenario_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM opgeslagen_scenario").fetchone()[0]
        con.execute(
            "INSERT INTO opgeslagen_scenario (id, naam, naam_sleutel, versie, omschrijving, instellingen, data_versie, "
            "opgeslagen_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [scenario_id, bestaande_naam or naam, sleutel, (hoogste or 0) + 1, omschrijving, instellingen, data_versie,
             datetime.now().replace(microsecond=0)],
        )
        return _select(con, "s.id = ?", [scenario_id])[0]


def set_archived(path, naam: str, archived: bool) -> None:
    sleutel = naam_sleutel(naam)
    with SESSIES.schrijven(path, actie="archiveren") as con:
        if archived:
            con.execute(
                "INSERT INTO scenario_archief VALUES (?, ?) ON CONFLICT DO NOTHING",
                [sleutel, datetime.now().replace(microsecond=0)],
            )
        else:
            con.execute("DELETE FROM scenario_archief WHERE naam_sleutel = ?", [sleutel])


def _select(con, where: str, params: list) -> list[dict]:
    rows = con.execute(
        f"SELECT {', '.join('s.' + k for k in KOLOMMEN)}, "
        "(SELECT min(id) FROM opgeslagen_scenario f WHERE f.naam_sleutel = s.naam_sleutel), a.naam_sleutel IS NOT NULL "
        "FROM opgeslagen_scenario s LEFT JOIN scenario_archief a ON a.naam_sleutel = s.naam_sleutel "
        f"WHERE {where} ORDER BY s.naam_sleutel, s.versie",  # where: our own constant fragments
        params,
    ).fetchall()
    return [dict(zip((*KOLOMMEN, "eerste_id", "gearchiveerd"), row)) for row in rows]


def _gelezen(path, sleutel: tuple, where: str, params: list) -> list[dict]:
    def lees(resolved):
        with SESSIES.lezen(resolved) as con:
            return _select(con, where, params)

    # Copies: the cached rows stay as read whatever a caller does with its dicts.
    return [dict(r) for r in SESSIES.gecachet(path, sleutel, lees)]


def select_scenario(path, scenario_id: int) -> dict | None:
    rows = _gelezen(path, ("scenario", int(scenario_id)), "s.id = ?", [int(scenario_id)])
    return rows[0] if rows else None


def select_versions(path, naam: str) -> list[dict]:
    sleutel = naam_sleutel(naam)
    return _gelezen(path, ("versies", sleutel), "s.naam_sleutel = ?", [sleutel])


def select_latest_scenarios(path) -> list[dict]:
    """The newest version of every saved name, archived ones included (flagged)."""
    return _gelezen(
        path, ("scenarios", "nieuwste"),
        "s.versie = (SELECT max(versie) FROM opgeslagen_scenario o WHERE o.naam_sleutel = s.naam_sleutel)", [],
    )


def aantal_scenarios(path: str | os.PathLike | None = None) -> tuple[int, int]:
    """(names, versions) stored: for the CLI's status."""
    with SESSIES.lezen(path) as con:
        return con.execute("SELECT count(DISTINCT naam_sleutel), count(*) FROM opgeslagen_scenario").fetchone()
