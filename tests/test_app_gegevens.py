"""The Gegevens bijwerken page in AppTest: a refused entry keeps its input and stores nothing; preview, store, undo."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from core.data import invoer as data_invoer
from core.data import latest_versie, load_basis
from tests.conftest import APP


def _pagina() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/gegevens.py").run()
    assert not at.exception
    return at


def _vul_in(at: AppTest, **velden) -> AppTest:
    for key, waarde in velden.items():
        at.text_input(key=f"enkel_{key}").set_value(waarde)
    return at.button(key="FormSubmitter:invoer_enkel-Voorbeeld bekijken").click().run()


def test_a_refused_entry_keeps_the_input_and_stores_nothing(db_path):
    at = _pagina()
    at.selectbox(key="invoer_formulier").set_value("correctie").run()
    _vul_in(at, periode="2025-H2", waarde="zeventig", sectie="Tabel 1")
    assert not at.exception
    [fout] = at.error
    assert "Veld waarde" in fout.value and "zeventig" in fout.value
    assert at.text_input(key="enkel_waarde").value == "zeventig"
    assert at.text_input(key="enkel_sectie").value == "Tabel 1"
    assert latest_versie(db_path) == 1


def test_preview_store_and_undo(db_path):
    basis = load_basis(db_path)
    oud = basis.halfjaarcijfers["2025-H2"]["realisatie"]
    at = _pagina()
    at.selectbox(key="invoer_formulier").set_value("correctie").run()
    at.selectbox(key="enkel_grootheid_correctie").set_value("realisatie")
    _vul_in(at, periode="2025-H2", waarde=str(oud + 1), sectie="Bevindingen", peildatum="2026-01-01")
    assert not at.exception and not at.error
    wijziging = at.dataframe[0].value
    assert list(wijziging.iloc[0][["Cijfer", "Nu", "Wordt", "Verschil"]]) == ["realisatie 2e helft 2025", str(oud), str(oud + 1), "+1"]
    assert at.warning[-1].value.startswith("De controles vinden iets nieuws")  # 75 + 91 − 96 is not 71

    at.text_input(key="opslaan_wie").set_value("Anne")
    at.text_input(key="opslaan_reden").set_value("COA-correctie")
    at.button(key="FormSubmitter:invoer_opslaan-Opslaan").click().run()
    assert "Leg uit waarom u ze toch opslaat" in at.error[0].value
    assert latest_versie(db_path) == 1

    at.text_area(key="opslaan_uitleg").set_value("COA heeft één plaatsing nageleverd")
    at.button(key="FormSubmitter:invoer_opslaan-Opslaan").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Opgeslagen als dataversie 2")
    assert load_basis(db_path).halfjaarcijfers["2025-H2"]["realisatie"] == oud + 1
    log = data_invoer.versies(db_path).iloc[0]
    assert (log["wie"], log["reden"], log["reden_bevindingen"]) == ("Anne", "COA-correctie", "COA heeft één plaatsing nageleverd")

    at.selectbox(key="terug_versie").set_value(2)
    at.text_input(key="terug_wie").set_value("Bert")
    at.text_input(key="terug_reden").set_value("dubbel geteld")
    at.button(key="FormSubmitter:invoer_terug-Ongedaan maken").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Opgeslagen als dataversie 3")
    assert load_basis(db_path).halfjaarcijfers["2025-H2"]["realisatie"] == oud
