"""User and link text escaped for Markdown shows exactly as typed: never a link, image, colour or icon."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ui.tekst import als_tekst

# CommonMark with GitHub's tables and strikethrough, as Streamlit's frontend renders Markdown.
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
AANVALLEN = [
    "[Klik hier om opnieuw in te loggen](https://example.org/login)",
    "![x](http://example.org/pixel.png)",
    ":red[Alarm] :material/warning: :smile:",
    "**vet** _schuin_ `code` # kop",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://example.org\",\"Klik\")",
    "1. lijst\n- punt",
    "a | b\n--|--\nc | d",
    "~~weg~~ $x^2$",
]


def _gerenderd(text: str) -> str:
    return MARKDOWN.render(als_tekst(text))


def _zichtbaar(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def test_known_attacks_show_as_plain_text():
    for aanval in AANVALLEN:
        rendered = _gerenderd(aanval)
        assert rendered.startswith("<p>") and rendered.count("<") == 2, rendered  # one plain paragraph
        assert _zichtbaar(rendered) == " ".join(aanval.split())
        assert not re.search(r":[a-z/_]+(\[|:)", als_tekst(aanval).replace("\\:", "")), "Streamlit directive left"


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=120).filter(lambda s: s.strip()))
def test_any_text_renders_as_itself(text):
    rendered = _gerenderd(text)
    assert "<a " not in rendered and "<img" not in rendered and "<strong>" not in rendered and "<em>" not in rendered
    zonder_stuurtekens = "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())
    assert _zichtbaar(rendered) == " ".join(zonder_stuurtekens.split())
