"""The single-figure forms: which figures staff enter by hand, and how a form becomes a template row.

Each kind of form fills the same template columns as a file, so a form entry goes through
exactly the same checks and preview as an upload.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.data import Basis
from core.invoer.controle import BEKENDE_KENGETALLEN
from core.invoer.sjabloon import BEGROTING, GROOTHEDEN_HALFJAAR, HALFJAAR, KENGETAL

RESERVE_JAARREKENING = "reserve/stand_jaarrekening"
RESERVE_BEGIN = "reserve/stand_begin"
INDEXATIE_DU_MO = "indexatie/du_mo_pct"
HUURTOESLAGREGEL = "huurtoeslag/grote_gezinnen_plaatsbaar"
LANDELIJKE_TAAKSTELLING = "landelijk/landelijke_taakstelling"


@dataclass(frozen=True)
class Formulier:
    naam: str
    label: str  # Dutch, for the choice
    onderdeel: str
    periode_label: str
    periode_voorbeeld: str
    waarde_label: str
    grootheid: str | None = None  # fixed; None: the user chooses from ``keuzes``
    omschrijving: str = ""  # the label of a kengetal the form may create
    eenheid: str = ""


FORMULIEREN: tuple[Formulier, ...] = (
    Formulier("realisatie", "Realisatie van een halfjaar (COA)", HALFJAAR, "Halfjaar", "2026-H2",
              "Gehuisveste statushouders", "realisatie"),
    Formulier("taakstelling", "Taakstelling van een halfjaar (Rijk)", HALFJAAR, "Halfjaar", "2027-H1", "Taakstelling (personen)",
              "taakstelling"),
    Formulier("achterstand", "Achterstand aan het eind van een halfjaar", HALFJAAR, "Halfjaar", "2026-H2",
              "Achterstand (personen)", "achterstand_eind"),
    Formulier("correctie", "Correctie van een eerder halfjaarcijfer", HALFJAAR, "Halfjaar", "2025-H2", "Gecorrigeerde waarde"),
    Formulier("reserve", "Stand van de reserve Beschermd Thuis", KENGETAL, "Jaar", "2026", "Stand (euro)"),
    Formulier("begroting", "Begrotingsregel", BEGROTING, "Begrotingsjaar", "2027", "Bedrag (euro)"),
    Formulier("indexatie", "Indexatiepercentage DU MO (circulaire)", KENGETAL, "Jaar", "2027", "Percentage",
              INDEXATIE_DU_MO, "Indexatie DU MO volgens de circulaire", "procent"),
    Formulier("budget", "Budget opvang en integratie", KENGETAL, "Jaar", "2027", "Budget (euro)"),
    Formulier("huurtoeslag", "Huurtoeslagregel voor grote gezinnen (Rijk)", KENGETAL, "Jaar", "2027",
              "Grote gezinnen plaatsbaar zonder HAR+ (1 = ja, 0 = nee)", HUURTOESLAGREGEL,
              *BEKENDE_KENGETALLEN[tuple(HUURTOESLAGREGEL.split("/"))]),
    Formulier("landelijk", "Landelijke taakstelling van een halfjaar (Rijk)", KENGETAL, "Halfjaar", "2027-H1",
              "Landelijke taakstelling (personen)", LANDELIJKE_TAAKSTELLING,
              *BEKENDE_KENGETALLEN[tuple(LANDELIJKE_TAAKSTELLING.split("/"))]),
)
FORMULIER = {f.naam: f for f in FORMULIEREN}


def keuzes(formulier: Formulier, basis: Basis) -> dict[str, str]:
    """{grootheid: Dutch label} the user chooses from, when the form does not fix it."""
    if formulier.grootheid is not None:
        return {}
    if formulier.onderdeel == HALFJAAR:
        return {g: g.replace("_", " ") for g in GROOTHEDEN_HALFJAAR}
    if formulier.naam == "reserve":
        return {RESERVE_JAARREKENING: "volgens de jaarrekening (eind van het jaar)",
                RESERVE_BEGIN: "beginstand van het begrotingsjaar"}
    if formulier.onderdeel == BEGROTING:
        regels = basis.begroting.sort_values("jaar").drop_duplicates("regel", keep="last")
        return {r: f"{r} ({s}, {k})" for r, s, k in zip(regels["regel"], regels["stroom"], regels["kant"])}
    budgetten = basis.kengetallen[basis.kengetallen["onderwerp"] == "budget"].drop_duplicates("sleutel", keep="last")
    return {f"budget/{s}": label for s, label in zip(budgetten["sleutel"], budgetten["label"])}


RESERVE_LABELS = {k: BEKENDE_KENGETALLEN[tuple(k.split("/"))] for k in (RESERVE_JAARREKENING, RESERVE_BEGIN)}


def rij(formulier: Formulier, *, periode: str, grootheid: str | None, waarde: str, bron_id: str, sectie: str,
        peildatum: str, soort: str, toelichting: str = "") -> dict[str, str]:
    """The template row a form describes (text, as typed: the checks are those of a file)."""
    gekozen = formulier.grootheid or grootheid or ""
    omschrijving, eenheid = RESERVE_LABELS.get(gekozen, (formulier.omschrijving, formulier.eenheid))
    return {
        "onderdeel": formulier.onderdeel, "periode": periode, "grootheid": gekozen, "waarde": waarde,
        "bron_id": bron_id, "sectie": sectie, "peildatum": peildatum, "soort": soort, "toelichting": toelichting,
        "omschrijving": omschrijving if formulier.onderdeel == KENGETAL else "",
        "eenheid": eenheid if formulier.onderdeel == KENGETAL else "",
    }
