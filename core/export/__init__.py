"""Exports for a council letter, one module per job:

- ``tabellen``: CSV and Excel tables (with the assumptions and the sources),
- ``grafieken``: charts rendered server-side as SVG and PNG,
- ``samenvatting``: the printable one-page summary (a Jinja2 template, autoescaped),
- ``snippet``: Python that reproduces a scenario with the core API,
- ``bestandsnamen``: file names that say what a file holds.

``FORMATEN`` is the one table of what each format is: its extension and media type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Formaat:
    extensie: str
    mime: str
    omschrijving: str


FORMATEN: dict[str, Formaat] = {
    "xlsx": Formaat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel met aannames en bronnen"),
    "csv": Formaat("csv", "text/csv", "CSV in Nederlandse notatie"),
    "png": Formaat("png", "image/png", "grafiek als afbeelding"),
    "svg": Formaat("svg", "image/svg+xml", "grafiek als vectorafbeelding"),
    "html": Formaat("html", "text/html", "samenvatting om af te drukken"),
}
