"""Small drawing helpers so pages stay short: headline figures, charts, tables, sources."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from core import charts
from core.export import bestandsnamen, grafieken, samenvatting, snippet
from core.export import tabellen as exporttabellen
from core.model.kerncijfers import Kerncijfer
from core.tekst import formatting as fmt
from core.tekst.tabellen import teksttabel
from ui import downloads, state


def _verschil(eigen: Kerncijfer, in_basisscenario: Kerncijfer | None) -> str | None:
    """The difference from the baseline in the figure's own unit: persons, euros or years."""
    if in_basisscenario is None or eigen.tekst == in_basisscenario.tekst:
        return None
    if isinstance(eigen.waarde, (int, float)) and isinstance(in_basisscenario.waarde, (int, float)):
        verschil = eigen.waarde - in_basisscenario.waarde
        if eigen.eenheid == "euro":
            return fmt.euro(round(verschil), signed=True) + " t.o.v. basis"
        eenheid = " jaar" if eigen.eenheid == "jaar" else ""
        return fmt.getal(verschil, signed=True) + eenheid + " t.o.v. basis"
    return f"basis: {in_basisscenario.tekst}"


KORT_CIJFER = 5  # characters: "88", "2031"; longer ones ("€ 2.379.950", "na 2040") get a smaller size


def kaart(eigen: Kerncijfer, in_basisscenario: Kerncijfer | None) -> None:
    """A headline figure: the scenario value, its difference from the baseline, and the baseline beside it.

    The card is red (KAART_CSS) when a norm is missed or the reserve goes negative or runs out.
    """
    sleutel = re.sub(r"[^a-z0-9]+", "-", eigen.sleutel.lower())
    maat = "kort" if len(eigen.tekst) <= KORT_CIJFER else "lang"  # a short figure may be drawn larger
    # The border is the container's, not the metric's, so the baseline line and the norm badge sit inside
    # the card; height="stretch" and KAART_CSS give every card in a row the height of the tallest.
    with st.container(key=f"kaart-{sleutel}-{'rood' if eigen.kritiek else 'ok'}-maat-{maat}", border=True, height="stretch", gap="xsmall"):
        _metric(eigen, in_basisscenario)


def _metric(eigen: Kerncijfer, in_basisscenario: Kerncijfer | None) -> None:
    st.metric(
        eigen.label,
        eigen.tekst,
        delta=_verschil(eigen, in_basisscenario),
        delta_color="inverse" if eigen.hoger_is_slechter else "normal",
        help=eigen.herkomst,
    )
    if in_basisscenario is not None and in_basisscenario.tekst != eigen.tekst:
        st.caption(f"Basisscenario: {in_basisscenario.tekst}")
    if eigen.norm is not None:
        normstatus(eigen.norm, eigen.haalt_norm)


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
    if state.presentatie():
        spec = charts.groter(spec)
    st.vega_lite_chart(spec, width="stretch")
    if naam is None or state.presentatie():
        return
    menu = downloads.menu("Grafiek downloaden", f"grafiek_{naam}", icon=":material/image:")
    if menu is None:
        return
    scenario, scenarionaam = state.scenario(), state.scenarionaam()
    downloads.knop(menu, "Grafiek als PNG", lambda: grafieken.grafiek_png(spec),
                   bestandsnamen.bestandsnaam(naam, scenario, "png", scenarionaam), f"png_{naam}", icon=":material/image:")
    downloads.knop(menu, "Grafiek als SVG", lambda: grafieken.grafiek_svg(spec),
                   bestandsnamen.bestandsnaam(naam, scenario, "svg", scenarionaam), f"svg_{naam}", icon=":material/image:")


def tabeldownloads(onderwerp: str, bladen: dict[str, tuple]) -> None:
    """The page's tables as one Excel workbook (with the assumptions and sources) and as CSV files.

    Each sheet is (frame, columns); the frame may be a function that builds it, called on a click.
    """
    if state.presentatie():
        return
    menu = downloads.menu("Tabellen downloaden", f"tabellen_{onderwerp}", icon=":material/download:")
    if menu is None:
        return
    scenario, basis, naam = state.scenario(), state.basis(), state.scenarionaam()
    with menu:
        downloads.knop(st, "Excel (.xlsx) met aannames en bronnen",
                       lambda: exporttabellen.excel_bytes(_gemaakt(bladen), scenario, basis, naam),
                       bestandsnamen.bestandsnaam(onderwerp, scenario, "xlsx", naam), f"xlsx_{onderwerp}")
        for blad, (frame, kolommen) in bladen.items():
            downloads.knop(st, f"CSV: {blad}", lambda f=frame, k=kolommen: exporttabellen.csv_bytes(_frame(f), k),
                           bestandsnamen.bestandsnaam(f"{onderwerp} {blad}", scenario, "csv", naam), f"csv_{onderwerp}_{blad}")


def _frame(frame):
    # A sheet may be given as a function that builds its frame: a page whose screen shows the
    # cached rows then builds the export frame only when a download is clicked.
    return frame() if callable(frame) else frame


def _gemaakt(bladen: dict) -> dict:
    return {blad: (_frame(frame), kolommen) for blad, (frame, kolommen) in bladen.items()}


KORTE_TABEL = 30  # rows: a table this short is shown whole, without scrolling inside it
RIJHOOGTE, KOPHOOGTE = 35, 38  # Streamlit's default row and header height in pixels


def tabel(frame, kolommen: dict) -> None:
    """Show ``frame`` (a DataFrame or a projection's rows) with Dutch headers and Dutch-formatted values."""
    toon(teksttabel(frame, kolommen))


TABELRUIMTE = 790  # pixels: the main column at 1280 wide with the sidebar open is about 818
TEKENBREEDTE, CELRAND = 7.5, 24  # pixels per character of Streamlit's table font, and a cell's padding
MINIMALE_KOLOM = 64


def kolombreedtes(koppen: list[str], langste: list[int], ruimte: int = TABELRUIMTE) -> dict[str, int] | None:
    """Column widths in pixels that fit ``ruimte``; None when the columns fit as they are.

    ``langste``: per column the length of its longest text. Every column gets what that (or its
    header) needs, up to one shared maximum chosen so that the whole table fits: short columns
    (numbers) keep their width, long texts are cut off on screen ("…", the whole text shows when
    the cell is clicked, and the downloads hold every figure).
    """
    nodig = [CELRAND + TEKENBREEDTE * max(len(k), n) for k, n in zip(koppen, langste)]
    if sum(nodig) <= ruimte:
        return None
    laag, hoog = 0.0, max(nodig)
    for _ in range(30):  # the largest maximum with sum(min(nodig, maximum)) <= ruimte
        midden = (laag + hoog) / 2
        laag, hoog = (midden, hoog) if sum(min(n, midden) for n in nodig) <= ruimte else (laag, midden)
    return {k: max(MINIMALE_KOLOM, int(min(n, laag))) for k, n in zip(koppen, nodig)}


def _langste_tekst(kolom) -> int:
    """The length of a column's longest value as text. The tables on screen are Arrow tables of text:
    measured in Arrow itself, since a page shows them on every rerun (Bronnen has hundreds of rows)."""
    if isinstance(kolom, pa.ChunkedArray) and pa.types.is_string(kolom.type):
        return pc.max(pc.utf8_length(kolom)).as_py() or 0
    waarden = kolom.to_pylist() if isinstance(kolom, pa.ChunkedArray) else kolom.tolist()
    return max((len(str(w)) for w in waarden if w is not None), default=0)


def toon(data) -> None:
    """A table (pandas or Arrow) shown whole when it is short; a long one scrolls within 20 rows.

    The columns are narrowed to fit the page at 1280 pixels wide (kolombreedtes); a narrowed
    header keeps its full name as help text. The first column (the period, year or name a row
    is about) stays in place should a table still be scrolled sideways (on a phone).
    """
    rijen = data.num_rows if hasattr(data, "num_rows") else len(data)
    kolommen = data.column_names if hasattr(data, "column_names") else list(data.columns)
    breedtes = kolombreedtes([str(k) for k in kolommen], [_langste_tekst(data[k]) for k in kolommen]) or {}
    hoogte = "content" if rijen <= KORTE_TABEL else KOPHOOGTE + 20 * RIJHOOGTE
    config = {}
    for i, k in enumerate(kolommen):
        breedte = breedtes.get(str(k))
        if i == 0 or breedte is not None:
            config[k] = st.column_config.Column(pinned=True if i == 0 else None, width=breedte,
                                                help=str(k) if breedte is not None else None)
    st.dataframe(data, hide_index=True, width="stretch", height=hoogte, column_config=config or None)


def lijst(regels: list[str]) -> None:
    """Sentences as a bulleted list (each generated sentence a point of its own)."""
    st.markdown("\n".join(f"- {r}" for r in regels))


def bron(tekst: str) -> None:
    """A source footnote; left out in presentation mode (the figures' help texts keep their sources)."""
    if not state.presentatie():
        st.caption(f"Bron: {tekst}")


PRESENTATIE_CSS = """
<style>
/* The beamer (1280x720 and up): verdict and every headline card on the first screen, nothing cut.
   Less white space around the page, compact headings, figures as large as their card allows. */
[data-testid="stMainBlockContainer"] { padding: 1rem 1.5rem 2rem 1.5rem; }
[data-testid="stHeader"] { background: transparent; pointer-events: none; }
[data-testid="stHeader"] * { pointer-events: auto; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
[data-testid="stMain"] h1 { font-size: 1.8rem; line-height: 1.3; padding: 0 0 0.2rem 0; }
[data-testid="stMain"] h3 { font-size: 1.3rem; line-height: 1.5; padding: 0.25rem 0 0.3rem 0; }
[data-testid="stMain"] [data-testid="stAlert"] p { font-size: 1.05rem; line-height: 1.35; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 0.95rem; }
/* Figures outside the headline cards (the chances on Risico's): large, after the rule for text. */
[data-testid="stMain"] [data-testid="stMetric"]:not([class*="st-key-kaart-"] *) [data-testid="stMetricValue"] p { font-size: 2.6rem; line-height: 1.1; }
[data-testid="stMain"] [class*="st-key-kaart-"] { padding: 0.4rem 0.75rem; gap: 0.25rem; }
[class*="st-key-kaart-"] [data-testid="stMetricLabel"] p { font-size: 0.95rem; line-height: 1.2; }
/* The difference from the baseline stays on the card; the line "Basisscenario: X" goes. */
[class*="st-key-kaart-"] [data-testid="stCaptionContainer"] { display: none; }
[class*="st-key-kaart-"] [data-testid="stMetricValue"] p { font-size: clamp(1.6rem, 15cqi, 3rem); line-height: 1.1; }
[class*="st-key-kaart-"][class*="-maat-kort"] [data-testid="stMetricValue"] p { font-size: clamp(1.6rem, 24cqi, 3rem); }
[class*="st-key-kaart-"] [data-testid="stMetricDelta"] { font-size: 0.95rem; }
/* From full HD on: larger figures, still every row above the fold. */
@media (min-width: 1800px) and (min-height: 1000px) {
  [data-testid="stMain"] h1 { font-size: 2.6rem; }
  [data-testid="stMain"] [data-testid="stAlert"] p { font-size: 1.3rem; }
  [class*="st-key-kaart-"] [data-testid="stMetricLabel"] p { font-size: 1.2rem; }
  [class*="st-key-kaart-"] [data-testid="stMetricValue"] p { font-size: clamp(2rem, 15cqi, 4.2rem); }
  [class*="st-key-kaart-"][class*="-maat-kort"] [data-testid="stMetricValue"] p { font-size: clamp(2rem, 24cqi, 5rem); }
  [class*="st-key-kaart-"] [data-testid="stMetricDelta"] { font-size: 1.15rem; }
}
/* Only the main sliders on the beamer; the other assumptions keep their values, out of sight. */
.st-key-meer-aannames { display: none; }
</style>
"""


KAART_CSS = """
<style>
/* A headline card: the keyed container of ui.weergave.kaart. Red where a norm is missed. */
[class*="st-key-kaart-"] { container-type: inline-size; }
[class*="st-key-kaart-"][class*="-rood"] { border-color: #B00020; background: #FDECEA; }
[class*="st-key-kaart-"][class*="-rood"] [data-testid="stMetricValue"] { color: #B00020; }
/* Never cut a figure or its label ("€ 2.37…"): labels wrap, values shrink with the card's width. */
[data-testid="stMain"] [data-testid="stMetricLabel"] *,
[data-testid="stMain"] [data-testid="stMetricValue"] *,
[class*="st-key-kaart-"] [data-testid="stMarkdownContainer"] * { white-space: normal; overflow: visible; text-overflow: clip; }
/* Streamlit's own badge rule wins on specificity: a norm badge wraps instead of ending in "…". */
[class*="st-key-kaart-"] .stMarkdownBadge { white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[class*="st-key-kaart-"] .stMarkdownBadge { display: inline; line-height: 1.5; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
[class*="st-key-kaart-"] [data-testid="stMetricValue"] p { font-size: clamp(1.5rem, 15cqi, 2.25rem); line-height: 1.15; }
[class*="st-key-kaart-"][class*="-maat-kort"] [data-testid="stMetricValue"] p { font-size: clamp(1.5rem, 24cqi, 2.25rem); }
</style>
"""


def presentatie_opmaak() -> None:
    """Red headline cards; larger type for the projector. Drawn once per run by app.py."""
    st.html(KAART_CSS)
    if state.presentatie():
        st.html(PRESENTATIE_CSS)


def korte_link(scenario_id: int) -> str:
    """The full short link to a saved scenario, on this app's own address."""
    url = urlsplit(st.context.url or "")
    prefix = st.get_option("server.baseUrlPath").strip("/")
    root = f"{url.scheme}://{url.netloc}/" if url.netloc else "/"
    return f"{root}{prefix + '/' if prefix else ''}?scenario={scenario_id}"


def meenemen() -> None:
    """The current scenario to take away: a printable summary and the Python that reproduces it."""
    if state.presentatie():
        return
    scenario, basis, naam = state.scenario(), state.basis(), state.scenarionaam()
    with st.expander("Samenvatting afdrukken", icon=":material/print:"):
        downloads.knop(st, "Samenvatting (HTML, één A4)", lambda: samenvatting.samenvatting_html(scenario, basis, naam),
                       bestandsnamen.bestandsnaam("samenvatting", scenario, "html", naam), "samenvatting",
                       icon=":material/download:")
        st.caption("Open het bestand in de browser en druk af (Ctrl+P), of bewaar het als PDF.")
    with st.expander("Voor analisten: narekenen in Python", icon=":material/code:"):
        st.code(snippet.python_snippet(scenario), language="python")
