"""Malformed uploads (Hypothesis): nothing is stored, nothing crashes, and the message names the problem."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data import latest_versie, load_basis
from core.invoer import voorbereid_bestand
from core.invoer.opslaan import OngeldigeInvoer, bewaar
from core.invoer.sjabloon import KOLOMNAMEN
from core.toegang import LOKAAL

VANDAAG = date(2027, 2, 1)
KOP = ["onderdeel", "periode", "grootheid", "waarde", "bron_id", "sectie", "peildatum", "soort", "toelichting"]
GOED = [
    ["halfjaar", "2026-H2", "realisatie", "140", "rib_2026_05", "COA", "2027-01-01", "gerapporteerd", "n.v.t."],
    ["halfjaar", "2027-H1", "taakstelling", "100", "rib_2026_05", "Rijk", "2026-12-15", "gerapporteerd", ""],
    ["kengetal", "2026", "reserve/stand_jaarrekening", "3.700.000,00", "regiobegroting_2026", "jaarrekening", "", "gerapporteerd", ""],
]
INSTELLINGEN = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def als_csv(rijen: list[list[str]], scheiding: str = ";") -> bytes:
    def veld(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in f'{scheiding}"\n\r') else v
    return ("\r\n".join(scheiding.join(veld(v) for v in r) for r in rijen) + "\r\n").encode("utf-8")


def als_xlsx(rijen: list[list[str]]) -> bytes:
    werkmap = openpyxl.Workbook()
    for r in rijen:
        werkmap.active.append(r)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def basis(tmp_path_factory):
    return load_basis(tmp_path_factory.mktemp("h") / "v.duckdb")


def weigert_en_bewaart_niets(v, db_path) -> list[str]:
    """The preview refuses: messages, no figures; and storing it is refused with nothing written."""
    assert v.fouten and not v.cijfers and not v.wijzigingen
    for fout in v.fouten:
        assert fout.tekst.strip() and "Traceback" not in fout.tekst
    voor = latest_versie(db_path)
    with pytest.raises(OngeldigeInvoer):
        bewaar(db_path, v, LOKAAL, naam="Test", reden="test")
    assert latest_versie(db_path) == voor
    return [f.tekst for f in v.fouten]


def test_the_valid_file_is_valid(basis):
    for naam, inhoud in (("c.csv", als_csv([KOP, *GOED])), ("c.xlsx", als_xlsx([KOP, *GOED]))):
        v = voorbereid_bestand(naam, inhoud, basis, VANDAAG)
        assert v.geldig, v.fouten


@INSTELLINGEN
@given(rij=st.integers(0, len(GOED) - 1),
       tekst=st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"]), min_size=1, max_size=30)
       .filter(lambda t: re.search(r"[^\W\d_]", t)),
       formaat=st.sampled_from(["csv", "xlsx"]))
def test_text_in_a_number_field_names_row_and_column(basis, db_path, rij, tekst, formaat):
    rijen = [list(r) for r in GOED]
    rijen[rij][3] = tekst
    inhoud = als_csv([KOP, *rijen]) if formaat == "csv" else als_xlsx([KOP, *rijen])
    meldingen = weigert_en_bewaart_niets(voorbereid_bestand(f"c.{formaat}", inhoud, basis, VANDAAG), db_path)
    assert any(m.startswith(f"Rij {rij + 2}, kolom waarde:") for m in meldingen) or (
        formaat == "xlsx" and tekst.startswith("=") and any("formule" in m for m in meldingen)
    ) or any(m.startswith("Rij") and "velden" in m for m in meldingen), meldingen


@INSTELLINGEN
@given(rij=st.integers(0, len(GOED) - 1), kolom=st.sampled_from(["periode", "soort", "bron_id", "peildatum", "onderdeel"]),
       tekst=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=20))
def test_a_wrong_cell_is_named(basis, db_path, rij, kolom, tekst):
    rijen = [list(r) for r in GOED]
    i = KOP.index(kolom)
    if tekst.strip() == rijen[rij][i] or (kolom == "peildatum" and not tekst.strip()):
        return
    rijen[rij][i] = tekst
    v = voorbereid_bestand("c.csv", als_csv([KOP, *rijen]), basis, VANDAAG)
    if v.geldig:  # a text that happens to be right (e.g. another valid date)
        return
    meldingen = weigert_en_bewaart_niets(v, db_path)
    assert any(m.startswith(f"Rij {rij + 2}") for m in meldingen) or any(m.startswith("Rij") and "velden" in m for m in meldingen) \
        or any("onvolledig" in m or "Het bestand" in m or "binaire gegevens" in m for m in meldingen), meldingen


HELE_BESTANDEN = {"csv": als_csv([KOP, *GOED]), "xlsx": als_xlsx([KOP, *GOED])}  # made once: a workbook holds its time


@INSTELLINGEN
@given(data=st.data(), formaat=st.sampled_from(["csv", "xlsx"]))
def test_a_truncated_file(basis, db_path, data, formaat):
    heel = HELE_BESTANDEN[formaat]
    knip = data.draw(st.integers(1, len(heel) - 1))
    v = voorbereid_bestand(f"c.{formaat}", heel[:knip], basis, VANDAAG)
    if formaat == "csv" and v.geldig:  # cut at a line end: exactly the complete rows, as they were
        regels = len(re.findall(rb"\r\n|\r|\n", heel[:knip])) - 1
        assert [c.herkomst for c in v.cijfers] == list(range(2, 2 + regels))
        return
    meldingen = weigert_en_bewaart_niets(v, db_path)
    if formaat == "xlsx":
        assert any("onvolledig of beschadigd" in m or "geen geldig" in m for m in meldingen), meldingen


@INSTELLINGEN
@given(inhoud=st.binary(min_size=1, max_size=3000), naam=st.sampled_from(["c.csv", "c.xlsx", "c.pdf", "c", "c.xls"]))
def test_arbitrary_bytes(basis, db_path, inhoud, naam):
    v = voorbereid_bestand(naam, inhoud, basis, VANDAAG)
    assert not v.geldig
    weigert_en_bewaart_niets(v, db_path)


@INSTELLINGEN
@given(kop=st.lists(st.sampled_from([*KOLOMNAMEN, "aantal", "Waarde ", ""]), min_size=1, max_size=12))
def test_any_header(basis, db_path, kop):
    rijen = [[("x" if k else "") for k in kop]]
    v = voorbereid_bestand("c.csv", als_csv([kop, *rijen]), basis, VANDAAG)
    assert not v.geldig
    meldingen = weigert_en_bewaart_niets(v, db_path)
    normaal = [k.strip().casefold() for k in kop]
    if not set(KOP[:8]) - {"peildatum"} <= set(normaal):
        assert any(m.startswith("Rij 1: Deze verplichte kolom") for m in meldingen) or meldingen == ["Het bestand is leeg."], meldingen
