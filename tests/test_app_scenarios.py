"""The Scenario's page and short links through AppTest, on a real database file."""

import re

import pytest

from streamlit.testing.v1 import AppTest

from core import opslag
from core.model.scenario import Scenario
from tests.conftest import APP

OPSLAAN = "FormSubmitter:opslaan-Opslaan"


def scenarios_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/scenarios.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(at: AppTest, naam: str, omschrijving: str = "") -> AppTest:
    at.text_input(key="opslaan_naam").input(naam)
    at.text_area(key="opslaan_omschrijving").input(omschrijving)
    at.button(key=OPSLAAN).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_save_the_current_scenario_and_get_a_short_link(db_path):
    at = scenarios_page()
    at.slider(key="instroom_pct").set_value(20).run()
    save(at, "Hoge instroom", "Twintig procent meer")
    assert "Opgeslagen als Hoge instroom (versie 1)" in zichtbaar(at.success[0].value)
    assert at.get("code")[0].proto.code_text.endswith("?scenario=1")  # the short link, with a copy button
    assert at.query_params["scenario"] == "1"
    assert at.selectbox(key="keuze").value.naam == "Hoge instroom"  # the list opens on what was just saved
    saved = opslag.open_scenario(1, db_path)
    assert saved.scenario == Scenario(instroom_pct=20)
    assert saved.omschrijving == "Twintig procent meer"


def zichtbaar(markdown: str) -> str:
    """Markdown source as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_a_refused_name_keeps_what_was_typed():
    at = scenarios_page()
    save(at, "Plan A")
    at.slider(key="instroom_pct").set_value(40).run()
    save(at, " plan a ", "Mijn toelichting")
    assert "bestaat al een scenario met de naam 'Plan A'" in zichtbaar(at.error[0].value)
    assert at.text_input(key="opslaan_naam").value == " plan a "
    assert at.text_area(key="opslaan_omschrijving").value == "Mijn toelichting"


def test_short_link_restores_the_saved_scenario_and_its_figures(db_path):
    saved = opslag.bewaar(Scenario(huisvesting_per_halfjaar=150), "Versnellen", "", 1, path=db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = str(saved.id)
    at.run()
    assert at.slider(key="huisvesting_per_halfjaar").value == 150
    assert [m.value for m in at.metric if m.label == "Achterstand 1 januari 2027"] == ["34"]
    assert any("Geopend: **Versnellen (versie 1)**" in zichtbaar(c.value) for c in at.sidebar.caption)
    at.slider(key="huisvesting_per_halfjaar").set_value(140).run()
    assert "scenario" not in at.query_params  # changed: the short link no longer describes it
    assert any("gewijzigd" in c.value for c in at.sidebar.caption)


@pytest.mark.parametrize("waarde", ["99", "²", "١", "１２", "9" * 5000, "-1", "1.0", "[x](http://x.test)"])
def test_an_unknown_or_malformed_short_link_says_so(waarde):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = waarde
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    melding = [w.value for w in at.warning if "niet bestaat" in w.value]
    assert melding and waarde not in melding[0]  # the value is not echoed
    assert at.slider(key="huisvesting_per_halfjaar").value == 96


def test_a_saved_scenario_shows_its_own_data_version_until_recomputed(db_path):
    from core import data

    saved = opslag.bewaar(Scenario(), "Oude cijfers", "", 1, path=db_path)
    with data.connection(db_path) as con:
        con.execute("INSERT INTO dataversie VALUES (2, now(), 'COA-correctie')")
        con.execute(
            "INSERT INTO halfjaarcijfer SELECT periode, grootheid, 79, bron_id, sectie, peildatum, soort, '', 2, false "
            "FROM halfjaarcijfer WHERE periode = '2026-H1' AND grootheid = 'achterstand_eind'"
        )
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = str(saved.id)
    at.run()
    assert [m.value for m in at.metric if m.label == "Opgave 2e helft 2026"] == ["184"]  # 113 + 71, as then
    assert any("nieuwere basisdata" in w.value for w in at.sidebar.warning)
    at.button(key="herbereken").click().run()
    assert [m.value for m in at.metric if m.label == "Opgave 2e helft 2026"] == ["192"]  # 113 + 79


def test_open_duplicate_and_archive_from_the_list(db_path):
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    at = scenarios_page()
    at.button(key="openen").click().run()
    assert at.slider(key="instroom_pct").value == 20
    at.button(key="dupliceren").click().run()
    assert at.text_input(key="opslaan_naam").value == "Hoge instroom (kopie)"
    save(at, "Hoge instroom (kopie)")
    assert [s.naam for s in opslag.lijst(db_path)] == ["Hoge instroom", "Hoge instroom (kopie)"]
    at.selectbox(key="keuze").select_index(0).run()
    at.button(key="archiveer").click().run()
    assert [s.naam for s in opslag.lijst(db_path)] == ["Hoge instroom (kopie)"]
    assert opslag.open_scenario(1, db_path) is not None  # archived, not deleted


def test_compare_page_shows_scenarios_side_by_side(db_path):
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    opslag.bewaar(Scenario(huisvesting_per_halfjaar=150), "Versnellen", "", 1, path=db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["vergelijk"] = ["Hoge instroom", "Versnellen"]
    at.run()
    at.switch_page("views/vergelijken.py").run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("Uitkomst")
    assert list(table.columns) == ["Basisscenario", "Hoge instroom", "Versnellen"]
    assert table.loc["Achterstand 1 januari 2027 (norm 36)", "Versnellen"] == "34"
    assert at.dataframe[1].value.set_index("Uitkomst").loc["Achterstand 1 januari 2027 (norm 36)", "Versnellen"] == "-54"
    assert len(at.get("vega_lite_chart")) == 2
    texts = [m.value for m in at.markdown]
    assert "**Versnellen**" in texts
    assert any("tempo van huisvesting 150 in plaats van 96" in t for t in texts)


def test_compare_page_with_the_current_scenario_follows_the_sliders():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["vergelijk"] = "Huidig scenario (zijbalk)"
    at.run()
    at.switch_page("views/vergelijken.py").run()
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    table = at.dataframe[0].value.set_index("Uitkomst")
    assert table.loc["Achterstand 1 januari 2027 (norm 36)", "Huidig scenario (zijbalk)"] == "34"


def test_an_opened_saved_scenario_keeps_its_colour_on_every_chart(db_path):
    import json

    from core.charts import KLEUREN, SCENARIO
    from core.model.vergelijken import kleur_van

    saved = opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = str(saved.id)
    at.run()
    at.switch_page("views/taakstelling.py").run()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    ranges = [l["encoding"]["color"]["scale"]["range"] for l in spec["layer"] if "color" in l.get("encoding", {})]
    assert ranges and all(kleur_van(saved) in r for r in ranges)  # lines and their end labels
    at.slider(key="instroom_pct").set_value(25).run()  # changed: no longer the saved scenario
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert KLEUREN[SCENARIO] in json.dumps(spec)


def test_each_saved_scenario_has_its_python_snippet(db_path):
    opslag.bewaar(Scenario(du_mo_indexatie_pct=2.5), "Indexatie", "", 1, path=db_path)
    at = scenarios_page()
    codes = [c.proto.code_text for c in at.get("code")]
    assert any("du_mo_indexatie_pct=2.5," in c for c in codes)
    assert any(c.endswith("?scenario=1") for c in codes)  # the short link, copyable


AANVAL = "[Klik hier](https://example.org/login) ![x](http://example.org/p.png) :red[rood]"


def test_a_saved_name_is_shown_as_text_everywhere(db_path):
    from core.data import load_basis

    load_basis(db_path)
    saved = opslag.bewaar(Scenario(instroom_pct=20), AANVAL, AANVAL, 1, path=db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = str(saved.id)
    at.query_params["vergelijk"] = AANVAL
    at.run()
    for page in ("views/scenarios.py", "views/vergelijken.py"):
        at.switch_page(page).run()
        assert not at.exception
        bronnen = [m.value for m in at.markdown] + [c.value for c in at.caption] + [c.label for c in at.checkbox]
        getoond = [b for b in bronnen if "Klik hier" in b]
        assert getoond, page
        for tekst in getoond:
            assert "](" not in tekst.replace("\\]\\(", "") and ":red[" not in tekst, tekst


def test_the_compare_page_is_not_empty_when_opened(db_path):
    from core.data import load_basis

    load_basis(db_path)
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["huisvesting_per_halfjaar"] = "150"
    at.run()
    at.switch_page("views/vergelijken.py").run()
    assert at.multiselect(key="vergelijk").value == ["Huidig scenario (zijbalk)", "Hoge instroom"]
    assert list(at.dataframe[0].value.columns) == ["Uitkomst", "Basisscenario", "Huidig scenario (zijbalk)", "Hoge instroom"]


def _slot_bezet(db_path, monkeypatch):
    """Another process holds the store's lock for longer than the app waits."""
    from core.data import verbinding

    monkeypatch.setenv(verbinding.WACHTTIJD_ENV, "0.2")
    return verbinding.slot(verbinding.pad(db_path), exclusief=True, actie="test")


def test_a_save_that_cannot_get_the_lock_says_so_in_dutch_and_keeps_the_input(db_path, monkeypatch):
    at = scenarios_page()
    with _slot_bezet(db_path, monkeypatch):
        save(at, "Tijdens onderhoud", "Mijn toelichting")
    assert "in gebruik door een ander proces" in zichtbaar(at.error[0].value)
    assert at.text_input(key="opslaan_naam").value == "Tijdens onderhoud"
    assert at.text_area(key="opslaan_omschrijving").value == "Mijn toelichting"
    assert opslag.lijst(db_path, gearchiveerd=True) == []
    at.button(key=OPSLAAN).click().run()  # the lock is free again: the same input saves
    assert "Opgeslagen als Tijdens onderhoud (versie 1)" in zichtbaar(at.success[0].value)


def test_an_archive_click_that_fails_says_so_in_dutch(db_path, monkeypatch):
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    at = scenarios_page()
    with _slot_bezet(db_path, monkeypatch):
        at.button(key="archiveer").click().run()
    assert not at.exception
    assert "in gebruik door een ander proces" in zichtbaar(at.error[0].value)
    assert [s.gearchiveerd for s in opslag.lijst(db_path, gearchiveerd=True)] == [False]


def test_a_stored_value_that_cannot_be_read_is_named_when_the_scenario_opens(db_path):
    import json

    from core import data

    saved = opslag.bewaar(Scenario(instroom_pct=20), "Met de hand gewijzigd", "", 1, path=db_path)
    with data.connection(db_path) as con:
        document = {"formaat": 2, "waarden": {"instroom_pct": 20, "du_mo_indexatie_pct": "2,5 %"}}
        con.execute("UPDATE opgeslagen_scenario SET instellingen = ? WHERE id = ?", [json.dumps(document), saved.id])
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["scenario"] = str(saved.id)
    at.run()
    assert not at.exception
    assert at.slider(key="instroom_pct").value == 20
    assert any("Indexatie DU MO per jaar" in zichtbaar(w.value) and "niet worden gelezen" in w.value for w in at.warning)
