"""A "Kopieer link" button: copies the page's address (which holds the whole scenario) and says so.

Streamlit has no button that runs in the browser, and the address must be read there (the
server does not know what the address bar shows after the controls wrote to it). So this is a
small piece of HTML with a script, in the page itself (st.html, not an iframe): the script reads
``window.location.href`` at the moment of the click. The Clipboard API needs a secure context
(https, or localhost); elsewhere the older ``execCommand("copy")`` is used. Either way the
button says in words whether it worked. The same HTML on every run: Streamlit keeps the element.
"""

from __future__ import annotations

import streamlit as st

GEKOPIEERD = "Link gekopieerd: plak hem in een mail of chat."
MISLUKT = "Kopiëren lukte niet; kopieer de adresbalk zelf."
KNOP = "Kopieer link"

HTML = f"""
<style>
.verkenner-kopieer {{ width: 100%; min-height: 2.5rem; padding: 0.25rem 0.75rem; border-radius: 0.5rem;
  border: 1px solid rgba(49, 51, 63, 0.2); background: #fff; color: inherit; font: inherit; cursor: pointer; }}
.verkenner-kopieer:hover, .verkenner-kopieer:focus-visible {{ border-color: #FF4B4B; color: #FF4B4B; }}
.verkenner-kopieer-melding {{ display: block; min-height: 1.2em; margin-top: 0.3rem; font-size: 0.875rem; color: #555; }}
</style>
<button type="button" class="verkenner-kopieer" data-testid="kopieerLink">{KNOP}</button>
<span class="verkenner-kopieer-melding" role="status" aria-live="polite"></span>
<script>
(() => {{
  const wortel = document.currentScript.parentElement;
  const knop = wortel.querySelector(".verkenner-kopieer");
  const melding = wortel.querySelector(".verkenner-kopieer-melding");
  const oud = (tekst) => {{
    const veld = document.createElement("textarea");
    veld.value = tekst;
    veld.setAttribute("readonly", "");
    veld.style.position = "fixed";
    veld.style.opacity = "0";
    document.body.appendChild(veld);
    veld.select();
    const gelukt = document.execCommand("copy");
    veld.remove();
    return gelukt;
  }};
  knop.addEventListener("click", async () => {{
    const adres = window.location.href;
    let gelukt = false;
    try {{
      await navigator.clipboard.writeText(adres);
      gelukt = true;
    }} catch (fout) {{
      try {{ gelukt = oud(adres); }} catch (fout2) {{ gelukt = false; }}
    }}
    melding.textContent = gelukt ? {GEKOPIEERD!r} : {MISLUKT!r};
    clearTimeout(knop._wis);
    knop._wis = setTimeout(() => {{ melding.textContent = ""; }}, 6000);
  }});
}})();
</script>
"""


def knop() -> None:
    """The button, with the sentence it shows after a click."""
    st.html(HTML, unsafe_allow_javascript=True)
