"""N app processes behind nginx on this machine, watched and replaced: for tests, benchmarks and a trial.

    python -m deploy.cluster --processen 2 --poort 8080 [--secrets pad/secrets.toml]

starts N app processes (``deploy.proces``) on free loopback ports, all with one cookie
secret and one database, and nginx (Debian's) in front with the configuration of
``deploy.nginx``. A supervisor thread replaces a process that exits or stops answering
``/_stcore/health``. Ctrl+C stops everything. From Python::

    from deploy.cluster import Cluster
    with Cluster(processen=2, werkmap=tmp_path) as cluster:
        cluster.url        # the proxy, e.g. http://127.0.0.1:41234
        cluster.apps[0]    # one process: .url, .log, .herstarts

On a server, systemd does the supervisor's job (deploy/systemd); see the README, "Productie".
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from core.data.gedeeld import POSTGRES_ENV
from deploy import nginx, proces

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPSTART_S = 60  # a cold start takes seconds; on a loaded 2-core machine allow for much more
CONTROLE_S = 1.0  # how often the supervisor asks each process for its health
MISLUKT_MAX = 3  # consecutive failed health checks before a running process is replaced


class ClusterFout(RuntimeError):
    """A process or nginx did not start; the message says which and where its log is."""


def vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gezond(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def _stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class AppProces:
    poort: int
    log: Path
    proces: subprocess.Popen | None = None
    herstarts: int = 0
    mislukt: int = 0  # consecutive failed health checks since it first answered
    gestart: float = 0.0  # time.monotonic() of the last (re)start
    opgestart: bool = False  # answered its health check since the last (re)start

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"


@dataclass
class Cluster:
    """N app processes and nginx, all on one database file: ``database``, else $VERKENNER_DB
    (core.data lets several processes on one machine read and write one file).

    With ``postgres`` (a libpq address) saved scenarios go to that shared PostgreSQL database;
    ``eigen_bestand`` then gives each process a DuckDB file of its own, as processes on
    separate machines have.
    """

    processen: int = 2
    werkmap: Path = field(default_factory=lambda: Path(os.environ.get("TMPDIR", "/tmp")) / f"verkenner-cluster-{os.getpid()}")
    poort: int | None = None
    database: Path | None = None
    postgres: str | None = None
    eigen_bestand: bool = False
    secrets: Path | None = None
    cookie_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    omgeving: dict[str, str] = field(default_factory=dict)
    bewaken: bool = True
    app: Path = proces.APP  # another Streamlit script (e.g. a benchmark's reference app) runs the same way

    def __post_init__(self) -> None:
        self.werkmap = Path(self.werkmap)
        self.apps: list[AppProces] = []
        self.nginx: subprocess.Popen | None = None
        self._stoppen = threading.Event()
        self._slot = threading.Lock()
        self._bewaker: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    @property
    def pids(self) -> list[int]:
        """The app processes' ids (e.g. to measure their CPU and memory)."""
        return [a.proces.pid for a in self.apps]

    # --- starting -------------------------------------------------------------------------

    def start(self) -> Cluster:
        self.werkmap.mkdir(parents=True, exist_ok=True)
        self.poort = self.poort or vrije_poort()
        self.apps = [AppProces(vrije_poort(), self.werkmap / f"app-{i + 1}.log") for i in range(self.processen)]
        try:
            for app in self.apps:
                self._start_app(app)
            for app in self.apps:
                self._wacht_gezond(app)
            self._start_nginx()
        except BaseException:
            self.stop()
            raise
        if self.bewaken:
            self._bewaker = threading.Thread(target=self._bewaak, name="verkenner-bewaker", daemon=True)
            self._bewaker.start()
        return self

    def _env(self, app: AppProces) -> dict[str, str]:
        env = {**os.environ, **self.omgeving, proces.COOKIE_SECRET_ENV: self.cookie_secret}
        if self.eigen_bestand:
            env["VERKENNER_DB"] = str(self.werkmap / f"verkenner-{self.apps.index(app) + 1}.duckdb")
        elif self.database is not None:
            env["VERKENNER_DB"] = str(self.database)
        if self.postgres is not None:
            env[POSTGRES_ENV] = self.postgres
        # Secrets only from the given file: never a developer's own .streamlit/secrets.toml.
        env[proces.SECRETS_FILES_ENV] = str(self.secrets or self.werkmap / "geen-secrets.toml")
        return env

    def _start_app(self, app: AppProces) -> None:
        with app.log.open("ab") as log:
            app.proces = subprocess.Popen(
                proces.command(app.poort, app=self.app), cwd=proces.ROOT, env=self._env(app), stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl+C in a terminal reaches the launcher, which stops them in order
            )
        app.mislukt, app.gestart, app.opgestart = 0, time.monotonic(), False

    def _wacht_gezond(self, app: AppProces) -> None:
        deadline = time.monotonic() + OPSTART_S
        while time.monotonic() < deadline:
            if app.proces.poll() is not None:
                raise ClusterFout(f"App-proces op poort {app.poort} stopte met code {app.proces.returncode}; zie {app.log}.")
            if gezond(app.url, timeout=1):
                app.opgestart = True
                return
            time.sleep(0.1)  # poll interval
        raise ClusterFout(f"App-proces op poort {app.poort} was na {OPSTART_S} s niet gezond; zie {app.log}.")

    def _start_nginx(self) -> None:
        site = self.werkmap / "verkenner.conf"
        site.write_text(nginx.render([f"127.0.0.1:{a.poort}" for a in self.apps], port=self.poort, adres="127.0.0.1"))
        conf = self.werkmap / "nginx.conf"
        temp = self.werkmap / "nginx-temp"
        temp.mkdir(exist_ok=True)
        # Started by root, nginx's workers would run as nobody, who cannot enter a private temp dir.
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf.write_text(
            f"{user}daemon off;\nworker_processes 1;\npid nginx.pid;\nerror_log nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "    log_format verkenner '$cookie_verkenner_route $upstream_addr $status \"$request\"';\n"
            "    access_log nginx-access.log verkenner;\n"
            + "".join(f"    {kind}_temp_path {temp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"    include {site};\n}}\n"
        )
        log = self.werkmap / "nginx.log"
        with log.open("ab") as out:
            self.nginx = subprocess.Popen(
                [NGINX, "-p", str(self.werkmap), "-c", str(conf), "-e", "stderr"], stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + OPSTART_S
        while not gezond(self.url, timeout=1):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise ClusterFout(f"nginx startte niet; zie {log} en {self.werkmap / 'nginx-error.log'}.")
            time.sleep(0.1)  # poll interval

    def app_voor_route(self, route: str) -> AppProces:
        """The process nginx sends a browser with route cookie ``route`` to (asked, not computed)."""
        log = self.werkmap / "nginx-access.log"
        marker = f"/_stcore/health?route={secrets.token_hex(8)}"
        request = urllib.request.Request(self.url + marker, headers={"Cookie": f"verkenner_route={route}"})
        urllib.request.urlopen(request, timeout=10).close()
        deadline = time.monotonic() + 10
        while not (lines := [line for line in log.read_text().splitlines() if marker in line]):
            if time.monotonic() > deadline:  # nginx logs a request just after answering it
                raise ClusterFout(f"Verzoek niet gevonden in {log}.")
            time.sleep(0.05)  # poll interval
        upstream = lines[-1].split(" ")[1].split(",")[-1].strip()
        return next(a for a in self.apps if upstream.endswith(f":{a.poort}"))

    def route_naar(self, app: AppProces) -> str:
        """A route cookie value that nginx sends to ``app``: to put a browser on a chosen process."""
        for i in range(1000):
            if self.app_voor_route(f"route-{i}") is app:
                return f"route-{i}"
        raise ClusterFout(f"Geen route naar poort {app.poort} gevonden.")

    # --- supervising ----------------------------------------------------------------------

    def _bewaak(self) -> None:
        """Replace a process that exited, that did not start in time, or that failed MISLUKT_MAX
        health checks in a row after it had started."""
        while not self._stoppen.wait(CONTROLE_S):
            for app in self.apps:
                with self._slot:
                    if self._stoppen.is_set():
                        return
                    if app.proces.poll() is None and self._in_orde(app):
                        continue
                    _stop(app.proces, signal.SIGKILL)
                    self._meld(f"app-proces op poort {app.poort} vervangen (code {app.proces.returncode})")
                    app.herstarts += 1
                    self._start_app(app)

    @staticmethod
    def _in_orde(app: AppProces) -> bool:
        if gezond(app.url):
            app.opgestart, app.mislukt = True, 0
            return True
        if not app.opgestart:
            return time.monotonic() - app.gestart < OPSTART_S
        app.mislukt += 1
        return app.mislukt < MISLUKT_MAX

    def _meld(self, tekst: str) -> None:
        with (self.werkmap / "bewaker.log").open("a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {tekst}\n")

    def wacht_tot_alles_gezond(self, timeout: float = OPSTART_S) -> None:
        """Until every process answers its health check again (after a replacement)."""
        deadline = time.monotonic() + timeout
        while not all(a.proces.poll() is None and gezond(a.url, timeout=1) for a in self.apps):
            if time.monotonic() > deadline:
                raise ClusterFout(f"Niet alle app-processen waren binnen {timeout} s weer gezond; zie {self.werkmap}.")
            time.sleep(0.1)  # poll interval

    # --- stopping -------------------------------------------------------------------------

    def stop(self) -> None:
        self._stoppen.set()
        if self._bewaker is not None:
            self._bewaker.join(timeout=10)
        with self._slot:
            _stop(self.nginx)  # fast shutdown: open WebSockets would hold a graceful one
            for app in self.apps:  # all at once, then wait for each
                if app.proces is not None and app.proces.poll() is None:
                    app.proces.terminate()
            for app in self.apps:
                _stop(app.proces)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--processen", type=int, default=2, help="aantal app-processen (standaard 2)")
    parser.add_argument("--poort", type=int, default=8080, help="poort van nginx op 127.0.0.1 (standaard 8080)")
    parser.add_argument("--secrets", type=Path, help="secrets.toml met de login ([auth], [toegang])")
    parser.add_argument("--werkmap", type=Path, default=Path("cluster"), help="logs en nginx-configuratie (standaard ./cluster)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop cleanly on SIGTERM as on Ctrl+C
    cluster = Cluster(args.processen, args.werkmap.resolve(), args.poort, secrets=args.secrets)
    try:
        cluster.start()
        print(f"Verkenner op {cluster.url} ({args.processen} processen); logs in {cluster.werkmap}. Stoppen: Ctrl+C.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
