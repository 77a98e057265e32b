"""Plausibility: each check names the figure it is checked against; the defaults are derived from the seeds."""

import shutil

import pytest

from core.data import build_database, load_basis
from core.model.parameters import PARAMETERS_BY_NAME
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling
from core.risico import plausibiliteit as pl
from core.tekst.zinnen import bevinding_zin
from tests.conftest import PROJECT_DIR


def test_the_baseline_is_plausible(basis):
    assert pl.controleer(Scenario(), basis) == []


@pytest.mark.parametrize(
    "scenario, regel, ernst, figuren",
    [
        (Scenario(huisvesting_per_halfjaar=260), "tempo_markt", pl.WAARSCHUWING, ["260", "250", "500", "1.000"]),
        (Scenario(huisvesting_per_halfjaar=150), "tempo_markt_helft", pl.LET_OP, ["150", "250"]),
        (Scenario(instroom_pct=100), "instroom", pl.WAARSCHUWING, ["+100%", "13.000", "21.200", "63%"]),
        (Scenario(instroom_pct=-45), "instroom", pl.WAARSCHUWING, ["-45%", "39%"]),
        (Scenario(du_mo_indexatie_pct=10.0, zorgkosten_groei_pct=9.0), "du_mo_indexatie", pl.WAARSCHUWING,
         ["10%", "€ 358.201", "€ 130.861", "€ 98.147"]),
        (Scenario(du_mo_indexatie_pct=-1.0), "du_mo_indexatie", pl.WAARSCHUWING, ["-1%"]),
        (Scenario(du_mo_indexatie_pct=3.0), "groei", pl.LET_OP, ["3%", "0%"]),
        (Scenario(spreiding_realisatie_pct=5), "spreiding_realisatie", pl.LET_OP, ["5%", "11%"]),
        (Scenario(spreiding_taakstelling_pct=0), "spreiding_taakstelling", pl.LET_OP, ["0%", "19%"]),
        (Scenario(har_plus_kosten_per_huishouden=60_000), "har_plus_kosten", pl.LET_OP, ["€ 60.000", "€ 35.000", "€ 50.000"]),
        (Scenario(huurtoeslag_grote_gezinnen=False), "grote_gezinnen", pl.LET_OP, ["10%"]),
    ],
)
def test_implausible_assumptions_are_named_with_their_figures(basis, scenario, regel, ernst, figuren):
    bevinding = next(b for b in pl.controleer(scenario, basis) if b.regel == regel)
    assert bevinding.ernst == ernst and bevinding.toets
    zin = bevinding_zin(bevinding)
    for figuur in figuren:
        assert figuur in zin, (figuur, zin)


def test_warnings_come_first(basis):
    gevonden = pl.controleer(Scenario(huisvesting_per_halfjaar=300, du_mo_indexatie_pct=3.0), basis)
    assert [b.ernst for b in gevonden] == [pl.WAARSCHUWING, pl.LET_OP]


def test_a_reserve_start_that_contradicts_the_jaarrekening(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_DIR / "data" / "seeds", seeds)
    with (seeds / "kengetallen.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "reserve,stand_jaarrekening,2025,Stand reserve Beschermd Thuis volgens de jaarrekening 2025,3650000,euro,"
            "regiobegroting_2026,jaarrekening 2025,2026-04,gerapporteerd,false,\n"
        )
    build_database(tmp_path / "db.duckdb", seeds)
    basis = load_basis(tmp_path / "db.duckdb")
    bevinding = next(b for b in pl.controleer(Scenario(), basis) if b.regel == "jaarrekening")
    zin = bevinding_zin(bevinding)
    assert bevinding.ernst == pl.WAARSCHUWING and "€ 3.805.532,37" in zin and "€ 3.650.000,00" in zin and "€ -155.532,37" in zin


def test_spread_defaults_are_the_historical_swings(basis):
    assert PARAMETERS_BY_NAME["spreiding_taakstelling_pct"].standaard == round(pl.historische_spreiding_taakstelling(basis))
    assert PARAMETERS_BY_NAME["spreiding_realisatie_pct"].standaard == round(pl.historische_spreiding_realisatie(basis))


def test_the_cost_per_extra_statushouder_default_is_its_derivation(basis):
    """(Inburgering + VluchtelingenWerk) in the begroting year over the statushouders the baseline houses that year."""
    jaar = str(basis.basisjaar)
    budget = basis.kengetal("budget", "570610905", jaar) + basis.kengetal("budget", "570610901", jaar)
    t = project_taakstelling(Scenario(), basis)
    gehuisvest = t.loc[t["periode"].str.startswith(jaar), "realisatie"].sum()
    parameter = PARAMETERS_BY_NAME["kosten_per_extra_statushouder"]
    assert parameter.standaard == round(budget / gehuisvest / parameter.stap) * parameter.stap
