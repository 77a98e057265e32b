"""The risk and budget chart specs are valid Vega-Lite and carry the simulation's figures."""

import pickle
import re

import altair as alt
import pytest
import vl_convert as vlc
from PIL import ImageFont

from core import charts_risico as grafieken
from core.charts import groter
from core.export.grafieken import exportspec, grafiek_svg
from core.model import budgetten
from core.model.reserve import reserve_rijen
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen
from core.risico import simuleer
from core.risico.gevoeligheid import gevoeligheid
from core.tekst import zinnen


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
    # A label where the norm changes only: nine "≤ 0" labels in a row stood against each other.
    assert list(norm["label"]) == ["≤ 36", "≤ 18", "≤ 0"] + [""] * (len(norm) - 3) and len(norm) > 3
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


# --- readability on a beamer: the charts as Vega lays them out (vl-convert, the export's font) ------------

FONT = "DejaVuSans.ttf"  # core.export.grafieken.EXPORT_FONT: wider than the browsers' Arial, so the stricter test


@pytest.fixture(scope="module")
def uitgekeerd(basis):
    """A scenario whose reserve is paid out to Maastricht: the run-out chart gets an "uitgekeerd eind" bar."""
    uitkomst = simuleer(Scenario(reserve_na_centrumregeling=1, zorgkosten_groei_pct=2.0), basis)
    assert uitkomst.uitkeringsjaar is not None
    return grafieken.opraakjaar_spec(uitkomst)


def _labels(spec: dict, breedte: int, presentatie: bool) -> dict[str, list[dict]]:
    """The axis labels Vega draws, per axis ("x" or "y"), at a plot width of ``breedte`` pixels."""
    spec = pickle.loads(pickle.dumps(spec))
    if presentatie:
        groter(spec)
    spec["width"] = breedte
    assen: dict[str, list[dict]] = {}

    def loop(node, as_=None):
        if isinstance(node, dict):
            if node.get("role") == "axis":
                as_ = "x" if node.get("items", [{}])[0].get("orient", node.get("orient")) in ("bottom", "top") else None
            if node.get("role") == "axis-label":
                items = node["items"]
                soort = "x" if all(i["baseline"] == "top" for i in items) else "y"
                assen.setdefault(soort, []).extend(items)
                return
            for v in node.values():
                loop(v, as_)
        elif isinstance(node, list):
            for v in node:
                loop(v, as_)

    loop(vlc.vegalite_to_scenegraph(exportspec(spec)))
    return assen


def _vakken(labels: list[dict]) -> list[tuple[float, float, float, float]]:
    """Each visible label's box (x1, x2, y1, y2), measured in the export's font."""
    vakken = []
    for label in labels:
        if label.get("opacity", 1) == 0:
            continue
        font = ImageFont.truetype(FONT, label["fontSize"])
        regels = label["text"] if isinstance(label["text"], list) else [label["text"]]
        breedte = max(font.getlength(r) for r in regels)
        hoogte = label["fontSize"] * len(regels)
        x1 = {"left": label["x"], "right": label["x"] - breedte}.get(label["align"], label["x"] - breedte / 2)
        y1 = {"top": label["y"], "bottom": label["y"] - hoogte}.get(label["baseline"], label["y"] - hoogte / 2)
        vakken.append((x1, x1 + breedte, y1, y1 + hoogte))
    return vakken


def _overlappen(vakken, marge: float = 0) -> list:
    return [
        (a, b) for i, a in enumerate(vakken) for b in vakken[i + 1:]
        if a[0] < b[1] + marge and b[0] < a[1] + marge and a[2] < b[3] + marge and b[2] < a[3] + marge
    ]


def test_run_out_axis_is_horizontal_and_drops_no_label(specs):
    as_ = specs["opraakjaar"]["layer"][0]["encoding"]["x"]["axis"]
    assert as_["labelAngle"] == 0
    assert as_["labelOverlap"] is False
    assert specs["opraakjaar"]["params"] == [{"name": "tekstgrootte", "value": 16}]
    assert groter(pickle.loads(pickle.dumps(specs["opraakjaar"])))["params"][0]["value"] == 20


# A plot 760 pixels wide is the run-out chart at 1440x900, some 850 in presentation mode at 1280x720 and
# 560 at 1024x768 with the sidebar open (where the labels get smaller, still larger than in standard mode).
@pytest.mark.parametrize(("breedte", "presentatie"), [(760, False), (850, True), (560, True), (1100, True), (400, False)])
@pytest.mark.parametrize("naam", ["opraakjaar", "uitgekeerd"])
def test_every_run_out_bar_has_a_label_and_no_two_labels_touch(specs, uitgekeerd, naam, breedte, presentatie):
    spec = uitgekeerd if naam == "uitgekeerd" else specs["opraakjaar"]
    categorieen = spec["datasets"]["jaren"]["jaar"].to_pylist()
    staven = [j for j, r in zip(categorieen, spec["datasets"]["jaren"]["reeks"].to_pylist()) if r == grafieken.OPRAAK]
    labels = _labels(spec, breedte, presentatie)["x"]
    assert len(labels) == len(staven) and all(label.get("opacity", 1) == 1 for label in labels)
    assert all(label["angle"] == 0 for label in labels)
    teksten = [" ".join(label["text"]) for label in labels]
    kort = any("’" in t for t in teksten)
    for tekst, staaf in zip(teksten, staven):  # the data's label, or its year as ’41 when the bars are narrow
        assert tekst in (staaf, re.sub(r"[0-9]{2}([0-9]{2})$", r"’\1", staaf) if kort else staaf)
    grootte = 20 if presentatie else 16
    assert all(label["fontSize"] >= (16 if presentatie else 11) for label in labels)
    if breedte / len(staven) > 2.3 * grootte:
        assert teksten[0] == staven[0] and labels[0]["fontSize"] == grootte  # the first year in full while it fits
    vakken = _vakken(labels)
    assert not _overlappen(vakken, marge=1), teksten
    if naam == "uitgekeerd":
        assert staven[-1].startswith("uitgekeerd eind ") and labels[-1]["align"] == "left"
    else:
        assert staven[-1] == zinnen.NIET_VOOR and labels[-1]["align"] == "center"


def test_full_years_where_they_fit_and_short_ones_in_presentation_mode(specs):
    normaal = [" ".join(label["text"]) for label in _labels(specs["opraakjaar"], 760, False)["x"]]
    assert normaal[:2] == ["2026", "2027"] and normaal[-1] == zinnen.NIET_VOOR
    presentatie = [" ".join(label["text"]) for label in _labels(specs["opraakjaar"], 850, True)["x"]]
    assert presentatie[:3] == ["2026", "’27", "’28"] and presentatie[-1] == zinnen.NIET_VOOR[:-4] + "’41"


def test_run_out_svg_shows_not_before_under_the_last_bar(specs):
    svg = grafiek_svg(specs["opraakjaar"])
    regels = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    woorden = zinnen.NIET_VOOR.split()
    assert any(regels[i:i + len(woorden)] == woorden for i in range(len(regels))), regels
    assert "rotate(-40" not in svg and "rotate(320" not in svg


def test_reserve_fan_has_few_euro_ticks_that_do_not_touch(specs):
    lagen = [laag for laag in specs["reserve"]["layer"] if "axis" in laag["encoding"].get("y", {})]
    assert lagen and all(laag["encoding"]["y"]["axis"]["tickCount"] == 5 for laag in lagen)
    assert all(laag["encoding"]["y"]["axis"]["labelSeparation"] >= 12 for laag in lagen)
    for presentatie in (False, True):
        labels = [label for label in _labels(specs["reserve"], 760, presentatie)["y"] if label.get("opacity", 1) == 1]
        assert 3 <= len(labels) <= 6, [label["text"] for label in labels]
        assert all(label["text"].startswith("€ ") for label in labels)
        vakken = _vakken(labels)
        # at least a label's height apart, so they read as separate figures on a beamer
        assert not _overlappen(vakken, marge=labels[0]["fontSize"]), [label["text"] for label in labels]


def test_the_shared_euro_axis_keeps_vegas_ticks():
    """The shared euro axis (other charts) still has Vega's default ticks: the fan's own axis is what changed."""
    from core.charts import EURO_AS

    assert "tickCount" not in EURO_AS.to_dict()


def test_on_a_phone_every_fourth_year_and_every_outcome_keeps_its_label(uitgekeerd):
    labels = _labels(uitgekeerd, 300, False)["x"]
    teksten = [" ".join(label["text"]) if isinstance(label["text"], list) else label["text"] for label in labels]
    staven = [j for j, r in zip(uitgekeerd["datasets"]["jaren"]["jaar"].to_pylist(), uitgekeerd["datasets"]["jaren"]["reeks"].to_pylist())
              if r == grafieken.OPRAAK]
    assert teksten[-2:] == [zinnen.NIET_VOOR[:-4] + "’41", re.sub(r"[0-9]{2}([0-9]{2})$", r"’\1", staven[-1])]
    assert [t for t in teksten[:-2] if t] == ["’26", "’30", "’34", "’38"]
    assert not _overlappen(_vakken([label for label, t in zip(labels, teksten) if t]), marge=1), teksten
