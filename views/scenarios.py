"""Scenario's: save the current scenario, and open, duplicate, archive or share saved ones."""

import streamlit as st

from core import opslag, toegang
from core.data import DataError
from core.export.snippet import python_snippet
from core.tekst import tabellen, zinnen
from core.opslag import OngeldigeInvoer
from ui import state
from ui.tekst import als_tekst
from ui.toegang import gebruiker
from ui.weergave import korte_link, tabel, tabeldownloads

scenario, geopend, wie = state.scenario(), state.geopend(), gebruiker()
st.title("Scenario's")
if opgeslagen := st.session_state.pop("_opslaan_melding", None):
    label, opgeslagen_id = opgeslagen
    st.success(f"Opgeslagen als {als_tekst(label)}. De korte link:", icon=":material/check_circle:")
    st.code(korte_link(opgeslagen_id), language=None)
if fout := state.schrijffout():
    st.error(als_tekst(fout), icon=":material/error:")

if not wie.mag(toegang.OPSLAAN):
    st.caption(f"Als {wie.rol} kunt u scenario's openen, vergelijken, downloaden en delen; opslaan mag een bewerker.")
else:
    st.subheader("Huidig scenario opslaan")
    st.caption(als_tekst(zinnen.afwijkingen_zin(scenario)))
    with st.form("opslaan"):  # a form keeps what was typed when the name is refused
        naam = st.text_input("Naam", key="opslaan_naam", max_chars=opslag.MAX_NAAM)
        omschrijving = st.text_area("Omschrijving (optioneel)", key="opslaan_omschrijving", max_chars=opslag.MAX_OMSCHRIJVING)
        als_versie = geopend is not None and st.checkbox(
            f"Opslaan als nieuwe versie van '{als_tekst(geopend.naam)}'", key="als_versie"
        )
        if st.form_submit_button("Opslaan", type="primary"):
            try:
                saved = opslag.bewaar(
                    scenario, geopend.naam if als_versie else naam, omschrijving, state.data_versie(),
                    nieuwe_versie=als_versie, path=state.pad(), gebruiker=wie,
                )
            except (OngeldigeInvoer, toegang.GeenToegang, DataError) as error:
                # The form keeps what was typed: nothing is lost, the user can try again.
                st.error(als_tekst(str(error)), icon=":material/error:")
            else:
                state.markeer_geopend(saved)
                st.session_state["_opslaan_melding"] = (saved.label, saved.id)
                st.session_state["keuze"] = saved  # the list opens on the scenario just saved
                st.rerun()

st.subheader("Opgeslagen scenario's")
toon_archief = st.toggle("Toon ook gearchiveerde scenario's", key="toon_archief")
try:
    opgeslagen = opslag.lijst(state.pad(), gearchiveerd=toon_archief)
except DataError as error:
    st.error(als_tekst(str(error)), icon=":material/error:")
    st.stop()
if not opgeslagen:
    st.info("Er zijn nog geen opgeslagen scenario's.", icon=":material/info:")
    st.stop()
lijst = opslag.overzicht(opgeslagen)
tabeldownloads("scenarios", {"Opgeslagen scenario's": (lijst, tabellen.OPGESLAGEN)})
tabel(lijst, tabellen.OPGESLAGEN)

keuze = st.selectbox("Kies een scenario", opgeslagen, format_func=lambda s: s.label, key="keuze")
try:
    versies = opslag.versies(keuze.naam, state.pad())
except DataError as error:
    st.error(als_tekst(str(error)), icon=":material/error:")
    st.stop()
gekozen = st.selectbox("Versie", list(reversed(versies)), format_func=lambda s: s.label, key="keuze_versie")
with st.container(border=True):
    st.markdown(f"**{als_tekst(gekozen.label)}**: {als_tekst(gekozen.omschrijving) or 'geen omschrijving'}")
    st.caption(f"{als_tekst(zinnen.afwijkingen_zin(gekozen.scenario))} Berekend op dataversie {gekozen.data_versie}.")
    for probleem in gekozen.problemen:
        st.warning(als_tekst(probleem), icon=":material/warning:")
    st.markdown("Korte link (kopieer met de knop rechts):")
    st.code(korte_link(gekozen.id), language=None)
    with st.expander("Voor analisten: narekenen in Python"):
        st.code(python_snippet(gekozen.scenario), language="python")
    openen, dupliceren, archief = st.columns(3)
    openen.button("Openen", on_click=state.open_opgeslagen, args=(gekozen,), key="openen", width="stretch")
    dupliceren.button("Dupliceren en aanpassen", on_click=state.dupliceer, args=(gekozen,), key="dupliceren", width="stretch")
    if wie.mag(toegang.ARCHIVEREN):
        label, actie, key = ("Terugzetten", opslag.herstel, "herstel") if keuze.gearchiveerd else ("Archiveren", opslag.archiveer, "archiveer")
        archief.button(label, on_click=state.schrijf, args=(actie, keuze.naam, wie), key=key, width="stretch")
