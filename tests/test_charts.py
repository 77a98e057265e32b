"""Chart specs are valid Vega-Lite and carry the scenario's data."""

import copy

import altair as alt
import pandas as pd
import pyarrow as pa
import pytest

from core import charts
from core.model.reserve import project_reserve, resultaat_per_stroom
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling


@pytest.fixture
def specs(basis):
    s, b = Scenario(instroom_pct=20), Scenario()
    t_s, t_b = project_taakstelling(s, basis), project_taakstelling(b, basis)
    return {
        "achterstand": charts.achterstand_spec(t_b, t_s),
        "taakstelling": charts.taakstelling_spec(t_b, t_s),
        "reserve": charts.reserve_spec(project_reserve(b, basis), project_reserve(s, basis)),
        "stroom": charts.stroom_spec(resultaat_per_stroom(b, basis), resultaat_per_stroom(s, basis)),
    }


def frames(spec: dict) -> dict[str, pd.DataFrame]:
    """A chart's datasets (Arrow tables, as Streamlit receives them) as frames, to inspect."""
    return {k: v.to_pandas() if isinstance(v, pa.Table) else pd.DataFrame(v) for k, v in spec["datasets"].items()}


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve", "stroom"])
def test_spec_is_valid_vega_lite(specs, name):
    spec = dict(specs[name])
    spec["datasets"] = {k: v.to_pylist() if isinstance(v, pa.Table) else v for k, v in spec["datasets"].items()}
    alt.Chart.from_dict(spec, validate=True)  # raises on an invalid spec


def test_achterstand_chart_carries_both_series_and_the_norm_path(specs):
    data = frames(specs["achterstand"])
    assert set(data["reeksen"]["reeks"]) == {charts.BASIS, charts.SCENARIO}
    norm = data["norm"]
    eigen = norm[(norm["status"] != "gerealiseerd") & ~norm["beleidsarm"]]
    assert list(eigen["label"]) == ["≤ 36", "≤ 18", "≤ 0"]
    # After the last deadline the norm carries on: 0 at every half-year end up to the horizon.
    assert list(norm.loc[norm["beleidsarm"], "periode"]) == [f"{j}-H{h}" for j in range(2028, 2031) for h in (1, 2)]
    assert set(norm.loc[norm["beleidsarm"], "norm_achterstand"]) == {0}
    assert list(data["grens"]["periode"]) == ["2026-H2", "2028-H1"]
    assert list(data["grens"]["tekst"]) == ["prognose →", "beleidsarm doorgetrokken →"]
    assert list(data["plan"]["plan_achterstand"]) == [54, 36, 18, 0]


def test_dutch_number_locale_and_colour_blind_palette(specs):
    for spec in specs.values():
        assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert charts.KLEUREN == {charts.BASIS: "#6E6E6E", charts.SCENARIO: "#D55E00"}


def test_reserve_chart_marks_the_extrapolated_years(specs):
    grens = frames(specs["reserve"])["grens"]
    assert list(grens["jaar"]) == [2028] and list(grens["tekst"]) == ["beleidsarm doorgetrokken →"]


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve", "stroom"])
def test_every_named_dataset_is_filled(specs, name):
    spec = specs[name]
    named = {layer.get("data", {}).get("name") for layer in spec.get("layer", [spec])} - {None}
    assert named <= set(spec["datasets"]), named - set(spec["datasets"])


def test_lines_are_labelled_at_their_end_and_the_baseline_is_drawn_on_top(specs):
    for name in ("achterstand", "reserve"):
        spec = specs[name]
        eind = frames(spec)["eind"]
        assert set(eind["reeks"]) == {charts.BASIS, charts.SCENARIO}
        lines = [l for l in spec["layer"] if l["mark"]["type"] == "line" and "color" in l.get("encoding", {})]
        assert lines[-1]["mark"]["strokeDash"] == charts.BASIS_STREEP  # the baseline last: on top
        assert all(l["encoding"]["color"].get("legend", "x") is None for l in lines)  # no legend to cut off


def test_dutch_half_year_labels_and_the_tables_minus_sign(specs):
    x = specs["achterstand"]["layer"][0]["encoding"]["x"]
    assert "helft" in x["axis"]["labelExpr"] and x["axis"]["labelAngle"] == 0
    assert specs["reserve"]["config"]["locale"]["number"]["minus"] == "-"


def test_the_run_out_year_is_marked_when_it_is_shown(basis):
    s = Scenario(zorgkosten_groei_pct=3.0)
    spec = charts.reserve_spec(project_reserve(Scenario(), basis), project_reserve(s, basis))
    assert list(frames(spec)["op"]["tekst"]) == ["raakt op in 2028"]
    spec = charts.reserve_spec(project_reserve(Scenario(), basis), project_reserve(Scenario(), basis))
    assert frames(spec)["op"].empty  # 2031 lies past the horizon shown


def test_stream_legend_says_what_bw_and_mo_are(specs):
    color = next(l["encoding"]["color"] for l in specs["stroom"]["layer"] if "color" in l.get("encoding", {}))
    assert color["title"] == "Stroom" and "Beschermd Wonen" in color["legend"]["labelExpr"]


def test_presentation_enlarges_every_text(specs):
    spec = charts.groter(copy.deepcopy(specs["reserve"]))
    assert spec["config"]["axis"]["labelFontSize"] > specs["reserve"]["config"]["axis"]["labelFontSize"]


# --- screen readers: a Dutch description, no English from Vega ----------------------------------

ENGELSE_ARIA = ("visualization", "mark container", "X-axis", "Y-axis", "titled", "Title text", "Legend")


def _engelse_aria_vrij(spec: dict) -> None:
    assert spec["description"].startswith("Grafiek: "), spec.get("description")
    titel = spec["title"] if isinstance(spec["title"], str) else spec["title"]["text"]
    assert spec["description"].removeprefix("Grafiek: ").startswith(titel if isinstance(titel, str) else titel[0])
    assert not [w for w in ENGELSE_ARIA if w.lower() in spec["description"].lower()]
    assert spec["config"]["aria"] is False and spec["config"]["mark"]["aria"] is False  # no English per axis/mark


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve", "stroom"])
def test_every_chart_has_a_dutch_description_and_no_vega_aria(specs, name):
    _engelse_aria_vrij(specs[name])


def test_the_comparison_chart_and_the_small_overview_charts_keep_their_description(specs, basis):
    reeksen = pd.DataFrame({"variant": ["Basisscenario"] * 2, "jaar": [2026, 2027], "reserve_eind": [1.0, 2.0]})
    spec = charts.vergelijk_spec(reeksen, {"Basisscenario": "#000000"}, "jaar", "reserve_eind", "Reserve eind jaar", euro=True)
    _engelse_aria_vrij(spec)
    assert spec["description"] == "Grafiek: Reserve eind jaar"
    klein = charts.klein(copy.deepcopy(specs["achterstand"]))
    assert klein["description"] == specs["achterstand"]["description"]  # the full title, not the shortened one
    assert "normpad van de Provincie" in klein["description"]
