"""Which assumptions differ from the baseline, marked in the sidebar.

The comparison is the scenario's own (``Scenario.afwijkingen``). The mark is a stylesheet made
after the controls are drawn, so it is right on the very first run of a link, and the controls
themselves never change (a changed label or container would redraw a slider while it is moved).
Each keyed control has the class ``st-key-<name>``; the label gets a "gewijzigd" tag, and so does
the title of a folded section that holds a changed control. One sentence names them in words.
"""

from __future__ import annotations

import streamlit as st

from core.model.scenario import Scenario
from ui.tekst import als_tekst

MARKERING = "gewijzigd"
_LABEL = (
    '[data-testid="stSidebar"] .st-key-{naam} [data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"] p::after',
    '[data-testid="stSidebar"] .st-key-{naam} [data-testid="stCheckbox"] [data-testid="stMarkdownContainer"] p::after',
    '[data-testid="stSidebar"] [data-testid="stExpander"]:has(.st-key-{naam}) summary [data-testid="stMarkdownContainer"] p::after',
)
# A folded section's controls are not drawn (ui.sidebar), so its title is found by the expander's own key.
_SECTIE = '[data-testid="stSidebar"] .st-key-{sectie} summary [data-testid="stMarkdownContainer"] p::after'

_STIJL = (
    f'content: "{MARKERING}"; margin-left: 0.4em; padding: 0 0.4em; border-radius: 0.5rem; '
    "background: #FFF1D6; color: #7A4A00; font-size: 0.75em; font-weight: 600; white-space: nowrap;"
)


def stijl(scenario: Scenario, secties: dict[str, str] | None = None) -> str:
    """The stylesheet that tags every control whose value differs from the baseline ('' if none does).

    ``secties``: control name -> the key of the expander of the folded section it sits in.
    """
    namen = [parameter.naam for parameter, _basis, _waarde in scenario.afwijkingen()]
    if not namen:
        return ""
    secties = secties or {}
    sectiekeys = dict.fromkeys(secties[naam] for naam in namen if naam in secties)
    selectors = ",\n".join(
        [*(s.format(naam=naam) for naam in namen for s in _LABEL), *(_SECTIE.format(sectie=key) for key in sectiekeys)]
    )
    return f"<style>\n{selectors} {{ {_STIJL} }}\n</style>"


def zin(scenario: Scenario) -> str | None:
    """One line naming the changed assumptions, for the top of the sidebar (None for the baseline)."""
    afwijkingen = scenario.afwijkingen()
    if not afwijkingen:
        return None
    labels = ", ".join(parameter.label for parameter, _basis, _waarde in afwijkingen)
    aantal = "1 aanname wijkt" if len(afwijkingen) == 1 else f"{len(afwijkingen)} aannames wijken"
    return f"{aantal} af van het basisscenario ({MARKERING}): {labels}."


def markeer(scenario: Scenario, secties: dict[str, str] | None = None) -> None:
    """Tag the changed controls (a stylesheet takes no space) and name them in words."""
    if css := stijl(scenario, secties):
        st.html(css)
    if tekst := zin(scenario):
        st.caption(als_tekst(tekst))
