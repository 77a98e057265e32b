"""Reading a scenario from a link: every obvious spelling accepted, nothing else, nothing echoed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model.link import MAX_LENGTE, OngeldigeLinkwaarde, lees_scenario, lees_waarde
from core.model.parameters import PARAMETERS, PARAMETERS_BY_NAME
from core.model.scenario import Scenario
from core.tekst import zinnen

REGELS = ["Compensatie DU MO 2025", "Compensatie DU MO 2026", "Zorg Beschermd Wonen"]
P = PARAMETERS_BY_NAME


def test_every_scenario_survives_its_own_link():
    s = Scenario(
        instroom_pct=20, huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.15, har_plus_budget=500_000,
        lezing_raadsinformatiebrief="b", du_mo_indexatie_pct=2.5, eenmalig=[], dno_uitstel_jaren=2, eind_jaar=2035,
    )
    query = s.naar_query()
    assert query["du_mo_indexatie_pct"] == ["2,5%"] and query["har_plus_budget"] == ["€ 500.000"]
    assert query["eenmalig"] == [""] and "huisvesting_per_halfjaar" not in query  # defaults stay out
    assert lees_scenario(query, REGELS) == (s, {})


@pytest.mark.parametrize(
    "naam, raw, waarde",
    [
        ("du_mo_indexatie_pct", "2,5%", 2.5), ("du_mo_indexatie_pct", "2.5", 2.5), ("du_mo_indexatie_pct", "2,5", 2.5),
        ("du_mo_indexatie_pct", "2.0", 2.0), ("du_mo_indexatie_pct", "2", 2.0), ("du_mo_indexatie_pct", "2,5 %", 2.5),
        ("du_mo_indexatie_pct", "-1.5", -1.5), ("zorgkosten_groei_pct", " 10 ", 10.0),
        ("har_plus_budget", "€ 500.000", 500_000), ("har_plus_budget", "500000", 500_000), ("har_plus_budget", "500.000", 500_000),
        ("aandeel_grote_gezinnen", "15%", 0.15), ("aandeel_grote_gezinnen", "0,15", 0.15), ("aandeel_grote_gezinnen", "15", 0.15),
        ("huisvesting_per_halfjaar", "150", 150), ("huisvesting_per_halfjaar", "150.0", 150), ("instroom_pct", "+20", 20),
        ("instroom_pct", "-50", -50), ("huurtoeslag_grote_gezinnen", "false", False), ("huurtoeslag_grote_gezinnen", "Nee", False),
        ("lezing_raadsinformatiebrief", "b", "b"), ("lezing_raadsinformatiebrief", "(b) tussenstand", "b"),
        ("dno_uitstel_jaren", "1", 1), ("dno_uitstel_jaren", "een jaar later", 1), ("eind_jaar", "2035", 2035),
    ],
)
def test_obvious_spellings_are_accepted(naam, raw, waarde):
    assert lees_waarde(P[naam], [raw], REGELS) == waarde


@pytest.mark.parametrize(
    "naam, raw, reden",
    [
        ("huisvesting_per_halfjaar", "100.5", "geen stap van de schuif"),
        ("instroom_pct", "-1", "geen stap van de schuif (stappen van 5%)"),
        ("instroom_pct", "9999", "buiten het bereik"),
        ("huisvesting_per_halfjaar", "٣", "geen getal"),
        ("huisvesting_per_halfjaar", "１２", "geen getal"),
        ("huisvesting_per_halfjaar", "1" * 5000, "te lang"),
        ("du_mo_indexatie_pct", "2.55", "geen stap"),
        ("du_mo_indexatie_pct", "veel", "geen getal"),
        ("huurtoeslag_grote_gezinnen", "misschien", "geen ja/nee-waarde"),
        ("lezing_raadsinformatiebrief", "c", "geen van de keuzes"),
        ("eenmalig", "Bestaat niet", "een begrotingsregel die niet bestaat"),
    ],
)
def test_everything_else_is_refused_with_a_reason(naam, raw, reden):
    with pytest.raises(OngeldigeLinkwaarde, match=reden.replace("(", r"\(").replace(")", r"\)")):
        lees_waarde(P[naam], [raw], REGELS)


def test_a_refused_value_falls_back_to_its_baseline_and_the_rest_is_kept():
    scenario, redenen = lees_scenario({"instroom_pct": ["abc"], "eind_jaar": ["2032"]}, REGELS)
    assert scenario.instroom_pct == 0 and scenario.eind_jaar == 2032
    assert list(redenen) == ["instroom_pct"]


LINK_TEKST = st.text(max_size=MAX_LENGTE + 20) | st.from_regex(r"[+-]?[0-9]{1,7}([.,][0-9]{1,3})?\s?%?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(naam=st.sampled_from([p.naam for p in PARAMETERS]), raw=LINK_TEKST)
def test_no_link_value_crashes_or_is_echoed(naam, raw):
    scenario, redenen = lees_scenario({naam: [raw]}, REGELS)
    waarde = getattr(scenario, naam)
    P[naam].valideer(waarde)  # whatever the link says, the scenario is valid
    if naam in redenen:
        assert waarde == P[naam].standaard
        melding = zinnen.link_melding(P[naam], redenen[naam])
        assert P[naam].label in melding
        if len(raw.strip()) > 3:
            assert raw.strip() not in melding.replace(P[naam].label, "").replace(P[naam].bereik, "")
    else:
        assert lees_scenario(scenario.naar_query(), REGELS)[0] == scenario  # canonical form round-trips
