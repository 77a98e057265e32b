"""Bronnen: every base figure and assumption with its source, and the consistency checks."""

import pandas as pd
import streamlit as st

from core import formatting as fmt
from core import tabellen
from core.parameters import PARAMETERS
from ui import state
from ui.weergave import downloads

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
st.dataframe(
    pd.DataFrame(
        {
            "Aanname": [p.label for p in PARAMETERS],
            "Basiswaarde": [p.formatteer(p.standaard) for p in PARAMETERS],
            "Eenheid": [p.eenheid for p in PARAMETERS],
            "Bereik": [
                f"{p.formatteer(p.minimum)} tot en met {p.formatteer(p.maximum)}" if p.minimum is not None else fmt.LEEG
                for p in PARAMETERS
            ],
            "Soort": [p.soort for p in PARAMETERS],
            "Bron of onderbouwing": [p.bron for p in PARAMETERS],
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader("Alle basiscijfers")
st.dataframe(alle_cijfers, hide_index=True, width="stretch")
st.caption(f"Dataversie {basis.versie}.")

st.subheader("Documenten")
st.dataframe(
    basis.documenten.assign(datum=basis.documenten["datum"].map(fmt.datum)).rename(
        columns={"bron_id": "Code", "titel": "Titel", "datum": "Datum", "bestand": "Bestand"}
    ),
    hide_index=True,
    width="stretch",
)
