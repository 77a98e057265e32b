"""Server-side rerun time of each page after a slider change, against a trivial reference app.

Run from the project root: ``python -m benchmarks.rerun [--herhalingen N]``.
This is a benchmark, not a test: it prints its figures and always exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import math
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import streamlit
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner
from streamlit.testing.v1.element_tree import Widget

from core.data import load_basis
from core.model.reserve import project_reserve
from core import opslag
from core.model.scenario import Scenario
from core.model.vergelijken import HUIDIG
from core.model.taakstelling import project_taakstelling

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
REFERENCE_APP = Path(__file__).resolve().parent / "reference_app.py"

# Saved scenarios the compare page shows beside the current one (four in all).
SAVED = {
    "Hoge instroom": Scenario(instroom_pct=30),
    "Versnellen": Scenario(huisvesting_per_halfjaar=150),
    "Zorgkosten stijgen": Scenario(zorgkosten_groei_pct=3.0, du_mo_indexatie_pct=1.5),
}
COMPARE = {"vergelijk": [HUIDIG, *SAVED]}

# (name, page path as given to AppTest.switch_page, query string): adding a page is one line.
PAGES = [
    ("Overzicht", "views/overzicht.py", {}),
    ("Taakstelling", "views/taakstelling.py", {}),
    ("Reserve", "views/reserve.py", {}),
    ("Risico's (10.000 paden)", "views/risico.py", {}),
    ("Budgetten", "views/budgetten.py", {}),
    ("Vergelijken (4 scenario's)", "views/vergelijken.py", COMPARE),
    ("Scenario's", "views/scenarios.py", {}),
    ("Bronnen", "views/bronnen.py", {}),
]
APP_SLIDER = "huisvesting_per_halfjaar"
APP_SLIDER_DEFAULT = 96
REFERENCE_SLIDER = "x"
SLIDER_RANGE = range(0, 301)

TARGET_RATIO = 1.5  # issue 12
DEFAULT_REPEATS = 30
TIMEOUT_SECONDS = 60

Rerun = Callable[[int], None]


@dataclass
class Target:
    """One thing to time: a rerun for a given slider value, and the times collected so far."""

    name: str
    rerun: Rerun
    is_page: bool = False
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # this process's CPU time per rerun


# --- setting up the targets -------------------------------------------------------------


def compile_once_per_process() -> None:
    """Give every AppTest run one shared script cache, as the server has one per process.

    AppTest makes a new ``ScriptCache`` on every run, so it compiles ``app.py`` and the page
    again on every rerun; a Streamlit server compiles each script once and reuses the bytecode
    (``Runtime``'s one ``ScriptCache``). That compiling costs the app about 1 ms per rerun and the
    one-file reference almost nothing: a cost of AppTest, not of a rerun on the server.
    """
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def _run(runnable: AppTest | Widget) -> AppTest:
    """Run the script once and fail loudly if it raised: timing a broken page means nothing."""
    at = runnable.run()
    if at.exception:
        raise RuntimeError(f"De app gaf een fout: {at.exception[0].message}")
    return at


def _slider_rerun(at: AppTest, key: str) -> Rerun:
    return lambda value: _run(at.slider(key=key).set_value(value))


def page_rerun(page: str, query: dict) -> Rerun:
    """An app session showing ``page``; each call moves the sidebar slider and reruns it."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_SECONDS)
    for key, value in query.items():
        at.query_params[key] = value
    _run(at)
    _run(at.switch_page(page))
    return _slider_rerun(at, APP_SLIDER)


def reference_rerun(with_chart: bool) -> Rerun:
    at = AppTest.from_file(str(REFERENCE_APP), default_timeout=TIMEOUT_SECONDS)
    if not with_chart:
        at.query_params["grafiek"] = "uit"
    return _slider_rerun(_run(at), REFERENCE_SLIDER)


def core_rerun() -> Rerun:
    """The pure projections for one scenario, without Streamlit."""
    basis = load_basis()

    def rerun(value: int) -> None:
        scenario = Scenario(huisvesting_per_halfjaar=value)
        project_taakstelling(scenario, basis)
        project_reserve(scenario, basis)

    return rerun


def save_scenarios() -> None:
    for naam, scenario in SAVED.items():
        opslag.bewaar(scenario, naam, "benchmark", data_versie=1)


def build_targets() -> list[Target]:
    """The reference first: every page's ratio is taken against it."""
    return [
        Target("Referentie (slider + metric + grafiek)", reference_rerun(with_chart=True)),
        Target("Referentie zonder grafiek", reference_rerun(with_chart=False)),
        *(Target(f"Pagina {name}", page_rerun(page, query), is_page=True) for name, page, query in PAGES),
        Target("Alleen core (taakstelling + reserve)", core_rerun()),
    ]


# --- measuring ------------------------------------------------------------------------


def slider_values() -> Iterator[int]:
    """Every slider value but the default, starting just above it, round and round.

    Each rerun gets the next value, so no rerun repeats an earlier scenario until all
    300 values have been used (more than enough for the default number of repeats).
    """
    first = APP_SLIDER_DEFAULT + 1
    order = [*range(first, SLIDER_RANGE.stop), *range(SLIDER_RANGE.start, APP_SLIDER_DEFAULT)]
    return itertools.cycle(order)


def timed(rerun: Rerun, value: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one rerun."""
    start, cpu = time.perf_counter(), time.process_time()
    rerun(value)
    return time.perf_counter() - start, time.process_time() - cpu


def measure(targets: list[Target], repeats: int, values: Iterator[int]) -> None:
    """One untimed warm-up per target, then ``repeats`` rounds that visit every target in turn.

    Interleaving spreads the noise of a shared machine over all targets alike.
    """
    for target in targets:
        target.rerun(next(values))
    for _ in range(repeats):
        for target in targets:
            wall, cpu = timed(target.rerun, next(values))
            target.seconds.append(wall)
            target.cpu_seconds.append(cpu)


# --- reporting ------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def print_header(repeats: int, compile_each_run: bool) -> None:
    compileren = (
        "Scripts: AppTest compileert app.py en de pagina bij elke rerun opnieuw (--compileer-elke-run)."
        if compile_each_run else
        "Scripts: één keer gecompileerd en daarna hergebruikt, zoals de server doet (AppTest zelf\n"
        "  compileert ze bij elke rerun opnieuw; --compileer-elke-run meet ook dat)."
    )
    print(
        f"""Rerun-benchmark van de verkenner
================================
Gemeten: de server-side tijd van één rerun na een sliderwijziging, in dit proces via
Streamlit's AppTest (`slider.set_value(v).run()`): het hele script van de pagina plus
AppTest's eigen overhead; geen browser, netwerk of weergave in de frontend.
- Pagina's: de schuif '{APP_SLIDER}' in de zijbalk, op elke pagina in een eigen sessie.
- Referentie: een triviaal dashboard (één slider, één metric, één kleine Altair-lijngrafiek
  van 10 rijen), ook zonder grafiek ter context; 'core' is alleen de rekenkern, zonder Streamlit.
- {compileren}
- Elke rerun krijgt een nieuwe sliderwaarde; één opwarmrun per meting vooraf; daarna
  {repeats} rondes waarin alle metingen om beurten draaien (afwisselend, tegen ruis).
- Verhouding = mediaan van de meting / mediaan van de referentie met grafiek.
- CPU: de CPU-tijd van dit proces tijdens de rerun (script plus AppTest), ongevoelig voor
  andere processen op een gedeelde machine; de verhouding op CPU is de stabielere van de twee.
Doel: elke pagina binnen {TARGET_RATIO:g}x de referentie (op de mediaan).
Python {platform.python_version()}, Streamlit {streamlit.__version__}, {os.cpu_count()} CPU's.
"""
    )


def print_table(targets: list[Target], doel: float = TARGET_RATIO) -> None:
    reference = statistics.median(targets[0].seconds)
    reference_cpu = statistics.median(targets[0].cpu_seconds)
    name_width = max(len(t.name) for t in targets)
    print(
        f"{'Meting':<{name_width}}  {'mediaan':>9}  {'p90':>9}  {'verhouding':>10}"
        f"  {'CPU':>9}  {'verh. CPU':>9}  binnen doel (mediaan / CPU)"
    )
    for target in targets:
        median, cpu = statistics.median(target.seconds), statistics.median(target.cpu_seconds)
        ratio, cpu_ratio = median / reference, cpu / reference_cpu
        verdict = "/".join("ja" if r <= doel else "NEE" for r in (ratio, cpu_ratio)) if target.is_page else ""
        print(
            f"{target.name:<{name_width}}  {median * 1000:>6.1f} ms  {percentile(target.seconds, 0.9) * 1000:>6.1f} ms"
            f"  {ratio:>9.2f}x  {cpu * 1000:>6.1f} ms  {cpu_ratio:>8.2f}x  {verdict}"
        )


def repeats_parser(prog: str, description: str) -> argparse.ArgumentParser:
    """A parser with ``--herhalingen`` (the measured rounds), as the rerun benchmarks share it."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--herhalingen", "--repeats", dest="repeats", type=int, default=DEFAULT_REPEATS,
        help=f"aantal gemeten rondes (standaard {DEFAULT_REPEATS})",
    )
    return parser


def parse_repeats(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--herhalingen moet minstens 1 zijn")
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = repeats_parser("python -m benchmarks.rerun", __doc__.splitlines()[0])
    parser.add_argument(
        "--compileer-elke-run", dest="compile_each_run", action="store_true",
        help="app.py en de pagina bij elke rerun opnieuw compileren, zoals AppTest standaard doet (de server niet)",
    )
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    return parse_repeats(build_parser(), argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    # AppTest touches session state outside a script run and Streamlit warns about it every
    # time; a filter, because Streamlit resets its loggers' levels when it reads its config.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda record: False)
    if not args.compile_each_run:
        compile_once_per_process()
    print_header(args.repeats, args.compile_each_run)
    with tempfile.TemporaryDirectory(prefix="verkenner-bench-") as database_dir:
        # A fresh database, built from data/seeds on first use; set before any session starts.
        os.environ["VERKENNER_DB"] = str(Path(database_dir) / "verkenner.duckdb")
        save_scenarios()
        targets = build_targets()
        measure(targets, args.repeats, slider_values())
    print_table(targets)
    print(f"\nPiekgeheugen van dit proces: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
