"""The tables the Risico's and Budgetten pages show and export, with their Dutch columns (one place for both)."""

from __future__ import annotations

import pandas as pd

from core.data import Basis
from core.model import budgetten
from core.model.reserve import reserve_rijen
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen
from core.risico.gevoeligheid import OPRAAKJAAR, Tornado, gevoeligheid
from core.tekst import formatting as fmt
from core.risico.simulatie import Simulatie, simuleer
from core.tekst import tabellen, zinnen

Bladen = dict[str, tuple[pd.DataFrame, dict]]


def kansen_tabel(simulatie: Simulatie) -> pd.DataFrame:
    """Per deadline: the norm, P(norm met) and P(escalation beyond trede 2 by then)."""
    return pd.DataFrame(
        {
            "deadline": list(simulatie.deadlines),
            "norm": [n for _p, n in simulatie.deadlines.values()],
            "kans_norm": [simulatie.kans_norm[d] for d in simulatie.deadlines],
            "kans_escalatie": [simulatie.kans_escalatie[d] for d in simulatie.deadlines],
        }
    )


def opraakjaar_tabel(simulatie: Simulatie) -> pd.DataFrame:
    """Per year up to 2040 (then 'niet vóór 2041', and a payout to Maastricht if the scenario has one): the
    share of futures in which the reserve first turns negative then, and the probability that it is not
    negative at that year's end."""
    jaren = [j for j in simulatie.opraakjaar if j is not None]
    labels, aandelen = zinnen.opraakjaar_uitkomsten(simulatie)
    return pd.DataFrame(
        {
            "jaar": labels,
            "aandeel": aandelen,
            "kans_positief": [simulatie.kans_reserve_positief.get(j) for j in jaren] + [None] * (len(labels) - len(jaren)),
        }
    )


def tornado_tabel(*tornados: Tornado) -> pd.DataFrame:
    """The tornados' bars as one table: outcome, assumption, both ends, and the outcome at each."""
    rows = [(t, b) for t in tornados for b in t.balken]

    def waarde(t: Tornado, v):
        return zinnen.opraakjaar(v) if t.uitkomst == OPRAAKJAAR else fmt.getal(v)

    return pd.DataFrame(
        {
            "uitkomst": [zinnen.uitkomst_label(t) for t, _b in rows],
            "aanname": [b.parameter.label for _t, b in rows],
            "laag": [b.parameter.formatteer(b.laag) for _t, b in rows],
            "bij_laag": [waarde(t, b.bij_laag) for t, b in rows],
            "hoog": [b.parameter.formatteer(b.hoog) for _t, b in rows],
            "bij_hoog": [waarde(t, b.bij_hoog) for t, b in rows],
            "uitslag": [b.uitslag for _t, b in rows],
        }
    )


# The Risico's page's sheets and their columns, known without building a table (for the page's buttons).
RISICO_KOLOMMEN = {
    "Kans per deadline": tabellen.KANSEN,
    "Achterstand percentielen": tabellen.ACHTERSTAND_PERCENTIELEN,
    "Reserve percentielen": tabellen.RESERVE_PERCENTIELEN,
    "Jaar reserve op": tabellen.OPRAAKJAREN,
    "Gevoeligheid": tabellen.GEVOELIGHEID,
}


def risico_bladen(scenario: Scenario, basis: Basis) -> Bladen:
    """The Risico's page's tables; extrapolated half years and years are marked as on the charts."""
    uitkomst = simuleer(scenario, basis)
    beleidsarm = {r["periode"]: r["beleidsarm"] for r in taakstelling_rijen(scenario, basis)}
    status = {r["jaar"]: r["status"] for r in reserve_rijen(scenario, basis)}
    return {
        "Kans per deadline": (kansen_tabel(uitkomst), tabellen.KANSEN),
        "Achterstand percentielen": (
            uitkomst.achterstand.assign(beleidsarm=[beleidsarm[p] for p in uitkomst.periodes]),
            tabellen.ACHTERSTAND_PERCENTIELEN,
        ),
        "Reserve percentielen": (uitkomst.reserve.assign(status=[status[j] for j in uitkomst.jaren]), tabellen.RESERVE_PERCENTIELEN),
        "Jaar reserve op": (opraakjaar_tabel(uitkomst), tabellen.OPRAAKJAREN),
        "Gevoeligheid": (tornado_tabel(*gevoeligheid(scenario, basis)), tabellen.GEVOELIGHEID),
    }


def budget_bladen(scenario: Scenario, basis: Basis) -> Bladen:
    jaren = [str(j) for j in budgetten.budgetjaren(basis)]
    return {
        "Budgetten per jaar": (budgetten.budgetoverzicht(basis), tabellen.budget_kolommen(jaren)),
        "Prognose": (budgetten.prognose(scenario, basis), tabellen.BUDGET_PROGNOSE),
    }
