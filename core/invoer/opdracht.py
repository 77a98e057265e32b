"""Batch import from the command line: the same checks and the same preview as the page, as text.

    python -m core.data import cijfers.xlsx                       # check and preview; stores nothing
    python -m core.data import cijfers.xlsx --ja --naam "A. de Vries" --reden "COA-cijfers 2e helft 2026"

Exit status: 0 stored or previewed without errors, 1 errors in the file or refused, 2 wrong arguments.
The command runs on the server with access to the database file, as the local user (beheerder);
``--naam`` says who, for the audit trail.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Callable

from core.data import DataError, load_basis
from core.invoer import voorbereid_bestand
from core.invoer.opslaan import OngeldigeInvoer, bewaar
from core.invoer.tabellen import als_tekst
from core.toegang import LOKAAL, GeenToegang


def importeer(db, bestand: Path, *, ja: bool = False, naam: str = "", reden: str = "", uitleg: str = "",
              vandaag: date | None = None, uit: Callable[[str], None] = print) -> int:
    """Check, preview and (with ``ja``) store a file; returns the exit status."""
    try:
        inhoud = Path(bestand).read_bytes()
    except OSError as error:
        uit(f"Het bestand {bestand} kan niet worden gelezen: {error.strerror or error}.")
        return 1
    basis = load_basis(db)
    voorbeeld = voorbereid_bestand(Path(bestand).name, inhoud, basis, vandaag or date.today())
    uit(als_tekst(voorbeeld))
    if voorbeeld.fouten:
        return 1
    if not ja:
        uit("\nEr is niets opgeslagen. Opslaan: herhaal de opdracht met --ja --naam ... --reden ..."
            + (" --uitleg ..." if voorbeeld.vraagt_reden_bevindingen else ""))
        return 0
    try:
        versie = bewaar(db, voorbeeld, LOKAAL, naam=naam, reden=reden, reden_bevindingen=uitleg)
    except (OngeldigeInvoer, GeenToegang, DataError) as error:
        uit(f"\n{error}")
        return 1
    uit(f"\nOpgeslagen als dataversie {versie}.")
    return 0


def _argumenten(p: argparse.ArgumentParser) -> None:
    p.add_argument("bestand", type=Path, help="CSV- of Excel-bestand volgens het sjabloon")
    p.add_argument("--ja", action="store_true", help="na de controle echt opslaan")
    p.add_argument("--naam", default="", help="wie de cijfers invoert (voor de geschiedenis)")
    p.add_argument("--reden", default="", help="de reden van deze invoer")
    p.add_argument("--uitleg", default="", help="waarom cijfers met bevindingen van de controles toch worden opgeslagen")


def registreer() -> None:
    """Add ``import`` to ``python -m core.data`` (core.data.cli loads this)."""
    from core.data.cli import subcommando

    subcommando("import", "Controleer cijfers uit een CSV- of Excel-bestand en sla ze (met --ja) op.", _argumenten)(
        lambda a: importeer(a.database, a.bestand, ja=a.ja, naam=a.naam, reden=a.reden, uitleg=a.uitleg)
    )
