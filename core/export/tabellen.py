"""Tables as Dutch CSV and as Excel workbooks with the assumptions and the sources.

Headers and number formats come from ``core.tekst.tabellen``, so an export reads like the
screen. Numbers stay numbers: whole counts as integers, euros to the cent, years as years.
Text is always written as text: a name like ``=HYPERLINK(...)`` never becomes a formula.
"""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.data import Basis
from core.model.scenario import Scenario
from core.tekst import formatting as fmt
from core.tekst import herkomst, zinnen
from core.tekst.tabellen import (
    AANNAMES, DATUM, DOCUMENTEN, FIGUREN_EXPORT, HALFJAAR, NAAR_EENHEID, PEILDATUM, TEKST, Kolom, met_koppen,
)

# A spreadsheet program reads a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
EENHEID_FORMAAT = {"euro": '"€" #,##0;"€" -#,##0', "jaar": "0", "personen": "#,##0", "aantal": "#,##0"}


def _getal(value):
    """A number as it is: 184.0 -> 184, -891803.9600000009 -> -891803.96 (to the cent)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 2)
    return value


def veilige_tekst(text: str) -> str:
    """Text a spreadsheet shows as text: no control characters, no leading formula character."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + text if text.startswith(FORMULE_TEKENS) else text


# Exported as they are: text, and half years as their code ("2026-H2": it sorts and filters in a
# spreadsheet; the screen shows "2e helft 2026").
ALS_CODE = (TEKST, HALFJAAR)


def _exportframe(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """Dutch headers; numbers stay numbers, dates become dates, ja/nee becomes Dutch words."""
    uit = met_koppen(frame, kolommen)  # a new frame (copy-on-write): the caller's stays as it is
    for kolom in kolommen.values():
        values = list(uit[kolom.kop])
        if kolom.opmaak is DATUM:
            uit[kolom.kop] = pd.to_datetime(uit[kolom.kop])
            continue
        if any(kolom.opmaak is opmaak for opmaak in ALS_CODE):
            pass
        elif kolom.opmaak is PEILDATUM or kolom.opmaak.excel_formaat is None:
            values = [kolom.opmaak.weergave(v) if not fmt.ontbreekt(v) or kolom.opmaak is PEILDATUM else None for v in values]
        else:
            values = [None if fmt.ontbreekt(v) else _getal(v) for v in values]
        uit[kolom.kop] = pd.Series(values, index=uit.index, dtype=object)
    return uit


def _csv_veld(value):
    """One CSV field: text made safe, a number with a decimal comma and no noise (184, 2379950,37)."""
    if isinstance(value, str):
        return veilige_tekst(value)
    if isinstance(value, float):
        return format(value, ".2f").rstrip("0").rstrip(".").replace(".", ",")
    return value


def csv_bytes(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> bytes:
    """CSV as Dutch Excel reads it: ``;`` between fields, decimal comma, UTF-8 with BOM."""
    uit = _exportframe(frame, kolommen)
    for kop in uit.columns:
        uit[kop] = pd.Series([_csv_veld(v) for v in uit[kop]], index=uit.index, dtype=object)
    uit.columns = [veilige_tekst(str(kop)) for kop in uit.columns]  # a scenario's name can be a header
    text = uit.to_csv(sep=";", index=False, lineterminator="\r\n", date_format="%Y-%m-%d")
    return text.encode("utf-8-sig")


KOP_FONT = Font(bold=True)
KOP_VULLING = PatternFill("solid", fgColor="E6E6E6")
MIN_BREEDTE, MAX_BREEDTE = 8, 60

def _cel(blad: Worksheet, rij: int, kolom: int, value):
    """Write one cell: text as text (never a formula), numbers as numbers, no NA or numpy scalars."""
    if fmt.ontbreekt(value):
        value = None
    elif isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cel = blad.cell(rij, kolom, value)
    if isinstance(value, str) and value.startswith(FORMULE_TEKENS):
        cel.data_type = "s"
        cel.quotePrefix = True
    return cel


def _schrijf_tabel(blad: Worksheet, frame: pd.DataFrame, kolommen: dict[str, Kolom], rij: int = 1) -> int:
    """Write a table with a bold header row at ``rij``; return the first free row below it."""
    uit = _exportframe(frame, kolommen)
    opmaken = list(kolommen.values())
    eenheden = list(frame["eenheid"]) if "eenheid" in frame.columns else [None] * len(frame)
    for kolom, kop in enumerate(uit.columns, start=1):
        cel = _cel(blad, rij, kolom, kop)
        cel.font, cel.fill = KOP_FONT, KOP_VULLING
    for r, (values, eenheid) in enumerate(zip(uit.itertuples(index=False), eenheden), start=rij + 1):
        for kolom, (value, k) in enumerate(zip(values, opmaken), start=1):
            cel = _cel(blad, r, kolom, value)
            formaat = EENHEID_FORMAAT.get(eenheid) if k.opmaak is NAAR_EENHEID else k.opmaak.excel_formaat
            if formaat and cel.value is not None and not isinstance(cel.value, str):
                cel.number_format = formaat
    return rij + len(uit) + 1


def _kolombreedtes(blad: Worksheet) -> None:
    """Each column as wide as its longest text (numbers as shown in Dutch), within limits."""
    breedtes: dict[int, int] = {}
    for rij in blad.iter_rows():
        for cel in rij:
            if cel.value is not None:
                breedtes[cel.column] = max(breedtes.get(cel.column, 0), len(_zichtbaar(cel.value)))
    for kolom, breedte in breedtes.items():
        blad.column_dimensions[get_column_letter(kolom)].width = min(MAX_BREEDTE, max(MIN_BREEDTE, breedte + 2))


def _zichtbaar(value) -> str:
    if isinstance(value, date):
        return fmt.datum(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "€ " + fmt.getal(value)
    return str(value)


def _gegevensblad(werkmap: openpyxl.Workbook, naam: str, frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> None:
    blad = werkmap.create_sheet(veilige_bladnaam(naam))
    _schrijf_tabel(blad, frame, kolommen)
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = blad.dimensions
    _kolombreedtes(blad)


def veilige_bladnaam(naam: str) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\`` in a sheet name."""
    return "".join(c for c in naam if c not in "[]:*?/\\")[:31] or "Blad"


def _aannamesblad(werkmap: openpyxl.Workbook, scenario: Scenario, basis: Basis, naam: str | None) -> None:
    blad = werkmap.create_sheet("Aannames")
    _cel(blad, 1, 1, "Aannames van het scenario").font = Font(bold=True, size=14)
    regels = [("Scenario", naam or ("Basisscenario" if scenario.is_basis else "Niet opgeslagen scenario")),
              ("Afwijkingen van het basisscenario", zinnen.afwijkingen(scenario)),
              ("Dataversie", basis.versie), ("Datum export", date.today())]
    for rij, (label, value) in enumerate(regels, start=2):
        _cel(blad, rij, 1, label)
        _cel(blad, rij, 2, value)
    blad.cell(5, 2).number_format = DATUM.excel_formaat
    kop = len(regels) + 3
    _schrijf_tabel(blad, herkomst.aannames(scenario), AANNAMES, rij=kop)
    blad.freeze_panes = f"A{kop + 1}"
    _kolombreedtes(blad)


def _bronnenblad(werkmap: openpyxl.Workbook, basis: Basis) -> None:
    blad = werkmap.create_sheet("Bronnen")
    vrij = _schrijf_tabel(blad, herkomst.alle_cijfers(basis), FIGUREN_EXPORT)
    _cel(blad, vrij + 1, 1, "Documenten").font = Font(bold=True, size=14)
    _schrijf_tabel(blad, basis.documenten, DOCUMENTEN, rij=vrij + 2)
    blad.freeze_panes = "A2"
    _kolombreedtes(blad)


def excel_bytes(
    bladen: dict[str, tuple[pd.DataFrame, dict]], scenario: Scenario, basis: Basis, naam: str | None = None
) -> bytes:
    """An .xlsx: one sheet per table in ``bladen``, then the assumptions and the sources."""
    werkmap = openpyxl.Workbook()
    werkmap.remove(werkmap.active)
    for bladnaam, (frame, kolommen) in bladen.items():
        _gegevensblad(werkmap, bladnaam, frame, kolommen)
    _aannamesblad(werkmap, scenario, basis, naam)
    _bronnenblad(werkmap, basis)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
