"""Every download of every page works: the tests run the very callable each button holds.

AppTest does not run a download button's callable, so ui/downloads.py keeps each one in the
session; here every one is called and its file opened as a user's program would open it.
A download that fails gives a Dutch message in a file of the type asked for, never nothing.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core import opslag
from core.data import load_basis
from core.export.foutbestand import MELDING, foutbestand
from core.model.scenario import Scenario
from core.model.vergelijken import HUIDIG
from tests.conftest import APP
from ui.downloads import DOWNLOADS_KEY, MENU_PREFIX, _veilig

PAGES = ["views/overzicht.py", "views/taakstelling.py", "views/reserve.py", "views/vergelijken.py",
         "views/scenarios.py", "views/bronnen.py"]
RARE_NAAM = '=HYPERLINK("http://example.org","Klik") & <b>één</b>'


@pytest.fixture
def opgeslagen(db_path):
    load_basis(db_path)
    for naam, s in [(RARE_NAAM, Scenario(instroom_pct=30)), ("Versnellen", Scenario(huisvesting_per_halfjaar=150)),
                    ("Zorgkosten", Scenario(zorgkosten_groei_pct=3.0, eenmalig=[]))]:
        opslag.bewaar(s, naam, "", 1, path=db_path)


def _open(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return open_menus(at)


def open_menus(at: AppTest) -> AppTest:
    """Open every download menu, as a click on it does: folded, a menu makes no buttons (ui.downloads.menu)."""
    menus = [k for k in at.session_state.keys() if k.startswith(MENU_PREFIX)]
    for key in menus:
        at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _check(bestandsnaam: str, inhoud) -> None:
    data = inhoud.encode() if isinstance(inhoud, str) else inhoud
    extensie = bestandsnaam.rsplit(".", 1)[-1]
    if extensie == "xlsx":
        werkmap = openpyxl.load_workbook(io.BytesIO(data))
        assert "Fout" not in werkmap.sheetnames and {"Aannames", "Bronnen"} <= set(werkmap.sheetnames)
        for blad in werkmap.worksheets:
            assert not [c for r in blad.iter_rows() for c in r if c.data_type == "f"], blad.title  # no formulas
    elif extensie == "csv":
        frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
        assert len(frame.columns) > 1 and "Melding" not in frame.columns
        text = data.decode("utf-8-sig")
        assert not any(v.strip('"').startswith(("=", "+", "@")) for line in text.split("\r\n") for v in line.split(";"))
    elif extensie == "svg":
        assert data.startswith(b"<svg") and MELDING.encode() not in data
    elif extensie == "png":
        assert data.startswith(b"\x89PNG") and len(data) > 10_000
    elif extensie == "html":
        assert b"<h1>" in data and MELDING.encode() not in data
    else:
        pytest.fail(f"unexpected download {bestandsnaam}")


@pytest.mark.parametrize("page", PAGES)
def test_every_download_on_every_page_makes_its_file(page, opgeslagen):
    at = _open(page, vergelijk=[HUIDIG, RARE_NAAM, "Versnellen", "Zorgkosten"], huisvesting_per_halfjaar="120")
    downloads = at.session_state[DOWNLOADS_KEY]
    assert len(downloads) == len(at.get("download_button")) > 0
    for bestandsnaam, maak in downloads.values():
        _check(bestandsnaam, maak())


def test_folded_menus_make_no_buttons_and_open_ones_make_all(opgeslagen):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/taakstelling.py").run()
    assert at.session_state[DOWNLOADS_KEY] == {} and len(at.get("download_button")) == 0
    assert len([k for k in at.session_state.keys() if k.startswith(MENU_PREFIX)]) == 3  # tables and two charts
    open_menus(at)
    namen = sorted(naam for naam, _ in at.session_state[DOWNLOADS_KEY].values())
    assert len(namen) == len(at.get("download_button")) == 2 + 2 + 1 + 2  # PNG+SVG twice, Excel, two CSVs
    assert [n for n in namen if n.endswith(".xlsx")] == ["taakstelling_basisscenario.xlsx"]


def test_an_opened_saved_scenario_names_its_files(opgeslagen, db_path):
    saved = next(s for s in opslag.lijst(db_path) if s.naam == "Versnellen")
    at = _open("views/reserve.py", scenario=str(saved.id))
    names = [name for name, _ in at.session_state[DOWNLOADS_KEY].values()]
    assert "reserve_versnellen.xlsx" in names and "reserve-reserve-per-jaar_versnellen.csv" in names


@pytest.mark.parametrize("extensie", ["xlsx", "csv", "svg", "png", "html"])
def test_a_failing_download_gives_a_dutch_message_in_the_file(extensie):
    def kapot():
        raise KeyError("['Basisscenario'] not in index")

    data = _veilig(kapot, extensie, f"x.{extensie}")()
    assert data == foutbestand(extensie)
    if extensie == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data))["Fout"]["A1"].value == MELDING
    elif extensie != "png":
        assert "kon niet worden gemaakt" in data.decode("utf-8-sig")
