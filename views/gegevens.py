"""Gegevens bijwerken: enter new figures (a form or a file), see what changes before storing, history and undo."""

from datetime import date

import streamlit as st

from core import toegang
from ui import gegevens
from ui.toegang import gebruiker

wie = gebruiker()
st.title("Gegevens bijwerken")
gegevens.melding_opgeslagen()
st.caption(
    "Nieuwe cijfers van COA, het Rijk, de jaarrekening of een circulaire: voer ze hier in met hun bron. Er wordt nooit "
    "iets overschreven of verwijderd; elke invoer is een nieuwe dataversie met wie, wanneer en waarom."
)
basis = gegevens.nieuwste_basis()
invoeren, geschiedenis, terug = st.tabs(["Invoeren", "Geschiedenis en auditlog", "Ongedaan maken"])
with invoeren:
    if not wie.mag(toegang.GEGEVENS_INVOEREN):
        st.caption(f"Als {wie.rol} kunt u de cijfers en hun geschiedenis bekijken; invoeren mag een bewerker.")
    else:
        enkel, bestand = st.tabs(["Eén cijfer", "Bestand (CSV of Excel)"])
        with enkel:
            gegevens.formulier_enkel(basis)
        with bestand:
            gegevens.upload(basis)
        voorbeeld = gegevens.voorbeeld(basis, date.today())
        if voorbeeld is not None:
            st.subheader("Voorbeeld")
            gegevens.toon_voorbeeld(voorbeeld)
            if voorbeeld.geldig:
                gegevens.opslaan(voorbeeld, wie)
with geschiedenis:
    gegevens.geschiedenis(basis)
with terug:
    gegevens.terugdraaien(wie)
