"""How the app looks and reads in Chromium: no English in Streamlit's own parts, the beamer view,
the sidebar's marks, the copy button, whole tables, and screenshots of every page.

Screenshots go to test-results/screenshots/<page>_<width>x<height>.png (gitignored): every page
at 1440x900 (standard), 1280x720 (presentation, what the beamer shows) and 390 wide (a phone,
the whole page).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.test_browser import (  # noqa: F401  (fixtures and the skip mark are shared with the main browser test)
    HUISVESTING, ROOT, _server_log_on_failure, browser, expect_no_exception, open_app, page, pytestmark, server, slider,
    step_slider_right, wait_until_idle,
)
from tests.test_nederlands import ENGELS

SCREENSHOTS = ROOT / "test-results" / "screenshots"
PAGINAS = {
    "overzicht": "/",
    "taakstelling": "/taakstelling",
    "reserve": "/reserve",
    "risico": "/risico",
    "budgetten": "/budgetten",
    "vergelijken": "/vergelijken",
    "scenarios": "/scenarios",
    "bronnen": "/bronnen",
}
# Streamlit's own English, beyond what tests/test_nederlands.py lists for the Python side.
STREAMLIT_ENGELS = [
    *ENGELS, "Show", "Copy", "Fullscreen", "Sort ascending", "Pin column", "Hide column", "Help for", "Remove",
    "Clear all", "Clear value", "Selected values", "Print", "Record", "Main menu", "Sidebar", "Made with", "Skip to",
    "Link to heading", "Type to search", "You can only", "matches",
]
# Every text on screen, and the names and tooltips of visible elements (SVG chart parts excepted:
# Vega writes its own description of each mark for screen readers).
ZICHTBAAR = """() => {
  const teksten = [document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest('svg') || !el.checkVisibility()) continue;
    for (const naam of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(naam)) teksten.push(el.getAttribute(naam));
  }
  return teksten;
}"""


def _engels(page: Page) -> dict[str, list[str]]:
    teksten = page.evaluate(ZICHTBAAR)
    gevonden = {}
    for woord in STREAMLIT_ENGELS:
        treffers = [t for t in teksten if re.search(rf"\b{re.escape(woord)}\b", t)]
        if treffers:
            gevonden[woord] = [re.sub(r"\s+", " ", t)[:160] for t in treffers[:2]]
    return gevonden


def _toolbars_openen(page: Page) -> None:
    """Hover every table and chart so their toolbars are drawn, and a toolbar button so its tooltip shows."""
    for testid in ("stDataFrame", "stVegaLiteChart"):
        elementen = page.get_by_test_id(testid)
        for i in range(min(elementen.count(), 2)):
            elementen.nth(i).scroll_into_view_if_needed()
            elementen.nth(i).hover()
            knoppen = page.get_by_test_id("stElementToolbar").locator("button:visible")
            expect(knoppen.first).to_be_visible()
            knoppen.first.hover(force=True)  # the chart's canvas lies over its toolbar's edge


def _keuzelijst_openen(page: Page, keuzelijst) -> None:
    """Open a dropdown, and type something that matches nothing (its empty state has a text of its own)."""
    keuzelijst.scroll_into_view_if_needed()
    keuzelijst.locator("input").click()
    page.keyboard.type("qqq")
    expect(page.get_by_text("Geen resultaten").first).to_be_visible()


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_no_english_from_streamlit_with_menus_and_toolbars_open(page, naam):
    open_app(page, f"{PAGINAS[naam]}?huisvesting_per_halfjaar=120&vergelijk=Huidig%20scenario%20(zijbalk)")
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)  # no "Print", "Record screen"
    assert _engels(page) == {}
    _toolbars_openen(page)
    assert _engels(page) == {}
    page.get_by_test_id("stSidebar").get_by_text("Meer aannames").click()
    _keuzelijst_openen(page, page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect"))
    assert _engels(page) == {}
    page.keyboard.press("Escape")
    expect_no_exception(page)


def test_no_english_in_the_comparison_dropdown(page):
    open_app(page, "/vergelijken?vergelijk=Huidig%20scenario%20(zijbalk)&huisvesting_per_halfjaar=120")
    keuzelijst = page.get_by_test_id("stMain").get_by_test_id("stMultiSelect")
    _keuzelijst_openen(page, keuzelijst)
    assert _engels(page) == {}


def _afgesneden(page: Page) -> list[str]:
    """Texts of headline cards wider than their box (cut off or hidden)."""
    return page.evaluate("""() => {
      const uit = [];
      const delen = ['[data-testid="stMetricValue"] *', '[data-testid="stMetricLabel"] *', '[data-testid="stMetricDelta"] *', '.stMarkdownBadge'];
      for (const el of document.querySelectorAll(delen.map(d => '[class*="st-key-kaart-"] ' + d).join(', '))) {
        if (el.scrollWidth > el.clientWidth + 1) uit.push(el.innerText);
      }
      return uit;
    }""")


def _kaarten(page: Page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('[class*="st-key-kaart-"]')].map(k => {
      const r = k.getBoundingClientRect();
      return {tekst: k.innerText.split('\\n')[0], top: r.top, bottom: r.bottom, hoogte: r.height};
    })""")


@pytest.mark.parametrize(("breedte", "hoogte"), [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("link", ["", "&huisvesting_per_halfjaar=120&du_mo_indexatie_pct=4%25"])
def test_presentation_shows_every_headline_on_one_screen(browser, server, breedte, hoogte, link):
    url, _log = server
    context = browser.new_context(base_url=url, viewport={"width": breedte, "height": hoogte})
    try:
        page = context.new_page()
        open_app(page, f"/?modus=presentatie{link}")
        kaarten = _kaarten(page)
        assert len(kaarten) == 10
        assert _afgesneden(page) == []
        onder_de_vouw = [k["tekst"] for k in kaarten if k["bottom"] > hoogte]
        assert onder_de_vouw == [], onder_de_vouw
        rijen: dict[float, set[float]] = {}
        for kaart in kaarten:
            rijen.setdefault(round(kaart["top"]), set()).add(round(kaart["hoogte"]))
        assert all(len(hoogtes) == 1 for hoogtes in rijen.values()), rijen  # cards in a row: one height
        expect(page.get_by_test_id("stAlert").first).to_be_in_viewport()  # the verdict
        expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
        expect(page.locator(".st-key-meer-aannames")).to_be_hidden()  # only the main sliders
        expect(slider(page, HUISVESTING)).to_be_visible()
        expect_no_exception(page)
    finally:
        context.close()


@pytest.mark.parametrize(("breedte", "hoogte"), [(1440, 900), (1280, 720)])
def test_standard_view_cuts_no_card_text(browser, server, breedte, hoogte):
    """Five cards in a row: the norm badges ("Norm ≤ 36: niet gehaald") wrap instead of ending in "…"."""
    url, _log = server
    context = browser.new_context(base_url=url, viewport={"width": breedte, "height": hoogte})
    try:
        page = context.new_page()
        open_app(page, "/?huisvesting_per_halfjaar=120")
        expect(page.locator(".stMarkdownBadge").filter(has_text="niet gehaald").first).to_be_visible()
        assert len(_kaarten(page)) == 11
        assert _afgesneden(page) == []
    finally:
        context.close()


def _markering(page: Page, label: str) -> str:
    tekst = page.get_by_test_id("stSidebar").get_by_test_id("stWidgetLabel").filter(has_text=label).locator("p").first
    return tekst.evaluate("p => getComputedStyle(p, '::after').content")


def test_sidebar_marks_what_differs_from_the_baseline(page):
    instroom = "Instroom (toekomstige taakstellingen"
    open_app(page, "/?huisvesting_per_halfjaar=120")
    assert _markering(page, HUISVESTING) == '"gewijzigd"'
    assert _markering(page, instroom) == "none"
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text("1 aanname wijkt af van het basisscenario (gewijzigd): Huisvesting per halfjaar")
    step_slider_right(page, instroom)
    wait_until_idle(page)
    expect(sidebar).to_contain_text("2 aannames wijken af")
    assert _markering(page, instroom) == '"gewijzigd"'
    page.get_by_role("button", name="Terug naar basisscenario").click()
    wait_until_idle(page)
    assert _markering(page, HUISVESTING) == "none"
    expect(sidebar).not_to_contain_text("wijkt af van het basisscenario")


def test_a_folded_group_is_marked_when_it_holds_a_change(page):
    open_app(page, "/?iubw_indexatie_pct=3%25")
    titels = page.get_by_test_id("stSidebar").get_by_test_id("stExpander").locator("summary p")
    markering = "p => getComputedStyle(p, '::after').content"
    assert titels.filter(has_text="Meer aannames").evaluate(markering) == '"gewijzigd"'
    assert titels.filter(has_text="Beleidsrisico's").evaluate(markering) == "none"


def test_a_folded_assumption_from_a_link_survives_moves_and_shows_when_opened(page):
    # Folded sections are not drawn (ui.sidebar): the link's value must still count, stay in the
    # address bar while other controls move, and be what the control shows once opened.
    open_app(page, "/risico?simulatie_seed=5")
    sidebar = page.get_by_test_id("stSidebar")
    expect(slider(page, "Startgetal van de simulatie (seed)")).to_have_count(0)
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="startgetal 5")).to_have_count(1)
    titels = sidebar.get_by_test_id("stExpander").locator("summary p")
    assert titels.filter(has_text="Onzekerheid (simulatie)").evaluate("p => getComputedStyle(p, '::after').content") == '"gewijzigd"'
    step_slider_right(page, HUISVESTING)
    expect(page).to_have_url(re.compile(r"[?&]huisvesting_per_halfjaar=97(&|$)"))
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]simulatie_seed=5(&|$)"))
    expect(page.get_by_test_id("stCaptionContainer").filter(has_text="startgetal 5")).to_have_count(1)
    sidebar.get_by_text("Onzekerheid (simulatie)").click()
    expect(slider(page, "Startgetal van de simulatie (seed)")).to_have_value("5")
    sidebar.get_by_text("Onzekerheid (simulatie)").click()  # fold it again: the value stays in the link
    wait_until_idle(page)
    expect(slider(page, "Startgetal van de simulatie (seed)")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]simulatie_seed=5(&|$)"))
    sidebar.get_by_test_id("stSidebarNav").locator("a").filter(has_text="Taakstelling").click()  # another page
    expect(page).to_have_url(re.compile(r"/taakstelling\?.*simulatie_seed=5(&|$)"))
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]simulatie_seed=5(&|$)"))
    expect(sidebar).to_contain_text("2 aannames wijken af")
    expect_no_exception(page)


def test_kopieer_link_copies_the_address_and_says_so(browser, server):
    url, _log = server
    context = browser.new_context(base_url=url, viewport={"width": 1440, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    try:
        page = context.new_page()
        open_app(page, "/reserve?huisvesting_per_halfjaar=120")
        step_slider_right(page, HUISVESTING)
        expect(page).to_have_url(re.compile(r"huisvesting_per_halfjaar=121"))
        wait_until_idle(page)
        page.get_by_test_id("kopieerLink").click()
        expect(page.get_by_test_id("stSidebar").get_by_role("status")).to_have_text("Link gekopieerd: plak hem in een mail of chat.")
        assert page.evaluate("() => navigator.clipboard.readText()") == page.url
        assert "/reserve?" in page.url and "huisvesting_per_halfjaar=121" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("naam", ["taakstelling", "reserve", "budgetten", "bronnen", "vergelijken"])
def test_short_tables_are_shown_whole(page, naam):
    open_app(page, f"{PAGINAS[naam]}?vergelijk=Huidig%20scenario%20(zijbalk)")
    tabellen = []
    for tabel in page.get_by_test_id("stDataFrame").all():
        tabel.scroll_into_view_if_needed()  # a table off screen draws its grid only when it comes into view
        rooster = tabel.locator("[role=grid]")
        expect(rooster).to_have_attribute("aria-rowcount", re.compile(r"\d+"))
        tabellen.append({"rijen": int(rooster.get_attribute("aria-rowcount")), "hoogte": tabel.bounding_box()["height"]})
    assert tabellen
    from ui.weergave import KOPHOOGTE, KORTE_TABEL, RIJHOOGTE

    for tabel in tabellen:
        if tabel["rijen"] - 1 <= KORTE_TABEL:  # aria-rowcount counts the header row
            assert tabel["hoogte"] >= KOPHOOGTE + (tabel["rijen"] - 1) * RIJHOOGTE - 2, tabel
        else:
            assert tabel["hoogte"] < 1000, tabel


def _screenshot(page: Page, naam: str, breedte: int, hoogte: int, hele_pagina: bool) -> Path:
    pad = SCREENSHOTS / f"{naam}_{breedte}x{hoogte}.png"
    if hele_pagina:  # the app scrolls inside its main area, so the window is made as tall as the page
        lengte = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": breedte, "height": max(hoogte, lengte)})
        wait_until_idle(page)
    page.screenshot(path=pad)
    page.set_viewport_size({"width": breedte, "height": hoogte})
    return pad


@pytest.mark.parametrize(("breedte", "hoogte", "modus"), [(1440, 900, "standaard"), (1280, 720, "presentatie"), (390, 844, "standaard")])
def test_screenshots_of_every_page(browser, server, breedte, hoogte, modus):
    url, _log = server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=url, viewport={"width": breedte, "height": hoogte})
    try:
        page = context.new_page()
        for naam, pad in PAGINAS.items():
            open_app(page, f"{pad}?modus={modus}&huisvesting_per_halfjaar=120&vergelijk=Huidig%20scenario%20(zijbalk)")
            expect_no_exception(page)
            bestand = _screenshot(page, naam, breedte, hoogte, hele_pagina=modus == "standaard")
            assert bestand.stat().st_size > 10_000
    finally:
        context.close()


# --- tables fit the page, the column menu, charts for screen readers (issue 8) ------------------

# The glide grid's scrolling element: wider content than its box means the table scrolls sideways.
OVERLOOP = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')].filter(t => t.checkVisibility()).map(t => {
  const s = t.querySelector('.dvn-scroller');
  return {tabel: t.innerText.split('\\n')[0].slice(0, 60), breed: s ? s.scrollWidth : null, ruimte: s ? s.clientWidth : null};
})"""


@pytest.mark.parametrize("naam", ["taakstelling", "reserve", "risico", "budgetten", "vergelijken", "bronnen", "gegevens"])
def test_every_table_fits_the_page_at_1280(browser, server, naam):
    url, _log = server
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        open_app(page, f"{PAGINAS.get(naam, '/' + naam)}?vergelijk=Huidig%20scenario%20(zijbalk)&huisvesting_per_halfjaar=120")
        tabellen = page.get_by_test_id("stDataFrame")
        for i in range(tabellen.count()):
            if tabellen.nth(i).is_visible():
                tabellen.nth(i).scroll_into_view_if_needed()  # a table draws its grid when it comes into view
                expect(tabellen.nth(i).locator(".dvn-scroller")).to_have_count(1)
        gemeten = page.evaluate(OVERLOOP)
        if naam not in ("gegevens", "risico"):  # those show their tables folded or only once a change is loaded
            assert gemeten, "no table on the page"
        te_breed = [t for t in gemeten if t["breed"] > t["ruimte"] + 1]
        assert te_breed == [], te_breed
        expect_no_exception(page)
    finally:
        context.close()


def _kolommenu_openen(page: Page, tabel) -> None:
    """Hover a column header and click its menu button (drawn on the grid's canvas, at the header's right end)."""
    tabel.scroll_into_view_if_needed()
    expect(tabel.locator(".dvn-scroller")).to_have_count(1)
    vak = tabel.bounding_box()
    y = vak["y"] + KOPHOOGTE_PX / 2
    menu = page.get_by_test_id("stDataFrameColumnMenu")
    for x in range(int(vak["x"]) + 30, int(vak["x"] + vak["width"]) - 10, 6):  # where the button is depends on the width
        page.mouse.move(x, y)
        page.mouse.click(x, y)  # elsewhere on the header a click sorts, which changes nothing here
        if menu.is_visible():
            return
    pytest.fail("no column menu found on the table's header")


KOPHOOGTE_PX = 38


@pytest.mark.parametrize("naam", ["reserve"])
def test_the_column_menu_speaks_dutch(page, naam):
    open_app(page, f"{PAGINAS[naam]}?huisvesting_per_halfjaar=120")
    _kolommenu_openen(page, page.get_by_test_id("stDataFrame").first)
    menu = page.get_by_test_id("stDataFrameColumnMenu")
    expect(menu.get_by_role("menuitem").filter(has_text="Oplopend sorteren")).to_be_visible()
    expect(menu.get_by_role("menuitem").filter(has_text="Kolom verbergen")).to_be_visible()
    expect(menu.get_by_text("Statistics")).to_be_hidden()  # English labels, numbers as "17.8": hidden (ui/chrome.py)
    expect(menu.get_by_text("Format")).to_have_count(0)
    assert _engels(page) == {}
    page.keyboard.press("Escape")
    expect_no_exception(page)


# Vega's own English for screen readers (roles and names of the chart and its parts).
VEGA_ENGELS = [*STREAMLIT_ENGELS, "visualization", "mark", "container", "group", "axis", "titled", "Title", "title", "legend",
               "Legend", "X-axis", "Y-axis"]
GRAFIEK_ARIA = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].map(g => {
  const teksten = [];
  for (const el of [g, ...g.querySelectorAll('*')]) {
    for (const naam of ['aria-label', 'aria-roledescription', 'title']) if (el.getAttribute(naam)) teksten.push(el.getAttribute(naam));
  }
  const wortel = g.matches('[role=graphics-document]') ? g : g.querySelector('[role=graphics-document]');
  return {naam: wortel ? wortel.getAttribute('aria-label') : null, teksten};
})"""


def _engelse_aria(grafieken: list[dict]) -> list[str]:
    return [t for g in grafieken for t in g["teksten"] if any(re.search(rf"\b{re.escape(w)}\b", t) for w in VEGA_ENGELS)]


@pytest.mark.parametrize("naam", ["overzicht", "taakstelling", "reserve", "risico", "budgetten", "vergelijken"])
def test_charts_speak_dutch_to_screen_readers(page, naam):
    open_app(page, f"{PAGINAS[naam]}?vergelijk=Huidig%20scenario%20(zijbalk)&huisvesting_per_halfjaar=120")
    grafieken = page.get_by_test_id("stVegaLiteChart")
    expect(grafieken.first).to_be_visible()
    for i in range(grafieken.count()):
        grafieken.nth(i).scroll_into_view_if_needed()
        expect(grafieken.nth(i)).to_have_attribute("aria-label", re.compile(r"^Grafiek: \S"))  # Vega's root is the element itself
    # The browser script translates what Vega writes as it appears: wait for it, then report what is left.
    try:
        page.wait_for_function(f"() => ({GRAFIEK_ARIA})().every(g => g.teksten.every(t => !/visualization|mark container|Title text/.test(t)))",
                               timeout=10_000)
    except Exception:  # noqa: BLE001 (the assertion below names what is left)
        pass
    gevonden = page.evaluate(GRAFIEK_ARIA)
    assert gevonden and all(g["naam"] and g["naam"].startswith("Grafiek: ") for g in gevonden), [g["naam"] for g in gevonden]
    assert _engelse_aria(gevonden) == []
