"""Who may do what: the roles, the actions each role may take, and a Dutch refusal.

One declarative table (``ACTIES``) says, per action, the lowest role that may take it;
each role may do everything the roles before it in ``ROLLEN`` may. The core calls
``controleer`` before every write, so a direct call is refused as well as the button
being hidden; the UI asks ``Gebruiker.mag`` to decide what to draw.

Without a login (no ``[auth]`` in the secrets) the app runs in local single-user mode
as ``LOKAAL``, who may do everything. With a login, the role comes from a claim in the
identity token and/or from configured lists (``Toegangsinstellingen``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LEZER = "lezer"
BEWERKER = "bewerker"
BEHEERDER = "beheerder"
ROLLEN = (LEZER, BEWERKER, BEHEERDER)  # ascending: each role may do what the ones before it may

BEKIJKEN = "bekijken"
VERGELIJKEN = "vergelijken"
EXPORTEREN = "exporteren"
DELEN = "delen"
OPSLAAN = "opslaan"
ARCHIVEREN = "archiveren"
GEGEVENS_INVOEREN = "gegevens_invoeren"
BACKUP_TERUGZETTEN = "backup_terugzetten"
INVOER_TERUGDRAAIEN = "invoer_terugdraaien"


@dataclass(frozen=True)
class Actie:
    naam: str
    omschrijving: str  # Dutch, starts a sentence: "Scenario's opslaan ..."
    rol: str  # the lowest role that may take this action


ACTIES: tuple[Actie, ...] = (
    Actie(BEKIJKEN, "Pagina's, cijfers en bronnen bekijken", LEZER),
    Actie(VERGELIJKEN, "Scenario's vergelijken", LEZER),
    Actie(EXPORTEREN, "Tabellen, grafieken en samenvattingen downloaden", LEZER),
    Actie(DELEN, "Links naar scenario's delen en openen", LEZER),
    Actie(OPSLAAN, "Scenario's opslaan en nieuwe versies maken", BEWERKER),
    Actie(ARCHIVEREN, "Scenario's archiveren en terugzetten", BEWERKER),
    Actie(GEGEVENS_INVOEREN, "Basiscijfers invoeren en uploaden", BEWERKER),
    Actie(BACKUP_TERUGZETTEN, "Een back-up van de database terugzetten", BEHEERDER),
    Actie(INVOER_TERUGDRAAIEN, "Gegevensinvoer ongedaan maken", BEHEERDER),
)
ACTIE: dict[str, Actie] = {a.naam: a for a in ACTIES}


class GeenToegang(PermissionError):
    """The user's role does not allow the action; the message is Dutch and says who may."""


class OngeldigeToegangsinstellingen(ValueError):
    """The ``[toegang]`` settings are wrong; the message is Dutch and names the setting."""


def rollen_die_mogen(actie: str) -> tuple[str, ...]:
    return ROLLEN[ROLLEN.index(ACTIE[actie].rol) :]


@dataclass(frozen=True)
class Gebruiker:
    """Who is acting. ``id`` is what the audit trail records: the e-mail address, else the subject."""

    id: str
    naam: str
    rol: str
    aangemeld: bool  # False: local single-user mode, no login configured

    def mag(self, actie: str) -> bool:
        return self.rol in rollen_die_mogen(actie)


LOKAAL = Gebruiker(id="lokaal", naam="lokale gebruiker", rol=BEHEERDER, aangemeld=False)


def controleer(gebruiker: Gebruiker, actie: str) -> None:
    """Refuse ``actie`` with a Dutch message unless ``gebruiker``'s role allows it."""
    if gebruiker.mag(actie):
        return
    wie = " of ".join(rollen_die_mogen(actie))
    raise GeenToegang(
        f"{ACTIE[actie].omschrijving} mag alleen een {wie}. U bent aangemeld als {gebruiker.rol}; "
        "vraag een beheerder als u deze rol nodig heeft."
    )


LIJSTEN = {"lezers": LEZER, "bewerkers": BEWERKER, "beheerders": BEHEERDER}
GEEN = "geen"  # standaardrol: logged-in users without a role are refused


@dataclass(frozen=True)
class Toegangsinstellingen:
    """The ``[toegang]`` section of the secrets: where roles come from.

    - ``rol_claim``: a claim in the identity token whose value(s) name a role (a string or a list),
      e.g. ``roles`` (Microsoft Entra ID app roles) or ``groups``; ``claimwaarden`` maps the
      provider's own values (``"Verkenner.Bewerker"``) to a role, values equal to a role need no entry.
    - ``lezers``, ``bewerkers``, ``beheerders``: e-mail addresses (case does not matter; only when the
      provider does not say the address is unverified) or subject ids.
    - ``standaardrol``: the role of a logged-in user named nowhere, or ``"geen"`` to refuse them.
    The highest role any source gives counts.
    """

    rol_claim: str | None = None
    claimwaarden: Mapping[str, str] = field(default_factory=dict)
    lijsten: Mapping[str, str] = field(default_factory=dict)  # casefolded e-mail or sub -> rol
    standaardrol: str | None = LEZER

    @classmethod
    def uit(cls, section: Mapping) -> Toegangsinstellingen:
        section = dict(section or {})
        bekend = {"rol_claim", "claimwaarden", "standaardrol", *LIJSTEN}
        if onbekend := sorted(set(section) - bekend):
            raise OngeldigeToegangsinstellingen(
                f"Onbekende instelling in [toegang]: {', '.join(onbekend)}. Bekend zijn: {', '.join(sorted(bekend))}."
            )
        rol_claim = section.get("rol_claim")
        if rol_claim is not None and (not isinstance(rol_claim, str) or not rol_claim.strip()):
            raise OngeldigeToegangsinstellingen("[toegang] rol_claim moet de naam van een claim zijn (tekst).")
        claimwaarden = dict(section.get("claimwaarden") or {})
        for waarde, rol in claimwaarden.items():
            _eis_rol(rol, f"[toegang.claimwaarden] {waarde!r}")
        lijsten: dict[str, str] = {}
        for sleutel, rol in LIJSTEN.items():  # ascending, so a name in two lists gets the higher role
            namen = section.get(sleutel, [])
            if not isinstance(namen, list) or not all(isinstance(n, str) for n in namen):
                raise OngeldigeToegangsinstellingen(f"[toegang] {sleutel} moet een lijst van e-mailadressen zijn.")
            lijsten.update({n.strip().casefold(): rol for n in namen if n.strip()})
        standaard = section.get("standaardrol", LEZER)
        if standaard != GEEN:
            _eis_rol(standaard, "[toegang] standaardrol", extra=f' of "{GEEN}"')
        return cls(rol_claim, claimwaarden, lijsten, None if standaard == GEEN else standaard)

    def rol_van(self, claims: Mapping) -> str | None:
        """The highest role the claims give, else the standaardrol (None: no access)."""
        waarden = _als_lijst(claims.get(self.rol_claim)) if self.rol_claim else []
        gevonden = [self.claimwaarden.get(w, w) for w in waarden]
        for sleutel in (_geverifieerd_adres(claims), claims.get("sub")):
            if isinstance(sleutel, str) and sleutel.casefold() in self.lijsten:
                gevonden.append(self.lijsten[sleutel.casefold()])
        rollen = [r for r in gevonden if r in ROLLEN]
        return max(rollen, key=ROLLEN.index) if rollen else self.standaardrol


def _eis_rol(rol, waar: str, extra: str = "") -> None:
    if rol not in ROLLEN:
        raise OngeldigeToegangsinstellingen(
            f"{waar}: {rol!r} is geen rol. Kies uit {', '.join(f'{r!r}' for r in ROLLEN)}{extra}."
        )


def _als_lijst(waarde) -> list[str]:
    if isinstance(waarde, str):
        return [waarde]
    if isinstance(waarde, (list, tuple)):
        return [w for w in waarde if isinstance(w, str)]
    return []


def _geverifieerd_adres(claims: Mapping) -> str | None:
    # A provider that says the address is unverified may let users choose it themselves.
    return None if claims.get("email_verified") is False else claims.get("email")


def gebruiker_uit_claims(claims: Mapping, instellingen: Toegangsinstellingen) -> Gebruiker:
    """The logged-in user from the identity token's claims; GeenToegang if they have no role."""
    ident = claims.get("email") or claims.get("sub") or claims.get("preferred_username")
    naam = claims.get("name") or claims.get("preferred_username") or ident
    if not ident:
        raise GeenToegang("De inlogdienst gaf geen e-mailadres of gebruikers-id door; aanmelden kan zo niet.")
    rol = instellingen.rol_van(claims)
    if rol is None:
        raise GeenToegang(
            f"U bent aangemeld als {naam}, maar heeft geen rol in de Verkenner. Vraag een beheerder om toegang."
        )
    return Gebruiker(id=str(ident), naam=str(naam), rol=rol, aangemeld=True)
