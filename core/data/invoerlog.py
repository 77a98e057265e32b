"""Entered figures shared through PostgreSQL: one append-only log row per data version.

With ``VERKENNER_POSTGRES`` set, an entry or an undo is stored twice in one step: as rows of
the local DuckDB file (the engine every projection reads from) and as one row of the table
``gegevensinvoer`` in PostgreSQL (versie, ingelezen_op, omschrijving and the rows the version
added, as JSON). The PostgreSQL insert runs inside the DuckDB write transaction, after the
version's rows are written: if PostgreSQL refuses (another machine stored that version first,
or the server is down) the local rows are rolled back and nothing is stored anywhere.

Every process replays the versions other machines logged (``synchroniseer``): before a run
reads the newest data version, at most once a second, and always before an entry. Replayed
versions keep their numbers, so a saved scenario pinned to data version n means the same
figures on every machine. Nothing is ever updated or deleted, here as in the file.

A version number the file already holds with another description or moment means that this
file and the shared database went separate ways (an entry made in this file before PostgreSQL
was configured, say): the app says so in Dutch and stores nothing until a beheerder has given
the process a file of its own (see README, "Productie").
"""

from __future__ import annotations

import json
import logging
import threading
import time
from datetime import date, datetime

import pandas as pd

from core.data import gedeeld, verbinding
from core.data.fouten import DataError

LOG = logging.getLogger("core.data")
VERVERS_S = 1.0  # how often a process asks PostgreSQL for versions other machines stored
_bekend: dict[tuple[str, str], tuple[int, float]] = {}  # (file, server) -> (highest version replayed, when asked)
_bekend_lock = threading.Lock()


class VeranderdeData(DataError):
    """Another entry was stored since the preview: nothing stored."""


class LooptNietGelijk(DataError):
    def __init__(self, versie: int) -> None:
        super().__init__(
            f"Dataversie {versie} van dit databasebestand is een andere dan dataversie {versie} in de gedeelde database. "
            "Er is niets opgeslagen. Meld dit aan de beheerder: dit proces heeft een eigen, nieuw databasebestand nodig "
            "(dat neemt alle invoer uit de gedeelde database over)."
        )


def _invoer():
    from core.data import invoer  # invoer imports this module for its writes

    return invoer


def _tabellen() -> tuple[str, ...]:
    return ("document", *_invoer().TABELLEN, "invoer")


def _json(waarde):
    """Dates as ISO text (DuckDB reads them back into DATE columns); anything else JSON lacks as text."""
    return waarde.isoformat() if isinstance(waarde, (date, datetime)) else str(waarde)


def _inhoud(con, versie: int) -> str:
    rijen = _invoer()._rijen_van_versie
    return json.dumps({t: rijen(con, t, versie) for t in _tabellen()}, default=_json, ensure_ascii=False)


def _vergelijkbaar(inhoud: str) -> dict:
    """The rows of a logged version in a fixed order: two stores hold the same version if these are equal."""
    tabellen = json.loads(inhoud)
    return {t: sorted(json.dumps(r, sort_keys=True) for r in rijen) for t, rijen in tabellen.items()}


def publiceer(path, con, versie: int) -> None:
    """Log data version ``versie`` (just written through ``con``, not yet committed) in PostgreSQL."""
    url = gedeeld.postgres_url()
    if url is None:
        return
    op, omschrijving = con.execute("SELECT ingelezen_op, omschrijving FROM dataversie WHERE versie = ?", [versie]).fetchone()
    inhoud = _inhoud(con, versie)
    with gedeeld.postgres(url, schrijven=True) as pg:
        hoogste = pg.execute("SELECT coalesce(max(versie), 0) FROM gegevensinvoer").fetchone()[0]
        if hoogste >= versie:
            raise VeranderdeData(
                f"Intussen zijn er op een andere plek cijfers opgeslagen (dataversie {hoogste}). Er is niets "
                "opgeslagen; bekijk het voorbeeld opnieuw en sla dan op."
            )
        pg.execute("INSERT INTO gegevensinvoer VALUES (?, ?, ?, ?)", [versie, op, omschrijving, inhoud])
    _onthoud(str(verbinding.pad(path)), url, versie)


def synchroniseer(path, *, altijd: bool = False) -> int:
    """Replay into the file the versions other machines logged; return how many. Without PostgreSQL: 0.

    ``altijd``: ask now (before an entry); otherwise at most once per VERVERS_S, and a server
    that cannot be reached leaves the pages on the figures they have (the log says so).
    """
    url = gedeeld.postgres_url()
    if url is None:
        return 0
    bestand = str(verbinding.pad(path))
    with _bekend_lock:
        hoogste, gevraagd = _bekend.get((bestand, url), (0, float("-inf")))
        if not altijd and time.monotonic() - gevraagd < VERVERS_S:
            return 0
        _bekend[(bestand, url)] = (hoogste, time.monotonic())
    try:
        with gedeeld.postgres(url, schrijven=False) as pg:
            nieuw = pg.execute(
                "SELECT versie, ingelezen_op, omschrijving, inhoud FROM gegevensinvoer WHERE versie > ? ORDER BY versie",
                [hoogste],
            ).fetchall()
            gedeelde = {r[0] for r in pg.execute("SELECT versie FROM gegevensinvoer").fetchall()} if altijd or not hoogste else None
    except gedeeld.GedeeldeDatabaseOnbereikbaar:
        if altijd:
            raise
        LOG.warning("Gedeelde database onbereikbaar: de pagina's tonen de cijfers van dit databasebestand.")
        return 0
    if gedeelde is not None:
        _alleen_hier(bestand, gedeelde)
    if not nieuw:
        return 0
    toegepast = _pas_toe(bestand, nieuw)
    _onthoud(bestand, url, nieuw[-1][0])
    return toegepast


def _alleen_hier(bestand: str, gedeelde: set[int]) -> None:
    """Refuse a file holding entries the shared log lacks (made before PostgreSQL was configured):
    the other machines would never see them, and this file would go on from other figures."""
    with verbinding.lezen(bestand) as con:
        eigen = [r[0] for r in con.execute("SELECT versie FROM invoer ORDER BY versie").fetchall()]
    if missend := [v for v in eigen if v not in gedeelde]:
        raise LooptNietGelijk(missend[0])


def _onthoud(bestand: str, url: str, versie: int) -> None:
    with _bekend_lock:
        hoogste, gevraagd = _bekend.get((bestand, url), (0, float("-inf")))
        _bekend[(bestand, url)] = (max(hoogste, versie), gevraagd)


def _pas_toe(bestand: str, versies: list[tuple]) -> int:
    toegepast = 0
    with verbinding.schrijven(bestand, actie="gegevens bijwerken") as con:
        for versie, op, omschrijving, inhoud in versies:
            lokaal = con.execute("SELECT ingelezen_op, omschrijving FROM dataversie WHERE versie = ?", [versie]).fetchone()
            if lokaal is not None:
                # Stored here already (this process wrote it, or replayed it before), unless it is another
                # version under the same number: the same moment and description are not enough to tell.
                zelfde = (pd.Timestamp(lokaal[0]), lokaal[1]) == (pd.Timestamp(op), omschrijving)
                if not zelfde or _vergelijkbaar(_inhoud(con, versie)) != _vergelijkbaar(inhoud):
                    raise LooptNietGelijk(versie)
                continue
            con.execute("INSERT INTO dataversie VALUES (?, ?, ?)", [versie, op, omschrijving])
            for tabel, rijen in json.loads(inhoud).items():
                for rij in rijen:
                    _invoer()._insert(con, tabel, rij, versie)
            toegepast += 1
    return toegepast


def vergeet() -> None:
    """Tests start fresh servers and files: ask again."""
    with _bekend_lock:
        _bekend.clear()
