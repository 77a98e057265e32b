"""Saved scenarios: named, versioned, immutable, archivable; each pinned to its data version.

The SQL lives in core.data; this module holds the rules: what a valid name is, when a
save is a new scenario and when a new version, and how settings become a Scenario.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import pandas as pd

from core import data, toegang
from core.model import instellingen
from core.model.scenario import Scenario
from core.tekst import zinnen
from core.toegang import LOKAAL, Gebruiker

MAX_NAAM = 80
MAX_OMSCHRIJVING = 1000


class OngeldigeInvoer(ValueError):
    """Input the user must correct; the message is Dutch and says how."""


@dataclass(frozen=True)
class OpgeslagenScenario:
    id: int
    naam: str
    versie: int
    omschrijving: str
    scenario: Scenario
    data_versie: int
    opgeslagen_op: datetime
    gearchiveerd: bool
    eerste_id: int  # id of version 1: names the scenario across its versions (e.g. for its colour)
    problemen: tuple[str, ...] = ()  # Dutch: stored values that could not be read (shown when it opens)

    @property
    def label(self) -> str:
        return f"{self.naam} (versie {self.versie})"


def _stuurtekens(tekst: str) -> bool:
    # Control characters (NUL, escape codes) break exports and terminals; tab/newline in a
    # description are ordinary text.
    return any(unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\t\r" for c in tekst)


def valideer(naam: str, omschrijving: str) -> tuple[str, str]:
    """Cleaned (naam, omschrijving), or OngeldigeInvoer with a Dutch message."""
    naam, omschrijving = " ".join((naam or "").split()), (omschrijving or "").strip()
    if not naam:
        raise OngeldigeInvoer("Geef het scenario een naam.")
    if _stuurtekens(naam) or _stuurtekens(omschrijving):
        raise OngeldigeInvoer("De naam of omschrijving bevat een onzichtbaar stuurteken; typ de tekst opnieuw zonder.")
    if len(naam) > MAX_NAAM:
        raise OngeldigeInvoer(f"De naam is {len(naam)} tekens lang; het maximum is {MAX_NAAM}.")
    if len(omschrijving) > MAX_OMSCHRIJVING:
        raise OngeldigeInvoer(
            f"De omschrijving is {len(omschrijving)} tekens lang; het maximum is {MAX_OMSCHRIJVING}."
        )
    return naam, omschrijving


def bewaar(
    scenario: Scenario,
    naam: str,
    omschrijving: str,
    data_versie: int,
    *,
    nieuwe_versie: bool = False,
    path: str | os.PathLike | None = None,
    gebruiker: Gebruiker = LOKAAL,
) -> OpgeslagenScenario:
    """Save ``scenario``: as a new name, or (``nieuwe_versie``) as the next version of an existing one."""
    toegang.controleer(gebruiker, toegang.OPSLAAN)
    naam, omschrijving = valideer(naam, omschrijving)
    # The check whether the name exists and the insert are one transaction in core.data.
    try:
        record = data.insert_scenario(
            path, naam, omschrijving, instellingen.naar_json(scenario), data_versie, nieuw=not nieuwe_versie
        )
    except data.NaamBestaat as bestaand:
        raise OngeldigeInvoer(
            f"Er bestaat al een scenario met de naam '{bestaand.naam}'. "
            "Kies een andere naam, of sla op als nieuwe versie van dat scenario."
        ) from None
    except data.NaamOnbekend:
        raise OngeldigeInvoer(f"Er is nog geen scenario '{naam}'; sla het op als nieuw scenario.") from None
    return _uit_record(record, path)


def lijst(path: str | os.PathLike | None = None, *, gearchiveerd: bool = False) -> list[OpgeslagenScenario]:
    """The newest version of every saved scenario; archived ones only when asked."""
    return [_uit_record(r, path) for r in data.select_latest_scenarios(path) if gearchiveerd or not r["gearchiveerd"]]


def versies(naam: str, path: str | os.PathLike | None = None) -> list[OpgeslagenScenario]:
    """Every version of one scenario, oldest first: older versions stay readable."""
    return [_uit_record(r, path) for r in data.select_versions(path, naam)]


def open_scenario(scenario_id: int, path: str | os.PathLike | None = None) -> OpgeslagenScenario | None:
    record = data.select_scenario(path, scenario_id)
    return None if record is None else _uit_record(record, path)


def archiveer(naam: str, path: str | os.PathLike | None = None, *, gebruiker: Gebruiker = LOKAAL) -> None:
    toegang.controleer(gebruiker, toegang.ARCHIVEREN)
    data.set_archived(path, naam, True)


def herstel(naam: str, path: str | os.PathLike | None = None, *, gebruiker: Gebruiker = LOKAAL) -> None:
    toegang.controleer(gebruiker, toegang.ARCHIVEREN)
    data.set_archived(path, naam, False)


@lru_cache(maxsize=32)
def _regels(path: str, data_versie: int) -> tuple[str, ...]:
    # A data version never changes once stored, so its begroting lines can be cached.
    return data.load_basis(path, data_versie).regelnamen


@lru_cache(maxsize=512)
def _lees(instellingen_json: str, regels: tuple[str, ...]) -> tuple[Scenario, tuple[str, ...]]:
    # A stored version's settings never change: the compare page and the sidebar read the whole
    # list on every rerun, so each version is parsed and validated once per process.
    return instellingen.lees_json(instellingen_json, regels)


def _uit_record(record: dict, path) -> OpgeslagenScenario:
    regels = _regels(str(data.database_path(path)), int(record["data_versie"]))
    scenario, problemen = _lees(record["instellingen"], regels)
    return OpgeslagenScenario(
        id=int(record["id"]),
        naam=record["naam"],
        versie=int(record["versie"]),
        omschrijving=record["omschrijving"],
        scenario=scenario,
        data_versie=int(record["data_versie"]),
        opgeslagen_op=record["opgeslagen_op"],
        gearchiveerd=bool(record["gearchiveerd"]),
        eerste_id=int(record["eerste_id"]),
        problemen=problemen,
    )


def overzicht(opgeslagen: list[OpgeslagenScenario]) -> pd.DataFrame:
    """One row per saved scenario for the list: what it is and how it differs from the baseline."""
    return pd.DataFrame(
        {
            "id": [s.id for s in opgeslagen],
            "naam": [s.naam for s in opgeslagen],
            "versie": [s.versie for s in opgeslagen],
            "omschrijving": [s.omschrijving for s in opgeslagen],
            "afwijkingen": [zinnen.afwijkingen(s.scenario) for s in opgeslagen],
            "opgeslagen_op": [s.opgeslagen_op for s in opgeslagen],
            "data_versie": [s.data_versie for s in opgeslagen],
            "status": ["gearchiveerd" if s.gearchiveerd else "actief" for s in opgeslagen],
        }
    )
