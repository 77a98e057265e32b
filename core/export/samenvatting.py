"""The printable summary of a scenario on one A4 (landscape), rendered from a Jinja2 template.

The template autoescapes everything; only the chart SVGs, which vl-convert draws from our own
specs, are inserted as markup. A user's scenario name can therefore never become markup.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from core import charts
from core.data import Basis
from core.export.grafieken import grafiek_svg
from core.model.kerncijfers import kaartparen, basislijn
from core.model.reserve import reserve_rijen
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen
from core.tekst import formatting as fmt
from core.tekst import zinnen

_OMGEVING = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "j2"], default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

# Lower than on screen: at print width the charts' 16-pixel labels then read at about 8 points.
PRINT_HOOGTE = 165
PRINT_CSS = """
@page { size: A4 landscape; margin: 8mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.25;
       color: #111; max-width: 277mm; margin: 0 auto; padding: 0; }
/* One landscape page: the story and the figures on the left, the charts and sources on the right. */
.kolommen { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; align-items: start; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 11.5pt; margin: 2.5mm 0 1mm; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid; }
.meta { color: #444; margin: 0 0 3mm; }
.samenvatting { font-size: 9pt; margin: 0; }
.oordeel p { margin: 0 0 1mm; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35mm 1.5mm; border-bottom: 1px solid #ddd; vertical-align: top; }
td.getal, th.getal { text-align: right; white-space: nowrap; }
thead th { background: #eee; }
tr.sectie th { padding-top: 1.5mm; }
figure { margin: 2mm 0; }
svg { display: block; width: 100%; height: auto; max-height: 52mm; }
.blok, figure, tr { break-inside: avoid; page-break-inside: avoid; }
.bronnen { font-size: 8.5pt; line-height: 1.25; }
.bronnen h2 { font-size: 12pt; margin-top: 3mm; }
.bronnen p { margin: 1mm 0 0; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
@media print { body { padding: 0; } }
"""


def _grafieken(scenario: Scenario, basis: Basis) -> list[dict]:
    vergelijk = basislijn(scenario)
    return [
        charts.achterstand_spec(taakstelling_rijen(vergelijk, basis), taakstelling_rijen(scenario, basis)),
        charts.reserve_spec(reserve_rijen(vergelijk, basis), reserve_rijen(scenario, basis)),
    ]


def _kerncijfers(scenario: Scenario, basis: Basis) -> list[tuple[str, list[dict]]]:
    result = []
    for sectie, rijen in kaartparen(scenario, basis).items():
        regels = []
        for eigen, in_basisscenario in (paar for rij in rijen for paar in rij):
            label = eigen.label if eigen.norm is None else f"{eigen.label} (norm: hoogstens {eigen.norm})"
            regels.append({"label": label, "scenario": eigen.tekst, "basis": in_basisscenario.tekst if in_basisscenario else fmt.LEEG})
        result.append((sectie, regels))
    return result


def samenvatting_html(scenario: Scenario, basis: Basis, naam: str | None = None) -> str:
    """A self-contained, printable summary of the scenario on one A4 (landscape).

    A scenario that changes nearly every assumption has a longer assumptions table and may
    run onto a second page.
    """
    return _OMGEVING.get_template("samenvatting.html.j2").render(
        titel=naam or ("Basisscenario" if scenario.is_basis else "Scenario"),
        css=Markup(PRINT_CSS),
        exportdatum=fmt.datum(date.today()),
        dataversie=basis.versie,
        oordeel=zinnen.oordeel(scenario, basis),
        samenvatting=zinnen.samenvatting(scenario, basis),
        aannames=[
            {"label": p.label, "scenario": p.formatteer(v), "basis": p.formatteer(b)} for p, b, v in scenario.afwijkingen()
        ],
        kerncijfers=_kerncijfers(scenario, basis),
        grafieken=[Markup(grafiek_svg({**spec, "height": PRINT_HOOGTE})) for spec in _grafieken(scenario, basis)],
        documenten=[{"titel": t} for t in basis.documenten["kort"]],
    )
