"""Reserve: the multi-year outlook of the bestemmingsreserve Beschermd Thuis, per stream."""

import streamlit as st

from core import charts
from core.tekst import herkomst, tabellen
from core.model.kerncijfers import tekortjaar_tekst
from core.model.reserve import eerste_tekortjaar, project_reserve, regeloverzicht, reserve_alleen_mo, resultaat_per_stroom
from core.model.scenario import Scenario
from ui import state
from ui.weergave import bron, downloads, grafiek, tabel

basis, scenario = state.basis(), state.scenario()
eigen, officieel = project_reserve(scenario, basis), project_reserve(Scenario(), basis)
per_stroom, regels = resultaat_per_stroom(scenario, basis), regeloverzicht(scenario, basis)

st.title("Reserve Beschermd Thuis")
downloads(
    "reserve",
    {
        "Reserve per jaar": (eigen, tabellen.RESERVE),
        "Resultaat per stroom": (per_stroom, tabellen.STROOM),
        "Begrotingsregels": (regels, tabellen.BEGROTINGSREGELS),
    },
)
grafiek(charts.reserve_spec(officieel, eigen), "reserve")
bron(herkomst.reserve_eind(basis, basis.basisjaar))
if not state.presentatie():
    tabel(eigen, tabellen.RESERVE)

st.subheader("Resultaat per stroom")
grafiek(charts.stroom_spec(resultaat_per_stroom(Scenario(), basis), per_stroom), "resultaat per stroom")
alleen_mo = reserve_alleen_mo(scenario, basis)
st.info(
    "De regiobegroting zegt dat de reserve het tekort 'tot en met 2027' kan dekken. Dat volgt niet uit het "
    f"totale tekort: daarmee raakt de reserve in dit scenario op {tekortjaar_tekst(eerste_tekortjaar(eigen), scenario.eind_jaar)}. "
    "Het volgt wel als de reserve het MO-tekort alleen moet dragen (zonder het BW-overschot): dan raakt hij op "
    f"{tekortjaar_tekst(eerste_tekortjaar(alleen_mo), scenario.eind_jaar)}.",
    icon=":material/info:",
)

if not state.presentatie():
    st.subheader("Begrotingsregels 2026: structureel of eenmalig, en hoe geïndexeerd")
    tabel(regels, tabellen.BEGROTINGSREGELS)
    bron(herkomst.begroting(basis) + ". Eenmalige regels tellen alleen in 2026; pas ze aan onder 'Meer aannames'.")
