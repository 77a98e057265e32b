"""Every generated sentence is true: each number, year and comparison in it equals what the core computes.

A table of scenarios (extremes and every reading of the sources) runs through the summary,
the verdict and the reserve's "tot en met 2027" explanation. Each sentence must match one of
the known sentence forms, and the figures it names are recomputed here from the projections
(not from core.model.kerncijfers, which the sentences themselves use). A comparison with the
baseline must name the baseline's figure for the same date or year.
"""

from __future__ import annotations

import re

import pytest

from core.model.parameters import PARAMETERS, REKENHORIZON
from core.model.reserve import dekking_volgens_begroting, project_reserve, reserve_alleen_mo
from core.model.scenario import Scenario
from core.model.taakstelling import benodigde_plaatsingen, project_taakstelling
from core.tekst import formatting as fmt
from core.tekst import zinnen

SCENARIOS = {
    "basis": Scenario(),
    "instroom -50%": Scenario(instroom_pct=-50),
    "instroom +50%": Scenario(instroom_pct=50),
    "instroom +100%": Scenario(instroom_pct=100),
    "tempo 0": Scenario(huisvesting_per_halfjaar=0),
    "tempo maximaal": Scenario(huisvesting_per_halfjaar=300),
    "tempo 148 precies": Scenario(huisvesting_per_halfjaar=148),
    "tempo 150": Scenario(huisvesting_per_halfjaar=150),
    "tempo 150, instroom +20%": Scenario(huisvesting_per_halfjaar=150, instroom_pct=20),
    "tempo 124": Scenario(huisvesting_per_halfjaar=124),
    "zorgkosten 10%": Scenario(zorgkosten_groei_pct=10.0),
    "zorgkosten -5%": Scenario(zorgkosten_groei_pct=-5.0),
    "DU MO 5%": Scenario(du_mo_indexatie_pct=5.0),
    "DU MO en IUBW 5%": Scenario(du_mo_indexatie_pct=5.0, iubw_indexatie_pct=5.0),
    "loon en prijs 3%": Scenario(loon_prijs_indexatie_pct=3.0),
    "horizon 2027": Scenario(eind_jaar=2027),
    "horizon 2040": Scenario(eind_jaar=2040),
    "horizon 2035, zorgkosten 3%": Scenario(eind_jaar=2035, zorgkosten_groei_pct=3.0),
    "lezing b": Scenario(lezing_raadsinformatiebrief="b"),
    "lezing b, geen plaatsingen na 20 mei": Scenario(lezing_raadsinformatiebrief="b", tempo_na_tussenstand_pct=0),
    "lezing b, dubbel tempo, tempo 200": Scenario(lezing_raadsinformatiebrief="b", tempo_na_tussenstand_pct=200, huisvesting_per_halfjaar=200),
    "compensatie 2025 structureel": Scenario(eenmalig=[]),
    "twee eenmalige regels": Scenario(eenmalig=["Compensatie DU MO 2025", "Plan van aanpak dak- en thuisloosheid"]),
    "DNO een jaar later": Scenario(dno_uitstel_jaren=1),
    "DNO drie jaar later": Scenario(dno_uitstel_jaren=3),
    "uitgekeerd bij het einde": Scenario(reserve_na_centrumregeling=1),
    "uitgekeerd twee jaar later": Scenario(reserve_na_centrumregeling=3),
    "uitgekeerd, maar eerder op": Scenario(reserve_na_centrumregeling=3, zorgkosten_groei_pct=10.0),
    "zonder huurtoeslagregels": Scenario(huurtoeslag_grote_gezinnen=False),
    "zonder huurtoeslag, met HAR+": Scenario(huurtoeslag_grote_gezinnen=False, har_plus_budget=500_000, aandeel_grote_gezinnen=0.3),
    "HAR+ duur": Scenario(huurtoeslag_grote_gezinnen=False, har_plus_budget=500_000, har_plus_kosten_per_huishouden=80_000),
    "alles tegelijk": Scenario(
        instroom_pct=30, huisvesting_per_halfjaar=180, huurtoeslag_grote_gezinnen=False, har_plus_budget=250_000,
        lezing_raadsinformatiebrief="b", tempo_na_tussenstand_pct=50, du_mo_indexatie_pct=2.5, iubw_indexatie_pct=1.5,
        zorgkosten_groei_pct=4.0, loon_prijs_indexatie_pct=2.0, eenmalig=[], dno_uitstel_jaren=2,
        reserve_na_centrumregeling=2, eind_jaar=2034,
    ),
    "wetsvoorstel 36831": Scenario(
        wetsvoorstel_36831=True, wetsvoorstel_36831_ingang=2027.5, wetsvoorstel_36831_aandeel_urgent=0.8,
        wetsvoorstel_36831_korting_pct=70,
    ),
    "onzekerheid en budgetten": Scenario(
        spreiding_taakstelling_pct=30, spreiding_realisatie_pct=5, bandbreedte_du_mo_indexatie=2.0,
        bandbreedte_zorgkosten_groei=0.5, simulatie_seed=7, kosten_per_extra_statushouder=5_000,
    ),
    "alles gunstig": Scenario(instroom_pct=-50, huisvesting_per_halfjaar=300, du_mo_indexatie_pct=10.0, iubw_indexatie_pct=10.0, zorgkosten_groei_pct=-5.0),
}

DATUM = r"(\d{1,2} (?:januari|juli) \d{4})"
EURO = r"(€ -?[\d.]+)"


def _euro(text: str) -> int:
    return int(text.replace("€ ", "").replace(".", ""))


def _zinnen(text: str) -> list[str]:
    """Split a paragraph into sentences (a full stop inside € 2.379.950 is not an end)."""
    return [z for z in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if z]


class Feiten:
    """What the projections say about one scenario, computed without core.model.kerncijfers."""

    def __init__(self, scenario: Scenario, basis):
        self.scenario = scenario
        self.taak = project_taakstelling(scenario, basis).set_index("periode")
        self.nodig = benodigde_plaatsingen(scenario, basis)
        self.reserve = project_reserve(scenario, basis).set_index("jaar")
        lang = scenario.met(eind_jaar=max(scenario.eind_jaar, REKENHORIZON))
        self.reserve_lang = project_reserve(lang, basis).set_index("jaar")
        self.mo_lang = reserve_alleen_mo(lang, basis).set_index("jaar")
        self.basisjaar = basis.basisjaar

    def achterstand_op(self, datum: str) -> int:
        return int(self.taak.loc[self._periode(datum), "achterstand_eind"])

    def norm_op(self, datum: str) -> int:
        return int(self.taak.loc[self._periode(datum), "norm_achterstand"])

    @staticmethod
    def _periode(datum: str) -> str:
        dag, maand, jaar = datum.split()
        return f"{int(jaar) - 1}-H2" if maand == "januari" else f"{jaar}-H1"

    @staticmethod
    def uitputting(reserve) -> tuple[int | None, int | None]:
        """(first negative year, payout year before that) from a long reserve frame."""
        negatief = reserve.index[reserve["reserve_eind"] < 0]
        uitgekeerd = reserve.index[reserve["uitkering"] > 0]
        jaar = int(negatief[0]) if len(negatief) else None
        if len(uitgekeerd) and (jaar is None or uitgekeerd[0] < jaar):
            return None, int(uitgekeerd[0])
        return jaar, None

    def uitputting_tekst(self, reserve) -> str:
        jaar, uitgekeerd = self.uitputting(reserve)
        if jaar is not None:
            return f"op in {jaar}"
        if uitgekeerd is not None:
            bedrag = fmt.euro(reserve.loc[uitgekeerd, "uitkering"])
            return f"eind {uitgekeerd} met {bedrag} uitgekeerd aan Maastricht, voordat hij opraakt"
        return f"tot en met {REKENHORIZON} niet op"


@pytest.fixture(scope="module")
def feiten(basis):
    def maak(scenario: Scenario) -> tuple[Feiten, Feiten]:
        return Feiten(scenario, basis), Feiten(Scenario(eind_jaar=scenario.eind_jaar), basis)

    return maak


# --- the summary ---------------------------------------------------------------------------


def _check_intro(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    if z.startswith("Dit is het basisscenario"):
        assert s.is_basis
        return True
    m = re.fullmatch(r"Dit scenario wijkt op (één punt|\d+ punten) af van het basisscenario: (.+)\.", z)
    if not m:
        return False
    aantal = 1 if m.group(1) == "één punt" else int(m.group(1).split()[0])
    assert aantal == len(s.afwijkingen())
    for p, base, value in s.afwijkingen():
        assert zinnen.afwijking(p, value, base) in m.group(2)
    return True


def _check_opgave(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(
        r"In de (eerste|tweede) helft van (\d{4}) moeten (\d+) statushouders een woning krijgen: "
        r"de taakstelling van (\d+) plus een achterstand van (\d+)\.", z
    )
    if not m:
        return False
    periode = f"{m.group(2)}-H{1 if m.group(1) == 'eerste' else 2}"
    row = f.taak.loc[periode]
    assert row["status"] == "prognose" and f.taak.loc[:periode, "status"].tolist().count("prognose") == 1
    assert (int(m.group(3)), int(m.group(4)), int(m.group(5))) == (row["opgave"], row["taakstelling"], row["achterstand_begin"])
    assert int(m.group(3)) == int(m.group(4)) + int(m.group(5))
    return True


def _check_deadline(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(
        rf"Op {DATUM} is de achterstand(, bij lezing \(b\) van de raadsinformatiebrief,)? naar verwachting (\d+)"
        r"(?: \(in het basisscenario (\d+)\))?; de Provincie staat (?:hoogstens (\d+)|geen achterstand) toe\.", z
    )
    if not m:
        return False
    datum, lezing, waarde, basiswaarde, norm = m.groups()
    assert int(waarde) == f.achterstand_op(datum)
    assert (norm is None and f.norm_op(datum) == 0) or (norm is not None and int(norm) == f.norm_op(datum))
    assert bool(lezing) == (f.taak.loc[f._periode(datum), "status"] == "tussenstand")
    # The baseline figure is named exactly when it differs, and it is the baseline's for the same date.
    assert (basiswaarde is not None) == (b.achterstand_op(datum) != f.achterstand_op(datum))
    if basiswaarde is not None:
        assert int(basiswaarde) == b.achterstand_op(datum)
    return True


def _eigen_deadlines(f: Feiten):
    rows = f.taak[(f.taak["status"] != "gerealiseerd") & f.taak["norm_achterstand"].notna() & ~f.taak["beleidsarm"]]
    return rows


def _check_oordeel_deadlines(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    if not z.startswith("Daarmee haalt Maastricht"):
        return False
    rows = _eigen_deadlines(f)
    n, gehaald = len(rows), int(rows["haalt_norm"].sum())
    if gehaald == n:
        assert re.fullmatch(r"Daarmee haalt Maastricht (de deadline|beide deadlines|alle \d+ deadlines) en blijft de gemeente op trede 2 van de interventieladder\.", z)
        assert str(n) in z or n <= 2
    elif gehaald == 0:
        assert "geen van" in z or "de deadline niet" in z
        assert "verder opschalen, boven trede 2" in z
    else:
        m = re.fullmatch(r"Daarmee haalt Maastricht (\d+) van de (\d+) deadlines \((.+)\); bij de andere dreigt verdere opschaling, boven trede 2 van de interventieladder\.", z)
        assert m and (int(m.group(1)), int(m.group(2))) == (gehaald, n)
        for datum in re.findall(DATUM, m.group(3)):
            assert f.achterstand_op(datum) <= f.norm_op(datum)
    return True


def _check_doorgetrokken(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    if not z.startswith("Na de laatste deadline"):
        return False
    later = f.taak[f.taak["beleidsarm"]]
    assert len(later) and (later["norm_achterstand"] == 0).all()
    m = re.search(r"dat lukt in dit scenario (in elk halfjaar|in geen enkel halfjaar|in (\d+) van de (\d+) halfjaren) van (\d)e helft (\d{4}) tot en met (\d)e helft (\d{4})", z)
    assert m, z
    assert f"{m.group(5)}-H{m.group(4)}" == later.index[0] and f"{m.group(7)}-H{m.group(6)}" == later.index[-1]
    gehaald = int(later["haalt_norm"].sum())
    if m.group(1) == "in elk halfjaar":
        assert gehaald == len(later)
    elif m.group(1) == "in geen enkel halfjaar":
        assert gehaald == 0
    else:
        assert (int(m.group(2)), int(m.group(3))) == (gehaald, len(later))
    eind = re.search(r"eind (\d{4}) is de achterstand naar verwachting (\d+)", z)
    assert (eind is None) == (gehaald == len(later))
    if eind:
        assert int(eind.group(1)) == s.eind_jaar and int(eind.group(2)) == later["achterstand_eind"].iloc[-1]
    return True


def _check_tempo(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(
        r"In de (eerste|tweede) helft van (\d{4}) zijn (\d+) plaatsingen nodig om (.+); "
        r"(?:bij het verwachte tempo worden het er (\d+), (\d+) te weinig|het verwachte tempo geeft er precies (\d+)"
        r"|het verwachte tempo geeft er (\d+), (\d+) meer dan nodig)\.", z
    )
    if not m:
        return False
    eerste = f.nodig.iloc[0]
    assert f"{m.group(2)}-H{1 if m.group(1) == 'eerste' else 2}" == eerste["periode"]
    assert int(m.group(3)) == eerste["nodig"]
    norm = eerste["norm_achterstand"]
    assert (f"hoogstens {norm}" in m.group(4)) if norm else ("geen achterstand" in m.group(4))
    if m.group(5):
        assert (int(m.group(5)), int(m.group(6))) == (eerste["verwacht"], eerste["nodig"] - eerste["verwacht"])
        assert eerste["verwacht"] < eerste["nodig"]
    elif m.group(7):
        assert int(m.group(7)) == eerste["verwacht"] == eerste["nodig"]
    else:
        assert (int(m.group(8)), int(m.group(9))) == (eerste["verwacht"], eerste["verwacht"] - eerste["nodig"])
        assert eerste["verwacht"] > eerste["nodig"]
    return True


def _check_ruimte(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(rf"Eind (\d{{4}}) is er naar verwachting {EURO} ruimte in de reserve Beschermd Thuis(?: \(in het basisscenario {EURO}\))?\.", z)
    if not m:
        return False
    jaar = int(m.group(1))
    assert jaar == f.basisjaar
    _check_reserve_naast_basis(m, jaar, f, b)
    return True


def _check_reserve_naast_basis(m: re.Match, jaar: int, f: Feiten, b: Feiten) -> None:
    """Group 2 is the scenario's reserve at the end of ``jaar``; group 3, named exactly when it differs,
    the baseline's for the same year."""
    assert _euro(m.group(2)) == round(f.reserve.loc[jaar, "reserve_eind"])
    verschilt = round(b.reserve.loc[jaar, "reserve_eind"]) != round(f.reserve.loc[jaar, "reserve_eind"])
    assert (m.group(3) is not None) == verschilt
    if m.group(3):
        assert _euro(m.group(3)) == round(b.reserve.loc[jaar, "reserve_eind"])


def _check_uitputting(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(r"In dit scenario (raakt|wordt) de reserve (.+?)(, net als in het basisscenario|; in het basisscenario (?:raakt|wordt) hij (.+))?\.", z)
    if not m:
        return False
    assert m.group(2) == f.uitputting_tekst(f.reserve_lang)
    if s == Scenario(eind_jaar=s.eind_jaar):
        assert m.group(3) is None  # the baseline is not compared with itself
        return True
    zelfde = f.uitputting(f.reserve_lang) == b.uitputting(b.reserve_lang)
    assert (m.group(3) == ", net als in het basisscenario") == zelfde
    if not zelfde:
        assert m.group(4) == b.uitputting_tekst(b.reserve_lang)
    return True


def _check_horizon(z: str, s: Scenario, f: Feiten, b: Feiten) -> bool:
    m = re.fullmatch(rf"Eind (\d{{4}}) staat de reserve op {EURO}(?: \(in het basisscenario {EURO}\))?\.", z)
    if not m:
        return False
    jaar = int(m.group(1))
    assert jaar == s.eind_jaar and jaar in b.reserve.index  # the baseline's figure is for the same year
    _check_reserve_naast_basis(m, jaar, f, b)
    return True


CHECKS = [_check_intro, _check_opgave, _check_deadline, _check_oordeel_deadlines, _check_doorgetrokken, _check_tempo,
          _check_ruimte, _check_uitputting, _check_horizon]


@pytest.mark.parametrize("naam", SCENARIOS)
def test_every_sentence_of_the_summary_is_true(naam, basis, feiten):
    scenario = SCENARIOS[naam]
    f, b = feiten(scenario)
    text = zinnen.samenvatting(scenario, basis)
    gecontroleerd = []
    for z in _zinnen(text):
        matched = [check.__name__ for check in CHECKS if check(z, scenario, f, b)]
        assert len(matched) == 1, f"sentence matches {matched or 'no known form'}: {z!r}"
        gecontroleerd += matched
    # Every part of the picture is there: the opgave, the pace, the reserve.
    assert {"_check_opgave", "_check_tempo", "_check_ruimte", "_check_uitputting"} <= set(gecontroleerd)
    assert gecontroleerd.count("_check_deadline") == len(_eigen_deadlines(f))
    assert ("_check_doorgetrokken" in gecontroleerd) == bool(f.taak["beleidsarm"].any())


def test_the_table_covers_extremes_and_every_assumption():
    assert len(SCENARIOS) >= 30
    changed = {p.naam for s in SCENARIOS.values() for p, _b, _v in s.afwijkingen()}
    assert changed == {p.naam for p in PARAMETERS}


# --- the verdict ------------------------------------------------------------------------


@pytest.mark.parametrize("naam", SCENARIOS)
def test_the_three_line_verdict_is_true(naam, basis, feiten):
    scenario = SCENARIOS[naam]
    f, _b = feiten(scenario)
    gehaald, gemist, reserve = zinnen.oordeel(scenario, basis)
    rows = f.taak[(f.taak["status"] != "gerealiseerd") & f.taak["norm_achterstand"].notna()]
    eigen = rows[~rows["beleidsarm"]]
    for regel, verwacht in ((gehaald, True), (gemist, False)):
        for datum, waarde in re.findall(rf"{DATUM} \((\d+);", regel):
            assert int(waarde) == f.achterstand_op(datum)
            assert (f.achterstand_op(datum) <= f.norm_op(datum)) is verwacht
        genoemd = len(re.findall(rf"{DATUM} \(", regel))
        assert genoemd == int((eigen["haalt_norm"] == verwacht).sum())
        later = re.search(r"(\d+) halfja(?:ar|ren) daarna", regel)
        assert (int(later.group(1)) if later else 0) == int((rows[rows["beleidsarm"]]["haalt_norm"] == verwacht).sum())
    assert gemist.startswith("Niet gehaald: geen") == bool(rows["haalt_norm"].all())
    assert reserve == f"Reserve Beschermd Thuis: hij {'wordt' if 'uitgekeerd' in f.uitputting_tekst(f.reserve_lang) else 'raakt'} {f.uitputting_tekst(f.reserve_lang)}."


# --- the reserve's "tot en met 2027" -------------------------------------------------------


@pytest.mark.parametrize("naam", SCENARIOS)
def test_the_tot_en_met_explanation_is_true(naam, basis, feiten):
    scenario = SCENARIOS[naam]
    f, _b = feiten(scenario)
    text = zinnen.dekking_zin(scenario, basis)
    t_m = dekking_volgens_begroting(basis)
    assert text.startswith(f"De regiobegroting zegt dat dekking uit de reserve bij een gelijkblijvend tekort mogelijk is tot en met {t_m}.")
    for reserve, onderwerp in ((f.reserve_lang, "de reserve"), (f.mo_lang, "hij")):
        clause = re.search(rf"(?:raakt|wordt) {onderwerp} (.+?): (dat [^.]+|tot dan is er dekking uit de reserve)\.", text)
        assert clause, text
        assert clause.group(1) == f.uitputting_tekst(reserve)
        jaar, uitgekeerd = f.uitputting(reserve)
        oordeel = clause.group(2)
        if uitgekeerd is not None:
            assert oordeel == "tot dan is er dekking uit de reserve"
        elif jaar is None:
            assert oordeel == f"dat is langer dan tot en met {t_m}"
        elif jaar == t_m + 1:
            assert oordeel == f"dat past bij 'tot en met {t_m}'"
        else:
            assert oordeel == f"dat is {'later' if jaar > t_m + 1 else 'eerder'} dan 'tot en met {t_m}'"


def test_the_begroting_statement_follows_from_the_mo_deficit_alone(basis, feiten):
    """The known case: the baseline's total deficit lasts until 2031, MO alone until 2027 (runs out 2028)."""
    text = zinnen.dekking_zin(Scenario(), basis)
    assert "raakt de reserve op in 2031: dat is later dan 'tot en met 2027'" in text
    assert "raakt hij op in 2028: dat past bij 'tot en met 2027'" in text
    text = zinnen.dekking_zin(Scenario(zorgkosten_groei_pct=10.0), basis)
    assert "raakt de reserve op in 2028: dat past bij 'tot en met 2027'" in text  # not "volgt niet uit het totale tekort"


# --- phrases that were false or awkward before ---------------------------------------------


def test_known_bad_phrasings_are_gone(basis):
    teksten = [zinnen.samenvatting(s, basis) for s in SCENARIOS.values()] + [zinnen.dekking_zin(s, basis) for s in SCENARIOS.values()]
    for text in teksten:
        assert "niet vóór" not in text
        assert "(basis:" not in text
        assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", text), "nested brackets"
        assert " nee (basis: ja)" not in text and "regels geen" not in text
        assert "officiële" not in text
    assert "zonder de huurtoeslagregels die grote gezinnen plaatsbaar maken" in zinnen.samenvatting(Scenario(huurtoeslag_grote_gezinnen=False), basis)
    assert "Compensatie DU MO 2025 structureel in plaats van eenmalig" in zinnen.samenvatting(Scenario(eenmalig=[]), basis)


def test_the_advisors_sentence(basis):
    assert "Op 1 januari 2027 is de achterstand naar verwachting 88; de Provincie staat hoogstens 36 toe." in zinnen.samenvatting(Scenario(), basis)


@pytest.mark.parametrize("naam", SCENARIOS)
def test_the_placements_line_relates_the_three_cards_truly(naam, basis, feiten):
    from core.model.kerncijfers import bereken

    scenario = SCENARIOS[naam]
    f, _b = feiten(scenario)
    eerste = f.nodig.iloc[0]
    row = f.taak.loc[eerste["periode"]]
    text = zinnen.plaatsingen_uitleg(bereken(scenario, basis))
    m = re.fullmatch(
        r"Opgave (\d+) = taakstelling (\d+) \+ achterstand (\d+)\. "
        r"(?:Nodig (\d+) = opgave (\d+) − de (\d+) die de Provincie aan het eind van het halfjaar nog toestaat\."
        r"|Nodig: de taakstelling, (\d+)\.|Nodig (\d+) = de hele opgave: de Provincie staat geen achterstand toe\.) "
        r"Verwacht: (\d+), het tempo van het scenario\.", text)
    assert m, text
    assert [int(g) for g in m.group(1, 2, 3)] == [row["opgave"], row["taakstelling"], row["achterstand_begin"]]
    nodig = next(int(g) for g in (m.group(4), m.group(7), m.group(8)) if g)
    assert nodig == eerste["nodig"]
    if m.group(4):
        assert int(m.group(5)) - int(m.group(6)) == nodig and int(m.group(6)) == eerste["norm_achterstand"]
    if m.group(7):
        assert nodig == eerste["taakstelling"]
    if m.group(8):
        assert nodig == row["opgave"] and eerste["norm_achterstand"] == 0
    assert int(m.group(9)) == eerste["verwacht"]
