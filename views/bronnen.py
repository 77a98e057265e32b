"""Bronnen: the consistency checks, the readings of the sources, every assumption and every base figure."""

import streamlit as st

from core.model.parameters import LEZINGEN
from core.risico import PADEN
from core.tekst import formatting as fmt
from core.tekst import tabellen
from ui import state
from ui.weergave import tabeldownloads, toon

basis, pagina = state.basis(), state.bronnen()

st.title("Bronnen en controles")
tabeldownloads("bronnen", {"Basiscijfers": (pagina.cijfers, tabellen.FIGUREN_EXPORT)})

st.subheader("Controles op de brondata")
for bevinding in pagina.bevindingen:
    tekst = (
        f"**{bevinding.omschrijving}** (verschil {fmt.getal(bevinding.verschil, signed=True)}).  \n"
        f"Gerapporteerd: {bevinding.bron_gerapporteerd}.  \nBerekend uit: {bevinding.bronnen_berekening}."
    )
    if bevinding.ernst == "waarschuwing":
        st.warning(tekst, icon=":material/warning:")
    elif bevinding.ernst == "twee lezingen":
        st.info(f"{tekst}  \n{bevinding.lezingen}", icon=":material/alt_route:")
    else:
        st.caption("Afrondingsverschil in de bron: " + tekst)

st.subheader("Lezingen van de bronnen")
st.caption("Waar een bron op twee manieren te lezen is, is elke lezing een aanname die u onder 'Meer aannames' kiest.")
for parameter in LEZINGEN:
    with st.container(border=True):
        st.markdown(f"**{parameter.label}** (basis: {parameter.formatteer(parameter.standaard)})")
        if parameter.citaat:
            st.markdown(f"> {parameter.citaat}  \n> — {parameter.bron}")
        st.markdown(parameter.onderbouwing)
        st.markdown(f"**Effect:** {pagina.lezing_effecten[parameter.naam]}")

st.subheader("Aannames van het model")
toon(pagina.aannames)

st.subheader("Alle basiscijfers")
toon(pagina.alle_cijfers)
st.caption(f"Dataversie {basis.versie}. Soort: gerapporteerd (staat zo in de bron; '(raming)' als de bron het zelf een "
           "raming noemt), afgeleid (berekend uit gerapporteerde cijfers) of aanname. Peildatum 'onbekend': de bron noemt geen datum.")

st.subheader("Documenten")
toon(pagina.documenten)

st.subheader("Onzekerheid: wat de simulatie varieert en waarom")
toon(pagina.verdelingen)
st.caption(
    f"Pagina Risico's: de kansen komen uit {fmt.getal(PADEN)} gesimuleerde toekomsten. De spreidingen zijn aannames in de "
    "zijbalk ('Onzekerheid (simulatie)'), met hun bron of onderbouwing in de tabel met aannames hierboven."
)
