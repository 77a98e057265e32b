"""The store's error kinds, each with a Dutch message that says what to do."""

from __future__ import annotations


class DataError(Exception):
    """A problem with the database or the seed files, with a message for the user (Dutch)."""


class SchemaVersionError(DataError):
    """The database file was made by a schema version this app cannot read or upgrade."""
