"""Reading an uploaded file into rows of text: CSV (``;`` or ``,``) or Excel (.xlsx), nothing else.

Everything that can be wrong with the file itself is found here and reported in Dutch with the
row and column it concerns: not CSV or Excel, too large, half-written (a quote never closed, a
last row cut short, a damaged workbook), formulas, wrong or missing columns. Row numbers are
those a spreadsheet program shows: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from core.invoer.sjabloon import KOLOMNAMEN, VERPLICHT
from core.tekst import formatting as fmt

MAX_BYTES = 2_000_000
MAX_RIJEN = 2_000
ZIP_KOP = b"PK\x03\x04"
OUD_EXCEL_KOP = b"\xd0\xcf\x11\xe0"  # .xls (OLE2): not supported


@dataclass(frozen=True)
class Fout:
    """One problem with the input, in Dutch; ``rij`` and ``kolom`` say where (None: the whole file)."""

    melding: str
    rij: int | None = None
    kolom: str | None = None

    @property
    def tekst(self) -> str:
        plaats = []
        if self.rij is not None:
            plaats.append(f"rij {self.rij}")
        if self.kolom is not None:
            plaats.append(f"kolom {self.kolom}" if self.rij is not None else f"veld {self.kolom}")
        if not plaats:
            return self.melding
        waar = ", ".join(plaats)
        return f"{waar[0].upper()}{waar[1:]}: {self.melding}"


@dataclass(frozen=True)
class Rij:
    nummer: int | None  # as the spreadsheet shows it (header = 1); None: a form
    velden: dict[str, str]  # every template column, '' when empty


class OngeldigBestand(ValueError):
    """The file cannot be read as a template; ``fouten`` says why."""

    def __init__(self, fouten: list[Fout]):
        super().__init__("; ".join(f.tekst for f in fouten))
        self.fouten = fouten


def lees_bestand(naam: str, inhoud: bytes) -> list[Rij]:
    """The file's data rows as text, or OngeldigBestand with every problem found."""
    if len(inhoud) > MAX_BYTES:
        raise OngeldigBestand([Fout(
            f"Het bestand is te groot ({fmt.getal(len(inhoud) / 1_000_000, 1)} MB); hoogstens {MAX_BYTES // 1_000_000} MB. "
            "Splits het bestand of verwijder lege rijen en bladen."
        )])
    if not inhoud.strip():
        raise OngeldigBestand([Fout("Het bestand is leeg.")])
    extensie = naam.rsplit(".", 1)[-1].casefold() if "." in naam else ""
    if inhoud.startswith(OUD_EXCEL_KOP) or extensie == "xls":
        raise OngeldigBestand([Fout(
            "Dit is een Excel-bestand in het oude formaat (.xls). Bewaar het in Excel als .xlsx of als CSV en probeer het opnieuw."
        )])
    if inhoud.startswith(ZIP_KOP) or extensie == "xlsx":
        kop, rijen = _lees_excel(inhoud)
    elif extensie in ("csv", "txt", ""):
        kop, rijen = _lees_csv(inhoud)
    else:
        raise OngeldigBestand([Fout(
            f"Een bestand met de extensie .{extensie} kan niet worden ingelezen. Gebruik een CSV-bestand (.csv) of een "
            "Excel-bestand (.xlsx) volgens het sjabloon."
        )])
    return _naar_rijen(kop, rijen)


def lees_tabel(rijen: list[dict[str, object]], formulier: bool = False) -> list[Rij]:
    """Rows from a form or the Python API: the same checks of columns and cells as a file.

    A form's messages name the field, not a row (``formulier``)."""
    kop = list(dict.fromkeys(k for r in rijen for k in r)) or list(VERPLICHT)
    gelezen = _naar_rijen(kop, [[_als_tekst(r.get(k), None, None)[0] for k in kop] for r in rijen])
    return [Rij(None, r.velden) for r in gelezen] if formulier else gelezen


def _lees_csv(inhoud: bytes) -> tuple[list[str], list[list[str]]]:
    if b"\x00" in inhoud:
        raise OngeldigBestand([Fout("Dit is geen CSV- of Excel-bestand (het bestand bevat binaire gegevens).")])
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows writes "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252.
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError:
            raise OngeldigBestand([Fout("Dit is geen leesbaar CSV-bestand (onbekende tekencodering). Bewaar het als CSV UTF-8.")]) from None
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    gelezen = []
    try:
        for velden in lezer:
            gelezen.append(velden)
            if len(gelezen) > MAX_RIJEN + 1:
                raise OngeldigBestand([Fout(f"Het bestand heeft meer dan {MAX_RIJEN} rijen; splits het in delen.")])
    except csv.Error as error:
        raise OngeldigBestand([Fout(
            f"het bestand is onvolledig of beschadigd ({_csv_fout(error)}): een aanhalingsteken wordt niet gesloten. "
            "Is het bestand half opgeslagen of afgebroken?", len(gelezen) + 2,
        )]) from None
    if not gelezen:
        raise OngeldigBestand([Fout("Het bestand is leeg.")])
    kop = [k.strip() for k in gelezen[0]]
    rijen = gelezen[1:]
    fouten = []
    for nummer, velden in enumerate(rijen, start=2):
        if len(velden) > len(kop) and any(v.strip() for v in velden[len(kop):]):
            fouten.append(Fout(f"deze rij heeft {len(velden)} velden, de kopregel {len(kop)}.", nummer))
        elif len(velden) < len(kop) and any(v.strip() for v in velden):
            laatste = nummer == len(rijen) + 1
            fouten.append(Fout(
                f"deze rij heeft {len(velden)} velden, de kopregel {len(kop)}"
                + ("; het bestand lijkt afgebroken (half opgeslagen)." if laatste else "."), nummer))
    if fouten:
        raise OngeldigBestand(fouten)
    if not tekst.endswith(("\n", "\r")):
        # Every spreadsheet program ends a CSV file with a line break; without one the last row may be cut
        # off in the middle of a value (120 of 1200), which no other check could see.
        raise OngeldigBestand([Fout(
            "Het bestand eindigt midden in een regel: de laatste rij is mogelijk afgebroken (half opgeslagen). "
            "Sla het bestand opnieuw op vanuit het spreadsheetprogramma, of zet een regeleinde na de laatste rij."
        )])
    return kop, [v[: len(kop)] + [""] * (len(kop) - len(v)) for v in rijen]


def _csv_fout(error: csv.Error) -> str:
    return "onverwacht einde van het bestand" if "end" in str(error).casefold() else "ongeldig aanhalingsteken"


def _lees_excel(inhoud: bytes) -> tuple[list[str], list[list[str]]]:
    import openpyxl  # only for Excel uploads

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as error:
        raise OngeldigBestand([Fout(
            "Het Excel-bestand is onvolledig of beschadigd en kan niet worden gelezen "
            f"({type(error).__name__}). Is het half opgeslagen? Bewaar het opnieuw als .xlsx."
        )]) from None
    except Exception:  # openpyxl raises many kinds for a damaged workbook; none may reach the user
        raise OngeldigBestand([Fout("Het Excel-bestand kan niet worden gelezen; het is geen geldig .xlsx-bestand.")]) from None
    try:
        blad = werkmap["Cijfers"] if "Cijfers" in werkmap.sheetnames else werkmap.worksheets[0]
        kop: list[str] = []
        rijen: list[list[str]] = []
        fouten: list[Fout] = []
        for nummer, cellen in enumerate(blad.iter_rows(values_only=True), start=1):
            if nummer > MAX_RIJEN + 1:
                raise OngeldigBestand([Fout(f"Het bestand heeft meer dan {MAX_RIJEN} rijen; splits het in delen.")])
            if nummer == 1:
                kop = [str(c).strip() if c is not None else "" for c in cellen]
                continue
            rij = []
            for kolom, waarde in zip(kop, cellen):
                tekst, fout = _als_tekst(waarde, nummer, kolom or None)
                if fout:
                    fouten.append(fout)
                rij.append(tekst)
            rijen.append(rij + [""] * (len(kop) - len(rij)))
    except OngeldigBestand:
        raise
    except Exception:
        raise OngeldigBestand([Fout("Het Excel-bestand is onvolledig of beschadigd en kan niet worden gelezen.")]) from None
    finally:
        werkmap.close()
    if fouten:
        raise OngeldigBestand(fouten)
    while kop and kop[-1] == "":
        kop.pop()
    return kop, [r[: len(kop)] for r in rijen]


def _als_tekst(waarde, rij: int | None, kolom: str | None) -> tuple[str, Fout | None]:
    """A cell as text: numbers without noise (116, 3805532.37), dates as 2027-01-01; formulas refused."""
    if waarde is None:
        return "", None
    if isinstance(waarde, bool):
        return ("ja" if waarde else "nee"), None
    if isinstance(waarde, datetime):
        return waarde.date().isoformat(), None
    if isinstance(waarde, date):
        return waarde.isoformat(), None
    if isinstance(waarde, int):
        return str(waarde), None
    if isinstance(waarde, float):
        return (str(int(waarde)) if waarde.is_integer() else repr(waarde)), None
    tekst = str(waarde)
    if tekst.startswith("=") and rij is not None:
        return "", Fout("deze cel bevat een formule; vul de waarde zelf in (formules worden niet ingelezen).", rij, kolom)
    return tekst, None


def _naar_rijen(kop: list[str], rijen: list[list[str]]) -> list[Rij]:
    kop = [k.strip().casefold() for k in kop]
    fouten = _kolomfouten(kop)
    if fouten:
        raise OngeldigBestand(fouten)
    gevuld = [(nummer, velden) for nummer, velden in enumerate(rijen, start=2) if any(str(v).strip() for v in velden)]
    if len(gevuld) > MAX_RIJEN:
        raise OngeldigBestand([Fout(f"Het bestand heeft {len(gevuld)} rijen met cijfers; hoogstens {MAX_RIJEN}. Splits het in delen.")])
    if not gevuld:
        raise OngeldigBestand([Fout("Het bestand bevat geen cijfers: alleen een kopregel.")])
    return [
        Rij(nummer, {k: str(dict(zip(kop, velden)).get(k, "")).strip() for k in KOLOMNAMEN})
        for nummer, velden in gevuld
    ]


def _kolomfouten(kop: list[str]) -> list[Fout]:
    fouten = []
    ontbrekend = [k for k in VERPLICHT if k not in kop]
    if ontbrekend:
        fouten.append(Fout(
            f"Deze verplichte kolom{'men ontbreken' if len(ontbrekend) > 1 else ' ontbreekt'} in de kopregel: "
            f"{', '.join(ontbrekend)}. Gebruik het sjabloon (te downloaden op de pagina Gegevens bijwerken).", 1))
    onbekend = [k or "(leeg)" for k in kop if k not in KOLOMNAMEN]
    if onbekend:
        fouten.append(Fout(
            f"Onbekende kolom{'men' if len(onbekend) > 1 else ''} in de kopregel: {', '.join(onbekend)}. "
            f"Het sjabloon kent: {', '.join(KOLOMNAMEN)}.", 1))
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    if dubbel:
        fouten.append(Fout(f"Deze kolom staat twee keer in de kopregel: {', '.join(dubbel)}.", 1))
    return fouten
