"""The nginx site configuration, rendered from one template for every way the app is deployed.

    python -m deploy.nginx --app 127.0.0.1:8501 --app 127.0.0.1:8502 > /etc/nginx/sites-available/verkenner
    python -m deploy.nginx --app 127.0.0.1:8501 --tls /etc/ssl/verkenner.pem /etc/ssl/private/verkenner.key \
        --server-name verkenner.maastricht.nl --poort 443

The launcher (``deploy.cluster``) renders the same template for the tests and the load
benchmark, and ``deploy/compose/nginx.conf`` is its output for the container set-up (a test
checks that it is up to date). The Content-Security-Policy allows the one inline script of the
installed Streamlit's ``index.html`` by its hash, so render again after upgrading Streamlit.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

TEMPLATE = Path(__file__).with_name("nginx") / "verkenner.conf.j2"
STREAMLIT_INDEX = Path(importlib.util.find_spec("streamlit").origin).with_name("static") / "index.html"


@dataclass(frozen=True)
class Tls:
    certificaat: str
    sleutel: str


def inline_script_hashes(index_html: Path = STREAMLIT_INDEX) -> list[str]:
    """CSP hashes ('sha256-…') of the inline scripts in Streamlit's index.html and of the app's own
    (the Dutch chrome and "Kopieer link", drawn with st.html): without them the browser blocks both."""
    from ui import chrome, kopieerlink  # the app's scripts: their HTML is the one source of their text

    html = [index_html.read_text(encoding="utf-8"), chrome.HTML, kopieerlink.HTML]
    scripts = [s for page in html for s in re.findall(r"<script>(.*?)</script>", page, re.S)]
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]


def content_security_policy() -> str:
    # No 'unsafe-eval': Streamlit draws Vega charts with Vega's CSP-safe expression interpreter.
    # No outside address at all: the browser fetches nothing from elsewhere (tests/test_proxy.py
    # fails on any violation Chromium reports).
    bronnen = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *inline_script_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{richtlijn} {' '.join(waarden)}" for richtlijn, waarden in bronnen.items())


def render(
    app_servers: list[str],
    *,
    port: int = 80,
    adres: str | None = None,
    server_name: str = "_",
    tls: Tls | None = None,
    http_port: int = 80,
    max_upload: str = "50m",
) -> str:
    """The site configuration for ``app_servers`` ("host:port"), listening on ``adres``:``port``."""
    if not app_servers:
        raise ValueError("Geef ten minste één app-proces op (--app host:poort).")
    template = jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return template.render(
        app_servers=app_servers,
        port=port,
        listen=f"{adres}:" if adres else "",
        ipv6=adres is None,
        server_name=server_name,
        tls=tls,
        http_port=http_port,
        max_upload=max_upload,
        csp=content_security_policy(),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx", description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", action="append", required=True, metavar="HOST:POORT", help="een app-proces (herhaal per proces)")
    parser.add_argument("--poort", type=int, default=80, help="poort waarop nginx luistert (standaard 80; 443 met --tls)")
    parser.add_argument("--adres", help="alleen op dit adres luisteren (standaard: alle adressen, ook IPv6)")
    parser.add_argument("--server-name", default="_", help="de hostnaam van de site (standaard: elke)")
    parser.add_argument("--tls", nargs=2, metavar=("CERTIFICAAT", "SLEUTEL"), help="HTTPS met dit certificaat en deze sleutel")
    args = parser.parse_args(argv)
    tls = Tls(*args.tls) if args.tls else None
    print(render(args.app, port=args.poort, adres=args.adres, server_name=args.server_name, tls=tls), end="")


if __name__ == "__main__":
    main()
