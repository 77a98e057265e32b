"""Login and the current user: the one place the UI learns who is acting.

With an ``[auth]`` section in the secrets, the app asks for single sign-on (Streamlit's
``st.login``, OpenID Connect) and derives the role from the identity token (``core.toegang``).
Without it, the app runs in local single-user mode and says so in the sidebar.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from core import toegang
from core.toegang import LOKAAL, GeenToegang, Gebruiker, OngeldigeToegangsinstellingen, Toegangsinstellingen

LOKALE_MODUS = "Lokale modus: er is geen login ingesteld; iedereen die deze app bereikt, mag alles."
GEBRUIKER_KEY = "_gebruiker"  # set by aanmelden() at the top of every run


def _geheimen() -> Mapping:
    # No secrets file at all is the ordinary local case, not an error.
    return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}


def _aangemeld() -> bool:
    return bool(st.user.to_dict().get("is_logged_in"))


def _bepaal_gebruiker(geheimen: Mapping | None = None) -> Gebruiker:
    geheimen = _geheimen() if geheimen is None else geheimen
    if "auth" not in geheimen:
        return LOKAAL
    instellingen = Toegangsinstellingen.uit(geheimen.get("toegang", {}))
    if not _aangemeld():
        raise GeenToegang("U bent niet aangemeld.")
    return toegang.gebruiker_uit_claims(st.user.to_dict(), instellingen)


def gebruiker() -> Gebruiker:
    """Who is acting in this run: the logged-in user, or LOKAAL without a login.

    The identity the audit trail records is ``gebruiker().id``. Raises GeenToegang or
    OngeldigeToegangsinstellingen when a login is configured and this session may not act
    (``aanmelden`` stops such runs before any page draws).
    """
    return st.session_state.get(GEBRUIKER_KEY) or _bepaal_gebruiker()


def aanmelden() -> Gebruiker:
    """At the top of every run: the current user, or a login screen and the end of this run."""
    st.session_state[GEBRUIKER_KEY] = None
    geheimen = _geheimen()
    if "auth" not in geheimen:
        st.sidebar.caption(LOKALE_MODUS)
        st.session_state[GEBRUIKER_KEY] = LOKAAL
        return LOKAAL
    if not _aangemeld():
        _inlogscherm()
    try:
        huidige = _bepaal_gebruiker(geheimen)
    except OngeldigeToegangsinstellingen as error:
        st.error(f"De instellingen voor inloggen kloppen niet; meld dit aan de beheerder. {error}", icon=":material/error:")
        st.stop()
    except GeenToegang as error:
        st.warning(str(error), icon=":material/lock:")
        st.button("Uitloggen", on_click=st.logout, key="uitloggen")
        st.stop()
    with st.sidebar:
        st.text(f"Aangemeld als {huidige.naam} ({huidige.rol})")  # st.text: a name is never markup
        st.button("Uitloggen", on_click=st.logout, key="uitloggen", icon=":material/logout:")
    st.session_state[GEBRUIKER_KEY] = huidige
    return huidige


def _inlogscherm() -> None:
    st.title("Sociaal Domein Verkenner")
    st.write("Meld u aan met uw account van de gemeente om de Verkenner te gebruiken.")
    st.button("Inloggen", on_click=st.login, type="primary", key="inloggen", icon=":material/login:")
    st.stop()
