"""The reserve projection against the regiobegroting 2026 (Uitvoeringsplan Zicht op Thuis, §4.1)."""

import pytest

from core.model.reserve import (
    alle_reserve_rijen, uitputting, uitputting_alleen_mo,
    begrotingsregels, eerste_tekortjaar, project_reserve, regeloverzicht, reserve_alleen_mo, resultaat_per_stroom,
)
from core.model.scenario import Scenario

COLUMNS = ["jaar", "baten", "lasten", "resultaat", "overige_onttrekking", "uitkering", "reserve_begin", "reserve_eind"]


def year(frame, jaar):
    return frame.set_index("jaar").loc[jaar]


def test_columns_and_years(basis):
    frame = project_reserve(Scenario(), basis)
    assert list(frame.columns[: len(COLUMNS)]) == COLUMNS
    assert list(frame["jaar"]) == [2026, 2027, 2028, 2029, 2030]
    # The begroting year, one forecast year under the centrumregeling, then extrapolated.
    assert list(frame["status"]) == ["begroting", "prognose"] + ["beleidsarm doorgetrokken"] * 3


def test_2026_reproduces_the_regiobegroting(basis):
    frame = project_reserve(Scenario(), basis)
    assert year(frame, 2026)["lasten"] == 18_563_486
    assert year(frame, 2026)["baten"] == 18_147_904
    assert year(frame, 2026)["reserve_begin"] == pytest.approx(3_805_532.37)
    assert year(frame, 2026)["overige_onttrekking"] == 1_010_000
    # The source rounds its results: -415.583 against -415.582 from its own lines.
    assert year(frame, 2026)["reserve_eind"] == pytest.approx(2_379_949.37, abs=3)


def test_results_per_stream(basis):
    streams = resultaat_per_stroom(Scenario(), basis).set_index(["jaar", "stroom"])
    assert streams.loc[(2026, "BW"), "resultaat"] == 850_803
    assert streams.loc[(2026, "MO"), "resultaat"] == pytest.approx(-1_266_386, abs=1)


def test_one_off_line_drops_after_2026(basis):
    frame = project_reserve(Scenario(), basis)
    assert year(frame, 2027)["baten"] == 18_147_904 - 130_861  # Compensatie DU MO 2025
    assert year(frame, 2027)["resultaat"] == pytest.approx(-415_582 - 130_861)
    kept = project_reserve(Scenario(eenmalig=[]), basis)
    assert year(kept, 2027)["baten"] == 18_147_904


def test_baseline_reserve_lasts_the_horizon(basis):
    frame = project_reserve(Scenario(), basis)
    assert eerste_tekortjaar(frame) is None
    assert eerste_tekortjaar(project_reserve(Scenario(eind_jaar=2035), basis)) == 2031


def test_mo_deficit_alone_explains_tot_en_met_2027(basis):
    """The begroting's 'dekking mogelijk tot en met 2027' holds only if MO is covered on its own."""
    assert eerste_tekortjaar(reserve_alleen_mo(Scenario(), basis)) == 2028


def test_indexation_applies_to_the_matching_lines(basis):
    frame = project_reserve(Scenario(du_mo_indexatie_pct=2.0), basis)
    du_mo_lines = 3_582_008 + 98_147  # DU MO-bijdrage and Compensatie DU MO 2026
    assert year(frame, 2027)["baten"] == pytest.approx(18_147_904 - 130_861 + du_mo_lines * 0.02)
    zorg = project_reserve(Scenario(zorgkosten_groei_pct=3.0), basis)
    assert year(zorg, 2028)["lasten"] == pytest.approx(18_563_486 + (11_963_646 + 5_304_402) * (1.03**2 - 1))


def test_cost_growth_brings_the_empty_year_forward(basis):
    assert eerste_tekortjaar(project_reserve(Scenario(zorgkosten_groei_pct=3.0), basis)) == 2028


@pytest.mark.parametrize("low, high", [(-5.0, 0.0), (0.0, 2.5), (2.5, 10.0)])
def test_higher_du_mo_indexation_never_lowers_the_reserve(basis, low, high):
    a = project_reserve(Scenario(du_mo_indexatie_pct=low), basis)["reserve_eind"]
    b = project_reserve(Scenario(du_mo_indexatie_pct=high), basis)["reserve_eind"]
    assert (b >= a - 1e-6).all()


def test_line_overview_names_character_and_indexation(basis):
    lines = regeloverzicht(Scenario(), basis).set_index("regel")
    assert lines.loc["Compensatie DU MO 2025", "karakter"] == "eenmalig"
    assert lines.loc["DU MO-bijdrage (100%)", "indexatie"] == "du_mo"
    assert lines.loc["IUBW-bijdrage Beschermd Wonen (95%)", "indexatie"] == "iubw"
    assert lines.loc["Zorg Beschermd Wonen", "indexatie"] == "zorgkosten"
    assert len(lines) == 12


# --- readings and assumptions of issue 7 -----------------------------------------------------


def test_the_run_out_year_is_searched_past_the_horizon_shown(basis):
    assert project_reserve(Scenario(), basis)["jaar"].max() == 2030
    assert uitputting(Scenario(), basis).jaar == 2031  # not "niet vóór 2031"
    assert uitputting(Scenario(eind_jaar=2027), basis).jaar == 2031
    rows = alle_reserve_rijen(Scenario(), basis)
    assert rows[-1]["jaar"] == 2040


def test_no_run_out_before_2040_is_the_only_open_answer(basis):
    u = uitputting(Scenario(du_mo_indexatie_pct=5.0, iubw_indexatie_pct=5.0), basis)
    assert (u.jaar, u.tot_en_met) == (None, 2040)


def test_dno_timing_moves_the_withdrawal(basis):
    later = project_reserve(Scenario(dno_uitstel_jaren=1), basis).set_index("jaar")
    assert later.loc[2026, "overige_onttrekking"] == 0 and later.loc[2027, "overige_onttrekking"] == 1_010_000
    assert later.loc[2026, "reserve_eind"] == pytest.approx(2_379_950.37 + 1_010_000)
    assert later.loc[2027, "reserve_eind"] == pytest.approx(year(project_reserve(Scenario(), basis), 2027)["reserve_eind"])


def test_compensatie_du_mo_2025_structural_lasts_a_year_longer(basis):
    structureel = Scenario(eenmalig=[])
    assert year(project_reserve(structureel, basis), 2027)["resultaat"] == pytest.approx(-546_443 + 130_861, abs=1)
    assert uitputting(structureel, basis).jaar == 2032


def test_du_mo_indexation_is_applied_once_to_the_du_mo_income(basis):
    """DU MO-bijdrage and compensatie DU MO together grow by the rate: no second compensation on top."""
    s = Scenario(du_mo_indexatie_pct=2.5)
    lines = begrotingsregels(s, basis)
    du_mo_2027 = lines[(lines.jaar == 2027) & (lines.indexatie == "du_mo")]["bedrag"].sum()
    assert du_mo_2027 == pytest.approx((3_582_008 + 98_147) * 1.025)
    baten = year(project_reserve(s, basis), 2027)["baten"] - year(project_reserve(Scenario(), basis), 2027)["baten"]
    assert baten == pytest.approx((3_582_008 + 98_147) * 0.025)


def test_loon_en_prijsindexatie_grows_the_lines_without_an_index(basis):
    s = Scenario(loon_prijs_indexatie_pct=2.0)
    lines = begrotingsregels(s, basis).set_index(["jaar", "regel"])
    assert lines.loc[(2027, "Personeel Beschermd Wonen"), "bedrag"] == pytest.approx(1_007_517 * 1.02)
    assert lines.loc[(2027, "Zorg Beschermd Wonen"), "bedrag"] == 11_963_646  # zorgkosten: its own rate (0)


def test_paid_out_when_the_centrumregeling_ends(basis):
    s = Scenario(reserve_na_centrumregeling=1)
    frame = project_reserve(s, basis).set_index("jaar")
    assert frame.loc[2027, "uitkering"] == pytest.approx(1_833_507.37)
    assert frame.loc[2027, "reserve_eind"] == 0 and (frame.loc[2028:, "reserve_eind"] == 0).all()
    assert set(frame.loc[2028:, "status"]) == {"uitgekeerd aan Maastricht"}
    u = uitputting(s, basis)
    assert (u.jaar, u.uitgekeerd_in) == (None, 2027)


def test_a_reserve_that_runs_out_before_the_payout_is_not_paid_out(basis):
    s = Scenario(reserve_na_centrumregeling=3, zorgkosten_groei_pct=10.0)
    u = uitputting(s, basis)
    assert (u.jaar, u.uitgekeerd_in) == (2028, None)


def test_mo_alone_explains_tot_en_met_2027(basis):
    assert uitputting_alleen_mo(Scenario(), basis).jaar == 2028


def _anders(parameter):
    """A value of ``parameter`` other than its baseline (the far end of its range)."""
    if parameter.widget == "toggle" or isinstance(parameter.standaard, bool):
        return not parameter.standaard
    if parameter.keuzes:
        return next(k for k in parameter.keuzes if k != parameter.standaard)
    if parameter.minimum is not None and parameter.maximum is not None:
        return parameter.maximum if parameter.standaard != parameter.maximum else parameter.minimum
    return None


def test_the_reserve_is_cached_on_exactly_what_it_reads(basis, monkeypatch):
    """Every assumption outside RESERVE_VELDEN moved to the end of its range: the reserve computed on
    the whole scenario (no key narrowing) equals the one cached on its reserve part alone."""
    from core.model import reserve as rsv
    from core.model.parameters import PARAMETERS

    anders = {p.naam: w for p in PARAMETERS if p.naam not in rsv.RESERVE_VELDEN and (w := _anders(p)) is not None}
    assert {"huisvesting_per_halfjaar", "instroom_pct", "huurtoeslag_grote_gezinnen"} <= set(anders)
    scenarios = [Scenario().met(**{naam: w}) for naam, w in anders.items()] + [Scenario(du_mo_indexatie_pct=2.0).met(**{
        naam: w for naam, w in anders.items() if naam != "wetsvoorstel_36831_ingang"})]
    from core.risico.simulatie import reservelijnen

    def alles(s):
        return rsv.alle_reserve_rijen(s, basis), rsv.stroom_rijen(s, basis), rsv.alleen_mo_rijen(s, basis), reservelijnen(s, basis).sleutel()

    gekeyed = {s: alles(s) for s in scenarios}
    monkeypatch.setattr(rsv, "reservedeel", lambda s: s)  # the caches now key on the whole scenario
    for s, verwacht in gekeyed.items():
        assert alles(s) == verwacht, s
