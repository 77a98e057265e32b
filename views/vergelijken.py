"""Vergelijken: the baseline and up to four scenarios side by side, in numbers, charts and words."""

import pyarrow as pa
import streamlit as st

from core import charts, opslag
from core.data import DataError
from core.model import vergelijken as vgl
from core.tekst import zinnen
from ui import state
from ui.tekst import als_tekst
from ui.weergave import grafiek, tabeldownloads, toon

basis, scenario = state.basis(), state.scenario()
st.title("Scenario's vergelijken")

try:
    opgeslagen = {s.naam: s for s in opslag.lijst(state.pad())}
except DataError as error:
    st.error(als_tekst(str(error)), icon=":material/error:")
    opgeslagen = {}
gekozen = st.multiselect(
    "Scenario's naast het basisscenario (hoogstens vier)",
    [vgl.HUIDIG, *opgeslagen],
    default=vgl.standaardkeuze(scenario, list(opgeslagen.values())),
    max_selections=vgl.MAX_VARIANTEN,
    key=state.VERGELIJK_KEY,
    bind="query-params",
    placeholder="Kies een of meer scenario's",
    select_all=False,
    help="Het huidige scenario uit de zijbalk en de opgeslagen scenario's (nieuwste versie). "
    "De link in de adresbalk opent dezelfde vergelijking.",
)
if not gekozen:
    st.info("Kies hierboven een of meer scenario's om naast het basisscenario te zetten.", icon=":material/info:")
    st.stop()

varianten = vgl.varianten(
    [opgeslagen[naam] for naam in gekozen if naam in opgeslagen], scenario if vgl.HUIDIG in gekozen else None
)
kleuren = {v.naam: v.kleur for v in varianten}
uitkomsten_tekst, verschillen_tekst = vgl.schermtabellen(varianten, basis)
# The frames (numbers, for Excel and CSV) are built only when a download is clicked.
tabeldownloads(
    "vergelijking",
    {
        "Kernuitkomsten": (lambda: vgl.uitkomsten(varianten, basis), vgl.exportkolommen(varianten)),
        "Verschil met basis": (lambda: vgl.verschillen(vgl.uitkomsten(varianten, basis)), vgl.exportkolommen(varianten[1:])),
    },
)

st.subheader("Kernuitkomsten")
toon(pa.table(uitkomsten_tekst))  # Arrow of text: no pandas conversion per rerun
st.subheader("Verschil met het basisscenario")
toon(pa.table(verschillen_tekst))
st.caption(f"Alle scenario's berekend op dataversie {basis.versie}; bronnen en peildata op de pagina Bronnen.")

links, rechts = st.columns(2)
with links:
    grafiek(charts.vergelijk_spec(
        vgl.achterstand_reeksen(varianten, basis), kleuren, "periode", "achterstand_eind", "Achterstand eind halfjaar (personen)"
    ), "vergelijking achterstand")
with rechts:
    grafiek(charts.vergelijk_spec(
        vgl.reserve_reeksen(varianten, basis), kleuren, "jaar", "reserve_eind", "Reserve Beschermd Thuis eind jaar", euro=True
    ), "vergelijking reserve")

st.subheader("Wat elk scenario betekent")
for variant in varianten[1:]:
    st.markdown(f"**{als_tekst(variant.naam)}**")
    st.write(zinnen.samenvatting(variant.scenario, basis))
