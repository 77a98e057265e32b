"""Opvang and integratie budgets and the Reserve Vreemdelingen (beleidskader 2024-2027, Financiën).

The budgets are the beleidskader's tables 1 to 5 (kengetallen, onderwerp ``budget``); years after
the last one in the source keep its level (beleidsarm doorgetrokken). Two budgets move with the
statushouders forecast:
- the specifieke uitkering Wet Inburgering is set per inburgeraar (31 december): it moves with
  the statushouders housed in the year, relative to the baseline scenario;
- the faciliteitenbesluit follows the AZC occupancy on 1 januari: it moves with the previous
  year's taakstelling (the instroom), relative to the baseline scenario.
Every statushouder housed beyond the baseline costs ``kosten_per_extra_statushouder`` (the
specifieke uitkering pays the inburgering itself). The baseline is assumed to fit the regular
budgets. A shortfall (extra costs beyond the extra faciliteitenbesluit money) is covered by the
Reserve Vreemdelingen while it lasts; a surplus tops the reserve up, never above the council's
cap of € 400.000: anything above the cap is not retainable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from core.data import Basis
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen

BUDGET = "budget"
RESERVE = "075597128"  # Reserve Vreemdelingen
SU_INBURGERING = "su_wet_inburgering"
FACILITEITENBESLUIT = "faciliteitenbesluit"
BEWEGEND = {SU_INBURGERING: "statushouders gehuisvest in het jaar", FACILITEITENBESLUIT: "taakstelling van het jaar ervoor"}

PROGNOSE_KOLOMMEN = [
    "jaar", "status", "gehuisvest", "gehuisvest_basis", "extra_statushouders", "extra_kosten",
    "su_bron", "su_scenario", "faciliteiten_bron", "faciliteiten_scenario", "extra_dekking",
    "tekort", "onttrekking", "niet_gedekt", "toevoeging", "boven_plafond", "reserve_begin", "reserve_eind",
]


def budgetjaren(basis: Basis) -> list[int]:
    return sorted({int(periode) for (onderwerp, _s, periode) in basis.kengetal_rijen if onderwerp == BUDGET})


def bron_id(basis: Basis) -> str:
    """The document the budget tables come from."""
    return next(r["bron_id"] for (onderwerp, _s, _p), r in basis.kengetal_rijen.items() if onderwerp == BUDGET)


def plafond(basis: Basis) -> float:
    """The council's cap on the Reserve Vreemdelingen (€ 400.000)."""
    rows = basis.kengetallen_van("reserve_vreemdelingen", "plafond")
    return rows[max(rows)]


def budgetregels(basis: Basis) -> pd.DataFrame:
    """Every budget line per year as the source gives it: sleutel, label, jaar, bedrag, raming, toelichting."""
    rows = [
        {"sleutel": sleutel, "label": r["label"], "jaar": int(periode), "bedrag": float(r["waarde"]),
         "raming": bool(r["raming"]), "toelichting": r["toelichting"], "bron_id": r["bron_id"], "sectie": r["sectie"],
         "soort": r["soort"]}
        for (onderwerp, sleutel, periode), r in basis.kengetal_rijen.items()
        if onderwerp == BUDGET
    ]
    return pd.DataFrame(rows).sort_values(["sleutel", "jaar"], kind="stable", ignore_index=True)


@lru_cache(maxsize=8)
def budgetoverzicht(basis: Basis) -> pd.DataFrame:
    """One row per budget line, one column per year (the beleidskader's tables side by side).

    Cached per data version: shared, never change it.
    """
    regels = budgetregels(basis)
    breed = regels.pivot(index="sleutel", columns="jaar", values="bedrag")
    eerste = regels.drop_duplicates("sleutel").set_index("sleutel")
    breed.columns = [str(c) for c in breed.columns]
    uit = eerste[["label", "raming", "toelichting", "bron_id", "sectie"]].join(breed).reset_index()
    uit["beweegt_met"] = uit["sleutel"].map(BEWEGEND).fillna("")
    uit["budgetnummer"] = [k if k.isdigit() else "" for k in uit["sleutel"]]  # the begroting's own number, if it has one
    order = {s: i for i, s in enumerate(_volgorde(basis))}
    return uit.sort_values("sleutel", key=lambda k: k.map(order), ignore_index=True)


def _volgorde(basis: Basis) -> list[str]:
    """The budget lines in the order the beleidskader lists them (the seed file's order)."""
    seen: list[str] = []
    for onderwerp, sleutel, _p in basis.kengetallen[["onderwerp", "sleutel", "periode"]].itertuples(index=False):
        if onderwerp == BUDGET and sleutel not in seen:
            seen.append(sleutel)
    return seen


def _bedrag(basis: Basis, sleutel: str, jaar: int) -> float:
    """A budget in a year; after the source's last year its last level (beleidsarm doorgetrokken)."""
    bedragen = basis.kengetallen_van(BUDGET, sleutel)
    jaren = sorted(int(p) for p in bedragen)
    return bedragen[str(min(jaar, jaren[-1]) if jaar >= jaren[0] else jaren[0])]


def _per_jaar(scenario: Scenario, basis: Basis, veld: str) -> dict[int, int | None]:
    """The sum of a half-year figure per calendar year (None when a half year lacks it)."""
    totaal: dict[int, int | None] = {}
    for row in taakstelling_rijen(scenario, basis):
        jaar = int(row["periode"][:4])
        waarde = row[veld]
        if jaar not in totaal:
            totaal[jaar] = 0
        totaal[jaar] = None if waarde is None or totaal[jaar] is None else totaal[jaar] + waarde
    return totaal


def _verhouding(teller: int | None, noemer: int | None) -> float:
    return 1.0 if teller is None or not noemer else teller / noemer


@dataclass(frozen=True)
class _Jaar:
    gehuisvest: int | None
    gehuisvest_basis: int | None
    taak_vorig: int | None
    taak_vorig_basis: int | None


def prognose(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Per year from the first budget year to the horizon: how the budgets move, the extra costs,
    and the Reserve Vreemdelingen (never above its cap)."""
    frame = pd.DataFrame(prognose_rijen(scenario, basis), columns=PROGNOSE_KOLOMMEN)
    for column in ("gehuisvest", "gehuisvest_basis"):
        frame[column] = frame[column].astype("Int64")
    return frame


@lru_cache(maxsize=64)
def prognose_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of ``prognose`` as plain dicts (cached and shared: never change them)."""
    officieel = Scenario(eind_jaar=scenario.eind_jaar)
    gehuisvest, gehuisvest_basis = _per_jaar(scenario, basis, "realisatie"), _per_jaar(officieel, basis, "realisatie")
    taak, taak_basis = _per_jaar(scenario, basis, "taakstelling"), _per_jaar(officieel, basis, "taakstelling")
    jaren = budgetjaren(basis)
    laatste_bron, cap = jaren[-1], plafond(basis)
    stand = _bedrag(basis, RESERVE, jaren[0])
    rows = []
    for jaar in range(jaren[0], max(laatste_bron, scenario.eind_jaar) + 1):
        j = _Jaar(gehuisvest.get(jaar), gehuisvest_basis.get(jaar), taak.get(jaar - 1), taak_basis.get(jaar - 1))
        extra = 0 if j.gehuisvest is None or j.gehuisvest_basis is None else j.gehuisvest - j.gehuisvest_basis
        su = _bedrag(basis, SU_INBURGERING, jaar)
        fac = _bedrag(basis, FACILITEITENBESLUIT, jaar)
        fac_scenario = fac * _verhouding(j.taak_vorig, j.taak_vorig_basis)
        extra_kosten = extra * scenario.kosten_per_extra_statushouder
        saldo = (fac_scenario - fac) - extra_kosten
        begin = min(stand, cap)
        boven = stand - begin  # a start above the cap cannot be kept either
        tekort = max(0.0, -saldo)
        onttrekking = min(tekort, begin)
        toevoeging = min(max(0.0, saldo), cap - begin)
        boven += max(0.0, saldo) - toevoeging
        stand = begin - onttrekking + toevoeging
        rows.append(
            {
                "jaar": jaar,
                "status": "bron" if jaar <= laatste_bron else "beleidsarm doorgetrokken",
                "gehuisvest": j.gehuisvest,
                "gehuisvest_basis": j.gehuisvest_basis,
                "extra_statushouders": extra,
                "extra_kosten": extra_kosten,
                "su_bron": su,
                "su_scenario": su * _verhouding(j.gehuisvest, j.gehuisvest_basis),
                "faciliteiten_bron": fac,
                "faciliteiten_scenario": fac_scenario,
                "extra_dekking": fac_scenario - fac,
                "tekort": tekort,
                "onttrekking": onttrekking,
                "niet_gedekt": tekort - onttrekking,
                "toevoeging": toevoeging,
                "boven_plafond": boven,
                "reserve_begin": begin,
                "reserve_eind": stand,
            }
        )
    return tuple(rows)
