"""The risk and budget chart specs are valid Vega-Lite and carry the simulation's figures."""

import altair as alt
import pytest

from core import charts_risico as grafieken
from core.model import budgetten
from core.model.reserve import reserve_rijen
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen
from core.risico import simuleer
from core.risico.gevoeligheid import gevoeligheid


@pytest.fixture(scope="module")
def specs(basis):
    s = Scenario(huisvesting_per_halfjaar=140, instroom_pct=50)
    uitkomst = simuleer(s, basis)
    tornados = gevoeligheid(s, basis)
    return {
        "achterstand": grafieken.achterstand_waaier_spec(uitkomst, taakstelling_rijen(s, basis)),
        "reserve": grafieken.reserve_waaier_spec(uitkomst, reserve_rijen(s, basis)),
        "opraakjaar": grafieken.opraakjaar_spec(uitkomst),
        "tornado": grafieken.tornado_spec(tornados[0]),
        "tornado_jaar": grafieken.tornado_spec(tornados[-1]),
        "reserve_vreemdelingen": grafieken.reserve_vreemdelingen_spec(budgetten.prognose(s, basis), budgetten.plafond(basis)),
    }


@pytest.mark.parametrize(
    "name", ["achterstand", "reserve", "opraakjaar", "tornado", "tornado_jaar", "reserve_vreemdelingen"]
)
def test_spec_is_valid_vega_lite(specs, name):
    spec = dict(specs[name])
    spec["datasets"] = {k: v.to_pylist() if hasattr(v, "to_pylist") else v for k, v in spec["datasets"].items()}
    alt.Chart.from_dict(spec, validate=True)


def test_fan_chart_has_bands_median_deterministic_line_and_norm(specs, basis):
    data = specs["achterstand"]["datasets"]["waaier"].to_pandas()
    band, lijn, norm = (data[data["rol"] == rol] for rol in (grafieken.BAND, grafieken.LIJN, grafieken.NORM))
    assert (band["p10"] <= band["p25"]).all() and (band["p75"] <= band["p90"]).all() and len(band) == 9
    assert set(lijn["reeks"]) == set(grafieken.LIJNEN)
    assert list(norm["label"])[:3] == ["≤ 36", "≤ 18", "≤ 0"] and set(list(norm["label"])[3:]) == {"≤ 0"}
    assert list(norm["deadline"])[:3] == ["1 januari 2027", "1 juli 2027", "1 januari 2028"]
    assert list(data.loc[data["rol"] == grafieken.GRENS, "periode"]) == ["2028-H1"]  # beleidsarm doorgetrokken from here


def test_run_out_chart_has_the_share_per_year_and_the_probability_per_year(specs):
    jaren = specs["opraakjaar"]["datasets"]["jaren"].to_pandas()
    opraak = jaren[jaren["reeks"] == grafieken.OPRAAK]
    assert opraak["jaar"].iloc[-1] == "niet vóór 2041" and opraak["kans"].sum() == pytest.approx(1.0)  # no payout here
    positief = jaren[jaren["reeks"] == grafieken.POSITIEF]
    assert positief["jaar"].tolist() == [str(j) for j in range(2026, 2041)]
    assert positief["kans"].iloc[0] == 1.0 and positief["kans"].between(0, 1).all()


def test_cap_line_on_the_reserve_vreemdelingen(specs):
    assert specs["reserve_vreemdelingen"]["datasets"]["plafond"]["plafond"].to_pylist() == [400_000]


@pytest.mark.parametrize(
    "name", ["achterstand", "reserve", "opraakjaar", "tornado", "tornado_jaar", "reserve_vreemdelingen"]
)
def test_every_risk_chart_has_a_dutch_description_and_no_vega_aria(specs, name):
    from tests.test_charts import _engelse_aria_vrij

    _engelse_aria_vrij(specs[name])
