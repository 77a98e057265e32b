"""The tables the Risico's and Budgetten pages show and export, with their Dutch columns (one place for both)."""

from __future__ import annotations

import pandas as pd

from core import charts_risico as grafieken
from core.data import Basis
from core.model import budgetten
from core.model.reserve import project_reserve
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling
from core.risico.gevoeligheid import gevoeligheid
from core.risico.simulatie import simuleer
from core.tekst import tabellen, zinnen

Bladen = dict[str, tuple[pd.DataFrame, dict]]


def risico_bladen(scenario: Scenario, basis: Basis) -> Bladen:
    """The Risico's page's tables; extrapolated half years and years are marked as on the charts."""
    uitkomst = simuleer(scenario, basis)
    beleidsarm = dict(zip(*(project_taakstelling(scenario, basis)[k] for k in ("periode", "beleidsarm"))))
    status = dict(zip(*(project_reserve(scenario, basis)[k] for k in ("jaar", "status"))))
    return {
        "Kans per deadline": (grafieken.kansen_tabel(uitkomst), tabellen.KANSEN),
        "Achterstand percentielen": (
            uitkomst.achterstand.assign(beleidsarm=[beleidsarm[p] for p in uitkomst.periodes]),
            tabellen.ACHTERSTAND_PERCENTIELEN,
        ),
        "Reserve percentielen": (uitkomst.reserve.assign(status=[status[j] for j in uitkomst.jaren]), tabellen.RESERVE_PERCENTIELEN),
        "Jaar reserve op": (grafieken.opraakjaar_tabel(uitkomst), tabellen.OPRAAKJAREN),
        "Gevoeligheid": (zinnen.tornado_tabel(*gevoeligheid(scenario, basis)), tabellen.GEVOELIGHEID),
    }


def budget_bladen(scenario: Scenario, basis: Basis) -> Bladen:
    jaren = [str(j) for j in budgetten.budgetjaren(basis)]
    return {
        "Budgetten per jaar": (budgetten.budgetoverzicht(basis), tabellen.budget_kolommen(jaren)),
        "Prognose": (budgetten.prognose(scenario, basis), tabellen.BUDGET_PROGNOSE),
    }
