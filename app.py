"""Sociaal Domein Verkenner: the router and frame. Sidebar controls are shared by every page."""

import streamlit as st

from core.data import DataError
from ui import sidebar, state

st.set_page_config(page_title="Sociaal Domein Verkenner", page_icon="🏘️", layout="wide")

try:
    basis = state.basis()
except DataError as error:
    st.error(f"De basisdata kunnen niet worden geladen. {error}")
    st.stop()

regels = [line["regel"] for line in basis.begrotingsregels]
sidebar.controle_link(regels)
state.zet_scenario(sidebar.scenario_knoppen(regels))

for melding in sidebar.link_meldingen():
    st.warning(f"De link bevat een ongeldige waarde. {melding}", icon="⚠️")

pagina = st.navigation(
    [
        st.Page("pages/overzicht.py", title="Overzicht", icon="🏠", default=True, url_path="start"),
        st.Page("pages/taakstelling.py", title="Taakstelling", icon="🏘️", url_path="statushouders"),
        st.Page("pages/reserve.py", title="Reserve", icon="💶", url_path="beschermd-thuis"),
        st.Page("pages/bronnen.py", title="Bronnen", icon="📚", url_path="bronnen-en-controles"),
    ]
)
# The url_paths differ from the file names on purpose: Streamlit still treats a
# pages/ folder as a legacy multipage app on a session's first run (and AppTest on
# every run), and would then run pages/taakstelling.py without this frame.
pagina.run()
