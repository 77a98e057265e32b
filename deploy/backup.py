"""Scheduled backup: the DuckDB file and, when configured, the shared PostgreSQL database.

    python -m deploy.backup /var/backups/verkenner [--bewaar 14]

writes ``verkenner-<tijd>.duckdb`` (a consistent copy under the store's lock, as
``python -m core.data backup`` makes) and, with ``VERKENNER_POSTGRES`` set,
``scenarios-<tijd>.dump`` (``pg_dump`` in its custom format), then removes all but the newest
``--bewaar`` of each. systemd runs it nightly (deploy/systemd/verkenner-backup.timer).
Restore: ``python -m core.data restore FILE`` for the file and
``pg_restore --clean --if-exists -d "$VERKENNER_POSTGRES" FILE`` for PostgreSQL (README, "Productie").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from core.data import DataError
from core.data.backup import backup_naar
from core.data.gedeeld import postgres_url
from deploy.postgres import PostgresFout, postgres_bin

BEWAAR = 14


def maak_backups(map_: Path, bewaar: int = BEWAAR, database: str | None = None) -> list[Path]:
    """Write this run's backups into ``map_`` and prune old ones; the files written."""
    map_.mkdir(parents=True, exist_ok=True)
    tijd = datetime.now().strftime("%Y%m%d-%H%M%S")
    gemaakt = [backup_naar(map_ / f"verkenner-{tijd}.duckdb", database)]
    url = postgres_url()
    if url is not None:
        dump = map_ / f"scenarios-{tijd}.dump"
        try:
            pg_dump = postgres_bin("pg_dump")
        except PostgresFout as error:
            raise DataError("pg_dump niet gevonden: installeer Debian's pakket postgresql-client.") from error
        result = subprocess.run([pg_dump, "--format=custom", f"--file={dump}", url],
                                capture_output=True, text=True, timeout=600)  # fmt: skip
        if result.returncode != 0:
            dump.unlink(missing_ok=True)
            raise DataError(f"pg_dump mislukte: {result.stderr.strip()}")
        gemaakt.append(dump)
    for patroon in ("verkenner-*.duckdb", "scenarios-*.dump"):
        for oud in sorted(map_.glob(patroon))[:-bewaar]:  # the time stamp in the name sorts them
            oud.unlink()
    return gemaakt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.backup", description=__doc__.splitlines()[0])
    parser.add_argument("map", type=Path, help="map voor de back-ups")
    parser.add_argument("--bewaar", type=int, default=BEWAAR, help=f"hoeveel back-ups van elk soort blijven (standaard {BEWAAR})")
    args = parser.parse_args(argv)
    try:
        for pad in maak_backups(args.map, args.bewaar):
            print(pad)
    except DataError as error:
        print(f"Back-up mislukt: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
