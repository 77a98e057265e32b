"""Charts for the projector: large type, colour-blind-safe colours (Okabe-Ito), lines labelled at
their end instead of a legend, the baseline always visible (grey, dashed, drawn on top), Dutch
period labels and the same minus sign as the tables.

Each chart is an Altair template over named datasets, built and schema-validated once
per process; a call only fills in the data. Building and validating an Altair chart on
every slider move would cost 20-100 ms per chart.
"""

from __future__ import annotations

import pickle
import textwrap
from collections.abc import Sequence
from functools import cache

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from core.model.periode import deadline
from core.model.reserve import BEGROTING, PROGNOSE
from core.tekst import formatting as fmt

BASIS, SCENARIO = "Basisscenario", "Scenario"
KLEUREN = {BASIS: "#6E6E6E", SCENARIO: "#D55E00"}
NORM_KLEUR = "#0072B2"
TAAKSTELLING_KLEUR = "#56B4E9"
STROOM_KLEUREN = {"BW": "#009E73", "MO": "#CC79A7"}
STROOM_NAMEN = {"BW": "BW: Beschermd Wonen", "MO": "MO: Maatschappelijke Opvang"}
BASIS_STREEP = [8, 5]
# Saved scenarios on the compare page (Okabe-Ito, without the baseline grey and the current-scenario vermillion).
SCENARIO_PALET = ["#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#0072B2", "#000000"]
HOOGTE = 380
KLEIN = 320  # the smallest chart height: still readable on a beamer
# Room on the right for the labels at the lines' ends, so no label is ever cut off.
LABELRUIMTE = {"left": 5, "top": 5, "bottom": 5, "right": 150}
# A system font: Vega measures text before a web font has loaded, and with the app's own
# typeface axis titles and legend labels were drawn over each other.
FONT = "sans-serif"

AXIS_LABEL_GROOTTE = 16  # pixels; groter() makes it larger for presentation mode
# A chart whose label expression depends on the text size reads it from this param (groter() scales it too).
TEKSTGROOTTE = "tekstgrootte"

# Euro axes build their label themselves, as the tables write them: € -1.000.000.
EURO_AS = alt.Axis(labelExpr="'€ ' + format(datum.value, ',.0f')")
# Vega's number locale: 2.379.949, decimal comma, and the hyphen-minus the tables use (d3 would use −).
NL_LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""], "minus": "-"}}
# "2026-H2" on an axis reads "2e helft" over "2026".
HALFJAAR_AS = alt.Axis(
    labelAngle=0,
    labelExpr="[(slice(datum.value, 6) == '1' ? '1e' : '2e') + ' helft', slice(datum.value, 0, 4)]",
    labelOverlap=True,
)
_PERIODE = alt.X("periode:O", title=None, sort="ascending", axis=HALFJAAR_AS)
_JAAR = alt.X("jaar:O", title=None, sort="ascending", axis=alt.Axis(labelAngle=0))


def beschrijving(titel) -> str:
    """The chart's Dutch name for screen readers (Vega's aria-label): "Grafiek: " and its title."""
    if isinstance(titel, (list, tuple)):
        titel = " ".join(titel)
    return f"Grafiek: {titel}" if titel else "Grafiek"


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The house style, and a Dutch description for screen readers.

    Vega writes an English description of every axis, legend and mark ("X-axis titled ...",
    "line mark container"): ``aria=False`` leaves those out; the chart's own ``description``
    (its title in Dutch) is what a screen reader reads instead. What Vega still writes in English
    (the roles "visualization", "group mark container", "title" and "Title text '…'") is
    translated in the browser by ui/chrome.py.
    """
    titel = chart.title if isinstance(chart.title, (str, list, tuple)) else None
    return (
        chart.properties(description=beschrijving(titel))
        .configure(locale=NL_LOCALE, font=FONT, padding=LABELRUIMTE, aria=False)
        .configure_axis(labelFontSize=AXIS_LABEL_GROOTTE, titleFontSize=17, titlePadding=18, gridColor="#e6e6e6")
        .configure_legend(
            labelFontSize=16, titleFontSize=16, orient="bottom", symbolStrokeWidth=4, symbolSize=300, columnPadding=40, labelLimit=0
        )
        .configure_title(fontSize=20, anchor="start", font=FONT)
        .configure_mark(aria=False)
        .configure_text(fontSize=16)
        .configure_view(strokeWidth=0)
    )


def _fill(template: dict, **datasets) -> dict:
    # Datasets go out as Arrow tables built from plain lists: Streamlit sends an Arrow table as
    # it is, while a DataFrame costs a pandas-to-Arrow conversion per dataset on every slider move.
    # A pickle round trip is a deep copy (callers change the spec in place; the template is
    # cached) at a fifth of copy.deepcopy's cost on these plain JSON-like dicts.
    spec = pickle.loads(pickle.dumps(template, pickle.HIGHEST_PROTOCOL))
    # The template's own inline data (Altair puts it under "datasets" as a list of rows, e.g. the
    # zero line) goes out as Arrow as well: a list would be converted through pandas on every rerun.
    eigen = {name: _tabel(data) for name, data in spec.get("datasets", {}).items()}
    spec["datasets"] = {**eigen, **{name: _tabel(data) for name, data in datasets.items()}}
    return spec


def _tabel(data) -> pa.Table:
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, list):  # rows, as Altair writes inline data
        return pa.Table.from_pylist(data)
    if isinstance(data, pd.DataFrame):
        return pa.Table.from_pandas(data, preserve_index=False)
    return pa.table({name: pa.array(values, from_pandas=True) for name, values in data.items()})


def met_scenariokleur(spec: dict, kleur: str | None) -> dict:
    """Draw the scenario series in ``kleur`` (an opened saved scenario's own colour), in place.

    Only colour scales that hold the current-scenario colour change, so the baseline stays grey.
    """
    if kleur is None:
        return spec
    for layer in spec.get("layer", [spec]):
        scale = layer.get("encoding", {}).get("color", {}).get("scale", {})
        if KLEUREN[SCENARIO] in scale.get("range", []):
            scale["range"] = [kleur if c == KLEUREN[SCENARIO] else c for c in scale["range"]]
    return spec


KLEIN_TITEL_REGEL = 30  # characters per line of a title on a half-width chart (Overzicht at 1280 to 1440 wide)
PRESENTATIE_TITEL_REGEL = 36  # characters per line of a chart title in presentation mode


def _titel_op_regels(spec: dict, tekens: int) -> None:
    """A long title on lines of at most ``tekens`` characters instead of cut off by Vega ("… (p…")."""
    titel = spec.get("title")
    if isinstance(titel, str):
        spec["title"] = {"text": textwrap.wrap(titel, tekens), "limit": 0}


def klein(spec: dict) -> dict:
    """The same chart at the smallest readable height, with a shorter title (for Overzicht), in place."""
    spec["height"] = KLEIN
    titel = spec.get("title")
    if isinstance(titel, str):
        spec["title"] = titel.split(",")[0]
        _titel_op_regels(spec, KLEIN_TITEL_REGEL)
    return spec


def groter(spec: dict, factor: float = 1.25) -> dict:
    """The same chart with larger text, for presentation mode (in place).

    Axis labels are never shortened ("€ 2.000…"): the larger labels would otherwise hit Vega's
    default limit. A long title goes on lines of PRESENTATIE_TITEL_REGEL characters instead of
    being cut off, and grows less than the rest.
    """
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "title", "text"):
        groei = 1 + (factor - 1) / 3 if part == "title" else factor
        for key, value in list(config.get(part, {}).items()):
            if key.endswith("FontSize") or key == "fontSize":
                config[part][key] = round(value * groei)
    config.setdefault("axis", {})["labelLimit"] = 0
    for param in spec.get("params", []):
        if param.get("name") == TEKSTGROOTTE:
            param["value"] = round(param["value"] * factor)
    _titel_op_regels(spec, PRESENTATIE_TITEL_REGEL)
    for layer in spec.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and "fontSize" in mark:
            mark["fontSize"] = round(mark["fontSize"] * factor)
    return spec


Kolommen = dict[str, list]  # a small table as columns of plain lists: cheap to build, filter and send
Projectie = pd.DataFrame | Sequence[dict]  # a projection's frame, or its rows (taakstelling_rijen, reserve_rijen)


def _kolommen(bron, columns: dict[str, str], **constant: str) -> Kolommen:
    """Selected columns (renamed src -> dst) of a projection, plus constant columns.

    ``bron`` is a projection's frame or its rows (a sequence of dicts, e.g. taakstelling_rijen):
    a page that has the rows skips building a frame only to take it apart again.
    """
    data = {dst: _kolom(bron, src) for src, dst in columns.items()}
    lengte = len(next(iter(data.values()))) if data else len(bron)
    return data | {name: [value] * lengte for name, value in constant.items()}


def _kolom(bron, naam: str) -> list:
    if isinstance(bron, pd.DataFrame):
        return _lijst(bron[naam])
    return [_waarde(r[naam]) for r in bron]


def _waarde(value):
    return None if value is None or value is pd.NA else value


def _lijst(column: pd.Series) -> list:
    if pd.api.types.is_bool_dtype(column):
        return [bool(v) for v in column.fillna(False)]
    if pd.api.types.is_numeric_dtype(column):
        return column.to_numpy(dtype=float, na_value=np.nan).tolist()
    return column.tolist()


def _heeft_waarde(value) -> bool:
    return value is not None and value == value  # NaN is not equal to itself


def _stapel(*parts: Kolommen) -> Kolommen:
    return {column: [v for part in parts for v in part[column]] for column in parts[0]}


def _met_reeks(basisscenario, scenario, columns: list[str]) -> Kolommen:
    same = {c: c for c in columns}
    return _stapel(_kolommen(scenario, same, reeks=SCENARIO), _kolommen(basisscenario, same, reeks=BASIS))


def _eindlabels(reeksen: Kolommen, x: str, y: str, reeks: str) -> Kolommen:
    """The last point of each series that has a value, to label the line there."""
    laatste: dict[str, int] = {}
    for i, naam in enumerate(reeksen[reeks]):
        laatste[naam] = i  # series keep their first-seen order; the last row of each wins
    keep = [i for i in laatste.values() if _heeft_waarde(reeksen[y][i])]
    return {column: [reeksen[column][i] for i in keep] for column in (x, y, reeks)}


def _lijnen(x: alt.X, y: alt.Y, reeks: str, tooltip: list, kleuren: alt.Scale) -> list:
    """Scenario lines under the baseline (grey, dashed, on top, so it shows where they coincide),
    each labelled at its end in its own colour."""
    color = alt.Color(f"{reeks}:N", scale=kleuren, legend=None)
    basis = alt.datum[reeks] == BASIS
    data = alt.Chart(alt.NamedData(name="reeksen")).encode(x=x, y=y, color=color, tooltip=tooltip)
    scenarios = data.transform_filter(~basis).mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=4)
    basislijn = data.transform_filter(basis).mark_line(
        point=alt.OverlayMarkDef(size=60, filled=False), strokeWidth=3, strokeDash=BASIS_STREEP
    )
    # Labels at the end: the scenarios' just above their line, the baseline's just below, so the
    # two never cover each other where the lines end on the same value.
    labels = alt.Chart(alt.NamedData(name="eind")).encode(x=x, y=y, text=f"{reeks}:N", color=color)
    scenario_labels = labels.transform_filter(~basis).mark_text(align="left", dx=12, dy=-10, fontWeight="bold", fontSize=16)
    basis_label = labels.transform_filter(basis).mark_text(align="left", dx=12, dy=14, fontWeight="bold", fontSize=16)
    return [scenarios, basislijn, scenario_labels, basis_label]


def _kleurschaal(kleuren: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(kleuren), range=list(kleuren.values()))


def _grenslagen(data: str, x: alt.X) -> list:
    boundary = alt.Chart(alt.NamedData(name=data)).encode(x=x)
    rule = boundary.mark_rule(color="#999999", strokeDash=[2, 4], strokeWidth=2)
    text = boundary.mark_text(align="left", dx=6, y=12, fontSize=15, color="#555555").encode(text="tekst:N")
    return [rule, text]


def _nullijn() -> alt.Chart:
    return alt.Chart(alt.InlineData(values=[{"nul": 0}])).mark_rule(color="#000000", strokeWidth=2).encode(y="nul:Q")


# --- achterstand -------------------------------------------------------------------------


@cache
def _achterstand_template() -> dict:
    tooltip = [
        alt.Tooltip("reeks:N", title="Reeks"),
        alt.Tooltip("halfjaar:N", title="Halfjaar"),
        alt.Tooltip("achterstand_eind:Q", title="Achterstand aan het eind", format=",.0f"),
        alt.Tooltip("status:N", title="Status"),
    ]
    lines = _lijnen(_PERIODE, alt.Y("achterstand_eind:Q", title=None), "reeks", tooltip, _kleurschaal(KLEUREN))
    plan = (
        alt.Chart(alt.NamedData(name="plan"))
        .mark_line(color=NORM_KLEUR, strokeDash=[2, 3], strokeWidth=3, point=alt.OverlayMarkDef(size=50, color=NORM_KLEUR))
        .encode(
            x=_PERIODE,
            y="plan_achterstand:Q",
            tooltip=[
                alt.Tooltip("halfjaar:N", title="Halfjaar"),
                alt.Tooltip("plan_achterstand:Q", title="Achterstand volgens eigen plan gemeente", format=",.0f"),
            ],
        )
    )
    norm = alt.Chart(alt.NamedData(name="norm")).encode(x=_PERIODE, y="norm_achterstand:Q")
    points = norm.mark_point(shape="diamond", size=300, filled=True, color=NORM_KLEUR, opacity=1).encode(
        tooltip=[
            alt.Tooltip("deadline:N", title="Deadline Provincie"),
            alt.Tooltip("norm_achterstand:Q", title="Maximale achterstand", format=",.0f"),
        ]
    )
    # Every deadline of the Provincie's own path is labelled; after the last one the norm (0) carries
    # on at every half-year end and only the first of those is labelled.
    labels = (
        norm.transform_filter(alt.datum.label != "")
        .mark_text(dx=14, dy=-14, align="left", fontSize=16, color=NORM_KLEUR, fontWeight="bold")
        .encode(text="label:N")
    )
    chart = alt.layer(*_grenslagen("grens", _PERIODE), plan, *lines, points, labels).properties(
        height=HOOGTE, title="Achterstand aan het eind van elk halfjaar (personen), met het normpad van de Provincie (◆)"
    )
    return _configure(chart).to_dict()


def _halfjaar(periode: str) -> str:
    return fmt.periode(periode)


def achterstand_spec(basisscenario: Projectie, scenario: Projectie) -> dict:
    """Achterstand at the end of each half year, baseline vs scenario, with the norm path and the own plan."""
    reeksen = _met_reeks(basisscenario, scenario, ["periode", "achterstand_eind", "status"])
    reeksen["halfjaar"] = [_halfjaar(p) for p in reeksen["periode"]]
    rows = _kolommen(
        scenario, {"periode": "periode", "norm_achterstand": "norm_achterstand", "status": "status", "beleidsarm": "beleidsarm"}
    )
    norm = _rijen_met(rows, "norm_achterstand")
    norm["deadline"] = [fmt.datum(deadline(p)) for p in norm["periode"]]
    eerste_doorgetrokken = next((p for p, b in zip(norm["periode"], norm["beleidsarm"]) if b), None)
    norm["label"] = [
        f"≤ {int(v)}" if not b or p == eerste_doorgetrokken else ""
        for p, v, b in zip(norm["periode"], norm["norm_achterstand"], norm["beleidsarm"])
    ]
    plan = _rijen_met(_kolommen(scenario, {"periode": "periode", "plan_achterstand": "plan_achterstand"}), "plan_achterstand")
    plan["halfjaar"] = [_halfjaar(p) for p in plan["periode"]]
    return _fill(
        _achterstand_template(), reeksen=reeksen, norm=norm, grens=_grenzen(rows), plan=plan,
        eind=_eindlabels(reeksen, "periode", "achterstand_eind", "reeks"),
    )


def _rijen_met(rows: Kolommen, column: str) -> Kolommen:
    """The rows (given as columns of lists) where ``column`` has a value."""
    keep = [i for i, v in enumerate(rows[column]) if _heeft_waarde(v)]
    return {name: [values[i] for i in keep] for name, values in rows.items()}


def _grenzen(rows: Kolommen) -> Kolommen:
    """Where the forecast starts, and where it becomes a policy-neutral extrapolation."""
    marks = []
    if "prognose" in rows["status"]:
        marks.append((rows["periode"][rows["status"].index("prognose")], "prognose →"))
    if True in rows["beleidsarm"]:
        marks.append((rows["periode"][rows["beleidsarm"].index(True)], "beleidsarm doorgetrokken →"))
    return {"periode": [m[0] for m in marks], "tekst": [m[1] for m in marks]}


# --- taakstelling and realisatie ---------------------------------------------------------

TAAKSTELLING_REEKSEN = {
    "Taakstelling": TAAKSTELLING_KLEUR,
    "Realisatie (scenario)": KLEUREN[SCENARIO],
    "Realisatie (basisscenario)": KLEUREN[BASIS],
}


@cache
def _taakstelling_template() -> dict:
    chart = (
        alt.Chart(alt.NamedData(name="personen"))
        .mark_bar()
        .encode(
            x=_PERIODE,
            xOffset=alt.XOffset("grootheid:N", sort=list(TAAKSTELLING_REEKSEN)),
            y=alt.Y("personen:Q", title=None),
            color=alt.Color(
                "grootheid:N",
                scale=alt.Scale(domain=list(TAAKSTELLING_REEKSEN), range=list(TAAKSTELLING_REEKSEN.values())),
                title=None,
                legend=alt.Legend(columns=3),
            ),
            tooltip=[
                alt.Tooltip("halfjaar:N", title="Halfjaar"),
                alt.Tooltip("grootheid:N", title="Reeks"),
                alt.Tooltip("personen:Q", title="Personen", format=",.0f"),
            ],
        )
        .properties(height=HOOGTE, title="Taakstelling en realisatie per halfjaar (personen)")
    )
    return _configure(chart).to_dict()


def taakstelling_spec(basisscenario: Projectie, scenario: Projectie) -> dict:
    """Taakstelling and realisatie per half year (scenario), with the baseline's realisatie."""
    names = list(TAAKSTELLING_REEKSEN)
    personen = _stapel(
        _kolommen(scenario, {"periode": "periode", "taakstelling": "personen"}, grootheid=names[0]),
        _kolommen(scenario, {"periode": "periode", "realisatie": "personen"}, grootheid=names[1]),
        _kolommen(basisscenario, {"periode": "periode", "realisatie": "personen"}, grootheid=names[2]),
    )
    personen["halfjaar"] = [_halfjaar(p) for p in personen["periode"]]
    return _fill(_taakstelling_template(), personen=personen)


# --- reserve -----------------------------------------------------------------------------


@cache
def _reserve_template() -> dict:
    euro_tooltip = {"format": ",.0f"}
    tooltip = [
        alt.Tooltip("reeks:N", title="Reeks"),
        alt.Tooltip("jaar:O", title="Jaar"),
        alt.Tooltip("reserve_eind:Q", title="Reserve eind (€)", **euro_tooltip),
        alt.Tooltip("resultaat:Q", title="Resultaat (€)", **euro_tooltip),
    ]
    lines = _lijnen(_JAAR, alt.Y("reserve_eind:Q", title=None, axis=EURO_AS), "reeks", tooltip, _kleurschaal(KLEUREN))
    op = alt.Chart(alt.NamedData(name="op")).encode(x=_JAAR)
    op_rule = op.mark_rule(color="#B00020", strokeWidth=2)
    op_text = op.mark_text(align="left", dx=6, y=36, fontSize=15, color="#B00020", fontWeight="bold").encode(text="tekst:N")
    chart = alt.layer(_nullijn(), *_grenslagen("grens", _JAAR), op_rule, op_text, *lines).properties(
        height=HOOGTE, title="Bestemmingsreserve Beschermd Thuis, stand aan het eind van het jaar"
    )
    return _configure(chart).to_dict()


def reserve_spec(basisscenario: Projectie, scenario: Projectie) -> dict:
    """Reserve at the end of each year, baseline vs scenario: the zero line, the extrapolated years
    and the scenario's run-out year (when it falls within the years shown) marked."""
    jaren = _kolom(scenario, "jaar")
    later = [j for j, s in zip(jaren, _kolom(scenario, "status")) if s not in (BEGROTING, PROGNOSE)]
    grens = {"jaar": later[:1], "tekst": ["beleidsarm doorgetrokken →"] * len(later[:1])}
    negatief = [int(j) for j, r in zip(jaren, _kolom(scenario, "reserve_eind")) if r < 0]
    op = {"jaar": negatief[:1], "tekst": [f"raakt op in {j}" for j in negatief[:1]]}
    reeksen = _met_reeks(basisscenario, scenario, ["jaar", "reserve_eind", "resultaat"])
    return _fill(_reserve_template(), reeksen=reeksen, grens=grens, op=op, eind=_eindlabels(reeksen, "jaar", "reserve_eind", "reeks"))


# --- result per stream -------------------------------------------------------------------


@cache
def _stroom_template() -> dict:
    offset = alt.XOffset("stroom:N", sort=list(STROOM_KLEUREN))
    y = alt.Y("resultaat:Q", title=None, axis=EURO_AS)
    tooltip = [
        alt.Tooltip("stroom_naam:N", title="Stroom"),
        alt.Tooltip("jaar:O", title="Jaar"),
        alt.Tooltip("resultaat:Q", title="Resultaat (€)", format=",.0f"),
    ]
    namen = " : ".join(f"datum.label == '{k}' ? '{v}'" for k, v in STROOM_NAMEN.items()) + " : datum.label"
    color = alt.Color(
        "stroom:N",
        scale=alt.Scale(domain=list(STROOM_KLEUREN), range=list(STROOM_KLEUREN.values())),
        title="Stroom",
        legend=alt.Legend(labelExpr=namen, orient="bottom"),
    )
    bars = alt.Chart(alt.NamedData(name="scenario")).mark_bar().encode(x=_JAAR, xOffset=offset, y=y, color=color, tooltip=tooltip)
    ticks = (
        alt.Chart(alt.NamedData(name="basis"))
        .mark_tick(color="#000000", thickness=4, size=30)
        .encode(x=_JAAR, xOffset=offset, y=y, tooltip=tooltip)
    )
    chart = alt.layer(_nullijn(), bars, ticks).properties(
        height=HOOGTE, title="Resultaat per stroom per jaar (zwart streepje: basisscenario)"
    )
    return _configure(chart).to_dict()


def stroom_spec(basisscenario, scenario) -> dict:
    """Yearly result per stream (BW, MO): scenario as bars, baseline as black ticks.

    Each is a frame or the rows of ``resultaat_per_stroom`` (``stroom_rijen``: no pandas on a slider move).
    """
    def named(rijen) -> dict:
        if isinstance(rijen, pd.DataFrame):
            rijen = rijen.to_dict("records")
        kolommen = {k: [r[k] for r in rijen] for k in ("jaar", "stroom", "baten", "lasten", "resultaat")}
        return kolommen | {"stroom_naam": [STROOM_NAMEN.get(s, s) for s in kolommen["stroom"]]}

    return _fill(_stroom_template(), scenario=named(scenario), basis=named(basisscenario))


# --- comparison --------------------------------------------------------------------------


@cache
def _vergelijk_template(x: str, y: str, titel: str, euro: bool) -> dict:
    as_x = _PERIODE if x == "periode" else _JAAR
    axis = EURO_AS if euro else alt.Axis()
    tooltip = [
        alt.Tooltip("variant:N", title="Scenario"),
        alt.Tooltip("halfjaar:N" if x == "periode" else f"{x}:O", title="Halfjaar" if x == "periode" else "Jaar"),
        alt.Tooltip(f"{y}:Q", title="Waarde (€)" if euro else "Waarde", format=",.0f"),
    ]
    # The colour scale is filled per call: the compare page knows each scenario's colour.
    lines = _lijnen(as_x, alt.Y(f"{y}:Q", title=None, axis=axis), "variant", tooltip, alt.Scale(domain=[BASIS], range=[KLEUREN[BASIS]]))
    layers = ([_nullijn()] if euro else []) + lines
    return _configure(alt.layer(*layers).properties(height=HOOGTE, title=titel)).to_dict()


def vergelijk_spec(reeksen, kleuren: dict[str, str], x: str, y: str, titel: str, euro: bool = False) -> dict:
    """One line per scenario, each in its own colour (the same colour on every chart), labelled at its end."""
    if isinstance(reeksen, pd.DataFrame):
        reeksen = {column: _kolom(reeksen, column) for column in reeksen.columns}
    else:  # columns as lists (core.model.vergelijken.achterstand_reeksen, reserve_reeksen); not changed in place
        reeksen = {column: [_waarde(v) for v in values] for column, values in reeksen.items()}
    if x == "periode":
        reeksen["halfjaar"] = [_halfjaar(p) for p in reeksen["periode"]]
    spec = _fill(_vergelijk_template(x, y, titel, euro), reeksen=reeksen, eind=_eindlabels(reeksen, x, y, "variant"))
    for layer in spec["layer"]:
        color = layer.get("encoding", {}).get("color")
        if color is not None:
            color["scale"] = {"domain": list(kleuren), "range": list(kleuren.values())}
    return spec
