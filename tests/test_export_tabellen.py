"""Tables exported as Dutch CSV and as Excel workbooks, read back with pandas and openpyxl."""

import io
import re
from datetime import date, datetime

import numpy as np
import openpyxl
from openpyxl.utils import get_column_letter
import pandas as pd
import pytest

from core.export.tabellen import csv_bytes, excel_bytes
from core.model import vergelijken as vgl
from core.model.parameters import PARAMETERS, PARAMETERS_BY_NAME
from core.model.reserve import project_reserve
from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling
from core.tekst.tabellen import BENODIGD, EURO, RESERVE, TAAKSTELLING, Kolom

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


def getallen(frame: pd.DataFrame, kolommen: dict, gelezen: bool = False) -> dict[str, np.ndarray]:
    """The numeric columns as float arrays (NaN where missing), keyed by Dutch header."""
    return {
        k.kop: pd.Series(frame[k.kop if gelezen else column], dtype="Float64").to_numpy(dtype=float, na_value=np.nan)
        for column, k in kolommen.items()
        if k.opmaak.excel_formaat
    }


def assert_zelfde_getallen(gelezen: pd.DataFrame, origineel: pd.DataFrame, kolommen: dict) -> None:
    verwacht = getallen(origineel, kolommen)
    terug = getallen(gelezen, kolommen, gelezen=True)
    assert list(terug) == list(verwacht)
    for kop, values in verwacht.items():
        # Exports carry euros to the cent and other fractions to two decimals; whole numbers exactly.
        np.testing.assert_allclose(terug[kop], values, rtol=0, atol=0.005 + 1e-9, equal_nan=True, err_msg=kop)
        heel = ~np.isnan(values) & (values == np.round(values))
        np.testing.assert_array_equal(terug[kop][heel], values[heel], err_msg=kop)


# --- CSV ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def taakstelling(basis):
    return project_taakstelling(Scenario(), basis)


def csv_regels(data: bytes) -> list[list[str]]:
    return [line.split(";") for line in data.decode("utf-8-sig").split("\r\n") if line]


def test_csv_is_dutch_excel_csv(taakstelling):
    data = csv_bytes(taakstelling.drop(columns="herkomst"), {c: k for c, k in TAAKSTELLING.items() if c != "herkomst"})
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Dutch Excel then reads UTF-8
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    header, *rows = csv_regels(data)
    assert header[:5] == ["Halfjaar", "Status", "Achterstand begin", "Taakstelling", "Opgave"]
    row = dict(zip(header, next(r for r in rows if r[0] == "2026-H2")))
    assert row["Opgave"] == "184"
    assert row["Haalt norm"] == "nee"
    missing = dict(zip(header, next(r for r in rows if r[0] == "2025-H1")))
    assert missing["Taakstelling"] == ""  # no taakstelling was set for that half year


def test_csv_decimal_comma_and_no_thousands_separator(basis):
    data = csv_bytes(benodigde_plaatsingen(Scenario(), basis), BENODIGD)
    header, *rows = csv_regels(data)
    row = dict(zip(header, rows[0]))
    assert row["Halfjaar"] == "2026-H2"
    assert row["Nodig per maand"] == "24,67"
    reserve = dict(zip(*csv_regels(csv_bytes(project_reserve(SCENARIO, basis), RESERVE))[:2]))
    assert reserve["Reserve eind"] == "2379950,37"  # a number to the cent, not "€ 2.379.950"


@pytest.mark.parametrize(
    "project, kolommen",
    [(project_taakstelling, TAAKSTELLING), (benodigde_plaatsingen, BENODIGD), (project_reserve, RESERVE)],
    ids=["taakstelling", "benodigd", "reserve"],
)
def test_csv_reads_back_to_the_same_numbers(basis, project, kolommen):
    frame = project(SCENARIO, basis)
    gelezen = pd.read_csv(io.BytesIO(csv_bytes(frame, kolommen)), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(gelezen.columns) == [k.kop for k in kolommen.values()]
    assert_zelfde_getallen(gelezen, frame, kolommen)


def test_csv_leaves_the_callers_frame_alone(taakstelling):
    before = taakstelling.copy()
    csv_bytes(taakstelling, TAAKSTELLING)
    pd.testing.assert_frame_equal(taakstelling, before)


# --- Excel -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tabellen(basis):
    return {"taakstelling": project_taakstelling(SCENARIO, basis), "reserve": project_reserve(SCENARIO, basis)}


@pytest.fixture(scope="module")
def xlsx(basis, tabellen) -> bytes:
    bladen = {"Taakstelling": (tabellen["taakstelling"], TAAKSTELLING), "Reserve": (tabellen["reserve"], RESERVE)}
    return excel_bytes(bladen, SCENARIO, basis)


@pytest.fixture(scope="module")
def werkmap(xlsx):
    return openpyxl.load_workbook(io.BytesIO(xlsx))


def cellen(blad) -> list:
    return [cel for rij in blad.iter_rows() for cel in rij if cel.value is not None]


def test_excel_sheets_in_order(werkmap):
    assert werkmap.sheetnames == ["Taakstelling", "Reserve", "Aannames", "Bronnen"]


@pytest.mark.parametrize("blad, kolommen", [("Taakstelling", TAAKSTELLING), ("Reserve", RESERVE)])
def test_excel_sheet_reads_back_to_the_core_output(xlsx, tabellen, blad, kolommen):
    gelezen = pd.read_excel(io.BytesIO(xlsx), sheet_name=blad)
    frame = tabellen[blad.lower()]
    assert list(gelezen.columns) == [k.kop for k in kolommen.values()]
    assert len(gelezen) == len(frame)
    assert_zelfde_getallen(gelezen, frame, kolommen)


def test_excel_reserve_and_taakstelling_values(xlsx):
    reserve = pd.read_excel(io.BytesIO(xlsx), sheet_name="Reserve").set_index("Jaar")
    assert reserve.loc[2026, "Reserve eind"] == pytest.approx(2379950.37, abs=0.01)
    taak = pd.read_excel(io.BytesIO(xlsx), sheet_name="Taakstelling").set_index("Halfjaar")
    assert taak.loc["2026-H2", "Opgave"] == 184
    assert taak.loc["2026-H2", "Haalt norm"] == "nee"
    assert pd.isna(taak.loc["2025-H1", "Taakstelling"])  # missing stays empty, not "–"


def test_excel_numbers_are_numbers_with_the_columns_format(werkmap):
    blad = werkmap["Reserve"]
    koppen = [cel.value for cel in blad[1]]
    cel = blad.cell(2, koppen.index("Reserve eind") + 1)
    assert isinstance(cel.value, float)
    assert cel.number_format == EURO.excel_formaat
    opgave = werkmap["Taakstelling"].cell(2, [c.value for c in werkmap["Taakstelling"][1]].index("Opgave") + 1)
    assert isinstance(opgave.value, int) and opgave.number_format == TAAKSTELLING["opgave"].opmaak.excel_formaat


def test_excel_header_bold_frozen_and_columns_sized(werkmap):
    blad = werkmap["Taakstelling"]
    assert all(cel.font.bold for cel in blad[1])
    assert blad.freeze_panes == "A2"
    breedtes = [blad.column_dimensions[letter].width for letter in "ABCL"]
    assert all(8 <= b <= 60 for b in breedtes)
    herkomst = get_column_letter([c.value for c in blad[1]].index("Herkomst") + 1)
    assert blad.column_dimensions[herkomst].width == 60  # long text, capped


def test_excel_aannames_sheet(werkmap, basis):
    blad = werkmap["Aannames"]
    teksten = [str(cel.value) for cel in cellen(blad)]
    assert all(p.label in teksten for p in PARAMETERS)
    rijen = {rij[0]: rij for rij in blad.iter_rows(values_only=True) if rij[0]}
    kop = list(rijen["Aanname"])
    assert kop[:9] == ["Aanname", "Scenario", "Basiswaarde", "Eenheid", "Bereik", "Soort", "Bron", "Citaat", "Onderbouwing"]
    instroom = dict(zip(kop, rijen[PARAMETERS_BY_NAME["instroom_pct"].label]))
    assert instroom["Scenario"] == "+20%"
    assert instroom["Basiswaarde"] == PARAMETERS_BY_NAME["instroom_pct"].formatteer(0)
    assert instroom["Wijkt af van basis"] == "ja"
    assert rijen["Dataversie"][1] == basis.versie
    assert rijen["Datum export"][1].date() == date.today()


def test_excel_bronnen_sheet(werkmap, basis):
    blad = werkmap["Bronnen"]
    teksten = " ".join(str(cel.value) for cel in cellen(blad))
    assert "Raadsinformatiebrief" in teksten
    assert all(titel in teksten for titel in basis.documenten["titel"])
    # Peildata are as precise as their source, so they are text: "november 2025", "onbekend".
    teksten_set = {cel.value for cel in cellen(blad)}
    assert {"20 mei 2026", "november 2025", "onbekend"} <= teksten_set
    assert not [cel for cel in cellen(blad) if isinstance(cel.value, datetime)]
    assert [cel.value for cel in blad[1]][-2:] == ["Peildatum", "Toelichting"]


def test_excel_sheet_names_are_cut_to_31_characters(basis, tabellen):
    naam = "Reserve Beschermd Thuis per jaar en per stroom"
    data = excel_bytes({naam: (tabellen["reserve"], RESERVE)}, Scenario(), basis)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == naam[:31]




# --- text never becomes a formula; numbers are the numbers they are ----------------------

GEVAARLIJK = ['=HYPERLINK("http://example.org","Klik")', "+31 6 1234", "-1+2", "@SUM(A1)", "\tx", "a\x00b"]


def test_csv_writes_formula_like_text_as_text():
    frame = pd.DataFrame({"naam": GEVAARLIJK})
    data = csv_bytes(frame, {"naam": Kolom("Naam")}).decode("utf-8-sig")
    velden = [line for line in data.split("\r\n")[1:] if line]
    assert all(not veld.strip('"').startswith(("=", "+", "-", "@", "\t")) for veld in velden), velden
    assert '\'=HYPERLINK(""http://example.org"",""Klik"")' in data
    assert "\x00" not in data


def test_excel_writes_formula_like_text_as_text(basis):
    frame = pd.DataFrame({"naam": GEVAARLIJK})
    werkmap_ = openpyxl.load_workbook(io.BytesIO(excel_bytes({"Namen": (frame, {"naam": Kolom("Naam")})}, Scenario(), basis)))
    cellen_ = [werkmap_["Namen"].cell(r, 1) for r in range(2, 2 + len(GEVAARLIJK))]
    assert [c.data_type for c in cellen_] == ["s"] * len(GEVAARLIJK)
    assert cellen_[0].value == GEVAARLIJK[0] and cellen_[0].quotePrefix
    assert cellen_[-1].value == "ab"  # a control character Excel cannot hold is dropped, not the download


def test_a_saved_scenario_name_in_the_aannames_sheet_is_text(basis):
    data = excel_bytes({}, SCENARIO, basis, naam='=HYPERLINK("http://example.org","Klik")')
    blad = openpyxl.load_workbook(io.BytesIO(data))["Aannames"]
    cel = next(c for rij in blad.iter_rows() for c in rij if c.value and "HYPERLINK" in str(c.value))
    assert cel.data_type == "s"


def test_comparison_csv_has_whole_counts_euros_to_the_cent_and_years(basis):
    varianten = vgl.varianten([], Scenario(zorgkosten_groei_pct=3.0, huisvesting_per_halfjaar=150))
    uitkomsten = vgl.uitkomsten(varianten, basis)
    for frame, kolommen in ((uitkomsten, vgl.exportkolommen(varianten)), (vgl.verschillen(uitkomsten), vgl.exportkolommen(varianten[1:]))):
        header, *rows = csv_regels(csv_bytes(frame, kolommen))
        assert header[:2] == ["Uitkomst", "Eenheid"]
        for row in rows:
            eenheid, waarden = row[1], row[2:]
            for waarde in filter(None, waarden):
                if eenheid in ("personen", "aantal", "jaar"):
                    assert re.fullmatch(r"-?\d+|na \d{4}|niet: .*", waarde), (row, waarde)
                else:
                    assert re.fullmatch(r"-?\d+(,\d{1,2})?", waarde), (row, waarde)
    rows = {r[0]: r for r in csv_regels(csv_bytes(uitkomsten, vgl.exportkolommen(varianten)))}
    assert rows["Reserve raakt op in"][2:] == ["2031", "2028"]
    assert rows["Opgave 2e helft 2026"][2:] == ["184", "184"]
