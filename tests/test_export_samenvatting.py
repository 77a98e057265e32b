"""The printable summary: rendered from an autoescaped template, self-contained, one A4."""

from datetime import date

import pytest

from core.export.samenvatting import samenvatting_html
from core.model.parameters import PARAMETERS_BY_NAME
from core.model.scenario import Scenario
from core.tekst import formatting as fmt

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


# --- printable summary -------------------------------------------------------------------


@pytest.fixture(scope="module")
def samenvatting_scenario(basis) -> str:
    return samenvatting_html(SCENARIO, basis, naam="Raadsvoorstel instroom")


def test_summary_has_text_figures_and_charts(samenvatting_scenario, basis):
    html = samenvatting_scenario
    assert "Dit scenario wijkt op 2 punten af van het basisscenario" in html
    assert "Raadsvoorstel instroom" in html
    assert "184" in html and "€ 2.379.950" in html
    assert html.count("<svg") == 2
    assert "@page" in html and "page-break-inside: avoid" in html
    assert fmt.datum(date.today()) in html and f"dataversie {basis.versie}" in html
    assert PARAMETERS_BY_NAME["du_mo_indexatie_pct"].label in html
    assert "raadsinformatiebrief 20 mei 2026" in html and "herleidbaar" in html


def test_summary_is_self_contained(samenvatting_scenario):
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in samenvatting_scenario


def test_summary_of_the_baseline(basis):
    html = samenvatting_html(Scenario(), basis)
    assert "<h1>Basisscenario</h1>" in html
    assert "Dit is het basisscenario" in html




def test_a_name_with_markup_stays_text(basis):
    html = samenvatting_html(SCENARIO, basis, naam='<img src=x onerror=alert(1)> & "Plan"')
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;Plan&#34;" in html


def test_summary_leads_with_the_verdict(basis):
    html = samenvatting_html(Scenario(), basis)
    assert "Gehaald: geen enkele deadline van de Provincie." in html
    assert "Reserve Beschermd Thuis: hij raakt op in 2031." in html
