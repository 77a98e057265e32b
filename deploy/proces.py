"""One app process as production runs it: the one place its Streamlit settings are chosen.

    python -m deploy.proces --poort 8501 [--adres 127.0.0.1]

It replaces itself with ``streamlit run app.py`` (systemd and the container see Streamlit
itself). The environment supplies the rest: ``VERKENNER_DB`` (the database),
``STREAMLIT_SERVER_COOKIE_SECRET`` (the same for every process), ``STREAMLIT_SECRETS_FILES``
(the secrets file with the login settings, kept outside the code). The launcher
(``deploy.cluster``), the systemd unit and the container all start processes with
``command()``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
SECRETS_FILES_ENV = "STREAMLIT_SECRETS_FILES"

# Settings for a server in production, on top of .streamlit/config.toml.
PRODUCTIE = {
    "server.headless": "true",
    "server.fileWatcherType": "none",  # the code does not change under a running server
    "server.runOnSave": "false",
    "browser.gatherUsageStats": "false",
}


APP = ROOT / "app.py"


def command(poort: int, adres: str = "127.0.0.1", python: str = sys.executable, app: Path = APP) -> list[str]:
    """The command line of one app process listening on ``adres``:``poort`` (``app``: another script,
    e.g. the benchmarks' reference app, run the same way)."""
    options = {**PRODUCTIE, "server.port": str(poort), "server.address": adres}
    return [python, "-m", "streamlit", "run", str(app), *(f"--{k}={v}" for k, v in options.items())]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.proces", description=__doc__.split("\n\n")[0])
    parser.add_argument("--poort", type=int, required=True)
    parser.add_argument("--adres", default="127.0.0.1", help="standaard alleen lokaal: nginx staat ervoor")
    args = parser.parse_args(argv)
    if not os.environ.get(COOKIE_SECRET_ENV):
        print(f"Let op: {COOKIE_SECRET_ENV} is niet gezet; met meer dan één proces moet het overal hetzelfde zijn.", file=sys.stderr)
    os.chdir(ROOT)
    cmd = command(args.poort, args.adres)
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main()
