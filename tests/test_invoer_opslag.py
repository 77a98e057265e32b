"""Storing entries on a real database file: append-only versions, who and why, undo, history, time travel, roles."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.data import invoer as data_invoer
from core.data import latest_versie, load_basis
from core.invoer import voorbereid_rijen
from core.invoer.opslaan import OngeldigeInvoer, bewaar, draai_terug
from core.model.scenario import Scenario
from core.toegang import BEHEERDER, BEWERKER, LEZER, LOKAAL, GeenToegang, Gebruiker

VANDAAG = date(2027, 2, 1)
BEWERKER_ANNE = Gebruiker("anne@maastricht.nl", "Anne", BEWERKER, aangemeld=True)
BEHEERDER_BERT = Gebruiker("bert@maastricht.nl", "Bert", BEHEERDER, aangemeld=True)


@pytest.fixture(autouse=True)
def _beide_opslagplaatsen(opslagplaats):
    """Every test here on the DuckDB file alone, and with entries logged in shared PostgreSQL."""
    return opslagplaats


def rij(periode="2026-H2", grootheid="realisatie", waarde="150", peildatum="2027-01-01") -> dict:
    return {"onderdeel": "halfjaar", "periode": periode, "grootheid": grootheid, "waarde": waarde, "bron_id": "rib_2026_05",
            "sectie": "COA-cijfers", "peildatum": peildatum, "soort": "gerapporteerd"}


def voorbeeld(db_path, *rijen):
    v = voorbereid_rijen(list(rijen), load_basis(db_path), VANDAAG)
    assert v.geldig, v.fouten
    return v


def test_entry_undo_history_and_time_travel_round_trip(db_path):
    start = load_basis(db_path)
    oud_h1 = start.halfjaarcijfers["2026-H1"]["realisatie"]
    v = voorbeeld(db_path, rij(), rij(periode="2026-H1", waarde=str(oud_h1 + 4), peildatum="2026-07-01"))
    versie = bewaar(db_path, v, BEWERKER_ANNE, reden="COA-cijfers januari", reden_bevindingen="COA telt na", op=datetime(2027, 2, 1, 10))
    assert versie == start.versie + 1 == latest_versie(db_path)
    na = load_basis(db_path)
    assert na.halfjaarcijfers["2026-H2"]["realisatie"] == 150
    assert na.halfjaarcijfers["2026-H1"]["realisatie"] == oud_h1 + 4
    assert load_basis(db_path, start.versie).halfjaarcijfers["2026-H1"]["realisatie"] == oud_h1  # nothing overwritten

    terug = draai_terug(db_path, versie, BEHEERDER_BERT, reden="verkeerd bestand", op=datetime(2027, 2, 3, 9))
    hersteld = load_basis(db_path)
    assert terug == versie + 1
    assert hersteld.halfjaarcijfers["2026-H1"]["realisatie"] == oud_h1
    assert "realisatie" not in hersteld.halfjaarcijfers["2026-H2"]  # a figure the entry introduced is gone again
    assert hersteld.halfjaar.equals(start.halfjaar.assign(versie=hersteld.halfjaar["versie"])) or \
        hersteld.halfjaarcijfers == start.halfjaarcijfers

    geschiedenis = data_invoer.geschiedenis(db_path, "halfjaarcijfer", ("2026-H1", "realisatie"))
    assert list(geschiedenis["waarde"]) == [oud_h1, oud_h1 + 4, oud_h1]
    assert list(geschiedenis["wie"]) == ["", "Anne", "Bert"]
    assert list(geschiedenis["reden"]) == ["", "COA-cijfers januari", "verkeerd bestand"]

    log = data_invoer.versies(db_path)
    assert list(log["versie"]) == [terug, versie, 1]
    assert list(log["soort"]) == ["terugdraaien", "invoer", "start"]
    assert log.iloc[1]["gebruiker_id"] == "anne@maastricht.nl" and log.iloc[1]["reden_bevindingen"] == "COA telt na"
    assert log.iloc[0]["herstelt"] == versie and log.iloc[1]["cijfers"] == 2

    assert data_invoer.versie_op(db_path, datetime(2027, 2, 2)) == versie
    assert data_invoer.versie_op(db_path, datetime(2027, 2, 3, 9)) == terug
    assert load_basis(db_path, data_invoer.versie_op(db_path, datetime(2027, 2, 2))).halfjaarcijfers["2026-H2"]["realisatie"] == 150
    assert data_invoer.versie_op(db_path, datetime(2000, 1, 1)) is None


def test_roles_are_checked_in_the_core(db_path):
    v = voorbeeld(db_path, rij())
    lezer = Gebruiker("lees@maastricht.nl", "Lees", LEZER, aangemeld=True)
    with pytest.raises(GeenToegang, match="Basiscijfers invoeren en uploaden mag alleen een bewerker of beheerder"):
        bewaar(db_path, v, lezer, reden="x")
    versie = bewaar(db_path, v, BEWERKER_ANNE, reden="x")
    with pytest.raises(GeenToegang, match="Gegevensinvoer ongedaan maken mag alleen een beheerder"):
        draai_terug(db_path, versie, BEWERKER_ANNE, reden="x")
    assert latest_versie(db_path) == versie


def test_what_must_be_said_before_storing(db_path):
    v = voorbeeld(db_path, rij(), rij(grootheid="achterstand_eind", waarde="50"))
    assert v.vraagt_reden_bevindingen
    with pytest.raises(OngeldigeInvoer, match="Vul de reden van deze invoer in"):
        bewaar(db_path, v, BEWERKER_ANNE, reden="  ")
    with pytest.raises(OngeldigeInvoer, match="Leg uit waarom u ze toch opslaat"):
        bewaar(db_path, v, BEWERKER_ANNE, reden="COA")
    with pytest.raises(OngeldigeInvoer, match="Vul uw naam in"):  # local mode: the name is typed in
        bewaar(db_path, v, LOKAAL, reden="COA", reden_bevindingen="COA corrigeert nog")
    assert latest_versie(db_path) == 1
    bewaar(db_path, v, LOKAAL, naam="Carla", reden="COA", reden_bevindingen="COA corrigeert nog")
    assert data_invoer.versies(db_path).iloc[0]["wie"] == "Carla"


def test_a_preview_made_on_older_data_is_not_stored(db_path):
    eerste, tweede = voorbeeld(db_path, rij()), voorbeeld(db_path, rij(waarde="151"))
    bewaar(db_path, eerste, BEWERKER_ANNE, reden="x")
    with pytest.raises(data_invoer.VeranderdeData, match="Intussen zijn er andere cijfers opgeslagen"):
        bewaar(db_path, tweede, BEWERKER_ANNE, reden="y")
    assert load_basis(db_path).halfjaarcijfers["2026-H2"]["realisatie"] == 150


def test_undo_refuses_what_a_later_entry_changed_again(db_path):
    eerste = bewaar(db_path, voorbeeld(db_path, rij()), BEWERKER_ANNE, reden="x")
    bewaar(db_path, voorbeeld(db_path, rij(waarde="152")), BEWERKER_ANNE, reden="correctie")
    with pytest.raises(data_invoer.NietTerugTeDraaien, match=f"opnieuw gewijzigd; draai eerst die versie terug"):
        draai_terug(db_path, eerste, BEHEERDER_BERT, reden="x")
    with pytest.raises(data_invoer.NietTerugTeDraaien, match="startdata"):
        draai_terug(db_path, 1, BEHEERDER_BERT, reden="x")
    assert load_basis(db_path).halfjaarcijfers["2026-H2"]["realisatie"] == 152


def test_a_circulaire_rate_is_an_entry_not_a_code_change(db_path):
    """A DU MO indexation the circulaire sets for a year replaces the slider's assumption for that year only."""
    from core.model.reserve import begrotingsregels

    v = voorbeeld(db_path, {"onderdeel": "kengetal", "periode": "2027", "grootheid": "indexatie/du_mo_pct", "waarde": "2,4",
                            "bron_id": "regiobegroting_2026", "sectie": "meicirculaire", "peildatum": "", "soort": "gerapporteerd"})
    bewaar(db_path, v, BEWERKER_ANNE, reden="meicirculaire")
    basis = load_basis(db_path)
    regels = begrotingsregels(Scenario(du_mo_indexatie_pct=1.0), basis)
    du_mo = regels[regels["regel"] == "DU MO-bijdrage (100%)"].set_index("jaar")["bedrag"]
    assert du_mo[2027] == pytest.approx(du_mo[2026] * 1.024)  # the circulaire's 2,4% in 2027
    assert du_mo[2028] == pytest.approx(du_mo[2027] * 1.01)  # the scenario's 1% after it
    assert {e.sleutel: e for e in v.effecten}["reserve_horizon"].verandert


def test_the_simulation_does_not_vary_a_rate_a_circulaire_set(db_path):
    """With every DU MO rate up to the horizon set by circulaires, the DU MO spread changes nothing."""
    from core.model.reserve import REKENHORIZON
    from core.risico import simuleer

    basis = load_basis(db_path)
    zonder = Scenario(bandbreedte_du_mo_indexatie=0.0, bandbreedte_zorgkosten_groei=0.0)
    met = Scenario(bandbreedte_du_mo_indexatie=2.0, bandbreedte_zorgkosten_groei=0.0)
    assert not simuleer(zonder, basis, paden=500, seed=1).reserve.equals(simuleer(met, basis, paden=500, seed=1).reserve)
    rijen = [{"onderdeel": "kengetal", "periode": str(j), "grootheid": "indexatie/du_mo_pct", "waarde": "2",
              "bron_id": "regiobegroting_2026", "sectie": "circulaire", "peildatum": "", "soort": "gerapporteerd"}
             for j in range(basis.basisjaar + 1, REKENHORIZON + 1)]
    bewaar(db_path, voorbeeld(db_path, *rijen), BEWERKER_ANNE, reden="circulaires")
    basis = load_basis(db_path)
    assert simuleer(zonder, basis, paden=500, seed=1).reserve.equals(simuleer(met, basis, paden=500, seed=1).reserve)


def test_a_new_document_belongs_to_its_version(db_path):
    from core.invoer.controle import NieuwDocument

    doc = NieuwDocument("coa_2027_01", "COA-rapportage januari 2027", "COA januari 2027", "2026-11")
    v = voorbereid_rijen([{**rij(periode="2025-H2", peildatum=""), "bron_id": "coa_2027_01"}], load_basis(db_path), VANDAAG, [doc])
    versie = bewaar(db_path, v, BEWERKER_ANNE, reden="COA", reden_bevindingen="nageleverd")
    assert load_basis(db_path).documenttitels["coa_2027_01"] == doc.titel
    assert "coa_2027_01" not in load_basis(db_path, versie - 1).documenttitels  # time travel: not there yet
    assert data_invoer.versies(db_path).iloc[0]["bron_id"] == "coa_2027_01"
