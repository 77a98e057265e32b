"""Start an app for a benchmark: N ``streamlit run`` processes, behind nginx when N > 1.

A minimal launcher for the benchmarks only. The production set-up (proxy configuration with
security headers, health checks, one shared cookie secret, a shared database) is a separate
piece of work; when it lands, ``start`` is the one function to point at it: the benchmark
only needs the address users connect to and the ids of the app processes to measure.

Each process gets its own copy of the database file: two processes cannot yet open one
DuckDB file read-write together (issue 9). The benchmark writes nothing, so the copies stay
identical.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 60
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

# Sticky sessions without nginx-plus: the first response sets a random route cookie (the
# request id) and the upstream is chosen by hashing it, so every later request of that browser
# (the WebSocket, media, uploads) reaches the same process, where its session state lives.
NGINX_CONF = """\
worker_processes 1;
{user}
error_log {dir}/nginx-error.log warn;
pid {dir}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;

    map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
    map $cookie_verkenner_route $verkenner_route {{ "" $request_id; default $cookie_verkenner_route; }}
    map $cookie_verkenner_route $verkenner_route_cookie {{
        "" "verkenner_route=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}
    upstream verkenner {{
        hash $verkenner_route consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://verkenner;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
            proxy_buffering off;
            add_header Set-Cookie $verkenner_route_cookie;
        }}
    }}
}}
"""


class StartError(Exception):
    """A process did not start; the message includes the end of its log."""


@dataclass
class Deployment:
    """A running app: the address users open, and the processes to measure."""

    url: str
    app_pids: list[int]
    proxy_pids: list[int] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    """One ``streamlit run`` on a free port; yields (url, pid). ``database``: copied for this process."""
    env = dict(os.environ)
    if database is not None:
        own = workdir / f"{name}.duckdb"
        shutil.copyfile(database, own)
        env["VERKENNER_DB"] = str(own)
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = workdir / f"{name}.log"
    with _process(command, log, env) as process:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process, log)
        yield url, process.pid


@contextmanager
def nginx(upstreams: list[str], workdir: Path) -> Iterator[tuple[str, int]]:
    """Debian's nginx on a free port in front of ``upstreams`` (sticky, WebSockets); yields (url, pid)."""
    if NGINX is None:
        raise StartError("nginx is niet geïnstalleerd (apt-get install nginx).")
    port = free_port()
    servers = "\n".join(f"        server {u.removeprefix('http://')};" for u in upstreams)
    user = "user root;" if os.geteuid() == 0 else ""  # nginx started by root would switch to nobody
    conf = workdir / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, dir=workdir, servers=servers, port=port))
    log = workdir / "nginx.log"
    with _process([NGINX, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"], log) as process:
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, process, workdir / "nginx-error.log")
        except StartError as error:
            raise StartError(f"{error}\n{_tail(log)}") from None
        yield url, process.pid


@contextmanager
def start(app: Path, processes: int, workdir: Path, database: Path | None = None, proxy: bool | None = None) -> Iterator[Deployment]:
    """Run ``app`` in ``processes`` processes; behind nginx when ``proxy`` (default: more than one)."""
    proxy = processes > 1 if proxy is None else proxy
    workdir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        started = [stack.enter_context(streamlit_process(app, workdir, f"proces-{i + 1}", database)) for i in range(processes)]
        urls, pids = [url for url, _ in started], [pid for _, pid in started]
        if not proxy:
            yield Deployment(urls[0], pids)
            return
        url, proxy_pid = stack.enter_context(nginx(urls, workdir))
        yield Deployment(url, pids, [proxy_pid])
