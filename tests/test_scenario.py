"""The scenario object, its parameters and their URL form."""

import dataclasses

import pytest

from core.model.parameters import PARAMETERS, PARAMETERS_BY_NAME
from core.model.scenario import Scenario

REGELS = ["Compensatie DU MO 2025", "Compensatie DU MO 2026", "Zorg Beschermd Wonen"]


def test_baseline_values():
    s = Scenario()
    assert s.instroom_pct == 0
    assert s.huisvesting_per_halfjaar == 96
    assert s.huurtoeslag_grote_gezinnen is True
    assert s.eenmalig == frozenset({"Compensatie DU MO 2025"})
    assert s.eind_jaar == 2030
    assert s.zorgkosten_groei_pct == 0
    assert s.is_basis


def test_scenario_is_immutable_and_hashable():
    s = Scenario(eenmalig=["Compensatie DU MO 2025"])
    assert s == Scenario()
    assert hash(s) == hash(Scenario())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.instroom_pct = 10


def test_every_field_is_a_documented_parameter():
    names = [f.name for f in dataclasses.fields(Scenario)]
    assert names == [p.naam for p in PARAMETERS]
    for p in PARAMETERS:
        assert p.label and p.kort and p.eenheid and p.bron and p.toelichting
        assert p.soort in {"gerapporteerd", "afgeleid", "aanname"}
        assert "Basiswaarde" in p.help_tekst()


@pytest.mark.parametrize("field, value", [("instroom_pct", 500), ("huisvesting_per_halfjaar", -1), ("du_mo_indexatie_pct", "2")])
def test_values_outside_the_range_are_refused(field, value):
    with pytest.raises(ValueError, match=PARAMETERS_BY_NAME[field].label.split(" (")[0]):
        Scenario(**{field: value})


def test_differences_from_the_baseline():
    changes = Scenario(instroom_pct=20).afwijkingen()
    assert [(p.naam, base, value) for p, base, value in changes] == [("instroom_pct", 0, 20)]


def test_met_equals_a_new_scenario_and_still_refuses_a_bad_value():
    # met validates only what it changes (tornado speed); the copy must equal, hash and refuse alike.
    basis_scenario = Scenario(instroom_pct=20)
    kopie = basis_scenario.met(huisvesting_per_halfjaar=150, eenmalig=["Compensatie DU MO 2025"])
    nieuw = Scenario(instroom_pct=20, huisvesting_per_halfjaar=150, eenmalig=frozenset({"Compensatie DU MO 2025"}))
    assert kopie == nieuw and hash(kopie) == hash(nieuw) and basis_scenario.huisvesting_per_halfjaar == 96
    assert isinstance(kopie.eenmalig, frozenset)
    with pytest.raises(ValueError, match="buiten het toegestane bereik"):
        basis_scenario.met(huisvesting_per_halfjaar=9999)
    with pytest.raises(TypeError):
        basis_scenario.met(bestaat_niet=1)
