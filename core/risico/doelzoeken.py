"""Goal seeking: what it takes to reach a chosen probability.

- The placements per half year (the scenario's pace) needed to meet a deadline of the
  Provincie, or every deadline up to the horizon, with a chosen probability.
- The DU MO indexation (at least) or the care-cost growth (at most) at which the reserve
  stays non-negative up to a chosen year with a chosen probability.

Each path has a threshold: the smallest pace (or rate) at which that path meets the goal.
The paths' thresholds are found together by bisection over the control's own steps, on the
simulation's own random numbers, so the answer is the smallest value whose probability is at
least the target. Where the rules are not monotone in the pace (a limited HAR+ budget spent
early), and for every reserve answer (whose lines the model recomputes at the new rate), the
answer is checked by running ``simuleer`` on the scenario with that value and raised a step at
a time while the check fails, so fed back it always meets its target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from core.data import Basis
from core.model.parameters import PARAMETERS_BY_NAME
from core.model.scenario import Scenario
from core.risico import simulatie as sim

TEMPO = PARAMETERS_BY_NAME["huisvesting_per_halfjaar"]
DU_MO = PARAMETERS_BY_NAME["du_mo_indexatie_pct"]
ZORGKOSTEN = PARAMETERS_BY_NAME["zorgkosten_groei_pct"]


@dataclass(frozen=True)
class TempoDoel:
    """Placements per half year for a probability of meeting one deadline, or all up to it."""

    kans: float
    deadline: date
    norm: int
    periode: str  # the half year the deadline closes
    vanaf: str  # the first forecast half year: the pace applies from there on
    alle: bool  # True: every forecast deadline up to and including this one
    aantal_deadlines: int
    tempo: int | None  # None: not reachable within the control's range
    maximum: int


@dataclass(frozen=True)
class ReserveDoel:
    """The DU MO indexation (at least) or care-cost growth (at most) for a probability that the
    reserve stays non-negative up to ``jaar``."""

    kans: float
    jaar: int
    parameter: str  # du_mo_indexatie_pct or zorgkosten_groei_pct
    waarde: float | None  # None: not reachable within the control's range
    grens: float  # the end of the range that was tried
    al_gehaald: bool  # True: even the least favourable value of the range reaches the target


def _k(kans: float, paden: int) -> int:
    """0-based rank: the smallest value with at least ``kans`` of the paths at or below it."""
    return max(0, min(paden, int(np.ceil(kans * paden - 1e-9))) - 1)


def drempels(ok: Callable[[np.ndarray], np.ndarray], paden: int, stappen: int) -> np.ndarray:
    """Per path the smallest step index in [0, stappen) at which ``ok`` holds; ``stappen`` if none.

    ``ok`` takes one step index per path and must be monotone (false, then true).
    """
    lo = np.full(paden, -1)
    hi = np.full(paden, stappen)
    while True:
        open_ = hi - lo > 1
        if not open_.any():
            return hi
        mid = (lo + hi) // 2
        gehaald = ok(np.where(open_, mid, hi))
        hi = np.where(open_ & gehaald, mid, hi)
        lo = np.where(open_ & ~gehaald, mid, lo)


def _kwantiel(drempel: np.ndarray, kans: float) -> int:
    return int(np.partition(drempel, _k(kans, len(drempel)))[_k(kans, len(drempel))])


# --- placements ---------------------------------------------------------------------------------


def benodigd_tempo(
    scenario: Scenario, basis: Basis, kans: float = 0.8, paden: int = sim.PADEN, seed: int | None = None
) -> tuple[TempoDoel, ...]:
    """Per forecast deadline of the Provincie's normpad (and, last, for every deadline up to the
    horizon together): the placements per half year needed for probability ``kans``."""
    seed = scenario.simulatie_seed if seed is None else seed
    h, regels = sim.halfjaren(scenario, basis), sim.Regels.van(scenario)
    data = tuple(sim.simuleer(scenario, basis, paden, seed).deadlines)
    # The answer does not depend on the scenario's own pace: a pace move finds it in the cache.
    sleutel = (replace(h, tempo=()), regels, data, round(kans, 4), paden, seed)
    return _onthouden(sleutel, lambda: _benodigd_tempo(scenario, basis, h, regels, round(kans, 4), paden, seed))


_CACHE: dict = {}
_CACHE_MAX = 128


def _onthouden(sleutel, bereken: Callable):
    """A small cache on a key that leaves out what the answer does not depend on."""
    if sleutel not in _CACHE:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[sleutel] = bereken()
    return _CACHE[sleutel]


def _benodigd_tempo(scenario, basis, h, regels, kans, paden, seed) -> tuple[TempoDoel, ...]:
    taak = sim.gesimuleerde_taakstelling(h, scenario.spreiding_taakstelling_pct, seed, paden)
    rijen = h.deadline_rijen
    if not rijen:
        return ()
    maximum = int(TEMPO.maximum)

    def gehaald_tot(rows: list[int]) -> Callable[[np.ndarray], np.ndarray]:
        last = max(rows) + 1

        def ok(stap: np.ndarray) -> np.ndarray:
            tempo = sim.tempo_per_pad(h, stap.astype(float), last)
            eind, _ = sim.achterstand(h, regels, taak[:last], sim.capaciteit(h, scenario.spreiding_realisatie_pct, seed, paden, tempo))
            return np.logical_and.reduce([eind[i] <= h.norm[i] for i in rows])

        return ok

    doelen = []
    # The Provincie's own deadlines (the normpad table) that the pace can still reach.
    eerste = h.tussenstand.index(False) if False in h.tussenstand else len(h.periodes)
    eigen = [i for i in rijen if h.periodes[i] in basis.norm_rijen and i >= eerste]
    rijen = [i for i in rijen if i >= eerste]
    if not rijen:
        return ()
    for i in eigen:
        doelen.append(_tempo_doel(scenario, basis, h, kans, paden, seed, [i], gehaald_tot([i]), maximum))
    doelen.append(_tempo_doel(scenario, basis, h, kans, paden, seed, rijen, gehaald_tot(rijen), maximum))
    return tuple(doelen)


def _tempo_doel(scenario, basis, h, kans, paden, seed, rows, ok, maximum) -> TempoDoel:
    tempo = _kwantiel(drempels(ok, paden, maximum + 1), kans)
    laatste = h.periodes[max(rows)]
    datum = next(d for d, (p, _n) in sim.simuleer(scenario, basis, paden, seed).deadlines.items() if p == laatste)

    def kans_bij(waarde: int) -> float:
        uitkomst = sim.simuleer(scenario.met(huisvesting_per_halfjaar=waarde), basis, paden, seed)
        if len(rows) == 1:
            return uitkomst.kans_norm[datum]
        return 1.0 - uitkomst.kans_escalatie[datum]

    if sim.Regels.van(scenario).monotoon(h):
        # Placements never fall when the pace rises: each path meets the goal from its threshold on.
        tempo = tempo if tempo <= maximum else None
    else:
        tempo = _controleer(tempo, maximum, lambda w: kans_bij(w) >= kans)
    return TempoDoel(
        kans=kans, deadline=datum, norm=h.norm[max(rows)], periode=laatste, vanaf=h.periodes[h.tussenstand.index(False)],
        alle=len(rows) > 1, aantal_deadlines=len(rows), tempo=tempo, maximum=maximum,
    )


def _controleer(waarde: int | None, maximum: int, gehaald: Callable[[int], bool]) -> int | None:
    """Check a step index by a full simulation; step up while it falls short (non-monotone cases)."""
    while waarde is not None and waarde <= maximum:
        if gehaald(waarde):
            return waarde
        waarde += 1
    return None


# --- the reserve ----------------------------------------------------------------------------------


def reserve_doelen(
    scenario: Scenario, basis: Basis, jaar: int, kans: float = 0.8, paden: int = sim.PADEN, seed: int | None = None
) -> tuple[ReserveDoel, ReserveDoel]:
    """The DU MO indexation needed (at least), and the care-cost growth allowed (at most), for
    probability ``kans`` that the reserve is not negative at the end of any year up to ``jaar``."""
    seed = scenario.simulatie_seed if seed is None else seed
    return (
        _reserve_doel(scenario, basis, jaar, round(kans, 4), paden, seed, DU_MO.naam),
        _reserve_doel(scenario, basis, jaar, round(kans, 4), paden, seed, ZORGKOSTEN.naam),
    )


def _reserve_doel(scenario: Scenario, basis: Basis, jaar: int, kans: float, paden: int, seed: int, naam: str) -> ReserveDoel:
    sleutel = (sim.reservelijnen(scenario, basis).sleutel(), sim.rentes(scenario), jaar, kans, paden, seed, naam)
    # Keyed on the reserve's inputs: moving a statushouders control finds the answer in the cache.
    return _onthouden(sleutel, lambda: _zoek_reserve_doel(scenario, basis, jaar, kans, paden, seed, naam))


def _zoek_reserve_doel(scenario: Scenario, basis: Basis, jaar: int, kans: float, paden: int, seed: int, naam: str) -> ReserveDoel:
    lijnen = sim.reservelijnen(scenario, basis)
    stap = _reserve_stap(lijnen.sleutel(), sim.rentes(scenario), jaar, kans, paden, seed, naam)
    grid = _grid(naam)

    def gehaald(index: int) -> bool:
        return sim.simuleer(scenario.met(**{naam: float(grid[index])}), basis, paden, seed).kans_niet_op_tot(jaar) >= kans

    stap = _controleer(stap if stap < len(grid) else None, len(grid) - 1, gehaald)
    return ReserveDoel(
        kans=kans, jaar=jaar, parameter=naam, waarde=None if stap is None else float(grid[stap]),
        grens=float(grid[-1]), al_gehaald=stap == 0,
    )


def _grid(naam: str) -> np.ndarray:
    """The control's values from least to most favourable: DU MO indexation upwards, care-cost growth downwards."""
    opties = PARAMETERS_BY_NAME[naam].opties
    return np.array(opties if naam == DU_MO.naam else opties[::-1], dtype=float)


def _reserve_stap(sleutel: tuple, rentes: tuple, jaar: int, kans: float, paden: int, seed: int, naam: str) -> int:
    """The step of the control's grid that reaches the target; keyed on the reserve's inputs only."""
    lijnen = sim.Reservelijnen.uit_sleutel(sleutel)
    tot = int(np.searchsorted(lijnen.jaren, jaar, side="right"))
    du_mo, zorg = sim.pad_rentes(rentes, seed, paden)
    grid = _grid(naam)
    if naam == DU_MO.naam:
        vast, soort, model, band = sim.effect(lijnen, "zorgkosten", zorg, tot), "du_mo", du_mo[0], rentes[1]
    else:
        vast, soort, model, band = sim.effect(lijnen, "du_mo", du_mo, tot), "zorgkosten", zorg[0], rentes[3]
    trekking = sim.uniform(seed, paden, soort)

    def ok(stap: np.ndarray) -> np.ndarray:
        stand, _ = sim.standen(lijnen, vast + sim.effect(lijnen, soort, (model, grid[stap] + band * trekking), tot))
        return (stand >= 0).all(axis=0)

    return _kwantiel(drempels(ok, paden, len(grid)), kans)
