"""The app rolls forward without a code change: 2026-H2's realisation and 2027-H1's taakstelling entered
through the import make 2027-H1 the first forecast half year on every page; the passed deadline of
1 januari 2027 is shown as met or missed with its realised figure."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from core.data import load_basis
from core.invoer.opdracht import importeer
from core.model.kerncijfers import bereken
from core.model.scenario import Scenario
from core.tekst import formatting as fmt
from tests.conftest import APP

PAGES = ["views/overzicht.py", "views/taakstelling.py", "views/reserve.py", "views/risico.py", "views/budgetten.py",
         "views/vergelijken.py", "views/scenarios.py", "views/bronnen.py", "views/gegevens.py"]
KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"
REALISATIE, TAAKSTELLING_2027_H1 = 140, 100


@pytest.fixture
def doorgerold(db_path, tmp_path) -> dict:
    """The database after the import: what COA and the Rijk publish around 1 januari 2027."""
    basis = load_basis(db_path)
    begin = basis.halfjaarcijfers["2026-H1"]["achterstand_eind"]
    eind = max(0, begin + basis.halfjaarcijfers["2026-H2"]["taakstelling"] - REALISATIE)
    bestand = tmp_path / "cijfers_2027.csv"
    bestand.write_text("\n".join([
        KOP,
        f"halfjaar;2026-H2;realisatie;{REALISATIE};rib_2026_05;COA-cijfers;2027-01-01;gerapporteerd;",
        f"halfjaar;2026-H2;achterstand_eind;{eind};rib_2026_05;COA-cijfers;2027-01-01;gerapporteerd;",
        f"halfjaar;2027-H1;taakstelling;{TAAKSTELLING_2027_H1};rib_2026_05;Rijk;2026-12-15;gerapporteerd;",
    ]) + "\n", encoding="utf-8")
    uitvoer: list[str] = []
    assert importeer(db_path, bestand, ja=True, naam="Anne", reden="COA en Rijk januari 2027",
                     vandaag=date(2027, 2, 1), uit=uitvoer.append) == 0, uitvoer
    return {"eind": eind, "norm": basis.normen["2026-H2"], "deadline": basis.deadlines["2026-H2"]}


def test_the_model_rolls_forward(db_path, doorgerold):
    kern = bereken(Scenario(), load_basis(db_path))
    assert kern.eerste_prognose == "2027-H1"
    assert kern.opgave == doorgerold["eind"] + TAAKSTELLING_2027_H1
    [gepasseerd] = [d for d in kern.gepasseerd if d.periode == "2026-H2"]
    assert (gepasseerd.achterstand, gepasseerd.haalt_norm) == (doorgerold["eind"], doorgerold["eind"] <= doorgerold["norm"])
    assert all(d.periode > "2026-H2" for d in kern.deadlines)


def test_every_page_treats_2027_h1_as_the_first_forecast(db_path, doorgerold):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    for page in PAGES:
        if page != PAGES[0]:
            at.switch_page(page).run()
        assert not at.exception, page
        teksten = " ".join([m.value for m in at.markdown] + [m.label for m in at.metric] + [c.value for c in at.caption])
        assert "Opgave 2e helft 2026" not in teksten and "Nodig in 2e helft 2026" not in teksten, page
        if page == "views/overzicht.py":
            kaarten = {m.label: m.value for m in at.metric}
            assert kaarten["Opgave 1e helft 2027"] == str(doorgerold["eind"] + TAAKSTELLING_2027_H1)
            assert kaarten[f"Achterstand {fmt.datum(doorgerold['deadline'])} (gerealiseerd)"] == str(doorgerold["eind"])
            gehaald = "gehaald" if doorgerold["eind"] <= doorgerold["norm"] else "niet gehaald"
            assert f"Norm ≤ {doorgerold['norm']}: {gehaald}" in teksten
            assert "In de eerste helft van 2027 moeten" in teksten
        if page == "views/taakstelling.py":
            assert "In de eerste helft van 2027 zijn" in teksten


def test_a_new_begroting_year_and_reserve_start_roll_the_reserve_forward(db_path, tmp_path):
    """The bestuursrapportage's begroting 2027 (here: the 2026 lines, 3% higher) and the reserve start in 2027."""
    basis = load_basis(db_path)
    jaar = basis.basisjaar + 1
    regels = [f"begroting;{jaar};{r['regel']};{round(r['bedrag'] * 1.03)};regiobegroting_2026;begroting {jaar};;gerapporteerd;"
              for r in basis.begrotingsregels]
    start = 3_500_000
    bestand = tmp_path / "begroting.csv"
    bestand.write_text("\n".join([KOP, *regels, f"kengetal;{jaar};reserve/stand_begin;{start};regiobegroting_2026;jaarrekening;;"
                                  "gerapporteerd;"]) + "\n", encoding="utf-8")
    uitvoer: list[str] = []
    assert importeer(db_path, bestand, ja=True, naam="Anne", reden="begroting", uitleg="nieuw jaar", uit=uitvoer.append) == 0, uitvoer
    nieuw = load_basis(db_path)
    assert nieuw.basisjaar == jaar
    kern = bereken(Scenario(), nieuw)
    assert kern.reservejaar == jaar
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    kaarten = {m.label: m.value for m in at.metric}
    assert f"Verwachte ruimte in de reserve eind {jaar}" in kaarten
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, page
