"""Reserve: the multi-year outlook of the bestemmingsreserve Beschermd Thuis, per stream."""

import streamlit as st

from core import charts
from core.model.kerncijfers import basislijn
from core.model.parameters import REKENHORIZON
from core.model.reserve import project_reserve, regeloverzicht, reserve_rijen, resultaat_per_stroom, stroom_rijen
from core.tekst import herkomst, tabellen, zinnen
from ui import state
from ui.weergave import bron, grafiek, tabel, tabeldownloads

basis, scenario = state.basis(), state.scenario()
vergelijk = basislijn(scenario)
# The screen uses the cached rows; the frame is built only when a download is clicked.
eigen, officieel = reserve_rijen(scenario, basis), reserve_rijen(vergelijk, basis)  # the baseline only feeds charts
per_stroom, regels = stroom_rijen(scenario, basis), regeloverzicht(scenario, basis)
regelkolommen = tabellen.begrotingsregels(basis.basisjaar)

st.title("Reserve Beschermd Thuis")
tabeldownloads(
    "reserve",
    {
        "Reserve per jaar": (lambda: project_reserve(scenario, basis), tabellen.RESERVE),
        "Resultaat per stroom": (lambda: resultaat_per_stroom(scenario, basis), tabellen.STROOM),
        "Begrotingsregels": (regels, regelkolommen),
    },
)
grafiek(charts.reserve_spec(officieel, eigen), "reserve")
bron(herkomst.reserve_eind(basis, basis.basisjaar))
if not state.presentatie():
    tabel(eigen, tabellen.RESERVE)
    bron(
        f"na het einde van de centrumregeling zijn de jaren beleidsarm doorgetrokken: dezelfde regels, met de "
        f"indexaties uit de zijbalk. Het jaar waarin de reserve opraakt wordt berekend tot en met {REKENHORIZON}."
    )

st.subheader("Resultaat per stroom")
grafiek(charts.stroom_spec(stroom_rijen(vergelijk, basis), per_stroom), "resultaat per stroom")
st.info(zinnen.dekking_zin(scenario, basis), icon=":material/info:")

if not state.presentatie():
    st.subheader(f"Begrotingsregels {basis.basisjaar}: structureel of eenmalig, en hoe geïndexeerd")
    tabel(regels, regelkolommen)
    bron(
        herkomst.begroting(basis)
        + f". Eenmalige regels tellen alleen in {basis.basisjaar}; pas ze aan onder 'Meer aannames'."
    )
