"""Monte Carlo simulation of the achterstand and the reserve: how likely is each outcome.

The deterministic model gives the inputs; the simulation varies them around it:
- a future taakstelling without an official figure: lognormal around the model's figure
  (``spreiding_taakstelling_pct``, one draw per half year and path);
- the placements per half year: lognormal around the model's pace, after policy switches
  (``spreiding_realisatie_pct``, one draw per half year and path); in a half year read as an
  interim count (reading (b) of the raadsinformatiebrief) only the placements after the count vary;
- the DU MO indexation and the care-cost growth: uniform within ± a bandwidth around the
  scenario's rate (one draw per path, applied in every year).
The stock-flow rule and the HAR+ rule are the model's (core.model.taakstelling), applied to
all paths at once with numpy; so is the reserve's rule (core.model.reserve.reservepad: DNO
spending, a payout to Maastricht) on each path's results, which are the model's results plus
the effect of that path's rates on the model's own begroting lines. With every spread at zero
each path is the deterministic projection (tests/test_risico.py checks that for a table of
scenarios). Random numbers come from seeded generators: the same seed and scenario give the
same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from core.data import Basis
from core.model import beleid
from core.model.parameters import ONZEKERHEID, PARAMETERS, PERSONEN_PER_GROOT_HUISHOUDEN, REKENHORIZON
from core.model.periode import deadline
from core.model.reserve import (
    _regels_per_jaar, alle_reserve_rijen, bekende_indexatie, overige_onttrekkingen, per_reservedeel, reserve_start,
    uitkeringsjaar,
)
from core.model.scenario import Scenario
from core.model.taakstelling import GEREALISEERD, TUSSENSTAND, grote_gezinnen_plaatsbaar, taakstelling_rijen, tussenstand

PADEN = 10_000
# Run-out years are looked for as far as the model looks for them (2040).
HORIZON = REKENHORIZON
PERCENTIELEN = (10, 25, 50, 75, 90)
KOLOMMEN = tuple(f"p{p}" for p in PERCENTIELEN)


def _vast_array(values, dtype) -> np.ndarray:
    array = np.array(values, dtype=dtype)
    array.setflags(write=False)  # cached and shared: never changed in place
    return array


# --- the achterstand: the model's inputs per half year --------------------------------------------


@dataclass(frozen=True)
class Halfjaren:
    """The deterministic model's inputs per half year that is not closed, up to the scenario's horizon.

    Tuples, so that two scenarios with the same inputs share cached results.
    """

    periodes: tuple[str, ...]
    taakstelling: tuple[int, ...]  # the model's taakstelling
    vast: tuple[bool, ...]  # True: set by the Rijk (a stored figure), not varied
    tempo: tuple[int, ...]  # placements that vary: the pace after policy switches, or those after an interim count
    vast_deel: tuple[int, ...]  # placements already counted (an interim count), else 0
    tussenstand: tuple[bool, ...]  # True: a half year read as an interim count (the pace does not apply)
    factor: tuple[float, ...]  # share of a pace left after policy switches (core.model.beleid)
    norm: tuple[int | None, ...]  # maximum achterstand at the half year's end; None where there is none
    plaatsbaar: tuple[bool, ...]  # large families housed without HAR+ (the year's huurtoeslag rule, else the scenario's)
    begin: int  # achterstand at the start of the first of these half years
    trekkingen: int  # half years drawn for

    @property
    def deadline_rijen(self) -> list[int]:
        """The half years (indices) that end with a norm."""
        return [i for i, n in enumerate(self.norm) if n is not None]


@dataclass(frozen=True)
class Regels:
    """The scenario's assumptions the achterstand simulation reads besides the half-year inputs."""

    aandeel_grote_gezinnen: float
    har_plus_budget: float
    har_plus_kosten_per_huishouden: float
    spreiding_taakstelling_pct: float
    spreiding_realisatie_pct: float

    @classmethod
    def van(cls, scenario: Scenario) -> Regels:
        return cls(**{f: getattr(scenario, f) for f in cls.__dataclass_fields__})

    def monotoon(self, h: Halfjaren) -> bool:
        """More capacity never means fewer placements: true unless a limited HAR+ budget is spent over time."""
        return all(h.plaatsbaar) or self.har_plus_budget < self.har_plus_kosten_per_huishouden


def model_scenario(scenario: Scenario) -> Scenario:
    """The scenario with the simulation's own assumptions (spreads, seed) at their baseline: the
    deterministic model does not read them, so a new seed or spread reuses its cached projection."""
    eigen = {p.naam: p.standaard for p in PARAMETERS if p.groep == ONZEKERHEID}
    return scenario if all(getattr(scenario, k) == v for k, v in eigen.items()) else scenario.met(**eigen)


@lru_cache(maxsize=64)
def halfjaren(scenario: Scenario, basis: Basis) -> Halfjaren:
    scenario = model_scenario(scenario)
    open_ = [r for r in taakstelling_rijen(scenario, basis) if r["status"] != GEREALISEERD]
    periodes = tuple(r["periode"] for r in open_)
    geteld = {r["periode"]: tussenstand(basis, r["periode"]).aantal for r in open_ if r["status"] == TUSSENSTAND}
    return Halfjaren(
        periodes=periodes,
        taakstelling=tuple(int(r["taakstelling"]) for r in open_),
        vast=tuple("taakstelling" in basis.halfjaarcijfers.get(p, {}) for p in periodes),
        tempo=tuple(
            r["realisatie"] - geteld[r["periode"]] if r["periode"] in geteld else beleid.tempo(scenario, r["periode"])
            for r in open_
        ),
        vast_deel=tuple(geteld.get(p, 0) for p in periodes),
        tussenstand=tuple(p in geteld for p in periodes),
        factor=tuple(1.0 if p in geteld else beleid.tempo_factor(scenario, p) for p in periodes),
        norm=tuple(r["norm_achterstand"] for r in open_),
        plaatsbaar=tuple(grote_gezinnen_plaatsbaar(scenario, basis, p) for p in periodes),
        begin=int(open_[0]["achterstand_begin"]),
        trekkingen=len(periodes),
    )


# --- random numbers --------------------------------------------------------------------------------

# Each kind of draw has its own random stream (the seed and the kind's number), so a path's draws
# for one kind never depend on how many of another kind were drawn, nor on the horizon: the first
# half years of a path are the same whether the horizon is 2027 or 2040.
STROMEN = {"taakstelling": 1, "realisatie": 2, "du_mo": 3, "zorgkosten": 4}


@lru_cache(maxsize=16)
def normaal(seed: int, paden: int, soort: str, halfjaren: int) -> np.ndarray:
    """(half years, paths) standard normal numbers in single precision (ample for whole persons, fast to exp)."""
    rng = np.random.default_rng([seed, STROMEN[soort]])
    return _vast_array(rng.standard_normal((halfjaren, paden), dtype=np.float32), np.float32)


@lru_cache(maxsize=16)
def uniform(seed: int, paden: int, soort: str) -> np.ndarray:
    """(paths,) numbers uniform on [-1, 1]: one per path for a yearly rate."""
    return _vast_array(np.random.default_rng([seed, STROMEN[soort]]).uniform(-1.0, 1.0, paden), float)


@lru_cache(maxsize=16)
def _lognormaal(seed: int, paden: int, halfjaren: int, soort: str, spreiding_pct: float) -> np.ndarray | float:
    """Multipliers with median 1, exp(sigma * z), for one kind of draw; exactly 1 without spread.

    Cached: a slider move that keeps the spreads reuses them.
    """
    if spreiding_pct == 0:
        return 1.0
    return _vast_array(np.exp(np.float32(spreiding_pct / 100) * normaal(seed, paden, soort, halfjaren)), np.float32)


# --- the achterstand: the rules on every path ----------------------------------------------------------


@lru_cache(maxsize=16)
def gesimuleerde_taakstelling(h: Halfjaren, spreiding_pct: float, seed: int, paden: int) -> np.ndarray:
    """(half years, paths): stored taakstellingen as they are, the others varied around the model's.

    Whole persons in single precision (exact up to 16 million), half the memory traffic of doubles.
    """
    model = np.array(h.taakstelling, dtype=np.float32)[:, None]
    factor = _lognormaal(seed, paden, h.trekkingen, "taakstelling", spreiding_pct)
    if np.isscalar(factor):
        return _vast_array(np.broadcast_to(model, (len(h.periodes), paden)), np.float32)
    uit = np.rint(np.multiply(model, factor, dtype=np.float32))
    vast = np.array(h.vast)
    uit[vast] = model[vast]
    uit.setflags(write=False)
    return uit


def capaciteit(h: Halfjaren, spreiding_pct: float, seed: int, paden: int, tempo: np.ndarray | None = None) -> np.ndarray:
    """(half years, paths): the placements the market gives (before the opgave limits them).

    ``tempo`` is a pace per half year and path (goal seeking; it may cover only the first
    half years), else the model's. Whole persons in single precision, as the taakstelling.
    """
    pace = np.array(h.tempo, dtype=np.float32)[:, None] if tempo is None else tempo.astype(np.float32)
    rows = pace.shape[0]
    vast_deel = np.array(h.vast_deel[:rows], dtype=np.float32)[:, None]
    factor = _lognormaal(seed, paden, h.trekkingen, "realisatie", spreiding_pct)
    if np.isscalar(factor):
        return np.broadcast_to(pace + vast_deel, (rows, paden))
    uit = np.multiply(pace, factor[:rows], dtype=np.float32)
    return np.add(np.rint(uit, out=uit), vast_deel, out=uit)


def tempo_per_pad(h: Halfjaren, per_halfjaar: np.ndarray, rows: int) -> np.ndarray:
    """(rows, paths): a pace per path in the first ``rows`` half years after policy switches, rounded
    as core.model.beleid.tempo does; a half year read as an interim count keeps its own placements."""
    factor = np.array(h.factor[:rows])[:, None]
    gekort = np.where(factor == 1.0, per_halfjaar[None, :], np.rint(per_halfjaar[None, :] * factor))
    return np.where(np.array(h.tussenstand[:rows])[:, None], np.array(h.tempo[:rows], dtype=float)[:, None], gekort)


def achterstand(h: Halfjaren, regels: Regels, taak: np.ndarray, cap: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """(achterstand at each half year's end, HAR+ budget left) for every path, as whole numbers in floats.

    The stock-flow rule of core.model.taakstelling: realisatie is at most the opgave and the
    capacity; where the huurtoeslag rule of the year (or the scenario) does not house large
    families, the large-family share of a forecast half year is only placed where the HAR+ budget pays for whole households.
    """
    halfjaren, paden = cap.shape
    eind = np.empty((halfjaren, paden))
    begin = np.full(paden, float(h.begin))
    groot_regel = not all(h.plaatsbaar)
    budget = np.full(paden, float(regels.har_plus_budget)) if groot_regel else None
    rest = np.empty((halfjaren, paden)) if groot_regel else None
    kosten = regels.har_plus_kosten_per_huishouden
    for i in range(halfjaren):
        opgave = begin + taak[i]
        gepland = np.minimum(opgave, cap[i])
        if not h.plaatsbaar[i] and not h.tussenstand[i]:
            groot = np.rint(gepland * regels.aandeel_grote_gezinnen)
            huishoudens = np.minimum(np.ceil(groot / PERSONEN_PER_GROOT_HUISHOUDEN), budget // kosten)
            gepland = gepland - groot + np.minimum(groot, huishoudens * PERSONEN_PER_GROOT_HUISHOUDEN)
            budget = budget - huishoudens * kosten
        if groot_regel:
            rest[i] = budget
        np.subtract(opgave, gepland, out=eind[i])
        begin = eind[i]
    return eind, rest


# --- the reserve -----------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Reservelijnen:
    """The model's reserve inputs per year up to REKENHORIZON, and the net lines the rates act on."""

    jaren: np.ndarray
    resultaat: np.ndarray  # the model's result per year
    onttrekking: np.ndarray  # other withdrawals (DNO) per year, in the year the scenario puts them
    du_mo: np.ndarray  # net DU MO-indexed lines per year (baten positive)
    zorgkosten: np.ndarray  # net care-cost lines per year (lasten negative)
    exponent: np.ndarray  # years of growth since the begroting year
    exponent_du_mo: np.ndarray  # of those, the years without a DU MO rate a circulaire set (only those vary)
    start: float
    uitkering: int | None  # index of the year at whose end the reserve is paid out, or None

    def sleutel(self) -> tuple:
        arrays = (self.jaren, self.resultaat, self.onttrekking, self.du_mo, self.zorgkosten, self.exponent, self.exponent_du_mo)
        return (*(tuple(a.tolist()) for a in arrays), self.start, self.uitkering)

    @classmethod
    def uit_sleutel(cls, sleutel: tuple) -> Reservelijnen:
        *arrays, start, uitkering = sleutel
        return cls(*(np.array(a) for a in arrays), start, uitkering)


@per_reservedeel  # a move of a statushouders control leaves these lines as they were
def reservelijnen(scenario: Scenario, basis: Basis) -> Reservelijnen:
    scenario = model_scenario(scenario)
    rijen = alle_reserve_rijen(scenario, basis)
    jaren = [r["jaar"] for r in rijen]
    netto = {(j, k): 0.0 for j in jaren for k in ("du_mo", "zorgkosten")}
    for regel in _regels_per_jaar(scenario, basis):
        if regel["indexatie"] in ("du_mo", "zorgkosten"):
            netto[(regel["jaar"], regel["indexatie"])] += regel["bedrag"] * (1 if regel["kant"] == "baten" else -1)
    onttrekkingen = overige_onttrekkingen(scenario, basis)
    uitkering = uitkeringsjaar(scenario, basis)
    bekend = bekende_indexatie(basis, "du_mo")  # years a circulaire fixed: the paths do not vary them
    return Reservelijnen(
        jaren=_vast_array(jaren, np.int64),
        resultaat=_vast_array([r["resultaat"] for r in rijen], float),
        onttrekking=_vast_array([onttrekkingen.get(j, 0.0) for j in jaren], float),
        du_mo=_vast_array([netto[(j, "du_mo")] for j in jaren], float),
        zorgkosten=_vast_array([netto[(j, "zorgkosten")] for j in jaren], float),
        exponent=_vast_array([j - basis.basisjaar for j in jaren], float),
        exponent_du_mo=_vast_array([sum(1 for k in range(basis.basisjaar + 1, j + 1) if k not in bekend) for j in jaren], float),
        start=float(reserve_start(basis)),
        uitkering=jaren.index(uitkering) if uitkering in jaren else None,
    )


def groeifactor(exponent: np.ndarray, scenario_pct: float, pad_pct: np.ndarray) -> np.ndarray:
    """(years, paths): a path's line amount over the model's, for a path's yearly rate instead of the scenario's."""
    verhouding = (1 + np.asarray(pad_pct, dtype=float) / 100) / (1 + scenario_pct / 100)
    if np.array_equal(exponent, np.arange(len(exponent))):
        # Consecutive years from the begroting year: a running product is far cheaper than powers.
        factor = np.empty((len(exponent), len(verhouding)))
        factor[0] = 1.0
        if len(factor) > 1:
            np.cumprod(np.broadcast_to(verhouding, (len(factor) - 1, len(verhouding))), axis=0, out=factor[1:])
        return factor
    return verhouding[None, :] ** exponent[:, None]


def effect(r: Reservelijnen, soort: str, rente: tuple[float, np.ndarray], tot: int | None = None) -> np.ndarray:
    """(years, paths): the change in each year's result when the paths' rate replaces the model's.

    ``soort`` is ``du_mo`` or ``zorgkosten``; ``rente`` is (the model's rate, the paths' rates)
    in percent per year; ``tot`` limits the years (the first ``tot``).
    """
    tot = len(r.jaren) if tot is None else tot
    lijnen = getattr(r, soort)[:tot, None]
    exponent = r.exponent_du_mo if soort == "du_mo" else r.exponent
    return lijnen * (groeifactor(exponent[:tot], *rente) - 1)


def standen(r: Reservelijnen, verschil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(reserve at each year's end, paid out or not) per path, for results changed by ``verschil``.

    The rule of core.model.reserve.reservepad: each year adds its result and subtracts the DNO
    spending; in the payout year a positive balance goes to Maastricht and the reserve stays at
    what is left from then on. ``verschil`` is overwritten.
    """
    tot = verschil.shape[0]
    verschil += (r.resultaat[:tot] - r.onttrekking[:tot])[:, None]
    stand = np.cumsum(verschil, axis=0, out=verschil)
    stand += r.start
    uitgekeerd = np.zeros(stand.shape[1], dtype=bool)
    if r.uitkering is not None and r.uitkering < tot:
        k = r.uitkering
        uitgekeerd = stand[k] > 0
        stand[k:] = np.where(uitgekeerd, 0.0, stand[k])
    return stand, uitgekeerd


def reserve(r: Reservelijnen, du_mo: tuple[float, np.ndarray], zorgkosten: tuple[float, np.ndarray]) -> np.ndarray:
    """(years, paths): the reserve at each year's end when each path has its own yearly rates.

    ``du_mo`` and ``zorgkosten`` are (the model's rate, the paths' rates) in percent per year.
    """
    return standen(r, effect(r, "du_mo", du_mo) + effect(r, "zorgkosten", zorgkosten))[0]


def pad_rentes(rentes: tuple[float, float, float, float], seed: int, paden: int) -> tuple[tuple, tuple]:
    """(model rate, paths' rates) for the DU MO indexation and the care-cost growth, from
    (DU MO %, its bandwidth, care-cost %, its bandwidth)."""
    du_mo, du_mo_band, zorg, zorg_band = rentes
    return (
        (du_mo, du_mo + du_mo_band * uniform(seed, paden, "du_mo")),
        (zorg, zorg + zorg_band * uniform(seed, paden, "zorgkosten")),
    )


def rentes(scenario: Scenario) -> tuple[float, float, float, float]:
    return (
        scenario.du_mo_indexatie_pct, scenario.bandbreedte_du_mo_indexatie,
        scenario.zorgkosten_groei_pct, scenario.bandbreedte_zorgkosten_groei,
    )


# --- the result --------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Simulatie:
    """What ``simuleer`` returns. Probabilities are fractions (0..1); arrays are read-only.

    Results are cached and shared: never change them (the frames are built once, on first use).
    """

    paden: int
    seed: int
    kans_norm: dict[date, float]  # deadline -> P(achterstand at or below the norm then)
    kans_escalatie: dict[date, float]  # deadline -> P(a norm missed at this or an earlier deadline of the simulation)
    kans_reserve_positief: dict[int, float]  # year -> P(reserve not negative at its end), to 2040 or the payout
    opraakjaar: dict[int | None, float]  # first year with a negative reserve -> share of paths; None: not before 2041
    kans_uitgekeerd: float  # P(the reserve is paid out to Maastricht before it ever runs out); with opraakjaar it sums to 1
    uitkeringsjaar: int | None  # the year at whose end the scenario pays the reserve out, if any
    kans_har_plus_uitgeput: dict[str, float]  # half year -> P(HAR+ budget cannot pay one more household after it)
    deadlines: dict[date, tuple[str, int]]  # deadline -> (half year, norm)
    periodes: tuple[str, ...]  # simulated half years up to the scenario's horizon
    achterstand_percentielen: np.ndarray  # (5, half years): P10, P25, P50, P75, P90
    jaren: tuple[int, ...]  # years up to the scenario's horizon
    reserve_percentielen: np.ndarray  # (5, years)

    @cached_property
    def achterstand(self) -> pd.DataFrame:
        """Per simulated half year: periode, p10, p25, p50, p75, p90 of the achterstand at its end."""
        return _frame("periode", self.periodes, self.achterstand_percentielen)

    @cached_property
    def reserve(self) -> pd.DataFrame:
        """Per year: jaar, p10, p25, p50, p75, p90 of the reserve at its end."""
        return _frame("jaar", self.jaren, self.reserve_percentielen)

    def kans_niet_op_tot(self, jaar: int) -> float:
        """P(the reserve is not negative at the end of any year up to and including ``jaar``)."""
        return 1.0 - sum(v for j, v in self.opraakjaar.items() if j is not None and j <= jaar)

    def opraakjaar_percentiel(self, fractie: float) -> int | None:
        """The year by which ``fractie`` of the paths have run out (None: not by 2040, or paid out first)."""
        total = 0.0
        for jaar in sorted(j for j in self.opraakjaar if j is not None):
            total += self.opraakjaar[jaar]
            if total >= fractie - 1e-12:
                return jaar
        return None


def _frame(sleutel: str, labels, waarden: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({sleutel: list(labels), **{k: waarden[i] for i, k in enumerate(KOLOMMEN)}})


def _rangen(paden: int) -> list[int]:
    return [max(0, int(np.ceil(p / 100 * paden)) - 1) for p in PERCENTIELEN]


def _percentielen(values: np.ndarray) -> np.ndarray:
    """(5, rows): P10 .. P90 of each row, as the smallest value with at least that share of paths at or below it.

    The classic definition (no interpolation), so a percentile is always a simulated value,
    found with one partial sort per row instead of a full sort.
    """
    rang = _rangen(values.shape[1])
    result = np.partition(values, rang, axis=1)[:, rang].T.copy()
    result.setflags(write=False)
    return result


def _percentielen_geheel(values: np.ndarray) -> np.ndarray:
    """As ``_percentielen`` for whole numbers of persons, from counts instead of sorting (several times faster).

    Every row's values are counted at once (row * (maximum + 1) + value), the counts are summed
    along each row, and a percentile is the first value whose running count passes its rank.
    """
    rijen, paden = values.shape
    geheel = values.astype(np.int64)
    breedte = int(geheel.max()) + 1 if geheel.size else 1
    tellingen = np.bincount((geheel + np.arange(rijen)[:, None] * breedte).ravel(), minlength=rijen * breedte)
    opgeteld = np.cumsum(tellingen.reshape(rijen, breedte), axis=1)
    result = np.stack([(opgeteld > k).argmax(axis=1) for k in _rangen(paden)]).astype(float)
    result.setflags(write=False)
    return result


def simuleer(scenario: Scenario, basis: Basis, paden: int = PADEN, seed: int | None = None) -> Simulatie:
    """Simulate ``paden`` futures of the scenario. ``seed`` defaults to the scenario's ``simulatie_seed`` (0).

    Cached per (scenario, basis, paden, seed): the result is shared, never change it.
    """
    return _simuleer(scenario, basis, paden, scenario.simulatie_seed if seed is None else seed)


@lru_cache(maxsize=32)
def _simuleer(scenario: Scenario, basis: Basis, paden: int, seed: int) -> Simulatie:
    if paden < 1:
        raise ValueError("Het aantal paden moet minstens 1 zijn.")
    h = halfjaren(scenario, basis)
    deadlines = {deadline(p): (p, n) for p, n in zip(h.periodes, h.norm) if n is not None}
    kans_norm, kans_escalatie, kans_har, achterstand_pct = _achterstand_uitkomsten(
        h, Regels.van(scenario), tuple(deadlines), seed, paden
    )
    lijnen = reservelijnen(scenario, basis)
    positief, opraak, uitgekeerd, reserve_pct = _reserve_uitkomsten(lijnen.sleutel(), rentes(scenario), seed, paden)
    tot_jaar = [i for i, j in enumerate(lijnen.jaren) if j <= scenario.eind_jaar]
    return Simulatie(
        paden=paden,
        seed=seed,
        kans_norm=kans_norm,
        kans_escalatie=kans_escalatie,
        kans_reserve_positief=positief,
        opraakjaar=opraak,
        kans_uitgekeerd=uitgekeerd,
        uitkeringsjaar=None if lijnen.uitkering is None else int(lijnen.jaren[lijnen.uitkering]),
        kans_har_plus_uitgeput=kans_har,
        deadlines=deadlines,
        periodes=h.periodes,
        achterstand_percentielen=achterstand_pct,
        jaren=tuple(int(lijnen.jaren[i]) for i in tot_jaar),
        reserve_percentielen=_vast_array(reserve_pct[:, tot_jaar], float),
    )


@lru_cache(maxsize=32)
def _achterstand_uitkomsten(h: Halfjaren, regels: Regels, data: tuple[date, ...], seed: int, paden: int):
    """(P(norm met), P(escalation), P(HAR+ exhausted), percentiles) for the achterstand's inputs.

    Keyed on the model's inputs, not on the scenario: moving a reserve control leaves the
    achterstand's simulation as it was.
    """
    taak = gesimuleerde_taakstelling(h, regels.spreiding_taakstelling_pct, seed, paden)
    eind, budget = achterstand(h, regels, taak, capaciteit(h, regels.spreiding_realisatie_pct, seed, paden))
    kans_norm, kans_escalatie = {}, {}
    alles_gehaald = np.ones(paden, dtype=bool)
    for datum, i in zip(data, h.deadline_rijen):
        gehaald = eind[i] <= h.norm[i]
        alles_gehaald &= gehaald
        # Counting is several times cheaper than the mean of a boolean array (which converts it to floats).
        kans_norm[datum] = np.count_nonzero(gehaald) / paden
        kans_escalatie[datum] = 1.0 - np.count_nonzero(alles_gehaald) / paden
    kans_har = {}
    if budget is not None and regels.har_plus_budget >= regels.har_plus_kosten_per_huishouden:
        uitgeput = (budget < regels.har_plus_kosten_per_huishouden).mean(axis=1)
        kans_har = {p: float(v) for p, v in zip(h.periodes, uitgeput)}
    return kans_norm, kans_escalatie, kans_har, _percentielen_geheel(eind)


@lru_cache(maxsize=32)
def _reserve_uitkomsten(sleutel: tuple, jaarrentes: tuple, seed: int, paden: int):
    """(P(not negative) per year, run-out year shares, P(paid out), percentiles per year) for the reserve's inputs.

    Keyed on the model's figures and the rates, not on the scenario: moving a statushouders
    control leaves the reserve's simulation as it was.
    """
    lijnen = Reservelijnen.uit_sleutel(sleutel)
    jaren = lijnen.jaren
    du_mo, zorg = pad_rentes(jaarrentes, seed, paden)
    stand, uitgekeerd = standen(lijnen, effect(lijnen, "du_mo", du_mo) + effect(lijnen, "zorgkosten", zorg))
    negatief = stand < 0
    ooit = negatief.any(axis=0)
    per_jaar = np.bincount(negatief.argmax(axis=0)[ooit], minlength=len(jaren)) / paden  # first negative year
    opraak: dict[int | None, float] = {int(j): float(v) for j, v in zip(jaren, per_jaar)}
    uitgekeerd &= ~ooit  # paid out before it ever ran out (as core.model.reserve.uitputting counts it)
    opraak[None] = float(np.mean(~ooit & ~uitgekeerd))
    # After a payout the regional reserve no longer exists: no probability is given for those years.
    bestaat = len(jaren) if lijnen.uitkering is None else lijnen.uitkering + 1
    positief = {int(j): float(v) for j, v in zip(jaren[:bestaat], 1.0 - negatief[:bestaat].mean(axis=1))}
    return positief, opraak, float(uitgekeerd.mean()), _percentielen(stand)
