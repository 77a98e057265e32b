"""Every page through Streamlit's AppTest, on a real database built from the seeds."""

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from core.model.parameters import LEZINGEN, PARAMETERS, PARAMETERS_BY_NAME
from tests.conftest import APP
from ui import sidebar

PAGES = ["views/overzicht.py", "views/taakstelling.py", "views/reserve.py", "views/vergelijken.py", "views/scenarios.py", "views/bronnen.py"]


def open_app(page: str = "views/overzicht.py", **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_secties(at: AppTest, *groepen: str) -> AppTest:
    """Unfold sidebar sections (all if none are named), as a click on their titles does, and rerun.

    A folded section's controls are not drawn (ui.sidebar), so a test reads them after this.
    """
    for groep in groepen or (sidebar.MEER, *sidebar.EIGEN_UITKLAP):
        at.session_state[sidebar.uitklap_key(groep)] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label_start: str) -> str:
    matches = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert len(matches) == 1, [m.label for m in at.metric]
    return matches[0]


def alle_tekst(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "title", "subheader") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_shared_controls(page):
    at = open_app(page)
    assert at.title
    # The glossary is one click away on every page, and explains the jargon the screens use.
    begrippen = next(e for e in at.sidebar.expander if e.label == "Begrippen")
    tekst = begrippen.markdown[0].value
    for term in ["BW", "MO", "DU MO", "IUBW", "HAR+", "Taakstelling", "Opgave", "Achterstand", "Normpad", "Interventieladder"]:
        assert f"**{term}**:" in tekst
    assert {w.key for w in at.sidebar.slider} >= {"instroom_pct", "huisvesting_per_halfjaar"}
    assert at.toggle(key="huurtoeslag_grote_gezinnen").value is True


def test_overzicht_shows_the_baseline_figures():
    at = open_app()
    assert metric(at, "Opgave 2e helft 2026") == "184"
    assert metric(at, "Nodig in 2e helft 2026") == "148"
    assert metric(at, "Achterstand 1 januari 2027") == "88"
    assert metric(at, "Achterstand 1 januari 2028") == "122"
    assert metric(at, "Verwachte ruimte in de reserve eind 2026") == "€ 2.379.950"
    assert metric(at, "Reserve raakt op") == "2031"
    assert metric(at, "Achterstand eind 2030") == "224"
    assert "Norm ≤ 36: niet gehaald" in alle_tekst(at)
    assert at.info[0].value.startswith("Gehaald: geen enkele deadline van de Provincie.")
    assert "Dit is het basisscenario: de cijfers uit de bronnen" in alle_tekst(at)
    assert not [c for c in at.caption if c.value.startswith("Basisscenario:")]  # shown only where it differs


def test_every_headline_figure_names_its_source():
    at = open_app()
    for m in at.metric:
        assert m.help and ("peildatum" in m.help or "Prognose" in m.help), m.label


def test_a_slider_change_updates_the_figures_beside_the_baseline():
    at = open_app()
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    assert metric(at, "Achterstand 1 januari 2027") == "34"
    assert "Norm ≤ 36: gehaald" in alle_tekst(at)
    assert "Basisscenario: 88" in [c.value for c in at.caption]
    assert "tempo van huisvesting 150 in plaats van 96" in alle_tekst(at)
    assert next(m for m in at.metric if m.label == "Achterstand 1 januari 2027").delta == "-54 t.o.v. basis"


def test_a_select_slider_change_moves_the_reserve():
    at = open_app()
    at.select_slider(key="zorgkosten_groei_pct").set_value(3.0).run()
    assert metric(at, "Reserve raakt op") == "2028"
    assert next(m for m in at.metric if m.label == "Reserve raakt op in").delta == "-3 jaar t.o.v. basis"


@pytest.mark.parametrize("page", PAGES)
def test_query_parameters_restore_a_scenario_on_any_page(page):
    at = open_app(page, huisvesting_per_halfjaar="150", zorgkosten_groei_pct="3%", huurtoeslag_grote_gezinnen="false")
    assert at.slider(key="huisvesting_per_halfjaar").value == 150
    assert at.select_slider(key="zorgkosten_groei_pct").value == 3.0
    assert at.toggle(key="huurtoeslag_grote_gezinnen").value is False
    assert not at.warning or all("ongeldige" not in w.value for w in at.warning)


def test_query_parameters_restore_the_headline_figures():
    at = open_app(huisvesting_per_halfjaar="150", zorgkosten_groei_pct="3%")
    assert metric(at, "Achterstand 1 januari 2027") == "34"
    assert metric(at, "Reserve raakt op") == "2028"


def link_warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("De link bevat")]


@pytest.mark.parametrize(
    "key, value",
    [("huisvesting_per_halfjaar", "abc"), ("instroom_pct", "9999"), ("du_mo_indexatie_pct", "veel"),
     ("eenmalig", "Onbekende regel"), ("huisvesting_per_halfjaar", "100.5"), ("instroom_pct", "-1"),
     ("huisvesting_per_halfjaar", "١٢"), ("huisvesting_per_halfjaar", "1" * 5000)],
)
def test_bad_link_values_fall_back_to_the_baseline_with_a_notice(key, value):
    at = open_app(**{key: value})
    parameter = PARAMETERS_BY_NAME[key]
    [warning] = link_warnings(at)
    assert parameter.label in warning and "de basiswaarde" in warning
    assert value not in warning  # named by its control, never echoed
    # The control, the link and the figures agree: all on the baseline.
    if sidebar.sectie(parameter) is not None:
        open_secties(at, sidebar.sectie(parameter))
    widget = at.multiselect(key=key) if parameter.widget == "multiselect" else getattr(at, parameter.widget)(key=key)
    assert (frozenset(widget.value) if parameter.widget == "multiselect" else widget.value) == parameter.standaard
    assert metric(at, "Achterstand 1 januari 2027") == "88"
    assert metric(at, "Reserve eind 2030") == "€ 194.178"


@pytest.mark.parametrize("value", ["2.0", "2.5", "2,5", "2,5%", "2.5%"])
def test_obvious_spellings_in_a_link_are_applied(value):
    at = open_app(du_mo_indexatie_pct=value)
    assert not link_warnings(at)
    assert at.select_slider(key="du_mo_indexatie_pct").value == float(value.replace(",", ".").rstrip("%"))


def test_the_notice_goes_when_its_control_is_changed():
    at = open_app(huisvesting_per_halfjaar="abc", du_mo_indexatie_pct="veel", instroom_pct="20")
    assert len(link_warnings(at)) == 2
    at.slider(key="huisvesting_per_halfjaar").set_value(120).run()
    [warning] = link_warnings(at)
    assert PARAMETERS_BY_NAME["du_mo_indexatie_pct"].label in warning
    at.switch_page("views/reserve.py").run()
    assert len(link_warnings(at)) == 1  # still about the unchanged control, on every page
    at.button(key="reset").click().run()
    assert not link_warnings(at)
    assert at.slider(key="instroom_pct").value == 0
    assert at.slider(key="huisvesting_per_halfjaar").value == 96


@pytest.mark.parametrize("key, value, label", [("modus", "beamer", "Weergave"), ("vergelijk", "Bestaat niet", "Vergelijken")])
def test_bad_mode_and_compare_values_get_the_same_notice(key, value, label):
    at = open_app(**{key: value})
    [warning] = link_warnings(at)
    assert f"'{label}'" in warning and value not in warning


def test_taakstelling_page_shows_charts_and_the_placements_needed():
    at = open_app("views/taakstelling.py")
    assert len(at.get("vega_lite_chart")) == 2
    needed = at.dataframe[0].value.set_index("Halfjaar")
    assert needed.loc["2e helft 2026", "Nodig"] == "148"
    assert needed.loc["2e helft 2026", "Verwacht in scenario"] == "96"
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    per_halfjaar = at.dataframe[1].value.set_index("Halfjaar")
    assert per_halfjaar.loc["2e helft 2026", "Achterstand eind"] == "34"
    assert per_halfjaar.loc["1e helft 2026", "Achterstand eind"] == "71"


def test_reserve_page_explains_the_tot_en_met_2027_reading():
    at = open_app("views/reserve.py")
    assert len(at.get("vega_lite_chart")) == 2
    assert "raakt de reserve op in 2031: dat is later dan 'tot en met 2027'" in at.info[0].value
    assert "raakt hij op in 2028: dat past bij 'tot en met 2027'" in at.info[0].value
    reserve = at.dataframe[0].value.set_index("Jaar")
    assert reserve.loc["2026", "Reserve eind"] == "€ 2.379.950"
    lines = at.dataframe[1].value.set_index("Regel")
    assert lines.loc["Compensatie DU MO 2025", "Structureel/eenmalig"] == "eenmalig"


def test_bronnen_page_flags_the_inconsistency_with_both_sources():
    at = open_app("views/bronnen.py")
    finding = next(i.value for i in at.info if "1e helft 2026" in i.value)
    assert "71 + 104 − 96 = 79" in finding
    assert "Raadsinformatiebrief" in finding and "Provincie Limburg" in finding
    assert "Lezing (a)" in finding and "Lezing (b)" in finding  # both readings, neither source declared wrong
    assert not [w for w in at.warning if "1e helft 2026" in w.value]
    effects = [m.value for m in at.markdown if m.value.startswith("**Effect:**")]
    assert len(effects) == len(LEZINGEN)
    assert any("127 plaatsingen nodig in plaats van 148" in e for e in effects)
    assert any("raakt de reserve op in 2032; in het basisscenario raakt hij op in 2031" in e for e in effects)
    assumptions = at.dataframe[0].value
    assert list(assumptions["Aanname"]) == [p.label for p in PARAMETERS]
    figures = at.dataframe[1].value
    assert {"Bron", "Peildatum", "Soort"} <= set(figures.columns)
    assert "€ 2.379.949,37" in set(figures["Waarde"])


def test_an_older_database_gives_a_clear_message(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE meta (sleutel VARCHAR, waarde VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_versie', '0')")
    con.close()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "schemaversie 0" in at.error[0].value


def test_presentation_mode_from_the_link_keeps_the_headlines_and_drops_the_clutter():
    at = open_app(modus="presentatie")
    assert at.segmented_control(key="modus").value == "presentatie"
    assert metric(at, "Achterstand 1 januari 2027") == "88"
    assert any(".st-key-meer-aannames { display: none; }" in h.proto.body for h in at.get("html"))  # sizes: browser test
    at = open_app("views/taakstelling.py", modus="presentatie")
    assert len(at.dataframe) == 1  # only the placements needed, not the detail table
    assert not at.caption or all(not c.value.startswith("Bron:") for c in at.caption)


def test_presentation_mode_switch_in_the_ui():
    at = open_app("views/reserve.py")
    assert len(at.dataframe) == 2
    at.segmented_control(key="modus").set_value("presentatie").run()
    assert len(at.dataframe) == 0
    assert len(at.get("vega_lite_chart")) == 2


def test_overzicht_offers_the_summary_and_the_python_snippet():
    at = open_app(huisvesting_per_halfjaar="150")
    code = at.get("code")[0].proto.code_text
    assert "huisvesting_per_halfjaar=150," in code
    namespace: dict = {}
    exec(code.replace("print(", "(lambda *a, **k: None)("), namespace)
    assert namespace["s"].huisvesting_per_halfjaar == 150


@pytest.mark.parametrize("page, buttons", [("views/taakstelling.py", 7), ("views/reserve.py", 8)])
def test_pages_with_tables_and_charts_offer_downloads(page, buttons):
    from tests.test_downloads import open_menus

    at = open_menus(open_app(page))
    assert len(at.get("download_button")) == buttons


@pytest.mark.parametrize("page", [*PAGES, "views/risico.py", "views/budgetten.py"])
def test_every_chart_on_every_page_has_a_dutch_description_for_screen_readers(page):
    import json

    at = open_app(page, vergelijk="Huidig scenario (zijbalk)")
    for grafiek in at.get("vega_lite_chart"):
        spec = json.loads(grafiek.proto.spec)
        assert spec["description"].startswith("Grafiek: "), spec.get("description")
        assert spec["config"]["aria"] is False


def test_taakstelling_half_year_table_is_split_in_two_without_losing_a_column():
    at = open_app("views/taakstelling.py")
    achterstand, toelichting = at.dataframe[1].value, at.dataframe[2].value
    assert list(achterstand["Halfjaar"]) == list(toelichting["Halfjaar"])  # both on the same rows
    from core.tekst.tabellen import TAAKSTELLING

    assert {*achterstand.columns, *toelichting.columns} == {k.kop for k in TAAKSTELLING.values()}
    rij = toelichting.set_index("Halfjaar").loc["2e helft 2026"]
    assert rij["Beleidsarm doorgetrokken"] == "nee" and rij["Herkomst"]
    captions = [c.value for c in at.caption]
    assert "Achterstand, opgave en realisatie per halfjaar, met de norm van de Provincie" in captions
