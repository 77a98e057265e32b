"""Taakstelling: achterstand against the Provincie's norm path and the municipality's own plan,
and the placements each takes."""

import streamlit as st

from core import charts
from core.model.kerncijfers import basislijn, bereken
from core.model.normpad import eerste_beleidsarme_periode
from core.model.taakstelling import benodigde_plaatsingen, benodigde_rijen, project_taakstelling, taakstelling_rijen
from core.tekst import formatting as fmt
from core.tekst import herkomst, tabellen, zinnen
from ui import state
from ui.weergave import bron, grafiek, tabel, tabeldownloads

basis, scenario = state.basis(), state.scenario()
# The screen uses the cached rows; the frames are built only when a download is clicked.
eigen, officieel = taakstelling_rijen(scenario, basis), taakstelling_rijen(basislijn(scenario), basis)  # the baseline only feeds charts
nodig = benodigde_rijen(scenario, basis)
kern = bereken(scenario, basis)

st.title("Huisvesting statushouders")
tabeldownloads("taakstelling", {
    "Per halfjaar": (lambda: project_taakstelling(scenario, basis), tabellen.TAAKSTELLING),
    "Nodig voor normpad": (lambda: benodigde_plaatsingen(scenario, basis), tabellen.BENODIGD),
})
for zin in [*(zinnen.deadline_zin(d) for d in kern.deadlines), zinnen.oordeel_deadlines(kern.deadlines, kern.trede)]:
    st.markdown(zin)
grafiek(charts.achterstand_spec(officieel, eigen), "achterstand")
bron(
    "gerealiseerde halfjaren: COA-cijfers via de Provincie en de raadsinformatiebrief (zie de kolom Herkomst); "
    f"prognose: afgeleid uit de scenario-aannames. Normpad (◆): {herkomst.norm(basis, kern.eerste_prognose)}. "
    f"Vanaf {fmt.periode(eerste_beleidsarme_periode(basis))} beleidsarm doorgetrokken: {herkomst.norm_doorgetrokken(basis)}. "
    f"Gestippelde blauwe lijn: {herkomst.plan_gemeente(basis)}; aangenomen: de achterstand in gelijke delen "
    "ingelopen over de halfjaren na de e-mail."
)

st.subheader("Hoeveel plaatsingen zijn nodig om op het normpad te blijven?")
st.markdown(zinnen.tempo_zin(kern))
bron(
    "Provincie Limburg, brief 10 maart 2026: elke reguliere taakstelling binnen het eigen halfjaar, en de achterstand "
    "op of onder de norm op elke deadline. Uitgangspunt: de halfjaren ervoor haalden het normpad."
)
tabel(nodig, tabellen.BENODIGD)

grafiek(charts.taakstelling_spec(officieel, eigen), "taakstelling")
if not state.presentatie():
    st.subheader("Per halfjaar (scenario)")
    st.caption("Achterstand, opgave en realisatie per halfjaar, met de norm van de Provincie")
    tabel(eigen, tabellen.TAAKSTELLING_ACHTERSTAND)
    st.caption("Eigen plan van de gemeente, beleidsarm doorgetrokken halfjaren, bijzondere huishoudens en herkomst")
    tabel(eigen, tabellen.TAAKSTELLING_TOELICHTING)
    bron(
        "gerealiseerd = gerapporteerde cijfers; tussenstand = bij lezing (b) de telling tot de datum van de brief plus "
        "een aanname voor de rest van het halfjaar; prognose = berekend met de aannames in de zijbalk."
    )
