"""Restart an app process that runs but no longer answers its health check (systemd timer).

    python -m deploy.gezondheid            # the ports in $VERKENNER_POORTEN
    python -m deploy.gezondheid 8501 8502

systemd restarts a process that exits (Restart=always); this catches one that hangs. A port
is restarted (``systemctl restart verkenner@PORT``) after failing two checks five seconds apart,
so one slow answer under load does not cost its users their session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from deploy.cluster import gezond

POORTEN_ENV = "VERKENNER_POORTEN"
TWEEDE_KANS_S = 5


def ongezond(poorten: list[int], tweede_kans_s: float = TWEEDE_KANS_S) -> list[int]:
    """The ports that failed two health checks ``tweede_kans_s`` apart."""
    verdacht = [p for p in poorten if not gezond(f"http://127.0.0.1:{p}", timeout=5)]
    if verdacht:
        time.sleep(tweede_kans_s)
    return [p for p in verdacht if not gezond(f"http://127.0.0.1:{p}", timeout=5)]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    poorten = [int(p) for p in (args or os.environ.get(POORTEN_ENV, "").split())]
    if not poorten:
        print(f"Geen poorten: geef ze op of zet {POORTEN_ENV}.", file=sys.stderr)
        return 2
    for poort in ongezond(poorten):
        print(f"verkenner@{poort} antwoordt niet op /_stcore/health; herstarten.", file=sys.stderr)
        subprocess.run(["systemctl", "restart", f"verkenner@{poort}.service"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
