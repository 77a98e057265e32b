"""Overzicht: the verdict in three lines, the headline figures beside the baseline, two small
charts, and a summary in plain Dutch."""

import streamlit as st

from core import charts
from core.model.kerncijfers import STATUSHOUDERS, basislijn, bereken, kaartparen
from core.model.reserve import reserve_rijen
from core.model.taakstelling import taakstelling_rijen
from core.tekst import zinnen
from ui import state
from ui.weergave import grafiek, kaart, meenemen

basis, scenario = state.basis(), state.scenario()
vergelijk = basislijn(scenario)

st.title("Sociaal Domein Verkenner")
st.info("  \n".join(zinnen.oordeel(scenario, basis)), icon=":material/summarize:")
# On the beamer the forward view only: deadlines already realised stay on the normal screen.
for sectie, rijen in kaartparen(scenario, basis, gepasseerd=not state.presentatie()).items():
    st.subheader(sectie)
    for nummer, rij in enumerate(rijen):
        for kolom, (eigen, in_basisscenario) in zip(st.columns(len(rij)), rij):
            with kolom:
                kaart(eigen, in_basisscenario)
        if sectie == STATUSHOUDERS and nummer == 0 and not state.presentatie():
            st.caption(zinnen.plaatsingen_uitleg(bereken(scenario, basis)))

# On the beamer each chart gets the full width, so its enlarged text has room.
links, rechts = (st.container(), st.container()) if state.presentatie() else st.columns(2)
with links:
    grafiek(charts.klein(charts.achterstand_spec(taakstelling_rijen(vergelijk, basis), taakstelling_rijen(scenario, basis))))
with rechts:
    grafiek(charts.klein(charts.reserve_spec(reserve_rijen(vergelijk, basis), reserve_rijen(scenario, basis))))

if not state.presentatie():
    st.subheader("Samenvatting")
    st.write(zinnen.samenvatting(scenario, basis))
meenemen()
