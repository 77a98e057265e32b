"""Chart specs are valid Vega-Lite and carry the scenario's data."""

import altair as alt
import pandas as pd
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


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve", "stroom"])
def test_spec_is_valid_vega_lite(specs, name):
    spec = dict(specs[name])
    spec["datasets"] = {
        k: v.astype(object).where(v.notna(), None).to_dict("records") if isinstance(v, pd.DataFrame) else v
        for k, v in spec["datasets"].items()
    }
    alt.Chart.from_dict(spec, validate=True)  # raises on an invalid spec


def test_achterstand_chart_carries_both_series_and_the_norm_path(specs):
    data = specs["achterstand"]["datasets"]
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
    grens = specs["reserve"]["datasets"]["grens"]
    assert list(grens["jaar"]) == [2028] and list(grens["tekst"]) == ["beleidsarm doorgetrokken →"]


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve", "stroom"])
def test_every_named_dataset_is_filled(specs, name):
    spec = specs[name]
    named = {layer.get("data", {}).get("name") for layer in spec.get("layer", [spec])} - {None}
    assert named <= set(spec["datasets"]), named - set(spec["datasets"])
