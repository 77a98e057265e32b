"""Dutch column headers and kinds for every table the app shows or exports: one place for each.

A column's opmaak says how it is shown on screen (Dutch text) and how it is exported
(a number with a Dutch number format in Excel, a plain number in CSV).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from typing import Callable

import pandas as pd
import pyarrow as pa

from core.tekst import formatting as fmt


@dataclass(frozen=True)
class Opmaak:
    weergave: Callable[[object], str]  # Dutch text on screen
    excel_formaat: str | None  # Excel number format; None = text


TEKST = Opmaak(fmt.tekst, None)
GETAL = Opmaak(fmt.getal, "#,##0")
DECIMAAL = Opmaak(lambda v: fmt.getal(v, 1), "#,##0.0")
VERSCHIL = Opmaak(lambda v: fmt.getal(v, signed=True), "+#,##0;-#,##0;0")
EURO = Opmaak(fmt.euro, '"€" #,##0;"€" -#,##0')
PROCENT = Opmaak(lambda v: fmt.procent(v, 1), '0.0"%"')  # values already in percent
JA_NEE = Opmaak(fmt.ja_nee, None)
DATUM = Opmaak(fmt.datum, "d mmmm yyyy")
PEILDATUM = Opmaak(fmt.peildatum, None)
# A half year: "2e helft 2026" on screen; exports keep the sortable code ("2026-H2", core.export).
HALFJAAR = Opmaak(lambda v: fmt.periode(v) if isinstance(v, str) and "-H" in v else fmt.tekst(v), None)
NAAR_EENHEID = Opmaak(fmt.tekst, "#,##0")  # a number whose format follows the row's ``eenheid`` (export only)  # as precise as the source ("november 2025", "onbekend"): text


@dataclass(frozen=True)
class Kolom:
    kop: str
    opmaak: Opmaak = TEKST


TAAKSTELLING = {
    "periode": Kolom("Halfjaar", HALFJAAR),
    "status": Kolom("Status"),
    "achterstand_begin": Kolom("Achterstand begin", GETAL),
    "taakstelling": Kolom("Taakstelling", GETAL),
    "opgave": Kolom("Opgave", GETAL),
    "realisatie": Kolom("Realisatie", GETAL),
    "achterstand_eind": Kolom("Achterstand eind", GETAL),
    "norm_achterstand": Kolom("Norm Provincie (max.)", GETAL),
    "haalt_norm": Kolom("Haalt norm", JA_NEE),
    "plan_achterstand": Kolom("Eigen plan gemeente (achterstand)", GETAL),
    "beleidsarm": Kolom("Beleidsarm doorgetrokken", JA_NEE),
    "har_plus_huishoudens": Kolom("HAR+-huishoudens", GETAL),
    "niet_geplaatst_grote_gezinnen": Kolom("Grote gezinnen niet geplaatst", GETAL),
    "herkomst": Kolom("Herkomst"),
}

# On screen the half-year table is split in two narrower ones (the downloads keep TAAKSTELLING whole).
TAAKSTELLING_ACHTERSTAND = {k: TAAKSTELLING[k] for k in (
    "periode", "status", "achterstand_begin", "taakstelling", "opgave", "realisatie", "achterstand_eind",
    "norm_achterstand", "haalt_norm")}
TAAKSTELLING_TOELICHTING = {k: TAAKSTELLING[k] for k in (
    "periode", "plan_achterstand", "beleidsarm", "har_plus_huishoudens", "niet_geplaatst_grote_gezinnen", "herkomst")}
assert set(TAAKSTELLING_ACHTERSTAND) | set(TAAKSTELLING_TOELICHTING) == set(TAAKSTELLING)

BENODIGD = {
    "periode": Kolom("Halfjaar", HALFJAAR),
    "achterstand_begin": Kolom("Achterstand begin (op normpad)", GETAL),
    "taakstelling": Kolom("Taakstelling", GETAL),
    "norm_achterstand": Kolom("Norm eind halfjaar (max.)", GETAL),
    "nodig": Kolom("Nodig", GETAL),
    "nodig_per_maand": Kolom("Nodig per maand", DECIMAAL),
    "verwacht": Kolom("Verwacht in scenario", GETAL),
    "verschil": Kolom("Verschil", VERSCHIL),
    "nodig_plan": Kolom("Nodig volgens eigen plan gemeente", GETAL),
}

RESERVE = {
    "jaar": Kolom("Jaar"),
    "status": Kolom("Status"),
    "baten": Kolom("Baten", EURO),
    "lasten": Kolom("Lasten", EURO),
    "resultaat": Kolom("Resultaat", EURO),
    "overige_onttrekking": Kolom("Onttrekking DNO", EURO),
    "uitkering": Kolom("Uitgekeerd aan Maastricht", EURO),
    "reserve_begin": Kolom("Reserve begin", EURO),
    "reserve_eind": Kolom("Reserve eind", EURO),
}

STROOM = {
    "jaar": Kolom("Jaar"),
    "stroom": Kolom("Stroom"),
    "baten": Kolom("Baten", EURO),
    "lasten": Kolom("Lasten", EURO),
    "resultaat": Kolom("Resultaat", EURO),
}

def begrotingsregels(jaar: int) -> dict[str, Kolom]:
    """The begroting lines of ``jaar`` (the base year comes from the data, not from here)."""
    return {
        "stroom": Kolom("Stroom"),
        "regel": Kolom("Regel"),
        "kant": Kolom("Lasten/baten"),
        "bedrag": Kolom(f"Bedrag {jaar}", EURO),
        "raming": Kolom("Raming in de bron", JA_NEE),
        "karakter": Kolom("Structureel/eenmalig"),
        "indexatie_label": Kolom("Indexatie"),
        "groei": Kolom("Groei per jaar (scenario)", PROCENT),
    }

AANNAMES = {
    "aanname": Kolom("Aanname"),
    "scenario": Kolom("Scenario"),
    "basis": Kolom("Basiswaarde"),
    "eenheid": Kolom("Eenheid"),
    "bereik": Kolom("Bereik"),
    "soort": Kolom("Soort"),
    "bron": Kolom("Bron"),
    "citaat": Kolom("Citaat"),
    "onderbouwing": Kolom("Onderbouwing"),
    "wijkt_af": Kolom("Wijkt af van basis", JA_NEE),
}

MODEL_AANNAMES = {k: v for k, v in AANNAMES.items() if k not in ("scenario", "wijkt_af")}

OPGESLAGEN = {
    "id": Kolom("Nr."),
    "naam": Kolom("Naam"),
    "versie": Kolom("Versie", GETAL),
    "omschrijving": Kolom("Omschrijving"),
    "afwijkingen": Kolom("Afwijkingen van het basisscenario"),
    "opgeslagen_op": Kolom("Opgeslagen op", DATUM),
    "data_versie": Kolom("Dataversie", GETAL),
    "status": Kolom("Status"),
}

FIGUREN = {
    "onderwerp": Kolom("Onderwerp"),
    "omschrijving": Kolom("Cijfer"),
    "periode": Kolom("Periode"),
    "waarde": Kolom("Waarde"),
    "soort": Kolom("Soort"),
    "bron": Kolom("Bron"),
    "peildatum": Kolom("Peildatum", PEILDATUM),
    "toelichting": Kolom("Toelichting"),
}
DOCUMENTEN = {
    "titel": Kolom("Document"),
    "kort": Kolom("Korte naam"),
    "datum": Kolom("Datum", PEILDATUM),
}

# The same table for export: the figure as a number with its unit, not as text.
FIGUREN_EXPORT = {
    "onderwerp": FIGUREN["onderwerp"],
    "omschrijving": FIGUREN["omschrijving"],
    "periode": FIGUREN["periode"],
    "getal": Kolom("Waarde", NAAR_EENHEID),
    "eenheid": Kolom("Eenheid"),
    **{k: FIGUREN[k] for k in ("soort", "bron", "peildatum", "toelichting")},
}


def opgemaakte_kolommen(frame: pd.DataFrame | Sequence[dict], kolommen: dict[str, Kolom]) -> dict[str, list[str]]:
    """{Dutch header: the column's values as Dutch text}, in the order of ``kolommen``.

    ``frame`` may also be a projection's cached rows (a sequence of dicts, e.g. taakstelling_rijen):
    taking a pandas column apart costs more than formatting it (benchmarks/README.md).
    """
    return {k.kop: [k.opmaak.weergave(v) for v in _waarden(frame, column)] for column, k in kolommen.items()}


def _waarden(frame: pd.DataFrame | Sequence[dict], column: str) -> list:
    if isinstance(frame, pd.DataFrame):
        return frame[column].tolist()
    return [None if (v := rij[column]) is None or v is pd.NA else v for rij in frame]


def opmaak(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """``frame`` with Dutch headers and Dutch-formatted text values, for display."""
    return pd.DataFrame(opgemaakte_kolommen(frame, kolommen), dtype=object)


def teksttabel(frame: pd.DataFrame | Sequence[dict], kolommen: dict[str, Kolom]) -> pa.Table:
    """The same as ``opmaak``, as an Arrow table of text: what the screen gets.

    Streamlit sends every table to the browser as Arrow; given Arrow it skips its own
    pandas conversion, which cost more than formatting the table (benchmarks/README.md).
    """
    return pa.table({kop: pa.array(waarden, pa.string()) for kop, waarden in opgemaakte_kolommen(frame, kolommen).items()})


def met_koppen(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """``frame`` with Dutch headers and its values kept as they are (numbers stay numbers), for export."""
    return frame[list(kolommen)].rename(columns={column: k.kop for column, k in kolommen.items()})


# --- Risico's and Budgetten pages (issue 11) ------------------------------------------------------
KANS = Opmaak(lambda v: fmt.aandeel(v, 1), "0.0%")  # a probability or share as a fraction

KANSEN = {
    "deadline": Kolom("Deadline", DATUM),
    "norm": Kolom("Norm Provincie (max.)", GETAL),
    "kans_norm": Kolom("Kans norm gehaald", KANS),
    "kans_escalatie": Kolom("Kans opschaling voorbij trede 2 (uiterlijk dan)", KANS),
}


def _percentielen(sleutel: str, kop: str, opmaak: Opmaak) -> dict[str, Kolom]:
    """The fan chart's table: P10, P25, median, P75, P90 per half year or year."""
    koppen = {"p10": "P10", "p25": "P25", "p50": "Mediaan", "p75": "P75", "p90": "P90"}
    return {sleutel: Kolom(kop), **{k: Kolom(v, opmaak) for k, v in koppen.items()}}


ACHTERSTAND_PERCENTIELEN = _percentielen("periode", "Halfjaar", GETAL) | {"beleidsarm": Kolom("Beleidsarm doorgetrokken", JA_NEE)}
RESERVE_PERCENTIELEN = _percentielen("jaar", "Jaar", EURO) | {"status": Kolom("Status")}

OPRAAKJAREN = {
    "jaar": Kolom("Jaar"),
    "aandeel": Kolom("Deel van de toekomsten waarin de reserve dan opraakt", KANS),
    "kans_positief": Kolom("Kans reserve eind jaar niet negatief", KANS),
}

GEVOELIGHEID = {
    "uitkomst": Kolom("Uitkomst"),
    "aanname": Kolom("Aanname"),
    "laag": Kolom("Laagste waarde"),
    "bij_laag": Kolom("Uitkomst bij laagste waarde"),
    "hoog": Kolom("Hoogste waarde"),
    "bij_hoog": Kolom("Uitkomst bij hoogste waarde"),
    "uitslag": Kolom("Verschil", GETAL),
}

VERDELINGEN = {
    "grootheid": Kolom("Wat varieert"),
    "verdeling": Kolom("Verdeling"),
    "aanname": Kolom("Aanname (zijbalk)"),
    "waarom": Kolom("Waarom deze verdeling"),
}


def budget_kolommen(jaren: list[str]) -> dict[str, Kolom]:
    """The beleidskader's budget tables side by side: one column per year."""
    return {
        "budgetnummer": Kolom("Budgetnummer"),
        "label": Kolom("Budget"),
        **{jaar: Kolom(jaar, EURO) for jaar in jaren},
        "raming": Kolom("Raming", JA_NEE),
        "beweegt_met": Kolom("Beweegt mee met"),
        "toelichting": Kolom("Toelichting"),
    }


BUDGET_PROGNOSE = {
    "jaar": Kolom("Jaar"),
    "status": Kolom("Status"),
    "gehuisvest": Kolom("Gehuisvest (scenario)", GETAL),
    "gehuisvest_basis": Kolom("Gehuisvest (basis)", GETAL),
    "extra_kosten": Kolom("Extra kosten", EURO),
    "su_scenario": Kolom("SU Wet Inburgering (scenario)", EURO),
    "faciliteiten_scenario": Kolom("Faciliteitenbesluit (scenario)", EURO),
    "tekort": Kolom("Tekort reguliere budgetten", EURO),
    "onttrekking": Kolom("Uit Reserve Vreemdelingen", EURO),
    "niet_gedekt": Kolom("Niet gedekt", EURO),
    "boven_plafond": Kolom("Boven plafond, niet te behouden", EURO),
    "reserve_eind": Kolom("Reserve Vreemdelingen eind jaar", EURO),
}
