"""Time of the Monte Carlo simulation (10.000 paths, horizon 2040) against a trivial reference rerun.

Run from the project root: ``python -m benchmarks.risico [--herhalingen N]``.
This is a benchmark, not a test: it prints its figures and always exits 0.
Target: one simulation after a slider move takes less time than one rerun of the trivial
reference app, so a slider move on the Risico's page stays instant.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import tempfile
from pathlib import Path

import numpy as np
import streamlit

from benchmarks.rerun import Target, measure, peak_memory_mb, print_table, reference_rerun, slider_values
from core.data import load_basis
from core.model.scenario import Scenario
from core.risico import PADEN, simuleer
from core.risico.doelzoeken import benodigd_tempo, reserve_doelen
from core.risico.gevoeligheid import gevoeligheid
from core.risico.simulatie import HORIZON
from core.tekst import formatting as fmt

DEFAULT_REPEATS = 30
VOLLEDIG = dict(eind_jaar=HORIZON)  # the full horizon: every half year and year up to 2040


def simulatie(basis, soort: str):
    """A rerun for a slider value ``v``: a new scenario each time, as a slider move makes one."""

    def pace(v: int) -> None:  # a statushouders slider: the draws and the reserve's paths stay cached
        simuleer(Scenario(huisvesting_per_halfjaar=v, **VOLLEDIG), basis)

    def rate(v: int) -> None:  # a reserve slider: the achterstand's paths stay cached
        simuleer(Scenario(du_mo_indexatie_pct=round(-5 + v * 0.05, 2), **VOLLEDIG), basis)

    def seed(v: int) -> None:  # a new seed: nothing is cached, every random number is drawn again
        simuleer(Scenario(simulatie_seed=v, **VOLLEDIG), basis)

    def alles(v: int) -> None:  # everything the Risico's page computes after a pace move
        s = Scenario(huisvesting_per_halfjaar=v)
        simuleer(s, basis), benodigd_tempo(s, basis), reserve_doelen(s, basis, s.eind_jaar), gevoeligheid(s, basis)

    return {"tempo": pace, "rente": rate, "seed": seed, "alles": alles}[soort]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.risico", description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", dest="repeats", type=int, default=DEFAULT_REPEATS)
    args = parser.parse_args(argv)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda record: False)
    print(
        f"""Simulatie-benchmark van de verkenner
====================================
Gemeten: één aanroep van core.risico.simuleer met {fmt.getal(PADEN)} paden over de volle horizon (tot en met
{HORIZON}: elk halfjaar en elk jaar), telkens voor een nieuw scenario zoals een schuifbeweging dat maakt;
afwisselend met de rerun van het triviale referentiedashboard (één slider, één metric, één kleine
Altair-grafiek) in hetzelfde proces. Eén opwarmronde, dan {args.repeats} rondes.
- tempo: de schuif 'huisvesting per halfjaar' (trekkingen en reservepaden blijven in de cache);
- DU MO-indexatie: een reserveschuif (de paden van de achterstand blijven in de cache);
- nieuw startgetal: niets in de cache, alle toevalsgetallen opnieuw getrokken;
- hele pagina-rekenwerk: simulatie, doelzoeken en gevoeligheid na een tempowijziging (zonder Streamlit).
Doel: de simulatie na een schuifbeweging duurt korter dan één rerun van de referentie (verhouding < 1).
Python {platform.python_version()}, numpy {np.__version__}, Streamlit {streamlit.__version__}, {os.cpu_count()} CPU's.
"""
    )
    with tempfile.TemporaryDirectory(prefix="verkenner-bench-") as database_dir:
        os.environ["VERKENNER_DB"] = str(Path(database_dir) / "verkenner.duckdb")
        basis = load_basis()
        targets = [
            Target("Referentie (slider + metric + grafiek)", reference_rerun(with_chart=True)),
            Target("Simulatie na tempowijziging", simulatie(basis, "tempo"), is_page=True),
            Target("Simulatie na DU MO-wijziging", simulatie(basis, "rente"), is_page=True),
            Target("Simulatie met nieuw startgetal", simulatie(basis, "seed"), is_page=True),
            Target("Simulatie + doelzoeken + gevoeligheid", simulatie(basis, "alles")),
        ]
        measure(targets, args.repeats, slider_values())
    print_table(targets, doel=1.0)
    print(f"\nPiekgeheugen van dit proces: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
