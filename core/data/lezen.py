"""Reading the base figures: one ``Basis`` per data version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import duckdb
import pandas as pd

from core.data.bouwen import SEED_TABLES
from core.data.fouten import DataError
from core.data.verbinding import connection


@dataclass(frozen=True, eq=False)
class Basis:
    """All base figures at one data version. Treat the frames as read-only."""

    versie: int
    halfjaar: pd.DataFrame
    normpad: pd.DataFrame
    begroting: pd.DataFrame
    kengetallen: pd.DataFrame
    documenten: pd.DataFrame

    # Plain-Python views of the frames, computed once per Basis: the projections run on
    # every slider move, and filtering small frames with pandas would dominate them.

    @cached_property
    def halfjaarcijfers(self) -> dict[str, dict[str, int]]:
        """{periode: {grootheid: waarde}}."""
        table: dict[str, dict[str, int]] = {}
        for (periode, grootheid), row in self.halfjaar_rijen.items():
            table.setdefault(periode, {})[grootheid] = int(row["waarde"])
        return table

    @cached_property
    def halfjaar_rijen(self) -> dict[tuple[str, str], dict]:
        """{(periode, grootheid): full row with its source}."""
        return {(r["periode"], r["grootheid"]): r for r in self.halfjaar.to_dict("records")}

    @cached_property
    def norm_rijen(self) -> dict[str, dict]:
        return {r["periode"]: r for r in self.normpad.to_dict("records")}

    @cached_property
    def kengetal_rijen(self) -> dict[tuple[str, str, str], dict]:
        return {(r["onderwerp"], r["sleutel"], r["periode"]): r for r in self.kengetallen.to_dict("records")}

    @cached_property
    def normen(self) -> dict[str, int]:
        """{periode: maximum achterstand at the end of that half year}."""
        return dict(zip(self.normpad["periode"], (int(v) for v in self.normpad["max_achterstand"])))

    @cached_property
    def deadlines(self) -> dict[str, date]:
        return dict(zip(self.normpad["periode"], (d.date() for d in pd.to_datetime(self.normpad["deadline"]))))

    @cached_property
    def documenttitels(self) -> dict[str, str]:
        return dict(zip(self.documenten["bron_id"], self.documenten["titel"]))

    @cached_property
    def documentnamen(self) -> dict[str, str]:
        """Short document names, for provenance inside tables."""
        return dict(zip(self.documenten["bron_id"], self.documenten["kort"]))

    @cached_property
    def basisjaar(self) -> int:
        """The year of the newest begroting: the first year of the reserve projection."""
        return int(self.begroting["jaar"].max())

    @cached_property
    def begrotingsregels(self) -> list[dict]:
        """The lines of the newest begroting as records."""
        return self.begroting[self.begroting["jaar"] == self.basisjaar].to_dict("records")

    def kengetal(self, onderwerp: str, sleutel: str, periode: str) -> float:
        try:
            return float(self.kengetal_rijen[(onderwerp, sleutel, periode)]["waarde"])
        except KeyError:
            raise DataError(f"Kengetal ontbreekt in de basisdata: {onderwerp}/{sleutel}/{periode}.") from None

    def kengetallen_van(self, onderwerp: str, sleutel: str) -> dict[str, float]:
        """{periode: waarde} for one kengetal."""
        return {p: float(r["waarde"]) for (o, k, p), r in self.kengetal_rijen.items() if (o, k) == (onderwerp, sleutel)}


def _read(path: str | os.PathLike | None, sql: str, params: list | None = None) -> pd.DataFrame:
    cursor = connection(path).cursor()
    try:
        return cursor.execute(sql, params or []).df()
    except duckdb.Error as error:
        raise DataError(f"De database kon niet worden gelezen: {error}") from error
    finally:
        cursor.close()


def latest_versie(path: str | os.PathLike | None = None) -> int:
    """The newest data version in the database (cheap: checked on every rerun as a cache key)."""
    cursor = connection(path).cursor()
    try:
        return int(cursor.execute("SELECT max(versie) FROM dataversie").fetchone()[0])
    except duckdb.Error as error:
        raise DataError(f"De database kon niet worden gelezen: {error}") from error
    finally:
        cursor.close()


def _as_of(path, table: str, key: tuple[str, ...], versie: int, order: str) -> pd.DataFrame:
    partition = ", ".join(key)
    # The newest row per key at or below the version; a key whose newest row is marked vervallen
    # (taken away again by an undo, core/data/invoer.py) is left out.
    return _read(
        path,
        f"SELECT * EXCLUDE (vervallen) FROM (SELECT * FROM {table} WHERE versie <= ? "  # our own constants
        f"QUALIFY row_number() OVER (PARTITION BY {partition} ORDER BY versie DESC) = 1) "
        f"WHERE vervallen IS NOT TRUE ORDER BY {order}",
        [versie],
    )


def load_basis(path: str | os.PathLike | None = None, versie: int | None = None) -> Basis:
    """All base figures as they were at data version ``versie`` (default: the newest)."""
    versie = latest_versie(path) if versie is None else versie
    tables = {table: key for table, key in SEED_TABLES.values()}
    begroting = _as_of(path, "begrotingsregel", tables["begrotingsregel"], versie, "jaar, stroom, kant DESC, regel")
    begroting["bedrag"] = begroting["bedrag"].astype(float)
    kengetallen = _as_of(path, "kengetal", tables["kengetal"], versie, "onderwerp, sleutel, periode")
    kengetallen["waarde"] = kengetallen["waarde"].astype(float)
    return Basis(
        versie=versie,
        halfjaar=_as_of(path, "halfjaarcijfer", tables["halfjaarcijfer"], versie, "periode, grootheid"),
        normpad=_as_of(path, "normpad", tables["normpad"], versie, "periode"),
        begroting=begroting,
        kengetallen=kengetallen,
        documenten=_read(path, "SELECT * FROM document ORDER BY datum, bron_id"),
    )


