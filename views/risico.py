"""Risico's: how likely each Provincie deadline is met, when the reserve runs out, what it takes."""

import streamlit as st

from core import charts_risico as grafieken
from core.model.parameters import PARAMETERS_BY_NAME
from core.model.reserve import reserve_rijen
from core.model.taakstelling import taakstelling_rijen
from core.risico import beleidsrisico, doelzoeken, plausibiliteit, simuleer
from core.risico.gevoeligheid import gevoeligheid
from core.risico.simulatie import HORIZON
from core.risico.tabellen import RISICO_KOLOMMEN, risico_bladen
from core.tekst import formatting as fmt
from core.tekst import zinnen
from ui import state
from ui.weergave import bron, grafiek, tabeldownloads

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
eigen = [d for d, (periode, _norm) in uitkomst.deadlines.items() if periode in basis.norm_rijen][:4]
for kolom, datum in zip(st.columns(max(1, len(eigen))), eigen):
    with kolom:
        st.metric(
            f"Kans norm {fmt.datum(datum)} (≤ {uitkomst.deadlines[datum][1]})", zinnen.kans(uitkomst.kans_norm[datum]),
            help=zinnen.kans_deadline_zin(uitkomst, datum, datum == eigen[0]), border=True,
        )
        st.caption(f"Kans op opschaling voorbij trede 2: **{zinnen.kans(uitkomst.kans_escalatie[datum])}**")
grafiek(grafieken.achterstand_waaier_spec(uitkomst, taak), "achterstand waaier")
if not state.presentatie():
    regels = [zinnen.kans_deadline_zin(uitkomst, datum, datum == eigen[0]) for datum in eigen]
    st.markdown("\n".join(f"- {r}" for r in [*regels, zinnen.doorgetrokken_kans_zin(uitkomst, eigen)] if r))

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
tempodoelen = doelzoeken.benodigd_tempo(scenario, basis, doelkans)
regels = [zinnen.tempo_doel_zin(d, scenario.huisvesting_per_halfjaar, scenario.wetsvoorstel_36831) for d in tempodoelen]
hoogste = max((d.tempo for d in tempodoelen if d.tempo is not None), default=None)
if hoogste is not None and (markt := plausibiliteit.tempo_markt(hoogste, basis)):
    regels[-1] += f" {zinnen.bevinding_zin(markt)}"
regels += [zinnen.reserve_doel_zin(d, getattr(scenario, d.parameter)) for d in doelzoeken.reserve_doelen(scenario, basis, doeljaar, doelkans)]
st.markdown("\n".join(f"- {r}" for r in regels))

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
st.markdown(
    f"- {zinnen.wetsvoorstel_zin(beleidsrisico.wetsvoorstel(scenario, basis))}\n"
    f"- {zinnen.har_plus_zin(beleidsrisico.har_plus(scenario, basis), scenario.eind_jaar, uitkomst.kans_har_plus_uitgeput)}"
)
bron(beleidsrisico.rijksregeling(basis))
