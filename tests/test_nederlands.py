"""No English on any screen: every text a page sends to the browser is scanned for English interface words.

AppTest sees what the Python side sends (labels, help texts, placeholders, options, tables,
sentences). What only the browser draws (toolbars, menus) is scanned in tests/test_browser.py.
"""

from __future__ import annotations

import re

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.conftest import APP

PAGES = ["views/overzicht.py", "views/taakstelling.py", "views/reserve.py", "views/vergelijken.py",
         "views/scenarios.py", "views/bronnen.py", "views/gegevens.py"]
ENGELS = [
    "Choose", "Select all", "Select an", "Download as", "Show data", "Copy Vega", "View source", "Open in Vega",
    "Save as", "Record screen", "Rerun", "Settings", "Clear cache", "Running", "Press Enter", "No results",
    "Deploy", "Fullscreen", "Search", "Collapse", "Expand", "Loading", "Please", "Error", "Warning", "Baseline",
    "Submit", "Cancel", "Delete", "Upload", "Browse files", "Drag and drop", "None", "True", "False", "nan", "NaN",
]
# Fields that are not shown as text: ids, chart specs and data, CSS, code.
OVERSLAAN = {"id", "form_id", "spec", "data", "arrow_data", "css", "code_text", "key", "query_param_key",
             "icon", "url", "page_script_hash", "selection_mode", "vega_lite_chart", "datasets", "body_html"}


def _teksten(message: Message) -> list[str]:
    if message.DESCRIPTOR.name == "Html":
        # st.html carries stylesheets and the scripts of ui/chrome.py (whose table of Streamlit's English
        # texts is English by design) and ui/kopieerlink.py; what they show is scanned in the browser
        # (tests/test_browser_weergave.py).
        return []
    result = []
    for field, value in message.ListFields():
        if field.name in OVERSLAAN:
            continue
        values = list(value) if getattr(field, "is_repeated", False) or isinstance(value, (list, tuple)) or type(value).__name__.startswith("Repeated") else [value]
        for v in values:
            if isinstance(v, Message):
                result += _teksten(v)
            elif isinstance(v, str):
                result.append(v)
    return result


def _alle_teksten(at: AppTest) -> list[str]:
    teksten = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            teksten += _teksten(proto)
    for frame in at.dataframe:
        teksten += [str(c) for c in frame.value.columns]
        teksten += [str(v) for v in frame.value.to_numpy().ravel()]
    return teksten


def _nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


@pytest.mark.parametrize("page", PAGES)
def test_no_english_on_any_page(page):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["vergelijk"] = "Huidig scenario (zijbalk)"
    at.query_params["huisvesting_per_halfjaar"] = "150"
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception
    teksten = _alle_teksten(at)
    assert len(teksten) > 20  # the scan sees the page
    gevonden = sorted({w for t in teksten for w in ENGELS if re.search(rf"\b{re.escape(w)}\b", t)})
    assert not gevonden, {w: [t for t in teksten if w in t][:3] for w in gevonden}
