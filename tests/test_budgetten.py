"""Opvang and integratie budgets: the beleidskader's figures, how they move, and the Reserve Vreemdelingen under its cap."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data import build_database, load_basis
from core.model import budgetten
from core.model.scenario import Scenario
from tests.conftest import PROJECT_DIR


def test_the_beleidskader_tables(basis):
    overzicht = budgetten.budgetoverzicht(basis).set_index("sleutel")
    assert overzicht.loc["570610905", "2024"] == 620_987  # Inburgering
    assert overzicht.loc["570610901", "2027"] == 88_220  # VluchtelingenWerk, afgebouwd
    assert overzicht.loc["su_wet_inburgering", "2026"] == 1_250_000
    assert overzicht.loc["075597128", "2025"] == 400_000
    assert bool(overzicht.loc["faciliteitenbesluit", "raming"]) and overzicht.loc["faciliteitenbesluit", "beweegt_met"]
    assert budgetten.plafond(basis) == 400_000


def test_the_baseline_is_the_source(basis):
    p = budgetten.prognose(Scenario(), basis)
    assert p["jaar"].tolist() == list(range(2024, 2031))
    assert (p["su_scenario"] == p["su_bron"]).all() and (p["faciliteiten_scenario"] == p["faciliteiten_bron"]).all()
    assert (p["reserve_eind"] == 400_000).all() and (p["tekort"] == 0).all() and (p["boven_plafond"] == 0).all()
    assert p.loc[p["jaar"] == 2028, "status"].item() == "beleidsarm doorgetrokken"


def test_more_placements_cost_money_and_draw_on_the_reserve(basis):
    s = Scenario(huisvesting_per_halfjaar=150)
    p = budgetten.prognose(s, basis).set_index("jaar")
    assert p.loc[2026, "extra_statushouders"] == 150 - 96  # 2026-H2 only
    assert p.loc[2026, "extra_kosten"] == 54 * s.kosten_per_extra_statushouder
    assert p.loc[2026, "su_scenario"] == pytest.approx(1_250_000 * (96 + 150) / (96 + 96))
    assert p.loc[2026, "onttrekking"] == p.loc[2026, "tekort"] == 54 * 3_250
    assert p.loc[2026, "reserve_eind"] == 400_000 - 54 * 3_250
    assert p["niet_gedekt"].sum() > 0 and p["reserve_eind"].min() == 0


def test_a_surplus_above_the_cap_is_not_retainable(basis):
    p = budgetten.prognose(Scenario(instroom_pct=50), basis).set_index("jaar")
    extra = p.loc[2028, "faciliteiten_scenario"] - 175_000  # the 2027 taakstelling (+50%) fills the AZC on 1 januari 2028
    assert extra == pytest.approx(175_000 * (2 * 170) / (2 * 113) - 175_000)
    assert p.loc[2028, "boven_plafond"] == pytest.approx(extra) and p.loc[2028, "reserve_eind"] == 400_000
    assert p.loc[2027, "boven_plafond"] == 0  # 2026's taakstellingen were set by the Rijk


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tempo=st.integers(0, 300), instroom=st.integers(-10, 20).map(lambda v: v * 5),
    kosten=st.integers(0, 60).map(lambda v: v * 250), eind=st.integers(2027, 2040),
)
def test_the_reserve_vreemdelingen_never_exceeds_its_cap(basis, tempo, instroom, kosten, eind):
    s = Scenario(huisvesting_per_halfjaar=tempo, instroom_pct=instroom, kosten_per_extra_statushouder=kosten, eind_jaar=eind)
    p = budgetten.prognose(s, basis)
    assert (p["reserve_begin"] <= 400_000).all() and (p["reserve_eind"] <= 400_000).all() and (p["reserve_eind"] >= 0).all()
    assert (p["reserve_eind"] == p["reserve_begin"] - p["onttrekking"] + p["toevoeging"]).all()
    assert p["tekort"].tolist() == pytest.approx((p["onttrekking"] + p["niet_gedekt"]).tolist())
    assert (p[["onttrekking", "niet_gedekt", "toevoeging", "boven_plafond"]] >= 0).all().all()


def test_a_start_above_the_cap_is_cut_to_the_cap(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_DIR / "data" / "seeds", seeds)
    kengetallen = seeds / "kengetallen.csv"
    kengetallen.write_text(kengetallen.read_text(encoding="utf-8").replace(
        "budget,075597128,2024,Reserve Vreemdelingen,400000", "budget,075597128,2024,Reserve Vreemdelingen,450000"
    ), encoding="utf-8")
    build_database(tmp_path / "db.duckdb", seeds)
    p = budgetten.prognose(Scenario(), load_basis(tmp_path / "db.duckdb")).set_index("jaar")
    assert p.loc[2024, "reserve_begin"] == 400_000 and p.loc[2024, "boven_plafond"] == 50_000
