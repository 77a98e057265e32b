"""Headline figures and the generated summary."""

from core.model.kerncijfers import bereken, kaarten, samenvatting
from core.model.scenario import Scenario


def test_baseline_headline_figures(basis):
    k = bereken(Scenario(), basis)
    assert (k.eerste_prognose, k.opgave, k.nodig, k.verwacht) == ("2026-H2", 184, 148, 96)
    assert [(str(d.deadline), d.norm, d.achterstand, d.haalt_norm) for d in k.deadlines] == [
        ("2027-01-01", 36, 88, False),
        ("2027-07-01", 18, 105, False),
        ("2028-01-01", 0, 122, False),
    ]
    assert round(k.reserve_eind_basisjaar) == 2_379_950
    assert k.eerste_tekortjaar is None


def test_baseline_summary_names_the_key_numbers(basis):
    text = samenvatting(Scenario(), basis)
    assert text.startswith("Basisscenario")
    for part in ["184 statushouders", "op 1 januari 2027 88 (norm 36)", "148 plaatsingen", "€ 2.379.950"]:
        assert part in text


def test_scenario_summary_says_what_differs_and_what_follows(basis):
    text = samenvatting(Scenario(huisvesting_per_halfjaar=150, zorgkosten_groei_pct=3.0), basis)
    assert "huisvesting per halfjaar 150 (basis: 96)" in text
    assert "zorgkostengroei 3% (basis: 0%)" in text
    assert "op 1 januari 2027 34 (norm 36; basis: 88)" in text
    assert "alle normen van de Provincie worden gehaald" in text
    assert "raakt op in 2028 (basis: niet vóór 2031)" in text


def test_summary_counts_the_norms_met(basis):
    text = samenvatting(Scenario(huisvesting_per_halfjaar=150, instroom_pct=20), basis)
    assert "op 1 juli 2027 20 (norm 18; basis: 105)" in text
    assert "1 van de 3 normen van de Provincie wordt gehaald" in text


def test_headline_cards_show_scenario_beside_baseline_with_their_source(basis):
    sections = kaarten(Scenario(huisvesting_per_halfjaar=150), basis)
    cards = {c.label: c for rows in sections.values() for row in rows for c in row}
    assert (cards["Achterstand 1 januari 2027"].waarde, cards["Achterstand 1 januari 2027"].basis) == ("34", "88")
    assert cards["Achterstand 1 januari 2027"].haalt_norm is True
    assert cards["Opgave 2e helft 2026"].waarde == "184"
    assert cards["Reserve eind 2026"].basis == "€ 2.379.950"
    for card in cards.values():
        assert "peildatum" in card.herkomst or card.herkomst.startswith("Prognose"), card.label
