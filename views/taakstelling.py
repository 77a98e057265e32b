"""Taakstelling: achterstand against the Provincie's norm path, and the placements it takes."""

import streamlit as st

from core import charts
from core.tekst import herkomst, tabellen
from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling
from ui import state
from ui.weergave import bron, downloads, grafiek, tabel

basis, scenario = state.basis(), state.scenario()
eigen, officieel = project_taakstelling(scenario, basis), project_taakstelling(Scenario(), basis)
nodig = benodigde_plaatsingen(scenario, basis)

st.title("Huisvesting statushouders")
downloads("taakstelling", {"Per halfjaar": (eigen, tabellen.TAAKSTELLING), "Nodig voor normpad": (nodig, tabellen.BENODIGD)})
grafiek(charts.achterstand_spec(officieel, eigen, basis.deadlines), "achterstand")
bron(
    "gerealiseerde halfjaren: COA-cijfers via de Provincie en de raadsinformatiebrief (gerapporteerd of afgeleid, "
    "zie de kolom Herkomst); prognose: afgeleid uit de scenario-aannames. Norm: " + herkomst.norm(basis, "2026-H2")
)

st.subheader("Hoeveel plaatsingen zijn nodig om op het normpad te blijven?")
bron(
    "Provincie Limburg, brief 10 maart 2026. Elke reguliere taakstelling binnen het eigen halfjaar, en de achterstand "
    "op of onder de norm op elke deadline. Uitgangspunt: de halfjaren ervoor haalden het normpad."
)
tabel(nodig, tabellen.BENODIGD)

grafiek(charts.taakstelling_spec(officieel, eigen), "taakstelling")
if not state.presentatie():
    st.subheader("Per halfjaar (scenario)")
    tabel(eigen, tabellen.TAAKSTELLING)
    bron("gerealiseerd = gerapporteerde cijfers; prognose = berekend met de aannames in de zijbalk.")
