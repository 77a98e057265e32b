"""Dutch column headers and formats for every table the app shows or exports: one place for each."""

from __future__ import annotations

import pandas as pd

from core import formatting as fmt

_tekst, _ja_nee_leeg = fmt.tekst, fmt.ja_nee


def _euro(value) -> str:
    return fmt.euro(value)


TAAKSTELLING = {
    "periode": ("Halfjaar", _tekst),
    "soort": ("Soort", _tekst),
    "achterstand_begin": ("Achterstand begin", fmt.getal),
    "taakstelling": ("Taakstelling", fmt.getal),
    "opgave": ("Opgave", fmt.getal),
    "realisatie": ("Realisatie", fmt.getal),
    "achterstand_eind": ("Achterstand eind", fmt.getal),
    "norm_achterstand": ("Norm Provincie (max.)", fmt.getal),
    "haalt_norm": ("Haalt norm", _ja_nee_leeg),
    "har_plus_huishoudens": ("HAR+-huishoudens", fmt.getal),
    "niet_geplaatst_grote_gezinnen": ("Grote gezinnen niet geplaatst", fmt.getal),
    "herkomst": ("Herkomst", _tekst),
}

BENODIGD = {
    "periode": ("Halfjaar", _tekst),
    "achterstand_begin": ("Achterstand begin (op normpad)", fmt.getal),
    "taakstelling": ("Taakstelling", fmt.getal),
    "norm_achterstand": ("Norm eind halfjaar (max.)", fmt.getal),
    "nodig": ("Nodig", fmt.getal),
    "nodig_per_maand": ("Nodig per maand", lambda v: fmt.getal(v, 1)),
    "verwacht": ("Verwacht in scenario", fmt.getal),
    "verschil": ("Verschil", lambda v: fmt.getal(v, signed=True)),
}

RESERVE = {
    "jaar": ("Jaar", _tekst),
    "soort": ("Soort", _tekst),
    "baten": ("Baten", _euro),
    "lasten": ("Lasten", _euro),
    "resultaat": ("Resultaat", _euro),
    "overige_onttrekking": ("Overige onttrekking (DNO)", _euro),
    "reserve_begin": ("Reserve begin", _euro),
    "reserve_eind": ("Reserve eind", _euro),
}

STROOM = {
    "jaar": ("Jaar", _tekst),
    "stroom": ("Stroom", _tekst),
    "baten": ("Baten", _euro),
    "lasten": ("Lasten", _euro),
    "resultaat": ("Resultaat", _euro),
}

BEGROTINGSREGELS = {
    "stroom": ("Stroom", _tekst),
    "regel": ("Regel", _tekst),
    "kant": ("Lasten/baten", _tekst),
    "bedrag": ("Bedrag 2026", _euro),
    "karakter": ("Structureel/eenmalig", _tekst),
    "indexatie_label": ("Indexatie", _tekst),
    "groei": ("Groei per jaar (scenario)", lambda v: fmt.procent(v, 1)),
}

FIGUREN = {
    "onderwerp": ("Onderwerp", _tekst),
    "omschrijving": ("Cijfer", _tekst),
    "periode": ("Periode", _tekst),
    "waarde": ("Waarde", _tekst),
    "soort": ("Soort", _tekst),
    "bron": ("Bron", _tekst),
    "peildatum": ("Peildatum", fmt.datum),
    "toelichting": ("Toelichting", _tekst),
}


def opmaak(frame: pd.DataFrame, kolommen: dict) -> pd.DataFrame:
    """``frame`` with Dutch headers and Dutch-formatted text values, for display."""
    return pd.DataFrame(
        {header: [format_(v) for v in frame[column]] for column, (header, format_) in kolommen.items()}, dtype=object
    )
