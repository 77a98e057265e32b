"""The peildatum selector: every page as the data stood on an earlier date (time travel).

The date is in the link (``?gegevens_op=2027-02-01``), so a colleague opens the same figures. The
app computes on the newest data version read in on or before the end of that day
(``core.data.invoer.versie_op``); an opened saved scenario keeps its own pinned version.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

import streamlit as st

from core.data import invoer as data_invoer
from core.tekst import formatting as fmt
from ui import state

PEILDATUM_KEY = "gegevens_op"


def kiezer() -> None:
    """Draw the date selector in the sidebar (before any data is read: it decides the data version)."""
    with st.sidebar.expander("Gegevens van een eerdere datum", icon=":material/history:",
                             expanded=st.session_state.get(PEILDATUM_KEY) is not None):
        st.date_input(
            "Gegevens zoals op", value=None, key=PEILDATUM_KEY, bind="query-params", format="DD-MM-YYYY",
            min_value=_eerste_dag(state.pad(), state.nieuwste_versie()), max_value=date.today(),
            help="Toont elke pagina met de cijfers zoals ze op die dag in de Verkenner stonden, bijvoorbeeld om een "
                 "scenario uit een eerdere vergadering precies zo te laten zien. Leeg: de nieuwste gegevens.",
        )
    state.zet_peilversie(gekozen_versie())


@lru_cache(maxsize=8)
def _eerste_dag(pad: str, nieuwste: int) -> date:
    # Looked up once per database and data version, not on every rerun.
    return data_invoer.eerste_moment(pad).date()


def gekozen_versie() -> int | None:
    gekozen = st.session_state.get(PEILDATUM_KEY)
    if gekozen is None:
        return None
    return data_invoer.versie_op(state.pad(), datetime.combine(gekozen, time.max))


def melding() -> None:
    """On every page while an earlier date is chosen: which date and data version the figures are from."""
    gekozen, versie = st.session_state.get(PEILDATUM_KEY), gekozen_versie_in_gebruik()
    if gekozen is None or versie is None:
        return
    nieuwste = state.nieuwste_versie()
    extra = "" if versie == nieuwste else f" Er zijn nieuwere gegevens (dataversie {nieuwste})."
    st.info(f"U ziet de gegevens zoals ze op {fmt.datum(gekozen)} waren (dataversie {versie}).{extra}", icon=":material/history:")
    st.button("Naar de nieuwste gegevens", on_click=_wis, key="tijdreis_wis")


def gekozen_versie_in_gebruik() -> int | None:
    return state.peilversie()


def _wis() -> None:
    st.session_state[PEILDATUM_KEY] = None
