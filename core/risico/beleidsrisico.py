"""Policy risks in figures: what wetsvoorstel 36831 does to the achterstand, and how far the
municipal HAR+ budget reaches (the Rijk's own HAR+ scheme has ended).

The rules are the model's (core.model.beleid, core.model.taakstelling); this module only
reads the projections with and without the switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.data import Basis
from core.model import beleid
from core.model.parameters import PERSONEN_PER_GROOT_HUISHOUDEN
from core.model.scenario import Scenario
from core.model.taakstelling import PROGNOSE, har_plus_nodig, taakstelling_rijen
from core.tekst import herkomst


@dataclass(frozen=True)
class Wetsvoorstel:
    """The scenario with and without wetsvoorstel 36831, at the end of the horizon."""

    aan: bool
    ingang: date
    tempo_zonder: int
    tempo_met: int
    vanaf: str | None  # the first forecast half year with the cut; None: after the horizon
    laatste_periode: str
    achterstand_zonder: int
    achterstand_met: int


def wetsvoorstel(scenario: Scenario, basis: Basis) -> Wetsvoorstel:
    zonder = taakstelling_rijen(scenario.met(wetsvoorstel_36831=False), basis)
    met_scenario = scenario.met(wetsvoorstel_36831=True)
    met = taakstelling_rijen(met_scenario, basis)
    prognose = [r["periode"] for r in met if r["status"] == PROGNOSE]
    vanaf = next((p for p in prognose if beleid.tempo_factor(met_scenario, p) < 1.0), None)
    return Wetsvoorstel(
        aan=scenario.wetsvoorstel_36831,
        ingang=beleid.ingangsdatum(scenario.wetsvoorstel_36831_ingang),
        tempo_zonder=scenario.huisvesting_per_halfjaar,
        tempo_met=beleid.tempo(met_scenario, vanaf) if vanaf else scenario.huisvesting_per_halfjaar,
        vanaf=vanaf,
        laatste_periode=zonder[-1]["periode"],
        achterstand_zonder=zonder[-1]["achterstand_eind"],
        achterstand_met=met[-1]["achterstand_eind"],
    )


@dataclass(frozen=True)
class HarPlus:
    """What the municipal HAR+ budget does in a scenario (from the taakstelling projection)."""

    budget: float
    kosten_per_huishouden: float
    huishoudens_mogelijk: int  # large households the whole budget can pay for
    personen_mogelijk: int
    nodig: bool  # False: in every forecast half year the huurtoeslag rule houses large families without HAR+
    huishoudens_per_periode: tuple[tuple[str, int], ...]  # forecast half years that spend HAR+
    uitgeput_in: str | None  # the half year after which not one more household can be paid
    niet_geplaatst: int  # persons in large families not placed within the horizon


def har_plus(scenario: Scenario, basis: Basis) -> HarPlus:
    """HAR+ in a scenario, read from the taakstelling projection (one rule for both)."""
    rijen = taakstelling_rijen(scenario, basis)
    mogelijk = int(scenario.har_plus_budget // scenario.har_plus_kosten_per_huishouden)
    prognose = [r for r in rijen if r["status"] == PROGNOSE]
    besteed, uitgeput = 0.0, None
    for row in prognose:
        besteed += row["har_plus_kosten"]
        if uitgeput is None and mogelijk and scenario.har_plus_budget - besteed < scenario.har_plus_kosten_per_huishouden:
            uitgeput = row["periode"]
    return HarPlus(
        budget=float(scenario.har_plus_budget),
        kosten_per_huishouden=float(scenario.har_plus_kosten_per_huishouden),
        huishoudens_mogelijk=mogelijk,
        personen_mogelijk=mogelijk * PERSONEN_PER_GROOT_HUISHOUDEN,
        nodig=har_plus_nodig(scenario, basis),
        huishoudens_per_periode=tuple((r["periode"], r["har_plus_huishoudens"]) for r in prognose if r["har_plus_huishoudens"]),
        uitgeput_in=uitgeput,
        niet_geplaatst=sum(r["niet_geplaatst_grote_gezinnen"] for r in prognose),
    )


def rijksregeling(basis: Basis) -> str:
    """The Rijk's own scheme for large families, as the base data describe it (its end, its source)."""
    rijen = [r for (onderwerp, _s, _p), r in basis.kengetal_rijen.items() if onderwerp == "har_plus" and r["toelichting"]]
    if not rijen:
        return "landelijke regeling grote gezinnen: niet in de basisdata"
    rij = rijen[0]
    return f"{rij['toelichting']} ({herkomst.kengetal(basis, rij['onderwerp'], rij['sleutel'], rij['periode'])})"
