"""Overzicht: the headline figures, scenario beside baseline, and a summary in plain Dutch."""

import streamlit as st

from core.model.kerncijfers import kaarten, samenvatting
from ui import state
from ui.weergave import kaart, meenemen

basis, scenario = state.basis(), state.scenario()

st.title("Sociaal Domein Verkenner")
st.info(samenvatting(scenario, basis), icon=":material/summarize:")
for sectie, rijen in kaarten(scenario, basis).items():
    st.subheader(sectie)
    for rij in rijen:
        for kolom, figuur in zip(st.columns(len(rij)), rij):
            with kolom:
                kaart(figuur)

geopend = state.geopend()
meenemen(geopend.naam if geopend and geopend.scenario == scenario else None)
