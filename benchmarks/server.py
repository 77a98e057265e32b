"""One rerun on the real server: every page against the trivial reference app, one user at a time.

Run from the project root: ``python -m benchmarks.server [--herhalingen N]``.
This is a benchmark, not a test: it prints its figures and always exits 0.

``benchmarks.rerun`` times a rerun inside AppTest; this one times what a Streamlit server does
for the same slider move (``streamlit run`` as production starts it, one process each for the
app and the reference): the script run plus everything AppTest does not show, the protobuf
messages, their hashing and the WebSocket. Each page has its own session (a WebSocket client of
Streamlit's protocol, ``benchmarks.protocol``); the sessions move their slider in turn, never two
at once, so each move's server CPU is its own.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import streamlit

from benchmarks import servers
from benchmarks.last import prepare_database
from benchmarks.protocol import SessionClient
from benchmarks.rerun import (
    APP, APP_SLIDER, PAGES, REFERENCE_APP, REFERENCE_SLIDER, TARGET_RATIO, parse_repeats, percentile, repeats_parser,
    slider_values,
)

ANSWER_TIMEOUT_S = 60.0
# After a rerun's last message the server still finishes its bookkeeping; the CPU is read after this.
SETTLE_S = 0.02


@dataclass
class Target:
    """One session on one server: its moves' latencies and the server's CPU per move."""

    name: str
    client: SessionClient
    slider: str
    pid: int
    is_page: bool = True
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)


def url_path(page: str) -> str:
    """A page's URL path as st.navigation gives it: the script's name; the default page at the root."""
    name = Path(page).stem
    return "" if name == "overzicht" else name


def _cpu(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system  # every thread: script runs, event loop, WebSocket


async def move(target: Target, value: int) -> None:
    """One slider move, answered; records its latency and the server CPU it took."""
    before = _cpu(target.pid)
    moved = await target.client.move_slider(target.slider, value)
    if not await target.client.wait_answered(ANSWER_TIMEOUT_S):
        raise RuntimeError(f"{target.name}: geen antwoord binnen {ANSWER_TIMEOUT_S:g} s ({target.client.errors})")
    await asyncio.sleep(SETTLE_S)
    target.seconds.append(moved.latency)
    target.cpu_seconds.append(_cpu(target.pid) - before)


async def measure(targets: list[Target], repeats: int) -> None:
    """One untimed move per session, then ``repeats`` rounds in which every session moves in turn."""
    values = slider_values()
    for target in targets:
        await target.client.open()
        await move(target, next(values))
        target.seconds.clear()
        target.cpu_seconds.clear()
    for _ in range(repeats):
        for target in targets:
            await move(target, next(values))
    for target in targets:
        await target.client.close()
        if target.client.errors:
            raise RuntimeError(f"{target.name}: {target.client.errors}")


def print_header(repeats: int) -> None:
    print(
        f"""Rerun-benchmark op de echte server
==================================
Gemeten: één rerun na een sliderwijziging op een Streamlit-server (`streamlit run`, zoals in
productie gestart), van het versturen van de zet tot het einde van de rerun (latentie), en de
CPU-tijd van het serverproces voor die zet (alle threads: script, event loop, WebSocket).
- De app en de triviale referentie (één slider, één metric, één kleine Altair-grafiek) draaien
  elk in een eigen proces; elke pagina heeft een eigen sessie (WebSocket-client, geen browser).
- Eén opwarmzet per sessie; daarna {repeats} rondes waarin de sessies om beurten één zet doen,
  nooit twee tegelijk. Elke zet krijgt een nieuwe sliderwaarde.
- Latentie: mediaan en 90e percentiel. CPU: het gemiddelde per zet (de kernel telt CPU-tijd in
  tikken van 10 ms, dus één zet leest als 0, 10 of 20 ms; het gemiddelde over alle zetten telt).
- Verhouding = pagina / referentie, op CPU (gemiddelde) en op latentie (mediaan).
Doel: elke pagina binnen {TARGET_RATIO:g}x de referentie.
Python {platform.python_version()}, Streamlit {streamlit.__version__}, {os.cpu_count()} CPU's.
""",
        flush=True,
    )


def mean_cpu(target: Target) -> float:
    # The kernel counts a process's CPU in clock ticks (10 ms here), so one move reads as 0, 10 or
    # 20 ms; the mean over all moves is the CPU per move, the median of such steps is not.
    return statistics.fmean(target.cpu_seconds)


def print_table(targets: list[Target]) -> None:
    reference = targets[0]
    ref_cpu, ref_latency = mean_cpu(reference), statistics.median(reference.seconds)
    width = max(len(t.name) for t in targets)
    print(f"{'Meting':<{width}}  {'CPU gem.':>9}  {'verh. CPU':>9}  {'latentie':>9}  {'p90':>9}  {'verh. lat.':>10}  binnen doel (CPU / latentie)")
    for target in targets:
        cpu, latency = mean_cpu(target), statistics.median(target.seconds)
        ratios = (cpu / ref_cpu, latency / ref_latency)
        verdict = "/".join("ja" if r <= TARGET_RATIO else "NEE" for r in ratios) if target.is_page else ""
        print(
            f"{target.name:<{width}}  {cpu * 1000:>6.1f} ms  {ratios[0]:>8.2f}x  {latency * 1000:>6.1f} ms"
            f"  {percentile(target.seconds, 0.9) * 1000:>6.1f} ms  {ratios[1]:>9.2f}x  {verdict}"
        )


def build_parser() -> argparse.ArgumentParser:
    return repeats_parser("python -m benchmarks.server", __doc__.splitlines()[0])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    return parse_repeats(build_parser(), argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.getLogger("websockets").setLevel(logging.CRITICAL)
    print_header(args.repeats)
    with tempfile.TemporaryDirectory(prefix="verkenner-server-") as tmp:
        workdir = Path(tmp)
        database = prepare_database(workdir)
        try:
            with servers.start(REFERENCE_APP, 1, workdir / "referentie") as reference, \
                    servers.start(APP, 1, workdir / "app", database) as app:
                targets = [
                    Target("Referentie (slider + metric + grafiek)", SessionClient(reference.url), REFERENCE_SLIDER,
                           reference.app_pids[0], is_page=False),
                    *(
                        Target(f"Pagina {name}", SessionClient(app.url, url_path(page), urllib.parse.urlencode(query, doseq=True)),
                               APP_SLIDER, app.app_pids[0])
                        for name, page, query in PAGES
                    ),
                ]
                started = time.perf_counter()
                asyncio.run(measure(targets, args.repeats))
        except servers.StartError as error:
            print(f"Niet gemeten: {error}")
            return
        except Exception as error:  # a benchmark reports, it does not fail
            print(f"Meting afgebroken: {error!r}")
            return
    print_table(targets)
    print(f"\nDuur van de meting: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
    sys.exit(0)
