"""The Provincie's norm path, carried on past its last deadline, and the municipality's own plan.

Norm path (Provincie Limburg, brief 10 maart 2026): the maximum achterstand at the end of
each half year that has a deadline in the normpad table. After the last deadline the
letter's first condition still holds (every regular taakstelling within its own half year),
so the norm is the value of the ``normpad/na_laatste_deadline`` kengetal (0) at every
later half-year end. Both come from the data, with their sources.

The municipality's own plan (its e-mail of 2 december 2025, quoted in the same letter):
the regular taakstelling on time plus the achterstand "gespreid over vier
taakstellingsperiodes", taken as equal parts over the half years after the e-mail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from core.data import Basis
from core.model.periode import deadline, periode_van, periodes, volgende_periode, vorige_periode


@dataclass(frozen=True)
class Norm:
    periode: str
    deadline: date
    max_achterstand: int
    rij: dict  # the stored row or kengetal it comes from, with its source
    na_laatste_deadline: bool  # carried on past the letter's last deadline ("beleidsarm doorgetrokken")


def laatste_deadline_periode(basis: Basis) -> str:
    return max(basis.norm_rijen)


@lru_cache(maxsize=64)
def normen(basis: Basis, tot_en_met_jaar: int) -> dict[str, Norm]:
    """{periode: Norm} for every half year with a norm, up to the end of ``tot_en_met_jaar``.

    Cached per (basis, year): every projection asks for it (the Risico's tornado dozens of times
    per rerun). The dict is shared: never mutate it.
    """
    result = {
        p: Norm(p, deadline(p), int(r["max_achterstand"]), r, False) for p, r in sorted(basis.norm_rijen.items())
    }
    regel = _na_laatste_deadline(basis)
    if regel is not None:
        for p in periodes(volgende_periode(laatste_deadline_periode(basis)), tot_en_met_jaar):
            result[p] = Norm(p, deadline(p), int(regel["waarde"]), regel, True)
    return result


def _na_laatste_deadline(basis: Basis) -> dict | None:
    rows = [r for (o, k, _p), r in basis.kengetal_rijen.items() if (o, k) == ("normpad", "na_laatste_deadline")]
    return rows[0] if rows else None


def eerste_beleidsarme_periode(basis: Basis) -> str:
    """The first half year after the Provincie's last deadline: from here on the picture is extrapolated."""
    return volgende_periode(laatste_deadline_periode(basis))


@dataclass(frozen=True)
class PlanGemeente:
    start_achterstand: int
    perioden: tuple[str, ...]
    achterstand: dict[str, int]  # the plan's achterstand at the end of each of its half years
    rij: dict  # the kengetal with the plan's source


def plan_gemeente(basis: Basis) -> PlanGemeente | None:
    """The municipality's own path: the achterstand before the plan, reduced in equal parts.

    Rounded up, as the Provincie's own path rounds (71 -> 36 -> 18 -> 0).
    """
    rows = [r for (o, k, _p), r in basis.kengetal_rijen.items() if (o, k) == ("statushouders", "plan_gemeente_perioden")]
    if not rows:
        return None
    row = rows[0]
    aantal = int(row["waarde"])
    start = volgende_periode(periode_van(date.fromisoformat(row["peildatum"])))
    voor_start = basis.halfjaarcijfers.get(vorige_periode(start), {}).get("achterstand_eind")
    if voor_start is None:
        return None
    perioden = [start]
    while len(perioden) < aantal:
        perioden.append(volgende_periode(perioden[-1]))
    achterstand = {p: math.ceil(voor_start * (aantal - i - 1) / aantal) for i, p in enumerate(perioden)}
    return PlanGemeente(voor_start, tuple(perioden), achterstand, row)

