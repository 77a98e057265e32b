"""Sentences for the Risico's and Budgetten pages, in plain Dutch.

Every figure in a sentence comes from the core's results; nothing here computes a forecast.
(Kept apart until the project has one module of phrases for all generated text.)
"""

from __future__ import annotations

import pandas as pd

from core.model.parameters import PARAMETERS_BY_NAME, Parameter
from core.risico.beleidsrisico import HarPlus, Wetsvoorstel
from core.risico.doelzoeken import ReserveDoel, TempoDoel
from core.risico.gevoeligheid import OPRAAKJAAR, Tornado
from core.risico.plausibiliteit import Bevinding
from core.risico.simulatie import HORIZON, Simulatie
from core.tekst import formatting as fmt

NIET_VOOR = f"niet vóór {HORIZON + 1}"


def kans(p: float) -> str:
    """A probability for running text: ``12%``; below 1% and above 99% said as such, never rounded to certainty."""
    if p == 0 or p == 1:
        return fmt.procent(p * 100, 0)
    if p < 0.005:
        return "minder dan 1%"
    if p > 0.995:
        return "meer dan 99%"
    return fmt.procent(round(p * 100), 0)


def opraakjaar(jaar: int | None) -> str:
    return NIET_VOOR if jaar is None else str(jaar)


def _met(p: float) -> str:
    return f"met {kans(p)} kans"


# --- the simulation ----------------------------------------------------------------------------


def simulatie_uitleg(uitkomst: Simulatie) -> str:
    return (
        f"{fmt.getal(uitkomst.paden)} gesimuleerde toekomsten met startgetal {uitkomst.seed}. Wat varieert en "
        "hoeveel staat onder 'Onzekerheid (simulatie)' in de zijbalk; de verdelingen en waarom staan op Bronnen."
    )


def _norm(norm: int) -> str:
    return "nul" if norm == 0 else f"hoogstens {norm}"


def deadline_zin(uitkomst: Simulatie, datum, eerste: bool) -> str:
    _periode, norm = uitkomst.deadlines[datum]
    zin = (
        f"De kans dat de achterstand op {fmt.datum(datum)} {_norm(norm)} is (de norm van de Provincie), "
        f"is {kans(uitkomst.kans_norm[datum])}."
    )
    escalatie = uitkomst.kans_escalatie[datum]
    if eerste:
        return zin + f" Wordt die norm gemist, dan kan de Provincie verder opschalen dan trede 2: die kans is {kans(escalatie)}."
    return zin + (
        f" De kans dat op deze of een eerdere deadline een norm wordt gemist, en de Provincie dus verder kan "
        f"opschalen dan trede 2, is {kans(escalatie)}."
    )


def opraak_zin(uitkomst: Simulatie) -> str:
    mediaan, p10, p90 = (uitkomst.opraakjaar_percentiel(f) for f in (0.5, 0.1, 0.9))
    nooit = uitkomst.opraakjaar[None]
    if mediaan is None:
        zin = f"In {kans(nooit)} van de gesimuleerde toekomsten raakt de reserve Beschermd Thuis {NIET_VOOR} op"
        return zin + (f"; in 1 op de 10 al in {p10} of eerder." if p10 is not None else ".")
    zin = f"In de helft van de gesimuleerde toekomsten raakt de reserve Beschermd Thuis uiterlijk in {mediaan} op"
    if p10 == p90:
        return zin + f"; in minstens 8 van de 10 toekomsten is dat in {p10}."
    if p90 is None:
        return zin + f"; in 1 op de 10 al in {p10} of eerder, en in {kans(nooit)} van de toekomsten {NIET_VOOR}."
    return zin + f"; in minstens 8 van de 10 toekomsten ligt het jaar tussen {p10} en {p90}."


def positief_zin(uitkomst: Simulatie, jaar: int) -> str:
    return f"De kans dat de reserve eind {jaar} niet negatief is: {kans(uitkomst.kans_reserve_positief[jaar])}."


# --- goal seeking -------------------------------------------------------------------------------


def tempo_doel_zin(doel: TempoDoel, huidig: int, wetsvoorstel: bool) -> str:
    if doel.alle:
        wat = (
            f"alle {doel.aantal_deadlines} deadlines tot en met {fmt.datum(doel.deadline)} te halen, en zo opschaling "
            "voorbij trede 2 te voorkomen"
        )
    else:
        wat = f"op {fmt.datum(doel.deadline)} " + (
            "geen achterstand te hebben" if doel.norm == 0 else f"een achterstand van hoogstens {doel.norm} te hebben"
        )
    if doel.tempo is None:
        return (
            f"Ook met {doel.maximum} plaatsingen per halfjaar (het maximum van de schuif) is de kans kleiner dan "
            f"{kans(doel.kans)} om {wat}."
        )
    korting = " (vóór de korting door wetsvoorstel 36831)" if wetsvoorstel else ""
    if doel.vanaf == doel.periode:
        hoeveel = f"in {fmt.periode_zin(doel.vanaf)} {doel.tempo} plaatsingen{korting} nodig"
    else:
        hoeveel = f"vanaf {fmt.periode_zin(doel.vanaf)} {doel.tempo} plaatsingen per halfjaar{korting} nodig"
    return f"Om {_met(doel.kans)} {wat}, zijn {hoeveel}; het scenario rekent met {huidig}."


def reserve_doel_zin(doel: ReserveDoel, huidig: float) -> str:
    parameter = PARAMETERS_BY_NAME[doel.parameter]
    du_mo = doel.parameter == "du_mo_indexatie_pct"
    naam = "een DU MO-indexatie" if du_mo else "een zorgkostengroei"
    doelwoorden = f"de reserve tot en met {doel.jaar} niet negatief wordt"
    if doel.waarde is None:
        return (
            f"Zelfs met {naam} van {parameter.formatteer(doel.grens)} per jaar (het gunstigste uiterste van de schuif) "
            f"is de kans kleiner dan {kans(doel.kans)} dat {doelwoorden}."
        )
    if doel.al_gehaald:
        return (
            f"Ook met {naam} van {parameter.formatteer(doel.waarde)} per jaar (het ongunstigste uiterste van de schuif) "
            f"is de kans minstens {kans(doel.kans)} dat {doelwoorden}."
        )
    waarde = f"{parameter.formatteer(doel.waarde)} per jaar"
    nodig = f"is een DU MO-indexatie van minstens {waarde} nodig" if du_mo else f"mag de zorgkostengroei hoogstens {waarde} zijn"
    return f"Om {_met(doel.kans)} te zorgen dat {doelwoorden}, {nodig}; het scenario rekent met {parameter.formatteer(huidig)}."


# --- sensitivity --------------------------------------------------------------------------------


def uitkomst_label(tornado: Tornado) -> str:
    if tornado.uitkomst == OPRAAKJAAR:
        return "Jaar waarin de reserve opraakt"
    return f"Achterstand op {fmt.datum(tornado.deadline)}"


def _uitkomst_waarde(tornado: Tornado, waarde: int | None) -> str:
    if tornado.uitkomst == OPRAAKJAAR:
        return f"raakt de reserve op in {waarde}" if waarde is not None else f"raakt de reserve {NIET_VOOR} op"
    return f"is de achterstand {fmt.getal(waarde)}"


def tornado_zin(tornado: Tornado) -> str:
    if not tornado.balken:
        return f"Geen enkele aanname verandert de uitkomst '{uitkomst_label(tornado).lower()}' binnen haar bereik."
    balk = tornado.balken[0]
    p: Parameter = balk.parameter
    if tornado.uitkomst == OPRAAKJAAR:
        eigen = opraakjaar(tornado.scenario_waarde)
    else:
        eigen = fmt.getal(tornado.scenario_waarde)
    return (
        f"Het zwaarst weegt {p.kort}: bij {p.formatteer(balk.laag)} {_uitkomst_waarde(tornado, balk.bij_laag)}, "
        f"bij {p.formatteer(balk.hoog)} {_uitkomst_waarde(tornado, balk.bij_hoog)} (in dit scenario: {eigen})."
    )


def tornado_tabel(*tornados: Tornado) -> pd.DataFrame:
    """The tornados' bars as one table: outcome, assumption, both ends, and the outcome at each."""
    rows = [(t, b) for t in tornados for b in t.balken]

    def waarde(t: Tornado, v):
        return opraakjaar(v) if t.uitkomst == OPRAAKJAAR else fmt.getal(v)

    return pd.DataFrame(
        {
            "uitkomst": [uitkomst_label(t) for t, _b in rows],
            "aanname": [b.parameter.label for _t, b in rows],
            "laag": [b.parameter.formatteer(b.laag) for _t, b in rows],
            "bij_laag": [waarde(t, b.bij_laag) for t, b in rows],
            "hoog": [b.parameter.formatteer(b.hoog) for _t, b in rows],
            "bij_hoog": [waarde(t, b.bij_hoog) for t, b in rows],
            "uitslag": [b.uitslag for _t, b in rows],
        }
    )


# --- policy risks -------------------------------------------------------------------------------


def wetsvoorstel_zin(w: Wetsvoorstel) -> str:
    if w.vanaf is None:
        return (
            f"Wetsvoorstel 36831 zou in dit scenario op {fmt.datum(w.ingang)} ingaan, na de horizon: het verandert hier niets."
        )
    effect = (
        f"daalt het tempo vanaf {fmt.periode_zin(w.vanaf)} van {w.tempo_zonder} naar {w.tempo_met} personen per halfjaar, "
        f"en is de achterstand eind {w.laatste_periode[:4]} {fmt.getal(w.achterstand_met)} in plaats van "
        f"{fmt.getal(w.achterstand_zonder)}"
    )
    if w.aan:
        return f"Dit scenario rekent met wetsvoorstel 36831 vanaf {fmt.datum(w.ingang)}: daardoor {effect}."
    return (
        f"Als wetsvoorstel 36831 op {fmt.datum(w.ingang)} ingaat, {effect}. Zet de schakelaar onder "
        "'Beleidsrisico's' in de zijbalk aan om dat scenario door te rekenen."
    )


def har_plus_zin(h: HarPlus, horizon: int, kans_uitgeput: dict[str, float]) -> str:
    if not h.nodig:
        return (
            "Met de huurtoeslagregels van 2026 zijn grote gezinnen zonder HAR+ plaatsbaar: het gemeentelijke "
            f"HAR+-budget ({fmt.euro(h.budget)}) wordt in dit scenario niet aangesproken."
        )
    if h.huishoudens_mogelijk == 0:
        return (
            "Zonder de huurtoeslagregels van 2026 zijn grote gezinnen alleen met HAR+-geld plaatsbaar, maar het "
            f"HAR+-budget ({fmt.euro(h.budget)}) betaalt geen enkel huishouden van {fmt.euro(h.kosten_per_huishouden)}: "
            f"tot en met {horizon} blijven {fmt.aantal_personen(h.niet_geplaatst)} in grote gezinnen ongeplaatst."
        )
    zin = (
        f"Het HAR+-budget van {fmt.euro(h.budget)} betaalt bij {fmt.euro(h.kosten_per_huishouden)} per huishouden "
        f"{h.huishoudens_mogelijk} grote {'huishouden' if h.huishoudens_mogelijk == 1 else 'huishoudens'} "
        f"({fmt.aantal_personen(h.personen_mogelijk)}). "
    )
    if h.uitgeput_in is None:
        zin += f"In dit scenario is het tot en met {horizon} niet op"
    else:
        zin += f"In dit scenario is het op na {fmt.periode_zin(h.uitgeput_in)}"
        if h.uitgeput_in in kans_uitgeput:
            zin += f" (in de simulatie {_met(kans_uitgeput[h.uitgeput_in])} uiterlijk dan)"
    return zin + f"; tot en met {horizon} blijven {fmt.aantal_personen(h.niet_geplaatst)} in grote gezinnen ongeplaatst."


# --- plausibility -------------------------------------------------------------------------------


def bevinding_zin(b: Bevinding) -> str:
    w = b.waarden
    if b.soort == "tempo_markt":
        return (
            f"Een tempo van {fmt.getal(w['tempo'])} personen per halfjaar is meer dan de ongeveer "
            f"{fmt.getal(w['bemiddeling_halfjaar'])} woningen die per halfjaar via bemiddeling vrijkomen (circa "
            f"{fmt.getal(w['bemiddeling_jaar'])} van de {fmt.getal(w['mutaties'])} mutaties per jaar, voor alle urgent "
            "woningzoekenden samen). Dat kan alleen als statushouders vrijwel al die woningen krijgen en veel gezinnen een woning delen."
        )
    if b.soort == "tempo_markt_helft":
        return (
            f"Een tempo van {fmt.getal(w['tempo'])} personen per halfjaar vraagt meer dan de helft van de ongeveer "
            f"{fmt.getal(w['bemiddeling_halfjaar'])} woningen die per halfjaar via bemiddeling vrijkomen; statushouders "
            "delen die woningen met andere urgent woningzoekenden."
        )
    if b.soort == "instroom":
        return (
            f"Een instroom van {fmt.procent(w['instroom'], 0, signed=True)} is een grotere verandering dan de landelijke "
            f"taakstelling van {fmt.periode(w['van'])} tot en met {fmt.periode(w['tot'])} liet zien: die lag tussen "
            f"{fmt.getal(w['laag'])} en {fmt.getal(w['hoog'])} per halfjaar, dus hoogstens "
            f"{fmt.procent(w['omhoog'], 0)} hoger of {fmt.procent(-w['omlaag'], 0)} lager."
        )
    if b.soort == "du_mo_indexatie":
        inleg = " en ".join(f"{fmt.euro(v)} ({regel.removeprefix('Compensatie DU MO ')})" for regel, v in sorted(w["inleg"].items()))
        return (
            f"Een DU MO-indexatie van {fmt.procent(w['indexatie'], 1)} per jaar ({fmt.euro(w['stap'])} in het eerste jaar) "
            f"ligt ver buiten wat de regiobegroting als inleg van de indexatie boekt: {inleg}. "
            f"Tussen 0% en ongeveer {fmt.procent(w['grens'], 1)} per jaar blijft de indexatie in die orde van grootte."
        )
    if b.soort == "groei":
        return (
            f"De inkomsten groeien {fmt.procent(w['indexatie'], 1)} per jaar en de zorgkosten {fmt.procent(w['zorgkosten'], 1)}. "
            "Indexatie vergoedt stijgende lonen en prijzen en de tarieven worden jaarlijks geïndexeerd: reken ook met "
            "zorgkostengroei."
        )
    if b.soort in ("spreiding_taakstelling", "spreiding_realisatie"):
        wat = "de landelijke taakstelling" if b.soort == "spreiding_taakstelling" else "de gerealiseerde halfjaren"
        return (
            f"Een spreiding van {fmt.procent(w['gekozen'], 0)} is minder dan de helft van de schommeling van {wat} "
            f"({fmt.procent(w['historisch'], 0)}): de kansen lijken dan zekerder dan de bronnen rechtvaardigen."
        )
    if b.soort == "har_plus_kosten":
        return (
            f"HAR+-kosten van {fmt.euro(w['kosten'])} per huishouden liggen buiten de {fmt.euro(w['minimum'])} tot "
            f"{fmt.euro(w['maximum'])} van de landelijke regeling grote gezinnen."
        )
    if b.soort == "grote_gezinnen":
        return (
            f"Zonder de huurtoeslagregels van 2026 en zonder HAR+-budget worden grote gezinnen ({fmt.aandeel(w['aandeel'])} "
            "van de opgave) in dit scenario nooit geplaatst."
        )
    if b.soort == "jaarrekening":
        return (
            f"De beginstand van de reserve ({fmt.euro(w['start'], 2)}, uit de begroting) wijkt "
            f"{fmt.euro(w['jaarrekening'] - w['start'], 2, signed=True)} af van de jaarrekening {w['jaar']} "
            f"({fmt.euro(w['jaarrekening'], 2)}). Neem de stand uit de jaarrekening over."
        )
    raise ValueError(f"Onbekende bevinding: {b.soort}")


# --- the budgets ----------------------------------------------------------------------------------


def budget_zinnen(rijen, kosten_per_statushouder: float, plafond: float, horizon: int) -> list[str]:
    """What the scenario does to the opvang and integratie budgets, in a few sentences (from prognose_rijen)."""
    extra = sum(r["extra_statushouders"] for r in rijen)
    kosten = sum(r["extra_kosten"] for r in rijen)
    zinnen = []
    if extra > 0:
        zinnen.append(
            f"Dit scenario huisvest tot en met {horizon} {fmt.getal(extra)} statushouders meer dan het basisscenario; "
            f"dat kost naar schatting {fmt.euro(kosten)} extra ({fmt.euro(kosten_per_statushouder)} per statushouder)."
        )
    elif extra < 0:
        zinnen.append(
            f"Dit scenario huisvest tot en met {horizon} {fmt.getal(-extra)} statushouders minder dan het basisscenario; "
            f"dat scheelt naar schatting {fmt.euro(-kosten)} ({fmt.euro(kosten_per_statushouder)} per statushouder)."
        )
    else:
        zinnen.append(f"Dit scenario huisvest tot en met {horizon} evenveel statushouders als het basisscenario.")
    tekort = [r for r in rijen if r["tekort"] > 0]
    if not tekort:
        zinnen.append(
            "De reguliere budgetten volstaan in elk jaar (aanname: in het basisscenario zijn ze precies toereikend); "
            "de Reserve Vreemdelingen wordt niet aangesproken."
        )
    else:
        eerste = tekort[0]
        zin = (
            f"De reguliere budgetten schieten voor het eerst tekort in {eerste['jaar']} ({fmt.euro(eerste['tekort'])}). "
            f"De Reserve Vreemdelingen vangt tot en met {horizon} {fmt.euro(sum(r['onttrekking'] for r in rijen))} op"
        )
        leeg = next((r for r in rijen if r["onttrekking"] > 0 and r["reserve_eind"] <= 0), None)
        if leeg is not None:
            zin += f" en is eind {leeg['jaar']} leeg"
        niet_gedekt = sum(r["niet_gedekt"] for r in rijen)
        zin += f"; {fmt.euro(niet_gedekt)} is niet gedekt." if niet_gedekt > 0 else "; daarmee is alles gedekt."
        zinnen.append(zin)
    boven = sum(r["boven_plafond"] for r in rijen)
    if boven > 0:
        zinnen.append(
            f"{fmt.euro(boven)} aan extra middelen valt boven het plafond van {fmt.euro(plafond)} en kan niet in de "
            "Reserve Vreemdelingen blijven."
        )
    return zinnen


# --- the distributions, for Bronnen and the README ---------------------------------------------------


def verdelingen() -> pd.DataFrame:
    """What the simulation varies, how, with which assumption, and why this distribution."""
    p = PARAMETERS_BY_NAME
    return pd.DataFrame(
        [
            {
                "grootheid": "Toekomstige taakstelling (zonder vastgestelde taakstelling)",
                "verdeling": "lognormaal rond de taakstelling van het scenario, per halfjaar een eigen trekking",
                "aanname": p["spreiding_taakstelling_pct"].label,
                "waarom": (
                    "De landelijke taakstelling veranderde sprongsgewijs en naar verhouding (van 13.500 naar 21.200, "
                    "van 27.300 bijgesteld naar 17.600): een vermenigvuldigende afwijking past daarbij, kan niet negatief "
                    "worden en heeft de scenariowaarde als middelste uitkomst. De spreiding is de standaardafwijking van "
                    "de logaritme van de landelijke taakstellingen 2022-2025."
                ),
            },
            {
                "grootheid": "Huisvesting per halfjaar",
                "verdeling": "lognormaal rond het tempo van het scenario (na beleidsschakelaars), per halfjaar een eigen trekking; nooit meer dan de opgave",
                "aanname": p["spreiding_realisatie_pct"].label,
                "waarom": (
                    "Wat vrijkomt hangt af van mutaties en gezinssamenstelling en schommelt van halfjaar tot halfjaar; "
                    "een vermenigvuldigende afwijking blijft positief en houdt het tempo als middelste uitkomst. De "
                    "spreiding is die van de gerealiseerde halfjaren (116, 95 en 96)."
                ),
            },
            {
                "grootheid": "DU MO-indexatie",
                "verdeling": "gelijkmatig binnen de bandbreedte rond het scenario; één trekking per toekomst, elk jaar toegepast",
                "aanname": p["bandbreedte_du_mo_indexatie"].label,
                "waarom": (
                    "De bronnen noemen geen kansverdeling, alleen een bandbreedte is te verdedigen: elke waarde daarbinnen "
                    "even waarschijnlijk. Eén waarde per toekomst, omdat een structureel hogere of lagere indexatie zich "
                    "opstapelt; losse trekkingen per jaar zouden elkaar uitmiddelen en het risico onderschatten."
                ),
            },
            {
                "grootheid": "Groei zorgkosten",
                "verdeling": "gelijkmatig binnen de bandbreedte rond het scenario; één trekking per toekomst, elk jaar toegepast",
                "aanname": p["bandbreedte_zorgkosten_groei"].label,
                "waarom": "Als bij de DU MO-indexatie: een bandbreedte zonder voorkeur, en een structurele groei die zich opstapelt.",
            },
        ]
    )


def budget_uitleg(jaren: list[str], kosten_per_statushouder: float, plafond: float) -> str:
    """How the Budgetten page computes, in plain Dutch."""
    return (
        f"Hoe gerekend is: de bedragen komen uit het beleidskader ({jaren[0]} tot en met {jaren[-1]}); na {jaren[-1]} "
        f"blijft het niveau van {jaren[-1]} staan (beleidsarm doorgetrokken). De specifieke uitkering Wet Inburgering "
        "beweegt mee met het aantal statushouders dat in het jaar wordt gehuisvest, het faciliteitenbesluit met de "
        "taakstelling van het jaar ervoor (de bezetting van het AZC op 1 januari), beide ten opzichte van het "
        f"basisscenario. Elke statushouder die meer wordt gehuisvest dan in het basisscenario kost "
        f"{fmt.euro(kosten_per_statushouder)} (aanname; de specifieke uitkering betaalt de inburgering zelf). In het "
        "basisscenario zijn de reguliere budgetten precies toereikend (aanname). Een tekort wordt eerst gedekt met "
        "extra geld uit het faciliteitenbesluit en daarna uit de Reserve Vreemdelingen; een overschot vult de reserve "
        f"aan tot het plafond van {fmt.euro(plafond)}, de rest kan niet in de reserve blijven."
    )
