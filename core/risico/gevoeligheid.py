"""Sensitivity (a tornado): which assumption moves an outcome most when varied over its range.

One assumption at a time goes to the lowest and the highest value its control allows (a
switch: off and on); all others stay as in the scenario. The outcomes are the deterministic
model's own: the achterstand at each of the Provincie's deadlines, and the first year the
reserve is negative (looked for up to 2040).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.data import Basis
from core.model.parameters import ONZEKERHEID, OPVANG_BUDGETTEN, PARAMETERS, SELECT_SLIDER, SLIDER, TOGGLE, Parameter
from core.model.reserve import eerste_tekortjaar, reserve_rijen
from core.model.scenario import Scenario
from core.model.taakstelling import taakstelling_rijen
from core.risico.simulatie import HORIZON, lang

OPRAAKJAAR = "opraakjaar"
# Assumptions that cannot move these outcomes: the simulation's spreads, the opvang budgets, the horizon.
NIET_GEVARIEERD = {ONZEKERHEID, OPVANG_BUDGETTEN}


@dataclass(frozen=True)
class Balk:
    """One bar of the tornado: an assumption at both ends of its range and the outcome at each."""

    parameter: Parameter
    laag: object
    hoog: object
    bij_laag: int | None  # None: the reserve does not run out before 2041
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
        if p.widget in (SLIDER, SELECT_SLIDER, TOGGLE) and p.groep not in NIET_GEVARIEERD and p.naam != "eind_jaar"
    ]


def _uiteinden(parameter: Parameter) -> tuple[object, object]:
    if parameter.widget == TOGGLE:
        return False, True
    return parameter.opties[0] if parameter.widget == SELECT_SLIDER else int(parameter.minimum), (
        parameter.opties[-1] if parameter.widget == SELECT_SLIDER else int(parameter.maximum)
    )


def _uitkomsten(scenario: Scenario, basis: Basis) -> dict[str, int | None]:
    long = lang(scenario)
    uit: dict[str, int | None] = {
        r["periode"]: r["achterstand_eind"]
        for r in taakstelling_rijen(scenario, basis)
        if r["soort"] == "prognose" and r["periode"] in basis.deadlines
    }
    uit[OPRAAKJAAR] = eerste_tekortjaar(reserve_rijen(long, basis))
    return uit


@lru_cache(maxsize=16)
def gevoeligheid(scenario: Scenario, basis: Basis) -> tuple[Tornado, ...]:
    """One tornado per outcome: each forecast deadline of the Provincie, then the reserve's run-out year."""
    eigen = _uitkomsten(scenario, basis)
    per_parameter = []
    for parameter in gevarieerd():
        laag, hoog = _uiteinden(parameter)
        per_parameter.append(
            (parameter, laag, hoog, _uitkomsten(scenario.met(**{parameter.naam: laag}), basis),
             _uitkomsten(scenario.met(**{parameter.naam: hoog}), basis))
        )
    tornados = []
    for uitkomst, waarde in eigen.items():
        balken = [Balk(p, laag, hoog, uit_laag[uitkomst], uit_hoog[uitkomst]) for p, laag, hoog, uit_laag, uit_hoog in per_parameter]
        balken = sorted((b for b in balken if b.uitslag), key=lambda b: -b.uitslag)
        deadline = None if uitkomst == OPRAAKJAAR else basis.deadlines[uitkomst]
        tornados.append(Tornado(uitkomst, deadline, waarde, tuple(balken)))
    return tuple(tornados)
