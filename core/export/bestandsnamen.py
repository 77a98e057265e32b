"""File names that say what a file holds and for which scenario: ``reserve_hoge-instroom.xlsx``."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache

from core.model.scenario import Scenario


@lru_cache(maxsize=1024)
def veilig(text: str) -> str:
    """Lowercase ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@lru_cache(maxsize=256)
def scenario_code(scenario: Scenario, naam: str | None = None) -> str:
    """The saved scenario's name, ``basisscenario``, or ``scenario-`` and a short hash stable across runs.

    Cached: every download button of a page names its file with it, on every rerun."""
    if naam and veilig(naam):
        return veilig(naam)[:60]
    if scenario.is_basis:
        return "basisscenario"
    query = json.dumps(scenario.naar_query(), sort_keys=True)
    return "scenario-" + hashlib.sha256(query.encode()).hexdigest()[:8]


def bestandsnaam(onderwerp: str, scenario: Scenario, extensie: str, naam: str | None = None) -> str:
    """``taakstelling_basisscenario.csv``, ``reserve_hoge-instroom.xlsx``, ``reserve_scenario-1a2b3c4d.xlsx``."""
    return f"{veilig(onderwerp)}_{scenario_code(scenario, naam)}.{veilig(extensie)}"
