"""The Risico's page's lists of sentences, assembled from core.tekst.zinnen: the page only draws them."""

from __future__ import annotations

from datetime import date

from core.data import Basis
from core.model.scenario import Scenario
from core.risico import beleidsrisico, doelzoeken, plausibiliteit
from core.risico.simulatie import Simulatie
from core.tekst import zinnen

KAARTEN = 4  # deadline cards side by side at most


def eigen_deadlines(uitkomst: Simulatie, basis: Basis) -> list[date]:
    """The deadlines the Provincie itself set (its stored norm path), not the extrapolated ones: the cards."""
    return [d for d, (periode, _norm) in uitkomst.deadlines.items() if periode in basis.norm_rijen][:KAARTEN]


def deadline_regels(uitkomst: Simulatie, eigen: list[date]) -> list[str]:
    """Per own deadline the chance of meeting it and of escalation, then the chance of meeting all later ones."""
    regels = [zinnen.kans_deadline_zin(uitkomst, datum, datum == eigen[0]) for datum in eigen]
    return [r for r in [*regels, zinnen.doorgetrokken_kans_zin(uitkomst, eigen)] if r]


def doel_regels(scenario: Scenario, basis: Basis, doelkans: float, doeljaar: int) -> list[str]:
    """What it takes to meet each deadline, and the reserve up to ``doeljaar``, with probability ``doelkans``.

    The highest pace needed is also tested against the housing market (it may ask more than it gives).
    """
    tempodoelen = doelzoeken.benodigd_tempo(scenario, basis, doelkans)
    regels = [zinnen.tempo_doel_zin(d, scenario.huisvesting_per_halfjaar, scenario.wetsvoorstel_36831) for d in tempodoelen]
    hoogste = max((d.tempo for d in tempodoelen if d.tempo is not None), default=None)
    if hoogste is not None and (markt := plausibiliteit.tempo_markt(hoogste, basis)):
        regels[-1] += f" {zinnen.bevinding_zin(markt)}"
    return regels + [
        zinnen.reserve_doel_zin(d, getattr(scenario, d.parameter))
        for d in doelzoeken.reserve_doelen(scenario, basis, doeljaar, doelkans)
    ]


def beleidsrisico_regels(scenario: Scenario, basis: Basis, uitkomst: Simulatie) -> list[str]:
    """Wetsvoorstel 36831 and the HAR+ budget for large families, in this scenario."""
    return [
        zinnen.wetsvoorstel_zin(beleidsrisico.wetsvoorstel(scenario, basis)),
        zinnen.har_plus_zin(beleidsrisico.har_plus(scenario, basis), scenario.eind_jaar, uitkomst.kans_har_plus_uitgeput),
    ]
