"""Assumption baselines that come from sources are data: a new huurtoeslag rule or a new national
taakstelling is an entry (here through the import), not a code change (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from core.data import load_basis
from core.invoer.opdracht import importeer
from core.model.scenario import Scenario
from core.model.taakstelling import aandeel_landelijk, project_taakstelling
from core.risico import simulatie as sim
from core.tekst import zinnen
from tests.conftest import APP

KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"
GROTE_GEZINNEN = Scenario(aandeel_grote_gezinnen=0.10, har_plus_budget=0)


def _importeer(db_path, tmp_path, *regels: str) -> list[str]:
    bestand = tmp_path / "regels.csv"
    bestand.write_text("\n".join([KOP, *regels]) + "\n", encoding="utf-8")
    uitvoer: list[str] = []
    status = importeer(db_path, bestand, ja=True, naam="Anne", reden="nieuwe regel van het Rijk",
                       vandaag=date(2027, 1, 15), uit=uitvoer.append)
    assert status == 0, uitvoer
    return uitvoer


def _rij(frame, periode: str) -> dict:
    return frame.set_index("periode").loc[periode].to_dict()


def test_the_2026_rule_comes_from_the_raadsinformatiebrief(basis):
    frame = project_taakstelling(GROTE_GEZINNEN.met(huurtoeslag_grote_gezinnen=False), basis)
    assert _rij(frame, "2026-H2")["realisatie"] == 96  # the reported 2026 rule houses them
    assert _rij(frame, "2027-H1")["realisatie"] == 86  # the switch decides from 2027
    assert "2025: nee; 2026: ja" in zinnen.bekende_huurtoeslag_zin(basis)


def test_an_entered_rule_for_2027_overrides_the_switch_for_2027_only(db_path, tmp_path):
    _importeer(db_path, tmp_path,
               "kengetal;2027;huurtoeslag/grote_gezinnen_plaatsbaar;0;rib_2026_05;Huurtoeslag 2027;2026-12-01;gerapporteerd;")
    basis = load_basis(db_path)
    frame = project_taakstelling(GROTE_GEZINNEN, basis)  # the switch on: the 2026 rules go on
    assert [_rij(frame, p)["realisatie"] for p in ("2026-H2", "2027-H1", "2027-H2", "2028-H1")] == [96, 86, 86, 96]
    assert _rij(frame, "2027-H1")["niet_geplaatst_grote_gezinnen"] == 10
    assert "2027: nee" in zinnen.bekende_huurtoeslag_zin(basis)
    # The simulation applies the same rule: its half years know where large families wait.
    h = sim.halfjaren(GROTE_GEZINNEN, basis)
    assert dict(zip(h.periodes, h.plaatsbaar))["2027-H1"] is False
    assert dict(zip(h.periodes, h.plaatsbaar))["2028-H1"] is True
    assert not sim.Regels.van(GROTE_GEZINNEN.met(har_plus_budget=500_000)).monotoon(h)


def test_a_rule_that_is_not_yes_or_no_is_refused_and_nothing_is_stored(db_path, tmp_path):
    voor = load_basis(db_path).versie
    bestand = tmp_path / "fout.csv"
    bestand.write_text(KOP + "\nkengetal;2027;huurtoeslag/grote_gezinnen_plaatsbaar;2;rib_2026_05;x;2026-12-01;gerapporteerd;\n",
                       encoding="utf-8")
    uitvoer: list[str] = []
    assert importeer(db_path, bestand, ja=True, naam="Anne", reden="x", vandaag=date(2027, 1, 15), uit=uitvoer.append) == 1
    assert "geen ja/nee-waarde" in "\n".join(uitvoer)
    assert load_basis(db_path).versie == voor


def test_a_national_taakstelling_sets_the_baseline_of_its_half_year(db_path, tmp_path):
    basis = load_basis(db_path)
    periode, aandeel = aandeel_landelijk(basis)
    # The only half year with both figures in the sources: 91 (derived) of the national 13.000.
    assert periode == "2025-H2" and aandeel == pytest.approx(91 / 13_000)
    voor = project_taakstelling(Scenario(), basis)
    assert _rij(voor, "2027-H1")["taakstelling"] == 113  # no national figure yet: the last one set, 113

    _importeer(db_path, tmp_path,
               "kengetal;2027-H1;landelijk/landelijke_taakstelling;15000;rijk_taakstelling;taakstelling 2027;2026-12-01;gerapporteerd;")
    nieuw = load_basis(db_path)
    na = project_taakstelling(Scenario(), nieuw)
    assert _rij(na, "2027-H1")["taakstelling"] == 105  # 15.000 x 91 / 13.000
    assert _rij(na, "2027-H2")["taakstelling"] == 113  # still unknown nationally
    assert _rij(na, "2026-H2")["taakstelling"] == 113  # set for Maastricht: stays
    assert _rij(project_taakstelling(Scenario(instroom_pct=20), nieuw), "2027-H1")["taakstelling"] == 126
    herkomst = _rij(na, "2027-H1")["herkomst"]
    assert "landelijke taakstelling 15.000" in herkomst and "0,70%" in herkomst
    assert "1e helft 2027: 15.000" in zinnen.laatste_taakstelling_zin(nieuw)


def test_the_pages_show_the_new_rules(db_path, tmp_path):
    _importeer(db_path, tmp_path,
               "kengetal;2027;huurtoeslag/grote_gezinnen_plaatsbaar;0;rib_2026_05;Huurtoeslag 2027;2026-12-01;gerapporteerd;",
               "kengetal;2027-H1;landelijk/landelijke_taakstelling;15000;rijk_taakstelling;taakstelling 2027;2026-12-01;gerapporteerd;")
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception
    hulp = {t.label: t.help for t in at.sidebar.toggle}
    assert any("2027: nee" in (h or "") for h in hulp.values()), hulp
    at.switch_page("views/taakstelling.py").run()
    assert not at.exception
