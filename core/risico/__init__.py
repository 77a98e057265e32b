"""Risk and uncertainty: Monte Carlo simulation, goal seeking, sensitivity and plausibility checks.

``simuleer(scenario, basis, paden=10_000, seed=None)`` is the entry point; see core.risico.simulatie.
"""

from core.risico.simulatie import PADEN, Simulatie, simuleer

__all__ = ["PADEN", "Simulatie", "simuleer"]
