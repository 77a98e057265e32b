"""In the browser, after rolling forward: Overzicht treats 2027-H1 as the first forecast half year and shows the
passed deadline with its realised figure; an upload on Gegevens bijwerken shows its preview and stores nothing."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect, sync_playwright

from core.data import close_all, latest_versie, load_basis
from core.invoer.opdracht import importeer
from tests.test_browser import (
    CHROMIUM, CHROMIUM_ARGS, IN_CI, app_server, metric_value, open_app, wait_until_idle,
)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI, reason="Debian's chromium is not installed (apt-get install chromium)"
)
expect.set_options(timeout=30_000)
KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"


@pytest.fixture(scope="module")
def doorgerold(tmp_path_factory):
    """A database after the import of 2026-H2's realisation and 2027-H1's taakstelling, and the app on it."""
    tmp = tmp_path_factory.mktemp("doorgerold")
    db = tmp / "verkenner.duckdb"
    basis = load_basis(db)
    eind = basis.halfjaarcijfers["2026-H1"]["achterstand_eind"] + basis.halfjaarcijfers["2026-H2"]["taakstelling"] - 140
    bestand = tmp / "cijfers.csv"
    bestand.write_text(f"{KOP}\nhalfjaar;2026-H2;realisatie;140;rib_2026_05;COA;2027-01-01;gerapporteerd;\n"
                       f"halfjaar;2026-H2;achterstand_eind;{eind};rib_2026_05;COA;2027-01-01;gerapporteerd;\n"
                       "halfjaar;2027-H1;taakstelling;100;rib_2026_05;Rijk;2026-12-15;gerapporteerd;\n", encoding="utf-8")
    assert importeer(db, bestand, ja=True, naam="Anne", reden="januari 2027", vandaag=date(2027, 2, 1), uit=lambda _t: None) == 0
    close_all()
    log = tmp / "streamlit.log"
    with app_server(db, log) as url:
        yield {"url": url, "db": db, "eind": eind, "norm": basis.normen["2026-H2"], "log": log}


@pytest.fixture
def page(doorgerold):
    if CHROMIUM is None:
        pytest.fail("CI is set but chromium is not installed; .ci/run should have installed it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=doorgerold["url"], viewport={"width": 1366, "height": 900})
        yield context.new_page()
        browser.close()


def test_overzicht_after_rolling_forward(page, doorgerold):
    open_app(page, "/")
    expect(metric_value(page, "Opgave 1e helft 2027")).to_have_text(str(doorgerold["eind"] + 100))
    gerealiseerd = page.get_by_test_id("stMain").locator("[class*='st-key-kaart-deadline-2026-h2']")
    expect(gerealiseerd).to_contain_text("Achterstand 1 januari 2027 (gerealiseerd)")
    expect(gerealiseerd).to_contain_text(str(doorgerold["eind"]))
    gehaald = "gehaald" if doorgerold["eind"] <= doorgerold["norm"] else "niet gehaald"
    expect(gerealiseerd).to_contain_text(f"Norm ≤ {doorgerold['norm']}: {gehaald}")
    expect(page.get_by_test_id("stMain")).not_to_contain_text("Opgave 2e helft 2026")


def test_an_upload_shows_its_preview_and_stores_nothing(page, doorgerold, tmp_path):
    open_app(page, "/gegevens")
    page.get_by_role("tab", name="Bestand (CSV of Excel)").click()
    bestand = tmp_path / "correctie.csv"
    bestand.write_text(f"{KOP}\nhalfjaar;2027-H1;taakstelling;104;rib_2026_05;Rijk;2026-11-01;gerapporteerd;\n", encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bestand))
    expect(page.get_by_test_id("stFileUploader")).to_contain_text("correctie.csv")
    formulier = page.get_by_test_id("stForm").filter(has=page.get_by_test_id("stFileUploader"))
    formulier.get_by_role("button", name="Voorbeeld bekijken").click()
    wait_until_idle(page)
    voorbeeld = page.get_by_test_id("stMain")
    expect(voorbeeld.get_by_role("heading", name="Voorbeeld")).to_be_visible()
    expect(voorbeeld).to_contain_text("Wat verandert")
    expect(voorbeeld).to_contain_text("Gevolgen voor de kerncijfers")
    expect(voorbeeld.get_by_test_id("stAlert").filter(has_text="Er is niets opgeslagen")).to_have_count(0)
    expect(page.get_by_role("button", name="Opslaan")).to_be_visible()
    close_all()
    assert latest_versie(doorgerold["db"]) == 2  # the start data and the import; the preview stored nothing


def test_no_english_on_the_upload_and_the_date_selector(page):
    from tests.test_browser_weergave import _engels

    open_app(page, "/gegevens")
    page.get_by_role("tab", name="Bestand (CSV of Excel)").click()
    expect(page.get_by_test_id("stFileUploader")).to_contain_text("Hoogstens 2MB per bestand")
    assert _engels(page) == {}
    page.get_by_test_id("stSidebar").get_by_text("Gegevens van een eerdere datum").click()
    # Streamlit 1.67 draws a native date field: the browser shows it in the user's own language.
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stDateInput")).to_contain_text("Gegevens zoals op")
    assert _engels(page) == {}
