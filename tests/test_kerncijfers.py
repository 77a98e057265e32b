"""Headline figures: defined once, compared with the baseline for the same year."""

from core.model.kerncijfers import basislijn, bereken, kaartparen, kerncijfers
from core.model.scenario import Scenario


def test_baseline_headline_figures(basis):
    k = bereken(Scenario(), basis)
    assert (k.eerste_prognose, k.opgave, k.nodig, k.verwacht, k.nodig_plan) == ("2026-H2", 184, 148, 96, 148)
    assert [(str(d.deadline), d.norm, d.achterstand, d.haalt_norm) for d in k.deadlines] == [
        ("2027-01-01", 36, 88, False),
        ("2027-07-01", 18, 105, False),
        ("2028-01-01", 0, 122, False),
    ]
    assert [d.periode for d in k.doorgetrokken] == [f"{j}-H{h}" for j in range(2028, 2031) for h in (1, 2)]
    assert round(k.reserve_eind_basisjaar) == 2_379_950
    assert k.uitputting.jaar == 2031  # a year, even though the horizon shown ends in 2030
    assert k.trede == 2


def test_reading_b_adds_the_1_juli_2026_deadline(basis):
    k = bereken(Scenario(lezing_raadsinformatiebrief="b"), basis)
    assert [(str(d.deadline), d.status, d.achterstand) for d in k.deadlines][0] == ("2026-07-01", "tussenstand", 50)


def test_every_figure_has_a_label_unit_and_provenance(basis):
    for k in kerncijfers(Scenario(lezing_raadsinformatiebrief="b", eind_jaar=2035), basis):
        assert k.label and k.eenheid in {"personen", "euro", "jaar"} and k.tekst
        assert "peildatum" in k.herkomst or k.herkomst.startswith("Prognose"), k.label


def test_cards_pair_each_figure_with_the_baseline_for_the_same_year(basis):
    scenario = Scenario(huisvesting_per_halfjaar=150, eind_jaar=2035)
    paren = {eigen.sleutel: (eigen, basis_k) for rows in kaartparen(scenario, basis).values() for rij in rows for eigen, basis_k in rij}
    eigen, basis_k = paren["reserve_horizon"]
    assert eigen.label == basis_k.label == "Reserve eind 2035"
    assert basis_k.waarde == bereken(basislijn(scenario), basis).reserve_eind_horizon
    eigen, basis_k = paren["deadline:2026-H2"]
    assert (eigen.tekst, basis_k.tekst, eigen.haalt_norm) == ("34", "88", True)
    assert paren["opgave"][0].tekst == "184"
    assert paren["reserve_basisjaar"][1].tekst == "€ 2.379.950"
    assert paren["uitputting"][1].tekst == "2031"


def test_the_realised_deadline_is_the_baselines_figure_under_reading_b(basis):
    paren = {e.sleutel: (e, b) for rows in kaartparen(Scenario(lezing_raadsinformatiebrief="b"), basis).values() for rij in rows for e, b in rij}
    eigen, basis_k = paren["deadline:2026-H1"]
    assert (eigen.tekst, basis_k.tekst) == ("50", "71")


def test_run_out_texts(basis):
    teksten = {k.sleutel: k.tekst for k in kerncijfers(Scenario(reserve_na_centrumregeling=1), basis)}
    assert teksten["uitputting"] == "niet: eind 2027 uitgekeerd"
    teksten = {k.sleutel: k.tekst for k in kerncijfers(Scenario(du_mo_indexatie_pct=5.0, iubw_indexatie_pct=5.0), basis)}
    assert teksten["uitputting"] == "na 2040"
