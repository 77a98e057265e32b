"""The scenario controls: one widget per parameter, bound to the URL query string."""

from __future__ import annotations

import streamlit as st

from core.data import Basis
from core.model.parameters import KEUZE, PARAMETERS, SELECT_SLIDER, SLIDER, TOGGLE, Parameter
from core.model.scenario import Scenario
from core.tekst import zinnen
from ui import state

# Shown at the top of the sidebar; the rest sit in an expander to keep the meeting view calm.
HOOFDKNOPPEN = ("instroom_pct", "huisvesting_per_halfjaar", "huurtoeslag_grote_gezinnen", "du_mo_indexatie_pct", "zorgkosten_groei_pct")
MELDINGEN_KEY = "_url_meldingen"


def controle_link(regels: list[str]) -> None:
    """On the first run of a session, check the link's query values and keep the problems.

    Streamlit silently drops invalid bound values; users must be told their link was
    not applied in full, so the values are checked here before the widgets read them.
    """
    if MELDINGEN_KEY in st.session_state:
        return
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    _scenario, problemen = Scenario.uit_query(query, regels)
    st.session_state[MELDINGEN_KEY] = problemen


def link_meldingen() -> list[str]:
    return st.session_state.get(MELDINGEN_KEY, [])


def _terug_naar_basis() -> None:
    state.zet_knoppen(Scenario())
    state.sluit_opgeslagen()
    st.session_state[MELDINGEN_KEY] = []


def _help_extra(parameter: Parameter, basis: Basis) -> str:
    """Figures from the data that a control's help quotes (so they roll forward with the data)."""
    if parameter.naam == "huisvesting_per_halfjaar":
        return zinnen.tempo_alternatieven(basis)
    if parameter.naam == "instroom_pct":
        return zinnen.laatste_taakstelling_zin(basis)
    return ""


def _control(parameter: Parameter, basis: Basis):
    regels = [line["regel"] for line in basis.begrotingsregels]
    common = {"key": parameter.naam, "help": parameter.help_tekst(_help_extra(parameter, basis)), "bind": "query-params"}
    if parameter.widget == SLIDER:
        return st.slider(
            parameter.label,
            min_value=int(parameter.minimum),
            max_value=int(parameter.maximum),
            value=parameter.standaard,
            step=int(parameter.stap),
            format=parameter.slider_format,
            **common,
        )
    if parameter.widget == SELECT_SLIDER:
        return st.select_slider(
            parameter.label, options=parameter.opties, value=parameter.standaard, format_func=parameter.formatteer, **common
        )
    if parameter.widget == TOGGLE:
        return st.toggle(parameter.label, value=parameter.standaard, **common)
    if parameter.widget == KEUZE:
        return st.radio(
            parameter.label, options=parameter.opties, index=parameter.opties.index(parameter.standaard),
            format_func=parameter.formatteer, **common,
        )
    return frozenset(st.multiselect(parameter.label, options=regels, default=sorted(parameter.standaard), **common))


def _geopend_melding(current: Scenario) -> None:
    saved = state.geopend()
    if saved is None:
        return
    gewijzigd = "" if saved.scenario == current else " (gewijzigd, nog niet opgeslagen)"
    st.caption(f"Geopend: **{saved.label}**{gewijzigd}")
    nieuwste = state.nieuwste_versie()
    if state.data_versie() < nieuwste:
        st.warning(
            f"Dit scenario is berekend op dataversie {saved.data_versie}; er is nieuwere basisdata "
            f"(versie {nieuwste}). De cijfers zijn zoals ze toen waren.",
            icon=":material/history:",
        )
        st.button("Herberekenen op de nieuwste data", on_click=state.herbereken_op_nieuwste_data, key="herbereken")


def scenario_knoppen(basis: Basis) -> Scenario:
    """Draw the controls in the sidebar and return the scenario they describe."""
    values = {}
    with st.sidebar:
        # Options double as the URL value (?modus=presentatie), so they are written as in the link.
        st.segmented_control(
            "Weergave", ["standaard", state.PRESENTATIE], default="standaard", key=state.MODUS_KEY, bind="query-params",
            help="Presentatie: grote cijfers en grafieken voor de beamer, zonder tabellen en voetnoten.",
        )
        st.header("Scenario")
        status = st.container()
        for parameter in PARAMETERS:
            if parameter.naam in HOOFDKNOPPEN:
                values[parameter.naam] = _control(parameter, basis)
        with st.expander("Meer aannames"):
            for parameter in PARAMETERS:
                if parameter.naam not in HOOFDKNOPPEN:
                    values[parameter.naam] = _control(parameter, basis)
        st.button("Terug naar basisscenario", on_click=_terug_naar_basis, width="stretch", key="reset")
        if not state.presentatie():
            st.caption("De link in de adresbalk opent precies dit scenario; kopieer hem om het te delen.")
    current = Scenario(**values)
    with status:
        _geopend_melding(current)
    return current
