"""Folded sidebar sections are not drawn, yet their values come from the link and survive every rerun.

ui.sidebar draws a section's controls only while it is open (a third of every rerun otherwise);
these tests hold the scenario to the link, the main controls, the reset and the "gewijzigd" marks.
"""

from core.model.parameters import ONZEKERHEID, PARAMETERS_BY_NAME
from tests.test_app import alle_tekst, open_app, open_secties
from ui import gewijzigd, sidebar

RISICO = "views/risico.py"
IUBW = PARAMETERS_BY_NAME["iubw_indexatie_pct"]


def _sidebar_keys(at) -> set[str]:
    return {w.key for w in at.sidebar.slider} | {w.key for w in at.sidebar.select_slider} | {w.key for w in at.sidebar.toggle}


def _gewijzigd_zin(at) -> str:
    return next((c.value for c in at.sidebar.caption if "af van het basisscenario" in c.value), "")


def test_a_deep_link_to_a_folded_assumption_applies_with_its_section_folded():
    at = open_app(RISICO, simulatie_seed="5", iubw_indexatie_pct="3%")
    assert not {"simulatie_seed", "iubw_indexatie_pct"} & _sidebar_keys(at)  # folded: not drawn
    assert "10.000 gesimuleerde toekomsten met startgetal 5" in alle_tekst(at)
    assert "2 aannames wijken af" in _gewijzigd_zin(at) and IUBW.label in _gewijzigd_zin(at)
    assert at.query_params["simulatie_seed"] == "5" and at.query_params["iubw_indexatie_pct"] == "3%"


def test_moving_a_main_slider_keeps_the_folded_assumption():
    at = open_app(RISICO, simulatie_seed="5")
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    at.slider(key="instroom_pct").set_value(20).run()
    assert "startgetal 5" in alle_tekst(at)
    assert at.query_params["simulatie_seed"] == "5"
    assert "3 aannames wijken af" in _gewijzigd_zin(at)


def test_opening_the_section_shows_the_linked_value_and_folding_keeps_a_change():
    at = open_app(RISICO, simulatie_seed="5")
    open_secties(at, ONZEKERHEID)
    assert at.slider(key="simulatie_seed").value == 5
    assert "iubw_indexatie_pct" not in _sidebar_keys(at)  # only the opened section is drawn
    at.slider(key="simulatie_seed").set_value(7).run()
    at.session_state[sidebar.uitklap_key(ONZEKERHEID)] = False  # fold it again
    at.run()
    assert "simulatie_seed" not in _sidebar_keys(at)
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    assert "startgetal 7" in alle_tekst(at) and at.query_params["simulatie_seed"] == "7"
    open_secties(at, ONZEKERHEID)
    assert at.slider(key="simulatie_seed").value == 7


def test_the_reset_clears_folded_and_open_sections_alike():
    at = open_app(RISICO, simulatie_seed="5", iubw_indexatie_pct="3%", huisvesting_per_halfjaar="150")
    open_secties(at, ONZEKERHEID)
    at.button(key="reset").click().run()
    assert at.slider(key="simulatie_seed").value == 0 and "startgetal 0" in alle_tekst(at)
    assert not _gewijzigd_zin(at)
    assert "iubw_indexatie_pct" not in at.query_params and "simulatie_seed" not in at.query_params
    open_secties(at)
    assert at.select_slider(key="iubw_indexatie_pct").value == IUBW.standaard


def test_a_folded_section_holding_a_change_is_marked_by_its_own_key():
    at = open_app(iubw_indexatie_pct="3%")
    css = next(h.proto.body for h in at.get("html") if "::after" in h.proto.body)  # style-only: not in the sidebar tree
    assert f".st-key-{sidebar.uitklap_key(sidebar.MEER)} summary" in css
    assert f".st-key-{sidebar.uitklap_key(ONZEKERHEID)} summary" not in css
    assert css == gewijzigd.stijl(at.session_state["_scenario"], sidebar.SECTIES)
