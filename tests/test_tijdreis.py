"""Time travel: every page as the data stood on an earlier date, chosen in the sidebar or in the link."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from streamlit.testing.v1 import AppTest

from core.data import connection, load_basis
from core.invoer import voorbereid_rijen
from core.invoer.opslaan import bewaar
from core.toegang import LOKAAL
from tests.conftest import APP

PAGES = ["views/overzicht.py", "views/taakstelling.py", "views/reserve.py", "views/risico.py", "views/budgetten.py",
         "views/vergelijken.py", "views/scenarios.py", "views/bronnen.py", "views/gegevens.py"]


def _twee_versies(db_path) -> tuple[int, date]:
    """Start data read in ten days ago, and today an entry that changes the 2026-H2 taakstelling."""
    load_basis(db_path)
    eerder = datetime.now() - timedelta(days=10)
    with connection(db_path) as con:  # test set-up only: the start data as if read in earlier
        con.execute("UPDATE dataversie SET ingelezen_op = ? WHERE versie = 1", [eerder])
    oud = load_basis(db_path).halfjaarcijfers["2026-H2"]["taakstelling"]
    v = voorbereid_rijen([{"onderdeel": "halfjaar", "periode": "2026-H2", "grootheid": "taakstelling", "waarde": str(oud + 20),
                           "bron_id": "rib_2026_05", "sectie": "correctie Rijk", "peildatum": "", "soort": "gerapporteerd"}],
                         load_basis(db_path), date.today())
    bewaar(db_path, v, LOKAAL, naam="Anne", reden="correctie", reden_bevindingen="test")
    return oud, (eerder + timedelta(days=1)).date()


def _opgave(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label.startswith("Opgave"))


def test_every_page_shows_the_data_of_the_chosen_date(db_path):
    oud, dag = _twee_versies(db_path)
    achterstand = load_basis(db_path).halfjaarcijfers["2026-H1"]["achterstand_eind"]
    nu = AppTest.from_file(APP, default_timeout=60)
    nu.run()
    assert _opgave(nu) == str(achterstand + oud + 20)

    toen = AppTest.from_file(APP, default_timeout=60)
    toen.query_params["gegevens_op"] = dag.isoformat()
    toen.run()
    assert not toen.exception
    assert _opgave(toen) == str(achterstand + oud)
    assert "(dataversie 1)" in toen.info[0].value and "nieuwere gegevens (dataversie 2)" in toen.info[0].value
    for page in PAGES[1:]:
        toen.switch_page(page).run()
        assert not toen.exception, page
        assert "(dataversie 1)" in toen.info[0].value, page
    toen.switch_page(PAGES[0]).run()
    toen.button(key="tijdreis_wis").click().run()
    assert _opgave(toen) == str(achterstand + oud + 20)
