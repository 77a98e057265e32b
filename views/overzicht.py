"""Overzicht: the verdict, the headline figures beside the baseline, and a summary in plain Dutch."""

import streamlit as st

from core.model.kerncijfers import kaartparen
from core.tekst import zinnen
from ui import state
from ui.weergave import kaart, meenemen

basis, scenario = state.basis(), state.scenario()

st.title("Sociaal Domein Verkenner")
st.info("  \n".join(zinnen.oordeel(scenario, basis)), icon=":material/summarize:")
for sectie, rijen in kaartparen(scenario, basis).items():
    st.subheader(sectie)
    for rij in rijen:
        for kolom, (eigen, basis_k) in zip(st.columns(len(rij)), rij):
            with kolom:
                kaart(eigen, basis_k)
if not state.presentatie():
    st.subheader("Samenvatting")
    st.write(zinnen.samenvatting(scenario, basis))
meenemen()
