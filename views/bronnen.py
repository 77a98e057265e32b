"""Bronnen: every base figure and assumption with its source, and the consistency checks."""

import streamlit as st

from core.tekst import formatting as fmt
from core.tekst import herkomst, tabellen
from core.model.scenario import Scenario
from ui import state
from ui.weergave import downloads, tabel

basis = state.basis()
cijfers, alle_cijfers, bevindingen = state.bronnen()

st.title("Bronnen en controles")
downloads("bronnen", {"Basiscijfers": (cijfers, tabellen.FIGUREN)})

st.subheader("Controles op de brondata")
for bevinding in bevindingen:
    tekst = (
        f"**{bevinding.omschrijving}** (verschil {fmt.getal(bevinding.verschil, signed=True)}).  \n"
        f"Gerapporteerd: {bevinding.bron_gerapporteerd}.  \nBerekend uit: {bevinding.bronnen_berekening}."
    )
    if bevinding.ernst == "waarschuwing":
        st.warning(tekst, icon=":material/warning:")
    else:
        st.caption("Afrondingsverschil in de bron: " + tekst)

st.subheader("Aannames van het model")
tabel(herkomst.aannames(Scenario()), tabellen.MODEL_AANNAMES)

st.subheader("Alle basiscijfers")
st.dataframe(alle_cijfers, hide_index=True, width="stretch")
st.caption(f"Dataversie {basis.versie}.")

st.subheader("Documenten")
st.dataframe(
    basis.documenten.assign(datum=basis.documenten["datum"].map(fmt.peildatum)).rename(
        columns={"bron_id": "Code", "titel": "Titel", "datum": "Datum", "bestand": "Bestand"}
    ),
    hide_index=True,
    width="stretch",
)
