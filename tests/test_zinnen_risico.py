"""The risk and budget sentences are true: every probability, year and amount in them is checked
against the simulation's own paths or the model, recomputed here, for a table of scenarios."""

from __future__ import annotations

import re

import pytest

from core.model import budgetten
from core.model.parameters import LEZING_B
from core.model.scenario import Scenario
from core.model.taakstelling import project_taakstelling
from core.risico import simuleer
from core.risico.beleidsrisico import har_plus, wetsvoorstel
from core.risico.doelzoeken import benodigd_tempo
from core.risico.gevoeligheid import gevoeligheid
from core.tekst import formatting as fmt
from core.tekst import zinnen

SCENARIOS = {
    "basis": Scenario(),
    "sneller": Scenario(huisvesting_per_halfjaar=150),
    "veel sneller, lage instroom": Scenario(huisvesting_per_halfjaar=220, instroom_pct=-30),
    "geen plaatsingen": Scenario(huisvesting_per_halfjaar=0),
    "zorgkosten 4%": Scenario(zorgkosten_groei_pct=4.0),
    "DU MO 4%, geen spreiding": Scenario(du_mo_indexatie_pct=4.0, bandbreedte_du_mo_indexatie=0.0, bandbreedte_zorgkosten_groei=0.0),
    "uitgekeerd": Scenario(reserve_na_centrumregeling=1),
    "lezing (b)": Scenario(lezing_raadsinformatiebrief=LEZING_B, tempo_na_tussenstand_pct=50),
    "wetsvoorstel": Scenario(wetsvoorstel_36831=True),
    "HAR+": Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.3, har_plus_budget=500_000),
    "zonder HAR+": Scenario(huurtoeslag_grote_gezinnen=False),
    "hoge instroom, horizon 2035": Scenario(instroom_pct=60, eind_jaar=2035),
}
KANS = r"(0%|100%|minder dan 1%|meer dan 99%|\d+%)"


@pytest.fixture(params=list(SCENARIOS), ids=list(SCENARIOS))
def scenario(request):
    return SCENARIOS[request.param]


def waar(tekst: str, p: float) -> bool:
    """Does the probability text say what ``p`` is?"""
    if tekst == "minder dan 1%":
        return 0 < p < 0.005
    if tekst == "meer dan 99%":
        return 0.995 < p < 1
    return round(p * 100) == int(tekst.rstrip("%")) and (p in (0, 1)) == (tekst in ("0%", "100%"))


def test_deadline_sentences(basis, scenario):
    u = simuleer(scenario, basis)
    for i, datum in enumerate(u.deadlines):
        zin = zinnen.kans_deadline_zin(u, datum, i == 0)
        _periode, norm = u.deadlines[datum]
        assert f"op {fmt.datum(datum)} " in zin and (f"hoogstens {norm} is" in zin or (norm == 0 and " nul is" in zin))
        gehaald, escalatie = re.findall(KANS, zin)
        assert waar(gehaald, u.kans_norm[datum]) and waar(escalatie, u.kans_escalatie[datum])


def test_run_out_sentence_holds_on_the_paths(basis, scenario):
    u = simuleer(scenario, basis)
    zin = zinnen.opraak_zin(u)
    op_tot = {j: 1 - u.kans_niet_op_tot(j) for j in u.opraakjaar if j is not None}  # P(run out by the end of j)
    if m := re.search(r"uiterlijk in (\d{4}) op", zin):
        mediaan = int(m.group(1))
        assert op_tot[mediaan] >= 0.5 and op_tot.get(mediaan - 1, 0) < 0.5
    else:
        assert u.opraakjaar[None] + u.kans_uitgekeerd > 0.5
        assert zin.startswith("In meer dan de helft") or (zin.startswith("In geen van de") and u.kans_niet_op_tot(2040) == 1)
    if m := re.search(r"tussen (\d{4}) en (\d{4})", zin):
        van, tot = int(m.group(1)), int(m.group(2))
        assert op_tot[tot] - op_tot.get(van - 1, 0) >= 0.8 - 1e-9
    if m := re.search(r"in 1 op de 10 al in (\d{4}) of eerder", zin):
        assert op_tot[int(m.group(1))] >= 0.1
    if m := re.search(rf"in {KANS} wordt hij eind (\d{{4}}) aan Maastricht uitgekeerd", zin):
        assert waar(m.group(1), u.kans_uitgekeerd) and int(m.group(2)) == u.uitkeringsjaar
    if m := re.search(rf"in {KANS} raakt hij niet vóór 2041 op", zin):
        assert waar(m.group(1), u.opraakjaar[None])


def test_goal_sentences_name_the_goal_seeks_figures(basis, scenario):
    for doel in benodigd_tempo(scenario, basis, 0.8):
        zin = zinnen.tempo_doel_zin(doel, scenario.huisvesting_per_halfjaar, scenario.wetsvoorstel_36831)
        assert fmt.datum(doel.deadline) in zin and "80%" in zin
        if doel.tempo is None:
            assert f"Ook met {doel.maximum} plaatsingen" in zin
        else:
            assert f" {doel.tempo} plaatsingen" in zin and f"rekent met {scenario.huisvesting_per_halfjaar}." in zin


def test_tornado_sentences_name_the_largest_bar(basis, scenario):
    for tornado in gevoeligheid(scenario, basis):
        zin = zinnen.tornado_zin(tornado)
        if not tornado.balken:
            assert zin.startswith("Geen enkele aanname")
            continue
        balk = tornado.balken[0]
        assert f"'{balk.parameter.kort}'" in zin
        assert all(b.uitslag <= balk.uitslag for b in tornado.balken)
        if tornado.deadline is not None:
            assert f"is de achterstand {fmt.getal(balk.bij_laag)}" in zin and f"(in dit scenario: {fmt.getal(tornado.scenario_waarde)})" in zin


def test_policy_sentences(basis, scenario):
    w = wetsvoorstel(scenario, basis)
    zin = zinnen.wetsvoorstel_zin(w)
    met = project_taakstelling(scenario.met(wetsvoorstel_36831=True), basis)
    zonder = project_taakstelling(scenario.met(wetsvoorstel_36831=False), basis)
    if w.vanaf is not None:
        assert f"{fmt.getal(met['achterstand_eind'].iloc[-1])} in plaats van {fmt.getal(zonder['achterstand_eind'].iloc[-1])}" in zin
        assert f"van {scenario.huisvesting_per_halfjaar} naar {met.set_index('periode').loc[w.vanaf, 'realisatie']} " in zin or (
            met.set_index("periode").loc[w.vanaf, "realisatie"] < w.tempo_met  # the opgave, not the pace, limited it
        )
    h = har_plus(scenario, basis)
    zin = zinnen.har_plus_zin(h, scenario.eind_jaar, simuleer(scenario, basis).kans_har_plus_uitgeput)
    t = project_taakstelling(scenario, basis)
    if h.nodig:
        assert f"{fmt.aantal_personen(int(t['niet_geplaatst_grote_gezinnen'].sum()))} in grote gezinnen ongeplaatst" in zin
    else:
        assert "niet aangesproken" in zin


def test_budget_sentences(basis, scenario):
    rijen = budgetten.prognose_rijen(scenario, basis)
    zinnen_ = zinnen.budget_zinnen(rijen, scenario.kosten_per_extra_statushouder, budgetten.plafond(basis), scenario.eind_jaar)
    tekst = " ".join(zinnen_)
    extra = sum(r["extra_statushouders"] for r in rijen)
    gehuisvest = project_taakstelling(scenario, basis)["realisatie"].sum()
    basis_gehuisvest = project_taakstelling(Scenario(eind_jaar=scenario.eind_jaar), basis)["realisatie"].sum()
    assert extra == gehuisvest - basis_gehuisvest  # recomputed from the projections
    if extra:
        assert f"{fmt.getal(abs(extra))} statushouders {'meer' if extra > 0 else 'minder'}" in tekst
    tekorten = [r for r in rijen if r["tekort"] > 0]
    if tekorten:
        assert f"voor het eerst tekort in {tekorten[0]['jaar']} ({fmt.euro(tekorten[0]['tekort'])})" in tekst
    else:
        assert "volstaan in elk jaar" in tekst
    boven = sum(r["boven_plafond"] for r in rijen)
    assert (f"{fmt.euro(boven)} aan extra middelen valt boven het plafond" in tekst) == (boven > 0)


def test_the_risico_page_lists_a_goal_per_deadline_and_warns_where_the_market_cannot_give_the_pace(basis, scenario):
    from core.risico import doelzoeken, plausibiliteit
    from core.tekst import risicopagina

    tempodoelen = doelzoeken.benodigd_tempo(scenario, basis, 0.8)
    reservedoelen = doelzoeken.reserve_doelen(scenario, basis, 2030, 0.8)
    regels = risicopagina.doel_regels(scenario, basis, 0.8, 2030)
    assert len(regels) == len(tempodoelen) + len(reservedoelen)
    for regel, doel in zip(regels, tempodoelen):
        assert fmt.datum(doel.deadline) in regel and "80%" in regel
    hoogste = max((d.tempo for d in tempodoelen if d.tempo is not None), default=None)
    markt = plausibiliteit.tempo_markt(hoogste, basis) if hoogste is not None else None
    # The market's verdict on the highest pace needed closes the last pace sentence, and only there.
    met_markt = [r for r in regels if markt is not None and zinnen.bevinding_zin(markt) in r]
    assert met_markt == ([regels[len(tempodoelen) - 1]] if markt is not None else [])


def test_the_risico_page_cards_are_the_provincies_own_deadlines(basis, scenario):
    from core.tekst import risicopagina

    uitkomst = simuleer(scenario, basis)
    eigen = risicopagina.eigen_deadlines(uitkomst, basis)
    assert 1 <= len(eigen) <= risicopagina.KAARTEN
    assert all(uitkomst.deadlines[d][0] in basis.norm_rijen for d in eigen)
    regels = risicopagina.deadline_regels(uitkomst, eigen)
    assert [fmt.datum(d) in r for d, r in zip(eigen, regels)] == [True] * len(eigen)
    later = [d for d in uitkomst.deadlines if d not in eigen]
    assert len(regels) == len(eigen) + (1 if later else 0)  # then one sentence for the extrapolated norm path
