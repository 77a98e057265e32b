"""Streamlit's own texts in Dutch (ui/chrome.py) and the sidebar's marks (ui/gewijzigd.py), without a browser.

tests/test_browser_weergave.py checks both on screen; these check the tables and rules themselves.
"""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from core.model.scenario import Scenario
from tests.conftest import APP
from tests.test_nederlands import ENGELS
from ui import chrome, gewijzigd


def test_every_translation_is_dutch():
    for engels, nederlands in chrome.VERTALINGEN.items():
        assert nederlands != engels
        assert not [w for w in ENGELS if re.search(rf"\b{re.escape(w)}\b", nederlands)], nederlands


def test_patterns_keep_the_variable_part():
    assert chrome.vertaal_python("Help for Huisvesting per halfjaar") == "Uitleg bij Huisvesting per halfjaar"
    assert chrome.vertaal_python("Remove Hoge instroom") == "Hoge instroom weghalen"
    assert chrome.vertaal_python("You can only select up to 4 options. Remove an option first.") == (
        "U kunt er hoogstens 4 kiezen; haal er eerst een weg."
    )
    assert chrome.vertaal_python("  No results ") == "  Geen resultaten "
    assert chrome.vertaal_python("Huisvesting") == "Huisvesting"  # the app's own text is left alone
    # what Vega still writes for screen readers on a chart (core/charts.py switches off the rest)
    assert chrome.vertaal_python("Title text 'Reserve eind jaar'") == "Titel: Reserve eind jaar"
    assert chrome.vertaal_python("line mark container") == "grafiekdeel"
    assert chrome.vertaal_python("visualization") == "grafiek"


def test_the_script_carries_every_translation_and_hides_the_untranslatable_actions():
    for engels, nederlands in chrome.VERTALINGEN.items():
        assert engels in chrome.HTML and nederlands in chrome.HTML
    for label in chrome.VERBORGEN:
        assert f'button[aria-label="{label}"] {{ display: none; }}' in chrome.HTML


def test_marks_follow_the_scenarios_own_comparison():
    assert gewijzigd.stijl(Scenario()) == "" and gewijzigd.zin(Scenario()) is None
    scenario = Scenario(huisvesting_per_halfjaar=120, zorgkosten_groei_pct=3.0)
    namen = {p.naam for p, _basis, _waarde in scenario.afwijkingen()}
    assert namen == {"huisvesting_per_halfjaar", "zorgkosten_groei_pct"}
    css = gewijzigd.stijl(scenario)
    assert all(f".st-key-{naam} " in css for naam in namen)
    assert ".st-key-instroom_pct" not in css
    assert gewijzigd.zin(scenario).startswith("2 aannames wijken af van het basisscenario (gewijzigd): Huisvesting per halfjaar")


def test_the_sidebar_names_the_changed_assumptions():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["huisvesting_per_halfjaar"] = "120"
    at.run()
    assert not at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert any("1 aanname wijkt af van het basisscenario" in c for c in captions), captions
    at.button(key="reset").click().run()
    assert not any("wijkt af" in c.value for c in at.sidebar.caption)
