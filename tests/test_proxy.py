"""Two app processes behind nginx (deploy.cluster), driven by Debian's chromium through the proxy.

What a production set-up must do: WebSockets pass through, every browser sticks to one
process, the security headers are set and Streamlit still works under them (no CSP
violation, charts drawn), a process that dies is replaced and its users carry on, and
what is saved through one process is found through the other.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from deploy import gezondheid
from deploy.cluster import Cluster
from tests.test_browser import (  # noqa: F401  (browser is a fixture)
    ACHTERSTAND_2027,
    CHROMIUM,
    HUISVESTING,
    IN_CI,
    browser,
    expect_no_exception,
    metric_value,
    open_app,
    save_scenario,
    slider,
    step_slider_right,
    wait_until_idle,
)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="Debian's chromium is not installed"),
    pytest.mark.skipif(shutil.which("nginx") is None and not IN_CI, reason="Debian's nginx is not installed"),
]

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    werkmap = tmp_path_factory.mktemp("cluster")
    with Cluster(processen=2, werkmap=werkmap, database=werkmap / "verkenner.duckdb") as running:  # one shared file
        yield running


@pytest.fixture
def context(browser, cluster):
    context = browser.new_context(base_url=cluster.url, viewport={"width": 1366, "height": 768})
    yield context
    context.close()


def op_proces(context, cluster: Cluster, app) -> str:
    """Put this browser on process ``app`` by giving it the route cookie nginx hashes to it."""
    route = cluster.route_naar(app)
    context.add_cookies([{"name": "verkenner_route", "value": route, "url": cluster.url}])
    return route


def wacht_tot_route_terug(cluster: Cluster, route: str, app) -> None:
    """nginx skips a failed process for fail_timeout seconds; wait until it routes there again."""
    deadline = time.monotonic() + 30
    while cluster.app_voor_route(route) is not app:
        assert time.monotonic() < deadline, "nginx stuurde de route niet terug naar het vervangen proces"
        time.sleep(0.2)  # poll interval


def csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found


def test_pages_work_through_the_proxy_under_the_security_headers(context, cluster):
    page = context.new_page()
    violations = csp_violations(page)
    response = page.goto("/taakstelling")
    wait_until_idle(page)
    headers = response.all_headers()  # .headers leaves out Set-Cookie
    assert {k: headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert re.match(r"verkenner_route=\w+; Path=/; HttpOnly; SameSite=Lax$", headers["set-cookie"])

    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2)
    for chart in charts.all():  # Vega drew them: they would stay empty if the CSP refused its code
        expect(chart.locator("canvas, svg").first).to_be_visible()
    step_slider_right(page, HUISVESTING)  # the WebSocket passes through: the figures follow
    page.get_by_test_id("stSidebarNav").locator("a").filter(has_text="Overzicht").click()
    expect(metric_value(page, ACHTERSTAND_2027)).to_have_text("87")
    expect_no_exception(page)
    assert violations == [], "\n".join(violations)


def test_every_browser_sticks_to_one_process_and_both_are_used(cluster):
    routes = [f"browser-{i}" for i in range(20)]
    first = [cluster.app_voor_route(r).poort for r in routes]
    assert [cluster.app_voor_route(r).poort for r in routes] == first  # the same process every time
    assert set(first) == {a.poort for a in cluster.apps}  # and the browsers are spread over both


def test_a_process_that_dies_is_replaced_and_its_users_carry_on(context, cluster):
    doomed = cluster.apps[0]
    route = op_proces(context, cluster, doomed)
    page = context.new_page()
    link = save_scenario(page, "/scenarios?huisvesting_per_halfjaar=150", "Voor de storing")
    assert link.startswith(cluster.url)

    herstarts = doomed.herstarts
    os.kill(doomed.proces.pid, signal.SIGKILL)
    cluster.wacht_tot_alles_gezond()
    assert doomed.herstarts == herstarts + 1

    # The open page reconnects by itself and keeps working, without a reload.
    step_slider_right(page, HUISVESTING)
    expect(slider(page, HUISVESTING)).to_have_value("151")
    wait_until_idle(page)
    expect_no_exception(page)
    # Saved work survived: the short link opens it on the replaced process.
    wacht_tot_route_terug(cluster, route, doomed)
    other = context.new_page()
    open_app(other, link)
    expect(slider(other, HUISVESTING)).to_have_value("150")
    expect(other.get_by_test_id("stSidebar")).to_contain_text("Geopend: Voor de storing (versie 1)")


def test_health_endpoint_through_the_proxy(cluster):
    with urllib.request.urlopen(f"{cluster.url}/_stcore/health", timeout=10) as response:
        assert response.read() == b"ok"


def test_a_hung_process_fails_its_health_check_and_is_replaced(cluster):
    hung = cluster.apps[1]
    herstarts = hung.herstarts
    os.kill(hung.proces.pid, signal.SIGSTOP)  # alive, but answers nothing
    try:
        # What the systemd timer (deploy.gezondheid) would restart: this port, not the other.
        assert gezondheid.ongezond([a.poort for a in cluster.apps], tweede_kans_s=0.5) == [hung.poort]
        deadline = time.monotonic() + 60
        while hung.herstarts == herstarts:  # the launcher's supervisor replaces it
            assert time.monotonic() < deadline, "the hung process was not replaced"
            time.sleep(0.2)  # poll interval
    finally:
        os.kill(hung.proces.pid, signal.SIGCONT)  # no-op for the replacement; frees the old one if it survived
    cluster.wacht_tot_alles_gezond()
    assert gezondheid.ongezond([a.poort for a in cluster.apps], tweede_kans_s=0) == []


def _opslag(opslag: str, tmp_path, request) -> dict:
    """DuckDB: one shared file on this machine. PostgreSQL: each process its own DuckDB file, as on
    two machines, so what one writes reaches the other through the shared database alone."""
    if opslag == "postgres":
        return dict(postgres=request.getfixturevalue("postgres_database"), eigen_bestand=True)
    return dict(database=tmp_path / "gedeeld.duckdb")


@pytest.mark.parametrize("opslag", ["duckdb", "postgres"])
def test_saved_through_one_process_opened_through_the_other(browser, tmp_path, request, opslag):
    with Cluster(processen=2, werkmap=tmp_path / "cluster", **_opslag(opslag, tmp_path, request)) as gedeeld:
        een = browser.new_context(base_url=gedeeld.url)
        twee = browser.new_context(base_url=gedeeld.url)
        try:
            op_proces(een, gedeeld, gedeeld.apps[0])
            op_proces(twee, gedeeld, gedeeld.apps[1])
            link = save_scenario(een.new_page(), "/scenarios?huisvesting_per_halfjaar=150", "Over twee processen")

            other = twee.new_page()
            open_app(other, link)
            assert other.get_by_test_id("stAlert").filter(has_text="kunnen niet worden geladen").count() == 0
            expect(slider(other, HUISVESTING)).to_have_value("150")
            expect(metric_value(other, ACHTERSTAND_2027)).to_have_text("34")
            expect(other.get_by_test_id("stSidebar")).to_contain_text("Geopend: Over twee processen (versie 1)")

            # And the other way round: saved through the second process, opened through the first.
            terug = save_scenario(twee.new_page(), "/scenarios?huisvesting_per_halfjaar=120", "Terug over twee processen")
            first = een.new_page()
            open_app(first, terug)
            expect(slider(first, HUISVESTING)).to_have_value("120")
            expect(first.get_by_test_id("stSidebar")).to_contain_text("Geopend: Terug over twee processen (versie 1)")
        finally:
            een.close()
            twee.close()


KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"
OPGAVE_2026_H2 = "Opgave 2e helft 2026"


@pytest.mark.parametrize("opslag", ["duckdb", "postgres"])
def test_a_data_entry_made_through_one_process_is_seen_through_the_other(browser, tmp_path, request, opslag):
    with Cluster(processen=2, werkmap=tmp_path / "cluster", **_opslag(opslag, tmp_path, request)) as gedeeld:
        een = browser.new_context(base_url=gedeeld.url)
        twee = browser.new_context(base_url=gedeeld.url)
        try:
            op_proces(een, gedeeld, gedeeld.apps[0])
            op_proces(twee, gedeeld, gedeeld.apps[1])
            ervoor = twee.new_page()
            open_app(ervoor, "/")
            expect(metric_value(ervoor, OPGAVE_2026_H2)).to_have_text("184")

            # A correction of the Rijk's taakstelling for 2026-H2 (113 -> 120), uploaded through process one.
            invoer = een.new_page()
            open_app(invoer, "/gegevens")
            invoer.get_by_role("tab", name="Bestand (CSV of Excel)").click()
            bestand = tmp_path / "correctie.csv"
            bestand.write_text(f"{KOP}\nhalfjaar;2026-H2;taakstelling;120;rib_2026_05;Rijk;2026-11-01;gerapporteerd;\n",
                               encoding="utf-8")
            invoer.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bestand))
            formulier = invoer.get_by_test_id("stForm").filter(has=invoer.get_by_test_id("stFileUploader"))
            formulier.get_by_role("button", name="Voorbeeld bekijken").click()
            wait_until_idle(invoer)
            opslaan = invoer.get_by_test_id("stForm").filter(has=invoer.get_by_role("button", name="Opslaan"))
            opslaan.get_by_label("Uw naam (voor de geschiedenis)").fill("Anne")
            opslaan.get_by_label("Reden van deze invoer").fill("correctie taakstelling")
            uitleg = opslaan.get_by_label("Waarom slaat u deze cijfers toch op? (verplicht bij bevindingen)")
            if uitleg.count():
                uitleg.fill("de opgave volgt uit de nieuwe taakstelling")
            opslaan.get_by_role("button", name="Opslaan").click()
            wait_until_idle(invoer)
            expect_no_exception(invoer)

            erna = twee.new_page()  # through the other process
            open_app(erna, "/")
            expect(metric_value(erna, OPGAVE_2026_H2)).to_have_text("191")
        finally:
            een.close()
            twee.close()
