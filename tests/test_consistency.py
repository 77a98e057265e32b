"""The general consistency checks over the stored history."""

from core.model.consistency import check_achterstand, check_all, check_begrotingstotalen, check_opgave, check_reserve


def test_finds_the_provincie_inconsistency_of_8_persons(basis):
    findings = check_achterstand(basis)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.periode == "2026-H1"
    assert (finding.gerapporteerd, finding.berekend, finding.verschil) == (71, 79, -8)
    # The letter was written before the half year ended: both readings are named, neither declared wrong.
    assert finding.ernst == "twee lezingen"
    assert "Lezing (a)" in finding.lezingen and "een verschil van 8 personen" in finding.lezingen
    assert "Lezing (b): 96 is een tussenstand op 20 mei 2026" in finding.lezingen
    assert "als na 20 mei 2026 nog 8 statushouders een woning krijgen" in finding.lezingen
    assert "Raadsinformatiebrief" in finding.bron_gerapporteerd
    assert "Provincie Limburg" in finding.bronnen_berekening


def test_reported_opgaven_are_consistent(basis):
    assert check_opgave(basis) == []


def test_begroting_rounding_is_flagged_as_rounding(basis):
    findings = check_begrotingstotalen(basis)
    assert {(f.omschrijving.split(":")[0], f.verschil) for f in findings} == {
        ("Subtotaal MO", -1.0),
        ("Totaal Centrumregeling", -1.0),
    }
    assert {f.ernst for f in findings} == {"afronding"}


def test_reserve_end_follows_from_the_reported_result(basis):
    assert check_reserve(basis) == []


def test_warnings_come_first(basis):
    assert [f.ernst for f in check_all(basis)] == ["twee lezingen", "afronding", "afronding"]


def test_a_new_inconsistent_figure_is_caught_by_the_same_rule(db_path):
    from core import data
    from core.data import load_basis

    load_basis(db_path)
    with data.connection(db_path) as con:
        con.execute("INSERT INTO dataversie VALUES (2, now(), 'nieuwe realisatie')")
        for grootheid, waarde in [("realisatie", 150), ("achterstand_eind", 10)]:
            con.execute(
                "INSERT INTO halfjaarcijfer VALUES ('2026-H2', ?, ?, 'rib_2026_05', 'test', '2027-01-01', "
                "'gerapporteerd', '', 2, false)",
                [grootheid, waarde],
            )
    findings = [f for f in check_achterstand(load_basis(db_path)) if f.periode == "2026-H2"]
    # A realisation counted over the whole half year: a plain inconsistency, no second reading.
    assert [(f.gerapporteerd, f.berekend, f.ernst) for f in findings] == [(10, 71 + 113 - 150, "waarschuwing")]
