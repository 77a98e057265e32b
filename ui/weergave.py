"""Small drawing helpers so pages stay short: headline figures, charts, tables, sources."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from core import charts, export
from core.tekst import formatting as fmt
from core.model.kerncijfers import Kaart
from core.tekst.tabellen import opmaak
from ui import state


def kaart(figuur: Kaart) -> None:
    """A headline figure: the scenario value, its difference from the baseline, and the baseline beside it."""
    delta = None
    if figuur.verschil:
        delta = (figuur.verschil_tekst or fmt.getal(figuur.verschil, signed=True)) + " t.o.v. basis"
    st.metric(
        figuur.label,
        figuur.waarde,
        delta=delta,
        delta_color="inverse" if figuur.hoger_is_slechter else "normal",
        help=figuur.herkomst,
        border=True,
    )
    st.caption(f"Basisscenario: **{figuur.basis}**")
    if figuur.norm is not None:
        normstatus(figuur.norm, figuur.haalt_norm)


def normstatus(norm: int, gehaald: bool) -> None:
    """Whether a Provincie norm is met, in words and colour (never by colour or symbol alone)."""
    if gehaald:
        st.badge(f"Norm ≤ {norm}: gehaald", color="green", icon=":material/check_circle:")
    else:
        st.badge(f"Norm ≤ {norm}: niet gehaald", color="red", icon=":material/cancel:")


def grafiek(spec: dict, naam: str | None = None) -> None:
    """A chart; with a ``naam`` also its PNG and SVG, rendered server-side only when clicked.

    An opened saved scenario is drawn in its own colour, the one it has on the Vergelijken page.
    """
    spec = charts.met_scenariokleur(spec, state.scenariokleur())
    st.vega_lite_chart(spec, width="stretch")
    if naam is None or state.presentatie():
        return
    scenario = state.scenario()
    png, svg = st.columns([1, 1], width=360)
    png.download_button(
        "Grafiek als PNG", data=lambda: export.grafiek_png(spec), file_name=export.bestandsnaam(naam, scenario, "png"),
        mime="image/png", on_click="ignore", icon=":material/image:", key=f"png_{naam}",
    )
    svg.download_button(
        "Grafiek als SVG", data=lambda: export.grafiek_svg(spec), file_name=export.bestandsnaam(naam, scenario, "svg"),
        mime="image/svg+xml", on_click="ignore", icon=":material/image:", key=f"svg_{naam}",
    )


def downloads(onderwerp: str, bladen: dict[str, tuple[pd.DataFrame, dict]]) -> None:
    """The page's tables as one Excel workbook (with the assumptions and sources) and as CSV files."""
    if state.presentatie():
        return
    scenario, basis = state.scenario(), state.basis()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    with st.popover("Tabellen downloaden", icon=":material/download:"):
        st.download_button(
            "Excel (.xlsx) met aannames en bronnen", data=lambda: export.excel_bytes(bladen, scenario, basis),
            file_name=export.bestandsnaam(onderwerp, scenario, "xlsx"), mime=xlsx, on_click="ignore", key=f"xlsx_{onderwerp}",
        )
        for blad, (frame, kolommen) in bladen.items():
            st.download_button(
                f"CSV: {blad}", data=lambda f=frame, k=kolommen: export.csv_bytes(f, k),
                file_name=export.bestandsnaam(f"{onderwerp} {blad}", scenario, "csv"), mime="text/csv",
                on_click="ignore", key=f"csv_{onderwerp}_{blad}",
            )


def tabel(frame: pd.DataFrame, kolommen: dict) -> None:
    """Show ``frame`` with Dutch headers and Dutch-formatted values."""
    st.dataframe(opmaak(frame, kolommen), hide_index=True, width="stretch")


def bron(tekst: str) -> None:
    """A source footnote; left out in presentation mode (the figures' help texts keep their sources)."""
    if not state.presentatie():
        st.caption(f"Bron: {tekst}")


PRESENTATIE_CSS = """
<style>
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p { font-size: 1.3rem; }
[data-testid="stMain"] h1 { font-size: 3rem; }
[data-testid="stMain"] h3 { font-size: 2rem; }
/* After the rule for text: a metric's value and label are markdown paragraphs too. */
[data-testid="stMain"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 4.2rem; line-height: 1.1; }
[data-testid="stMain"] [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
[data-testid="stMain"] [data-testid="stMetricDelta"] { font-size: 1.2rem; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.15rem; }
</style>
"""


def presentatie_opmaak() -> None:
    """Larger type for the projector; drawn once per run by app.py."""
    if state.presentatie():
        st.html(PRESENTATIE_CSS)


def korte_link(scenario_id: int) -> str:
    """The full short link to a saved scenario, on this app's own address."""
    url = urlsplit(st.context.url or "")
    prefix = st.get_option("server.baseUrlPath").strip("/")
    root = f"{url.scheme}://{url.netloc}/" if url.netloc else "/"
    return f"{root}{prefix + '/' if prefix else ''}?scenario={scenario_id}"


def meenemen(naam: str | None = None) -> None:
    """The current scenario to take away: a printable summary and the Python that reproduces it."""
    if state.presentatie():
        return
    scenario, basis = state.scenario(), state.basis()
    with st.expander("Samenvatting afdrukken of in Python narekenen", icon=":material/print:"):
        st.download_button(
            "Samenvatting (HTML, één A4)", data=lambda: export.samenvatting_html(scenario, basis, naam),
            file_name=export.bestandsnaam("samenvatting", scenario, "html"), mime="text/html",
            on_click="ignore", icon=":material/download:", key="samenvatting",
        )
        st.caption("Open het bestand in de browser en druk af (Ctrl+P), of bewaar het als PDF.")
        st.code(export.python_snippet(scenario), language="python")
