"""core.invoer: the template, reading and checking an entry, and its preview, on the real seed data."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from core.invoer import KOLOMNAMEN, sjabloon_csv, sjabloon_excel, voorbereid_bestand, voorbereid_rijen
from core.invoer.controle import NieuwDocument, lees_getal
from core.invoer.inlezen import MAX_BYTES
from core.model.kerncijfers import bereken
from core.model.scenario import Scenario

VANDAAG = date(2027, 2, 1)  # after 2026-H2 closed: the day COA's figures for it can be entered
KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"


def csv(*regels: str, kop: str = KOP) -> bytes:
    return ("\r\n".join([kop, *regels]) + "\r\n").encode("utf-8")


def rij(periode="2026-H2", grootheid="realisatie", waarde="150", **extra) -> dict:
    return {"onderdeel": "halfjaar", "periode": periode, "grootheid": grootheid, "waarde": waarde,
            "bron_id": "rib_2026_05", "sectie": "Stand van zaken", "peildatum": "2027-01-01",
            "soort": "gerapporteerd", "toelichting": "", **extra}


def fouten(voorbeeld) -> list[str]:
    assert not voorbeeld.cijfers and not voorbeeld.wijzigingen, "a refused entry has nothing to store"
    return [f.tekst for f in voorbeeld.fouten]


def test_a_new_half_year_rolls_the_headline_figures_forward(basis):
    achterstand_eind = basis.halfjaarcijfers["2026-H1"]["achterstand_eind"]
    taakstelling = basis.halfjaarcijfers["2026-H2"]["taakstelling"]
    realisatie, nieuwe_taakstelling = 150, 100
    eind = achterstand_eind + taakstelling - realisatie
    v = voorbereid_bestand("cijfers.csv", csv(
        f"halfjaar;2026-H2;realisatie;{realisatie};rib_2026_05;COA;2027-01-01;gerapporteerd;",
        f"halfjaar;2026-H2;achterstand_eind;{eind};rib_2026_05;COA;2027-01-01;gerapporteerd;",
        f"halfjaar;2027-H1;taakstelling;{nieuwe_taakstelling};rib_2026_05;Rijk;2027-01-01;gerapporteerd;",
    ), basis, VANDAAG)
    assert v.geldig, v.fouten
    assert [(w.cijfer, w.oud, w.nieuw) for w in v.wijzigingen] == [
        ("realisatie 2e helft 2026", None, "150"),
        ("achterstand eind 2e helft 2026", None, str(eind)),
        ("taakstelling 1e helft 2027", None, "100"),
    ]
    effect = {e.sleutel: e for e in v.effecten}
    assert (effect["opgave"].label_nu, effect["opgave"].nu) == ("Opgave 2e helft 2026", str(achterstand_eind + taakstelling))
    assert (effect["opgave"].label_straks, effect["opgave"].straks) == ("Opgave 1e helft 2027", str(eind + nieuwe_taakstelling))
    assert bereken(Scenario(), v.basis_na).eerste_prognose == "2027-H1"
    assert v.bevindingen == []  # the entered backlog follows from its parts


def test_a_figure_that_breaks_the_backlog_identity_needs_a_reason(basis):
    v = voorbereid_rijen([rij(waarde="150"), rij(grootheid="achterstand_eind", waarde="50")], basis, VANDAAG)
    assert v.geldig
    assert v.vraagt_reden_bevindingen
    [b] = v.bevindingen
    berekend = basis.halfjaarcijfers["2026-H1"]["achterstand_eind"] + basis.halfjaarcijfers["2026-H2"]["taakstelling"] - 150
    assert (b.periode, b.gerapporteerd, b.berekend) == ("2026-H2", 50, berekend)
    assert "Raadsinformatiebrief Sociaal Domein" in b.bron_gerapporteerd and "peildatum 1 januari 2027" in b.bron_gerapporteerd
    assert "20 mei 2026" in b.bronnen_berekening  # both sources named


def test_a_correction_shows_old_and_new_value(basis):
    oud = basis.halfjaarcijfers["2025-H2"]["realisatie"]
    v = voorbereid_rijen([rij(periode="2025-H2", waarde=str(oud + 2), bron_id="provincie_2026_03")], basis, VANDAAG)
    [w] = v.wijzigingen
    assert (w.oud, w.nieuw, w.verschil) == (str(oud), str(oud + 2), "+2")
    assert w.herkomst_gewijzigd  # another section and peildatum than the stored figure
    assert any(b.periode == "2025-H2" for b in v.bevindingen)  # 75 + 91 − 97 is not 71


def test_begroting_line_kengetal_and_new_document(basis):
    doc = NieuwDocument("jaarrekening_2026", "Jaarrekening 2026 Zicht op Thuis", "jaarrekening 2026", "2027-01")
    rijen = [
        {**rij(), "onderdeel": "begroting", "periode": "2027", "grootheid": "Zorg Beschermd Wonen",
         "waarde": "12.100.000,50", "bron_id": "jaarrekening_2026", "peildatum": "2027-01"},
        {**rij(), "onderdeel": "kengetal", "periode": "2026", "grootheid": "reserve/stand_jaarrekening",
         "waarde": "€ 3.700.000", "omschrijving": "Stand reserve volgens de jaarrekening", "eenheid": "euro",
         "bron_id": "jaarrekening_2026", "peildatum": "2027-01"},
    ]
    v = voorbereid_rijen(rijen, basis, VANDAAG, [doc])
    assert fouten(v) == [
        "Een begroting voor 2027 is de nieuwe basis van de reserveprognose en vraagt ook de beginstand van de reserve "
        "in 2027: voeg in hetzelfde bestand een rij toe met onderdeel kengetal, periode 2027, grootheid reserve/stand_begin."
    ]
    rijen.append({**rijen[1], "grootheid": "reserve/stand_begin", "periode": "2027", "omschrijving": ""})
    v = voorbereid_rijen(rijen, basis, VANDAAG, [doc])
    assert v.geldig, v.fouten
    regel, kengetal, _ = v.cijfers
    assert (regel.rij["bedrag"], regel.rij["stroom"], regel.rij["kant"], regel.rij["indexatie"]) == (12_100_000.5, "BW", "lasten", "zorgkosten")
    assert kengetal.rij["waarde"] == 3_700_000
    assert v.basis_na.documenttitels["jaarrekening_2026"] == doc.titel
    assert v.basis_na.basisjaar == 2027


@pytest.mark.parametrize("tekst, waarde", [
    ("116", 116), ("3805532,37", 3805532.37), ("3.805.532,37", 3805532.37), ("€ 514.922,00", 514922),
    ("2,5%", 2.5), ("-415583", -415583), ("−415.583,00", -415583), ("3805532.37", 3805532.37),
])
def test_numbers_as_people_type_them(tekst, waarde):
    assert lees_getal(tekst, euro=True) == pytest.approx(waarde)


def test_an_ambiguous_amount_is_refused():
    with pytest.raises(ValueError, match="dubbelzinnig"):
        lees_getal("514.922", euro=True)


# --- every kind of bad input: a Dutch message naming the row and the column, nothing to store ----------

@pytest.mark.parametrize("regel, verwacht", [
    ("halfjaar;2026-H2;realisatie;veel;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom waarde: 'veel' is geen getal"),
    ("halfjaar;2026-H2;realisatie;-3;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom waarde: -3 is negatief"),
    ("halfjaar;2026-H2;realisatie;12,5;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom waarde: 12,50 is geen heel aantal"),
    ("halfjaar;2026-H3;realisatie;5;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom periode: '2026-H3' is geen halfjaar"),
    ("halfjaar;2026-H2;woningen;5;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom grootheid: 'woningen' is geen grootheid"),
    ("begroting;2027;Zorg Thuis;5;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom grootheid: 'Zorg Thuis' is een onbekende begrotingsregel"),
    ("halfjaar;2026-H2;realisatie;5;rib_2026_05;s;2027-03-01;gerapporteerd;", "Rij 2, kolom peildatum: 1 maart 2027 ligt in de toekomst"),
    ("halfjaar;2027-H2;realisatie;5;rib_2026_05;s;;gerapporteerd;", "Rij 2, kolom periode: 2e helft 2027 is nog niet begonnen"),
    ("halfjaar;2026-H2;realisatie;5;coa;s;2027-01-01;gerapporteerd;", "Rij 2, kolom bron_id: het document 'coa' is onbekend"),
    ("halfjaar;2026-H2;realisatie;5;rib_2026_05;s;gisteren;gerapporteerd;", "Rij 2, kolom peildatum: 'gisteren' is geen datum"),
    ("halfjaar;2026-H2;realisatie;5;rib_2026_05;s;2027-02-30;gerapporteerd;", "Rij 2, kolom peildatum: '2027-02-30' is geen bestaande datum"),
    ("halfjaar;2026-H2;realisatie;5;rib_2026_05;;2027-01-01;gerapporteerd;", "Rij 2, kolom sectie: leeg"),
    ("halfjaar;2026-H2;realisatie;5;rib_2026_05;s;2027-01-01;geschat;", "Rij 2, kolom soort: 'geschat' is geen soort"),
    ("statushouders;2026-H2;realisatie;5;rib_2026_05;s;2027-01-01;gerapporteerd;", "Rij 2, kolom onderdeel: 'statushouders' is geen onderdeel"),
    ("kengetal;2026;reserve/nieuw;5;rib_2026_05;s;;gerapporteerd;", "Rij 2, kolom omschrijving: leeg"),
])
def test_bad_cells(basis, regel, verwacht):
    meldingen = fouten(voorbereid_bestand("cijfers.csv", csv(regel), basis, VANDAAG))
    assert any(m.startswith(verwacht) for m in meldingen), meldingen


def test_duplicate_rows_name_both_rows(basis):
    regel = "halfjaar;2026-H2;realisatie;150;rib_2026_05;s;2027-01-01;gerapporteerd;"
    meldingen = fouten(voorbereid_bestand("c.csv", csv(regel, regel.replace("150", "151")), basis, VANDAAG))
    assert meldingen == ["Rij 3: dit cijfer (realisatie 2e helft 2026) staat ook in rij 2; elk cijfer mag één keer voorkomen."]


def test_missing_and_unknown_columns(basis):
    kop = "onderdeel;periode;grootheid;aantal;bron_id;sectie;soort"
    meldingen = fouten(voorbereid_bestand("c.csv", csv("halfjaar;2026-H2;realisatie;5;rib_2026_05;s;gerapporteerd", kop=kop), basis, VANDAAG))
    assert meldingen[0].startswith("Rij 1: Deze verplichte kolom ontbreekt in de kopregel: waarde")
    assert meldingen[1].startswith("Rij 1: Onbekende kolom in de kopregel: aantal")


@pytest.mark.parametrize("naam, inhoud, verwacht", [
    ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00", "Een bestand met de extensie .png kan niet worden ingelezen"),
    ("cijfers.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "Dit is geen CSV- of Excel-bestand"),
    ("cijfers.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "Dit is een Excel-bestand in het oude formaat"),
    ("cijfers.csv", b"", "Het bestand is leeg"),
    ("cijfers.csv", b"a" * (MAX_BYTES + 1), "Het bestand is te groot (2,0 MB)"),
    ("cijfers.csv", csv(), "Het bestand bevat geen cijfers"),
])
def test_files_that_are_not_a_template(basis, naam, inhoud, verwacht):
    meldingen = fouten(voorbereid_bestand(naam, inhoud, basis, VANDAAG))
    assert meldingen[0].startswith(verwacht), meldingen


def test_a_half_written_csv_is_recognised(basis):
    heel = csv("halfjaar;2026-H2;realisatie;150;rib_2026_05;\"Stand van zaken\";2027-01-01;gerapporteerd;",
               "halfjaar;2027-H1;taakstelling;100;rib_2026_05;Rijk;2027-01-01;gerapporteerd;")
    afgebroken_in_citaat = heel[: heel.index(b"van zaken")]
    assert "onvolledig" in fouten(voorbereid_bestand("c.csv", afgebroken_in_citaat, basis, VANDAAG))[0]
    afgebroken_in_rij = heel[: heel.index(b"Rijk")]
    [melding] = fouten(voorbereid_bestand("c.csv", afgebroken_in_rij, basis, VANDAAG))
    assert melding.startswith("Rij 3: deze rij heeft 6 velden, de kopregel 9; het bestand lijkt afgebroken")
    laatste_waarde_half = csv("halfjaar;2026-H2;realisatie;150;rib_2026_05;COA;2027-01-01;gerapporteerd;1200 statushouders")[:-8]
    assert fouten(voorbereid_bestand("c.csv", laatste_waarde_half, basis, VANDAAG))[0].startswith(
        "Het bestand eindigt midden in een regel")


def _xlsx(rijen: list[list]) -> bytes:
    werkmap = openpyxl.Workbook()
    for r in rijen:
        werkmap.active.append(r)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def test_excel_with_typed_cells(basis):
    inhoud = _xlsx([KOP.split(";"), ["halfjaar", "2026-H2", "realisatie", 150, "rib_2026_05", "COA", datetime(2027, 1, 1), "gerapporteerd"]])
    v = voorbereid_bestand("cijfers.xlsx", inhoud, basis, VANDAAG)
    assert v.geldig, v.fouten
    assert v.cijfers[0].rij == {**v.cijfers[0].rij, "waarde": 150, "peildatum": "2027-01-01"}


def test_excel_formulas_and_damaged_workbooks_are_refused(basis):
    formule = _xlsx([KOP.split(";"), ["halfjaar", "2026-H2", "realisatie", "=100+50", "rib_2026_05", "COA", "2027-01-01", "gerapporteerd"]])
    assert fouten(voorbereid_bestand("c.xlsx", formule, basis, VANDAAG))[0].startswith("Rij 2, kolom waarde: deze cel bevat een formule")
    heel = _xlsx([KOP.split(";"), ["halfjaar", "2026-H2", "realisatie", 150, "rib_2026_05", "COA", "2027-01-01", "gerapporteerd"]])
    assert "onvolledig of beschadigd" in fouten(voorbereid_bestand("c.xlsx", heel[: len(heel) // 2], basis, VANDAAG))[0]


def test_templates_have_every_column_and_read_back(basis):
    assert sjabloon_csv().decode("utf-8-sig").strip() == ";".join(KOLOMNAMEN)
    assert "geen cijfers" in fouten(voorbereid_bestand("sjabloon.csv", sjabloon_csv(), basis, VANDAAG))[0]
    assert "geen cijfers" in fouten(voorbereid_bestand("sjabloon.xlsx", sjabloon_excel(), basis, VANDAAG))[0]
    # the examples carry placeholders (no source filled in): they are refused for that, not for their form
    for naam, inhoud in (("v.csv", sjabloon_csv(True)), ("v.xlsx", sjabloon_excel(True))):
        meldingen = fouten(voorbereid_bestand(naam, inhoud, basis, VANDAAG))
        assert {m.split(":")[0] for m in meldingen} == {"Rij 2, kolom bron_id", "Rij 2, kolom sectie", "Rij 3, kolom bron_id", "Rij 3, kolom sectie"}


def test_new_documents_are_checked(basis):
    docs = [NieuwDocument("rib_2026_05", "x", "x"), NieuwDocument("Nieuw Doc", "", "k", "2030")]
    meldingen = fouten(voorbereid_rijen([rij()], basis, VANDAAG, docs))
    assert "Nieuw document 1, bron_id: 'rib_2026_05' bestaat al" in meldingen[0]
    assert any(m.startswith("Nieuw document 2, bron_id") for m in meldingen)
    assert any(m.startswith("Nieuw document 2, titel") for m in meldingen)
    assert any(m.startswith("Nieuw document 2, datum: 2030 ligt in de toekomst") for m in meldingen)
