"""The Risico's and Budgetten pages through AppTest, on a real database built from the seeds."""

import pytest

from core.model.parameters import ONZEKERHEID, PARAMETERS_BY_NAME
from core.model.scenario import Scenario
from core.risico import simuleer
from core.tekst import formatting as fmt
from core.tekst.zinnen import kans
from tests.test_app import alle_tekst, metric, open_app, open_secties

RISICO, BUDGETTEN = "views/risico.py", "views/budgetten.py"


@pytest.mark.parametrize("page", [RISICO, BUDGETTEN])
def test_the_pages_render_with_the_shared_controls(page):
    at = open_secties(open_app(page))
    assert at.title
    assert {"instroom_pct", "huisvesting_per_halfjaar", "spreiding_taakstelling_pct", "simulatie_seed"} <= {w.key for w in at.sidebar.slider}
    assert at.toggle(key="wetsvoorstel_36831").value is False
    assert "Traceback" not in alle_tekst(at)


def test_risico_shows_the_simulated_probabilities_beside_the_charts(basis):
    at = open_app(RISICO)
    uitkomst = simuleer(Scenario(), basis)
    eigen = [(d, n) for d, (p, n) in uitkomst.deadlines.items() if p in basis.norm_rijen]
    assert [m.label for m in at.metric] == [f"Kans norm {fmt.datum(d)} (≤ {n})" for d, n in eigen]
    for datum, norm in eigen:
        assert metric(at, f"Kans norm {fmt.datum(datum)}") == kans(uitkomst.kans_norm[datum])
    assert len(at.get("vega_lite_chart")) == 3  # two fans, run-out years with the probability per year
    assert "Het zwaarst weegt" not in alle_tekst(at)  # the sensitivity is worked out when its section opens
    at.session_state["uitklap-gevoeligheid"] = True
    at.run()
    assert len(at.get("vega_lite_chart")) == 4  # and the tornado
    tekst = alle_tekst(at)
    assert "10.000 gesimuleerde toekomsten met startgetal 0" in tekst
    assert "Om met 80% kans op 1 januari 2027 een achterstand van hoogstens 36 te hebben" in tekst
    assert f"Het zwaarst weegt de aanname '{PARAMETERS_BY_NAME['huisvesting_per_halfjaar'].kort}'" in tekst
    assert "staat de Provincie aan het eind van elk halfjaar geen achterstand meer toe" in tekst


def test_a_faster_pace_raises_the_probability_and_the_link_carries_the_seed(basis):
    at = open_app(RISICO)
    voor = metric(at, "Kans norm 1 januari 2027")
    at.slider(key="huisvesting_per_halfjaar").set_value(160).run()
    na = metric(at, "Kans norm 1 januari 2027")
    assert voor != na and na == kans(simuleer(Scenario(huisvesting_per_halfjaar=160), basis).kans_norm[next(iter(simuleer(Scenario(), basis).deadlines))])
    at = open_app(RISICO, simulatie_seed="5", huisvesting_per_halfjaar="160", doelkans="90%")
    assert "startgetal 5" in alle_tekst(at)  # applied while its section is folded
    assert "simulatie_seed" not in {w.key for w in at.sidebar.slider}
    open_secties(at, ONZEKERHEID)
    assert at.slider(key="simulatie_seed").value == 5
    assert "startgetal 5" in alle_tekst(at) and "Om met 90% kans" in alle_tekst(at)


def test_risico_names_implausible_assumptions():
    at = open_app(RISICO, huisvesting_per_halfjaar="280")
    waarschuwing = next(w.value for w in at.warning if "280 personen per halfjaar" in w.value)
    assert "250" in waarschuwing and "Getoetst aan" in waarschuwing


def test_the_wetsvoorstel_switch_moves_every_page():
    at = open_app(wetsvoorstel_36831="true")
    assert metric(at, "Achterstand 1 januari 2028") != "122"
    at.switch_page(RISICO).run()
    assert "Dit scenario rekent met wetsvoorstel 36831 vanaf 1 januari 2027" in alle_tekst(at)


def test_budgetten_shows_the_source_and_the_cap():
    at = open_app(BUDGETTEN)
    budgetten = at.dataframe[0].value.set_index("Budget")
    assert budgetten.loc["Inburgering", "2024"] == "€ 620.987" and budgetten.loc["Inburgering", "Budgetnummer"] == "570610905"
    assert budgetten.loc["Reserve Vreemdelingen", "2027"] == "€ 400.000"
    assert budgetten.loc["Faciliteitenbesluit opvangcentra", "Budgetnummer"] == ""  # not a number of the begroting
    assert "de Reserve Vreemdelingen wordt niet aangesproken" in alle_tekst(at)
    at.slider(key="huisvesting_per_halfjaar").set_value(150).run()
    assert "De reguliere budgetten schieten voor het eerst tekort in 2026 (€ 175.500)" in alle_tekst(at)
    prognose = at.dataframe[1].value.set_index("Jaar")
    assert prognose.loc["2026", "Uit Reserve Vreemdelingen"] == "€ 175.500"
    at = open_app(BUDGETTEN, instroom_pct="50")
    assert "kan niet in de Reserve Vreemdelingen blijven" in alle_tekst(at)
    assert all(int(v.replace("€ ", "").replace(".", "")) <= 400_000 for v in at.dataframe[1].value["Reserve Vreemdelingen eind jaar"])


def test_the_risk_assumptions_are_in_the_assumptions_table_and_the_link():
    s = Scenario(spreiding_taakstelling_pct=30, bandbreedte_du_mo_indexatie=2.0, simulatie_seed=4, wetsvoorstel_36831=True)
    assert s.naar_query() == {
        "spreiding_taakstelling_pct": ["30"], "bandbreedte_du_mo_indexatie": ["± 2 procentpunt"],
        "simulatie_seed": ["4"], "wetsvoorstel_36831": ["true"],
    }
    from core.model.link import lees_scenario

    assert lees_scenario(s.naar_query(), []) == (s, {})
    lenient, redenen = lees_scenario({"bandbreedte_du_mo_indexatie": ["1,5"], "wetsvoorstel_36831_ingang": ["2027.5"]}, [])
    assert (lenient.bandbreedte_du_mo_indexatie, lenient.wetsvoorstel_36831_ingang, redenen) == (1.5, 2027.5, {})
    assert "wetsvoorstel_36831_ingang" in lees_scenario({"wetsvoorstel_36831_ingang": ["2027.3"]}, [])[1]
    at = open_app("views/bronnen.py")
    assert PARAMETERS_BY_NAME["bandbreedte_zorgkosten_groei"].label in list(at.dataframe[0].value["Aanname"])
    assert "Waarom deze verdeling" in at.dataframe[-1].value.columns


@pytest.mark.parametrize("page", [RISICO, BUDGETTEN])
def test_no_english_on_the_risk_pages(page):
    import re

    from tests.test_nederlands import ENGELS, _alle_teksten

    at = open_app(page, huisvesting_per_halfjaar="150", wetsvoorstel_36831="true", reserve_na_centrumregeling="uitgekeerd bij het einde")
    teksten = _alle_teksten(at)
    assert len(teksten) > 20
    gevonden = sorted({w for t in teksten for w in ENGELS if re.search(rf"\b{re.escape(w)}\b", t)})
    assert not gevonden, {w: [t for t in teksten if w in t][:3] for w in gevonden}


@pytest.mark.parametrize(
    "scenario", [Scenario(), Scenario(reserve_na_centrumregeling=1, huisvesting_per_halfjaar=150, lezing_raadsinformatiebrief="b")]
)
def test_the_risk_downloads_build(basis, scenario):
    """What the pages hand to their download buttons: every table as CSV and all of them as one workbook."""
    from core.export.tabellen import csv_bytes, excel_bytes
    from core.risico.tabellen import RISICO_KOLOMMEN, budget_bladen, risico_bladen

    # The page names its sheets from RISICO_KOLOMMEN and builds them only on a click.
    assert {blad: kolommen for blad, (_frame, kolommen) in risico_bladen(scenario, basis).items()} == RISICO_KOLOMMEN
    for bladen in (risico_bladen(scenario, basis), budget_bladen(scenario, basis)):
        for frame, kolommen in bladen.values():
            tekst = csv_bytes(frame, kolommen).decode("utf-8-sig")
            assert tekst.splitlines()[0].split(";") == [k.kop for k in kolommen.values()]
            assert "nan" not in tekst and "None" not in tekst
        assert excel_bytes(bladen, scenario, basis)[:2] == b"PK"


def test_a_saved_scenario_keeps_its_spreads_seed_and_switches(db_path):
    from core import opslag
    from core.data import load_basis
    from core.export.snippet import python_snippet

    load_basis(db_path)
    s = Scenario(
        spreiding_taakstelling_pct=25, bandbreedte_zorgkosten_groei=1.5, simulatie_seed=42, wetsvoorstel_36831=True,
        wetsvoorstel_36831_ingang=2028.5, wetsvoorstel_36831_aandeel_urgent=0.75, kosten_per_extra_statushouder=4_000,
    )
    saved = opslag.bewaar(s, "Risico", "", 1, path=db_path)
    assert opslag.open_scenario(saved.id, path=db_path).scenario == s
    assert "simulatie_seed=42" in python_snippet(s) and "wetsvoorstel_36831_ingang=2028.5" in python_snippet(s)


@pytest.mark.parametrize("page", [RISICO, BUDGETTEN])
def test_every_download_on_the_risk_pages_makes_its_file(page, db_path):
    """Run the very callable each download button holds (see tests/test_downloads.py)."""
    from core.data import load_basis
    from tests.test_downloads import _check, _open
    from ui.downloads import DOWNLOADS_KEY

    load_basis(db_path)
    at = _open(page, huisvesting_per_halfjaar="120", instroom_pct="30", reserve_na_centrumregeling="uitgekeerd bij het einde")
    downloads = at.session_state[DOWNLOADS_KEY]
    assert len(downloads) == len(at.get("download_button")) > 0
    for bestandsnaam, maak in downloads.values():
        _check(bestandsnaam, maak())
