"""Comparing the baseline with saved and current scenarios."""

import pandas as pd
import pytest

from core import charts, opslag
from core.model import vergelijken as vgl
from core.data import load_basis
from core.model.scenario import Scenario


@pytest.fixture
def saved(db_path):
    load_basis(db_path)
    return [
        opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path),
        opslag.bewaar(Scenario(huisvesting_per_halfjaar=150, zorgkosten_groei_pct=3.0), "Versnellen", "", 1, path=db_path),
    ]


def test_key_outcomes_side_by_side(basis, saved):
    frame = vgl.uitkomsten(vgl.varianten(saved), basis).set_index("uitkomst")
    assert list(frame.columns) == ["eenheid", "Basisscenario", "Hoge instroom", "Versnellen"]
    assert frame.loc["Achterstand 1 januari 2027 (norm 36)", "Versnellen"] == 34
    assert frame.loc["Achterstand 1 juli 2027 (norm 18)", "Hoge instroom"] == 88 + 136 - 96
    assert frame.loc["Deadlines van de Provincie gehaald", "Versnellen"] == 3
    assert frame.loc["Reserve raakt op in", "Versnellen"] == 2028
    assert frame.loc["Reserve raakt op in", "Basisscenario"] == 2031  # computed past the horizon shown


def test_differences_against_the_baseline(basis, saved):
    diff = vgl.verschillen(vgl.uitkomsten(vgl.varianten(saved), basis)).set_index("uitkomst")
    assert diff.loc["Achterstand 1 januari 2027 (norm 36)", "Versnellen"] == 34 - 88
    assert diff.loc["Opgave 2e helft 2026", "Hoge instroom"] == 0
    assert pd.isna(diff.loc["Reserve raakt op in", "Versnellen"])  # a year is not a quantity


def test_current_scenario_and_at_most_four(basis, saved):
    current = Scenario(du_mo_indexatie_pct=2.0)
    variants = vgl.varianten(saved * 3, current)
    assert [v.naam for v in variants][:2] == ["Basisscenario", vgl.HUIDIG]
    assert len(variants) == 1 + vgl.MAX_VARIANTEN


def test_colours_are_stable_per_scenario_and_distinct(saved):
    first = vgl.varianten(saved)
    reversed_ = vgl.varianten(list(reversed(saved)))
    colours = {v.naam: v.kleur for v in first}
    assert colours == {v.naam: v.kleur for v in reversed_}
    assert len(set(colours.values())) == len(colours)
    assert colours["Basisscenario"] == charts.KLEUREN[charts.BASIS]


def test_compare_chart_uses_the_scenario_colours(basis, saved):
    variants = vgl.varianten(saved)
    kleuren = {v.naam: v.kleur for v in variants}
    spec = charts.vergelijk_spec(vgl.reserve_reeksen(variants, basis), kleuren, "jaar", "reserve_eind", "Reserve", euro=True)
    scales = [l["encoding"]["color"]["scale"] for l in spec["layer"] if "color" in l.get("encoding", {})]
    assert scales and all(s == {"domain": list(kleuren), "range": list(kleuren.values())} for s in scales)
    assert set(spec["datasets"]["reeksen"]["variant"].to_pylist()) == set(kleuren)


def test_display_is_dutch(basis, saved):
    uitkomsten, verschillen = vgl.schermtabellen(vgl.varianten(saved), basis)
    rij = {label: i for i, label in enumerate(uitkomsten["Uitkomst"])}
    assert uitkomsten["Basisscenario"][rij["Reserve eind 2026"]] == "€ 2.379.950"
    assert uitkomsten["Basisscenario"][rij["Reserve raakt op in"]] == "2031"
    assert uitkomsten["Versnellen"][rij["Opgave 2e helft 2026"]] == "184"
    assert verschillen["Uitkomst"] == uitkomsten["Uitkomst"] and "Basisscenario" not in verschillen
    assert verschillen["Versnellen"][rij["Reserve raakt op in"]] == "–"  # a year has no difference


def test_the_screen_says_what_the_downloads_hold(basis, saved):
    """The on-screen text (cached per scenario, no pandas) and the download frames (numbers) agree cell by cell."""
    variants = vgl.varianten(saved, huidig=Scenario(instroom_pct=25, eind_jaar=2035))
    uitkomsten, verschillen = vgl.schermtabellen(variants, basis)
    for tekst, frame, signed in (
        (uitkomsten, vgl.uitkomsten(variants, basis), False),
        (verschillen, vgl.verschillen(vgl.uitkomsten(variants, basis)), True),
    ):
        assert tekst["Uitkomst"] == list(frame["uitkomst"])
        for naam in frame.columns[2:]:
            verwacht = [vgl._tekst(v, unit, signed) for v, unit in zip(frame[naam], frame["eenheid"])]
            assert tekst[naam] == verwacht, naam
    rij = uitkomsten["Uitkomst"].index("Achterstand 1 juli 2027 (norm 18)")
    # 25% more instroom: 133 instead of 105, and the difference is shown with its sign
    assert (uitkomsten[vgl.BASIS_NAAM][rij], uitkomsten[vgl.HUIDIG][rij], verschillen[vgl.HUIDIG][rij]) == ("105", "133", "+28")


def test_the_page_opens_with_the_current_scenario_and_the_newest_saved_ones(saved, db_path):
    extra = [opslag.bewaar(Scenario(instroom_pct=n), f"Variant {n}", "", 1, path=db_path) for n in (5, 10, 15)]
    opgeslagen = opslag.lijst(db_path)
    assert vgl.standaardkeuze(Scenario(), opgeslagen) == ["Variant 15", "Variant 10", "Variant 5", "Versnellen"]
    assert vgl.standaardkeuze(Scenario(instroom_pct=50), opgeslagen) == [vgl.HUIDIG, "Variant 15", "Variant 10", "Variant 5"]
    assert vgl.standaardkeuze(Scenario(), []) == []
    assert len(extra) == 3
