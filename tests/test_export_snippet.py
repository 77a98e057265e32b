"""The Python snippet reproduces a scenario with the core API against a real database."""

import pytest

from core.export.snippet import python_snippet
from core.model.scenario import Scenario

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


# --- Python snippet ----------------------------------------------------------------------

SNIPPET_SCENARIOS = [
    Scenario(),
    SCENARIO,
    Scenario(eenmalig=set(), aandeel_grote_gezinnen=0.25, huurtoeslag_grote_gezinnen=False, har_plus_budget=500_000),
    Scenario(eenmalig={"Compensatie DU MO 2025", "Plan van aanpak dak- en thuisloosheid"}, zorgkosten_groei_pct=-1.5),
]


@pytest.mark.parametrize("scenario", SNIPPET_SCENARIOS, ids=["basis", "scenario", "leeg-eenmalig", "twee-eenmalig"])
def test_python_snippet_reproduces_the_scenario(scenario, capsys):
    code = python_snippet(scenario)
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # load_basis() reads $VERKENNER_DB: a temp file
    assert namespace["s"] == scenario
    t = namespace["t"]
    assert t.loc[t["periode"] == "2026-H2", "opgave"].item() == 184
    assert "reserve_eind" in capsys.readouterr().out


def test_python_snippet_names_only_changed_assumptions():
    assert "s = Scenario()\n" in python_snippet(Scenario())
    code = python_snippet(Scenario(du_mo_indexatie_pct=2.5, eenmalig=set()))
    assert "du_mo_indexatie_pct=2.5," in code and "eenmalig=set()," in code
    assert "instroom_pct" not in code


