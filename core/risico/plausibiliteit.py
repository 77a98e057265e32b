"""Plausibility: assumptions and combinations that the sources make unlikely.

Each check compares the scenario with a figure from the base data (the housing market, the
national taakstelling, the regiobegroting, the jaarrekening once entered) and returns a
``Bevinding`` with the figure it was checked against; the sentences are in core.tekst.risico.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.data import Basis
from core.model.scenario import Scenario
from core.model.taakstelling import har_plus_nodig, landelijke_taakstellingen
from core.tekst import herkomst

WAARSCHUWING, LET_OP = "waarschuwing", "let op"
# An indexation step more than twice the largest inleg the regiobegroting books is "far outside".
INDEXATIE_MARGE = 2.0
# A care-cost growth this many points below the income indexation is a combination worth checking.
GROEI_VERSCHIL = 2.0
# A spread below half of the historical swing understates the uncertainty.
SPREIDING_ONDERGRENS = 0.5
# The jaarrekening may differ from the begroting's estimate by rounding only.
JAARREKENING_MARGE = 1.0


@dataclass(frozen=True)
class Bevinding:
    ernst: str  # WAARSCHUWING: against the sources; LET_OP: a combination worth checking
    regel: str  # which check: tempo_markt, instroom, du_mo_indexatie, groei, spreiding_*, jaarrekening, ...
    waarden: dict = field(default_factory=dict)  # the figures the sentence names
    toets: str = ""  # the figure checked against, with its source


def _bemiddeling(basis: Basis) -> tuple[float, float, str]:
    """(homes through bemiddeling per year, mutaties per year, source)."""
    bemiddeling = basis.kengetallen_van("woningmarkt", "bemiddeling_per_jaar")
    mutaties = basis.kengetallen_van("woningmarkt", "mutaties_per_jaar")
    jaar = max(bemiddeling)
    return bemiddeling[jaar], mutaties[max(mutaties)], herkomst.kengetal(basis, "woningmarkt", "bemiddeling_per_jaar", jaar)


def tempo_markt(tempo: int, basis: Basis) -> Bevinding | None:
    """A placement pace (persons per half year) against the homes that bemiddeling gives per half year."""
    per_jaar, mutaties, bron = _bemiddeling(basis)
    per_halfjaar = per_jaar / 2
    waarden = {"tempo": tempo, "bemiddeling_halfjaar": per_halfjaar, "bemiddeling_jaar": per_jaar, "mutaties": mutaties}
    if tempo > per_halfjaar:
        return Bevinding(WAARSCHUWING, "tempo_markt", waarden, bron)
    if tempo > per_halfjaar / 2:
        return Bevinding(LET_OP, "tempo_markt_helft", waarden, bron)
    return None


def log_spreiding(values) -> float:
    """The sample standard deviation of the logarithms, in percent: how the defaults are derived."""
    return float(np.std(np.log(np.asarray(list(values), dtype=float)), ddof=1) * 100)


def historische_spreiding_taakstelling(basis: Basis) -> float:
    return log_spreiding(landelijke_taakstellingen(basis).values())


def gerealiseerde_halfjaren(basis: Basis) -> dict[str, int]:
    return {p: c["realisatie"] for p, c in sorted(basis.halfjaarcijfers.items()) if "realisatie" in c}


def historische_spreiding_realisatie(basis: Basis) -> float:
    return log_spreiding(gerealiseerde_halfjaren(basis).values())


def _instroom(scenario: Scenario, basis: Basis) -> Bevinding | None:
    landelijk = landelijke_taakstellingen(basis)
    laag, hoog = min(landelijk.values()), max(landelijk.values())
    omhoog, omlaag = (hoog / laag - 1) * 100, (laag / hoog - 1) * 100
    if omlaag <= scenario.instroom_pct <= omhoog:
        return None
    return Bevinding(
        WAARSCHUWING, "instroom",
        {"instroom": scenario.instroom_pct, "laag": laag, "hoog": hoog, "omhoog": omhoog, "omlaag": omlaag,
         "van": min(landelijk), "tot": max(landelijk)},
        herkomst.kengetal(basis, "landelijk", "landelijke_taakstelling", max(landelijk)),
    )


def _du_mo_inleg(basis: Basis) -> tuple[float, dict[str, float]]:
    """(the DU MO-bijdrage, {line: amount} of the compensatie lines that book the indexation's inleg)."""
    du_mo = [r for r in basis.begrotingsregels if r["indexatie"] == "du_mo" and r["kant"] == "baten"]
    inleg = {r["regel"]: float(r["bedrag"]) for r in du_mo if r["regel"].lower().startswith("compensatie")}
    bijdrage = sum(float(r["bedrag"]) for r in du_mo if r["regel"] not in inleg)
    return bijdrage, inleg


def _du_mo_indexatie(scenario: Scenario, basis: Basis) -> Bevinding | None:
    bijdrage, inleg = _du_mo_inleg(basis)
    if not inleg or not bijdrage:
        return None
    grootste = max(inleg.values())
    stap = bijdrage * scenario.du_mo_indexatie_pct / 100
    if 0 <= stap <= INDEXATIE_MARGE * grootste:
        return None
    return Bevinding(
        WAARSCHUWING, "du_mo_indexatie",
        {"indexatie": scenario.du_mo_indexatie_pct, "stap": stap, "bijdrage": bijdrage, "inleg": inleg,
         "grens": INDEXATIE_MARGE * grootste / bijdrage * 100},
        herkomst.begroting(basis),
    )


def _groei(scenario: Scenario, basis: Basis) -> Bevinding | None:
    indexatie = max(scenario.du_mo_indexatie_pct, scenario.iubw_indexatie_pct)
    if indexatie - scenario.zorgkosten_groei_pct <= GROEI_VERSCHIL:
        return None
    return Bevinding(
        LET_OP, "groei", {"indexatie": indexatie, "zorgkosten": scenario.zorgkosten_groei_pct},
        herkomst.bron(basis, basis.begrotingsregels[0]["bron_id"], "§4.2.1: tarieven worden jaarlijks geïndexeerd", None),
    )


def _spreidingen(scenario: Scenario, basis: Basis) -> list[Bevinding]:
    uit = []
    for regel, gekozen, historisch, bron in (
        ("spreiding_taakstelling", scenario.spreiding_taakstelling_pct, historische_spreiding_taakstelling(basis),
         herkomst.kengetal(basis, "landelijk", "landelijke_taakstelling", max(landelijke_taakstellingen(basis)))),
        ("spreiding_realisatie", scenario.spreiding_realisatie_pct, historische_spreiding_realisatie(basis),
         "; ".join(herkomst.halfjaarcijfer(basis, p, "realisatie") for p in gerealiseerde_halfjaren(basis))),
    ):
        if gekozen < SPREIDING_ONDERGRENS * historisch:
            uit.append(Bevinding(LET_OP, regel, {"gekozen": gekozen, "historisch": historisch}, bron))
    return uit


def _har_plus(scenario: Scenario, basis: Basis) -> list[Bevinding]:
    uit = []
    laag = basis.kengetallen_van("har_plus", "kosten_per_huishouden_min")
    hoog = basis.kengetallen_van("har_plus", "kosten_per_huishouden_max")
    if laag and hoog:
        minimum, maximum = laag[max(laag)], hoog[max(hoog)]
        if not minimum <= scenario.har_plus_kosten_per_huishouden <= maximum:
            uit.append(Bevinding(
                LET_OP, "har_plus_kosten",
                {"kosten": scenario.har_plus_kosten_per_huishouden, "minimum": minimum, "maximum": maximum},
                herkomst.kengetal(basis, "har_plus", "kosten_per_huishouden_min", max(laag)),
            ))
    geen_geld = scenario.har_plus_budget < scenario.har_plus_kosten_per_huishouden
    if scenario.aandeel_grote_gezinnen > 0 and geen_geld and har_plus_nodig(scenario, basis):
        uit.append(Bevinding(
            LET_OP, "grote_gezinnen", {"aandeel": scenario.aandeel_grote_gezinnen},
            "raadsinformatiebrief 20 mei 2026: HAR+ (collegebesluit 16 december 2025) is bedoeld voor grote gezinnen",
        ))
    return uit


def _jaarrekening(basis: Basis) -> Bevinding | None:
    """The reserve's start (from the begroting) against the jaarrekening, once that figure is entered
    as kengetal ``reserve / stand_jaarrekening / <year before the begroting year>``."""
    jaar = str(basis.basisjaar - 1)
    rij = basis.kengetal_rijen.get(("reserve", "stand_jaarrekening", jaar))
    if rij is None:
        return None
    start = basis.kengetal("reserve", "stand_begin", str(basis.basisjaar))
    jaarrekening = float(rij["waarde"])
    if abs(jaarrekening - start) <= JAARREKENING_MARGE:
        return None
    return Bevinding(
        WAARSCHUWING, "jaarrekening", {"start": start, "jaarrekening": jaarrekening, "jaar": jaar},
        herkomst.kengetal(basis, "reserve", "stand_jaarrekening", jaar),
    )


def controleer(scenario: Scenario, basis: Basis) -> list[Bevinding]:
    """Every finding for the scenario, warnings first."""
    gevonden = [
        tempo_markt(scenario.huisvesting_per_halfjaar, basis),
        _instroom(scenario, basis),
        _du_mo_indexatie(scenario, basis),
        _groei(scenario, basis),
        *_spreidingen(scenario, basis),
        *_har_plus(scenario, basis),
        _jaarrekening(basis),
    ]
    return sorted((b for b in gevonden if b is not None), key=lambda b: b.ernst != WAARSCHUWING)
