"""What every page reads: the base data (cached) and the current scenario."""

from __future__ import annotations

import streamlit as st

import pandas as pd

from core import herkomst, tabellen
from core.consistency import Bevinding, check_all
from core.data import Basis, database_path, latest_versie, load_basis
from core.scenario import Scenario

SCENARIO_KEY = "_scenario"


@st.cache_resource(max_entries=8, show_spinner=False)
def _basis(path: str, versie: int) -> Basis:
    # cache_resource, not cache_data: Basis is frozen and no code mutates its frames,
    # and unpickling a copy on every rerun would cost more than the rest of the page.
    return load_basis(path, versie)


def _sleutel() -> tuple[str, int]:
    path = str(database_path())
    return path, latest_versie(path)


def basis() -> Basis:
    """The newest base data; re-read only when a new data version has been stored."""
    return _basis(*_sleutel())


@st.cache_data(max_entries=8, show_spinner=False)
def _bronnen(path: str, versie: int) -> tuple[pd.DataFrame, list[Bevinding]]:
    base = _basis(path, versie)
    return tabellen.opmaak(herkomst.alle_cijfers(base), tabellen.FIGUREN), check_all(base)


def bronnen() -> tuple[pd.DataFrame, list[Bevinding]]:
    """The formatted table of all base figures and the consistency findings (scenario-independent)."""
    return _bronnen(*_sleutel())


def scenario() -> Scenario:
    """The scenario the sidebar controls describe (set by app.py before the page runs)."""
    return st.session_state.get(SCENARIO_KEY, Scenario())


def zet_scenario(value: Scenario) -> None:
    st.session_state[SCENARIO_KEY] = value
