"""Budgetten: the opvang and integratie budgets, how they move with the forecast, and the Reserve Vreemdelingen."""

import streamlit as st

from core import charts_risico as grafieken
from core.model import budgetten
from core.tekst import herkomst
from core.risico.tabellen import budget_bladen
from core.tekst import zinnen
from ui import state
from ui.weergave import bron, grafiek, tabel, tabeldownloads

basis, scenario = state.basis(), state.scenario()
rijen, plafond = budgetten.prognose_rijen(scenario, basis), budgetten.plafond(basis)
jaren = [str(j) for j in budgetten.budgetjaren(basis)]

st.title("Budgetten opvang en integratie")
bladen = budget_bladen(scenario, basis)
tabeldownloads("budgetten", bladen)
for zin in zinnen.budget_zinnen(rijen, scenario.kosten_per_extra_statushouder, plafond, scenario.eind_jaar):
    st.markdown(f"- {zin}")

st.subheader("Budgetten per jaar")
tabel(*bladen["Budgetten per jaar"])
bron(herkomst.bron(basis, budgetten.bron_id(basis), "Financiën, tabellen 1 tot en met 5", None))

st.subheader("Reserve Vreemdelingen")
grafiek(grafieken.reserve_vreemdelingen_spec(bladen["Prognose"][0], plafond), "reserve vreemdelingen")
bron(herkomst.kengetal(basis, "reserve_vreemdelingen", "plafond", min(basis.kengetallen_van("reserve_vreemdelingen", "plafond"))))

st.subheader("Hoe de budgetten meebewegen met de prognose")
tabel(*bladen["Prognose"])
if not state.presentatie():
    st.caption(zinnen.budget_uitleg(jaren, scenario.kosten_per_extra_statushouder, plafond))
