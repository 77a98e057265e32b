"""Streamlit's own texts in Dutch: the toolbars of tables and charts, dropdowns, sidebar and status.

Streamlit 1.67 has no language setting for its frontend. What it offers is used first:
``client.toolbarMode = "minimal"`` removes the main menu ("Print", "Record screen"),
``client.disableDataExport = true`` removes the tables' "Download as CSV" (the app's own
download buttons replace it, with Dutch numbers), and widgets get Dutch ``placeholder`` texts
and no "Select all" (ui/sidebar.py, views/vergelijken.py). The chart toolbar's "Show data",
"Copy Vega-Lite spec" and "Download as PNG" have no switch: they are hidden here (the chart's own
PNG and SVG buttons replace them). What remains (tooltips, menus, empty dropdowns, labels for
screen readers) is translated in the browser by one small script: exact texts and a few
patterns, applied to text and to ``aria-label``/``aria-roledescription``/``title``/``placeholder`` as Streamlit draws them.
tests/test_browser_weergave.py opens every menu and toolbar and scans for English.
"""

from __future__ import annotations

import json
import re

import streamlit as st

# Chart toolbar actions with no switch in Streamlit, hidden by their (English) accessible name.
VERBORGEN = ("Show data", "Copy Vega-Lite spec", "Download as PNG", "Download as CSV")

# Streamlit's texts that can still reach the screen, exactly as Streamlit writes them.
VERTALINGEN = {
    # toolbars of tables and charts
    "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten",
    "Search": "Zoeken",
    "Close Search": "Zoeken sluiten",
    "Type to search": "Typ om te zoeken",
    "Next Result": "Volgende",
    "Previous Result": "Vorige",
    "Show/hide columns": "Kolommen tonen of verbergen",
    "Show chart": "Grafiek tonen",
    "Copied!": "Gekopieerd",
    "Copy to clipboard": "Kopiëren",
    # a table's column menu
    "Sort ascending": "Oplopend sorteren",
    "Sort descending": "Aflopend sorteren",
    "Pin column": "Kolom vastzetten",
    "Unpin column": "Kolom losmaken",
    "Hide column": "Kolom verbergen",
    "Copy column name": "Kolomnaam kopiëren",
    "Autosize": "Breedte aanpassen",
    "Format": "Opmaak",
    "Dataframe column menu": "Kolommenu",
    "Clear selection": "Selectie wissen",
    "No data": "Geen gegevens",
    "No options": "Geen keuzes",
    # dropdowns
    "Choose options": "Kies een of meer",
    "Choose an option": "Kies er een",
    "Select...": "Kies…",
    "Select all": "Alles kiezen",
    "No results": "Geen resultaten",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Selected values": "Gekozen",
    "Open": "Openen",
    "Close": "Sluiten",
    # page frame
    "Skip to main content": "Naar de inhoud",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "Sidebar": "Zijbalk",
    "App pages": "Pagina's",
    "Main menu": "Menu",
    "Link to heading": "Link naar deze kop",
    "Running...": "Bezig…",
    "Stop": "Stoppen",
    "Connecting": "Verbinden",
    "Please wait...": "Even geduld…",
    "Notifications": "Meldingen",
    "Vega visualization": "Grafiek",
    # charts for screen readers: Vega's role descriptions (core/charts.py switches the rest off)
    "visualization": "grafiek",
    "group mark container": "groep",
    "title": "titel",
    # file upload (Gegevens bijwerken)
    "Browse files": "Bestand kiezen",
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Upload": "Uploaden",
    "Delete": "Verwijderen",
    "Remove file": "Bestand weghalen",
    "file upload": "bestand uploaden",
    # date field (time travel in the sidebar)
    "Choose date": "Kies een datum",
    "Choose a date": "Kies een datum",
}

# Texts with a variable part: (regular expression on the whole text, Dutch with \1 for the part).
PATRONEN = (
    (r"^Help for (.+)$", r"Uitleg bij \1"),
    (r"^Title text '(.+)'$", r"Titel: \1"),
    (r"^(\w+) mark container$", r"grafiekdeel"),
    (r"^Remove (.+)$", r"\1 weghalen"),
    (r"^Select (\d+) matches$", r"Alle \1 treffers kiezen"),
    (r"^You can only select up to (\d+) options?\. Remove an option first\.$", r"U kunt er hoogstens \1 kiezen; haal er eerst een weg."),
    (r"^(?:Limit )?(\S+) per file(.*)$", r"Hoogstens \1 per bestand\2"),
)

# A table's column menu has two submenus: "Statistics" (English labels, numbers as "17.8") and
# "Format" (number formats that would undo the Dutch ones). Both go; sorting, pinning, hiding stay.
_CSS = "\n".join(
    [f'[data-testid="stElementToolbar"] button[aria-label="{label}"] {{ display: none; }}' for label in VERBORGEN]
    + ['[role="menuitem"][aria-haspopup="true"] { display: none; }']
)

_SCRIPT = """
(() => {
  if (window.__verkennerVertaling) return;
  window.__verkennerVertaling = true;
  const exact = %(exact)s;
  const patronen = %(patronen)s.map(([p, nl]) => [new RegExp(p), nl.replace(/\\\\(\\d)/g, "$$$1")]);
  const ATTRIBUTEN = ["aria-label", "aria-roledescription", "title", "placeholder"];
  const vertaal = (tekst) => {
    const kern = tekst.trim();
    if (!kern || kern.length > 200) return null;
    if (Object.hasOwn(exact, kern)) return tekst.replace(kern, exact[kern]);
    for (const [patroon, nl] of patronen) {
      if (patroon.test(kern)) return tekst.replace(kern, kern.replace(patroon, nl));
    }
    return null;
  };
  const tekstknoop = (knoop) => {
    const nl = vertaal(knoop.nodeValue || "");
    if (nl !== null && nl !== knoop.nodeValue) knoop.nodeValue = nl;
  };
  const element = (el) => {
    for (const naam of ATTRIBUTEN) {
      const waarde = el.getAttribute && el.getAttribute(naam);
      if (!waarde) continue;
      // Hidden toolbar buttons keep their name: the stylesheet finds them by it.
      if (naam === "aria-label" && %(verborgen)s.includes(waarde)) continue;
      const nl = vertaal(waarde);
      if (nl !== null && nl !== waarde) el.setAttribute(naam, nl);
    }
  };
  const boom = (wortel) => {
    if (wortel.nodeType === Node.TEXT_NODE) return tekstknoop(wortel);
    if (wortel.nodeType !== Node.ELEMENT_NODE) return;
    element(wortel);
    for (const el of wortel.querySelectorAll("[aria-label], [aria-roledescription], [title], [placeholder]")) element(el);
    const loper = document.createTreeWalker(wortel, NodeFilter.SHOW_TEXT);
    while (loper.nextNode()) tekstknoop(loper.currentNode);
  };
  new MutationObserver((wijzigingen) => {
    for (const w of wijzigingen) {
      if (w.type === "childList") w.addedNodes.forEach(boom);
      else if (w.type === "characterData") tekstknoop(w.target);
      else element(w.target);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTEN});
  boom(document.body);
})();
"""


def _script() -> str:
    return _SCRIPT % {
        "exact": json.dumps(VERTALINGEN, ensure_ascii=False),
        "patronen": json.dumps([list(p) for p in PATRONEN], ensure_ascii=False),
        "verborgen": json.dumps(list(VERBORGEN)),
    }


HTML = f"<style>{_CSS}\n.st-key-vertaling {{ display: none; }}</style><script>{_script()}</script>"


def vertaal_streamlit() -> None:
    """Hide the toolbar actions that cannot be translated and start the translation (once per page load).

    The same HTML on every run: Streamlit keeps the element, so the script runs once per browser tab.
    """
    with st.container(key="vertaling"):
        st.html(HTML, unsafe_allow_javascript=True)


def vertaal_python(tekst: str) -> str:
    """The translation the browser script applies, in Python (for tests and documentation)."""
    kern = tekst.strip()
    if kern in VERTALINGEN:
        return tekst.replace(kern, VERTALINGEN[kern])
    for patroon, nl in PATRONEN:
        if re.match(patroon, kern):
            return tekst.replace(kern, re.sub(patroon, nl, kern))
    return tekst
