"""Policy switches: wetsvoorstel 36831 cuts the pace in the deterministic model; HAR+ in figures."""

from datetime import date

import pytest

from core.model import beleid
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling
from core.risico.beleidsrisico import har_plus, wetsvoorstel


@pytest.mark.parametrize("waarde, datum", [(2027.0, date(2027, 1, 1)), (2027.5, date(2027, 7, 1)), (2026.5, date(2026, 7, 1))])
def test_the_date_is_stored_as_a_year_and_a_half(waarde, datum):
    assert beleid.ingangsdatum(waarde) == datum


def test_the_switch_cuts_urgent_placements_from_its_date(basis):
    s = Scenario(wetsvoorstel_36831=True, wetsvoorstel_36831_ingang=2027.5, wetsvoorstel_36831_aandeel_urgent=0.8,
                 wetsvoorstel_36831_korting_pct=50)
    assert beleid.tempo(s, "2027-H1") == 96
    assert beleid.tempo(s, "2027-H2") == round(96 * (1 - 0.8 * 0.5)) == 58
    t = project_taakstelling(s, basis).set_index("periode")
    assert t.loc["2027-H1", "realisatie"] == 96 and t.loc["2027-H2", "realisatie"] == 58
    assert project_taakstelling(s.met(wetsvoorstel_36831=False), basis).set_index("periode").loc["2027-H2", "realisatie"] == 96


def test_wetsvoorstel_effect_at_the_horizon(basis):
    w = wetsvoorstel(Scenario(), basis)
    assert not w.aan and w.vanaf == "2027-H1" and (w.tempo_zonder, w.tempo_met) == (96, 48)
    zonder = project_taakstelling(Scenario(), basis)["achterstand_eind"].iloc[-1]
    met = project_taakstelling(Scenario(wetsvoorstel_36831=True), basis)["achterstand_eind"].iloc[-1]
    assert (w.achterstand_zonder, w.achterstand_met) == (zonder, met) and met > zonder
    assert wetsvoorstel(Scenario(wetsvoorstel_36831_ingang=2032.0), basis).vanaf is None  # after the horizon 2030


def test_har_plus_reach_and_exhaustion(basis):
    s = Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.3, har_plus_budget=500_000)
    h = har_plus(s, basis)
    assert h.nodig and h.huishoudens_mogelijk == 500_000 // 42_500 == 11 and h.personen_mogelijk == 66
    t = project_taakstelling(s, basis)
    assert sum(n for _p, n in h.huishoudens_per_periode) == t["har_plus_huishoudens"].sum() == 11
    assert h.uitgeput_in == t.loc[t["har_plus_huishoudens"] > 0, "periode"].iloc[-1]
    assert h.niet_geplaatst == t["niet_geplaatst_grote_gezinnen"].sum() > 0
    assert not har_plus(Scenario(), basis).nodig
