"""Backups of the database file and restoring one, under the store's lock.

A backup is a plain copy of the file, made under the exclusive lock after a checkpoint
(so the copy holds every committed write and nothing half). Restoring checks the copy,
backs up the current file first, and puts the copy in place under the exclusive lock;
every process notices the new file (its stamp changes) and migrates it if it is older.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

from core import toegang
from core.data.fouten import DataError, vertaal
from core.data.verbinding import open_bestand, pad, slot, sluit, vernieuw_stempel, walbestand


def maak_backup(path: Path, label: str) -> Path:
    """A copy of the database next to it, named by ``label`` and the time (the caller holds the lock)."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    _kopieer(path, target)
    return target


def _kopieer(bron: Path, doel: Path) -> None:
    try:
        shutil.copy2(bron, doel)
        if walbestand(bron).exists():
            shutil.copy2(walbestand(bron), walbestand(doel))
    except OSError as error:
        raise vertaal(error) from error


def _checkpoint(path: Path) -> None:
    """Write a WAL left by a killed process into the file (caller holds the exclusive lock)."""
    if walbestand(path).exists():
        con = open_bestand(path, alleen_lezen=False)
        try:
            con.execute("CHECKPOINT")
        except duckdb.Error as error:
            raise vertaal(error) from error
        finally:
            sluit(con)


def backup_naar(doel: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Copy the database to ``doel`` (which must not exist yet)."""
    bron, doel = pad(path), Path(doel).expanduser().resolve()
    if doel.exists():
        raise DataError("Er staat al een bestand met die naam; kies een nieuwe naam voor de back-up.")
    if not bron.exists():
        raise DataError("Er is nog geen database om een back-up van te maken.")
    with slot(bron, exclusief=True, actie="een back-up maken"):
        _checkpoint(bron)
        _kopieer(bron, doel)
    return doel


def _controleer_backup(bron: Path) -> int:
    """The schema version of a backup file; DataError if it is not a database of this app."""
    from core.data.bouwen import SCHEMA_VERSIE
    from core.data.migraties import schema_versie

    if not bron.is_file():
        raise DataError("Het back-upbestand bestaat niet.")
    try:
        con = duckdb.connect(str(bron), read_only=True)
    except duckdb.Error as error:
        raise DataError("Het back-upbestand is geen leesbare database; er is niets teruggezet.") from error
    try:
        versie = schema_versie(con)
    finally:
        con.close()
    if versie is None or versie > SCHEMA_VERSIE:
        raise DataError("Het back-upbestand is geen database van deze versie van de app; er is niets teruggezet.")
    return versie


def zet_terug(bron: str | os.PathLike, path: str | os.PathLike | None = None, *, gebruiker: toegang.Gebruiker = toegang.LOKAAL) -> Path:
    """Put backup ``bron`` in place of the database; returns the backup made of the current file first."""
    toegang.controleer(gebruiker, toegang.BACKUP_TERUGZETTEN)
    doel, bron = pad(path), Path(bron).expanduser().resolve()
    if bron == doel:
        raise DataError("Het back-upbestand is de database zelf; kies een back-up.")
    _controleer_backup(bron)
    with slot(doel, exclusief=True, actie="een back-up terugzetten"):
        eigen_backup = None
        if doel.exists():
            _checkpoint(doel)
            eigen_backup = maak_backup(doel, "voor-terugzetten")
        tmp = doel.with_name(doel.name + ".terugzetten.duckdb.tmp")
        _kopieer(bron, tmp)
        try:
            # Replacing is safe here, and only here: every process opens the file only under
            # this lock, which we hold, and nobody keeps it open between sessions.
            os.replace(tmp, doel)
            if walbestand(tmp).exists():
                os.replace(walbestand(tmp), walbestand(doel))
            elif walbestand(doel).exists():
                os.unlink(walbestand(doel))  # a WAL of the old file must never be applied to the restored one
        except OSError as error:
            raise vertaal(error) from error
        vernieuw_stempel(doel)
    return eigen_backup
