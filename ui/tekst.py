"""User and link text shown as text: escaped wherever Streamlit renders markdown.

Streamlit renders labels, captions, alerts and st.markdown as Markdown with its own extensions
(``:red[...]``, ``:material/icon:``, emoji shortcodes, links and images). A scenario's name or a
value from a link must never become a link, an image fetched from elsewhere or a coloured text,
so every ASCII punctuation character that Markdown gives a meaning is backslash-escaped.
"""

from __future__ import annotations

import re
import unicodedata

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")


def als_tekst(text: str) -> str:
    """``text`` escaped for Streamlit's Markdown, so it shows exactly as typed; line breaks become spaces
    and control characters are dropped."""
    zichtbaar = "".join(c for c in str(text) if unicodedata.category(c) != "Cc" or c.isspace())
    return _MARKDOWN.sub(r"\\\1", " ".join(zichtbaar.split()))
