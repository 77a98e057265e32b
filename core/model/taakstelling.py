"""Huisvesting statushouders: the taakstelling, the achterstand and the Provincie's norm path.

Stock-flow per half year h (DOMAIN.md part 1, raadsinformatiebrief 20 mei 2026):
    opgave[h]           = achterstand_begin[h] + taakstelling[h]
    achterstand_eind[h] = max(0, opgave[h] - realisatie[h])
    achterstand_begin[h+1] = achterstand_eind[h]
Realised half years use the reported figures; later ones use the scenario.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from core.tekst import herkomst
from core.data import Basis
from core.model.periode import periodes, vorige_periode
from core.model.parameters import PERSONEN_PER_GROOT_HUISHOUDEN
from core.model.scenario import Scenario

COLUMNS = [
    "periode",
    "taakstelling",
    "achterstand_begin",
    "opgave",
    "realisatie",
    "achterstand_eind",
    "norm_achterstand",
    "haalt_norm",
    "soort",
    "har_plus_huishoudens",
    "har_plus_kosten",
    "niet_geplaatst_grote_gezinnen",
    "herkomst",
]
INTEGER_COLUMNS = COLUMNS[1:7] + COLUMNS[9:12]


def is_gerealiseerd(cijfers: dict[str, int]) -> bool:
    return "realisatie" in cijfers or "achterstand_eind" in cijfers


def standaard_taakstelling(basis: Basis) -> int:
    """The default for unknown future taakstellingen: the last known one (113)."""
    known = {p: c["taakstelling"] for p, c in basis.halfjaarcijfers.items() if "taakstelling" in c}
    return known[max(known)]


def toekomstige_taakstelling(scenario: Scenario, basis: Basis) -> int:
    return round(standaard_taakstelling(basis) * (1 + scenario.instroom_pct / 100))


def eerste_periode(cijfers: dict[str, dict[str, int]]) -> str:
    """The first half year with a flow (taakstelling or realisatie) in the history."""
    return min(p for p, c in cijfers.items() if "taakstelling" in c or "realisatie" in c)


def plaatsingen(opgave: int, scenario: Scenario, har_budget: float) -> tuple[int, int, float, int]:
    """Persons housed in a forecast half year: (realisatie, HAR+ households, HAR+ cost, not placed).

    Capacity is the scenario's pace. Without the 2026 huurtoeslag rules the large-family
    share of placements is only housed where HAR+ money pays for it (budget / cost per
    household, whole households of six persons), the rest waits.
    """
    gepland = min(opgave, scenario.huisvesting_per_halfjaar)
    if scenario.huurtoeslag_grote_gezinnen:
        return gepland, 0, 0.0, 0
    groot = round(gepland * scenario.aandeel_grote_gezinnen)
    nodig_huishoudens = math.ceil(groot / PERSONEN_PER_GROOT_HUISHOUDEN)
    betaalbaar = int(har_budget // scenario.har_plus_kosten_per_huishouden)
    huishoudens = min(nodig_huishoudens, betaalbaar)
    geplaatst_groot = min(groot, huishoudens * PERSONEN_PER_GROOT_HUISHOUDEN)
    kosten = huishoudens * scenario.har_plus_kosten_per_huishouden
    return gepland - groot + geplaatst_groot, huishoudens, kosten, groot - geplaatst_groot


def project_taakstelling(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """One row per half year from the first known one to the scenario's horizon."""
    return _frame(taakstelling_rijen(scenario, basis), COLUMNS, INTEGER_COLUMNS, {"haalt_norm": "boolean"})


def _frame(rows: list[dict], columns: list[str], integer: list[str], other: dict[str, str] | None = None) -> pd.DataFrame:
    # Column by column with the final dtype: much cheaper than astype() afterwards.
    dtypes = {**{c: "Int64" for c in integer}, **(other or {})}
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=dtypes.get(c)) for c in columns})


@lru_cache(maxsize=256)
def taakstelling_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of project_taakstelling as plain dicts (the fast path for headline figures).

    Cached per (scenario, basis): one page asks for the same projection several times
    (headline cards, summary, charts, comparison). The rows are shared: never mutate them.
    """
    cijfers = basis.halfjaarcijfers
    norm = basis.normen
    start = eerste_periode(cijfers)
    begin = cijfers.get(vorige_periode(start), {}).get("achterstand_eind")
    toekomst = toekomstige_taakstelling(scenario, basis)
    budget = float(scenario.har_plus_budget)
    rows = []
    for periode in periodes(start, scenario.eind_jaar):
        known = cijfers.get(periode, {})
        if is_gerealiseerd(known):
            taak, real = known.get("taakstelling"), known.get("realisatie")
            eind = known.get("achterstand_eind")
            if eind is None:
                eind = max(0, begin + taak - real)
            extra = (0, 0.0, 0)
            soort = "gerealiseerd"
        else:
            taak = known.get("taakstelling", toekomst)
            real, *extra = plaatsingen(begin + taak, scenario, budget)
            budget -= extra[1]
            eind = begin + taak - real
            soort = "prognose"
        opgave = None if taak is None or begin is None else begin + taak
        limit = norm.get(periode)
        rows.append(
            {
                "periode": periode,
                "taakstelling": taak,
                "achterstand_begin": begin,
                "opgave": opgave,
                "realisatie": real,
                "achterstand_eind": eind,
                "norm_achterstand": limit,
                "haalt_norm": None if limit is None else eind <= limit,
                "soort": soort,
                "har_plus_huishoudens": extra[0],
                "har_plus_kosten": extra[1],
                "niet_geplaatst_grote_gezinnen": extra[2],
                "herkomst": herkomst.periode_kort(basis, periode, soort == "prognose"),
            }
        )
        begin = eind
    return tuple(rows)


def benodigde_plaatsingen(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Placements needed in each forecast half year to stay on the Provincie's norm path.

    Every regular taakstelling must be housed within its own half year, and the
    achterstand must be at most the norm at each deadline (36 by 1 januari 2027,
    18 by 1 juli 2027, 0 by 1 januari 2028). Assumes earlier half years kept to
    the path; ``verwacht`` is what the scenario's pace delivers.
    """
    return _frame(benodigde_rijen(scenario, basis), NODIG_COLUMNS, NODIG_COLUMNS[1:5] + NODIG_COLUMNS[6:])


NODIG_COLUMNS = [
    "periode", "achterstand_begin", "taakstelling", "norm_achterstand", "nodig", "nodig_per_maand", "verwacht", "verschil",
]


def benodigde_rijen(scenario: Scenario, basis: Basis) -> list[dict]:
    prognose = [r for r in taakstelling_rijen(scenario, basis) if r["soort"] == "prognose"]
    begin = prognose[0]["achterstand_begin"]
    rows = []
    for row in prognose:
        taak, limit = row["taakstelling"], row["norm_achterstand"]
        nodig = taak if limit is None else max(taak, begin + taak - limit)
        rows.append(
            {
                "periode": row["periode"],
                "achterstand_begin": begin,
                "taakstelling": taak,
                "norm_achterstand": limit,
                "nodig": nodig,
                "nodig_per_maand": nodig / 6,
                "verwacht": row["realisatie"],
                "verschil": row["realisatie"] - nodig,
            }
        )
        begin = begin + taak - nodig
    return rows
