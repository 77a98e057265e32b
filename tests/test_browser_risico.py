"""The Risico's and Budgetten pages in Chromium: deep links, the charts, and the seed in the link."""

import re

from playwright.sync_api import expect

from tests.test_browser import (  # noqa: F401  (fixtures and the skip mark are shared with the main browser test)
    _server_log_on_failure, browser, expect_no_exception, expect_title, open_app, page, pytestmark, server, slider,
    step_slider_right, wait_until_idle,
)

SEED = "Startgetal van de simulatie (seed)"


def test_risico_deep_link_shows_its_seed_and_the_seed_goes_into_the_link(page):
    open_app(page, "/risico?simulatie_seed=5&huisvesting_per_halfjaar=150")
    expect_title(page, "Risico's en onzekerheid")
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="startgetal 5")).to_have_count(1)
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(3)
    # The sensitivity analysis is worked out when its section is opened: then its tornado appears.
    page.get_by_test_id("stMain").get_by_text("Welke aanname weegt het zwaarst?").click()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(4)
    expect(page.get_by_test_id("stMain")).to_contain_text("Het zwaarst weegt de aanname")
    page.get_by_test_id("stSidebar").get_by_text("Onzekerheid (simulatie)").click()
    expect(slider(page, SEED)).to_have_value("5")
    step_slider_right(page, SEED)
    expect(page).to_have_url(re.compile(r"[?&]simulatie_seed=6(&|$)"))
    wait_until_idle(page)
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="startgetal 6")).to_have_count(1)
    expect_no_exception(page)


def test_budgetten_renders(page):
    open_app(page, "/budgetten?instroom_pct=50")
    expect_title(page, "Budgetten opvang en integratie")
    expect(page.get_by_test_id("stMain")).to_contain_text("kan niet in de Reserve Vreemdelingen blijven")
    expect_no_exception(page)
