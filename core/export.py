"""Exports for a council letter: CSV and Excel tables, charts as SVG/PNG, a printable summary
and a Python snippet that reproduces the scenario.

Headers and number formats come from core.tekst.tabellen, so an export reads like the screen.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import unicodedata
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
import vl_convert as vlc
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core import charts
from core.tekst import formatting as fmt
from core.tekst import herkomst
from core.data import Basis
from core.model.kerncijfers import Kaart, kaarten, samenvatting
from core.model.reserve import project_reserve
from core.model.scenario import Scenario
from core.tekst.tabellen import AANNAMES, DATUM, FIGUREN, PEILDATUM, TEKST, Kolom, met_koppen
from core.model.taakstelling import project_taakstelling

# --- tables: CSV and Excel -------------------------------------------------------------


def _exportframe(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """Dutch headers; numbers stay numbers, dates become dates, ja/nee becomes Dutch words."""
    uit = met_koppen(frame, kolommen)  # a new frame (copy-on-write): the caller's stays as it is
    for kolom in kolommen.values():
        if kolom.soort is DATUM:
            uit[kolom.kop] = pd.to_datetime(uit[kolom.kop])
        elif kolom.soort.excel_formaat is None and kolom.soort is not TEKST:
            uit[kolom.kop] = pd.Series(
                [None if fmt.ontbreekt(v) and kolom.soort is not PEILDATUM else kolom.soort.weergave(v) for v in uit[kolom.kop]],
                index=uit.index,
                dtype=object,
            )
    return uit


def csv_bytes(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> bytes:
    """CSV as Dutch Excel reads it: ``;`` between fields, decimal comma, UTF-8 with BOM."""
    text = _exportframe(frame, kolommen).to_csv(
        sep=";", decimal=",", index=False, lineterminator="\r\n", date_format="%Y-%m-%d"
    )
    return text.encode("utf-8-sig")


KOP_FONT = Font(bold=True)
KOP_VULLING = PatternFill("solid", fgColor="E6E6E6")
MIN_BREEDTE, MAX_BREEDTE = 8, 60

DOCUMENTEN = {
    "titel": Kolom("Document"),
    "kort": Kolom("Korte naam"),
    "datum": Kolom("Datum", PEILDATUM),
}


def _cel(value):
    """A value openpyxl can store: no NA/NaN, no numpy scalars, no pandas timestamps."""
    if fmt.ontbreekt(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value.item() if isinstance(value, np.generic) else value


def _schrijf_tabel(blad: Worksheet, frame: pd.DataFrame, kolommen: dict[str, Kolom], rij: int = 1) -> int:
    """Write a table with a bold header row at ``rij``; return the first free row below it."""
    uit = _exportframe(frame, kolommen)
    formaten = [k.soort.excel_formaat for k in kolommen.values()]
    for kolom, kop in enumerate(uit.columns, start=1):
        cel = blad.cell(rij, kolom, kop)
        cel.font, cel.fill = KOP_FONT, KOP_VULLING
    for r, values in enumerate(uit.itertuples(index=False), start=rij + 1):
        for kolom, (value, formaat) in enumerate(zip(values, formaten), start=1):
            cel = blad.cell(r, kolom, _cel(value))
            if formaat and cel.value is not None:
                cel.number_format = formaat
    return rij + len(uit) + 1


def _kolombreedtes(blad: Worksheet) -> None:
    """Each column as wide as its longest text (numbers as shown in Dutch), within limits."""
    breedtes: dict[int, int] = {}
    for rij in blad.iter_rows():
        for cel in rij:
            if cel.value is not None:
                breedtes[cel.column] = max(breedtes.get(cel.column, 0), len(_zichtbaar(cel.value)))
    for kolom, breedte in breedtes.items():
        blad.column_dimensions[get_column_letter(kolom)].width = min(MAX_BREEDTE, max(MIN_BREEDTE, breedte + 2))


def _zichtbaar(value) -> str:
    if isinstance(value, date):
        return fmt.datum(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "€ " + fmt.getal(value)
    return str(value)


def _gegevensblad(werkmap: openpyxl.Workbook, naam: str, frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> None:
    blad = werkmap.create_sheet(naam[:31])
    _schrijf_tabel(blad, frame, kolommen)
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = blad.dimensions
    _kolombreedtes(blad)


def _scenario_tekst(scenario: Scenario) -> str:
    if scenario.is_basis:
        return "basisscenario (alle aannames op hun basiswaarde)"
    aantal = len(scenario.afwijkingen())
    return f"wijkt af van het basisscenario in {aantal} {'aanname' if aantal == 1 else 'aannames'}"


def _aannamesblad(werkmap: openpyxl.Workbook, scenario: Scenario, basis: Basis) -> None:
    blad = werkmap.create_sheet("Aannames")
    blad.append(["Aannames van het scenario"])
    blad["A1"].font = Font(bold=True, size=14)
    blad.append(["Scenario", _scenario_tekst(scenario)])
    blad.append(["Dataversie", basis.versie])
    blad.append(["Datum export", date.today()])
    blad.cell(blad.max_row, 2).number_format = DATUM.excel_formaat
    kop = blad.max_row + 2
    _schrijf_tabel(blad, herkomst.aannames(scenario), AANNAMES, rij=kop)
    blad.freeze_panes = f"A{kop + 1}"
    _kolombreedtes(blad)


def _bronnenblad(werkmap: openpyxl.Workbook, basis: Basis) -> None:
    blad = werkmap.create_sheet("Bronnen")
    vrij = _schrijf_tabel(blad, herkomst.alle_cijfers(basis), FIGUREN)
    blad.cell(vrij + 1, 1, "Documenten").font = Font(bold=True, size=14)
    _schrijf_tabel(blad, basis.documenten, DOCUMENTEN, rij=vrij + 2)
    blad.freeze_panes = "A2"
    _kolombreedtes(blad)


def excel_bytes(bladen: dict[str, tuple[pd.DataFrame, dict]], scenario: Scenario, basis: Basis) -> bytes:
    """An .xlsx: one sheet per table in ``bladen``, then the assumptions and the sources."""
    werkmap = openpyxl.Workbook()
    werkmap.remove(werkmap.active)
    for naam, (frame, kolommen) in bladen.items():
        _gegevensblad(werkmap, naam, frame, kolommen)
    _aannamesblad(werkmap, scenario, basis)
    _bronnenblad(werkmap, basis)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


# --- charts: server-side rendering -------------------------------------------------------

BREEDTE = 900  # pixels; there is no container to take the width from
# vl-convert only knows the fonts installed here. With the generic "sans-serif" it picks
# Liberation Sans, which lacks "◆", and then draws that whole title in DejaVu Serif.
# DejaVu Sans has every glyph the charts use; a browser without it uses its own sans-serif.
EXPORT_FONT = "DejaVu Sans, sans-serif"


def _records(data) -> list[dict]:
    """JSON-safe rows (NaN and NA become null) from a DataFrame; lists pass through."""
    if isinstance(data, pd.DataFrame):
        return json.loads(data.to_json(orient="records", date_format="iso", double_precision=15))
    return data


def _exportspec(spec: dict) -> dict:
    """A renderable copy of a chart spec: plain records, a fixed width, an available font."""
    config = spec.get("config", {})
    width = spec.get("width")
    return {
        **spec,
        "width": width if isinstance(width, (int, float)) else BREEDTE,
        "datasets": {name: _records(data) for name, data in spec.get("datasets", {}).items()},
        "config": {**config, "font": EXPORT_FONT, "title": {**config.get("title", {}), "font": EXPORT_FONT}},
    }


def grafiek_svg(spec: dict) -> str:
    return vlc.vegalite_to_svg(_exportspec(spec))


def grafiek_png(spec: dict, schaal: float = 2.0) -> bytes:
    return vlc.vegalite_to_png(_exportspec(spec), scale=schaal)


# --- printable summary -------------------------------------------------------------------

# Lower than on screen: at print width the charts' 16-pixel labels then read at about 8 points.
PRINT_HOOGTE = 250
PRINT_CSS = """
@page { size: A4 landscape; margin: 8mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.3;
       color: #111; max-width: 277mm; margin: 0 auto; padding: 0; }
/* One landscape page: the story and the figures on the left, the charts and sources on the right. */
.kolommen { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; align-items: start; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 11.5pt; margin: 2.5mm 0 1mm; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid; }
.meta { color: #444; margin: 0 0 3mm; }
.samenvatting { font-size: 10pt; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35mm 1.5mm; border-bottom: 1px solid #ddd; vertical-align: top; }
td.getal, th.getal { text-align: right; white-space: nowrap; }
thead th { background: #eee; }
tr.sectie th { padding-top: 1.5mm; }
figure { margin: 2mm 0; }
svg { display: block; width: 100%; height: auto; max-height: 68mm; }
.blok, figure, tr { break-inside: avoid; page-break-inside: avoid; }
.bronnen { font-size: 8.5pt; line-height: 1.25; }
.bronnen h2 { font-size: 12pt; margin-top: 3mm; }
.bronnen p { margin: 1mm 0 0; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
@media print { body { padding: 0; } }
"""


def _e(value) -> str:
    return html.escape(str(value))


def _rij(cellen: list[str], tag: str = "td") -> str:
    """A table row; every cell after the first holds a figure and is right-aligned."""
    cells = [f"<{tag}>{_e(cellen[0])}</{tag}>"] + [f'<{tag} class="getal">{_e(c)}</{tag}>' for c in cellen[1:]]
    return f"<tr>{''.join(cells)}</tr>"


def _tabel(koppen: list[str], rows: list[str]) -> str:
    """A table whose header row repeats when the table runs onto the next page."""
    return f"<table><thead>{_rij(koppen, 'th')}</thead><tbody>{''.join(rows)}</tbody></table>"


def _aannames_html(scenario: Scenario) -> str:
    if scenario.is_basis:
        return "<p>Dit is het basisscenario: alle aannames staan op hun basiswaarde.</p>"
    rows = [_rij([p.label, p.formatteer(v), p.formatteer(b)]) for p, b, v in scenario.afwijkingen()]
    return _tabel(["Aanname", "Scenario", "Basisscenario"], rows)


def _kaartlabel(kaart: Kaart) -> str:
    return kaart.label if kaart.norm is None else f"{kaart.label} (norm: hoogstens {kaart.norm})"


def _kerncijfers_html(scenario: Scenario, basis: Basis) -> str:
    rows = []
    for sectie, rijen in kaarten(scenario, basis).items():
        rows.append(f'<tr class="sectie"><th colspan="3">{_e(sectie)}</th></tr>')
        rows += [_rij([_kaartlabel(k), k.waarde, k.basis]) for rij in rijen for k in rij]
    return _tabel(["Kerncijfer", "Scenario", "Basisscenario"], rows)


def _grafieken(scenario: Scenario, basis: Basis) -> list[dict]:
    taak_basis, taak_eigen = project_taakstelling(Scenario(), basis), project_taakstelling(scenario, basis)
    reserve_basis, reserve_eigen = project_reserve(Scenario(), basis), project_reserve(scenario, basis)
    return [
        charts.achterstand_spec(taak_basis, taak_eigen, basis.deadlines),
        charts.reserve_spec(reserve_basis, reserve_eigen),
    ]


def _bronnen_html(basis: Basis) -> str:
    items = "".join(
        f"<li>{_e(titel)} ({_e(fmt.peildatum(datum))})</li>"
        for titel, datum in zip(basis.documenten["titel"], basis.documenten["datum"])
    )
    return (
        f"<ul>{items}</ul><p>Elk cijfer is herleidbaar tot zijn bron (document, sectie, peildatum) "
        "op de pagina Bronnen van de verkenner en op het tabblad Bronnen van de Excel-export.</p>"
    )


def samenvatting_html(scenario: Scenario, basis: Basis, naam: str | None = None) -> str:
    """A self-contained, printable summary of the scenario on one A4 (landscape).

    A scenario that changes nearly every assumption has a longer assumptions table and may
    run onto a second page.
    """
    titel = naam or ("Basisscenario" if scenario.is_basis else "Scenario")
    figuren = "".join(
        f"<figure>{grafiek_svg({**spec, 'height': PRINT_HOOGTE})}</figure>" for spec in _grafieken(scenario, basis)
    )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{_e(titel)} – Sociaal Domein Verkenner</title>
<style>{PRINT_CSS}</style>
</head>
<body>
<header>
<h1>{_e(titel)}</h1>
<p class="meta">Sociaal Domein Verkenner, gemeente Maastricht · export {_e(fmt.datum(date.today()))} ·
dataversie {_e(basis.versie)}</p>
</header>
<div class="kolommen">
<div>
<section class="blok"><p class="samenvatting">{_e(samenvatting(scenario, basis))}</p></section>
<section><h2>Aannames</h2>{_aannames_html(scenario)}</section>
<section><h2>Kerncijfers</h2>{_kerncijfers_html(scenario, basis)}</section>
</div>
<div>
{figuren}
<section class="blok bronnen"><h2>Bronnen</h2>{_bronnen_html(basis)}</section>
</div>
</div>
</body>
</html>
"""


# --- reproduce in Python -----------------------------------------------------------------

SNIPPET_KOP = """\
# Draai dit vanuit de projectmap van de verkenner (de map met app.py).
from core.data import load_basis
from core.model.reserve import eerste_tekortjaar, project_reserve
from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling

basis = load_basis()  # of load_basis("pad/naar/verkenner.duckdb")
"""

SNIPPET_UITVOER = """\
t = project_taakstelling(s, basis)
r = project_reserve(s, basis)

print(t[["periode", "opgave", "realisatie", "achterstand_eind", "norm_achterstand", "haalt_norm"]].to_string(index=False))
print(benodigde_plaatsingen(s, basis)[["periode", "nodig", "verwacht"]].to_string(index=False))
print(r[["jaar", "resultaat", "reserve_eind"]].to_string(index=False))
print("Eerste jaar met een negatieve reserve:", eerste_tekortjaar(r))
"""


def _literal(value) -> str:
    """A Python literal for an assumption's value; sets of line names are sorted."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(repr(v) for v in sorted(value)) + "}" if value else "set()"
    return repr(value.item() if isinstance(value, np.generic) else value)


def python_snippet(scenario: Scenario) -> str:
    """Python that recomputes this scenario with the core API, from the project folder."""
    argumenten = "".join(f"\n    {p.naam}={_literal(v)}," for p, _b, v in scenario.afwijkingen())
    regel = f"s = Scenario({argumenten}\n)\n" if argumenten else "s = Scenario()\n"
    return SNIPPET_KOP + regel + SNIPPET_UITVOER


# --- file names --------------------------------------------------------------------------


def _veilig(text: str) -> str:
    """Lowercase ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def scenario_code(scenario: Scenario) -> str:
    """``basisscenario``, or ``scenario-`` and a short hash that is stable across runs."""
    if scenario.is_basis:
        return "basisscenario"
    query = json.dumps(scenario.naar_query(), sort_keys=True)
    return "scenario-" + hashlib.sha256(query.encode()).hexdigest()[:8]


def bestandsnaam(onderwerp: str, scenario: Scenario, extensie: str) -> str:
    """``taakstelling_basisscenario.csv``, ``reserve_scenario-1a2b3c4d.xlsx``."""
    return f"{_veilig(onderwerp)}_{scenario_code(scenario)}.{_veilig(extensie)}"
