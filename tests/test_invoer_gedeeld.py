"""Entered figures shared through PostgreSQL: two app machines, each with its own DuckDB file, one
shared database. An entry through one is read, with the same version number, who and why, through
the other; an undo goes the other way; a preview made before the other machine stored is refused;
a file that went its own way is named, never silently mixed (issue 12)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.data import gedeeld, invoerlog, latest_versie, load_basis
from core.data import invoer as data_invoer
from core.invoer import voorbereid_rijen
from core.invoer.opslaan import bewaar, draai_terug
from core.toegang import BEHEERDER, BEWERKER, Gebruiker

VANDAAG = date(2027, 2, 1)
ANNE = Gebruiker("anne@maastricht.nl", "Anne", BEWERKER, aangemeld=True)
BERT = Gebruiker("bert@maastricht.nl", "Bert", BEHEERDER, aangemeld=True)


def _rij(waarde: int) -> dict:
    return {"onderdeel": "halfjaar", "periode": "2026-H2", "grootheid": "realisatie", "waarde": str(waarde),
            "bron_id": "rib_2026_05", "sectie": "COA-cijfers", "peildatum": "2027-01-01", "soort": "gerapporteerd"}


def _voorbeeld(path, waarde: int):
    v = voorbereid_rijen([_rij(waarde)], load_basis(path), VANDAAG)
    assert v.geldig, v.fouten
    return v


@pytest.fixture
def twee_machines(tmp_path, monkeypatch, postgres_database):
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, postgres_database)
    gedeeld.vergeet_schema()
    invoerlog.vergeet()
    monkeypatch.setattr(invoerlog, "VERVERS_S", 0.0)  # ask the server on every read, as after a second
    return tmp_path / "machine_a.duckdb", tmp_path / "machine_b.duckdb"


def test_an_entry_on_one_machine_is_read_on_the_other(twee_machines):
    a, b = twee_machines
    assert load_basis(b).versie == 1  # B's file exists before A stores anything
    versie = bewaar(a, _voorbeeld(a, 150), ANNE, reden="COA januari", op=datetime(2027, 2, 1, 10))
    assert versie == 2
    op_b = load_basis(b)
    assert op_b.versie == 2 and op_b.halfjaarcijfers["2026-H2"]["realisatie"] == 150
    log_b = data_invoer.versies(b).iloc[0]
    assert (log_b["versie"], log_b["wie"], log_b["gebruiker_id"], log_b["reden"]) == (2, "Anne", "anne@maastricht.nl", "COA januari")
    assert str(log_b["ingelezen_op"]) == "2027-02-01 10:00:00"

    terug = draai_terug(b, versie, BERT, reden="verkeerd bestand", op=datetime(2027, 2, 2, 9))
    assert terug == 3
    op_a = load_basis(a)
    assert op_a.versie == 3 and "realisatie" not in op_a.halfjaarcijfers["2026-H2"]
    assert list(data_invoer.versies(a)["soort"]) == ["terugdraaien", "invoer", "start"]
    audit_a, audit_b = data_invoer.alle_wijzigingen(a), data_invoer.alle_wijzigingen(b)
    assert audit_a.drop(columns=["ingelezen_op"]).equals(audit_b.drop(columns=["ingelezen_op"]))
    # A third machine that starts later takes over every entry, under the same numbers.
    c = a.parent / "machine_c.duckdb"
    assert latest_versie(c) == 3 and load_basis(c, 2).halfjaarcijfers["2026-H2"]["realisatie"] == 150


def test_a_preview_made_before_the_other_machine_stored_is_refused(twee_machines):
    a, b = twee_machines
    op_a, op_b = _voorbeeld(a, 150), _voorbeeld(b, 160)  # both previews on version 1
    assert bewaar(b, op_b, ANNE, reden="B eerst") == 2
    with pytest.raises(data_invoer.VeranderdeData, match="Intussen zijn er"):
        bewaar(a, op_a, ANNE, reden="A daarna")
    assert load_basis(a).halfjaarcijfers["2026-H2"]["realisatie"] == 160
    assert list(data_invoer.versies(a)["reden"]) == ["B eerst", ""]


def test_a_file_with_entries_made_before_postgres_is_refused_while_the_log_is_empty(tmp_path, monkeypatch, postgres_database):
    pad = tmp_path / "machine.duckdb"
    bewaar(pad, _voorbeeld(pad, 150), ANNE, reden="lokaal ingevoerd")  # version 2, before PostgreSQL
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, postgres_database)
    gedeeld.vergeet_schema()
    invoerlog.vergeet()
    with pytest.raises(invoerlog.LooptNietGelijk, match="Dataversie 2 van dit databasebestand"):
        load_basis(pad)
    with pytest.raises(invoerlog.LooptNietGelijk):
        bewaar(pad, _voorbeeld(tmp_path / "ander.duckdb", 151), ANNE, reden="opnieuw")
    with gedeeld.lezen(None) as pg:
        assert pg.execute("SELECT count(*) FROM gegevensinvoer").fetchone()[0] == 0


def test_a_new_document_travels_with_its_entry(twee_machines):
    from core.invoer.controle import NieuwDocument

    a, b = twee_machines
    doc = NieuwDocument("coa_jan_2027", "COA-rapportage januari 2027", "COA jan", "2026-11")
    v = voorbereid_rijen([{**_rij(150), "bron_id": "coa_jan_2027"}], load_basis(a), VANDAAG, [doc])
    assert v.geldig, v.fouten
    bewaar(a, v, ANNE, reden="nieuw document")
    op_b = load_basis(b)
    assert op_b.documenttitels["coa_jan_2027"] == "COA-rapportage januari 2027"
    assert op_b.halfjaar_rijen[("2026-H2", "realisatie")]["bron_id"] == "coa_jan_2027"


def test_a_file_with_its_own_entries_is_named_not_mixed(twee_machines, monkeypatch, postgres_database):
    a, b = twee_machines
    monkeypatch.delenv(gedeeld.POSTGRES_ENV)
    moment = datetime(2027, 2, 1, 10)  # the same second and description: only the figures differ
    bewaar(a, _voorbeeld(a, 150), ANNE, reden="lokaal, voor PostgreSQL er was", op=moment)  # version 2, only in A's file
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, postgres_database)
    bewaar(b, _voorbeeld(b, 160), ANNE, reden="gedeeld", op=moment)  # version 2 in the shared log
    with pytest.raises(invoerlog.LooptNietGelijk, match="Dataversie 2 van dit databasebestand is een andere"):
        load_basis(a)
    with pytest.raises(invoerlog.LooptNietGelijk):
        bewaar(a, _voorbeeld(b, 170), ANNE, reden="x")
    monkeypatch.delenv(gedeeld.POSTGRES_ENV)
    assert load_basis(a).halfjaarcijfers["2026-H2"]["realisatie"] == 150  # A's own figures untouched


def test_an_unreachable_server_refuses_an_entry_and_keeps_the_pages_on_their_figures(tmp_path, monkeypatch):
    pad = tmp_path / "machine.duckdb"
    assert load_basis(pad).versie == 1
    voorbeeld = _voorbeeld(pad, 150)
    monkeypatch.setenv(gedeeld.POSTGRES_ENV, "postgresql://verkenner@127.0.0.1:9/verkenner?connect_timeout=1")
    invoerlog.vergeet()
    assert load_basis(pad).versie == 1  # reads go on with this file's figures
    with pytest.raises(gedeeld.GedeeldeDatabaseOnbereikbaar):
        bewaar(pad, voorbeeld, ANNE, reden="x")
    monkeypatch.delenv(gedeeld.POSTGRES_ENV)
    assert latest_versie(pad) == 1  # nothing stored
