"""The entry template: one row per figure, the same columns for a form, a CSV file and an Excel file.

A figure is named by ``onderdeel`` (which kind of figure), ``periode`` and ``grootheid``; the
remaining columns are its value and its provenance. The optional columns describe a figure
that is not in the database yet (a new begroting line, a new kengetal); for a known figure
they may stay empty and are taken from its newest stored version.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Font, PatternFill

from core.export.tabellen import veilige_tekst

HALFJAAR, BEGROTING, KENGETAL, NORMPAD = "halfjaar", "begroting", "kengetal", "normpad"
ONDERDELEN = (HALFJAAR, BEGROTING, KENGETAL, NORMPAD)
ONDERDEEL_LABEL = {
    HALFJAAR: "halfjaarcijfer statushouders",
    BEGROTING: "begrotingsregel",
    KENGETAL: "kengetal",
    NORMPAD: "normpad van de Provincie",
}
GROOTHEDEN_HALFJAAR = ("taakstelling", "realisatie", "achterstand_eind", "opgave")
NORM_GROOTHEID = "max_achterstand"
SOORTEN = ("gerapporteerd", "afgeleid", "aanname")
STROMEN = ("BW", "MO")
KANTEN = ("lasten", "baten")
INDEXATIES = ("du_mo", "iubw", "zorgkosten", "geen")


@dataclass(frozen=True)
class Sjabloonkolom:
    naam: str
    verplicht: bool
    uitleg: str  # Dutch: what goes in it


KOLOMMEN: tuple[Sjabloonkolom, ...] = (
    Sjabloonkolom("onderdeel", True, "halfjaar, begroting, kengetal of normpad"),
    Sjabloonkolom("periode", True, "halfjaar als 2027-H1 (halfjaar, normpad), jaar als 2027 (begroting), "
                  "of de periode van het kengetal (2027, 2027-H1)"),
    Sjabloonkolom("grootheid", True, "halfjaar: taakstelling, realisatie, achterstand_eind of opgave; begroting: de "
                  "naam van de regel; kengetal: onderwerp/sleutel (bijvoorbeeld reserve/stand_jaarrekening); "
                  "normpad: max_achterstand"),
    Sjabloonkolom("waarde", True, "het getal: personen als heel getal, euro's met decimale komma of punt, "
                  "percentages als 2,5"),
    Sjabloonkolom("bron_id", True, "het document (zie de lijst op de pagina Bronnen, of voeg een nieuw document toe)"),
    Sjabloonkolom("sectie", True, "hoofdstuk, paragraaf of tabel in het document"),
    Sjabloonkolom("peildatum", False, "de datum waarop het cijfer betrekking heeft, zo precies als de bron: "
                  "2027-01-01, 2027-04 of 2027; leeg als de bron geen datum noemt"),
    Sjabloonkolom("soort", True, "gerapporteerd, afgeleid of aanname"),
    Sjabloonkolom("toelichting", False, "vrije tekst, bijvoorbeeld het citaat"),
    Sjabloonkolom("omschrijving", False, "kengetal: de omschrijving (verplicht voor een nieuw kengetal)"),
    Sjabloonkolom("eenheid", False, "kengetal: euro, personen, procent, ... (verplicht voor een nieuw kengetal)"),
    Sjabloonkolom("stroom", False, "begroting: BW of MO (verplicht voor een nieuwe regel)"),
    Sjabloonkolom("kant", False, "begroting: lasten of baten (verplicht voor een nieuwe regel)"),
    Sjabloonkolom("indexatie", False, "begroting: du_mo, iubw, zorgkosten of geen (verplicht voor een nieuwe regel)"),
    Sjabloonkolom("raming", False, "ja als de bron het cijfer zelf een raming noemt (circa, raming), anders nee of leeg"),
)
KOLOMNAMEN = tuple(k.naam for k in KOLOMMEN)
VERPLICHT = tuple(k.naam for k in KOLOMMEN if k.verplicht)

# Two example rows: what a new half year looks like (the figures are placeholders the user overwrites).
VOORBEELDRIJEN = (
    {"onderdeel": HALFJAAR, "periode": "2026-H2", "grootheid": "realisatie", "waarde": "0", "bron_id": "",
     "sectie": "", "peildatum": "2027-01-01", "soort": "gerapporteerd", "toelichting": ""},
    {"onderdeel": KENGETAL, "periode": "2026", "grootheid": "reserve/stand_jaarrekening", "waarde": "0",
     "bron_id": "", "sectie": "", "peildatum": "", "soort": "gerapporteerd", "toelichting": "",
     "omschrijving": "Stand reserve Beschermd Thuis volgens de jaarrekening", "eenheid": "euro"},
)


def sjabloon_csv(met_voorbeeld: bool = False) -> bytes:
    """The template as CSV the way Dutch Excel writes it: ``;`` between fields, UTF-8 with BOM."""
    regels = [";".join(KOLOMNAMEN)]
    for rij in VOORBEELDRIJEN if met_voorbeeld else ():
        regels.append(";".join(_csv_veld(rij.get(k, "")) for k in KOLOMNAMEN))
    return ("\r\n".join(regels) + "\r\n").encode("utf-8-sig")


def _csv_veld(value: str) -> str:
    value = veilige_tekst(value)
    return f'"{value.replace(chr(34), chr(34) * 2)}"' if any(c in value for c in ';"\n\r') else value


def sjabloon_excel(met_voorbeeld: bool = False) -> bytes:
    """The template as an Excel workbook: sheet *Cijfers* to fill in, sheet *Uitleg* per column."""
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.title = "Cijfers"
    for kolom, naam in enumerate(KOLOMNAMEN, start=1):
        cel = blad.cell(1, kolom, naam)
        cel.font = Font(bold=True)
        cel.fill = PatternFill("solid", fgColor="E6E6E6")
        blad.column_dimensions[cel.column_letter].width = max(12, len(naam) + 4)
    for r, rij in enumerate(VOORBEELDRIJEN if met_voorbeeld else (), start=2):
        for kolom, naam in enumerate(KOLOMNAMEN, start=1):
            cel = blad.cell(r, kolom, veilige_tekst(rij.get(naam, "")) or None)
            cel.data_type = "s"  # every cell text: the periode 2027 must not turn into a number or a date
    blad.freeze_panes = "A2"
    uitleg = werkmap.create_sheet("Uitleg")
    for r, (kop, tekst) in enumerate([("kolom", "wat erin hoort"), *((k.naam + (" (verplicht)" if k.verplicht else ""), k.uitleg)
                                      for k in KOLOMMEN)], start=1):
        uitleg.cell(r, 1, kop)
        uitleg.cell(r, 2, tekst)
    uitleg.column_dimensions["A"].width = 24
    uitleg.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
