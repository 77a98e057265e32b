"""Beschermd Thuis / Maatschappelijke Opvang: the regiobegroting carried forward, and the reserve.

The base year is the regiobegroting itself (Uitvoeringsplan Zicht op Thuis 2026, §4.1).
Later years keep every structural line, drop the lines the scenario marks eenmalig, and
grow each line by the rate its ``indexatie`` names: DU MO, IUBW, zorgkosten, or (lines
with no index of their own: personnel, investments, eigen bijdragen, ...) the general
loon- en prijsindexatie. DU MO indexation is applied once, to the DU MO income as a whole
(the DU MO-bijdrage and the compensatie DU MO, which is the indexation the regiogemeenten
pass on), so it is not counted twice.

The reserve starts at its November 2025 level; each year adds the result and subtracts
the expected DNO spending in the year the scenario puts it. After the centrumregeling
ends the years are a policy-neutral extrapolation ("beleidsarm doorgetrokken"), unless
the scenario pays the reserve out to Maastricht. The year the reserve runs out is always
searched up to ``REKENHORIZON``, whatever horizon the tables show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps

import pandas as pd

from core.data import Basis
from core.model.parameters import REKENHORIZON
from core.model.scenario import Scenario

INDEXATIE_VELD = {
    "du_mo": "du_mo_indexatie_pct",
    "iubw": "iubw_indexatie_pct",
    "zorgkosten": "zorgkosten_groei_pct",
    "geen": "loon_prijs_indexatie_pct",
}
INDEXATIE_LABEL = {
    "du_mo": "DU MO-indexatie",
    "iubw": "IUBW-indexatie",
    "zorgkosten": "zorgkostengroei",
    "geen": "loon- en prijsindexatie",
}
BEGROTING, PROGNOSE, BELEIDSARM, UITGEKEERD = "begroting", "prognose", "beleidsarm doorgetrokken", "uitgekeerd aan Maastricht"


def _nieuwste(basis: Basis, onderwerp: str, sleutel: str) -> int:
    """The value of a kengetal for its latest periode (a new begroting adds a new periode)."""
    values = basis.kengetallen_van(onderwerp, sleutel)
    return int(values[max(values)])


def laatste_jaar_centrumregeling(basis: Basis) -> int:
    return _nieuwste(basis, "centrumregeling", "laatste_jaar")


def dekking_volgens_begroting(basis: Basis) -> int:
    """The last year the begroting says the reserve can cover the deficit ("tot en met 2027")."""
    return _nieuwste(basis, "reserve", "dekking_tot_en_met")


def jaren(scenario: Scenario, basis: Basis) -> list[int]:
    return list(range(basis.basisjaar, scenario.eind_jaar + 1))


def _rekenjaren(scenario: Scenario, basis: Basis) -> list[int]:
    return list(range(basis.basisjaar, max(scenario.eind_jaar, REKENHORIZON) + 1))


# Everything the reserve reads from a scenario. The cached projections below are keyed on these
# alone, so moving a statushouders slider reuses the reserve of the same budget assumptions
# (tests/test_reserve.py changes every other assumption and checks the reserve does not move).
RESERVE_VELDEN = (*INDEXATIE_VELD.values(), "eenmalig", "eind_jaar", "dno_uitstel_jaren", "reserve_na_centrumregeling")
_BASIS_SCENARIO = Scenario()


def reservedeel(scenario: Scenario) -> Scenario:
    """The scenario with only what the reserve reads; every other assumption at its baseline."""
    eigen = {v: getattr(scenario, v) for v in RESERVE_VELDEN}
    if all(getattr(_BASIS_SCENARIO, v) == w for v, w in eigen.items()):
        return _BASIS_SCENARIO
    return _BASIS_SCENARIO.met(**eigen)


def per_reservedeel(functie):
    """Cache ``functie(scenario, basis)`` per reserve part of the scenario (see RESERVE_VELDEN)."""
    cached = lru_cache(maxsize=256)(functie)

    @wraps(functie)
    def aanroep(scenario: Scenario, basis: Basis):
        return cached(reservedeel(scenario), basis)

    return aanroep


def groeivoet(scenario: Scenario, indexatie: str) -> float:
    """The yearly growth rate (fraction) the scenario applies to lines of this indexatie."""
    return getattr(scenario, INDEXATIE_VELD[indexatie]) / 100


# Rates a source sets per year (a circulaire), stored as kengetal <onderwerp>/<sleutel>/<jaar> in percent:
# they replace the scenario's assumption for that year, so a new circulaire is an entry, not a code change.
BEKENDE_INDEXATIE = {"du_mo": ("indexatie", "du_mo_pct")}


def bekende_indexatie(basis: Basis, indexatie: str) -> dict[int, float]:
    """{jaar: percentage} a source has set for this indexatie (none: the scenario's rate applies every year)."""
    if indexatie not in BEKENDE_INDEXATIE:
        return {}
    return {int(p): w for p, w in basis.kengetallen_van(*BEKENDE_INDEXATIE[indexatie]).items() if p.isdigit()}


def _factoren(scenario: Scenario, basis: Basis, indexatie: str) -> list[float]:
    """Growth factor per year after the begroting year: the known rate for a year, else the scenario's."""
    bekend = bekende_indexatie(basis, indexatie)
    factoren, factor = [1.0], 1.0
    for jaar in _rekenjaren(scenario, basis)[1:]:
        factor *= 1 + (bekend[jaar] / 100 if jaar in bekend else groeivoet(scenario, indexatie))
        factoren.append(factor)
    return factoren


def begrotingsregels(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Every begroting line for every year shown: jaar, stroom, regel, kant, bedrag, indexatie, eenmalig."""
    return pd.DataFrame([r for r in _regels_per_jaar(scenario, basis) if r["jaar"] <= scenario.eind_jaar])


@per_reservedeel
def _regels_per_jaar(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    # Plain Python: this runs on every slider move, and pandas' per-call overhead
    # on a dozen lines would dominate the rerun time.
    start = basis.basisjaar
    rows = []
    factoren = {i: _factoren(scenario, basis, i) for i in {line["indexatie"] for line in basis.begrotingsregels}}
    for jaar in _rekenjaren(scenario, basis):
        for line in basis.begrotingsregels:
            eenmalig = line["regel"] in scenario.eenmalig
            if eenmalig and jaar > start:
                continue
            factor = factoren[line["indexatie"]][jaar - start]
            rows.append(
                {"jaar": jaar, "stroom": line["stroom"], "regel": line["regel"], "kant": line["kant"],
                 "bedrag": line["bedrag"] * factor, "indexatie": line["indexatie"], "eenmalig": eenmalig}
            )
    return tuple(rows)


def _totalen(scenario: Scenario, basis: Basis) -> dict[tuple[int, str], dict[str, float]]:
    totals: dict[tuple[int, str], dict[str, float]] = {}
    for line in _regels_per_jaar(scenario, basis):
        entry = totals.setdefault((line["jaar"], line["stroom"]), {"baten": 0.0, "lasten": 0.0})
        entry[line["kant"]] += line["bedrag"]
    return totals


def resultaat_per_stroom(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Per jaar and stroom (BW, MO): baten, lasten and resultaat, for the years shown."""
    return pd.DataFrame(list(stroom_rijen(scenario, basis)))


@per_reservedeel
def stroom_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of resultaat_per_stroom as plain dicts, cached per (scenario, basis) like reserve_rijen
    (the baseline's are the same on every slider move); the rows are shared: never mutate them."""
    return tuple(
        {"jaar": jaar, "stroom": stroom, "baten": t["baten"], "lasten": t["lasten"], "resultaat": t["baten"] - t["lasten"]}
        for (jaar, stroom), t in sorted(_totalen(scenario, basis).items())
        if jaar <= scenario.eind_jaar
    )


def overige_onttrekkingen(scenario: Scenario, basis: Basis) -> dict[int, float]:
    """The DNO spending, in the year the scenario puts it (the source names no year)."""
    return {
        int(jaar) + scenario.dno_uitstel_jaren: bedrag
        for jaar, bedrag in basis.kengetallen_van("reserve", "onttrekking_dno").items()
    }


def uitkeringsjaar(scenario: Scenario, basis: Basis) -> int | None:
    """The year at whose end the reserve is paid out to Maastricht, or None when it carries on."""
    if scenario.reserve_na_centrumregeling == 0:
        return None
    return laatste_jaar_centrumregeling(basis) + scenario.reserve_na_centrumregeling - 1


def reserve_start(basis: Basis) -> float:
    return basis.kengetal("reserve", "stand_begin", str(basis.basisjaar))


def reservepad(
    start: float, resultaten: dict[int, float], onttrekkingen: dict[int, float], uitkering: int | None = None
) -> list[dict]:
    """Roll a reserve forward over yearly results {jaar: resultaat}.

    In the payout year a positive balance goes to Maastricht at the year's end; from then on
    the regional reserve no longer exists, so later results are no longer drawn from it.
    """
    rows, begin, opgeheven = [], start, False
    for jaar, resultaat in sorted(resultaten.items()):
        onttrekking = 0.0 if opgeheven else onttrekkingen.get(jaar, 0.0)
        eind = begin if opgeheven else begin + resultaat - onttrekking
        uitgekeerd = 0.0
        if jaar == uitkering and eind > 0:
            uitgekeerd, eind = eind, 0.0
        rows.append(
            {"jaar": jaar, "resultaat": resultaat, "overige_onttrekking": onttrekking, "uitkering": uitgekeerd,
             "reserve_begin": begin, "reserve_eind": eind, "opgeheven": opgeheven}
        )
        opgeheven = opgeheven or (uitkering is not None and jaar >= uitkering)
        begin = eind
    return rows


RESERVE_COLUMNS = [
    "jaar", "baten", "lasten", "resultaat", "overige_onttrekking", "uitkering", "reserve_begin", "reserve_eind", "status",
]


def project_reserve(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """One row per year shown: baten, lasten, resultaat, overige_onttrekking, uitkering, reserve_begin, reserve_eind."""
    return pd.DataFrame(reserve_rijen(scenario, basis), columns=RESERVE_COLUMNS)


def reserve_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of project_reserve as plain dicts, up to the scenario's horizon."""
    return tuple(r for r in alle_reserve_rijen(scenario, basis) if r["jaar"] <= scenario.eind_jaar)


@per_reservedeel
def alle_reserve_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """Every year up to REKENHORIZON (or the horizon, if later): the run-out year is searched here.

    Cached per (scenario, basis) like taakstelling_rijen; the rows are shared: never mutate them.
    """
    years: dict[int, dict[str, float]] = {}
    for (jaar, _stroom), t in _totalen(scenario, basis).items():
        entry = years.setdefault(jaar, {"baten": 0.0, "lasten": 0.0})
        entry["baten"] += t["baten"]
        entry["lasten"] += t["lasten"]
    results = {jaar: t["baten"] - t["lasten"] for jaar, t in years.items()}
    pad = reservepad(reserve_start(basis), results, overige_onttrekkingen(scenario, basis), uitkeringsjaar(scenario, basis))
    einde = laatste_jaar_centrumregeling(basis)
    return tuple({**years[r["jaar"]], **r, "status": _status(r, basis, einde)} for r in pad)


def _status(row: dict, basis: Basis, einde_centrumregeling: int) -> str:
    if row["opgeheven"]:
        return UITGEKEERD
    if row["jaar"] == basis.basisjaar:
        return BEGROTING
    return BELEIDSARM if row["jaar"] > einde_centrumregeling else PROGNOSE


def eerste_tekortjaar(reserve: pd.DataFrame | Iterable[dict]) -> int | None:
    """The first year whose end-of-year reserve is negative, or None in the rows given.

    Takes project_reserve's frame or reserve rows: one rule for both.
    """
    rows = reserve.to_dict("records") if isinstance(reserve, pd.DataFrame) else reserve
    return next((int(r["jaar"]) for r in rows if r["reserve_eind"] < 0), None)


@dataclass(frozen=True)
class Uitputting:
    """When the reserve runs out, searched up to ``tot_en_met``; or when it is paid out first."""

    jaar: int | None  # first year ending below zero
    tot_en_met: int
    uitgekeerd_in: int | None = None  # the year at whose end it went to Maastricht, before running out
    uitgekeerd_bedrag: float = 0.0


def _uitputting(rows: tuple[dict, ...] | list[dict]) -> Uitputting:
    jaar = eerste_tekortjaar(rows)
    payout = next((r for r in rows if r.get("uitkering", 0) > 0), None)
    if payout is not None and (jaar is None or payout["jaar"] < jaar):
        return Uitputting(None, int(rows[-1]["jaar"]), int(payout["jaar"]), float(payout["uitkering"]))
    return Uitputting(jaar, int(rows[-1]["jaar"]))


def uitputting(scenario: Scenario, basis: Basis) -> Uitputting:
    """The year the reserve runs out in this scenario, searched past the horizon shown."""
    return _uitputting(alle_reserve_rijen(scenario, basis))


@per_reservedeel
def alleen_mo_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    mo = {jaar: t["baten"] - t["lasten"] for (jaar, stroom), t in _totalen(scenario, basis).items() if stroom == "MO"}
    return tuple(reservepad(reserve_start(basis), mo, overige_onttrekkingen(scenario, basis), uitkeringsjaar(scenario, basis)))


def reserve_alleen_mo(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """The reserve if it had to carry the MO result on its own (no BW surplus added), for the years shown.

    This is the reading under which the regiobegroting's 'dekking mogelijk tot en met
    2027' holds; the app shows it beside the total so the assumption is explicit.
    """
    return pd.DataFrame([r for r in alleen_mo_rijen(scenario, basis) if r["jaar"] <= scenario.eind_jaar])


def uitputting_alleen_mo(scenario: Scenario, basis: Basis) -> Uitputting:
    return _uitputting(alleen_mo_rijen(scenario, basis))


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
                "raming": bool(line.get("raming", False)),
            }
            for line in basis.begrotingsregels
        ]
    )
