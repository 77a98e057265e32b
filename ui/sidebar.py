"""The scenario controls: one widget per parameter, bound to the URL query string."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

from core.data import Basis
from core.model.link import lees_scenario
from core.model.parameters import (
    BELEIDSRISICO, KEUZE, MULTISELECT, ONZEKERHEID, OPVANG_BUDGETTEN, PARAMETERS, PARAMETERS_BY_NAME, SELECT_SLIDER, SLIDER, TOGGLE,
    Parameter,
)
from core.model.scenario import Scenario
from core.tekst import zinnen
from core.tekst.begrippen import BEGRIPPEN
from ui import gewijzigd, kopieerlink, state
from ui.tekst import als_tekst

# Shown at the top of the sidebar; the rest sit in an expander to keep the meeting view calm.
# Groups of assumptions with an expander of their own (the Risico's and Budgetten pages use them).
EIGEN_UITKLAP = (ONZEKERHEID, BELEIDSRISICO, OPVANG_BUDGETTEN)
HOOFDKNOPPEN = ("instroom_pct", "huisvesting_per_halfjaar", "huurtoeslag_grote_gezinnen", "du_mo_indexatie_pct", "zorgkosten_groei_pct")
MELDINGEN_KEY = "_link_meldingen"  # {control: (notice, the value the link left it at)}

# Every control outside HOOFDKNOPPEN sits in a folded section. A folded section's controls are not
# drawn at all (its expander reruns the page when opened): 21 widgets cost about a third of every
# rerun (benchmarks/README.md). Their values live in AANNAMEN_KEY meanwhile, and this module writes
# them to the URL itself: Streamlit's query-param binding removes a value from the URL as soon as
# its widget is not drawn, so these controls are not bound.
MEER = "Meer aannames"
AANNAMEN_KEY = "_aannamen"  # {control: value}, for every control in a folded section


def uitklap_key(groep: str) -> str:
    """The key of a section's expander (its open/folded state; also its CSS class st-key-<key>)."""
    return "uitklap-" + re.sub(r"[^a-z0-9]+", "-", groep.casefold()).strip("-")


def sectie(parameter: Parameter) -> str | None:
    """The folded section a control sits in (None: always drawn)."""
    if parameter.naam in HOOFDKNOPPEN:
        return None
    return parameter.groep if parameter.groep in EIGEN_UITKLAP else MEER


SECTIES = {p.naam: uitklap_key(sectie(p)) for p in PARAMETERS if sectie(p) is not None}  # for ui.gewijzigd
PER_SECTIE = {groep: [p for p in PARAMETERS if sectie(p) == groep] for groep in (MEER, *EIGEN_UITKLAP)}


def sectie_open(groep: str) -> bool:
    return bool(st.session_state.get(uitklap_key(groep)))


def aannamen() -> dict:
    """The values of the controls in folded sections (set from the link, the controls, or a reset)."""
    return st.session_state.setdefault(AANNAMEN_KEY, {})


def zet_aanname(parameter: Parameter, waarde) -> None:
    """Set a control that may be folded: its stored value (folded sections only), and the widget itself if it is drawn."""
    groep = sectie(parameter)
    if groep is not None:
        aannamen()[parameter.naam] = waarde
    if groep is None or sectie_open(groep):
        st.session_state[parameter.naam] = sorted(waarde) if parameter.widget == MULTISELECT else waarde


def controle_link(basis: Basis, vergelijkbaar: Callable[[], list[str]]) -> None:
    """On a session's first run, read the link leniently and put its values in canonical form.

    Streamlit's query-parameter binding accepts only the exact form it writes (``2,5%``) and drops
    or truncates anything else silently, so the controls, the link and the figures could disagree.
    Before any control exists, each link value is read with every obvious spelling accepted
    (core.model.link) and written back in the form the control binds to, or removed if it cannot
    be used; a notice names each control whose value was not applied. ``vergelijkbaar`` gives the
    names the compare page can show (read only on that first run).
    """
    if MELDINGEN_KEY in st.session_state:
        return
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    scenario, redenen = lees_scenario(query, basis.regelnamen)
    meldingen: dict[str, tuple[str, object]] = {}
    for naam in query:
        parameter = PARAMETERS_BY_NAME.get(naam)
        if parameter is None:
            continue
        waarde = getattr(scenario, naam)
        _zet_link(naam, parameter.naar_query(waarde) if waarde != parameter.standaard else None)
        if sectie(parameter) is not None:
            aannamen()[naam] = waarde
        if naam in redenen:
            meldingen[naam] = (zinnen.link_melding(parameter, redenen[naam]), waarde)
    meldingen |= _controleer_keuzelijst(state.MODUS_KEY, query, [state.STANDAARD, state.PRESENTATIE], "Weergave", state.STANDAARD)
    meldingen |= _controleer_keuzelijst(state.VERGELIJK_KEY, query, vergelijkbaar(), "Vergelijken", None)
    _zaai_bedieningen_uit_link()
    st.session_state[MELDINGEN_KEY] = meldingen


def _zaai_bedieningen_uit_link() -> None:
    # Bound controls take their first value from the link as the page loaded, not from
    # st.query_params. Streamlit refreshes that snapshot after a page switch with this same
    # call; here it makes the controls start from the corrected link. Pinned Streamlit
    # version; tests/test_app.py (spellings, refused values) fails if this stops working.
    with get_session_state().query_params() as query_params:
        query_params.set_initial_query_params_from_current()


def _zet_link(naam: str, waarden: list[str] | None, alleen_bij_verschil: bool = False) -> None:
    if alleen_bij_verschil and st.query_params.get_all(naam) == (waarden or []):
        return  # every write sends the browser a message
    if waarden is None:
        if naam in st.query_params:
            del st.query_params[naam]
    else:
        st.query_params[naam] = waarden


def _controleer_keuzelijst(naam: str, query: dict, toegestaan: list[str], label: str, standaard) -> dict:
    """A link value that must be one of ``toegestaan`` (case-insensitive); the rest is dropped with a notice."""
    if naam not in query:
        return {}
    bekend = {t.casefold(): t for t in toegestaan}
    waarden = [v for v in query[naam] if v.strip()]
    goed = [bekend[v.strip().casefold()] for v in waarden if v.strip().casefold() in bekend]
    _zet_link(naam, goed or None)
    if len(goed) == len(waarden):
        return {}
    rest = "de basiswaarde is gebruikt" if standaard else "de rest is gebruikt" if goed else "er is niets gekozen"
    return {naam: (f"De link bevat voor '{label}' een waarde die niet bestaat; {rest}.", None)}


def link_meldingen(scenario: Scenario) -> list[str]:
    """The notices about the link, as long as the control they are about still shows the link's value."""
    meldingen = st.session_state.get(MELDINGEN_KEY, {})
    return [
        melding for naam, (melding, waarde) in meldingen.items()
        if naam not in PARAMETERS_BY_NAME or getattr(scenario, naam) == waarde
    ]


def _terug_naar_basis() -> None:
    state.zet_knoppen(Scenario())
    state.sluit_opgeslagen()
    st.session_state[MELDINGEN_KEY] = {}


@lru_cache(maxsize=128)
def _help(naam: str, basis: Basis) -> str:
    # Built once per control and data version, not on every rerun of every page.
    parameter = PARAMETERS_BY_NAME[naam]
    return parameter.help_tekst(_help_extra(parameter, basis))


def _help_extra(parameter: Parameter, basis: Basis) -> str:
    """Figures from the data that a control's help quotes (so they roll forward with the data)."""
    if parameter.naam == "huisvesting_per_halfjaar":
        return zinnen.tempo_alternatieven(basis)
    if parameter.naam == "instroom_pct":
        return zinnen.laatste_taakstelling_zin(basis)
    if parameter.naam == "du_mo_indexatie_pct":
        return zinnen.bekende_indexatie_zin(basis)
    if parameter.naam == "huurtoeslag_grote_gezinnen":
        return zinnen.bekende_huurtoeslag_zin(basis)
    return ""


def _control(parameter: Parameter, basis: Basis, waarde=None, gebonden: bool = True):
    """One control. ``gebonden``: bound to the URL by Streamlit; else (a control in a folded section)
    it starts at ``waarde`` when drawn afresh and the caller keeps the URL."""
    common = {"key": parameter.naam, "help": _help(parameter.naam, basis)}
    if gebonden:
        common["bind"] = "query-params"
        waarde = parameter.standaard
    if parameter.widget == SLIDER:
        return st.slider(
            parameter.label,
            min_value=int(parameter.minimum),
            max_value=int(parameter.maximum),
            value=waarde,
            step=int(parameter.stap),
            format=parameter.slider_format,
            **common,
        )
    if parameter.widget == SELECT_SLIDER:
        return st.select_slider(
            parameter.label, options=parameter.opties, value=waarde, format_func=parameter.optie_tekst, **common
        )
    if parameter.widget == TOGGLE:
        return st.toggle(parameter.label, value=waarde, **common)
    if parameter.widget == KEUZE:
        return st.radio(
            parameter.label, options=parameter.opties, index=parameter.opties.index(waarde),
            format_func=parameter.formatteer, **common,
        )
    # The default is part of a multiselect's identity: a changing default would redraw it while used.
    if not gebonden and parameter.naam not in st.session_state:
        st.session_state[parameter.naam] = sorted(waarde)
    return frozenset(st.multiselect(
        parameter.label, options=basis.regelnamen, default=sorted(parameter.standaard), placeholder="Kies begrotingsregels",
        select_all=False, **common,
    ))


def _geopend_melding(current: Scenario) -> None:
    saved = state.geopend()
    if saved is None:
        return
    gewijzigd = "" if saved.scenario == current else " (gewijzigd, nog niet opgeslagen)"
    st.caption(f"Geopend: **{als_tekst(saved.label)}**{gewijzigd}")
    nieuwste = state.nieuwste_versie()
    if state.data_versie() < nieuwste:
        st.warning(
            f"Dit scenario is berekend op dataversie {saved.data_versie}; er is nieuwere basisdata "
            f"(versie {nieuwste}). De cijfers zijn zoals ze toen waren.",
            icon=":material/history:",
        )
        st.button("Herberekenen op de nieuwste data", on_click=state.herbereken_op_nieuwste_data, key="herbereken")


def _sectie(groep: str, basis: Basis) -> dict:
    """A folded section: its controls are drawn only while it is open; folded, their stored values count."""
    opgeslagen = aannamen()
    uitklap = st.expander(groep, key=uitklap_key(groep), on_change="rerun")
    values = {}
    for parameter in PER_SECTIE[groep]:
        waarde = opgeslagen.get(parameter.naam, parameter.standaard)
        if uitklap.open:
            with uitklap:
                waarde = _control(parameter, basis, waarde, gebonden=False)
            opgeslagen[parameter.naam] = waarde
        values[parameter.naam] = waarde
        _zet_link(parameter.naam, parameter.naar_query(waarde) if waarde != parameter.standaard else None, alleen_bij_verschil=True)
    return values


def scenario_knoppen(basis: Basis) -> Scenario:
    """Draw the controls in the sidebar and return the scenario they describe."""
    values = {}
    with st.sidebar:
        # Options double as the URL value (?modus=presentatie), so they are written as in the link.
        st.segmented_control(
            "Weergave", [state.STANDAARD, state.PRESENTATIE], default=state.STANDAARD, key=state.MODUS_KEY, bind="query-params",
            help="Presentatie: grote cijfers en grafieken voor de beamer, zonder tabellen en voetnoten.",
        )
        st.header("Scenario")
        status = st.container()
        for parameter in PARAMETERS:
            if parameter.naam in HOOFDKNOPPEN:
                values[parameter.naam] = _control(parameter, basis)
        with st.container(key="meer-aannames"):  # hidden in presentation mode
            for groep in (MEER, *EIGEN_UITKLAP):
                values |= _sectie(groep, basis)
        st.button("Terug naar basisscenario", on_click=_terug_naar_basis, width="stretch", key="reset")
        with st.expander("Begrippen", icon=":material/help:"):
            st.markdown("\n".join(f"- **{term}**: {uitleg}" for term, uitleg in BEGRIPPEN.items()))
        if not state.presentatie():
            kopieerlink.knop()
            st.caption("De link opent precies dit scenario, op elke pagina.")
    current = Scenario(**values)
    with status:
        _geopend_melding(current)
        gewijzigd.markeer(current, SECTIES)
    return current
