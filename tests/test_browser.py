"""End-to-end tests: the real app under `streamlit run`, driven by Debian's chromium via Playwright.

The server runs once per module on a free port with its own database in a tmp dir;
every test gets a fresh browser context. Nothing waits a fixed time: Playwright's
`expect` polls, and a page counts as finished once the script is no longer running
and the frontend has replaced its loading skeletons with the real elements.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_TIMEOUT_S = 60

HUISVESTING = "Huisvesting per halfjaar (personen)"
ACHTERSTAND_2027 = "Achterstand 1 januari 2027"
PAGES = [
    ("/", "Sociaal Domein Verkenner"),
    ("/taakstelling", "Huisvesting statushouders"),
    ("/reserve", "Reserve Beschermd Thuis"),
    ("/vergelijken", "Scenario's vergelijken"),
    ("/scenarios", "Scenario's"),
    ("/bronnen", "Bronnen en controles"),
]

# In CI a missing chromium is a broken setup, so the `browser` fixture fails instead.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI, reason="Debian's chromium is not installed (apt-get install chromium)"
)

# The first page load also builds the database from the seed CSVs.
expect.set_options(timeout=30_000)


# --- fixtures ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with code {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)  # poll interval, not a wait for the app
    pytest.fail(f"streamlit was not healthy within {STARTUP_TIMEOUT_S} s:\n{log.read_text()}")


@contextmanager
def app_server(db: Path, log: Path) -> Iterator[str]:
    """The app on ``db`` on a free port, its output in ``log``; yields its base URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "VERKENNER_DB": str(db)}, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Run the app; yields (base URL, path of the server's combined stdout/stderr log)."""
    tmp = tmp_path_factory.mktemp("server")
    log = tmp / "streamlit.log"
    with app_server(tmp / "verkenner.duckdb", log) as url:
        yield url, log


@pytest.fixture(autouse=True)
def _server_log_on_failure(request, server):
    """Print the server's output under a failed test (shown as its "Captured stdout teardown")."""
    _url, log = server
    failed_before = request.session.testsfailed
    yield
    if request.session.testsfailed > failed_before:
        print(f"--- streamlit output ({log}) ---\n{log.read_text()}")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("CI is set but chromium is not installed; .ci/run should have installed it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A page in a fresh browser context, with `base_url` set to the server."""
    url, _log = server
    context = browser.new_context(base_url=url, viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


# --- helpers ----------------------------------------------------------------------------


def wait_until_idle(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)


def open_app(page: Page, path: str) -> None:
    page.goto(path)
    wait_until_idle(page)


def metric_value(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def slider(page: Page, label: str):
    return page.get_by_test_id("stSlider").filter(has_text=label).locator("input[type='range']")


def step_slider_right(page: Page, label: str) -> None:
    handle = slider(page, label)
    handle.focus()
    handle.press("ArrowRight")


def expect_title(page: Page, title: str) -> None:
    expect(page.get_by_test_id("stMain").locator("h1")).to_have_text(title)


def expect_no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def save_scenario(page: Page, path: str, naam: str) -> str:
    """Open ``path`` (the Scenario's page with a scenario in its link), save it as ``naam``; the short link."""
    open_app(page, path)
    page.get_by_label("Naam").fill(naam)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("stAlert").filter(has_text=f"Opgeslagen als {naam}")).to_be_visible()
    # The first code block on the page is the short link under that notice.
    return page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text().strip()


# --- tests ------------------------------------------------------------------------------


def test_slider_updates_figures_and_url(page, tmp_path):
    open_app(page, "/")
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("88")
    page.screenshot(path=tmp_path / "overzicht.png")

    step_slider_right(page, HUISVESTING)

    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("87")
    expect(page).to_have_url(re.compile(r"[?&]huisvesting_per_halfjaar=97(&|$)"))
    wait_until_idle(page)
    expect_no_exception(page)


def test_shared_link_opens_its_scenario(page):
    open_app(page, "/?huisvesting_per_halfjaar=150")
    expect(slider(page, HUISVESTING)).to_have_value("150")
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("34")
    expect_no_exception(page)


@pytest.mark.parametrize("waarde", ["abc", "100.5"])
def test_invalid_link_value_warns_and_uses_baseline(page, waarde):
    open_app(page, f"/?huisvesting_per_halfjaar={waarde}")
    melding = page.get_by_test_id("stAlert").filter(has_text="De link bevat")
    expect(melding).to_contain_text(HUISVESTING)
    expect(melding).not_to_contain_text(waarde)  # named by its control, never echoed
    expect(slider(page, HUISVESTING)).to_have_value("96")  # control, link and figures agree
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("88")
    expect(page).not_to_have_url(re.compile(r"huisvesting_per_halfjaar="))
    slider(page, HUISVESTING).focus()
    page.keyboard.press("ArrowRight")
    expect(melding).to_have_count(0)  # the notice goes once its control is changed
    expect_no_exception(page)


def test_an_obvious_spelling_in_a_link_is_applied_and_written_back(page):
    open_app(page, "/?du_mo_indexatie_pct=2.5")
    expect(page.get_by_test_id("stAlert").filter(has_text="De link bevat")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"du_mo_indexatie_pct=2(%2C|,)5(%25|%)"))
    expect_no_exception(page)


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_renders(page, path, title):
    open_app(page, path)
    expect_title(page, title)
    expect(slider(page, HUISVESTING)).to_be_visible()
    expect_no_exception(page)


def test_taakstelling_shows_two_charts(page):
    open_app(page, "/taakstelling")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
    expect_no_exception(page)


def test_page_switch_keeps_scenario(page):
    open_app(page, "/")
    step_slider_right(page, HUISVESTING)
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("87")

    nav = page.get_by_test_id("stSidebarNav").locator("a")
    nav.filter(has_text="Taakstelling").click()
    expect(page).to_have_url(re.compile(r"/taakstelling\?(.*&)?huisvesting_per_halfjaar=97(&|$)"))
    expect_title(page, "Huisvesting statushouders")
    wait_until_idle(page)
    expect(slider(page, HUISVESTING)).to_have_value("97")
    expect_no_exception(page)

    nav.filter(has_text="Overzicht").click()
    expect_title(page, "Sociaal Domein Verkenner")
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("87")


def test_saved_scenario_short_link_opens_in_a_fresh_browser(page, browser, server):
    link = save_scenario(page, "/scenarios?huisvesting_per_halfjaar=150&zorgkosten_groei_pct=3%25", "Versnellen in de browser")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?scenario=\d+", link), link

    url, _log = server
    fresh = browser.new_context(base_url=url, viewport={"width": 1366, "height": 768})
    try:
        other = fresh.new_page()
        open_app(other, link)
        expect(slider(other, HUISVESTING)).to_have_value("150")
        expect(metric_value(other, ACHTERSTAND_2027)).to_have_text("34")
        expect(metric_value(other, "Reserve raakt op")).to_have_text("2028")
        expect(other.get_by_test_id("stSidebar")).to_contain_text("Geopend: Versnellen in de browser (versie 1)")
        expect_no_exception(other)
    finally:
        fresh.close()


def test_presentation_mode_link_shows_large_headlines(page, tmp_path):
    open_app(page, "/?modus=presentatie&huisvesting_per_halfjaar=150")
    value = metric_value(page, ACHTERSTAND_2027)
    expect(value).to_have_text("34")
    # The size of the element that holds the text itself, not of its container.
    innermost = "e => { while (e.firstElementChild) e = e.firstElementChild; return getComputedStyle(e).fontSize; }"
    size = float(value.evaluate(innermost).removesuffix("px"))
    assert size >= 40, size  # a deadline card, a quarter of the page wide (tests/test_browser_weergave.py: nothing cut)
    page.screenshot(path=tmp_path / "presentatie.png")
    expect_no_exception(page)


def test_printable_summary_fits_one_a4(browser, basis):
    from core.export.samenvatting import samenvatting_html
    from core.model.scenario import Scenario

    scenario = Scenario(instroom_pct=20, huisvesting_per_halfjaar=120, du_mo_indexatie_pct=2.5, zorgkosten_groei_pct=2.0)
    page = browser.new_page()
    try:
        page.set_content(samenvatting_html(scenario, basis, "Hoge instroom"))
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
