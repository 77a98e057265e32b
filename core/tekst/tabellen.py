"""Dutch column headers and kinds for every table the app shows or exports: one place for each.

A column's kind says how it is shown on screen (Dutch text) and how it is exported
(a number with a Dutch number format in Excel, a plain number in CSV).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from core.tekst import formatting as fmt


@dataclass(frozen=True)
class Soort:
    weergave: Callable[[object], str]  # Dutch text on screen
    excel_formaat: str | None  # Excel number format; None = text


TEKST = Soort(fmt.tekst, None)
GETAL = Soort(fmt.getal, "#,##0")
DECIMAAL = Soort(lambda v: fmt.getal(v, 1), "#,##0.0")
VERSCHIL = Soort(lambda v: fmt.getal(v, signed=True), "+#,##0;-#,##0;0")
EURO = Soort(fmt.euro, '"€" #,##0;"€" -#,##0')
PROCENT = Soort(lambda v: fmt.procent(v, 1), '0.0"%"')  # values already in percent
JA_NEE = Soort(fmt.ja_nee, None)
DATUM = Soort(fmt.datum, "d mmmm yyyy")
PEILDATUM = Soort(fmt.peildatum, None)  # as precise as the source ("november 2025", "onbekend"): text


@dataclass(frozen=True)
class Kolom:
    kop: str
    soort: Soort = TEKST


TAAKSTELLING = {
    "periode": Kolom("Halfjaar"),
    "soort": Kolom("Soort"),
    "achterstand_begin": Kolom("Achterstand begin", GETAL),
    "taakstelling": Kolom("Taakstelling", GETAL),
    "opgave": Kolom("Opgave", GETAL),
    "realisatie": Kolom("Realisatie", GETAL),
    "achterstand_eind": Kolom("Achterstand eind", GETAL),
    "norm_achterstand": Kolom("Norm Provincie (max.)", GETAL),
    "haalt_norm": Kolom("Haalt norm", JA_NEE),
    "har_plus_huishoudens": Kolom("HAR+-huishoudens", GETAL),
    "niet_geplaatst_grote_gezinnen": Kolom("Grote gezinnen niet geplaatst", GETAL),
    "herkomst": Kolom("Herkomst"),
}

BENODIGD = {
    "periode": Kolom("Halfjaar"),
    "achterstand_begin": Kolom("Achterstand begin (op normpad)", GETAL),
    "taakstelling": Kolom("Taakstelling", GETAL),
    "norm_achterstand": Kolom("Norm eind halfjaar (max.)", GETAL),
    "nodig": Kolom("Nodig", GETAL),
    "nodig_per_maand": Kolom("Nodig per maand", DECIMAAL),
    "verwacht": Kolom("Verwacht in scenario", GETAL),
    "verschil": Kolom("Verschil", VERSCHIL),
}

RESERVE = {
    "jaar": Kolom("Jaar"),
    "soort": Kolom("Soort"),
    "baten": Kolom("Baten", EURO),
    "lasten": Kolom("Lasten", EURO),
    "resultaat": Kolom("Resultaat", EURO),
    "overige_onttrekking": Kolom("Overige onttrekking (DNO)", EURO),
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

BEGROTINGSREGELS = {
    "stroom": Kolom("Stroom"),
    "regel": Kolom("Regel"),
    "kant": Kolom("Lasten/baten"),
    "bedrag": Kolom("Bedrag 2026", EURO),
    "karakter": Kolom("Structureel/eenmalig"),
    "indexatie_label": Kolom("Indexatie"),
    "groei": Kolom("Groei per jaar (scenario)", PROCENT),
}

AANNAMES = {
    "aanname": Kolom("Aanname"),
    "scenario": Kolom("Scenario"),
    "basis": Kolom("Basiswaarde"),
    "eenheid": Kolom("Eenheid"),
    "soort": Kolom("Soort"),
    "bron": Kolom("Bron of onderbouwing"),
    "wijkt_af": Kolom("Wijkt af van basis", JA_NEE),
}

MODEL_AANNAMES = {
    "aanname": Kolom("Aanname"),
    "basis": Kolom("Basiswaarde"),
    "eenheid": Kolom("Eenheid"),
    "bereik": Kolom("Bereik"),
    "soort": Kolom("Soort"),
    "bron": Kolom("Bron of onderbouwing"),
}

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


def opmaak(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """``frame`` with Dutch headers and Dutch-formatted text values, for display."""
    return pd.DataFrame(
        {k.kop: [k.soort.weergave(v) for v in frame[column]] for column, k in kolommen.items()}, dtype=object
    )


def met_koppen(frame: pd.DataFrame, kolommen: dict[str, Kolom]) -> pd.DataFrame:
    """``frame`` with Dutch headers and its values kept as they are (numbers stay numbers), for export."""
    return frame[list(kolommen)].rename(columns={column: k.kop for column, k in kolommen.items()})
