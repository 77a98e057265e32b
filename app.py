"""Sociaal Domein Verkenner: the router and frame. Sidebar controls are shared by every page."""

import streamlit as st

from core.data import DataError
from ui import chrome, downloads, sidebar, state, tijdreis, toegang
from ui.fouten import vang_paginafouten
from ui.tekst import als_tekst
from ui.weergave import presentatie_opmaak

st.set_page_config(page_title="Sociaal Domein Verkenner", page_icon="🏘️", layout="wide")
toegang.aanmelden()  # without a login configured: local single-user mode; else login first

downloads.begin_run()
try:
    state.start_run()
    state.open_link()
    tijdreis.kiezer()
    basis = state.basis()
except DataError as error:
    st.error(f"De basisdata kunnen niet worden geladen. {error}")
    st.stop()

sidebar.controle_link(basis, state.vergelijkbaar)
scenario = sidebar.scenario_knoppen(basis)
state.zet_scenario(scenario)
state.synchroniseer_link(scenario)
presentatie_opmaak()
chrome.vertaal_streamlit()

tijdreis.melding()
for melding in sidebar.link_meldingen(scenario):
    st.warning(melding, icon=":material/warning:")
if state.link_melding():
    st.warning(state.link_melding(), icon=":material/warning:")
for probleem in state.geopend_problemen():  # a stored value that could not be read: never silent
    st.warning(als_tekst(probleem), icon=":material/warning:")

pagina = st.navigation(
    [
        st.Page("views/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
        st.Page("views/taakstelling.py", title="Taakstelling", icon=":material/home_work:"),
        st.Page("views/reserve.py", title="Reserve", icon=":material/savings:"),
        st.Page("views/risico.py", title="Risico's", icon=":material/stacked_line_chart:", url_path="risico"),
        st.Page("views/budgetten.py", title="Budgetten", icon=":material/account_balance_wallet:"),
        st.Page("views/vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:"),
        st.Page("views/scenarios.py", title="Scenario's", icon=":material/bookmarks:"),
        st.Page("views/bronnen.py", title="Bronnen", icon=":material/menu_book:"),
        st.Page("views/gegevens.py", title="Gegevens bijwerken", icon=":material/edit_note:", url_path="gegevens"),
    ]
)
with vang_paginafouten():
    pagina.run()
