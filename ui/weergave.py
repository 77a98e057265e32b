"""Small drawing helpers so pages stay short: headline figures, charts, tables, sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import formatting as fmt
from core.tabellen import opmaak


def kerncijfer(
    label: str, scenario_tekst: str, basis_tekst: str, verschil: float | None, bron: str,
    verschil_tekst: str | None = None, hoger_is_slechter: bool = False,
) -> None:
    """A headline figure: the scenario value, its difference from the baseline, and the baseline beside it."""
    delta = None
    if verschil:
        delta = verschil_tekst or fmt.getal(verschil, signed=True)
    st.metric(
        label,
        scenario_tekst,
        delta=f"{delta} t.o.v. basis" if delta else None,
        delta_color="inverse" if hoger_is_slechter else "normal",
        help=bron,
        border=True,
    )
    st.caption(f"Basisscenario: **{basis_tekst}**")


def normstatus(norm: int, gehaald: bool) -> None:
    """Whether a Provincie norm is met, in words and colour (never by colour or symbol alone)."""
    if gehaald:
        st.badge(f"Norm ≤ {norm}: gehaald", color="green", icon=":material/check_circle:")
    else:
        st.badge(f"Norm ≤ {norm}: niet gehaald", color="red", icon=":material/cancel:")


def grafiek(spec: dict) -> None:
    st.vega_lite_chart(spec, width="stretch")


def tabel(frame: pd.DataFrame, kolommen: dict[str, tuple[str, callable]]) -> None:
    """Show ``frame`` with Dutch headers and Dutch-formatted values."""
    st.dataframe(opmaak(frame, kolommen), hide_index=True, width="stretch")


def bron(tekst: str) -> None:
    st.caption(f"Bron: {tekst}")
