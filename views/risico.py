"""Risico's: how likely each Provincie deadline is met, when the reserve runs out, what it takes."""

import streamlit as st

from core import charts_risico as grafieken
from core.model.parameters import PARAMETERS_BY_NAME
from core.model.reserve import reserve_rijen
from core.model.taakstelling import taakstelling_rijen
from core.risico import beleidsrisico, plausibiliteit, simuleer
from core.risico.gevoeligheid import gevoeligheid
from core.risico.simulatie import HORIZON
from core.risico.tabellen import RISICO_KOLOMMEN, risico_bladen
from core.tekst import formatting as fmt
from core.tekst import risicopagina, zinnen
from ui import state
from ui.weergave import bron, grafiek, lijst, tabeldownloads

STANDAARD_HORIZON = PARAMETERS_BY_NAME["eind_jaar"].standaard
GEVOELIGHEID_KEY = "uitklap-gevoeligheid"

basis, scenario = state.basis(), state.scenario()
uitkomst = simuleer(scenario, basis)
taak, reserve = taakstelling_rijen(scenario, basis), reserve_rijen(scenario, basis)

st.title("Risico's en onzekerheid")
st.caption(zinnen.simulatie_uitleg(uitkomst))
# The tables are built only when a download is clicked (they are not on screen).
tabeldownloads("risico", {
    blad: (lambda blad=blad: risico_bladen(scenario, basis)[blad][0], kolommen) for blad, kolommen in RISICO_KOLOMMEN.items()
})

bevindingen = plausibiliteit.controleer(scenario, basis)
with st.expander(zinnen.plausibiliteit_kop(len(bevindingen)), expanded=bool(bevindingen)):
    if not bevindingen:
        st.success("Geen aanname of combinatie die de bronnen onwaarschijnlijk maken.", icon=":material/check_circle:")
    for b in bevindingen:
        melding = st.warning if b.ernst == plausibiliteit.WAARSCHUWING else st.info
        melding(f"{zinnen.bevinding_zin(b)}  \nGetoetst aan: {b.toets}.", icon=":material/warning:")

st.subheader("Halen we de deadlines van de Provincie?")
eigen = risicopagina.eigen_deadlines(uitkomst, basis)
for kolom, datum in zip(st.columns(max(1, len(eigen))), eigen):
    with kolom:
        st.metric(
            f"Kans norm {fmt.datum(datum)} (≤ {uitkomst.deadlines[datum][1]})", zinnen.kans(uitkomst.kans_norm[datum]),
            help=zinnen.kans_deadline_zin(uitkomst, datum, datum == eigen[0]), border=True,
        )
        st.caption(f"Kans op opschaling voorbij trede 2: **{zinnen.kans(uitkomst.kans_escalatie[datum])}**")
grafiek(grafieken.achterstand_waaier_spec(uitkomst, taak), "achterstand waaier")
if not state.presentatie():
    lijst(risicopagina.deadline_regels(uitkomst, eigen))

st.subheader("Wanneer raakt de reserve op?")
st.write(zinnen.opraak_zin(uitkomst))
grafiek(grafieken.reserve_waaier_spec(uitkomst, reserve), "reserve waaier")
if positief := zinnen.positief_zin(uitkomst, scenario.eind_jaar):
    st.write(positief)
grafiek(grafieken.opraakjaar_spec(uitkomst), "jaar reserve op")

st.subheader("Wat is nodig?")
keuze_kans, keuze_jaar = st.columns(2)
doelkans = keuze_kans.select_slider(
    "Gewenste kans", options=[k / 100 for k in range(50, 100, 5)], value=0.8, format_func=zinnen.kans,
    key="doelkans", bind="query-params",
)
doeljaren = list(range(basis.basisjaar, HORIZON + 1))
doeljaar = keuze_jaar.selectbox(
    "Reserve niet negatief tot en met", doeljaren, index=doeljaren.index(min(max(STANDAARD_HORIZON, basis.basisjaar), HORIZON)),
    key="doeljaar", bind="query-params",
)
lijst(risicopagina.doel_regels(scenario, basis, doelkans, doeljaar))

# The sensitivity analysis runs the model about 35 times: it is worked out when its section is opened,
# not on every slider move (an opened section stays open and follows the sliders).
gevoeligheid_sectie = st.expander(
    "Welke aanname weegt het zwaarst? (gevoeligheid: openen om te berekenen)", icon=":material/tune:",
    key=GEVOELIGHEID_KEY, on_change="rerun",
)
if gevoeligheid_sectie.open:
    with gevoeligheid_sectie:
        tornado = st.selectbox("Uitkomst", gevoeligheid(scenario, basis), format_func=zinnen.uitkomst_label,
                               key="gevoeligheid_uitkomst")
        st.write(zinnen.tornado_zin(tornado))
        grafiek(grafieken.tornado_spec(tornado), "gevoeligheid")
        bron(
            "het model zelf (zonder onzekerheid): elke aanname naar de uiteinden van haar schuif, de andere zoals in "
            "dit scenario. Alle uitkomsten staan in de tabel Gevoeligheid onder 'Tabellen downloaden'."
        )

st.subheader("Beleidsrisico's")
lijst(risicopagina.beleidsrisico_regels(scenario, basis, uitkomst))
bron(beleidsrisico.rijksregeling(basis))
