"""Python that recomputes a scenario with the core API, to run from the project folder."""

from __future__ import annotations

import numpy as np

from core.model.scenario import Scenario

KOP = """\
# Draai dit vanuit de projectmap van de verkenner (de map met app.py).
from core.data import load_basis
from core.model.reserve import project_reserve, uitputting
from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling

basis = load_basis()  # of load_basis("pad/naar/verkenner.duckdb")
"""

UITVOER = """\
t = project_taakstelling(s, basis)
r = project_reserve(s, basis)

print(t[["periode", "opgave", "realisatie", "achterstand_eind", "norm_achterstand", "haalt_norm"]].to_string(index=False))
print(benodigde_plaatsingen(s, basis)[["periode", "nodig", "verwacht"]].to_string(index=False))
print(r[["jaar", "resultaat", "reserve_eind"]].to_string(index=False))
print("Reserve raakt op in:", uitputting(s, basis).jaar)
"""


def _literal(value) -> str:
    """A Python literal for an assumption's value; sets of line names are sorted."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(repr(v) for v in sorted(value)) + "}" if value else "set()"
    return repr(value.item() if isinstance(value, np.generic) else value)


def python_snippet(scenario: Scenario) -> str:
    """Python that recomputes this scenario with the core API, from the project folder."""
    argumenten = "".join(f"\n    {p.naam}={_literal(v)}," for p, _b, v in scenario.afwijkingen())
    regel = f"s = Scenario({argumenten}\n)\n" if argumenten else "s = Scenario()\n"
    return KOP + regel + UITVOER
