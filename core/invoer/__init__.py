"""Staff keep the figures current: the template, reading and checking an entry, and its preview.

Pure logic, no database writes: ``voorbereid`` takes the rows of a form or the bytes of an
uploaded file and the current base data, and returns a ``Voorbeeld`` (errors, or what
changes, the headline effects and the new consistency findings). Storing is
``core.data.invoer.bewaar``, which runs the same checks again.

    from core.invoer import voorbereid_bestand
    v = voorbereid_bestand("cijfers.csv", inhoud, basis, vandaag=date.today())
    v.fouten, v.wijzigingen, v.effecten, v.bevindingen
"""

from __future__ import annotations

from datetime import date

from core.data import Basis
from core.invoer.controle import Cijfer, NieuwDocument, controleer, controleer_documenten
from core.invoer.inlezen import Fout, OngeldigBestand, Rij, lees_bestand, lees_tabel
from core.invoer.sjabloon import KOLOMMEN, KOLOMNAMEN, sjabloon_csv, sjabloon_excel
from core.invoer.voorbeeld import Effect, Voorbeeld, Wijziging, effecten, nieuwe_bevindingen, pas_toe, wijzigingen

__all__ = [
    "Cijfer", "Effect", "Fout", "KOLOMMEN", "KOLOMNAMEN", "NieuwDocument", "Voorbeeld", "Wijziging",
    "sjabloon_csv", "sjabloon_excel", "voorbereid", "voorbereid_bestand", "voorbereid_rijen",
]


def voorbereid_bestand(naam: str, inhoud: bytes, basis: Basis, vandaag: date,
                       documenten: list[NieuwDocument] = ()) -> Voorbeeld:
    """Read, check and preview an uploaded file (CSV or Excel)."""
    try:
        rijen = lees_bestand(naam, inhoud)
    except OngeldigBestand as error:
        return Voorbeeld(fouten=error.fouten, documenten=list(documenten))
    return voorbereid(rijen, basis, vandaag, documenten)


def voorbereid_rijen(rijen: list[dict], basis: Basis, vandaag: date, documenten: list[NieuwDocument] = (),
                     formulier: bool = False) -> Voorbeeld:
    """Check and preview rows from a form or the Python API ({kolom: tekst} per figure)."""
    try:
        gelezen = lees_tabel(rijen, formulier)
    except OngeldigBestand as error:
        return Voorbeeld(fouten=error.fouten, documenten=list(documenten))
    return voorbereid(gelezen, basis, vandaag, documenten)


def samenhang(basis_na: Basis) -> list[Fout]:
    """Figures the model needs together: a new begroting year needs the reserve's start in that year."""
    jaar = str(basis_na.basisjaar)
    if ("reserve", "stand_begin", jaar) not in basis_na.kengetal_rijen:
        return [Fout(
            f"Een begroting voor {jaar} is de nieuwe basis van de reserveprognose en vraagt ook de beginstand van de "
            f"reserve in {jaar}: voeg in hetzelfde bestand een rij toe met onderdeel kengetal, periode {jaar}, "
            "grootheid reserve/stand_begin."
        )]
    return []


def voorbereid(rijen: list[Rij], basis: Basis, vandaag: date, documenten: list[NieuwDocument] = ()) -> Voorbeeld:
    documenten = list(documenten)
    fouten = controleer_documenten(documenten, basis, vandaag)
    uitkomst = controleer(rijen, basis, vandaag, documenten)
    fouten += uitkomst.fouten
    if fouten:
        return Voorbeeld(fouten=fouten, documenten=documenten)
    basis_na = pas_toe(basis, uitkomst.cijfers, documenten)
    if fouten := samenhang(basis_na):
        return Voorbeeld(fouten=fouten, documenten=documenten)
    try:
        gevolgen = effecten(basis, basis_na)
        bevindingen = nieuwe_bevindingen(basis, basis_na)
    except Exception as error:  # the model cannot compute on these figures: refuse, never store them
        return Voorbeeld(documenten=documenten, fouten=[Fout(
            "Met deze cijfers kan het model niet rekenen; er is niets opgeslagen. Controleer of de perioden en "
            f"grootheden aansluiten op de bestaande cijfers ({type(error).__name__}: {error})."
        )])
    return Voorbeeld(
        cijfers=uitkomst.cijfers,
        documenten=documenten,
        wijzigingen=wijzigingen(basis, basis_na, uitkomst.cijfers),
        effecten=gevolgen,
        bevindingen=bevindingen,
        basis_na=basis_na,
    )
