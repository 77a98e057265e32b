"""``python -m core.data``: the store's command line for operators (Dutch output).

    python -m core.data status               # file, schema, data versions, scenarios, migrations
    python -m core.data backup BESTAND       # a consistent copy, taken under the store's lock
    python -m core.data restore BESTAND      # back up the current file, then put BESTAND in place

The database is $VERKENNER_DB (or data/verkenner.duckdb), or ``--database PAD``.
A subcommand is one function decorated with ``@subcommando``; another module adds its own
by importing ``subcommando`` from here and being imported in ``_laad_uitbreidingen``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from core import toegang
from core.data import gedeeld
from core.data.fouten import DataError


@dataclass(frozen=True)
class Subcommando:
    naam: str
    hulp: str
    argumenten: Callable[[argparse.ArgumentParser], None]
    uitvoeren: Callable[[argparse.Namespace], int]


SUBCOMMANDO_S: dict[str, Subcommando] = {}


def subcommando(naam: str, hulp: str, argumenten: Callable[[argparse.ArgumentParser], None] = lambda p: None):
    """Register a subcommand: ``@subcommando("import", "Lees ...", lambda p: p.add_argument("bestand"))``."""

    def registreer(uitvoeren: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        SUBCOMMANDO_S[naam] = Subcommando(naam, hulp, argumenten, uitvoeren)
        return uitvoeren

    return registreer


@subcommando("status", "Toon de database: schema, dataversies, scenario's, migraties en back-ups.")
def status(args: argparse.Namespace) -> int:
    from core.data.lezen import latest_versie
    from core.data.scenarios import aantal_scenarios
    from core.data.verbinding import lezen, pad

    path = pad(args.database)
    print(f"Database: {path}")
    versie = latest_versie(path)  # builds or migrates the file if needed
    with lezen(path) as con:
        schema = con.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchone()[0]
        dataversies = con.execute("SELECT versie, ingelezen_op, omschrijving FROM dataversie ORDER BY versie").fetchall()
        migraties = con.execute("SELECT van_versie, naar_versie, uitgevoerd_op, backup, meldingen FROM migratie ORDER BY uitgevoerd_op").fetchall()
    namen, versies = aantal_scenarios(path)
    print(f"Schemaversie: {schema}")
    print(f"Nieuwste dataversie: {versie}")
    for nummer, op, omschrijving in dataversies:
        print(f"  dataversie {nummer}: {op:%Y-%m-%d %H:%M}  {omschrijving}")
    print(f"Opgeslagen scenario's: {namen} (in totaal {versies} versies), {gedeeld.beschrijving()}")
    if gedeeld.in_postgres():
        print(f"Ingevoerde cijfers: ook {gedeeld.beschrijving()} (tabel gegevensinvoer); dit bestand is bijgewerkt.")
    for van, naar, op, backup, meldingen in migraties:
        print(f"Migratie {van} -> {naar} op {op:%Y-%m-%d %H:%M}; back-up: {backup}")
        for melding in filter(None, meldingen.splitlines()):
            print(f"  - {melding}")
    backups = sorted(path.parent.glob(f"{path.stem}.backup-*{path.suffix}"))
    print(f"Back-ups naast de database: {len(backups)}")
    for backup in backups:
        print(f"  {backup.name}")
    return 0


@subcommando("backup", "Maak een back-up van de database naar BESTAND.", lambda p: p.add_argument("bestand"))
def backup(args: argparse.Namespace) -> int:
    from core.data.backup import backup_naar

    doel = backup_naar(args.bestand, args.database)
    print(f"Back-up gemaakt: {doel}")
    return 0


@subcommando(
    "restore",
    "Zet back-up BESTAND terug; de huidige database wordt eerst zelf geback-upt. "
    "Herstart daarna de app-processen.",
    lambda p: p.add_argument("bestand"),
)
def restore(args: argparse.Namespace) -> int:
    from core.data.backup import zet_terug

    # On the server's command line the operator acts as the local administrator (core.toegang.LOKAAL).
    eigen = zet_terug(args.bestand, args.database, gebruiker=toegang.LOKAAL)
    if eigen is not None:
        print(f"De database van voor het terugzetten staat in: {eigen}")
    print(f"Teruggezet: {args.bestand}. Herstart de app-processen, zodat niemand nog oude cijfers in het geheugen heeft.")
    return 0


def _laad_uitbreidingen() -> None:
    """Modules that add subcommands (e.g. staff data entry's ``import``) are imported here."""
    from core.data import export
    from core.invoer import opdracht  # core.invoer builds on core.data: imported only when the command line runs

    opdracht.registreer()
    export.registreer()


def parser() -> argparse.ArgumentParser:
    _laad_uitbreidingen()
    result = argparse.ArgumentParser(prog="python -m core.data", description="Beheer van de database van de Verkenner.")
    result.add_argument("--database", help="het databasebestand (standaard: $VERKENNER_DB of data/verkenner.duckdb)")
    sub = result.add_subparsers(dest="commando", required=True, metavar="commando")
    for commando in SUBCOMMANDO_S.values():
        commando.argumenten(sub.add_parser(commando.naam, help=commando.hulp, description=commando.hulp))
    return result


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return SUBCOMMANDO_S[args.commando].uitvoeren(args)
    except (DataError, toegang.GeenToegang) as error:
        print(str(error), file=sys.stderr)
        return 1
