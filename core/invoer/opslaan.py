"""Storing a checked entry and undoing one: the rules (who may, what must be said), then one write.

Entering needs ``GEGEVENS_INVOEREN``, undoing ``INVOER_TERUGDRAAIEN``: checked here, so a direct
call is refused as well as the button being hidden. Every entry says who and why; an entry with
new consistency findings also says why it is stored anyway. The write itself is
``core.data.invoer`` (one transaction, one new data version).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from core import toegang
from core.data import invoer as data_invoer
from core.invoer.voorbeeld import Voorbeeld
from core.toegang import Gebruiker

MAX_NAAM, MAX_REDEN = 80, 500


class OngeldigeInvoer(ValueError):
    """The entry cannot be stored as it is; the message is Dutch and nothing was stored."""


def _tekst(waarde: str, veld: str, maximum: int) -> str:
    waarde = " ".join((waarde or "").split())
    if not waarde:
        raise OngeldigeInvoer(f"Vul {veld} in; er is niets opgeslagen.")
    if len(waarde) > maximum:
        raise OngeldigeInvoer(f"{veld[0].upper()}{veld[1:]} is te lang (hoogstens {maximum} tekens); er is niets opgeslagen.")
    return waarde


def naam_van(gebruiker: Gebruiker, ingevuld: str) -> str:
    """Who the audit trail names: the logged-in user, or (local mode) the name typed in."""
    return gebruiker.naam if gebruiker.aangemeld else _tekst(ingevuld, "uw naam", MAX_NAAM)


def omschrijving(voorbeeld: Voorbeeld) -> str:
    namen = [c.naam for c in voorbeeld.cijfers]
    tekst = f"Invoer van {len(namen)} {'cijfer' if len(namen) == 1 else 'cijfers'}: " + "; ".join(namen[:5])
    return tekst + (f"; en {len(namen) - 5} meer" if len(namen) > 5 else "")


def bewaar(path, voorbeeld: Voorbeeld, gebruiker: Gebruiker, *, naam: str = "", reden: str,
           reden_bevindingen: str = "", op: datetime | None = None) -> int:
    """Store a previewed entry as a new data version; return its number. Raises OngeldigeInvoer or GeenToegang."""
    toegang.controleer(gebruiker, toegang.GEGEVENS_INVOEREN)
    if not voorbeeld.geldig or voorbeeld.basis_na is None:
        raise OngeldigeInvoer("Deze invoer bevat fouten of geen cijfers; er is niets opgeslagen.")
    wie = naam_van(gebruiker, naam)
    reden = _tekst(reden, "de reden van deze invoer", MAX_REDEN)
    toelichting = " ".join((reden_bevindingen or "").split())
    if voorbeeld.vraagt_reden_bevindingen and not toelichting:
        raise OngeldigeInvoer(
            "Deze cijfers wijken af van de controles (zie de bevindingen). Leg uit waarom u ze toch opslaat; "
            "er is niets opgeslagen."
        )
    if len(toelichting) > MAX_REDEN:
        raise OngeldigeInvoer(f"De uitleg bij de bevindingen is te lang (hoogstens {MAX_REDEN} tekens); er is niets opgeslagen.")
    bron = Counter(c.rij["bron_id"] for c in voorbeeld.cijfers).most_common(1)[0][0]
    return data_invoer.bewaar_invoer(
        path,
        [(c.tabel, dict(c.rij)) for c in voorbeeld.cijfers],
        [d.__dict__ for d in voorbeeld.documenten],
        wie=wie, gebruiker_id=gebruiker.id, rol=gebruiker.rol, reden=reden, omschrijving=omschrijving(voorbeeld),
        bron_id=bron, reden_bevindingen=toelichting, verwachte_versie=voorbeeld.basis_na.versie, op=op,
    )


def draai_terug(path, versie: int, gebruiker: Gebruiker, *, naam: str = "", reden: str, op: datetime | None = None) -> int:
    """Undo a data version by a new one that restores the figures it changed; return the new version's number."""
    toegang.controleer(gebruiker, toegang.INVOER_TERUGDRAAIEN)
    return data_invoer.terugdraaien(
        path, versie, wie=naam_van(gebruiker, naam), gebruiker_id=gebruiker.id, rol=gebruiker.rol,
        reden=_tekst(reden, "de reden om terug te draaien", MAX_REDEN), op=op,
    )
