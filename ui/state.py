"""What every page reads: the base data (cached), the current scenario and the saved one that is open."""

from __future__ import annotations

import os
import re
from functools import lru_cache

import pandas as pd
import streamlit as st

from core.tekst import tabellen
from core.tekst.bronnenpagina import Bronnenpagina, bronnenpagina
from core import opslag
from core import toegang
from core.data import DB_PATH_ENV, Basis, DataError, database_path, latest_versie, load_basis
from core.opslag import OpgeslagenScenario
from core.model.parameters import PARAMETERS
from core.model.scenario import Scenario
from core.model.vergelijken import HUIDIG, kleur_van

SCENARIO_KEY = "_scenario"
GEOPEND_KEY = "_geopend"  # the saved scenario that is open, if any
DATA_VERSIE_KEY = "_data_versie"  # a pinned data version (an opened saved scenario); None = newest
LINK_MELDING_KEY = "_scenario_link_melding"
LINK_PARAM = "scenario"
NIEUWSTE_KEY = "_nieuwste_versie"  # the newest data version, looked up once per run by start_run


@st.cache_resource(max_entries=8, show_spinner=False)
def _basis(path: str, versie: int) -> Basis:
    # cache_resource, not cache_data: Basis is frozen and no code mutates its frames,
    # and unpickling a copy on every rerun would cost more than the rest of the page.
    return load_basis(path, versie)


@lru_cache(maxsize=8)
def _pad(gekozen: str | None) -> str:
    return str(database_path(gekozen))


def pad() -> str:
    """The database file (resolved once per value of $VERKENNER_DB, not on every call)."""
    return _pad(os.environ.get(DB_PATH_ENV))


def start_run() -> None:
    """Look up the newest data version once per run: app.py calls this before anything reads data.

    A page asks for the data version several times a run, and each query cost about a
    millisecond of CPU (benchmarks/README.md). Code that stores a new data version during a
    run and wants to show it in the same run calls this again.
    """
    st.session_state[NIEUWSTE_KEY] = latest_versie(pad())


def nieuwste_versie() -> int:
    """The newest data version, as looked up at the start of this run."""
    versie = st.session_state.get(NIEUWSTE_KEY)
    return latest_versie(pad()) if versie is None else versie


PEILVERSIE_KEY = "_peilversie"  # the version the sidebar's date selects (ui.tijdreis); None = newest


def zet_peilversie(versie: int | None) -> None:
    st.session_state[PEILVERSIE_KEY] = versie


def peilversie() -> int | None:
    return st.session_state.get(PEILVERSIE_KEY)


def data_versie() -> int:
    """The data version the app computes on: pinned by an opened saved scenario, else the version of the
    date chosen in the sidebar (time travel), else the newest."""
    return st.session_state.get(DATA_VERSIE_KEY) or peilversie() or nieuwste_versie()


BASIS_KEY = "_basis"  # (database file, data version, Basis): the last one this session used


def basis() -> Basis:
    """The base data at the current data version; re-read only when that version changes.

    A page asks for it several times a run; the session keeps the last one beside its key (file and
    version), which is cheaper than the cache_resource lookup (benchmarks/README.md) and never
    outlives a change of version."""
    sleutel = (pad(), data_versie())
    laatst = st.session_state.get(BASIS_KEY)
    if laatst is not None and laatst[:2] == sleutel:
        return laatst[2]
    gelezen = _basis(*sleutel)
    st.session_state[BASIS_KEY] = (*sleutel, gelezen)
    return gelezen


def bronnen() -> Bronnenpagina:
    """What the Bronnen page shows (base figures, findings, tables): scenario-independent, cached per data version."""
    return bronnenpagina(basis())


def scenario() -> Scenario:
    """The scenario the sidebar controls describe (set by app.py before the page runs)."""
    return st.session_state.get(SCENARIO_KEY, Scenario())


def zet_scenario(value: Scenario) -> None:
    st.session_state[SCENARIO_KEY] = value


def zet_knoppen(value: Scenario) -> None:
    """Move the sidebar controls to ``value`` (only before they are drawn, e.g. in a callback)."""
    from ui import sidebar  # the sidebar keeps the values of the controls in folded sections

    for parameter in PARAMETERS:
        sidebar.zet_aanname(parameter, getattr(value, parameter.naam))


def geopend() -> OpgeslagenScenario | None:
    return st.session_state.get(GEOPEND_KEY)


def open_opgeslagen(saved: OpgeslagenScenario) -> None:
    """Show a saved scenario as it was saved: its settings and the data version it was computed on."""
    zet_knoppen(saved.scenario)
    st.session_state[GEOPEND_KEY] = saved
    st.session_state[DATA_VERSIE_KEY] = saved.data_versie


def markeer_geopend(saved: OpgeslagenScenario) -> None:
    """The controls already show ``saved`` (it was just saved from them): only remember it."""
    st.session_state[GEOPEND_KEY] = saved
    st.session_state[DATA_VERSIE_KEY] = saved.data_versie


def dupliceer(saved: OpgeslagenScenario) -> None:
    """Load a saved scenario's settings as a new, unsaved scenario, with a name to start from."""
    zet_knoppen(saved.scenario)
    sluit_opgeslagen()
    st.session_state["opslaan_naam"] = f"{saved.naam} (kopie)"
    st.session_state["opslaan_omschrijving"] = saved.omschrijving


def scenariokleur() -> str | None:
    """The open saved scenario's own colour while the controls still show it; else None (the default)."""
    saved = geopend()
    return kleur_van(saved) if saved is not None and saved.scenario == scenario() else None


def scenarionaam() -> str | None:
    """The open saved scenario's name while the controls still show it (for titles and file names)."""
    saved = geopend()
    return saved.naam if saved is not None and saved.scenario == scenario() else None


def sluit_opgeslagen() -> None:
    st.session_state[GEOPEND_KEY] = None
    st.session_state[DATA_VERSIE_KEY] = None


def herbereken_op_nieuwste_data() -> None:
    st.session_state[DATA_VERSIE_KEY] = None


# ASCII digits only and never longer than an id can be: str.isdigit() accepts "²" and "١",
# which int() refuses, and int() of thousands of digits is refused by Python as well.
_KORTE_LINK = re.compile(r"[0-9]{1,12}", re.ASCII)


def open_link() -> None:
    """On a session's first run, open the saved scenario a short link ``?scenario=<id>`` names."""
    if LINK_MELDING_KEY in st.session_state:
        return
    st.session_state[LINK_MELDING_KEY] = None
    raw = st.query_params.get(LINK_PARAM)
    if raw is None:
        return
    saved = opslag.open_scenario(int(raw), pad()) if _KORTE_LINK.fullmatch(raw) else None
    if saved is None:
        st.session_state[LINK_MELDING_KEY] = "De link noemt een opgeslagen scenario dat niet bestaat. Het basisscenario is geopend."
        del st.query_params[LINK_PARAM]
        return
    open_opgeslagen(saved)


def link_melding() -> str | None:
    return st.session_state.get(LINK_MELDING_KEY)


def synchroniseer_link(current: Scenario) -> None:
    """Keep ``?scenario=<id>`` in the URL exactly while the open saved scenario is unchanged."""
    saved = geopend()
    if saved is not None and saved.scenario == current:
        if st.query_params.get(LINK_PARAM) != str(saved.id):
            st.query_params[LINK_PARAM] = str(saved.id)
    elif LINK_PARAM in st.query_params:
        del st.query_params[LINK_PARAM]


MODUS_KEY = "modus"
STANDAARD, PRESENTATIE = "standaard", "presentatie"
VERGELIJK_KEY = "vergelijk"


def vergelijkbaar() -> list[str]:
    """What the compare page can show: the current scenario and every saved one (newest version)."""
    try:
        return [HUIDIG, *(s.naam for s in opslag.lijst(pad()))]
    except DataError:
        return [HUIDIG]  # the compare and scenario pages say why the saved ones are missing


SCHRIJFFOUT_KEY = "_schrijffout"


def schrijf(actie, naam: str, gebruiker) -> None:
    """Run a store write from a button callback; a refusal or failure is kept for the page to show."""
    try:
        actie(naam, pad(), gebruiker=gebruiker)
    except (DataError, toegang.GeenToegang, opslag.OngeldigeInvoer) as error:
        st.session_state[SCHRIJFFOUT_KEY] = str(error)


def schrijffout() -> str | None:
    """The Dutch message of a write that failed in a callback this run (shown once)."""
    return st.session_state.pop(SCHRIJFFOUT_KEY, None)


def geopend_problemen() -> tuple[str, ...]:
    """Values of the open saved scenario that could not be read (Dutch, one per assumption)."""
    saved = geopend()
    return saved.problemen if saved is not None else ()


def presentatie() -> bool:
    """Presentation mode (``?modus=presentatie``): large figures, few controls, no tables or footnotes."""
    return st.session_state.get(MODUS_KEY) == PRESENTATIE


def teksttabel(frame: pd.DataFrame, kolommen: dict):
    """A table as the screen shows it (Dutch headers and values)."""
    return tabellen.teksttabel(frame, kolommen)
