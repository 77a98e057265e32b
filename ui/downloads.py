"""Download buttons whose file is made when clicked, never failing silently, and testable.

Every callable a page hands to a download button is wrapped so that an error gives a Dutch
message in a file of the type asked for (core.export.foutbestand), and kept in the session
(``DOWNLOADS_KEY``) so the tests can run exactly what the page passes: AppTest does not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from core.export import FORMATEN
from core.export.foutbestand import foutbestand

DOWNLOADS_KEY = "_downloads"  # {button key: (file name, the wrapped callable)}
_LOG = logging.getLogger(__name__)


def _veilig(maak: Callable[[], bytes | str], extensie: str, bestandsnaam: str) -> Callable[[], bytes | str]:
    def gemaakt():
        try:
            return maak()
        except Exception:
            _LOG.exception("Download %s kon niet worden gemaakt", bestandsnaam)
            return foutbestand(extensie)

    return gemaakt


def knop(container, label: str, maak: Callable[[], bytes | str], bestandsnaam: str, key: str, **opties) -> None:
    """A download button for ``bestandsnaam`` whose content ``maak`` makes on click."""
    extensie = bestandsnaam.rsplit(".", 1)[-1]
    veilig = _veilig(maak, extensie, bestandsnaam)
    st.session_state.setdefault(DOWNLOADS_KEY, {})[key] = (bestandsnaam, veilig)
    container.download_button(
        label, data=veilig, file_name=bestandsnaam, mime=FORMATEN[extensie].mime, on_click="ignore", key=key, **opties
    )


MENU_PREFIX = "menu_"


def menu(label: str, naam: str, **opties):
    """A download menu (a popover) whose buttons are made only while it is open, or None while folded.

    A page with a dozen download buttons paid for each of them on every slider move (about half a
    millisecond each); folded, the menu costs one element. Opening it reruns the page once.
    """
    popover = st.popover(label, key=f"{MENU_PREFIX}{naam}", on_change="rerun", **opties)
    return popover if popover.open else None


def begin_run() -> None:
    """Forget the previous run's downloads (called once per run by app.py)."""
    st.session_state[DOWNLOADS_KEY] = {}
