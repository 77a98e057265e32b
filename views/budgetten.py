"""Budgetten: the opvang and integratie budgets, how they move with the forecast, and the Reserve Vreemdelingen."""

import streamlit as st

from core import charts_risico as grafieken
from core.model import budgetten
from core.tekst import herkomst
from core.tekst import tabellen, zinnen
from ui import state
from ui.weergave import bron, downloads, grafiek, tabel

basis, scenario = state.basis(), state.scenario()
overzicht, prognose, plafond = budgetten.budgetoverzicht(basis), budgetten.prognose(scenario, basis), budgetten.plafond(basis)
rijen = budgetten.prognose_rijen(scenario, basis)
jaren = [str(j) for j in budgetten.budgetjaren(basis)]

st.title("Budgetten opvang en integratie")
downloads(
    "budgetten",
    {
        "Budgetten per jaar": (overzicht, tabellen.budget_kolommen(jaren)),
        "Prognose": (prognose, tabellen.BUDGET_PROGNOSE),
    },
)
for zin in zinnen.budget_zinnen(rijen, scenario.kosten_per_extra_statushouder, plafond, scenario.eind_jaar):
    st.markdown(f"- {zin}")

st.subheader("Budgetten per jaar")
tabel(overzicht, tabellen.budget_kolommen(jaren))
bron(herkomst.bron(basis, budgetten.bron_id(basis), "Financiën, tabellen 1 tot en met 5", None))

st.subheader("Reserve Vreemdelingen")
grafiek(grafieken.reserve_vreemdelingen_spec(prognose, plafond), "reserve vreemdelingen")
bron(herkomst.kengetal(basis, "reserve_vreemdelingen", "plafond", min(basis.kengetallen_van("reserve_vreemdelingen", "plafond"))))

st.subheader("Hoe de budgetten meebewegen met de prognose")
tabel(prognose, tabellen.BUDGET_PROGNOSE)
if not state.presentatie():
    st.caption(zinnen.budget_uitleg(jaren, scenario.kosten_per_extra_statushouder, plafond))
