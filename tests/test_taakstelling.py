"""The taakstelling projection against the figures in the raadsinformatiebrief and the Provincie letter."""

import pandas as pd
import pytest

from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling

COLUMNS = [
    "periode", "taakstelling", "achterstand_begin", "opgave", "realisatie",
    "achterstand_eind", "norm_achterstand", "haalt_norm", "status",
]


def row(frame, periode):
    return frame.set_index("periode").loc[periode]


def test_columns_and_periods(basis):
    frame = project_taakstelling(Scenario(), basis)
    assert list(frame.columns[: len(COLUMNS)]) == COLUMNS
    assert frame["periode"].iloc[0] == "2024-H2"
    assert frame["periode"].iloc[-1] == "2030-H2"
    assert list(frame["status"].iloc[:4]) == ["gerealiseerd"] * 4
    assert frame.loc[frame["status"] == "prognose", "periode"].iloc[0] == "2026-H2"


@pytest.mark.parametrize(
    "periode, column, expected",
    [
        ("2024-H2", "taakstelling", 116),  # Provincie: afspraak 1, brief 26 september 2024
        ("2024-H2", "achterstand_begin", 91),  # achterstand per 1 juli 2024
        ("2025-H1", "achterstand_eind", 75),  # per 1 juli 2025
        ("2025-H2", "realisatie", 95),  # COA, 1 juli 2025 tot 1 januari 2026
        ("2025-H2", "achterstand_eind", 71),  # per 1 januari 2026
        ("2026-H1", "opgave", 175),  # 104 + 71
        ("2026-H1", "realisatie", 96),  # raadsinformatiebrief 20 mei 2026
        ("2026-H1", "achterstand_eind", 71),  # reported, not the implied 79
        ("2026-H2", "opgave", 184),  # 113 + 71
        ("2026-H2", "norm_achterstand", 36),
        ("2027-H1", "norm_achterstand", 18),
        ("2027-H2", "norm_achterstand", 0),
    ],
)
def test_reproduces_source_figures(basis, periode, column, expected):
    assert row(project_taakstelling(Scenario(), basis), periode)[column] == expected


def test_history_judged_as_the_provincie_did(basis):
    frame = project_taakstelling(Scenario(), basis)
    assert bool(row(frame, "2024-H2")["haalt_norm"]) is True  # afspraak 1 nagekomen
    assert bool(row(frame, "2025-H1")["haalt_norm"]) is False  # afspraak 2 niet nagekomen


def test_baseline_forecast_at_current_pace(basis):
    frame = project_taakstelling(Scenario(), basis)
    assert row(frame, "2026-H2")["realisatie"] == 96
    assert row(frame, "2026-H2")["achterstand_eind"] == 184 - 96
    assert row(frame, "2027-H1")["taakstelling"] == 113  # last known taakstelling
    assert row(frame, "2027-H1")["achterstand_eind"] == 88 + 113 - 96


def test_instroom_scales_unknown_taakstellingen_only(basis):
    frame = project_taakstelling(Scenario(instroom_pct=20), basis)
    assert row(frame, "2026-H2")["taakstelling"] == 113  # already set by the Rijk
    assert row(frame, "2027-H1")["taakstelling"] == round(113 * 1.2)


def test_pace_above_opgave_creates_no_credit(basis):
    frame = project_taakstelling(Scenario(huisvesting_per_halfjaar=300), basis)
    assert row(frame, "2026-H2")["realisatie"] == 184
    assert (frame.loc[frame["status"] == "prognose", "achterstand_eind"] == 0).all()


def test_without_huurtoeslag_large_families_wait_for_har_plus(basis):
    zonder = Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.10, har_plus_budget=0)
    frame = project_taakstelling(zonder, basis)
    # The raadsinformatiebrief reports that the 2026 rules house large families: the switch
    # is about the years after, so 2026-H2 keeps its 96 and 2027-H1 loses 10% of 96.
    assert row(frame, "2026-H2")["realisatie"] == 96
    assert row(frame, "2027-H1")["realisatie"] == 86
    assert row(frame, "2027-H1")["niet_geplaatst_grote_gezinnen"] == 10


def test_har_plus_budget_buys_whole_households_until_spent(basis):
    scenario = Scenario(
        huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.10,
        har_plus_budget=100_000, har_plus_kosten_per_huishouden=42_500,
    )
    frame = project_taakstelling(scenario, basis)
    # 10 persons need 2 households of six: € 85.000, leaving € 15.000 (no whole household).
    assert row(frame, "2026-H2")["har_plus_huishoudens"] == 0
    assert row(frame, "2027-H1")["har_plus_huishoudens"] == 2
    assert row(frame, "2027-H1")["realisatie"] == 96
    assert row(frame, "2027-H2")["har_plus_huishoudens"] == 0
    assert row(frame, "2027-H2")["realisatie"] == 86


def test_placements_needed_for_the_norm_path(basis):
    needed = benodigde_plaatsingen(Scenario(), basis).set_index("periode")
    assert needed.loc["2026-H2", "nodig"] == 148  # 184 - 36, DOMAIN.md example
    assert needed.loc["2027-H1", "nodig"] == 36 + 113 - 18
    assert needed.loc["2027-H2", "nodig"] == 18 + 113 - 0
    assert needed.loc["2028-H1", "nodig"] == 113  # each taakstelling within its half year
    assert needed.loc["2026-H2", "verschil"] == 96 - 148


@pytest.mark.parametrize("low, high", [(-50, 0), (0, 20), (20, 100)])
def test_more_instroom_never_lowers_the_backlog(basis, low, high):
    a = project_taakstelling(Scenario(instroom_pct=low), basis)["achterstand_eind"]
    b = project_taakstelling(Scenario(instroom_pct=high), basis)["achterstand_eind"]
    assert (b >= a).all()


@pytest.mark.parametrize("pace", [0, 50, 96, 150, 300])
def test_faster_housing_never_raises_the_backlog(basis, pace):
    slower = project_taakstelling(Scenario(huisvesting_per_halfjaar=pace), basis)["achterstand_eind"]
    faster = project_taakstelling(Scenario(huisvesting_per_halfjaar=min(pace + 10, 300)), basis)["achterstand_eind"]
    assert (faster <= slower).all()


def test_each_half_year_names_the_soort_and_source_of_its_figures(basis):
    frame = project_taakstelling(Scenario(), basis).set_index("periode")
    assert frame.loc["2025-H2", "herkomst"] == (
        "taakstelling afgeleid (Provincie Limburg 10 maart 2026, peildatum 1 januari 2026); "
        "realisatie gerapporteerd (Provincie Limburg 10 maart 2026, peildatum 1 januari 2026); "
        "achterstand gerapporteerd (Provincie Limburg 10 maart 2026, peildatum 1 januari 2026)"
    )
    assert frame.loc["2026-H2", "herkomst"] == (
        "prognose uit de scenario-aannames; "
        "taakstelling gerapporteerd (raadsinformatiebrief 20 mei 2026, peildatum 20 mei 2026)"
    )
    # 2024-H2's figures are not in the sources: their soort says so.
    assert "realisatie afgeleid" in frame.loc["2024-H2", "herkomst"]
    assert "achterstand aanname" in frame.loc["2024-H2", "herkomst"]


# --- readings of the raadsinformatiebrief ---------------------------------------------------

LEZING_B = Scenario(lezing_raadsinformatiebrief="b")


def test_reading_a_takes_the_letters_own_sum(basis):
    frame = project_taakstelling(Scenario(), basis).set_index("periode")
    assert frame.loc["2026-H1", "status"] == "gerealiseerd"
    assert (frame.loc["2026-H1", "realisatie"], frame.loc["2026-H1", "achterstand_eind"]) == (96, 71)
    assert frame.loc["2026-H2", "opgave"] == 184  # 113 + 71, the letter's sum


def test_reading_b_reads_96_as_a_count_up_to_20_mei(basis):
    frame = project_taakstelling(LEZING_B, basis).set_index("periode")
    # 96 in the 139 days from 1 januari to 20 mei; the same pace for the 42 days to 1 juli gives 29 more.
    assert frame.loc["2026-H1", "status"] == "tussenstand"
    assert frame.loc["2026-H1", "realisatie"] == 96 + round(96 * 42 / 139) == 125
    assert frame.loc["2026-H1", "achterstand_eind"] == 71 + 104 - 125 == 50
    assert frame.loc["2026-H2", "opgave"] == 113 + 50
    assert bool(frame.loc["2026-H1", "haalt_norm"]) is True  # at most 71 on 1 juli 2026


@pytest.mark.parametrize("tempo, extra", [(0, 0), (50, 15), (100, 29), (200, 58)])
def test_placements_after_the_interim_count_follow_their_own_control(basis, tempo, extra):
    frame = project_taakstelling(LEZING_B.met(tempo_na_tussenstand_pct=tempo), basis).set_index("periode")
    assert frame.loc["2026-H1", "realisatie"] == 96 + extra
    assert frame.loc["2026-H1", "achterstand_eind"] == max(0, 175 - 96 - extra)


def test_the_interim_control_does_nothing_under_reading_a(basis):
    assert project_taakstelling(Scenario(tempo_na_tussenstand_pct=0), basis).equals(project_taakstelling(Scenario(), basis))


def test_reading_b_needs_fewer_placements_for_the_first_deadline(basis):
    needed = benodigde_plaatsingen(LEZING_B, basis).set_index("periode")
    assert needed.loc["2026-H2", "achterstand_begin"] == 50
    assert needed.loc["2026-H2", "nodig"] == 50 + 113 - 36


# --- past the last deadline, and the municipality's own plan -------------------------------


def test_the_norm_carries_on_to_the_horizon_after_the_last_deadline(basis):
    frame = project_taakstelling(Scenario(eind_jaar=2035), basis).set_index("periode")
    later = frame.loc["2028-H1":]
    assert (later["norm_achterstand"] == 0).all() and len(later) == 16
    assert later["beleidsarm"].all() and not frame.loc[:"2027-H2", "beleidsarm"].any()
    assert not later["haalt_norm"].any()  # 96 a half year never houses 113 + the backlog


def test_the_municipalitys_own_plan_spreads_the_backlog_over_four_half_years(basis):
    frame = project_taakstelling(Scenario(), basis).set_index("periode")
    # 71 on 1 januari 2026 (before the e-mail's next half year), in four equal parts, rounded up.
    assert list(frame["plan_achterstand"].dropna()) == [54, 36, 18, 0]
    assert list(frame["plan_achterstand"].dropna().index) == ["2026-H1", "2026-H2", "2027-H1", "2027-H2"]
    needed = benodigde_plaatsingen(Scenario(), basis).set_index("periode")
    assert needed.loc["2026-H2", "nodig_plan"] == 71 + 113 - 36
    assert needed.loc["2027-H1", "nodig_plan"] == 36 + 113 - 18
    assert pd.isna(needed.loc["2028-H1", "nodig_plan"])  # the plan ends with the fourth half year
