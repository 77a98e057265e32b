"""Exports: real CSV and Excel files read back, charts rendered by vl-convert, the printable
summary and the Python snippet run against a real database."""

import io
import re
from datetime import date, datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest

from core import charts, export
from core.tekst import formatting as fmt
from core.model.parameters import PARAMETERS, PARAMETERS_BY_NAME
from core.model.reserve import project_reserve
from core.model.scenario import Scenario
from core.tekst.tabellen import BENODIGD, DATUM, EURO, RESERVE, TAAKSTELLING
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


def getallen(frame: pd.DataFrame, kolommen: dict, gelezen: bool = False) -> dict[str, np.ndarray]:
    """The numeric columns as float arrays (NaN where missing), keyed by Dutch header."""
    return {
        k.kop: pd.Series(frame[k.kop if gelezen else column], dtype="Float64").to_numpy(dtype=float, na_value=np.nan)
        for column, k in kolommen.items()
        if k.soort.excel_formaat
    }


def assert_zelfde_getallen(gelezen: pd.DataFrame, origineel: pd.DataFrame, kolommen: dict) -> None:
    verwacht = getallen(origineel, kolommen)
    terug = getallen(gelezen, kolommen, gelezen=True)
    assert list(terug) == list(verwacht)
    for kop, values in verwacht.items():
        # Excel keeps about 15 significant digits: equal up to the last bit of a double.
        np.testing.assert_allclose(terug[kop], values, rtol=1e-14, atol=0, equal_nan=True, err_msg=kop)


# --- CSV ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def taakstelling(basis):
    return project_taakstelling(Scenario(), basis)


def csv_regels(data: bytes) -> list[list[str]]:
    return [line.split(";") for line in data.decode("utf-8-sig").split("\r\n") if line]


def test_csv_is_dutch_excel_csv(taakstelling):
    data = export.csv_bytes(taakstelling.drop(columns="herkomst"), {c: k for c, k in TAAKSTELLING.items() if c != "herkomst"})
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Dutch Excel then reads UTF-8
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    header, *rows = csv_regels(data)
    assert header[:5] == ["Halfjaar", "Soort", "Achterstand begin", "Taakstelling", "Opgave"]
    row = dict(zip(header, next(r for r in rows if r[0] == "2026-H2")))
    assert row["Opgave"] == "184"
    assert row["Haalt norm"] == "nee"
    missing = dict(zip(header, next(r for r in rows if r[0] == "2025-H1")))
    assert missing["Taakstelling"] == ""  # no taakstelling was set for that half year


def test_csv_decimal_comma_and_no_thousands_separator(basis):
    data = export.csv_bytes(benodigde_plaatsingen(Scenario(), basis), BENODIGD)
    header, *rows = csv_regels(data)
    row = dict(zip(header, rows[0]))
    assert row["Halfjaar"] == "2026-H2"
    assert row["Nodig per maand"].startswith("24,666")
    reserve = dict(zip(*csv_regels(export.csv_bytes(project_reserve(SCENARIO, basis), RESERVE))[:2]))
    assert re.fullmatch(r"2379950,\d+", reserve["Reserve eind"])  # a number, not "€ 2.379.950"


@pytest.mark.parametrize(
    "project, kolommen",
    [(project_taakstelling, TAAKSTELLING), (benodigde_plaatsingen, BENODIGD), (project_reserve, RESERVE)],
    ids=["taakstelling", "benodigd", "reserve"],
)
def test_csv_reads_back_to_the_same_numbers(basis, project, kolommen):
    frame = project(SCENARIO, basis)
    gelezen = pd.read_csv(io.BytesIO(export.csv_bytes(frame, kolommen)), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(gelezen.columns) == [k.kop for k in kolommen.values()]
    assert_zelfde_getallen(gelezen, frame, kolommen)


def test_csv_leaves_the_callers_frame_alone(taakstelling):
    before = taakstelling.copy()
    export.csv_bytes(taakstelling, TAAKSTELLING)
    pd.testing.assert_frame_equal(taakstelling, before)


# --- Excel -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tabellen(basis):
    return {"taakstelling": project_taakstelling(SCENARIO, basis), "reserve": project_reserve(SCENARIO, basis)}


@pytest.fixture(scope="module")
def xlsx(basis, tabellen) -> bytes:
    bladen = {"Taakstelling": (tabellen["taakstelling"], TAAKSTELLING), "Reserve": (tabellen["reserve"], RESERVE)}
    return export.excel_bytes(bladen, SCENARIO, basis)


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
    assert isinstance(opgave.value, int) and opgave.number_format == TAAKSTELLING["opgave"].soort.excel_formaat


def test_excel_header_bold_frozen_and_columns_sized(werkmap):
    blad = werkmap["Taakstelling"]
    assert all(cel.font.bold for cel in blad[1])
    assert blad.freeze_panes == "A2"
    breedtes = [blad.column_dimensions[letter].width for letter in "ABCL"]
    assert all(8 <= b <= 60 for b in breedtes)
    assert blad.column_dimensions["L"].width == 60  # Herkomst: long text, capped


def test_excel_aannames_sheet(werkmap, basis):
    blad = werkmap["Aannames"]
    teksten = [str(cel.value) for cel in cellen(blad)]
    assert all(p.label in teksten for p in PARAMETERS)
    rijen = {rij[0]: rij for rij in blad.iter_rows(values_only=True) if rij[0]}
    kop = list(rijen["Aanname"])
    assert kop[:6] == ["Aanname", "Scenario", "Basiswaarde", "Eenheid", "Soort", "Bron of onderbouwing"]
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
    data = export.excel_bytes({naam: (tabellen["reserve"], RESERVE)}, Scenario(), basis)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == naam[:31]


# --- charts ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def specs(basis):
    t_b, t_s = project_taakstelling(Scenario(), basis), project_taakstelling(SCENARIO, basis)
    return {
        "achterstand": charts.achterstand_spec(t_b, t_s, basis.deadlines),
        "taakstelling": charts.taakstelling_spec(t_b, t_s),  # NaN where 2025-H1 has no taakstelling
        "reserve": charts.reserve_spec(project_reserve(Scenario(), basis), project_reserve(SCENARIO, basis)),
    }


def test_svg_with_dutch_ticks(specs):
    svg = export.grafiek_svg(specs["reserve"])
    assert svg.startswith("<svg")
    assert "€ 2.000.000" in svg
    assert 'width="' in svg


@pytest.mark.parametrize("name", ["achterstand", "taakstelling", "reserve"])
def test_png_renders_every_chart(specs, name):
    png = export.grafiek_png(specs[name])
    assert png.startswith(b"\x89PNG")


def test_rendering_leaves_the_callers_spec_alone(specs):
    spec = specs["taakstelling"]
    config_before = dict(spec["config"])
    export.grafiek_svg(spec)
    export.grafiek_png(spec, schaal=1)
    assert all(isinstance(frame, pd.DataFrame) for frame in spec["datasets"].values())
    assert "width" not in spec
    assert spec["config"] == config_before


# --- printable summary -------------------------------------------------------------------


@pytest.fixture(scope="module")
def samenvatting_scenario(basis) -> str:
    return export.samenvatting_html(SCENARIO, basis, naam="Raadsvoorstel instroom")


def test_summary_has_text_figures_and_charts(samenvatting_scenario, basis):
    html = samenvatting_scenario
    assert "Dit scenario wijkt af van het basisscenario" in html
    assert "Raadsvoorstel instroom" in html
    assert "184" in html and "€ 2.379.950" in html
    assert html.count("<svg") == 2
    assert "@page" in html and "page-break-inside: avoid" in html
    assert fmt.datum(date.today()) in html and f"dataversie {basis.versie}" in html
    assert PARAMETERS_BY_NAME["du_mo_indexatie_pct"].label in html
    assert "Raadsinformatiebrief" in html and "herleidbaar" in html


def test_summary_is_self_contained(samenvatting_scenario):
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in samenvatting_scenario


def test_summary_of_the_baseline(basis):
    html = export.samenvatting_html(Scenario(), basis)
    assert "<h1>Basisscenario</h1>" in html
    assert "Dit is het basisscenario" in html


# --- Python snippet ----------------------------------------------------------------------

SNIPPET_SCENARIOS = [
    Scenario(),
    SCENARIO,
    Scenario(eenmalig=set(), aandeel_grote_gezinnen=0.25, huurtoeslag_grote_gezinnen=False, har_plus_budget=500_000),
    Scenario(eenmalig={"Compensatie DU MO 2025", "Plan van aanpak dak- en thuisloosheid"}, zorgkosten_groei_pct=-1.5),
]


@pytest.mark.parametrize("scenario", SNIPPET_SCENARIOS, ids=["basis", "scenario", "leeg-eenmalig", "twee-eenmalig"])
def test_python_snippet_reproduces_the_scenario(scenario, capsys):
    code = export.python_snippet(scenario)
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # load_basis() reads $VERKENNER_DB: a temp file
    assert namespace["s"] == scenario
    t = namespace["t"]
    assert t.loc[t["periode"] == "2026-H2", "opgave"].item() == 184
    assert "reserve_eind" in capsys.readouterr().out


def test_python_snippet_names_only_changed_assumptions():
    assert "s = Scenario()\n" in export.python_snippet(Scenario())
    code = export.python_snippet(Scenario(du_mo_indexatie_pct=2.5, eenmalig=set()))
    assert "du_mo_indexatie_pct=2.5," in code and "eenmalig=set()," in code
    assert "instroom_pct" not in code


# --- file names --------------------------------------------------------------------------


def test_bestandsnaam():
    assert export.bestandsnaam("taakstelling", Scenario(), "csv") == "taakstelling_basisscenario.csv"
    naam = export.bestandsnaam("Reserve", SCENARIO, ".xlsx")
    assert re.fullmatch(r"reserve_scenario-[0-9a-f]{8}\.xlsx", naam)
    assert naam == export.bestandsnaam("Reserve", Scenario(du_mo_indexatie_pct=2.5, instroom_pct=20), "xlsx")
    assert naam != export.bestandsnaam("Reserve", Scenario(instroom_pct=25), "xlsx")
    vreemd = export.bestandsnaam("Kerncijfers & Bronnen (€) / één", SCENARIO, "HTML")
    assert re.fullmatch(r"[a-z0-9_.-]+", vreemd) and vreemd.startswith("kerncijfers-bronnen-een_")
