"""Charts for the projector: large type, colour-blind-safe colours (Okabe-Ito), baseline
and scenario told apart by colour and by line style.

Each chart is an Altair template over named datasets, built and schema-validated once
per process; a call only fills in the data. Building and validating an Altair chart on
every slider move would cost 20-100 ms per chart.
"""

from __future__ import annotations

import copy
from functools import cache

import altair as alt
import numpy as np
import pandas as pd

from core.model.periode import deadline
from core.model.reserve import BEGROTING, PROGNOSE
from core.tekst import formatting as fmt

BASIS, SCENARIO = "Basisscenario", "Scenario"
KLEUREN = {BASIS: "#6E6E6E", SCENARIO: "#D55E00"}
NORM_KLEUR = "#0072B2"
TAAKSTELLING_KLEUR = "#56B4E9"
STROOM_KLEUREN = {"BW": "#009E73", "MO": "#CC79A7"}
STREEP = {BASIS: [8, 5], SCENARIO: [1, 0]}
# Saved scenarios on the compare page (Okabe-Ito, without the baseline grey and the current-scenario vermillion).
SCENARIO_PALET = ["#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#0072B2", "#000000"]
HOOGTE = 380
# A system font: Vega measures text before a web font has loaded, and with the app's own
# typeface axis titles and legend labels were drawn over each other.
FONT = "sans-serif"

# Euro axes build their label themselves: d3's currency format would write −€ 1.000.000,
# where the tables (and the regiobegroting) write € -1.000.000.
EURO_AS = alt.Axis(labelExpr="'€ ' + format(datum.value, ',.0f')")
# Vega's number locale, so axes and tooltips read 2.379.949.
NL_LOCALE = {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}}


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(locale=NL_LOCALE, font=FONT)
        .configure_axis(labelFontSize=16, titleFontSize=17, titlePadding=18, gridColor="#e6e6e6")
        .configure_legend(
            labelFontSize=16, titleFontSize=16, orient="bottom", symbolStrokeWidth=4, symbolSize=300, columnPadding=40, labelLimit=0
        )
        .configure_title(fontSize=20, anchor="start", font=FONT)
        .configure_view(strokeWidth=0)
    )


def _fill(template: dict, **datasets: pd.DataFrame) -> dict:
    spec = copy.deepcopy(template)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}  # keep inline data (the zero line)
    return spec


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


def _reeks_color() -> alt.Color:
    return alt.Color(
        "reeks:N",
        scale=alt.Scale(domain=list(KLEUREN), range=list(KLEUREN.values())),
        title=None,
        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, symbolSize=600),
    )


def _reeks_dash() -> alt.StrokeDash:
    # Same field as the colour: Vega-Lite merges both into one legend showing colour and dash.
    return alt.StrokeDash("reeks:N", scale=alt.Scale(domain=list(STREEP), range=list(STREEP.values())), title=None)


def _kolommen(frame: pd.DataFrame, columns: dict[str, str], **constant: str) -> dict[str, list]:
    """Selected columns as plain lists (renamed src -> dst), plus constant columns."""
    data = {dst: _lijst(frame[src]) for src, dst in columns.items()}
    return data | {name: [value] * len(frame) for name, value in constant.items()}


def _lijst(column: pd.Series) -> list:
    if pd.api.types.is_bool_dtype(column):
        return [bool(v) for v in column.fillna(False)]
    if pd.api.types.is_numeric_dtype(column):
        return column.to_numpy(dtype=float, na_value=np.nan).tolist()
    return column.tolist()


def _stapel(*parts: dict[str, list]) -> pd.DataFrame:
    # Plain lists into one frame: several times cheaper than pd.concat of assigned frames,
    # and this runs on every slider move.
    return pd.DataFrame({column: [v for part in parts for v in part[column]] for column in parts[0]})


def _met_reeks(basisscenario: pd.DataFrame, scenario: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    same = {c: c for c in columns}
    return _stapel(_kolommen(basisscenario, same, reeks=BASIS), _kolommen(scenario, same, reeks=SCENARIO))


_PERIODE = alt.X("periode:O", title=None, sort="ascending", axis=alt.Axis(labelAngle=-40))


@cache
def _achterstand_template() -> dict:
    lines = (
        alt.Chart(alt.NamedData(name="reeksen"))
        .mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=4)
        .encode(
            x=_PERIODE,
            y=alt.Y("achterstand_eind:Q", title=None),
            color=_reeks_color(),
            strokeDash=_reeks_dash(),
            tooltip=[
                alt.Tooltip("reeks:N", title="Reeks"),
                alt.Tooltip("periode:O", title="Halfjaar"),
                alt.Tooltip("achterstand_eind:Q", title="Achterstand eind", format=",.0f"),
                alt.Tooltip("status:N", title="Status"),
            ],
        )
    )
    plan = (
        alt.Chart(alt.NamedData(name="plan"))
        .mark_line(color=NORM_KLEUR, strokeDash=[2, 3], strokeWidth=3, point=alt.OverlayMarkDef(size=50, color=NORM_KLEUR))
        .encode(
            x=_PERIODE,
            y="plan_achterstand:Q",
            tooltip=[
                alt.Tooltip("periode:O", title="Halfjaar"),
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
    # Label the Provincie's own deadlines still ahead: those are what a meeting steers on; after the
    # last one the norm (0) carries on at every half-year end, unlabelled.
    labels = (
        norm.transform_filter((alt.datum.status != "gerealiseerd") & ~alt.datum.beleidsarm)
        .mark_text(dx=14, align="left", fontSize=16, color=NORM_KLEUR, fontWeight="bold")
        .encode(text="label:N")
    )
    boundary = alt.Chart(alt.NamedData(name="grens")).encode(x=_PERIODE)
    rule = boundary.mark_rule(color="#999999", strokeDash=[2, 4], strokeWidth=2)
    rule_text = boundary.mark_text(align="left", dx=6, y=12, fontSize=15, color="#555555").encode(text="tekst:N")
    chart = alt.layer(rule, rule_text, plan, lines, points, labels).properties(
        height=HOOGTE, title="Achterstand eind halfjaar (personen) en normpad Provincie (◆)"
    )
    return _configure(chart).to_dict()


def achterstand_spec(basisscenario: pd.DataFrame, scenario: pd.DataFrame) -> dict:
    """Achterstand at the end of each half year, baseline vs scenario, with the norm path."""
    reeksen = _met_reeks(basisscenario, scenario, ["periode", "achterstand_eind", "status"])
    rows = _kolommen(
        scenario, {"periode": "periode", "norm_achterstand": "norm_achterstand", "status": "status", "beleidsarm": "beleidsarm"}
    )
    norm = _rijen_met(rows, "norm_achterstand")
    norm["deadline"] = [fmt.datum(deadline(p)) for p in norm["periode"]]
    norm["label"] = [f"≤ {int(v)}" for v in norm["norm_achterstand"]]
    plan = _rijen_met(_kolommen(scenario, {"periode": "periode", "plan_achterstand": "plan_achterstand"}), "plan_achterstand")
    return _fill(_achterstand_template(), reeksen=reeksen, norm=norm, grens=_grenzen(rows), plan=plan)


def _rijen_met(rows: dict[str, list], column: str) -> pd.DataFrame:
    """The rows (given as columns of lists) where ``column`` has a value."""
    keep = [i for i, v in enumerate(rows[column]) if v == v and v is not None]  # NaN is not equal to itself
    return pd.DataFrame({name: [values[i] for i in keep] for name, values in rows.items()})


def _grenzen(rows: dict[str, list]) -> pd.DataFrame:
    """Where the forecast starts, and where it becomes a policy-neutral extrapolation."""
    marks = []
    if "prognose" in rows["status"]:
        marks.append((rows["periode"][rows["status"].index("prognose")], "prognose →"))
    if True in rows["beleidsarm"]:
        marks.append((rows["periode"][rows["beleidsarm"].index(True)], "beleidsarm doorgetrokken →"))
    return pd.DataFrame({"periode": [m[0] for m in marks], "tekst": [m[1] for m in marks]})


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
            ),
            tooltip=[
                alt.Tooltip("periode:O", title="Halfjaar"),
                alt.Tooltip("grootheid:N", title="Reeks"),
                alt.Tooltip("personen:Q", title="Personen", format=",.0f"),
            ],
        )
        .properties(height=HOOGTE, title="Taakstelling en realisatie per halfjaar (personen)")
    )
    return _configure(chart).to_dict()


def taakstelling_spec(basisscenario: pd.DataFrame, scenario: pd.DataFrame) -> dict:
    """Taakstelling and realisatie per half year (scenario), with the baseline's realisatie."""
    names = list(TAAKSTELLING_REEKSEN)
    personen = _stapel(
        _kolommen(scenario, {"periode": "periode", "taakstelling": "personen"}, grootheid=names[0]),
        _kolommen(scenario, {"periode": "periode", "realisatie": "personen"}, grootheid=names[1]),
        _kolommen(basisscenario, {"periode": "periode", "realisatie": "personen"}, grootheid=names[2]),
    )
    return _fill(_taakstelling_template(), personen=personen)


@cache
def _reserve_template() -> dict:
    euro_tooltip = {"format": ",.0f"}
    lines = (
        alt.Chart(alt.NamedData(name="reeksen"))
        .mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=4)
        .encode(
            x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("reserve_eind:Q", title=None, axis=EURO_AS),
            color=_reeks_color(),
            strokeDash=_reeks_dash(),
            tooltip=[
                alt.Tooltip("reeks:N", title="Reeks"),
                alt.Tooltip("jaar:O", title="Jaar"),
                alt.Tooltip("reserve_eind:Q", title="Reserve eind (€)", **euro_tooltip),
                alt.Tooltip("resultaat:Q", title="Resultaat (€)", **euro_tooltip),
            ],
        )
    )
    zero = alt.Chart(alt.InlineData(values=[{"nul": 0}])).mark_rule(color="#000000", strokeWidth=2).encode(y="nul:Q")
    boundary = alt.Chart(alt.NamedData(name="grens")).encode(x=alt.X("jaar:O"))
    rule = boundary.mark_rule(color="#999999", strokeDash=[2, 4], strokeWidth=2)
    rule_text = boundary.mark_text(align="left", dx=6, y=12, fontSize=15, color="#555555").encode(text="tekst:N")
    chart = alt.layer(zero, rule, rule_text, lines).properties(
        height=HOOGTE, title="Bestemmingsreserve Beschermd Thuis, stand eind jaar"
    )
    return _configure(chart).to_dict()


def reserve_spec(basisscenario: pd.DataFrame, scenario: pd.DataFrame) -> dict:
    """Reserve at the end of each year, baseline vs scenario, with the zero line and the extrapolated years marked."""
    later = [j for j, s in zip(scenario["jaar"], scenario["status"]) if s not in (BEGROTING, PROGNOSE)]
    grens = pd.DataFrame({"jaar": later[:1], "tekst": ["beleidsarm doorgetrokken →"] * len(later[:1])})
    return _fill(
        _reserve_template(), reeksen=_met_reeks(basisscenario, scenario, ["jaar", "reserve_eind", "resultaat"]), grens=grens
    )


@cache
def _stroom_template() -> dict:
    x = alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset("stroom:N", sort=list(STROOM_KLEUREN))
    y = alt.Y("resultaat:Q", title=None, axis=EURO_AS)
    tooltip = [
        alt.Tooltip("stroom:N", title="Stroom"),
        alt.Tooltip("jaar:O", title="Jaar"),
        alt.Tooltip("resultaat:Q", title="Resultaat (€)", format=",.0f"),
    ]
    color = alt.Color(
        "stroom:N", scale=alt.Scale(domain=list(STROOM_KLEUREN), range=list(STROOM_KLEUREN.values())), title="Scenario"
    )
    bars = alt.Chart(alt.NamedData(name="scenario")).mark_bar().encode(x=x, xOffset=offset, y=y, color=color, tooltip=tooltip)
    ticks = (
        alt.Chart(alt.NamedData(name="basis"))
        .mark_tick(color="#000000", thickness=4, size=30)
        .encode(x=x, xOffset=offset, y=y, tooltip=tooltip)
    )
    chart = alt.layer(bars, ticks).properties(height=HOOGTE, title="Resultaat per stroom per jaar (streepje: basisscenario)")
    return _configure(chart).to_dict()


def stroom_spec(basisscenario: pd.DataFrame, scenario: pd.DataFrame) -> dict:
    """Yearly result per stream (BW, MO): scenario as bars, baseline as black ticks."""
    return _fill(_stroom_template(), scenario=scenario, basis=basisscenario)


@cache
def _vergelijk_template(x: str, y: str, titel: str, euro: bool) -> dict:
    axis = EURO_AS if euro else alt.Axis()
    lines = (
        alt.Chart(alt.NamedData(name="reeksen"))
        .mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=4)
        .encode(
            x=alt.X(f"{x}:O", title=None, sort="ascending", axis=alt.Axis(labelAngle=-40 if x == "periode" else 0)),
            y=alt.Y(f"{y}:Q", title=None, axis=axis),
            color=alt.Color("variant:N", title=None, legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, columns=3)),
            tooltip=[
                alt.Tooltip("variant:N", title="Scenario"),
                alt.Tooltip(f"{x}:O", title="Periode"),
                alt.Tooltip(f"{y}:Q", title="Waarde (€)" if euro else "Waarde", format=",.0f"),
            ],
        )
    )
    layers = [lines]
    if euro:
        layers.insert(0, alt.Chart(alt.InlineData(values=[{"nul": 0}])).mark_rule(color="#000000", strokeWidth=2).encode(y="nul:Q"))
    return _configure(alt.layer(*layers).properties(height=HOOGTE, title=titel)).to_dict()


def vergelijk_spec(reeksen: pd.DataFrame, kleuren: dict[str, str], x: str, y: str, titel: str, euro: bool = False) -> dict:
    """One line per scenario, each in its own colour (the same colour on every chart)."""
    spec = _fill(_vergelijk_template(x, y, titel, euro), reeksen=reeksen)
    for layer in spec["layer"]:
        color = layer.get("encoding", {}).get("color")
        if color is not None:
            color["scale"] = {"domain": list(kleuren), "range": list(kleuren.values())}
    return spec
