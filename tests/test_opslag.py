"""Saving, versioning, reopening and archiving scenarios: every test runs on a real DuckDB file and
on a real PostgreSQL database (the shared store, ``VERKENNER_POSTGRES``)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import data, opslag
from core.data import gedeeld
from core.data import load_basis
from core.opslag import OngeldigeInvoer
from core.model.scenario import Scenario

pytestmark = pytest.mark.usefixtures("opslagplaats")

VARIANT = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5, eenmalig=[])


@pytest.fixture
def db(db_path):
    load_basis(db_path)
    return db_path


def test_save_and_reopen_round_trip(db):
    saved = opslag.bewaar(VARIANT, "Hoge instroom", "Instroom +20%, DU MO 2,5%", 1, path=db)
    assert (saved.naam, saved.versie, saved.data_versie) == ("Hoge instroom", 1, 1)
    reopened = opslag.open_scenario(saved.id, path=db)
    assert reopened.scenario == VARIANT
    assert reopened.omschrijving == "Instroom +20%, DU MO 2,5%"
    assert opslag.open_scenario(999, path=db) is None


def test_saving_again_makes_a_new_version_and_keeps_the_old(db):
    first = opslag.bewaar(VARIANT, "Hoge instroom", "", 1, path=db)
    second = opslag.bewaar(VARIANT.met(instroom_pct=30), "hoge  INSTROOM", "meer", 1, nieuwe_versie=True, path=db)
    assert (second.naam, second.versie) == ("Hoge instroom", 2)
    assert [v.versie for v in opslag.versies("Hoge instroom", path=db)] == [1, 2]
    assert opslag.open_scenario(first.id, path=db).scenario.instroom_pct == 20
    assert [s.label for s in opslag.lijst(path=db)] == ["Hoge instroom (versie 2)"]


@pytest.mark.parametrize(
    "naam, omschrijving, message",
    [
        ("", "", "Geef het scenario een naam"),
        ("   ", "", "Geef het scenario een naam"),
        ("x" * 81, "", "maximum is 80"),
        ("Goed", "y" * 1001, "maximum is 1000"),
    ],
)
def test_invalid_names_and_descriptions_are_refused(db, naam, omschrijving, message):
    with pytest.raises(OngeldigeInvoer, match=message):
        opslag.bewaar(VARIANT, naam, omschrijving, 1, path=db)
    assert opslag.lijst(path=db, gearchiveerd=True) == []


def test_a_duplicate_name_gets_a_clear_message(db):
    opslag.bewaar(VARIANT, "Hoge instroom", "", 1, path=db)
    with pytest.raises(OngeldigeInvoer, match="bestaat al een scenario met de naam 'Hoge instroom'"):
        opslag.bewaar(Scenario(), " hoge instroom ", "", 1, path=db)
    with pytest.raises(OngeldigeInvoer, match="nog geen scenario"):
        opslag.bewaar(Scenario(), "Onbekend", "", 1, nieuwe_versie=True, path=db)


def test_archive_hides_but_never_deletes(db):
    saved = opslag.bewaar(VARIANT, "Oud plan", "", 1, path=db)
    opslag.archiveer("Oud plan", path=db)
    assert opslag.lijst(path=db) == []
    assert [s.gearchiveerd for s in opslag.lijst(path=db, gearchiveerd=True)] == [True]
    assert opslag.open_scenario(saved.id, path=db).scenario == VARIANT  # short links keep working
    opslag.herstel("Oud plan", path=db)
    assert [s.naam for s in opslag.lijst(path=db)] == ["Oud plan"]


def test_a_saved_scenario_keeps_its_data_version(db):
    saved = opslag.bewaar(VARIANT, "Voor de correctie", "", 1, path=db)
    with data.connection(db) as con:
        con.execute("INSERT INTO dataversie VALUES (2, now(), 'nieuwe cijfers')")
    assert data.latest_versie(db) == 2
    assert opslag.open_scenario(saved.id, path=db).data_versie == 1


def test_scenarios_survive_reopening_the_file(db):
    saved = opslag.bewaar(VARIANT, "Blijvend", "", 1, path=db)
    data.close_all()
    assert opslag.open_scenario(saved.id, path=db).scenario == VARIANT


def test_settings_are_stored_as_typed_values_with_a_format_version(db):
    saved = opslag.bewaar(VARIANT.met(huurtoeslag_grote_gezinnen=False), "Getypeerd", "", 1, path=db)
    with gedeeld.lezen(db) as con:
        stored = json.loads(con.execute("SELECT instellingen FROM opgeslagen_scenario WHERE id = ?", [saved.id]).fetchone()[0])
    assert stored == {
        "formaat": 2,
        "waarden": {"instroom_pct": 20, "du_mo_indexatie_pct": 2.5, "eenmalig": [], "huurtoeslag_grote_gezinnen": False},
    }


@pytest.mark.parametrize(
    "waarde, reden",
    [("2,5 %", "geen getal"), (2.45, "geen stap"), (True, "geen getal"), (250, "buiten het bereik")],
)
def test_a_stored_value_that_cannot_be_read_is_reported_never_silently_replaced(db, waarde, reden):
    saved = opslag.bewaar(VARIANT, "Gewijzigd", "", 1, path=db)
    with gedeeld.schrijven(db, "test") as con:
        document = {"formaat": 2, "waarden": {"instroom_pct": 20, "du_mo_indexatie_pct": waarde}}
        con.execute("UPDATE opgeslagen_scenario SET instellingen = ? WHERE id = ?", [json.dumps(document), saved.id])
    reopened = opslag.open_scenario(saved.id, path=db)
    assert reopened.scenario.instroom_pct == 20
    [melding] = reopened.problemen
    assert "Indexatie DU MO per jaar" in melding and reden in melding and "basiswaarde" in melding


def test_a_name_differing_only_in_case_or_spaces_is_the_same_scenario_in_the_schema(db):
    opslag.bewaar(VARIANT, "Hoge instroom", "", 1, path=db)
    with pytest.raises(data.DataError):  # even past the rules in core.opslag: the schema refuses
        with gedeeld.schrijven(db, "test") as con:
            con.execute(
                "INSERT INTO opgeslagen_scenario VALUES (99, 'HOGE INSTROOM', 'hoge instroom', 1, '', '{}', 1, now())"
            )
    assert [s.naam for s in opslag.lijst(path=db)] == ["Hoge instroom"]


@pytest.mark.parametrize("naam", ["Met\x00nul", "Escape\x1b[31m", "Bel\x07"])
def test_control_characters_are_refused(db, naam):
    with pytest.raises(OngeldigeInvoer, match="stuurteken"):
        opslag.bewaar(VARIANT, naam, "", 1, path=db)
    with pytest.raises(OngeldigeInvoer, match="stuurteken"):
        opslag.bewaar(VARIANT, "Goed", naam, 1, path=db)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(naam=st.text(max_size=90), omschrijving=st.text(max_size=60))
def test_what_is_stored_is_what_was_entered_or_refused_in_dutch(db, naam, omschrijving):
    try:
        saved = opslag.bewaar(VARIANT, naam, omschrijving, 1, path=db)
    except OngeldigeInvoer as fout:
        assert str(fout) and str(fout)[0].isupper()  # a Dutch sentence from core.opslag's own list
        assert any(w in str(fout) for w in ("naam", "omschrijving", "stuurteken", "scenario"))
        return
    schoon_naam, schoon_omschrijving = opslag.valideer(naam, omschrijving)
    data.close_all()  # read back from the file, not from this process's cache
    reopened = opslag.open_scenario(saved.id, path=db)
    assert (reopened.naam, reopened.omschrijving, reopened.scenario) == (schoon_naam, schoon_omschrijving, VARIANT)
    assert schoon_naam == " ".join(naam.split()) and schoon_omschrijving == omschrijving.strip()


def test_the_configured_store_holds_the_saves_and_the_other_holds_none(db, opslagplaats):
    opslag.bewaar(VARIANT, "Gedeeld", "", 1, path=db)
    with data.lezen(db) as con:
        in_bestand = con.execute("SELECT count(*) FROM opgeslagen_scenario").fetchone()[0]
    assert in_bestand == (0 if opslagplaats == "postgres" else 1)
    assert [s.naam for s in opslag.lijst(path=db)] == ["Gedeeld"]


def test_names_come_back_as_text_from_a_server_that_stores_bytes(db, postgres_server, monkeypatch):
    """A database created as SQL_ASCII (PostgreSQL's default where the server's locale is C, as in a
    minimal image) gives bytes to a client that takes the server's encoding; the store asks for UTF-8."""
    import psycopg

    naam, beheer = "ascii_proef", postgres_server.url  # .../postgres
    with psycopg.connect(beheer, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {naam} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    try:
        monkeypatch.setenv(gedeeld.POSTGRES_ENV, beheer.rsplit("/", 1)[0] + "/" + naam)
        gedeeld.vergeet_schema()
        opslag.bewaar(VARIANT, "Plan van de wethouder: één", "Vóór de raad", 1, path=db)
        [bewaard] = opslag.lijst(path=db)
        assert (bewaard.naam, bewaard.omschrijving) == ("Plan van de wethouder: één", "Vóór de raad")
    finally:
        with psycopg.connect(beheer, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")
