"""Half years as the Rijk sets taakstellingen: ``2026-H1`` (januari-juni), ``2026-H2`` (juli-december)."""

from __future__ import annotations

from datetime import date


def volgende_periode(periode: str) -> str:
    year, half = periode.split("-H")
    return f"{year}-H2" if half == "1" else f"{int(year) + 1}-H1"


def vorige_periode(periode: str) -> str:
    year, half = periode.split("-H")
    return f"{year}-H1" if half == "2" else f"{int(year) - 1}-H2"


def periodes(van: str, tot_en_met_jaar: int) -> list[str]:
    result, current = [], van
    while int(current[:4]) <= tot_en_met_jaar:
        result.append(current)
        current = volgende_periode(current)
    return result


def jaar(periode: str) -> int:
    return int(periode[:4])


def begindatum(periode: str) -> date:
    year, half = periode.split("-H")
    return date(int(year), 1 if half == "1" else 7, 1)


def deadline(periode: str) -> date:
    """The day after a half year ends: the Provincie's deadline for it (``2026-H2`` -> 1 januari 2027)."""
    return begindatum(volgende_periode(periode))


def periode_van(dag: date) -> str:
    return f"{dag.year}-H{1 if dag.month <= 6 else 2}"
