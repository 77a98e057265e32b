"""Charts of the Risico's and Budgetten pages: fan charts, probabilities, run-out years, tornado,
and the Reserve Vreemdelingen against its cap.

Same pattern as core.charts: each chart is an Altair template over named datasets, built and
validated once per process; a call only fills in the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import altair as alt
import pandas as pd
import pyarrow as pa

from core.charts import (
    _JAAR, _PERIODE, AXIS_LABEL_GROOTTE, EURO_AS, HOOGTE, KLEUREN, LABELRUIMTE, NORM_KLEUR, SCENARIO, TEKSTGROOTTE,
    _configure, _fill,
)
from core.model.reserve import BEGROTING, PROGNOSE
from core.risico.gevoeligheid import OPRAAKJAAR, Tornado
from core.risico.simulatie import HORIZON, Simulatie
from core.tekst import formatting as fmt
from core.tekst import zinnen

BAND_KLEUR = KLEUREN[SCENARIO]
MEDIAAN_KLEUR = "#000000"
LIJNEN = {"Scenario (zonder onzekerheid)": KLEUREN[SCENARIO], "Middelste uitkomst (mediaan)": MEDIAAN_KLEUR}
STREPEN = {"Scenario (zonder onzekerheid)": [1, 0], "Middelste uitkomst (mediaan)": [6, 4]}
TORNADO_KLEUREN = {"bij de laagste waarde": "#56B4E9", "bij de hoogste waarde": "#E69F00"}
PLAFOND_KLEUR = "#0072B2"
PROCENT_AS = alt.Axis(format=".0%")


def _arrow(kolommen: dict[str, list]) -> pa.Table:
    """A chart's dataset as an Arrow table (None is null): Streamlit sends Arrow as it is, without
    the per-rerun conversion from pandas (benchmarks/README.md)."""
    return pa.table(kolommen)
# Run-out years on a number axis; the year after the horizon means "not before then".
_JAAR_AS = alt.Axis(format="d", labelExpr=f"datum.value > {HORIZON} ? '{zinnen.NIET_VOOR}' : datum.label")


def _lijn_kleur() -> alt.Color:
    return alt.Color(
        "reeks:N", scale=alt.Scale(domain=list(LIJNEN), range=list(LIJNEN.values())), title=None,
        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, symbolSize=600),
    )


def _lijn_streep() -> alt.StrokeDash:
    return alt.StrokeDash("reeks:N", scale=alt.Scale(domain=list(STREPEN), range=list(STREPEN.values())), title=None)


# Each fan chart has one dataset with a ``rol`` per row (band, lijn, norm) that its layers filter on:
# every dataset costs a conversion to Arrow on every rerun, so one is cheaper than three.
BAND, LIJN, NORM, GRENS = "band", "lijn", "norm", "grens"
WAAIER_KOLOMMEN = ["rol", "p10", "p25", "p75", "p90", "waarde", "reeks", "label", "deadline"]
BELEIDSARM_TEKST = "beleidsarm doorgetrokken →"


def _waaier_lagen(x: alt.X, as_: alt.Axis | None, tooltip_format: str) -> list:
    axis = as_ or alt.Axis()
    basis = alt.Chart(alt.NamedData(name="waaier")).encode(x=x)
    band = basis.transform_filter(alt.datum.rol == BAND)
    tooltip = [
        alt.Tooltip(f"{k}:Q", title=t, format=tooltip_format)
        for k, t in (("p10", "P10"), ("p25", "P25"), ("p75", "P75"), ("p90", "P90"))
    ]
    buiten = band.mark_area(color=BAND_KLEUR, opacity=0.15).encode(
        y=alt.Y("p10:Q", title=None, axis=axis), y2="p90:Q", tooltip=tooltip
    )
    binnen = band.mark_area(color=BAND_KLEUR, opacity=0.3).encode(y="p25:Q", y2="p75:Q", tooltip=tooltip)
    lijnen = (
        basis.transform_filter(alt.datum.rol == LIJN)
        .mark_line(point=alt.OverlayMarkDef(size=70), strokeWidth=4)
        .encode(
            y=alt.Y("waarde:Q", axis=axis), color=_lijn_kleur(), strokeDash=_lijn_streep(),
            tooltip=[alt.Tooltip("reeks:N", title="Reeks"), alt.Tooltip("waarde:Q", title="Waarde", format=tooltip_format)],
        )
    )
    grens = basis.transform_filter(alt.datum.rol == GRENS)
    lijn = grens.mark_rule(color="#999999", strokeDash=[2, 4], strokeWidth=2)
    tekst_ = grens.mark_text(align="left", dx=6, y=12, fontSize=15, color="#555555").encode(text="label:N")
    return [buiten, binnen, lijnen, lijn, tekst_]


def _met_grens(kolommen: dict[str, list], x: str, eerste: object | None) -> dict[str, list]:
    """Mark the first extrapolated half year or year (after the Provincie's deadlines or the centrumregeling)."""
    if eerste is not None:
        rij = {c: None for c in kolommen} | {x: eerste, "rol": GRENS, "label": BELEIDSARM_TEKST}
        for kolom, waarde in rij.items():
            kolommen[kolom].append(waarde)
    return kolommen


def _waaier_rijen(x: str, labels, percentielen, model_x, model_waarden) -> dict[str, list]:
    """Band rows (the percentiles), then line rows (the model, then the simulated median)."""
    labels, model_x = list(labels), list(model_x)
    model, mediaan = list(LIJNEN)
    n, m = len(labels), len(model_x)
    leeg = [None] * (n + m + n)
    kolommen = {c: list(leeg) for c in WAAIER_KOLOMMEN}
    kolommen[x] = labels + model_x + labels
    kolommen["rol"] = [BAND] * n + [LIJN] * (m + n)
    for rij, kolom in ((0, "p10"), (1, "p25"), (3, "p75"), (4, "p90")):
        kolommen[kolom][:n] = percentielen[rij].tolist()
    kolommen["waarde"][n:] = list(model_waarden) + percentielen[2].tolist()
    kolommen["reeks"][n:] = [model] * m + [mediaan] * n
    return kolommen


@cache
def _achterstand_waaier_template() -> dict:
    norm = alt.Chart(alt.NamedData(name="waaier")).transform_filter(alt.datum.rol == NORM).encode(x=_PERIODE, y="waarde:Q")
    punten = norm.mark_point(shape="diamond", size=300, filled=True, color=NORM_KLEUR, opacity=1).encode(
        tooltip=[alt.Tooltip("deadline:N", title="Deadline Provincie"), alt.Tooltip("waarde:Q", title="Norm")]
    )
    labels = norm.mark_text(dx=14, align="left", fontSize=16, color=NORM_KLEUR, fontWeight="bold").encode(text="label:N")
    chart = alt.layer(*_waaier_lagen(_PERIODE, None, ",.0f"), punten, labels).properties(
        height=HOOGTE,
        title="Achterstand eind halfjaar: 50% en 80% van de toekomsten (◆ normpad)",
    )
    return _configure(chart).to_dict()


def achterstand_waaier_spec(simulatie: Simulatie, eigen: Sequence[dict]) -> dict:
    """The achterstand's fan (P10-P90, P25-P75), its median, the deterministic line and the norm path.

    ``eigen`` are the scenario's rows (core.model.taakstelling.taakstelling_rijen).
    """
    model = [r["achterstand_eind"] for r in eigen]
    kolommen = _waaier_rijen("periode", simulatie.periodes, simulatie.achterstand_percentielen, [r["periode"] for r in eigen], model)
    vorige = None
    for datum, (periode, norm) in simulatie.deadlines.items():
        # A label where the norm changes: the same "≤ 0" every half year stood label against label.
        rij = {c: None for c in kolommen} | {
            "periode": periode, "rol": NORM, "waarde": norm, "label": "" if norm == vorige else f"≤ {norm}",
            "deadline": fmt.datum(datum),
        }
        vorige = norm
        for kolom, waarde in rij.items():
            kolommen[kolom].append(waarde)
    beleidsarm = [r["periode"] for r in eigen if r["beleidsarm"]]
    return _fill(_achterstand_waaier_template(), waaier=_arrow(_met_grens(kolommen, "periode", (beleidsarm or [None])[0])))


# The reserve's fan spans millions both ways: a tick per € 500.000 put nine labels of twelve characters
# on top of each other (on a beamer, in presentation mode, nearly touching). About five, at least a line apart.
RESERVE_AS = alt.Axis(**EURO_AS.to_dict(), tickCount=5, labelOverlap=True, labelSeparation=12)


@cache
def _reserve_waaier_template() -> dict:
    nul = alt.Chart(alt.InlineData(values=[{"nul": 0}])).mark_rule(color="#000000", strokeWidth=2).encode(y="nul:Q")
    chart = alt.layer(nul, *_waaier_lagen(_JAAR, RESERVE_AS, ",.0f")).properties(
        height=HOOGTE,
        title="Reserve Beschermd Thuis eind jaar: 50% en 80% van de toekomsten",
    )
    return _configure(chart).to_dict()


def reserve_waaier_spec(simulatie: Simulatie, eigen: Sequence[dict]) -> dict:
    """The reserve's fan per year, its median and the deterministic line, with the zero line.

    ``eigen`` are the scenario's rows (core.model.reserve.reserve_rijen).
    """
    kolommen = _waaier_rijen(
        "jaar", simulatie.jaren, simulatie.reserve_percentielen, [r["jaar"] for r in eigen], [r["reserve_eind"] for r in eigen]
    )
    later = [r["jaar"] for r in eigen if r["status"] not in (BEGROTING, PROGNOSE)]
    return _fill(_reserve_waaier_template(), waaier=_arrow(_met_grens(kolommen, "jaar", (later or [None])[0])))


OPRAAK, POSITIEF = "Reserve raakt in dat jaar op (of wordt uitgekeerd)", "Kans reserve eind jaar niet negatief"


# Every bar of the run-out chart keeps its label, horizontal (a tilted axis dropped every other year
# and the outcomes "niet vóór 2041" and "uitgekeerd eind 2027"): a year in full where its bar has room
# at this text size, else as ’27 (the first year in full while it fits); an outcome one word per line;
# a long word under the last bar ("uitgekeerd") starts at that bar and runs on into the margin. Where
# even that does not fit (a narrow screen in presentation mode) the labels get smaller, down to 11
# pixels; only below that (a phone) is just every fourth year labelled, never an outcome.
_OPRAAK_GROOTTE = f"min({TEKSTGROOTTE}, bandwidth('x') / 1.8)"
_OPRAAK_INDEX = "indexof(domain('x'), datum.value)"
_OPRAAK_WEG = (
    f"{_OPRAAK_GROOTTE} < 11 && test(/^[0-9]+$/, datum.value)"
    f" && ({_OPRAAK_INDEX} % 4 > 0 || {_OPRAAK_INDEX} > length(domain('x')) - 4)"
)
_OPRAAK_KORT = f"bandwidth('x') < ({_OPRAAK_INDEX} > 0 ? 2.55 : 2.0) * {TEKSTGROOTTE}"
_OPRAAK_LAATSTE = "datum.value === peek(domain('x')) && test(/[^ ]{6}/, datum.value)"  # with a word wider than a bar
OPRAAKJAAR_AS = alt.Axis(
    labelAngle=0,
    labelExpr=(
        f"{_OPRAAK_WEG} ? '' : "
        f"split({_OPRAAK_KORT} ? replace(datum.label, /[0-9][0-9]([0-9][0-9])$/, '’$1') : datum.label, ' ')"
    ),
    labelFontSize=alt.ExprRef(expr=f"max({_OPRAAK_GROOTTE}, 11)"),
    labelOverlap=False,
    labelAlign={"condition": {"test": _OPRAAK_LAATSTE, "value": "left"}, "value": "center"},
    labelOffset={"condition": {"test": _OPRAAK_LAATSTE, "value": -4}, "value": 0},
    labelPadding=6,
)


@cache
def _opraakjaar_template() -> dict:
    basis = alt.Chart(alt.NamedData(name="jaren")).encode(
        x=alt.X("jaar:N", title=None, sort=None, axis=OPRAAKJAAR_AS),
        y=alt.Y("kans:Q", title=None, axis=PROCENT_AS, scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("reeks:N", scale=alt.Scale(domain=[OPRAAK, POSITIEF], range=[KLEUREN[SCENARIO], "#009E73"]), title=None),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("reeks:N", title="Reeks"), alt.Tooltip("tekst:N", title="Kans")],
    )
    staven = basis.transform_filter(alt.datum.reeks == OPRAAK).mark_bar()
    lijn = basis.transform_filter(alt.datum.reeks == POSITIEF).mark_line(point=alt.OverlayMarkDef(size=70), strokeWidth=4)
    chart = alt.layer(staven, lijn).properties(
        height=HOOGTE, title=f"Wanneer raakt de reserve op? (gesimuleerd tot en met {HORIZON})",
        # No line ends to label on the right: that room goes to the bars (Vega fits the last label in).
        padding={**LABELRUIMTE, "right": 10},
    ).add_params(alt.param(name=TEKSTGROOTTE, value=AXIS_LABEL_GROOTTE))
    return _configure(chart).to_dict()


def opraakjaar_spec(simulatie: Simulatie) -> dict:
    """Bars: the share of futures per run-out year (or a payout); line: the probability the reserve is not
    negative at that year's end (not after a payout: the regional reserve no longer exists)."""
    labels, opraak = zinnen.opraakjaar_uitkomsten(simulatie)
    bestaat = [j for j in simulatie.opraakjaar if j is not None and j in simulatie.kans_reserve_positief]
    positief = [simulatie.kans_reserve_positief[j] for j in bestaat]
    kansen = opraak + positief
    return _fill(
        _opraakjaar_template(),
        jaren=_arrow(
            {
                "jaar": labels + [str(j) for j in bestaat],
                "reeks": [OPRAAK] * len(labels) + [POSITIEF] * len(bestaat),
                "kans": kansen,
                "tekst": [zinnen.kans(k) for k in kansen],
            }
        ),
    )


@cache
def _tornado_template(jaar: bool) -> dict:
    y = alt.Y("aanname:N", title=None, sort=None, axis=alt.Axis(labelLimit=360))
    bars = (
        alt.Chart(alt.NamedData(name="balken"))
        .mark_bar(height=22)
        .encode(
            y=y,
            x=alt.X("van:Q", title=None, scale=alt.Scale(zero=False), axis=_JAAR_AS if jaar else alt.Axis()),
            x2="tot:Q",
            color=alt.Color(
                "kant:N", scale=alt.Scale(domain=list(TORNADO_KLEUREN), range=list(TORNADO_KLEUREN.values())), title=None
            ),
            tooltip=[
                alt.Tooltip("aanname:N", title="Aanname"),
                alt.Tooltip("waarde:N", title="Bij"),
                alt.Tooltip("uitkomst:N", title="Uitkomst"),
            ],
        )
    )
    regel = alt.Chart(alt.NamedData(name="balken")).mark_rule(color="#000000", strokeWidth=3).encode(x="van:Q")
    chart = alt.layer(bars, regel).properties(height=HOOGTE, title="Gevoeligheid: elke aanname over haar hele bereik (zwart: dit scenario)")
    return _configure(chart).to_dict()


def tornado_spec(tornado: Tornado) -> dict:
    """Per assumption, a bar from the scenario's outcome to the outcome at each end of its range."""
    jaar = tornado.uitkomst == OPRAAKJAAR

    def getal(v):
        return HORIZON + 1 if v is None else v

    def tekst_uitkomst(v):
        return zinnen.opraakjaar(v) if jaar else fmt.getal(v)

    eigen = getal(tornado.scenario_waarde)
    rows = []
    for balk in tornado.balken:
        kanten = zip(TORNADO_KLEUREN, (balk.laag, balk.hoog), (balk.bij_laag, balk.bij_hoog))
        for kant, waarde, uitkomst in kanten:
            rows.append(
                {"aanname": balk.parameter.kort[:1].upper() + balk.parameter.kort[1:], "kant": kant, "van": eigen, "tot": getal(uitkomst),
                 "waarde": balk.parameter.formatteer(waarde), "uitkomst": tekst_uitkomst(uitkomst)}
            )
    return _fill(
        _tornado_template(jaar),
        balken=_arrow({k: [r[k] for r in rows] for k in ("aanname", "kant", "van", "tot", "waarde", "uitkomst")}),
    )


@cache
def _reserve_vreemdelingen_template() -> dict:
    x = alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0))
    staven = (
        alt.Chart(alt.NamedData(name="stand"))
        .mark_bar(color="#009E73")
        .encode(
            x=x, y=alt.Y("reserve_eind:Q", title=None, axis=EURO_AS),
            tooltip=[
                alt.Tooltip("jaar:O", title="Jaar"),
                alt.Tooltip("reserve_eind:Q", title="Stand eind jaar (€)", format=",.0f"),
                alt.Tooltip("boven_plafond:Q", title="Boven plafond, niet te behouden (€)", format=",.0f"),
                alt.Tooltip("niet_gedekt:Q", title="Niet gedekt (€)", format=",.0f"),
            ],
        )
    )
    plafond = alt.Chart(alt.NamedData(name="plafond")).encode(y="plafond:Q")
    lijn = plafond.mark_rule(color=PLAFOND_KLEUR, strokeWidth=3, strokeDash=[8, 4])
    label = plafond.mark_text(align="left", x=4, dy=-10, fontSize=15, color=PLAFOND_KLEUR).encode(text="tekst:N")
    chart = alt.layer(staven, lijn, label).properties(height=HOOGTE, title="Reserve Vreemdelingen, stand eind jaar")
    return _configure(chart).to_dict()


def reserve_vreemdelingen_spec(prognose: pd.DataFrame, plafond: float) -> dict:
    """The Reserve Vreemdelingen per year with the council's cap."""
    return _fill(
        _reserve_vreemdelingen_template(),
        stand=_arrow({k: prognose[k].tolist() for k in ("jaar", "reserve_eind", "boven_plafond", "niet_gedekt")}),
        plafond=_arrow({"plafond": [plafond], "tekst": [f"plafond {fmt.euro(plafond)} (raadsbesluit)"]}),
    )
