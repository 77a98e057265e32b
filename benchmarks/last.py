"""Capacity: N simulated users on the real server, each moving a slider every few seconds.

Run from the project root: ``python -m benchmarks.last [--gebruikers 10 25 50] [--duur 60]
[--processen 1 2]``. This is a benchmark, not a test: it prints its figures and always exits 0.

Every user is a WebSocket client of Streamlit's own protocol (``benchmarks.protocol``, no
browser) on one page of the app, mixed over Overzicht, Taakstelling, Reserve, Risico's,
Budgetten, Vergelijken and Bronnen; the trivial reference app (``benchmarks/reference_app.py``) runs in as many
processes, behind the same proxy, under the same load in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import os
import platform
import random
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import streamlit

from benchmarks import servers
from benchmarks.protocol import Move, SessionClient
from benchmarks.rerun import APP, APP_SLIDER, COMPARE, REFERENCE_APP, REFERENCE_SLIDER, SLIDER_RANGE, percentile, save_scenarios
from core import data

# (name, URL path, query string): the pages users open, in turn; adding a page is one line.
PAGES = [
    ("Overzicht", "", ""),
    ("Taakstelling", "taakstelling", ""),
    ("Reserve", "reserve", ""),
    ("Risico's", "risico", ""),
    ("Budgetten", "budgetten", ""),
    ("Vergelijken", "vergelijken", urllib.parse.urlencode([("vergelijk", naam) for naam in COMPARE["vergelijk"]])),
    ("Bronnen", "bronnen", ""),
]
REFERENCE_PAGE = ("Referentie", "", "")

DEFAULT_USERS = [10, 25, 50]
DEFAULT_PROCESSES = [1, 2]
DEFAULT_DURATION_S = 60
DEFAULT_INTERVAL_S = 5.0
DEFAULT_RAMP_S = 10.0  # users open their page spread over this time, as people joining a meeting
GRACE_S = 30.0  # after the last move: how long its answer may still take
OPEN_TIMEOUT_S = 120.0
SAMPLE_INTERVAL_S = 0.5
TARGET_RATIO = 3.0  # p95 of the app within 3x the reference's, 2 processes behind the proxy
TARGET_PROCESSES = 2


@dataclass
class Target:
    """What the users open: the app with its page mix, or the reference app."""

    name: str
    slug: str  # for file names
    app: Path
    pages: list[tuple[str, str, str]]
    slider: str
    database: Path | None = None


@dataclass
class Phase:
    """One measurement: N users on one target; the moves and the resources the servers used."""

    target: str
    users: int
    moves: list[tuple[str, Move]] = field(default_factory=list)  # (page name, move)
    opened: list[float] = field(default_factory=list)
    open_failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    app_cpu: float = 0.0  # CPU seconds of the app processes
    app_cpu_per_process: list[float] = field(default_factory=list)  # how the proxy spread the users
    proxy_cpu: float = 0.0
    client_cpu: float = 0.0  # this process: the simulated users
    peak_rss_mb: float = 0.0  # the app processes together

    def latencies(self, page: str | None = None) -> list[float]:
        """Every move's latency; an unanswered move counts as infinitely slow."""
        return [
            math.inf if move.latency is None else move.latency
            for name, move in self.moves
            if page is None or name == page
        ]

    @property
    def unanswered(self) -> int:
        return sum(move.latency is None for _name, move in self.moves)


# --- measuring resources ----------------------------------------------------------------


def _processes(pids: list[int]) -> list[psutil.Process]:
    found = []
    for pid in pids:
        try:
            process = psutil.Process(pid)
            found += [process, *process.children(recursive=True)]
        except psutil.Error:
            pass
    return found


def _total(processes: list[psutil.Process], measure: Callable[[psutil.Process], float]) -> float:
    """``measure`` summed over the processes; one that has ended counts as nothing."""
    total = 0.0
    for process in processes:
        try:
            total += measure(process)
        except psutil.Error:
            pass
    return total


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    return _total(processes, lambda process: sum(process.cpu_times()[:2]))  # user + system


def _rss_mb(processes: list[psutil.Process]) -> float:
    return _total(processes, lambda process: process.memory_info().rss) / 1024**2


@contextmanager
def resources(deployment: servers.Deployment, phase: Phase) -> Iterator[None]:
    """CPU seconds of the app, proxy and client processes over the block, and the app's peak memory."""
    groups = [_processes([pid]) for pid in deployment.app_pids] + [_processes(deployment.proxy_pids), [psutil.Process()]]
    apps = [process for group in groups[:-2] for process in group]
    before = [_cpu_seconds(group) for group in groups]
    start = time.perf_counter()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            phase.peak_rss_mb = max(phase.peak_rss_mb, _rss_mb(apps))
            stop.wait(SAMPLE_INTERVAL_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield
    finally:
        stop.set()
        sampler.join()
        phase.seconds = time.perf_counter() - start
        used = [_cpu_seconds(group) - earlier for group, earlier in zip(groups, before)]
        phase.app_cpu_per_process, (phase.proxy_cpu, phase.client_cpu) = used[:-2], used[-2:]
        phase.app_cpu = sum(phase.app_cpu_per_process)


# --- the simulated users ----------------------------------------------------------------


def next_values(seed: int) -> Callable[[], int]:
    """A user's slider values: random, never the same twice in a row, the same in every phase."""
    rng, current = random.Random(seed), None

    def draw() -> int:
        nonlocal current
        current = rng.choice([v for v in SLIDER_RANGE if v != current])
        return current

    return draw


async def _open(client: SessionClient, delay: float) -> None:
    await asyncio.sleep(delay)
    await client.open(OPEN_TIMEOUT_S)


async def _user(client: SessionClient, slider: str, start: float, stop: float, interval: float, seed: int) -> None:
    """Move the slider every ``interval`` s from a random moment in the first interval on."""
    loop = asyncio.get_running_loop()
    value, moment = next_values(seed), start + random.Random(seed).uniform(0, interval)
    while moment < stop:
        await asyncio.sleep(max(0.0, moment - loop.time()))
        await client.move_slider(slider, value())
        moment += interval


async def run_phase(url: str, target: Target, users: int, args: argparse.Namespace, phase: Phase, measuring) -> None:
    pages = [target.pages[i % len(target.pages)] for i in range(users)]
    clients = [SessionClient(url, path, query) for _name, path, query in pages]
    try:
        opened = await asyncio.gather(
            *(_open(client, i * args.opstart / users) for i, client in enumerate(clients)), return_exceptions=True
        )
        active = []
        for (name, _path, _query), client, result in zip(pages, clients, opened):
            if isinstance(result, BaseException):
                phase.open_failures.append(f"{name}: {result!r}")
            else:
                active.append((name, client))
                phase.opened.append(client.opened)
        with measuring:
            loop = asyncio.get_running_loop()
            start = loop.time() + 0.2
            await asyncio.gather(
                *(
                    _user(client, target.slider, start, start + args.duur, args.interval, args.seed + i)
                    for i, (_name, client) in enumerate(active)
                )
            )
            await asyncio.gather(*(client.wait_answered(GRACE_S) for _name, client in active))
        for name, client in active:
            phase.moves += [(name, move) for move in client.moves]
            phase.errors += client.errors
    finally:
        await asyncio.gather(*(client.close() for client in clients), return_exceptions=True)


async def warm_up(url: str, target: Target) -> None:
    """Open every page once and move its slider once: imports, caches and the first run are paid here."""
    for _name, path, query in target.pages:
        client = SessionClient(url, path, query)
        try:
            await client.open(OPEN_TIMEOUT_S)
            await client.move_slider(target.slider, SLIDER_RANGE.start)
            await client.wait_answered(OPEN_TIMEOUT_S)
        finally:
            await client.close()


def measure(deployment: servers.Deployment, target: Target, users: int, args: argparse.Namespace) -> Phase:
    phase = Phase(target.name, users)
    asyncio.run(run_phase(deployment.url, target, users, args, phase, resources(deployment, phase)))
    return phase


# --- reporting ------------------------------------------------------------------------


def fmt_s(seconds: float) -> str:
    if math.isinf(seconds):
        return "geen antw."
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def fmt_ratio(value: float, reference: float) -> str:
    if math.isinf(value):
        return "∞"
    return f"{value / reference:.1f}x" if reference > 0 else "n.v.t."


def p(values: list[float], fraction: float) -> float:
    return percentile(values, fraction) if values else math.nan


ROW = "{:<22} {:>4} {:>6} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>10}"


def print_phase_header() -> None:
    print(ROW.format(
        "Meting", "N", "zetten", "onbeantw.", "p50", "p95", "max", "openen p95",
        "CPU/zet", "CPU app", "CPU proxy", "CPU klant", "geheugen",
    ))  # fmt: skip


def print_phase(phase: Phase) -> None:
    latencies = phase.latencies()
    cores = lambda cpu: f"{cpu / phase.seconds * 100:.0f}%" if phase.seconds else "-"  # noqa: E731 (share of one core)
    print(ROW.format(
        phase.target, phase.users, len(latencies), phase.unanswered,
        fmt_s(p(latencies, 0.5)), fmt_s(p(latencies, 0.95)), fmt_s(max(latencies, default=math.nan)),
        fmt_s(p(phase.opened, 0.95)), fmt_s(phase.app_cpu / len(latencies)) if latencies else "-", cores(phase.app_cpu), cores(phase.proxy_cpu), cores(phase.client_cpu),
        f"{phase.peak_rss_mb:.0f} MB",
    ), flush=True)  # fmt: skip
    if len(phase.app_cpu_per_process) > 1 and phase.app_cpu > 0:
        shares = " / ".join(f"{cpu / phase.app_cpu * 100:.0f}%" for cpu in phase.app_cpu_per_process)
        print(f"    CPU per app-proces: {shares} (hoe de proxy de gebruikers verdeelde)")
    for failure in phase.open_failures[:3]:
        print(f"    pagina niet geopend: {failure}")
    for error in sorted(set(phase.errors))[:3]:
        print(f"    fout: {error}")


def print_pages(phases: list[Phase]) -> None:
    print("\nDe app per pagina, p50 / p95 van de zetten:")
    names = [name for name, _path, _query in PAGES]
    width = max(map(len, names))
    print(" " * width + "".join(f"{f'N={phase.users}':>26}" for phase in phases))
    for name in names:
        cells = []
        for phase in phases:
            latencies = phase.latencies(name)
            cells.append(f"{fmt_s(p(latencies, 0.5))} / {fmt_s(p(latencies, 0.95))}" if latencies else "-")
        print(f"{name:<{width}}" + "".join(f"{cell:>26}" for cell in cells))


def print_header(args: argparse.Namespace) -> None:
    pages = ", ".join(name for name, _path, _query in PAGES)
    print(
        f"""Belastingsbenchmark van de verkenner
====================================
Gemeten: N gesimuleerde gebruikers, elk een WebSocket-client van Streamlit's eigen protocol
(geen browser), elk op één pagina ({pages}; om de beurt verdeeld), die elke {args.interval:g} s
de schuif '{APP_SLIDER}' naar een nieuwe waarde zetten. Latentie: van het versturen van de
zet tot het bericht 'script_finished' van de rerun die hij startte. Een zet die nog liep toen
dezelfde gebruiker de volgende deed, wordt door Streamlit afgebroken: die telt als
onbeantwoord (in p50/p95/max als oneindig traag, 'geen antw.').
Referentie: de triviale app (één slider, één metric, één kleine grafiek) in evenveel processen,
onder dezelfde belasting in dezelfde run. Elke meting duurt {args.duur:g} s (plus hoogstens
{GRACE_S:g} s voor de laatste antwoorden); de gebruikers openen hun pagina gespreid over {args.opstart:g} s.
CPU/zet: CPU-tijd van de app-processen gedeeld door het aantal zetten (ongevoelig voor wat andere
processen op de machine doen). CPU app/proxy/klant: gemiddeld gebruik over de meting als deel van
één kern (200% = beide kernen); klant is dit proces, dat de gebruikers speelt (deelt de kernen).
Geheugen: piek van alle app-processen samen.
Doel: met {TARGET_PROCESSES} app-processen achter de proxy, p95 bij {max(DEFAULT_USERS)} gebruikers binnen {TARGET_RATIO:g}x die van de referentie.
Python {platform.python_version()}, Streamlit {streamlit.__version__}, {os.cpu_count()} CPU's.
""",
        flush=True,
    )


def print_summary(results: dict[str, dict[int, tuple[Phase, Phase]]]) -> None:
    print("\nSamenvatting: p95 van de app / p95 van de referentie bij dezelfde belasting")
    for mode, by_users in results.items():
        cells = []
        for users, (reference, app) in sorted(by_users.items()):
            ratio = fmt_ratio(p(app.latencies(), 0.95), p(reference.latencies(), 0.95))
            cells.append(f"N={users}: {ratio}")
        print(f"  {mode:<28} " + "   ".join(cells))
    print(f"  Doel: {TARGET_PROCESSES} processen achter de proxy, N={max(DEFAULT_USERS)}: binnen {TARGET_RATIO:g}x.")


# --- running --------------------------------------------------------------------------


def mode_name(processes: int, proxy: bool) -> str:
    word = "proces" if processes == 1 else "processen"
    return f"{processes} {word}, " + ("achter nginx" if proxy else "zonder proxy")


def run_mode(processes: int, proxy: bool, targets: list[Target], args: argparse.Namespace, workdir: Path) -> dict[int, tuple[Phase, Phase]]:
    name = mode_name(processes, proxy)
    print(f"\n{name}\n{'-' * len(name)}", flush=True)
    results: dict[int, tuple[Phase, Phase]] = {}
    app_phases = []
    with ExitStack() as stack:
        deployments = {}
        for target in targets:
            deployment = stack.enter_context(
                servers.start(target.app, processes, workdir / f"{target.slug}-{processes}", target.database, proxy)
            )
            asyncio.run(warm_up(deployment.url, target))
            deployments[target.name] = deployment
        print_phase_header()
        for round_, users in enumerate(args.gebruikers):
            # Alternate the order per load level, so drift on a shared machine hits both alike.
            order = targets if round_ % 2 == 0 else targets[::-1]
            phases = {target.name: measure(deployments[target.name], target, users, args) for target in order}
            for target in targets:
                print_phase(phases[target.name])
            reference, app = (phases[target.name] for target in targets)
            results[users] = (reference, app)
            app_phases.append(app)
            ratio = fmt_ratio(p(app.latencies(), 0.95), p(reference.latencies(), 0.95))
            print(f"{'':<22} {'':>4} verhouding p95 app / referentie: {ratio}", flush=True)
    print_pages(app_phases)
    return results


def prepare_database(workdir: Path) -> Path:
    """One database with the saved scenarios the compare page shows; every process uses it."""
    path = workdir / "verkenner.duckdb"
    os.environ[data.DB_PATH_ENV] = str(path)
    save_scenarios()
    data.close_all()
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.last", description=__doc__.splitlines()[0])
    parser.add_argument("--gebruikers", "--users", type=int, nargs="+", default=DEFAULT_USERS, help="aantallen gebruikers (standaard 10 25 50)")
    parser.add_argument("--duur", "--duration", type=float, default=DEFAULT_DURATION_S, help=f"seconden per meting (standaard {DEFAULT_DURATION_S})")
    parser.add_argument(
        "--processen", "--processes", type=int, nargs="+", default=DEFAULT_PROCESSES,
        help="aantallen app-processen; meer dan één staat achter nginx (standaard 1 2)",
    )
    parser.add_argument("--proxy", action="store_true", help="ook één proces achter nginx zetten")
    parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL_S, help=f"seconden tussen twee zetten van een gebruiker (standaard {DEFAULT_INTERVAL_S:g})")
    parser.add_argument("--opstart", "--ramp", type=float, default=DEFAULT_RAMP_S, help=f"seconden waarover de gebruikers hun pagina openen (standaard {DEFAULT_RAMP_S:g})")
    parser.add_argument("--seed", type=int, default=12, help="zaad van de toevallige waarden en momenten")
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if min(args.gebruikers) < 1 or min(args.processen) < 1 or args.duur <= 0 or args.interval <= 0 or args.opstart < 0:
        parser.error("aantallen moeten minstens 1 zijn, duur en interval positief")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.getLogger("websockets").setLevel(logging.CRITICAL)
    print_header(args)
    results: dict[str, dict[int, tuple[Phase, Phase]]] = {}
    with tempfile.TemporaryDirectory(prefix="verkenner-last-") as tmp:
        workdir = Path(tmp)
        database = prepare_database(workdir)
        targets = [
            Target("Referentie", "referentie", REFERENCE_APP, [REFERENCE_PAGE], REFERENCE_SLIDER),
            Target("App (paginamix)", "app", APP, PAGES, APP_SLIDER, database),
        ]
        for processes in args.processen:
            proxy = processes > 1 or args.proxy
            try:
                results[mode_name(processes, proxy)] = run_mode(processes, proxy, targets, args, workdir)
            except servers.StartError as error:
                print(f"Niet gemeten: {error}", flush=True)
            except Exception as error:  # a benchmark reports, it does not fail
                print(f"Meting afgebroken: {error!r}", flush=True)
    if results:
        print_summary(results)


if __name__ == "__main__":
    main()
    sys.exit(0)
