"""The tornado: each bar is the deterministic model at the ends of one assumption's range."""

from core.model.reserve import alle_reserve_rijen, eerste_tekortjaar
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling
from core.risico.gevoeligheid import OPRAAKJAAR, gevarieerd, gevoeligheid


def test_one_tornado_per_provincie_deadline_and_one_for_the_run_out_year(basis):
    tornados = gevoeligheid(Scenario(), basis)
    assert [t.uitkomst for t in tornados] == ["2026-H2", "2027-H1", "2027-H2", OPRAAKJAAR]
    assert tornados[0].scenario_waarde == 88 and tornados[-1].scenario_waarde == 2031


def test_bars_are_the_model_at_both_ends_and_sorted_by_swing(basis):
    s = Scenario(huisvesting_per_halfjaar=120)
    tornado = gevoeligheid(s, basis)[2]  # achterstand 1 januari 2028
    assert [b.uitslag for b in tornado.balken] == sorted((b.uitslag for b in tornado.balken), reverse=True)
    for balk in tornado.balken:
        for waarde, uitkomst in ((balk.laag, balk.bij_laag), (balk.hoog, balk.bij_hoog)):
            t = project_taakstelling(s.met(**{balk.parameter.naam: waarde}), basis).set_index("periode")
            assert t.loc["2027-H2", "achterstand_eind"] == uitkomst
    assert tornado.balken[0].parameter.naam == "huisvesting_per_halfjaar"
    assert {b.parameter.naam for b in tornado.balken} >= {"instroom_pct", "wetsvoorstel_36831"}


def test_the_run_out_year_tornado_names_the_reserve_assumptions(basis):
    tornado = gevoeligheid(Scenario(), basis)[-1]
    namen = [b.parameter.naam for b in tornado.balken]
    assert set(namen) >= {"du_mo_indexatie_pct", "iubw_indexatie_pct", "zorgkosten_groei_pct", "reserve_na_centrumregeling"}
    assert all(b.parameter.groep == "Beschermd Thuis / MO" for b in tornado.balken)
    zorg = next(b for b in tornado.balken if b.parameter.naam == "zorgkosten_groei_pct")
    hoog = alle_reserve_rijen(Scenario(zorgkosten_groei_pct=zorg.hoog), basis)
    assert zorg.bij_hoog == eerste_tekortjaar(hoog) and zorg.bij_laag is None  # falling costs: not before 2041


def test_spreads_and_budgets_are_not_varied():
    namen = {p.naam for p in gevarieerd()}
    assert "spreiding_taakstelling_pct" not in namen and "kosten_per_extra_statushouder" not in namen
    assert "eind_jaar" not in namen and "huisvesting_per_halfjaar" in namen


def test_each_assumption_moves_only_the_side_its_group_declares(basis):
    """The tornado caches each side on the assumptions of that side (drijft_reserve): check the declaration."""
    from core.model.reserve import project_reserve
    from core.risico.gevoeligheid import _uiteinden, drijft_reserve

    for s0 in (Scenario(eind_jaar=2040), Scenario(eind_jaar=2040, huurtoeslag_grote_gezinnen=False, wetsvoorstel_36831=True)):
        basis_t, basis_r = project_taakstelling(s0, basis), project_reserve(s0, basis)
        for parameter in gevarieerd():
            for waarde in _uiteinden(parameter):
                s = s0.met(**{parameter.naam: waarde})
                if drijft_reserve(parameter):
                    assert project_taakstelling(s, basis)["achterstand_eind"].tolist() == basis_t["achterstand_eind"].tolist()
                else:
                    assert project_reserve(s, basis)["reserve_eind"].tolist() == basis_r["reserve_eind"].tolist(), parameter.naam


def test_the_simulations_own_assumptions_do_not_move_the_model(basis):
    """The simulation reuses the model's projection when only a spread or the seed changes: check that holds."""
    from core.model.parameters import ONZEKERHEID, PARAMETERS
    from core.model.reserve import project_reserve

    eigen = [p for p in PARAMETERS if p.groep == ONZEKERHEID]
    s = Scenario(**{p.naam: p.opties[-1] if p.widget == "select_slider" else int(p.maximum) for p in eigen})
    assert project_taakstelling(s, basis)["achterstand_eind"].tolist() == project_taakstelling(Scenario(), basis)["achterstand_eind"].tolist()
    assert project_reserve(s, basis)["reserve_eind"].tolist() == project_reserve(Scenario(), basis)["reserve_eind"].tolist()
