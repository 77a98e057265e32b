"""Half years as the Rijk sets taakstellingen: ``2026-H1`` (januari-juni), ``2026-H2`` (juli-december)."""


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
