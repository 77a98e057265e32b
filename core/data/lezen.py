"""Reading the base figures: one ``Basis`` per data version."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import duckdb
import pandas as pd

from core.data import invoerlog
from core.data.bouwen import SEED_TABLES
from core.data.fouten import DataError
from core.data.verbinding import gecachet, lezen


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

    @cached_property
    def regelnamen(self) -> tuple[str, ...]:
        """The names of those lines: what a scenario's one-off lines (``eenmalig``) may name."""
        return tuple(line["regel"] for line in self.begrotingsregels)

    def kengetal(self, onderwerp: str, sleutel: str, periode: str) -> float:
        try:
            return float(self.kengetal_rijen[(onderwerp, sleutel, periode)]["waarde"])
        except KeyError:
            raise DataError(f"Kengetal ontbreekt in de basisdata: {onderwerp}/{sleutel}/{periode}.") from None

    def kengetallen_van(self, onderwerp: str, sleutel: str) -> dict[str, float]:
        """{periode: waarde} for one kengetal."""
        return {p: float(r["waarde"]) for (o, k, p), r in self.kengetal_rijen.items() if (o, k) == (onderwerp, sleutel)}


def latest_versie(path: str | os.PathLike | None = None) -> int:
    """The newest data version (cached until the file changes: checked on every rerun).

    With PostgreSQL configured, the entries other machines stored are replayed first (at most
    once a second, core.data.invoerlog).
    """
    invoerlog.synchroniseer(path)
    return gecachet(path, ("dataversie",), _lees_nieuwste)


def _lees_nieuwste(path: Path) -> int:
    with lezen(path) as con:
        return int(con.execute("SELECT max(versie) FROM dataversie").fetchone()[0])


def _as_of(con: duckdb.DuckDBPyConnection, table: str, key: tuple[str, ...], versie: int, order: str) -> pd.DataFrame:
    # Per key the newest row at or below the version (portable SQL: no QUALIFY).
    partition = ", ".join(key)
    # A key whose newest row is marked vervallen (taken away again by an undo, core/data/invoer.py) is left out.
    return con.execute(
        f"SELECT * EXCLUDE (_rang, vervallen) FROM (SELECT *, row_number() OVER (PARTITION BY {partition} ORDER BY versie DESC) "
        f"AS _rang FROM {table} WHERE versie <= ?) WHERE _rang = 1 AND NOT vervallen ORDER BY {order}",  # our own constants
        [versie],
    ).df()


def load_basis(path: str | os.PathLike | None = None, versie: int | None = None) -> Basis:
    """All base figures as they were at data version ``versie`` (default: the newest)."""
    versie = latest_versie(path) if versie is None else int(versie)
    return gecachet(path, ("basis", versie), lambda resolved: _lees_basis(resolved, versie))


def _lees_basis(path: Path, versie: int) -> Basis:
    tables = {table: key for table, key in SEED_TABLES.values()}
    with lezen(path) as con:
        begroting = _as_of(con, "begrotingsregel", tables["begrotingsregel"], versie, "jaar, stroom, kant DESC, regel")
        kengetallen = _as_of(con, "kengetal", tables["kengetal"], versie, "onderwerp, sleutel, periode")
        halfjaar = _as_of(con, "halfjaarcijfer", tables["halfjaarcijfer"], versie, "periode, grootheid")
        normpad = _as_of(con, "normpad", tables["normpad"], versie, "periode")
        documenten = con.execute(
            "SELECT * EXCLUDE (versie) FROM document WHERE versie <= ? ORDER BY datum, bron_id", [versie]
        ).df()
    begroting["bedrag"] = begroting["bedrag"].astype(float)
    kengetallen["waarde"] = kengetallen["waarde"].astype(float)
    return Basis(
        versie=versie, halfjaar=halfjaar, normpad=normpad, begroting=begroting,
        kengetallen=kengetallen, documenten=documenten,
    )
