"""What a user sees when a page fails unexpectedly: a Dutch message, never a traceback.

The full error goes to the server log with a short code; the message shows only that code,
so a beheerder can find the entry without the page revealing paths, types or process ids.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

log = logging.getLogger("verkenner")


@contextmanager
def vang_paginafouten() -> Iterator[None]:
    # Streamlit's own flow control (st.stop, st.rerun, switch_page) derives from BaseException
    # and passes through untouched.
    try:
        yield
    except Exception:
        code = secrets.token_hex(4)
        log.exception("Onverwachte fout op een pagina (code %s)", code)
        st.error(
            "Er ging iets mis bij het tonen van deze pagina. Uw scenario en opgeslagen gegevens zijn niet "
            f"gewijzigd. Probeer het opnieuw of kies een andere pagina. Meldt u het probleem, noem dan code {code}.",
            icon=":material/error:",
        )
