"""Charts rendered on the server by vl-convert: SVG with Dutch ticks, PNG for every chart."""

import pandas as pd
import pyarrow as pa
import pytest

from core import charts
from core.export.grafieken import grafiek_png, grafiek_svg
from core.model.reserve import project_reserve
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


# --- charts ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def specs(basis):
    t_b, t_s = project_taakstelling(Scenario(), basis), project_taakstelling(SCENARIO, basis)
    return {
        "achterstand": charts.achterstand_spec(t_b, t_s),
        "taakstelling": charts.taakstelling_spec(t_b, t_s),  # NaN where 2025-H1 has no taakstelling
        "reserve": charts.reserve_spec(project_reserve(Scenario(), basis), project_reserve(SCENARIO, basis)),
    }


def test_svg_with_dutch_ticks(specs):
    svg = grafiek_svg(specs["reserve"])
    assert svg.startswith("<svg")
    assert "€ 2.000.000" in svg
    assert 'width="' in svg


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve"])
def test_png_renders_every_chart(specs, name):
    png = grafiek_png(specs[name])
    assert png.startswith(b"\x89PNG")


def test_rendering_leaves_the_callers_spec_alone(specs):
    spec = specs["taakstelling"]
    config_before = dict(spec["config"])
    grafiek_svg(spec)
    grafiek_png(spec, schaal=1)
    assert all(isinstance(table, pa.Table) for table in spec["datasets"].values())
    assert "width" not in spec
    assert spec["config"] == config_before


