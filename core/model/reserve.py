"""Beschermd Thuis / Maatschappelijke Opvang: the regiobegroting carried forward, and the reserve.

2026 is the regiobegroting itself (Uitvoeringsplan Zicht op Thuis 2026, §4.1). Later
years keep every structural line, drop the lines the scenario marks eenmalig, and grow
each line by the rate its ``indexatie`` names (DU MO, IUBW, zorgkosten, or none).
The reserve starts at its November 2025 level; each year adds the result and subtracts
other withdrawals (the DNO contribution of 1.010.000 in 2026).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from core.data import Basis
from core.model.scenario import Scenario

INDEXATIE_VELD = {
    "du_mo": "du_mo_indexatie_pct",
    "iubw": "iubw_indexatie_pct",
    "zorgkosten": "zorgkosten_groei_pct",
}
INDEXATIE_LABEL = {
    "du_mo": "DU MO-indexatie",
    "iubw": "IUBW-indexatie",
    "zorgkosten": "zorgkostengroei",
    "geen": "niet geïndexeerd",
}


def jaren(scenario: Scenario, basis: Basis) -> list[int]:
    return list(range(basis.basisjaar, scenario.eind_jaar + 1))


def groeivoet(scenario: Scenario, indexatie: str) -> float:
    """The yearly growth rate (fraction) the scenario applies to lines of this indexatie."""
    veld = INDEXATIE_VELD.get(indexatie)
    return 0.0 if veld is None else getattr(scenario, veld) / 100


def begrotingsregels(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Every begroting line for every year: jaar, stroom, regel, kant, bedrag, indexatie, eenmalig."""
    return pd.DataFrame(_regels_per_jaar(scenario, basis))


def _regels_per_jaar(scenario: Scenario, basis: Basis) -> list[dict]:
    # Plain Python: this runs on every slider move, and pandas' per-call overhead
    # on a dozen lines would dominate the rerun time.
    start = basis.basisjaar
    rows = []
    for jaar in jaren(scenario, basis):
        for line in basis.begrotingsregels:
            eenmalig = line["regel"] in scenario.eenmalig
            if eenmalig and jaar > start:
                continue
            factor = (1 + groeivoet(scenario, line["indexatie"])) ** (jaar - start)
            rows.append(
                {"jaar": jaar, "stroom": line["stroom"], "regel": line["regel"], "kant": line["kant"],
                 "bedrag": line["bedrag"] * factor, "indexatie": line["indexatie"], "eenmalig": eenmalig}
            )
    return rows


def _totalen(scenario: Scenario, basis: Basis) -> dict[tuple[int, str], dict[str, float]]:
    totals: dict[tuple[int, str], dict[str, float]] = {}
    for line in _regels_per_jaar(scenario, basis):
        entry = totals.setdefault((line["jaar"], line["stroom"]), {"baten": 0.0, "lasten": 0.0})
        entry[line["kant"]] += line["bedrag"]
    return totals


def resultaat_per_stroom(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Per jaar and stroom (BW, MO): baten, lasten and resultaat."""
    return pd.DataFrame(
        [
            {"jaar": jaar, "stroom": stroom, "baten": t["baten"], "lasten": t["lasten"],
             "resultaat": t["baten"] - t["lasten"]}
            for (jaar, stroom), t in sorted(_totalen(scenario, basis).items())
        ]
    )


def overige_onttrekkingen(basis: Basis) -> dict[int, float]:
    return {int(jaar): bedrag for jaar, bedrag in basis.kengetallen_van("reserve", "onttrekking_dno").items()}


def reserve_start(basis: Basis) -> float:
    return basis.kengetal("reserve", "stand_begin", str(basis.basisjaar))


def reservepad(start: float, resultaten: dict[int, float], onttrekkingen: dict[int, float]) -> list[dict]:
    """Roll a reserve forward over yearly results {jaar: resultaat}."""
    rows, begin = [], start
    for jaar, resultaat in sorted(resultaten.items()):
        onttrekking = onttrekkingen.get(jaar, 0.0)
        eind = begin + resultaat - onttrekking
        rows.append(
            {"jaar": jaar, "resultaat": resultaat, "overige_onttrekking": onttrekking,
             "reserve_begin": begin, "reserve_eind": eind}
        )
        begin = eind
    return rows


RESERVE_COLUMNS = [
    "jaar", "baten", "lasten", "resultaat", "overige_onttrekking", "reserve_begin", "reserve_eind", "soort",
]


def project_reserve(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """One row per year: baten, lasten, resultaat, overige_onttrekking, reserve_begin, reserve_eind."""
    return pd.DataFrame(reserve_rijen(scenario, basis), columns=RESERVE_COLUMNS)


@lru_cache(maxsize=256)
def reserve_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of project_reserve as plain dicts (the fast path for headline figures).

    Cached per (scenario, basis) like taakstelling_rijen; the rows are shared: never mutate them.
    """
    years: dict[int, dict[str, float]] = {}
    for (jaar, _stroom), t in _totalen(scenario, basis).items():
        entry = years.setdefault(jaar, {"baten": 0.0, "lasten": 0.0})
        entry["baten"] += t["baten"]
        entry["lasten"] += t["lasten"]
    results = {jaar: t["baten"] - t["lasten"] for jaar, t in years.items()}
    pad = reservepad(reserve_start(basis), results, overige_onttrekkingen(basis))
    return tuple({**years[r["jaar"]], **r, "soort": _soort(r["jaar"], basis)} for r in pad)


def _soort(jaar: int, basis: Basis) -> str:
    if jaar == basis.basisjaar:
        return f"afgeleid uit de regiobegroting {jaar} (gerapporteerd)"
    return "prognose uit de scenario-aannames"


def eerste_tekortjaar(reserve: pd.DataFrame | Iterable[dict]) -> int | None:
    """The first year whose end-of-year reserve is negative, or None within the horizon.

    Takes project_reserve's frame or reserve_rijen's rows: one rule for both.
    """
    rows = reserve.to_dict("records") if isinstance(reserve, pd.DataFrame) else reserve
    return next((int(r["jaar"]) for r in rows if r["reserve_eind"] < 0), None)


def reserve_alleen_mo(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """The reserve if it had to carry the MO result on its own (no BW surplus added).

    This is the reading under which the regiobegroting's 'dekking mogelijk tot en met
    2027' holds; the app shows it beside the total so the assumption is explicit.
    """
    mo = {jaar: t["baten"] - t["lasten"] for (jaar, stroom), t in _totalen(scenario, basis).items() if stroom == "MO"}
    return pd.DataFrame(reservepad(reserve_start(basis), mo, overige_onttrekkingen(basis)))


def regeloverzicht(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """The begroting lines of the base year: structural or one-off, and how each is indexed."""
    return pd.DataFrame(
        [
            {
                "stroom": line["stroom"],
                "regel": line["regel"],
                "kant": line["kant"],
                "bedrag": line["bedrag"],
                "karakter": "eenmalig" if line["regel"] in scenario.eenmalig else "structureel",
                "indexatie": line["indexatie"],
                "indexatie_label": INDEXATIE_LABEL[line["indexatie"]],
                "groei": groeivoet(scenario, line["indexatie"]) * 100,
            }
            for line in basis.begrotingsregels
        ]
    )
