"""Single sign-on end to end: Debian's chromium, two app processes behind nginx, and a real
OpenID Connect provider started here (panva's oidc-provider, tests/oidc/provider.mjs).

Each role logs in through the provider's own login form, sees what it may do and not what it
may not, and logs out again (also at the provider). The login cookie, signed with the one
shared cookie secret, is honoured by the other process too.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from deploy.cluster import Cluster, vrije_poort
from tests.test_browser import (  # noqa: F401  (browser is a fixture)
    CHROMIUM,
    IN_CI,
    browser,
    expect_no_exception,
    metric_value,
    wait_until_idle,
)

ROOT = Path(__file__).resolve().parent.parent
PROVIDER = ROOT / "tests" / "oidc" / "provider.mjs"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="Debian's chromium is not installed"),
    pytest.mark.skipif(shutil.which("nginx") is None and not IN_CI, reason="Debian's nginx is not installed"),
    pytest.mark.skipif(NODE is None and not IN_CI, reason="Node.js is not installed (the test provider runs on it)"),
]

# Roles from the "roles" claim (Anna, Bram) and from the configured list of beheerders (Carla).
ACCOUNTS = {
    "anna": {"email": "anna@maastricht.example", "email_verified": True, "name": "Anna de Lezer", "roles": ["lezer"]},
    "bram": {"email": "bram@maastricht.example", "email_verified": True, "name": "Bram de Bewerker", "roles": ["bewerker"]},
    "carla": {"email": "carla@maastricht.example", "email_verified": True, "name": "Carla de Beheerder"},
}
PASSWORDS = {login: secrets.token_urlsafe(12) for login in ACCOUNTS}


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the OpenID Connect provider exited:\n{log.read_text()}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)  # poll interval
    pytest.fail(f"the OpenID Connect provider did not answer within {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def sso(tmp_path_factory):
    """A provider and two app processes behind nginx whose secrets.toml points at it."""
    if NODE is None or not (PROVIDER.parent / "node_modules" / "oidc-provider").exists():
        pytest.fail("the test provider is not installed: npm ci --prefix tests/oidc (.ci/run does this)")
    tmp = tmp_path_factory.mktemp("sso")
    proxy_port, idp_port = vrije_poort(), vrije_poort()
    app_url, issuer = f"http://127.0.0.1:{proxy_port}", f"http://127.0.0.1:{idp_port}"
    client_secret = secrets.token_urlsafe(24)
    callback = f"{app_url}/oauth2callback"
    settings = {
        "issuer": issuer,
        "clients": [{"client_id": "verkenner", "client_secret": client_secret, "redirect_uris": [callback],
                     "post_logout_redirect_uris": [callback]}],
        "accounts": [{"login": login, "password": PASSWORDS[login], "claims": claims} for login, claims in ACCOUNTS.items()],
    }  # fmt: skip
    (tmp / "provider.json").write_text(json.dumps(settings))
    (tmp / "secrets.toml").write_text(
        f'[auth]\nredirect_uri = "{callback}"\ncookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "verkenner"\nclient_secret = "{client_secret}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n\n'
        '[toegang]\nrol_claim = "roles"\nbeheerders = ["carla@maastricht.example"]\n'
    )
    log = tmp / "provider.log"
    with log.open("wb") as out:
        provider = subprocess.Popen([NODE, str(PROVIDER), str(tmp / "provider.json")], stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"{issuer}/.well-known/openid-configuration", provider, log)
        cluster = Cluster(processen=2, werkmap=tmp / "cluster", poort=proxy_port, database=tmp / "verkenner.duckdb", secrets=tmp / "secrets.toml")
        with cluster:
            yield cluster
    finally:
        provider.terminate()
        provider.wait(timeout=10)


@pytest.fixture
def page(browser, sso):
    context = browser.new_context(base_url=sso.url, viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


def log_in(page: Page, login: str) -> None:
    page.goto("/")
    wait_until_idle(page)
    expect(page.get_by_test_id("stMain")).to_contain_text("Meld u aan met uw account van de gemeente")
    expect(page.get_by_test_id("stMetric")).to_have_count(0)  # nothing of the app before the login
    expect(page.get_by_test_id("stSlider")).to_have_count(0)
    page.get_by_role("button", name="Inloggen").click()
    # The provider's own login form, on its own address.
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.get_by_label("Gebruikersnaam").fill(login)
    page.get_by_label("Wachtwoord").fill(PASSWORDS[login])
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("stSidebar")).to_contain_text(f"Aangemeld als {ACCOUNTS[login]['name']}")
    wait_until_idle(page)


def log_out(page: Page) -> None:
    page.get_by_test_id("stSidebar").get_by_role("button", name="Uitloggen").click()
    page.get_by_role("button", name="Ja, uitloggen").click()  # the provider asks; its session ends too
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    assert not [c for c in page.context.cookies() if c["name"].startswith("_streamlit_user")]


def open_scenarios(page: Page) -> None:
    page.get_by_test_id("stSidebarNav").locator("a").filter(has_text="Scenario's").click()
    expect(page.get_by_test_id("stMain").locator("h1")).to_have_text("Scenario's")
    wait_until_idle(page)


def test_lezer_reads_but_cannot_save_or_archive(page):
    log_in(page, "anna")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Aangemeld als Anna de Lezer (lezer)")
    expect(metric_value(page, "Achterstand 1 januari 2027")).to_have_text("88")
    open_scenarios(page)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("Als lezer kunt u scenario's openen, vergelijken, downloaden en delen; opslaan mag een bewerker.")
    expect(main.get_by_role("button", name="Opslaan")).to_have_count(0)
    expect(main.get_by_label("Naam")).to_have_count(0)
    expect_no_exception(page)
    log_out(page)


def test_bewerker_saves_and_stays_logged_in_on_the_other_process(page, sso):
    log_in(page, "bram")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Aangemeld als Bram de Bewerker (bewerker)")
    open_scenarios(page)
    page.get_by_label("Naam").fill("Plan van Bram")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("stAlert").filter(has_text="Opgeslagen als Plan van Bram (versie 1)")).to_be_visible()
    expect(page.get_by_role("button", name="Archiveren")).to_be_visible()

    # The login cookie is signed with the one shared secret: the other process accepts it.
    here = sso.app_voor_route(next(c["value"] for c in page.context.cookies() if c["name"] == "verkenner_route"))
    there = next(a for a in sso.apps if a is not here)
    page.context.add_cookies([{"name": "verkenner_route", "value": sso.route_naar(there), "url": sso.url}])
    page.goto("/")
    wait_until_idle(page)
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Aangemeld als Bram de Bewerker (bewerker)")
    log_out(page)


def test_beheerder_from_the_configured_list(page):
    log_in(page, "carla")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Aangemeld als Carla de Beheerder (beheerder)")
    open_scenarios(page)
    expect(page.get_by_role("button", name="Opslaan")).to_be_visible()
    log_out(page)
    # After logging out, the app asks for a login again, also on a fresh load.
    page.goto("/")
    wait_until_idle(page)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    assert re.match(r"http://127\.0\.0\.1:\d+/$", page.url)
