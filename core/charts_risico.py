"""Charts of the Risico's and Budgetten pages: fan charts, probabilities, run-out years, tornado,
and the Reserve Vreemdelingen against its cap.

Same pattern as core.charts: each chart is an Altair template over named datasets, built and
validated once per process; a call only fills in the data.
"""

from __future__ import annotations

from functools import cache

import altair as alt
import pandas as pd

from core.charts import EURO_AS, HOOGTE, KLEUREN, NORM_KLEUR, SCENARIO, _configure, _fill
from core.risico.gevoeligheid import OPRAAKJAAR, Tornado
from core.risico.simulatie import HORIZON, Simulatie
from core.tekst import formatting as fmt
from core.tekst import risico as tekst

BAND_KLEUR = KLEUREN[SCENARIO]
MEDIAAN_KLEUR = "#000000"
LIJNEN = {"Scenario (zonder onzekerheid)": KLEUREN[SCENARIO], "Middelste uitkomst (mediaan)": MEDIAAN_KLEUR}
STREPEN = {"Scenario (zonder onzekerheid)": [1, 0], "Middelste uitkomst (mediaan)": [6, 4]}
KANS_KLEUREN = {"Norm gehaald": "#009E73", "Opschaling voorbij trede 2": "#D55E00"}
TORNADO_KLEUREN = {"laagste waarde": "#56B4E9", "hoogste waarde": "#E69F00"}
PLAFOND_KLEUR = "#0072B2"
PROCENT_AS = alt.Axis(format=".0%")


def _lijn_kleur() -> alt.Color:
    return alt.Color(
        "reeks:N", scale=alt.Scale(domain=list(LIJNEN), range=list(LIJNEN.values())), title=None,
        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=4, symbolSize=600),
    )


def _lijn_streep() -> alt.StrokeDash:
    return alt.StrokeDash("reeks:N", scale=alt.Scale(domain=list(STREPEN), range=list(STREPEN.values())), title=None)


def _waaier_lagen(x: alt.X, y_titel: str, as_: alt.Axis | None, tooltip_format: str) -> list:
    axis = as_ or alt.Axis()
    waaier = alt.Chart(alt.NamedData(name="waaier")).encode(x=x)
    tooltip = [alt.Tooltip(f"{k}:Q", title=t, format=tooltip_format) for k, t in
               (("p10", "P10"), ("p25", "P25"), ("p50", "Mediaan"), ("p75", "P75"), ("p90", "P90"))]
    buiten = waaier.mark_area(color=BAND_KLEUR, opacity=0.15).encode(
        y=alt.Y("p10:Q", title=y_titel, axis=axis), y2="p90:Q", tooltip=tooltip
    )
    binnen = waaier.mark_area(color=BAND_KLEUR, opacity=0.3).encode(y="p25:Q", y2="p75:Q", tooltip=tooltip)
    lijnen = (
        alt.Chart(alt.NamedData(name="lijnen"))
        .mark_line(point=alt.OverlayMarkDef(size=70), strokeWidth=4)
        .encode(
            x=x, y=alt.Y("waarde:Q", axis=axis), color=_lijn_kleur(), strokeDash=_lijn_streep(),
            tooltip=[alt.Tooltip("reeks:N", title="Reeks"), alt.Tooltip("waarde:Q", title="Waarde", format=tooltip_format)],
        )
    )
    return [buiten, binnen, lijnen]


def _lijnen(frame: pd.DataFrame, x: str, deterministisch: str, simulatie: Simulatie | None = None) -> pd.DataFrame:
    namen = list(LIJNEN)
    parts = [pd.DataFrame({x: frame[x].tolist(), "waarde": frame[deterministisch].astype(float).tolist(), "reeks": namen[0]})]
    if simulatie is not None:
        sim_frame = simulatie.achterstand if x == "periode" else simulatie.reserve
        parts.append(pd.DataFrame({x: sim_frame[x].tolist(), "waarde": sim_frame["p50"].tolist(), "reeks": namen[1]}))
    return pd.concat(parts, ignore_index=True)


_PERIODE = alt.X("periode:O", title=None, sort="ascending", axis=alt.Axis(labelAngle=-40))
_JAAR = alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0))


@cache
def _achterstand_waaier_template() -> dict:
    norm = alt.Chart(alt.NamedData(name="norm")).encode(x=_PERIODE, y="norm_achterstand:Q")
    punten = norm.mark_point(shape="diamond", size=300, filled=True, color=NORM_KLEUR, opacity=1).encode(
        tooltip=[alt.Tooltip("deadline:N", title="Deadline Provincie"), alt.Tooltip("norm_achterstand:Q", title="Norm")]
    )
    labels = norm.mark_text(dx=14, align="left", fontSize=16, color=NORM_KLEUR, fontWeight="bold").encode(text="label:N")
    chart = alt.layer(*_waaier_lagen(_PERIODE, "", None, ",.0f"), punten, labels).properties(
        height=HOOGTE,
        title="Achterstand eind halfjaar: 50% (donker) en 80% (licht) van de gesimuleerde toekomsten, normpad (◆)",
    )
    return _configure(chart).to_dict()


def achterstand_waaier_spec(simulatie: Simulatie, eigen: pd.DataFrame) -> dict:
    """The achterstand's fan (P10-P90, P25-P75), its median, the deterministic line and the norm path."""
    norm = eigen.loc[eigen["norm_achterstand"].notna() & (eigen["soort"] == "prognose"), ["periode", "norm_achterstand"]]
    datums = {p: d for d, (p, _n) in simulatie.deadlines.items()}
    norm = pd.DataFrame(
        {
            "periode": norm["periode"].tolist(),
            "norm_achterstand": norm["norm_achterstand"].astype(float).tolist(),
            "label": [f"≤ {int(v)}" for v in norm["norm_achterstand"]],
            "deadline": [fmt.datum(datums[p]) if p in datums else "" for p in norm["periode"]],
        }
    )
    return _fill(
        _achterstand_waaier_template(),
        waaier=simulatie.achterstand,
        lijnen=_lijnen(eigen, "periode", "achterstand_eind", simulatie),
        norm=norm,
    )


@cache
def _reserve_waaier_template() -> dict:
    nul = alt.Chart(alt.InlineData(values=[{"nul": 0}])).mark_rule(color="#000000", strokeWidth=2).encode(y="nul:Q")
    chart = alt.layer(nul, *_waaier_lagen(_JAAR, "", EURO_AS, ",.0f")).properties(
        height=HOOGTE,
        title="Reserve Beschermd Thuis eind jaar: 50% (donker) en 80% (licht) van de gesimuleerde toekomsten",
    )
    return _configure(chart).to_dict()


def reserve_waaier_spec(simulatie: Simulatie, eigen: pd.DataFrame) -> dict:
    """The reserve's fan per year, its median and the deterministic line, with the zero line."""
    return _fill(_reserve_waaier_template(), waaier=simulatie.reserve, lijnen=_lijnen(eigen, "jaar", "reserve_eind", simulatie))


@cache
def _kansen_template() -> dict:
    chart = (
        alt.Chart(alt.NamedData(name="kansen"))
        .mark_bar()
        .encode(
            x=alt.X("deadline:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("soort:N", sort=list(KANS_KLEUREN)),
            y=alt.Y("kans:Q", title=None, axis=PROCENT_AS, scale=alt.Scale(domain=[0, 1])),
            color=alt.Color(
                "soort:N", scale=alt.Scale(domain=list(KANS_KLEUREN), range=list(KANS_KLEUREN.values())), title=None
            ),
            tooltip=[
                alt.Tooltip("deadline:N", title="Deadline"),
                alt.Tooltip("soort:N", title="Kans op"),
                alt.Tooltip("tekst:N", title="Kans"),
            ],
        )
        .properties(height=HOOGTE, title="Kans per deadline: norm gehaald, en opschaling voorbij trede 2 (uiterlijk dan)")
    )
    return _configure(chart).to_dict()


def kansen_tabel(simulatie: Simulatie) -> pd.DataFrame:
    """Per deadline: the norm, P(norm met) and P(escalation beyond trede 2 by then)."""
    return pd.DataFrame(
        {
            "deadline": list(simulatie.deadlines),
            "norm": [n for _p, n in simulatie.deadlines.values()],
            "kans_norm": [simulatie.kans_norm[d] for d in simulatie.deadlines],
            "kans_escalatie": [simulatie.kans_escalatie[d] for d in simulatie.deadlines],
        }
    )


def kansen_spec(simulatie: Simulatie) -> dict:
    rows = []
    for datum in simulatie.deadlines:
        for soort, waarde in zip(KANS_KLEUREN, (simulatie.kans_norm[datum], simulatie.kans_escalatie[datum])):
            rows.append({"deadline": fmt.datum(datum), "soort": soort, "kans": waarde, "tekst": tekst.kans(waarde)})
    return _fill(_kansen_template(), kansen=pd.DataFrame(rows, columns=["deadline", "soort", "kans", "tekst"]))


@cache
def _reserve_kans_template() -> dict:
    chart = (
        alt.Chart(alt.NamedData(name="kansen"))
        .mark_bar(color="#009E73")
        .encode(
            x=_JAAR,
            y=alt.Y("kans:Q", title=None, axis=PROCENT_AS, scale=alt.Scale(domain=[0, 1])),
            tooltip=[alt.Tooltip("jaar:O", title="Jaar"), alt.Tooltip("tekst:N", title="Kans niet negatief")],
        )
        .properties(height=HOOGTE, title="Kans dat de reserve eind van het jaar niet negatief is")
    )
    return _configure(chart).to_dict()


def reserve_kans_spec(simulatie: Simulatie) -> dict:
    jaren = list(simulatie.jaren)
    kansen = [simulatie.kans_reserve_positief[j] for j in jaren]
    return _fill(
        _reserve_kans_template(),
        kansen=pd.DataFrame({"jaar": jaren, "kans": kansen, "tekst": [tekst.kans(k) for k in kansen]}),
    )


@cache
def _opraakjaar_template() -> dict:
    chart = (
        alt.Chart(alt.NamedData(name="jaren"))
        .mark_bar(color=KLEUREN[SCENARIO])
        .encode(
            x=alt.X("jaar:N", title=None, sort=None, axis=alt.Axis(labelAngle=-40)),
            y=alt.Y("aandeel:Q", title=None, axis=PROCENT_AS),
            tooltip=[alt.Tooltip("jaar:N", title="Reserve raakt op"), alt.Tooltip("tekst:N", title="Deel van de toekomsten")],
        )
        .properties(height=HOOGTE, title=f"In welk jaar raakt de reserve op? (gesimuleerd tot en met {HORIZON})")
    )
    return _configure(chart).to_dict()


def opraakjaar_tabel(simulatie: Simulatie) -> pd.DataFrame:
    """Per year (and 'niet vóór 2041'): the share of futures in which the reserve first turns negative then."""
    jaren = [j for j in simulatie.opraakjaar if j is not None] + [None]
    return pd.DataFrame(
        {"jaar": [tekst.opraakjaar(j) for j in jaren], "aandeel": [simulatie.opraakjaar[j] for j in jaren]}
    )


def opraakjaar_spec(simulatie: Simulatie) -> dict:
    tabel = opraakjaar_tabel(simulatie)
    # Years before the first run-out and after the last one carry nothing: leave them out.
    gevuld = [i for i, a in enumerate(tabel["aandeel"]) if a > 0]
    tabel = tabel.iloc[gevuld[0]: gevuld[-1] + 1] if gevuld else tabel.iloc[0:0]
    return _fill(_opraakjaar_template(), jaren=tabel.assign(tekst=[tekst.kans(a) for a in tabel["aandeel"]]))


@cache
def _tornado_template(jaar: bool) -> dict:
    y = alt.Y("aanname:N", title=None, sort=None, axis=alt.Axis(labelLimit=360))
    bars = (
        alt.Chart(alt.NamedData(name="balken"))
        .mark_bar(height=22)
        .encode(
            y=y,
            x=alt.X("van:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format="d") if jaar else alt.Axis()),
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
    regel = alt.Chart(alt.NamedData(name="scenario")).mark_rule(color="#000000", strokeWidth=3).encode(x="waarde:Q")
    chart = alt.layer(bars, regel).properties(height=HOOGTE, title="Gevoeligheid: elke aanname over haar hele bereik (zwart: dit scenario)")
    return _configure(chart).to_dict()


def tornado_spec(tornado: Tornado) -> dict:
    """Per assumption, a bar from the scenario's outcome to the outcome at each end of its range."""
    jaar = tornado.uitkomst == OPRAAKJAAR

    def getal(v):
        return HORIZON + 1 if v is None else v

    def tekst_uitkomst(v):
        return tekst.opraakjaar(v) if jaar else fmt.getal(v)

    eigen = getal(tornado.scenario_waarde)
    rows = []
    for balk in tornado.balken:
        for kant, waarde, uitkomst in (("laagste waarde", balk.laag, balk.bij_laag), ("hoogste waarde", balk.hoog, balk.bij_hoog)):
            rows.append(
                {"aanname": balk.parameter.label, "kant": kant, "van": eigen, "tot": getal(uitkomst),
                 "waarde": balk.parameter.formatteer(waarde), "uitkomst": tekst_uitkomst(uitkomst)}
            )
    return _fill(
        _tornado_template(jaar),
        balken=pd.DataFrame(rows, columns=["aanname", "kant", "van", "tot", "waarde", "uitkomst"]),
        scenario=pd.DataFrame({"waarde": [eigen]}),
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
        stand=prognose[["jaar", "reserve_eind", "boven_plafond", "niet_gedekt"]].astype(float).assign(jaar=prognose["jaar"]),
        plafond=pd.DataFrame({"plafond": [plafond], "tekst": [f"plafond {fmt.euro(plafond)} (raadsbesluit)"]}),
    )
