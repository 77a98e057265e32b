"""A throwaway PostgreSQL server from Debian's packages, for tests and a local trial.

    python -m deploy.postgres --map /tmp/pg      # prints the connection address, Ctrl+C stops

From Python::

    from deploy.postgres import TijdelijkePostgres
    with TijdelijkePostgres(werkmap=tmp_path) as server:
        server.url   # postgresql://verkenner@127.0.0.1:54321/postgres

The server listens on a free loopback port and a socket in its own folder, trusts local
connections (a throwaway server holds no secrets) and is stopped and removed on exit.
PostgreSQL refuses to run as root: as root, the server runs as the ``postgres`` user that
Debian's package creates. Production uses a real server (README, "Productie").
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

GEBRUIKER = "verkenner"
OPSTART_S = 60


class PostgresFout(RuntimeError):
    """The server could not be set up or started; the message names the step and its output."""


def postgres_bin(programma: str) -> str:
    """Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/<versie>/bin."""
    found = shutil.which(programma)
    if found:
        return found
    kandidaten = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{programma}"), key=_versie, reverse=True)
    if not kandidaten:
        raise PostgresFout(f"{programma} niet gevonden: installeer Debian's pakket postgresql (bash .ci/run doet dat).")
    return kandidaten[0]


def _versie(pad: str) -> int:
    try:
        return int(Path(pad).parts[4])
    except (IndexError, ValueError):
        return 0


def beschikbaar() -> bool:
    try:
        postgres_bin("pg_ctl")
        return True
    except PostgresFout:
        return False


@dataclass
class TijdelijkePostgres:
    werkmap: Path | None = None
    poort: int = 0
    _eigen_map: bool = field(default=False, init=False)

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def url(self) -> str:
        return f"postgresql://{GEBRUIKER}@{self.host}:{self.poort}/postgres"

    def start(self) -> TijdelijkePostgres:
        if self.werkmap is None:
            self.werkmap, self._eigen_map = Path(tempfile.mkdtemp(prefix="verkenner-pg-")), True
        self.werkmap = Path(self.werkmap)
        self.werkmap.mkdir(parents=True, exist_ok=True)
        if not self.poort:
            from deploy.cluster import vrije_poort  # one way to find a free port

            self.poort = vrije_poort()
        self._geef_aan_server(self.werkmap)
        self._voer_uit("initdb", "-D", str(self.datamap), "-U", GEBRUIKER, "--auth=trust", "--encoding=UTF8", "--no-instructions")
        self._voer_uit(
            "pg_ctl", "-D", str(self.datamap), "-l", str(self.werkmap / "server.log"), "-w", "-t", str(OPSTART_S),
            "-o", f"-p {self.poort} -k {self.werkmap} -c listen_addresses={self.host} -c fsync=off", "start",
        )
        return self

    @property
    def datamap(self) -> Path:
        return self.werkmap / "data"

    def stop(self) -> None:
        if self.werkmap is None:
            return
        if (self.datamap / "postmaster.pid").exists():
            try:
                self._voer_uit("pg_ctl", "-D", str(self.datamap), "-m", "fast", "-w", "stop")
            except PostgresFout:
                pass  # already gone: nothing left to stop
        if self._eigen_map:
            shutil.rmtree(self.werkmap, ignore_errors=True)

    def __enter__(self) -> TijdelijkePostgres:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _geef_aan_server(self, map_: Path) -> None:
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            for pad in (map_, *map_.parents):
                if pad == Path("/"):
                    break
                os.chmod(pad, os.stat(pad).st_mode | 0o711)  # the server must reach its folder
            os.chown(map_, account.pw_uid, account.pw_gid)

    def _voer_uit(self, programma: str, *argumenten: str) -> None:
        command = [postgres_bin(programma), *argumenten]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=OPSTART_S * 2)
        if result.returncode != 0:
            log = self.werkmap / "server.log"
            staart = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresFout(f"{programma} mislukte ({result.returncode}): {result.stderr.strip()} {staart}".strip())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.postgres", description=__doc__.splitlines()[0])
    parser.add_argument("--map", type=Path, default=None, help="werkmap van de server (standaard: een tijdelijke map)")
    parser.add_argument("--poort", type=int, default=0)
    args = parser.parse_args(argv)
    with TijdelijkePostgres(werkmap=args.map, poort=args.poort) as server:
        print(server.url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
