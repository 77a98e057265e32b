"""Start an app for a benchmark: one ``streamlit run`` process, or N behind nginx.

Both run exactly as production does: one process is started with ``deploy.proces.command``,
several with the production launcher ``deploy.cluster.Cluster`` (nginx with sticky sessions
and WebSockets, one cookie secret). The benchmark only needs the address users connect to and
the ids of the processes to measure.

Every process uses the one database file given (core.data shares one file between
processes on one machine), as production does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from deploy import proces
from deploy.cluster import Cluster, ClusterFout, vrije_poort

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 60
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


class StartError(Exception):
    """A process did not start; the message includes the end of its log."""


@dataclass
class Deployment:
    """A running app: the address users open, and the processes to measure."""

    url: str
    app_pids: list[int]
    proxy_pids: list[int] = field(default_factory=list)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StartError(f"{process.args[0]} stopte met code {process.returncode}:\n{_tail(log)}")
        try:
            with opener.open(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)  # poll interval, not a wait for the app
    raise StartError(f"{url} was niet gezond binnen {STARTUP_TIMEOUT_S} s:\n{_tail(log)}")


@contextmanager
def _process(command: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def streamlit_process(app: Path, workdir: Path, name: str, database: Path | None = None) -> Iterator[tuple[str, int]]:
    """One ``streamlit run`` on a free port; yields (url, pid). ``database``: the file it uses."""
    env = dict(os.environ)
    if database is not None:
        env["VERKENNER_DB"] = str(database)
    port = vrije_poort()
    log = workdir / f"{name}.log"
    with _process(proces.command(port, app=app), log, env) as process:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process, log)
        yield url, process.pid


@contextmanager
def start(app: Path, processes: int, workdir: Path, database: Path | None = None, proxy: bool | None = None) -> Iterator[Deployment]:
    """Run ``app`` in ``processes`` processes; behind nginx when ``proxy`` (default: more than one)."""
    proxy = processes > 1 if proxy is None else proxy
    workdir.mkdir(parents=True, exist_ok=True)
    if not proxy:
        if processes != 1:
            raise StartError("Meer dan één proces kan alleen achter de proxy.")
        with streamlit_process(app, workdir, "proces-1", database) as (url, pid):
            yield Deployment(url, [pid])
        return
    if NGINX is None:
        raise StartError("nginx is niet geïnstalleerd (apt-get install nginx).")
    # No supervisor: under load a slow health check must not get a process replaced mid-measurement.
    cluster = Cluster(processen=processes, werkmap=workdir, database=database, app=app, bewaken=False)
    try:
        cluster.start()
    except ClusterFout as error:
        raise StartError(str(error)) from None
    try:
        yield Deployment(cluster.url, cluster.pids, [cluster.nginx.pid])
    finally:
        cluster.stop()
