"""The store's error kinds, each with a Dutch message that says what to do.

Messages never name a server path or a process id and never advise deleting a file:
the file holds saved work. The technical cause goes to the log (``core.data``) for the
operator; the user reads what happened and what to do.
"""

from __future__ import annotations

import errno
import logging

import duckdb

LOG = logging.getLogger("core.data")


class DataError(Exception):
    """A problem with the database or the seed files, with a message for the user (Dutch)."""


class SchemaVersionError(DataError):
    """The database file was made by a schema version this app cannot read or upgrade."""


class InGebruik(DataError):
    """Another process holds the database longer than we can wait."""

    def __init__(self, actie: str = "lezen") -> None:
        super().__init__(
            f"De database is in gebruik door een ander proces; {actie} lukte niet binnen de wachttijd. "
            "Er is niets gewijzigd en niets verloren. Probeer het over een ogenblik opnieuw; "
            "blijft dit gebeuren, meld het dan aan de beheerder."
        )


class GeenSchrijfrechten(DataError):
    def __init__(self) -> None:
        super().__init__(
            "De app heeft geen schrijfrechten op de map of het bestand van de database. "
            "Er is niets gewijzigd. Vraag de beheerder de app schrijfrechten te geven op de datamap."
        )


class Beschadigd(DataError):
    def __init__(self) -> None:
        super().__init__(
            "Het databasebestand is beschadigd en kan niet worden gelezen. Er is niets gewijzigd. "
            "Vraag de beheerder de laatste back-up terug te zetten (python -m core.data restore)."
        )


class SchijfVol(DataError):
    def __init__(self) -> None:
        super().__init__(
            "De schijf met de database is vol. Er is niets gewijzigd. "
            "Vraag de beheerder ruimte vrij te maken op de schijf van de datamap."
        )


class GeenMap(DataError):
    def __init__(self) -> None:
        super().__init__(
            "De datamap van de app bestaat niet als map (er staat een bestand op die plek, of een "
            "bovenliggende map ontbreekt). Er is niets gewijzigd. Vraag de beheerder VERKENNER_DB "
            "naar een bestand in een bestaande, beschrijfbare map te laten wijzen."
        )


class NaamBestaat(Exception):
    """A new scenario's normalised name is taken; ``naam`` is the stored spelling."""

    def __init__(self, naam: str) -> None:
        super().__init__(naam)
        self.naam = naam


class NaamOnbekend(Exception):
    """A new version was asked for a name that has no scenario yet."""


_BESCHADIGD = ("not a valid duckdb database", "corrupt", "checksum", "wal does not match", "serialization")
_IN_GEBRUIK = ("could not set lock", "conflicting lock")


def vertaal(error: BaseException) -> DataError:
    """The Dutch error kind for a low-level failure (logged in full for the operator)."""
    if isinstance(error, DataError):
        return error
    LOG.warning("databasefout: %r", error)
    text = str(error).lower()
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return SchijfVol()
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return GeenSchrijfrechten()
        if error.errno in (errno.ENOTDIR, errno.ENOENT, errno.EEXIST, errno.EISDIR):
            return GeenMap()
    if "no space left" in text or "disk is full" in text:
        return SchijfVol()
    if "permission denied" in text or "read-only file system" in text or "read only" in text:
        return GeenSchrijfrechten()
    if "not a directory" in text or "no such file or directory" in text:
        return GeenMap()
    if any(m in text for m in _IN_GEBRUIK):
        return InGebruik()
    if isinstance(error, duckdb.SerializationException) or any(m in text for m in _BESCHADIGD):
        return Beschadigd()
    return DataError(
        "De database gaf een onverwachte fout; er is niets gewijzigd. Probeer het opnieuw; "
        "blijft dit gebeuren, meld het dan aan de beheerder (de details staan in het logboek van de app)."
    )
