"""Huisvesting statushouders: the taakstelling, the achterstand and the Provincie's norm path.

Stock-flow per half year h (DOMAIN.md part 1, raadsinformatiebrief 20 mei 2026):
    opgave[h]           = achterstand_begin[h] + taakstelling[h]
    achterstand_eind[h] = max(0, opgave[h] - realisatie[h])
    achterstand_begin[h+1] = achterstand_eind[h]
Realised half years use the reported figures; later ones use the scenario. A half year
whose realisation a source reports before the half year ended is read as the scenario's
``lezing_raadsinformatiebrief`` says: (a) closed as reported, or (b) an interim count
(tussenstand) plus the placements until the end of the half year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from core.data import Basis
from core.model import beleid
from core.model.normpad import eerste_beleidsarme_periode, normen, plan_gemeente
from core.model.parameters import LEZING_B, PERSONEN_PER_GROOT_HUISHOUDEN
from core.model.periode import begindatum, deadline, periodes, volgende_periode, vorige_periode
from core.model.scenario import Scenario
from core.tekst import herkomst

GEREALISEERD, TUSSENSTAND, PROGNOSE = "gerealiseerd", "tussenstand", "prognose"

COLUMNS = [
    "periode",
    "taakstelling",
    "achterstand_begin",
    "opgave",
    "realisatie",
    "achterstand_eind",
    "norm_achterstand",
    "haalt_norm",
    "status",
    "beleidsarm",
    "plan_achterstand",
    "har_plus_huishoudens",
    "har_plus_kosten",
    "niet_geplaatst_grote_gezinnen",
    "herkomst",
]
INTEGER_COLUMNS = COLUMNS[1:7] + ["plan_achterstand", "har_plus_huishoudens", "har_plus_kosten", "niet_geplaatst_grote_gezinnen"]


def is_gerealiseerd(cijfers: dict[str, int]) -> bool:
    return "realisatie" in cijfers or "achterstand_eind" in cijfers


@dataclass(frozen=True)
class Tussenstand:
    """A realisation a source reported before its half year ended."""

    periode: str
    aantal: int
    peildatum: date

    @property
    def dagen_geteld(self) -> int:
        return (self.peildatum - begindatum(self.periode)).days

    @property
    def dagen_resterend(self) -> int:
        return (deadline(self.periode) - self.peildatum).days

    def na_tussenstand(self, tempo_pct: int) -> int:
        """Placements from the count's date to the end of the half year at ``tempo_pct`` of the pace so far."""
        return round(self.aantal * tempo_pct / 100 * self.dagen_resterend / self.dagen_geteld)


def tussenstand(basis: Basis, periode: str) -> Tussenstand | None:
    row = basis.halfjaar_rijen.get((periode, "realisatie"))
    if row is None or not _is_dag(row["peildatum"]):
        return None
    peildatum = date.fromisoformat(row["peildatum"])
    return Tussenstand(periode, int(row["waarde"]), peildatum) if peildatum < deadline(periode) else None


def tussenstanden(basis: Basis) -> list[Tussenstand]:
    return [t for p in sorted(basis.halfjaarcijfers) if (t := tussenstand(basis, p)) is not None]


def _is_dag(peildatum) -> bool:
    return isinstance(peildatum, str) and len(peildatum) == 10


def laatste_taakstelling(basis: Basis) -> tuple[str, int]:
    """The last half year with a taakstelling set, and that taakstelling: the default for later ones."""
    known = {p: c["taakstelling"] for p, c in basis.halfjaarcijfers.items() if "taakstelling" in c}
    periode = max(known)
    return periode, known[periode]


def standaard_taakstelling(basis: Basis) -> int:
    return laatste_taakstelling(basis)[1]


@lru_cache(maxsize=16)
def landelijke_taakstellingen(basis: Basis) -> dict[str, float]:
    """{halfjaar: landelijke taakstelling} the Rijk has set (kengetal landelijk/landelijke_taakstelling)."""
    return {p: w for p, w in basis.kengetallen_van("landelijk", "landelijke_taakstelling").items() if "-H" in p}


@lru_cache(maxsize=16)
def aandeel_landelijk(basis: Basis) -> tuple[str, float] | None:
    """(halfjaar, share): Maastricht's share of the national taakstelling in the last half year both are known.

    The Rijk divides the national taakstelling over the municipalities by population, so the
    share is stable; None when no half year has both figures.
    """
    landelijk = landelijke_taakstellingen(basis)
    beide = [p for p, c in basis.halfjaarcijfers.items() if "taakstelling" in c and landelijk.get(p)]
    if not beide:
        return None
    periode = max(beide)
    return periode, basis.halfjaarcijfers[periode]["taakstelling"] / landelijk[periode]


def uit_landelijk(basis: Basis, periode: str) -> tuple[float, tuple[str, float]] | None:
    """(national taakstelling, (half year, share)) when this half year's baseline follows from the
    national taakstelling; None when its national figure or a share is not known."""
    landelijk = landelijke_taakstellingen(basis).get(periode)
    aandeel = aandeel_landelijk(basis)
    return None if landelijk is None or aandeel is None else (landelijk, aandeel)


def basis_taakstelling(basis: Basis, periode: str) -> int:
    """The baseline taakstelling of a half year the Rijk has not set for Maastricht yet.

    Once the national taakstelling of that half year is known (an entry, not a code change),
    Maastricht's share of it; otherwise the last taakstelling set for Maastricht.
    """
    afgeleid = uit_landelijk(basis, periode)
    if afgeleid is None:
        return standaard_taakstelling(basis)
    landelijk, (_periode, deel) = afgeleid
    return round(landelijk * deel)


def toekomstige_taakstelling(scenario: Scenario, basis: Basis, periode: str) -> int:
    return round(basis_taakstelling(basis, periode) * (1 + scenario.instroom_pct / 100))


# The huurtoeslag rule a source has set for a year (kengetal huurtoeslag/grote_gezinnen_plaatsbaar/<jaar>:
# 1 large families fit in large corporation homes without HAR+, 0 not) replaces the scenario's assumption
# for that year's half years, as a circulaire's DU MO rate does: a new rule is an entry, not a code change.
@lru_cache(maxsize=16)
def bekende_huurtoeslagregels(basis: Basis) -> dict[int, bool]:
    return {int(p): w == 1 for p, w in basis.kengetallen_van("huurtoeslag", "grote_gezinnen_plaatsbaar").items() if p.isdigit()}


def grote_gezinnen_plaatsbaar(scenario: Scenario, basis: Basis, periode: str) -> bool:
    """Whether large families can be housed without HAR+ in this half year: the rule set for its year, else the scenario's."""
    return bekende_huurtoeslagregels(basis).get(int(periode[:4]), scenario.huurtoeslag_grote_gezinnen)


def eerste_periode(cijfers: dict[str, dict[str, int]]) -> str:
    """The first half year with a flow (taakstelling or realisatie) in the history."""
    return min(p for p, c in cijfers.items() if "taakstelling" in c or "realisatie" in c)


def har_plus_nodig(scenario: Scenario, basis: Basis) -> bool:
    """Whether any forecast half year houses large families only with HAR+ money (its rule or the scenario's)."""
    return any(not grote_gezinnen_plaatsbaar(scenario, basis, r["periode"]) for r in prognose_rijen(scenario, basis))


def plaatsingen(opgave: int, scenario: Scenario, har_budget: float, capaciteit: int, plaatsbaar: bool) -> tuple[int, int, float, int]:
    """Persons housed in a forecast half year: (realisatie, HAR+ households, HAR+ cost, not placed).

    ``capaciteit`` is the pace after policy switches (core.model.beleid). Where the half year's
    huurtoeslag rule does not house large families (``plaatsbaar``, grote_gezinnen_plaatsbaar),
    their share of the placements is only housed where HAR+ money pays for it (budget / cost per
    household, whole households of six persons), the rest waits.
    """
    gepland = min(opgave, capaciteit)
    if plaatsbaar:
        return gepland, 0, 0.0, 0
    groot = round(gepland * scenario.aandeel_grote_gezinnen)
    nodig_huishoudens = math.ceil(groot / PERSONEN_PER_GROOT_HUISHOUDEN)
    betaalbaar = int(har_budget // scenario.har_plus_kosten_per_huishouden)
    huishoudens = min(nodig_huishoudens, betaalbaar)
    geplaatst_groot = min(groot, huishoudens * PERSONEN_PER_GROOT_HUISHOUDEN)
    kosten = huishoudens * scenario.har_plus_kosten_per_huishouden
    return gepland - groot + geplaatst_groot, huishoudens, kosten, groot - geplaatst_groot


def project_taakstelling(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """One row per half year from the first known one to the scenario's horizon."""
    return _frame(taakstelling_rijen(scenario, basis), COLUMNS, INTEGER_COLUMNS, {"haalt_norm": "boolean", "beleidsarm": "boolean"})


def _frame(rows: list[dict], columns: list[str], integer: list[str], other: dict[str, str] | None = None) -> pd.DataFrame:
    # Column by column with the final dtype: much cheaper than astype() afterwards.
    dtypes = {**{c: "Int64" for c in integer}, **(other or {})}
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=dtypes.get(c)) for c in columns})


def _gemeld(basis: Basis, known: dict, periode: str, scenario: Scenario, begin: int) -> tuple:
    """(taakstelling, realisatie, achterstand_eind, status) of a half year the sources report on."""
    taak, real, eind = known.get("taakstelling"), known.get("realisatie"), known.get("achterstand_eind")
    interim = tussenstand(basis, periode) if scenario.lezing_raadsinformatiebrief == LEZING_B else None
    if interim is not None:
        # Reading (b): the reported achterstand is the one at the start, repeated; the end follows from the flows.
        real = interim.aantal + interim.na_tussenstand(scenario.tempo_na_tussenstand_pct)
        return taak, real, max(0, begin + taak - real), TUSSENSTAND
    if eind is None:
        eind = max(0, begin + taak - real)
    return taak, real, eind, GEREALISEERD


@lru_cache(maxsize=256)
def taakstelling_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    """The rows of project_taakstelling as plain dicts (the fast path for headline figures).

    Cached per (scenario, basis): one page asks for the same projection several times
    (headline cards, summary, charts, comparison). The rows are shared: never mutate them.
    """
    cijfers = basis.halfjaarcijfers
    norm = normen(basis, scenario.eind_jaar)
    plan = plan_gemeente(basis)
    beleidsarm_vanaf = eerste_beleidsarme_periode(basis)
    start = eerste_periode(cijfers)
    begin = cijfers.get(vorige_periode(start), {}).get("achterstand_eind")
    budget = float(scenario.har_plus_budget)
    rows = []
    for periode in periodes(start, scenario.eind_jaar):
        known = cijfers.get(periode, {})
        extra = (0, 0.0, 0)
        if is_gerealiseerd(known):
            taak, real, eind, status = _gemeld(basis, known, periode, scenario, begin)
        else:
            taak = known["taakstelling"] if "taakstelling" in known else toekomstige_taakstelling(scenario, basis, periode)
            real, *extra = plaatsingen(
                begin + taak, scenario, budget, beleid.tempo(scenario, periode),
                grote_gezinnen_plaatsbaar(scenario, basis, periode),
            )
            budget -= extra[1]
            eind = begin + taak - real
            status = PROGNOSE
        limit = norm[periode].max_achterstand if periode in norm else None
        rows.append(
            {
                "periode": periode,
                "taakstelling": taak,
                "achterstand_begin": begin,
                "opgave": None if taak is None or begin is None else begin + taak,
                "realisatie": real,
                "achterstand_eind": eind,
                "norm_achterstand": limit,
                "haalt_norm": None if limit is None else eind <= limit,
                "status": status,
                "beleidsarm": periode >= beleidsarm_vanaf,
                "plan_achterstand": plan.achterstand.get(periode) if plan else None,
                "har_plus_huishoudens": extra[0],
                "har_plus_kosten": extra[1],
                "niet_geplaatst_grote_gezinnen": extra[2],
                "herkomst": _herkomst(basis, periode, status, known),
            }
        )
        begin = eind
    return tuple(rows)


def _herkomst(basis: Basis, periode: str, status: str, known: dict) -> str:
    tekst = herkomst.periode_kort(basis, periode, status)
    afgeleid = None if status != PROGNOSE or "taakstelling" in known else uit_landelijk(basis, periode)
    if afgeleid is None:
        return tekst
    return f"{tekst}; {herkomst.taakstelling_uit_landelijk(basis, periode, *afgeleid)}"


def prognose_rijen(scenario: Scenario, basis: Basis) -> list[dict]:
    """The half years the scenario's pace decides (no reported realisation at all)."""
    return [r for r in taakstelling_rijen(scenario, basis) if r["status"] == PROGNOSE]


def eerste_prognose(basis: Basis) -> str:
    """The first half year without any reported realisation: the first the sliders decide."""
    periode = eerste_periode(basis.halfjaarcijfers)
    while is_gerealiseerd(basis.halfjaarcijfers.get(periode, {})):
        periode = volgende_periode(periode)
    return periode


def benodigde_plaatsingen(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Placements needed in each forecast half year to stay on the Provincie's norm path.

    Every regular taakstelling must be housed within its own half year, and the
    achterstand must be at most the norm at each deadline (36 by 1 januari 2027,
    18 by 1 juli 2027, 0 by 1 januari 2028, and 0 at every half-year end after that).
    Assumes earlier half years kept to the path; ``verwacht`` is what the scenario's
    pace delivers; ``nodig_plan`` is what the municipality's own plan needs.
    """
    return _frame(benodigde_rijen(scenario, basis), NODIG_COLUMNS, NODIG_COLUMNS[1:5] + NODIG_COLUMNS[6:])


NODIG_COLUMNS = [
    "periode", "achterstand_begin", "taakstelling", "norm_achterstand", "nodig", "nodig_per_maand", "verwacht", "verschil",
    "nodig_plan",
]


@lru_cache(maxsize=256)
def benodigde_rijen(scenario: Scenario, basis: Basis) -> tuple[dict, ...]:
    prognose = prognose_rijen(scenario, basis)
    begin = prognose[0]["achterstand_begin"]
    plan_begin = begin
    rows = []
    for row in prognose:
        taak, limit = row["taakstelling"], row["norm_achterstand"]
        nodig = taak if limit is None else max(taak, begin + taak - limit)
        plan_eind = row["plan_achterstand"]
        rows.append(
            {
                "periode": row["periode"],
                "achterstand_begin": begin,
                "taakstelling": taak,
                "norm_achterstand": limit,
                "nodig": nodig,
                "nodig_per_maand": nodig / 6,
                "verwacht": row["realisatie"],
                "verschil": row["realisatie"] - nodig,
                "nodig_plan": None if plan_eind is None else max(taak, plan_begin + taak - plan_eind),
            }
        )
        begin = begin + taak - nodig
        plan_begin = plan_eind if plan_eind is not None else begin
    return tuple(rows)
