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


def test_every_download_on_the_page_makes_its_file(db_path):
    """The templates read back as templates; the audit log names every stored row and never holds a formula."""
    import io
    from datetime import date

    import openpyxl
    import pandas as pd

    from core.invoer import KOLOMNAMEN, voorbereid_rijen
    from core.invoer.opslaan import bewaar
    from core.toegang import LOKAAL
    from ui.downloads import DOWNLOADS_KEY

    v = voorbereid_rijen([{"onderdeel": "halfjaar", "periode": "2025-H2", "grootheid": "realisatie", "waarde": "95",
                           "bron_id": "provincie_2026_03", "sectie": "@SUM(A1)", "peildatum": "", "soort": "gerapporteerd",
                           "toelichting": '=HYPERLINK("http://example.org","Klik")'}], load_basis(db_path), date.today())
    bewaar(db_path, v, LOKAAL, naam="+31 Anne", reden="-reden", reden_bevindingen="x")
    at = _pagina()
    downloads = at.session_state[DOWNLOADS_KEY]
    assert {naam for naam, _ in downloads.values()} == {"sjabloon_gegevens.xlsx", "sjabloon_gegevens.csv", "auditlog_gegevens.csv"}
    for naam, maak in downloads.values():
        inhoud = maak()
        if naam.endswith(".xlsx"):
            werkmap = openpyxl.load_workbook(io.BytesIO(inhoud))
            assert werkmap.sheetnames == ["Cijfers", "Uitleg"]
            assert [c.value for c in werkmap["Cijfers"][1]] == list(KOLOMNAMEN)
            assert not [c for r in werkmap["Cijfers"].iter_rows() for c in r if c.data_type == "f"]
        elif naam.startswith("sjabloon"):
            assert inhoud.decode("utf-8-sig").splitlines()[0].split(";") == list(KOLOMNAMEN)
        else:
            frame = pd.read_csv(io.BytesIO(inhoud), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
            assert len(frame) == len(data_invoer.alle_wijzigingen(db_path))
            rij = frame[frame["Dataversie"] == "2"].iloc[0]
            assert (rij["Wie"], rij["Reden"], rij["Cijfer"]) == ("'+31 Anne", "'-reden", "2025-H2/realisatie")
            assert rij["Toelichting"].startswith("'=HYPERLINK") and rij["Sectie"] == "'@SUM(A1)"
            assert not any(str(v).startswith(("=", "+", "-", "@")) for v in frame.to_numpy().ravel())


def test_a_new_huurtoeslag_rule_is_a_form_entry(db_path):
    """The huurtoeslag rule for 2027 through the form: previewed with its effect, stored, read by the model."""
    from core.model.scenario import Scenario
    from core.model.taakstelling import project_taakstelling

    at = _pagina()
    at.selectbox(key="invoer_formulier").set_value("huurtoeslag").run()
    _vul_in(at, periode="2027", waarde="2", sectie="Huurtoeslag 2027", peildatum="2026-12-01")
    assert "Veld waarde" in at.error[0].value and "2 is geen ja/nee" in at.error[0].value
    assert "vul 1 in voor ja of 0 voor nee" in at.error[0].value
    _vul_in(at, periode="2027", waarde="0", sectie="Huurtoeslag 2027", peildatum="2026-12-01")
    assert not at.exception and not at.error
    wijziging = at.dataframe[0].value.iloc[0]
    assert "2027" in wijziging["Cijfer"] and wijziging["Wordt"] == "0"
    at.text_input(key="opslaan_wie").set_value("Anne")
    at.text_input(key="opslaan_reden").set_value("Huurtoeslag 2027")
    at.button(key="FormSubmitter:invoer_opslaan-Opslaan").click().run()
    assert not at.exception and at.success[0].value.startswith("Opgeslagen als dataversie 2")
    basis = load_basis(db_path)
    assert basis.kengetallen_van("huurtoeslag", "grote_gezinnen_plaatsbaar")["2027"] == 0
    frame = project_taakstelling(Scenario(aandeel_grote_gezinnen=0.10, har_plus_budget=0), basis).set_index("periode")
    assert frame.loc["2027-H1", "niet_geplaatst_grote_gezinnen"] > 0
