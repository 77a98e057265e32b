"""Dutch number, money, percentage, date and period formatting: the one place for it.

Built on Babel's CLDR data for the ``nl_NL`` locale, so separators follow the
Dutch convention (``€ 2.379.949``, ``12,5%``, ``1 januari 2027``).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "nl_NL"
LEEG = "–"  # shown where a figure is missing


def ontbreekt(value) -> bool:
    """None, NaN, pd.NA and NaT all mean: no figure."""
    if value is None:
        return True
    if type(value) in (int, float):  # the common case, asked for every figure on every rerun
        return value != value  # NaN is the one value unequal to itself
    return bool(pd.isna(value))


def tekst(value) -> str:
    return LEEG if ontbreekt(value) else str(value)


def ja_nee(value) -> str:
    return LEEG if ontbreekt(value) else ("ja" if value else "nee")


def getal(value, decimals: int = 0, signed: bool = False) -> str:
    """``12345.6`` -> ``12.346``; ``signed`` adds a plus sign to positive numbers."""
    if ontbreekt(value):
        return LEEG
    if signed and value == 0:
        signed = False  # "0", not "+0": no change
    return _getal(float(value), decimals, signed)


@lru_cache(maxsize=8192)
def _getal(value: float, decimals: int, signed: bool) -> str:
    # Cached: select sliders format every option on every rerun.
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if signed:
        pattern = "+" + pattern + ";-" + pattern
    return format_decimal(value, format=pattern, locale=LOCALE)


def euro(value, decimals: int = 0, signed: bool = False) -> str:
    """``-415583`` -> ``€ -415.583``, as the regiobegroting writes it."""
    if ontbreekt(value):
        return LEEG
    return "€ " + getal(value, decimals, signed)


def procent(value, decimals: int = 1, signed: bool = False) -> str:
    """A value already in percent: ``12.5`` -> ``12,5%``; trailing ``,0`` is dropped."""
    if ontbreekt(value):
        return LEEG
    text = getal(value, decimals, signed)
    if decimals and text.endswith("," + "0" * decimals):
        text = text[: -(decimals + 1)]
    return text + "%"


def aandeel(value, decimals: int = 0) -> str:
    """A fraction: ``0.125`` -> ``12,5%`` (with ``decimals=1``)."""
    if ontbreekt(value):
        return LEEG
    return procent(value * 100, decimals)


def datum(value: date | datetime | str) -> str:
    """``2027-01-01`` -> ``1 januari 2027``."""
    if ontbreekt(value):
        return LEEG
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = value.date()
    return _datum(value)


@lru_cache(maxsize=1024)
def _datum(value: date) -> str:
    return format_date(value, format="d MMMM y", locale=LOCALE)


ONBEKEND = "onbekend"


def peildatum(value) -> str:
    """As precise as the source: ``2026-05-20`` -> ``20 mei 2026``, ``2025-11`` -> ``november 2025``,
    ``2023`` -> ``2023``; no date -> ``onbekend`` (a date is never made up)."""
    if ontbreekt(value) or value == "":
        return ONBEKEND
    if not isinstance(value, str):
        return datum(value)
    if len(value) == 4:
        return value
    if len(value) == 7:
        return format_date(date.fromisoformat(value + "-01"), format="MMMM y", locale=LOCALE)
    return datum(value)


def periode(code: str) -> str:
    """``2026-H2`` -> ``2e helft 2026``."""
    year, half = code.split("-H")
    return f"{half}e helft {year}"


def periode_zin(code: str) -> str:
    """``2026-H2`` -> ``de tweede helft van 2026``, for running text."""
    year, half = code.split("-H")
    return f"de {'eerste' if half == '1' else 'tweede'} helft van {year}"


def aantal_personen(value) -> str:
    if ontbreekt(value):
        return LEEG
    return f"{getal(value)} {'persoon' if value == 1 else 'personen'}"
