"""Sensitivity (a tornado): which assumption moves an outcome most when varied over its range.

One assumption at a time goes to the lowest and the highest value its control allows (a
switch: off and on; a choice: its first and last option); all others stay as in the scenario.
The outcomes are the deterministic model's own: the achterstand at each of the Provincie's
deadlines, and the first year the reserve is negative (looked for up to 2040; a reserve paid
out to Maastricht first does not run out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.data import Basis
from core.model.parameters import (
    KEUZE, ONZEKERHEID, OPVANG_BUDGETTEN, PARAMETERS, PARAMETERS_BY_NAME, SELECT_SLIDER, SLIDER, TOGGLE, Parameter,
)
from core.model.periode import deadline
from core.model.reserve import uitputting
from core.model.scenario import Scenario
from core.model.taakstelling import GEREALISEERD, taakstelling_rijen
from core.risico.simulatie import HORIZON

OPRAAKJAAR = "opraakjaar"
RESERVE_GROEP = PARAMETERS_BY_NAME["du_mo_indexatie_pct"].groep  # "Beschermd Thuis / MO"
# Assumptions that cannot move these outcomes: the simulation's spreads, the opvang budgets, the horizon.
NIET_GEVARIEERD = {ONZEKERHEID, OPVANG_BUDGETTEN}


@dataclass(frozen=True)
class Balk:
    """One bar of the tornado: an assumption at both ends of its range and the outcome at each."""

    parameter: Parameter
    laag: object
    hoog: object
    bij_laag: int | None  # None: the reserve does not run out up to 2040 (or is paid out first)
    bij_hoog: int | None

    @property
    def uitslag(self) -> int:
        """How far the outcome moves between the two ends (a run-out after 2040 counts as 2041)."""
        return abs(_getal(self.bij_hoog) - _getal(self.bij_laag))


@dataclass(frozen=True)
class Tornado:
    uitkomst: str  # a deadline's half year, or OPRAAKJAAR
    deadline: date | None
    scenario_waarde: int | None
    balken: tuple[Balk, ...]  # largest swing first; assumptions that do not move it are left out


def _getal(jaar_of_aantal: int | None) -> int:
    return HORIZON + 1 if jaar_of_aantal is None else jaar_of_aantal


def gevarieerd() -> list[Parameter]:
    """The assumptions the tornado varies."""
    return [
        p for p in PARAMETERS
        if p.widget in (SLIDER, SELECT_SLIDER, TOGGLE, KEUZE) and p.groep not in NIET_GEVARIEERD and p.naam != "eind_jaar"
    ]


def _uiteinden(parameter: Parameter) -> tuple[object, object]:
    if parameter.widget == TOGGLE:
        return False, True
    if parameter.widget == KEUZE:
        return parameter.opties[0], parameter.opties[-1]
    return parameter.opties[0] if parameter.widget == SELECT_SLIDER else int(parameter.minimum), (
        parameter.opties[-1] if parameter.widget == SELECT_SLIDER else int(parameter.maximum)
    )


def _achterstanden(scenario: Scenario, basis: Basis) -> dict[str, int]:
    """The achterstand at each of the Provincie's own deadlines (the normpad table)."""
    return {r["periode"]: r["achterstand_eind"] for r in taakstelling_rijen(scenario, basis) if r["periode"] in basis.norm_rijen}


def _open_deadlines(scenario: Scenario, basis: Basis) -> dict[str, int]:
    """The Provincie's own deadlines the scenario has not closed yet (a reading may reopen one)."""
    return {
        r["periode"]: r["achterstand_eind"]
        for r in taakstelling_rijen(scenario, basis)
        if r["status"] != GEREALISEERD and r["periode"] in basis.norm_rijen
    }


def _opraakjaar(scenario: Scenario, basis: Basis) -> int | None:
    return uitputting(scenario, basis).jaar


def drijft_reserve(parameter: Parameter) -> bool:
    """An assumption of the reserve's group moves only the reserve; every other one only the achterstand.

    The groups declare it; tests/test_gevoeligheid.py checks the declaration against the model.
    """
    return parameter.groep == RESERVE_GROEP


def _genormaliseerd(scenario: Scenario, reserve: bool) -> Scenario:
    """The scenario with the assumptions that cannot move this side's outcomes at their baseline,
    so that a slider of the other side finds this side's bars in the cache."""
    return scenario.met(**{p.naam: p.standaard for p in PARAMETERS if p.naam != "eind_jaar" and drijft_reserve(p) != reserve})


@lru_cache(maxsize=16)
def _balken(scenario: Scenario, basis: Basis, reserve: bool) -> tuple[tuple, ...]:
    """(parameter, low, high, outcome at low, outcome at high) for one side's assumptions."""
    uitkomst = _opraakjaar if reserve else _achterstanden
    rows = []
    for parameter in gevarieerd():
        if drijft_reserve(parameter) != reserve:
            continue
        laag, hoog = _uiteinden(parameter)
        rows.append((
            parameter, laag, hoog,
            uitkomst(scenario.met(**{parameter.naam: laag}), basis), uitkomst(scenario.met(**{parameter.naam: hoog}), basis),
        ))
    return tuple(rows)


def _sorteer(balken: list[Balk]) -> tuple[Balk, ...]:
    return tuple(sorted((b for b in balken if b.uitslag), key=lambda b: -b.uitslag))


@lru_cache(maxsize=16)
def gevoeligheid(scenario: Scenario, basis: Basis) -> tuple[Tornado, ...]:
    """One tornado per outcome: each forecast deadline of the Provincie, then the reserve's run-out year."""
    achterstand = _balken(_genormaliseerd(scenario, reserve=False), basis, reserve=False)
    tornados = [
        Tornado(periode, deadline(periode), waarde, _sorteer([
            Balk(p, laag, hoog, bij_laag[periode], bij_hoog[periode]) for p, laag, hoog, bij_laag, bij_hoog in achterstand
        ]))
        for periode, waarde in _open_deadlines(scenario, basis).items()
    ]
    reserve = _balken(_genormaliseerd(scenario, reserve=True), basis, reserve=True)
    tornados.append(Tornado(
        OPRAAKJAAR, None, _opraakjaar(scenario, basis), _sorteer([Balk(*row) for row in reserve])
    ))
    return tuple(tornados)
