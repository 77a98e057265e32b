"""Writing entered figures: each entry is a new data version, append-only, with who, when, source and reason.

The only SQL for entries, undo, history, the audit log and time travel (tables in
data/schema.sql, schema 6). Nothing is ever updated or deleted: an entry inserts rows with
the next data version; undo inserts the rows as they were before (or, for a figure the
entry introduced, a row marked ``vervallen``, which readers skip). Every write is one
transaction under the cross-process write lock (``verbinding.schrijven``), and the new version number is checked against the one the
preview was made for, so an entry is never stored on data it was not checked against.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from core.data import invoerlog
from core.data.fouten import DataError
from core.data.invoerlog import VeranderdeData
from core.data.verbinding import gecachet, lezen, schrijven

TABELLEN = {  # table -> key columns (the same as core.data.SEED_TABLES)
    "halfjaarcijfer": ("periode", "grootheid"),
    "normpad": ("periode",),
    "begrotingsregel": ("jaar", "regel"),
    "kengetal": ("onderwerp", "sleutel", "periode"),
}
DOCUMENTKOLOMMEN = ("bron_id", "titel", "kort", "datum", "bestand")


def _kolommen(cursor, tabel: str) -> list[str]:
    rows = cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [tabel]
    ).fetchall()
    return [r[0] for r in rows]


def _insert(cursor, tabel: str, rij: dict, versie: int) -> None:
    kolommen = _kolommen(cursor, tabel)
    onbekend = set(rij) - set(kolommen)
    if onbekend:  # the rows come from core.invoer; a column we do not know is a programming error
        raise DataError(f"Onbekende kolommen voor {tabel}: {', '.join(sorted(onbekend))}.")
    namen = [*rij, "versie"]
    cursor.execute(
        f"INSERT INTO {tabel} ({', '.join(namen)}) VALUES ({', '.join('?' * len(namen))})",  # names: our own schema
        [*rij.values(), versie],
    )


def _nieuwe_versie(cursor, verwacht: int | None, omschrijving: str, op: datetime | None) -> int:
    laatste = cursor.execute("SELECT max(versie) FROM dataversie").fetchone()[0]
    if verwacht is not None and laatste + 1 != verwacht:
        raise VeranderdeData(
            "Intussen zijn er andere cijfers opgeslagen (dataversie "
            f"{laatste}). Er is niets opgeslagen; bekijk het voorbeeld opnieuw en sla dan op."
        )
    versie = laatste + 1
    moment = (op or datetime.now()).replace(microsecond=0)
    cursor.execute("INSERT INTO dataversie VALUES (?, ?, ?)", [versie, moment, omschrijving])
    return versie


def _transactie(path, werk):
    """One write transaction under the exclusive cross-process lock: all of it is stored, or nothing.

    With PostgreSQL configured, the versions other machines stored are replayed first, and the
    new version is logged there before the file commits (core.data.invoerlog).
    """
    invoerlog.synchroniseer(path, altijd=True)
    with schrijven(path, actie="gegevens opslaan") as con:
        versie = werk(con)
        invoerlog.publiceer(path, con, versie)
        return versie


def bewaar_invoer(
    path, rijen: list[tuple[str, dict]], documenten: list[dict], *, wie: str, gebruiker_id: str, rol: str, reden: str,
    omschrijving: str, bron_id: str | None = None, reden_bevindingen: str = "", verwachte_versie: int | None = None,
    op: datetime | None = None,
) -> int:
    """Store ``rijen`` ((table, row) pairs) and new ``documenten`` as one new data version; return its number."""
    def werk(cursor) -> int:
        versie = _nieuwe_versie(cursor, verwachte_versie, omschrijving, op)
        for doc in documenten:  # a document belongs to the version that added it (time travel)
            cursor.execute(
                f"INSERT INTO document ({', '.join(DOCUMENTKOLOMMEN)}, versie) VALUES (?, ?, ?, ?, ?, ?)",
                [*(doc.get(k) if k != "bestand" else doc.get(k, "") for k in DOCUMENTKOLOMMEN), versie],
            )
        for tabel, rij in rijen:
            if tabel not in TABELLEN:
                raise DataError(f"Onbekende tabel {tabel}.")
            _insert(cursor, tabel, rij, versie)
        cursor.execute(
            "INSERT INTO invoer VALUES (?, ?, ?, ?, ?, ?, ?, 'invoer', NULL)",
            [versie, wie, gebruiker_id, rol, bron_id, reden, reden_bevindingen],
        )
        return versie

    return _transactie(path, werk)


def _rijen_van_versie(cursor, tabel: str, versie: int) -> list[dict]:
    """The rows data version ``versie`` added to ``tabel``, as plain values without the version column."""
    gelezen = cursor.execute(f"SELECT * FROM {tabel} WHERE versie = ?", [versie])  # tabel: our own names
    namen = [d[0] for d in gelezen.description]
    return [{k: v for k, v in zip(namen, rij) if k != "versie"} for rij in gelezen.fetchall()]


def _vorige(cursor, tabel: str, rij: dict, voor_versie: int) -> dict | None:
    sleutel = TABELLEN[tabel]
    waar = " AND ".join(f"{k} = ?" for k in sleutel)
    frame = cursor.execute(
        f"SELECT * FROM {tabel} WHERE {waar} AND versie < ? ORDER BY versie DESC LIMIT 1",
        [*(rij[k] for k in sleutel), voor_versie],
    ).df()
    return frame.to_dict("records")[0] if len(frame) else None


def _later_gewijzigd(cursor, tabel: str, rij: dict, na_versie: int) -> int | None:
    sleutel = TABELLEN[tabel]
    waar = " AND ".join(f"{k} = ?" for k in sleutel)
    return cursor.execute(
        f"SELECT min(versie) FROM {tabel} WHERE {waar} AND versie > ?", [*(rij[k] for k in sleutel), na_versie]
    ).fetchone()[0]


class NietTerugTeDraaien(DataError):
    """The version cannot be undone (the start data, unknown, or changed again later)."""


def terugdraaien(path, versie: int, *, wie: str, gebruiker_id: str, rol: str, reden: str, op: datetime | None = None) -> int:
    """Undo data version ``versie`` by a new version that restores every figure it changed; return the new number."""
    def werk(cursor) -> int:
        bestaat = cursor.execute("SELECT count(*) FROM dataversie WHERE versie = ?", [versie]).fetchone()[0]
        if not bestaat:
            raise NietTerugTeDraaien(f"Dataversie {versie} bestaat niet.")
        if versie == 1:
            raise NietTerugTeDraaien("De startdata (versie 1) kunnen niet worden teruggedraaid.")
        herstel: list[tuple[str, dict]] = []
        for tabel in TABELLEN:
            for rij in _rijen_van_versie(cursor, tabel, versie):
                later = _later_gewijzigd(cursor, tabel, rij, versie)
                if later is not None:
                    sleutel = "/".join(str(rij[k]) for k in TABELLEN[tabel])
                    raise NietTerugTeDraaien(
                        f"Het cijfer {sleutel} is in versie {later} opnieuw gewijzigd; draai eerst die versie terug."
                    )
                vorige = _vorige(cursor, tabel, rij, versie)
                herstel.append((tabel, _zonder_versie(vorige) if vorige is not None else {**_zonder_versie(rij), "vervallen": True}))
        if not herstel:
            raise NietTerugTeDraaien(f"Dataversie {versie} bevat geen cijfers om terug te draaien.")
        nieuw = _nieuwe_versie(cursor, None, f"Terugdraaien van versie {versie}", op)
        for tabel, rij in herstel:
            _insert(cursor, tabel, rij, nieuw)
        cursor.execute(
            "INSERT INTO invoer VALUES (?, ?, ?, ?, NULL, ?, '', 'terugdraaien', ?)",
            [nieuw, wie, gebruiker_id, rol, reden, versie],
        )
        return nieuw

    return _transactie(path, werk)


def _zonder_versie(rij: dict) -> dict:
    return {k: (None if _leeg(v) else _python(v)) for k, v in rij.items() if k != "versie"}


def _leeg(v) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _python(v):
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v.item() if hasattr(v, "item") else v


def _lees(path, sql: str, params: list | None = None) -> pd.DataFrame:
    """A read, remembered until the file changes (pages ask on every rerun). Treat the frame as read-only.

    Other machines' entries are replayed first (with PostgreSQL configured), so history and audit
    log read the same everywhere."""
    invoerlog.synchroniseer(path)

    def lees(resolved) -> pd.DataFrame:
        with lezen(resolved) as con:
            return con.execute(sql, params or []).df()

    return gecachet(path, ("invoer", sql, tuple(params or [])), lees)


def versies(path) -> pd.DataFrame:
    """Every data version, newest first: when, what, who, why, and how many figures it stored."""
    aantallen = " + ".join(f"(SELECT count(*) FROM {t} x WHERE x.versie = d.versie)" for t in TABELLEN)
    return _lees(
        path,
        "SELECT d.versie, d.ingelezen_op, d.omschrijving, coalesce(i.wie, '') AS wie, "
        "coalesce(i.gebruiker_id, '') AS gebruiker_id, coalesce(i.rol, '') AS rol, i.bron_id, "
        "coalesce(i.reden, '') AS reden, coalesce(i.reden_bevindingen, '') AS reden_bevindingen, "
        f"coalesce(i.soort, 'start') AS soort, i.herstelt, {aantallen} AS cijfers "
        "FROM dataversie d LEFT JOIN invoer i USING (versie) ORDER BY d.versie DESC",
    )


def wijzigingen_van(path, versie: int) -> pd.DataFrame:
    """The figures one data version stored: table, key, value, provenance, and whether it took a figure away."""
    return pd.concat([_wijzigingen(path, t, versie) for t in TABELLEN], ignore_index=True)


def _waarde_sql(tabel: str) -> str:
    return {"halfjaarcijfer": "waarde", "normpad": "max_achterstand", "begrotingsregel": "bedrag", "kengetal": "waarde"}[tabel]


def _sleutel_sql(tabel: str) -> str:
    return " || '/' || ".join(f"CAST({k} AS VARCHAR)" for k in TABELLEN[tabel])


def _wijzigingen(path, tabel: str, versie: int | None) -> pd.DataFrame:
    waar = "WHERE versie = ?" if versie is not None else ""
    return _lees(
        path,
        f"SELECT versie, '{tabel}' AS tabel, {_sleutel_sql(tabel)} AS sleutel, CAST({_waarde_sql(tabel)} AS DOUBLE) AS waarde, "
        f"bron_id, sectie, peildatum, soort, toelichting, vervallen FROM {tabel} {waar} ORDER BY versie",
        [versie] if versie is not None else [],
    )


def alle_wijzigingen(path) -> pd.DataFrame:
    """Every stored row of every figure table with its version's who, when and why: the whole audit log."""
    rijen = pd.concat([_wijzigingen(path, t, None) for t in TABELLEN], ignore_index=True)
    meta = versies(path)[["versie", "ingelezen_op", "omschrijving", "wie", "gebruiker_id", "rol", "reden", "reden_bevindingen", "soort"]]
    meta = meta.rename(columns={"soort": "soort_versie"})
    return rijen.merge(meta, on="versie", how="left").sort_values(["versie", "tabel", "sleutel"], kind="stable").reset_index(drop=True)


def geschiedenis(path, tabel: str, sleutel: tuple) -> pd.DataFrame:
    """Every version of one figure, oldest first, with who, when and why."""
    if tabel not in TABELLEN:
        raise DataError(f"Onbekende tabel {tabel}.")
    waar = " AND ".join(f"t.{k} = ?" for k in TABELLEN[tabel])
    return _lees(
        path,
        f"SELECT t.versie, d.ingelezen_op, CAST(t.{_waarde_sql(tabel)} AS DOUBLE) AS waarde, t.bron_id, t.sectie, "
        "t.peildatum, t.soort, t.toelichting, t.vervallen, coalesce(i.wie, '') AS wie, coalesce(i.reden, '') AS reden, "
        "d.omschrijving "
        f"FROM {tabel} t JOIN dataversie d USING (versie) LEFT JOIN invoer i USING (versie) WHERE {waar} ORDER BY t.versie",
        list(sleutel),
    )


def versie_op(path, moment: datetime) -> int | None:
    """The data version as it stood at ``moment``: the newest read in at or before it (None: none yet)."""
    waarde = _lees(path, "SELECT max(versie) AS v FROM dataversie WHERE ingelezen_op <= ?", [moment])["v"].iloc[0]
    return None if _leeg(waarde) else int(waarde)


def eerste_moment(path) -> datetime:
    return pd.Timestamp(_lees(path, "SELECT min(ingelezen_op) AS m FROM dataversie")["m"].iloc[0]).to_pydatetime()
