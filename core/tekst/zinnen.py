"""Every generated sentence, in one place: the summary, the verdict, the reserve's reading of
"tot en met 2027", the readings of the sources, the consistency findings and help texts
that quote figures.

Each sentence is built from figures the core computes, and says only what holds for every
scenario: tests/test_zinnen.py checks every number, year and comparison in these
sentences against the core for a table of scenarios. A comparison with the baseline is
always for the same year (``basislijn``).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from core.data import Basis
from core.model import reserve as rsv
from core.model.kerncijfers import Deadline, Kerncijfers, basislijn, bereken
from core.model.parameters import KEUZE, LEZING_A, LEZING_B, MULTISELECT, PARAMETERS_BY_NAME, TOGGLE, Parameter
from core.model.scenario import Scenario
from core.model.periode import deadline
from core.model.taakstelling import (
    Tussenstand, aandeel_landelijk, bekende_huurtoeslagregels, laatste_taakstelling, landelijke_taakstellingen,
    taakstelling_rijen, tussenstanden,
)
from core.risico.beleidsrisico import HarPlus, Wetsvoorstel
from core.risico.doelzoeken import ReserveDoel, TempoDoel
from core.risico.gevoeligheid import OPRAAKJAAR, Tornado
from core.risico.plausibiliteit import Bevinding
from core.risico.simulatie import HORIZON, Simulatie
from core.tekst import formatting as fmt


def opsomming(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


# --- what a scenario changes -----------------------------------------------------------


def afwijking(parameter: Parameter, waarde, basiswaarde) -> str:
    """One change against the baseline as a phrase: ``instroom +20% in plaats van 0%``."""
    if parameter.widget == TOGGLE:
        return f"{'met' if waarde else 'zonder'} de {parameter.kort}"
    if parameter.widget == MULTISELECT:
        return opsomming(
            [f"{regel} eenmalig in plaats van structureel" for regel in sorted(waarde - basiswaarde)]
            + [f"{regel} structureel in plaats van eenmalig" for regel in sorted(basiswaarde - waarde)]
        )
    if parameter.widget == KEUZE:
        return f"{parameter.kort}: {parameter.formatteer(waarde)} in plaats van {parameter.formatteer(basiswaarde)}"
    return f"{parameter.kort} {parameter.formatteer(waarde)} in plaats van {parameter.formatteer(basiswaarde)}"


def afwijkingen(scenario: Scenario) -> str:
    """``instroom +20% in plaats van 0%; zonder de huurtoeslagregels die grote gezinnen plaatsbaar maken`` or ``geen``."""
    return "; ".join(afwijking(p, v, b) for p, b, v in scenario.afwijkingen()) or "geen (basisscenario)"


def afwijkingen_zin(scenario: Scenario) -> str:
    """A sentence for the Scenario's page: what differs from the baseline, or that nothing does."""
    if scenario.is_basis:
        return "Dit is het basisscenario: geen enkele aanname wijkt af."
    return f"Afwijkingen van het basisscenario: {afwijkingen(scenario)}."


def intro(scenario: Scenario) -> str:
    if scenario.is_basis:
        return (
            "Dit is het basisscenario: de cijfers uit de bronnen, met elke aanname op haar basiswaarde "
            "(zie Bronnen)."
        )
    changes = [afwijking(p, v, b) for p, b, v in scenario.afwijkingen()]
    aantal = "één punt" if len(changes) == 1 else f"{len(changes)} punten"
    return f"Dit scenario wijkt op {aantal} af van het basisscenario: {opsomming(changes)}."


# --- statushouders -----------------------------------------------------------------------


def opgave(k: Kerncijfers) -> str:
    periode = fmt.periode_zin(k.eerste_prognose)
    if k.achterstand_begin == 0:
        return f"In {periode} moeten {k.opgave} statushouders een woning krijgen: de taakstelling; er is geen achterstand."
    return (
        f"In {periode} moeten {k.opgave} statushouders een woning krijgen: de taakstelling van {k.taakstelling} "
        f"plus een achterstand van {k.achterstand_begin}."
    )


def _toegestaan(norm: int) -> str:
    return "de Provincie staat geen achterstand toe" if norm == 0 else f"de Provincie staat hoogstens {norm} toe"


def deadline_zin(d: Deadline, basiswaarde: int | None = None) -> str:
    """``Op 1 januari 2027 is de achterstand naar verwachting 88; de Provincie staat hoogstens 36 toe.``

    ``basiswaarde`` is the baseline's achterstand on the same date (forecast or realised).
    """
    vergelijking = ""
    if basiswaarde is not None and basiswaarde != d.achterstand:
        vergelijking = f" (in het basisscenario {basiswaarde})"
    lezing = ", bij lezing (b) van de raadsinformatiebrief," if d.status == "tussenstand" else ""
    return (
        f"Op {fmt.datum(d.deadline)} is de achterstand{lezing} naar verwachting {d.achterstand}{vergelijking}; "
        f"{_toegestaan(d.norm)}."
    )


def oordeel_deadlines(deadlines: tuple[Deadline, ...], trede: int) -> str:
    """Which deadlines are met, and what that means on the interventieladder."""
    gehaald = [d for d in deadlines if d.haalt_norm]
    gemist = [d for d in deadlines if not d.haalt_norm]
    n = len(deadlines)
    ladder = f"trede {trede} van de interventieladder"
    if not gemist:
        wat = "de deadline" if n == 1 else ("beide deadlines" if n == 2 else f"alle {n} deadlines")
        return f"Daarmee haalt Maastricht {wat} en blijft de gemeente op {ladder}."
    if not gehaald:
        wat = "de deadline niet" if n == 1 else ("geen van beide deadlines" if n == 2 else f"geen van de {n} deadlines")
        return f"Daarmee haalt Maastricht {wat}; de Provincie kan dan verder opschalen, boven {ladder}."
    datums = opsomming([fmt.datum(d.deadline) for d in gehaald])
    return (
        f"Daarmee haalt Maastricht {len(gehaald)} van de {n} deadlines ({datums}); bij de andere dreigt verdere "
        f"opschaling, boven {ladder}."
    )


def plaatsingen_uitleg(k: Kerncijfers) -> str:
    """How opgave, nodig and verwacht relate, in one line under the three cards."""
    opgave = f"Opgave {k.opgave} = taakstelling {k.taakstelling} + achterstand {k.achterstand_begin}."
    if k.norm_eerste is None or k.nodig == k.taakstelling:
        nodig = f"Nodig: de taakstelling, {k.nodig}."
    else:
        nodig = (
            f"Nodig {k.nodig} = opgave {k.opgave} − de {k.norm_eerste} die de Provincie aan het eind van het halfjaar "
            "nog toestaat." if k.norm_eerste else f"Nodig {k.nodig} = de hele opgave: de Provincie staat geen achterstand toe."
        )
    return f"{opgave} {nodig} Verwacht: {k.verwacht}, het tempo van het scenario."


def doorgetrokken_zin(k: Kerncijfers) -> str:
    """After the last deadline the norm is 0 at every half-year end; say how many the scenario meets."""
    if not k.doorgetrokken:
        return ""
    eerste, laatste = k.doorgetrokken[0], k.doorgetrokken[-1]
    gehaald = sum(d.haalt_norm for d in k.doorgetrokken)
    n = len(k.doorgetrokken)
    begin = f"Na de laatste deadline moet elke taakstelling binnen haar eigen halfjaar een woning krijgen"
    if gehaald == n:
        return f"{begin}; dat lukt in dit scenario in elk halfjaar van {fmt.periode(eerste.periode)} tot en met {fmt.periode(laatste.periode)}."
    if gehaald == 0:
        wat = "in geen enkel halfjaar"
    else:
        wat = f"in {gehaald} van de {n} halfjaren"
    return (
        f"{begin}; dat lukt in dit scenario {wat} van {fmt.periode(eerste.periode)} tot en met "
        f"{fmt.periode(laatste.periode)}, en eind {k.eind_jaar} is de achterstand naar verwachting {laatste.achterstand}."
    )


def tempo_zin(k: Kerncijfers) -> str:
    """Placements needed in the first forecast half year against what the pace gives, naming its deadline."""
    periode = fmt.periode_zin(k.eerste_prognose)
    doel = (
        "om elke taakstelling binnen het eigen halfjaar te huisvesten"
        if k.norm_eerste is None
        else f"om aan het eind van dat halfjaar de norm van de Provincie ({'geen achterstand' if k.norm_eerste == 0 else f'hoogstens {k.norm_eerste}'}) te halen"
    )
    tekort = k.nodig - k.verwacht
    if tekort > 0:
        uitkomst = f"bij het verwachte tempo worden het er {k.verwacht}, {tekort} te weinig"
    elif tekort == 0:
        uitkomst = f"het verwachte tempo geeft er precies {k.verwacht}"
    else:
        uitkomst = f"het verwachte tempo geeft er {k.verwacht}, {-tekort} meer dan nodig"
    return f"In {periode} zijn {k.nodig} plaatsingen nodig {doel}; {uitkomst}."


# --- reserve -----------------------------------------------------------------------------


def uitputting_zin(u: rsv.Uitputting, onderwerp: str = "de reserve", inversie: bool = False) -> str:
    """When the reserve runs out, as a clause: ``de reserve raakt op in 2031``; with ``inversie`` the verb
    comes first, for after a fronted phrase: ``(In dit scenario) raakt de reserve op in 2031``."""
    if u.jaar is not None:
        werkwoord, rest = "raakt", f"op in {u.jaar}"
    elif u.uitgekeerd_in is not None:
        werkwoord = "wordt"
        rest = f"eind {u.uitgekeerd_in} met {fmt.euro(u.uitgekeerd_bedrag)} uitgekeerd aan Maastricht, voordat hij opraakt"
    else:
        werkwoord, rest = "raakt", f"tot en met {u.tot_en_met} niet op"
    return f"{werkwoord} {onderwerp} {rest}" if inversie else f"{onderwerp} {werkwoord} {rest}"


def _zelfde_uitputting(a: rsv.Uitputting, b: rsv.Uitputting) -> bool:
    return (a.jaar, a.uitgekeerd_in) == (b.jaar, b.uitgekeerd_in)


def _basis_uitputting(eigen: rsv.Uitputting, basis_u: rsv.Uitputting) -> str:
    if _zelfde_uitputting(eigen, basis_u):
        return ", net als in het basisscenario"
    return f"; in het basisscenario {uitputting_zin(basis_u, 'hij', inversie=True)}"


def reserve_zinnen(k: Kerncijfers, b: Kerncijfers | None) -> list[str]:
    ruimte = f"Eind {k.reservejaar} is er naar verwachting {fmt.euro(k.reserve_eind_basisjaar)} ruimte in de reserve Beschermd Thuis"
    if b is not None and round(b.reserve_eind_basisjaar) != round(k.reserve_eind_basisjaar):
        ruimte += f" (in het basisscenario {fmt.euro(b.reserve_eind_basisjaar)})"
    verloop = f"In dit scenario {uitputting_zin(k.uitputting, inversie=True)}"
    if b is not None:
        verloop += _basis_uitputting(k.uitputting, b.uitputting)
    zinnen = [ruimte + ".", verloop + "."]
    if k.eind_jaar > k.reservejaar and k.uitputting.uitgekeerd_in is None:
        horizon = f"Eind {k.eind_jaar} staat de reserve op {fmt.euro(k.reserve_eind_horizon)}"
        if b is not None and round(b.reserve_eind_horizon) != round(k.reserve_eind_horizon):
            horizon += f" (in het basisscenario {fmt.euro(b.reserve_eind_horizon)})"
        zinnen.append(horizon + ".")
    return zinnen


def dekking_zin(scenario: Scenario, basis: Basis) -> str:
    """The begroting's "tot en met 2027" against the run-out year, with the total deficit and with MO alone."""
    t_m = rsv.dekking_volgens_begroting(basis)
    totaal, mo = rsv.uitputting(scenario, basis), rsv.uitputting_alleen_mo(scenario, basis)
    return (
        f"De regiobegroting zegt dat dekking uit de reserve bij een gelijkblijvend tekort mogelijk is tot en met {t_m}. "
        f"In dit scenario, met het totale tekort van Beschermd Wonen en Maatschappelijke Opvang samen, "
        f"{uitputting_zin(totaal, inversie=True)}: {_vergelijk_met_begroting(totaal, t_m)}. "
        f"Als de reserve het tekort op Maatschappelijke Opvang alleen moet dragen, zonder het overschot op "
        f"Beschermd Wonen, {uitputting_zin(mo, 'hij', inversie=True)}: {_vergelijk_met_begroting(mo, t_m)}."
    )


def _vergelijk_met_begroting(u: rsv.Uitputting, tot_en_met: int) -> str:
    if u.uitgekeerd_in is not None:
        return f"tot dan is er dekking uit de reserve"
    if u.jaar is None:
        return f"dat is langer dan tot en met {tot_en_met}"
    if u.jaar == tot_en_met + 1:
        return f"dat past bij 'tot en met {tot_en_met}'"
    if u.jaar > tot_en_met + 1:
        return f"dat is later dan 'tot en met {tot_en_met}'"
    return f"dat is eerder dan 'tot en met {tot_en_met}'"


# --- the summary and the verdict ----------------------------------------------------------


@lru_cache(maxsize=64)
def samenvatting(scenario: Scenario, basis: Basis) -> str:
    """A short plain-Dutch paragraph: what the scenario changes and what follows from it.

    Cached per (scenario, basis): the compare page shows it for every saved scenario on every rerun."""
    k = bereken(scenario, basis)
    b = None if scenario == basislijn(scenario) else bereken(basislijn(scenario), basis)
    achterstand_basisscenario = {} if b is None else {
        r["periode"]: r["achterstand_eind"] for r in taakstelling_rijen(basislijn(scenario), basis)
    }
    parts = [intro(scenario), opgave(k)]
    parts += [deadline_zin(d, achterstand_basisscenario.get(d.periode)) for d in k.deadlines]
    if k.deadlines:
        parts.append(oordeel_deadlines(k.deadlines, k.trede))
    parts.append(doorgetrokken_zin(k))
    parts.append(tempo_zin(k))
    parts += reserve_zinnen(k, b)
    return " ".join(p for p in parts if p)


def oordeel(scenario: Scenario, basis: Basis) -> list[str]:
    """The three-line verdict: what is met, what is missed, when the reserve runs out."""
    k = bereken(scenario, basis)
    alle = k.deadlines + k.doorgetrokken
    gehaald = [d for d in alle if d.haalt_norm]
    gemist = [d for d in alle if not d.haalt_norm]
    if gehaald:
        regel1 = "Gehaald: " + _deadlines_kort(gehaald) + "."
    else:
        regel1 = "Gehaald: geen enkele deadline van de Provincie."
    if gemist:
        regel2 = f"Niet gehaald: {_deadlines_kort(gemist)}; dan dreigt opschaling boven trede {k.trede}."
    else:
        regel2 = f"Niet gehaald: geen; Maastricht blijft op trede {k.trede} van de interventieladder."
    regel3 = f"Reserve Beschermd Thuis: {uitputting_zin(k.uitputting, 'hij')}."
    return [regel1, regel2, regel3]


def _deadlines_kort(deadlines: list[Deadline]) -> str:
    eigen = [d for d in deadlines if not d.doorgetrokken]
    doorgetrokken = [d for d in deadlines if d.doorgetrokken]
    parts = [f"{fmt.datum(d.deadline)} ({d.achterstand}; norm: {'hoogstens ' + str(d.norm) if d.norm else '0'})" for d in eigen]
    if doorgetrokken:
        n = len(doorgetrokken)
        parts.append(f"{n} {'halfjaar' if n == 1 else 'halfjaren'} daarna (norm 0)")
    return opsomming(parts)


# --- notices ----------------------------------------------------------------------------


def link_melding(parameter: Parameter, reden: str) -> str:
    """A link value that was not applied: names the control and why, never the value itself."""
    return (
        f"De link bevat voor '{parameter.label}' een waarde die niet kan ({reden}); "
        f"de basiswaarde {parameter.formatteer(parameter.standaard)} is gebruikt."
    )


# --- readings of the sources and help texts -----------------------------------------------


def tempo_alternatieven(basis: Basis) -> str:
    """The alternatives to the pace's baseline, computed from the data (for its help text)."""
    parts = []
    for t in tussenstanden(basis):
        heel = t.aantal + t.na_tussenstand(100)
        parts.append(f"{t.aantal} (gemeld tot {fmt.datum(t.peildatum)})")
        parts.append(f"ongeveer {heel} (hetzelfde tempo over het hele halfjaar {fmt.periode(t.periode)})")
    interim = {t.periode for t in tussenstanden(basis)}
    volledig = {p: c["realisatie"] for p, c in basis.halfjaarcijfers.items() if "realisatie" in c and p not in interim}
    if volledig:
        gemiddeld = round(sum(volledig.values()) / len(volledig))
        parts.append(f"{gemiddeld} (gemiddelde van {opsomming([fmt.periode(p) for p in sorted(volledig)])})")
    return f"Andere keuzes: {opsomming(parts)}." if parts else ""


def lezingen_achterstand(t: Tussenstand, begin: int, taakstelling: int, gemeld: int) -> str:
    """Both readings of an achterstand reported with an interim realisation, and what each implies."""
    som = max(0, begin + taakstelling - t.aantal)
    periode, dag, einde = fmt.periode(t.periode), fmt.datum(t.peildatum), fmt.datum(deadline(t.periode))
    verschil = abs(som - gemeld)
    a = (
        f"Lezing (a), de eigen som van de brief: de {periode} is afgesloten met {t.aantal} plaatsingen en een "
        f"achterstand van {gemeld}. Dan klopt de telling niet: {begin} + {taakstelling} − {t.aantal} = {som}, "
        f"een verschil van {verschil} {'persoon' if verschil == 1 else 'personen'} (een correctie van het COA, "
        "een telverschil of een verschrijving)."
    )
    if gemeld != begin:
        return a
    nodig = begin + taakstelling - t.aantal - gemeld
    na = t.na_tussenstand(100)
    b = (
        f"Lezing (b): {t.aantal} is een tussenstand op {dag}, en {gemeld} is de achterstand aan het begin van het "
        f"halfjaar, herhaald uit de eerdere brief. Dan is er geen tegenspraak: de achterstand op {einde} is {gemeld} "
        f"als na {dag} nog {nodig} statushouders een woning krijgen; bij hetzelfde tempo als ervoor zijn dat er {na} "
        f"en wordt de achterstand {max(0, begin + taakstelling - t.aantal - na)}."
    )
    return f"{a} {b}"


def lezing_effect(parameter: Parameter, basis: Basis) -> str:
    """One sentence: what switching this reading of the sources does to the headline figures."""
    standaard = Scenario()
    if parameter.naam == "lezing_raadsinformatiebrief":
        if not tussenstanden(basis):
            return "Niet van toepassing: de huidige gegevens bevatten geen tussenstand."
        a, b = bereken(standaard, basis), bereken(standaard.met(lezing_raadsinformatiebrief=LEZING_B), basis)
        t = tussenstanden(basis)[0]
        rij_b = next(r for r in taakstelling_rijen(standaard.met(lezing_raadsinformatiebrief=LEZING_B), basis) if r["periode"] == t.periode)
        rij_a = next(r for r in taakstelling_rijen(standaard, basis) if r["periode"] == t.periode)
        return (
            f"Bij lezing (b) is de achterstand eind {fmt.periode(t.periode)} {rij_b['achterstand_eind']} in plaats van "
            f"{rij_a['achterstand_eind']}, wordt de opgave in {fmt.periode_zin(a.eerste_prognose)} {b.opgave} in plaats van "
            f"{a.opgave} en zijn er dan {b.nodig} plaatsingen nodig in plaats van {a.nodig}."
        )
    if parameter.widget == KEUZE:
        anders = next(v for v in parameter.keuzes if v != parameter.standaard)
        return _reserve_effect(standaard.met(**{parameter.naam: anders}), basis, f"Bij '{parameter.formatteer(anders)}'")
    if parameter.widget == MULTISELECT:
        regels = sorted(parameter.standaard)
        return _reserve_effect(standaard.met(eenmalig=frozenset()), basis, f"Als {opsomming(regels)} structureel meetelt,")
    return ""


def _reserve_effect(anders: Scenario, basis: Basis, wanneer: str) -> str:
    """What another reading does to the room at the end of the base year and to the run-out year."""
    nu, dan = bereken(Scenario(), basis), bereken(anders, basis)
    ruimte = ""
    if round(nu.reserve_eind_basisjaar) != round(dan.reserve_eind_basisjaar):
        ruimte = (
            f"is de ruimte in de reserve eind {dan.reservejaar} {fmt.euro(dan.reserve_eind_basisjaar)} in plaats van "
            f"{fmt.euro(nu.reserve_eind_basisjaar)}, en "
        )
    if _zelfde_uitputting(nu.uitputting, dan.uitputting):
        return f"{wanneer} {ruimte}{uitputting_zin(dan.uitputting, inversie=not ruimte)}, net als in het basisscenario."
    return f"{wanneer} {ruimte}{uitputting_zin(dan.uitputting, inversie=not ruimte)}{_basis_uitputting(dan.uitputting, nu.uitputting)}."


def laatste_taakstelling_zin(basis: Basis) -> str:
    periode, waarde = laatste_taakstelling(basis)
    zin = f"De laatst vastgestelde taakstelling is {waarde} ({fmt.periode(periode)})."
    landelijk = {p: n for p, n in landelijke_taakstellingen(basis).items() if p > periode}
    aandeel = aandeel_landelijk(basis)
    if not landelijk or aandeel is None:
        return zin
    welke = "; ".join(f"{fmt.periode(p)}: {fmt.getal(n)}" for p, n in sorted(landelijk.items()))
    return (
        f"{zin} Voor latere halfjaren met een bekende landelijke taakstelling ({welke}) is de basis het aandeel van "
        f"Maastricht daarin ({fmt.aandeel(aandeel[1], 2)}, zoals in {fmt.periode(aandeel[0])})."
    )


def bekende_huurtoeslag_zin(basis: Basis) -> str:
    """The years whose huurtoeslag rule for large families is set in the data (they override this switch)."""
    bekend = bekende_huurtoeslagregels(basis)
    if not bekend:
        return ""
    jaren = "; ".join(f"{jaar}: {'ja' if ja else 'nee'}" for jaar, ja in sorted(bekend.items()))
    return f"Vastgelegd in de gegevens (grote gezinnen plaatsbaar zonder HAR+): {jaren}. Deze schakelaar geldt voor de andere jaren."


def bekende_indexatie_zin(basis: Basis) -> str:
    """The years a circulaire has set the DU MO indexation for (they override this control), or nothing."""
    bekend = rsv.bekende_indexatie(basis, "du_mo")
    if not bekend:
        return ""
    jaren = "; ".join(f"{jaar}: {fmt.procent(p, 1)}" for jaar, p in sorted(bekend.items()))
    return f"Vastgesteld in een circulaire (ingevoerd als gegeven): {jaren}. Deze schuif geldt voor de andere jaren."


# --- Risico's and Budgetten pages (issue 11): probabilities, goal seeking, sensitivity, plausibility,
# policy risks and the opvang budgets. Every figure comes from core.risico and core.model.budgetten.

NIET_VOOR = f"niet vóór {HORIZON + 1}"


@lru_cache(maxsize=16384)
def kans(p: float) -> str:
    """A probability for running text: ``12%``; below 1% and above 99% said as such, never rounded to certainty.

    Cached: the Risico's page words some 80 probabilities per rerun, from at most 10.001 values per path count.
    """
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


def kans_deadline_zin(uitkomst: Simulatie, datum, eerste: bool) -> str:
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


def opraakjaar_uitkomsten(uitkomst: Simulatie) -> tuple[list[str], list[float]]:
    """(label, share of futures) per run-out year up to 2040, then 'niet vóór 2041', then a payout if any."""
    jaren = [j for j in uitkomst.opraakjaar if j is not None]
    labels = [str(j) for j in jaren] + [NIET_VOOR]
    aandelen = [uitkomst.opraakjaar[j] for j in jaren] + [uitkomst.opraakjaar[None]]
    if uitkomst.uitkeringsjaar is not None:
        labels.append(f"uitgekeerd eind {uitkomst.uitkeringsjaar}")
        aandelen.append(uitkomst.kans_uitgekeerd)
    return labels, aandelen


def _niet_op(uitkomst: Simulatie) -> str:
    """The futures in which the reserve does not run out: paid out to Maastricht first, or not before 2041."""
    delen = []
    if uitkomst.kans_uitgekeerd:
        delen.append(
            f"in {kans(uitkomst.kans_uitgekeerd)} wordt hij eind {uitkomst.uitkeringsjaar} aan Maastricht uitgekeerd "
            "voordat hij opraakt"
        )
    if uitkomst.opraakjaar[None]:
        delen.append(f"in {kans(uitkomst.opraakjaar[None])} raakt hij {NIET_VOOR} op")
    return opsomming(delen)


def opraak_zin(uitkomst: Simulatie) -> str:
    """When the reserve runs out across the simulated futures: the middle year and the range of 8 in 10."""
    mediaan, p10, p90 = (uitkomst.opraakjaar_percentiel(f) for f in (0.5, 0.1, 0.9))
    if mediaan is None:
        hoeveel = "geen van de" if p10 is None and uitkomst.kans_niet_op_tot(HORIZON) == 1 else "meer dan de helft van de"
        werkwoord = "raakt de reserve Beschermd Thuis tot en met " + str(HORIZON) + (" op" if hoeveel == "geen van de" else " niet op")
        zin = f"In {hoeveel} gesimuleerde toekomsten {werkwoord}: {_niet_op(uitkomst)}"
        return zin + (f"; in 1 op de 10 raakt hij al in {p10} of eerder op." if p10 is not None else ".")
    zin = f"In de helft van de gesimuleerde toekomsten raakt de reserve Beschermd Thuis uiterlijk in {mediaan} op"
    if p10 == p90:
        return zin + f"; in minstens 8 van de 10 toekomsten is dat in {p10}."
    if p90 is None:
        return zin + f"; in 1 op de 10 al in {p10} of eerder; {_niet_op(uitkomst)}."
    return zin + f"; in minstens 8 van de 10 toekomsten ligt het jaar tussen {p10} en {p90}."


def doorgetrokken_kans_zin(uitkomst: Simulatie, eigen: list) -> str:
    """After the Provincie's own deadlines the norm is 0 at every half-year end: the chance of meeting them all."""
    later = [d for d in uitkomst.deadlines if d not in eigen]
    if not later:
        return ""
    laatste = max(uitkomst.deadlines)
    return (
        f"Na {fmt.datum(max(eigen)) if eigen else 'de laatste deadline'} staat de Provincie aan het eind van elk "
        f"halfjaar geen achterstand meer toe. De kans dat Maastricht elke deadline tot en met {fmt.datum(laatste)} "
        f"haalt, is {kans(1 - uitkomst.kans_escalatie[laatste])}."
    )


def positief_zin(uitkomst: Simulatie, jaar: int) -> str:
    if jaar not in uitkomst.kans_reserve_positief:  # paid out to Maastricht before then
        return ""
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
        f"Het zwaarst weegt de aanname '{p.kort}': bij {p.formatteer(balk.laag)} {_uitkomst_waarde(tornado, balk.bij_laag)}, "
        f"bij {p.formatteer(balk.hoog)} {_uitkomst_waarde(tornado, balk.bij_hoog)} (in dit scenario: {eigen})."
    )


# --- policy risks -------------------------------------------------------------------------------


def wetsvoorstel_zin(w: Wetsvoorstel) -> str:
    if w.vanaf is None:
        return (
            f"Wetsvoorstel 36831 zou in dit scenario op {fmt.datum(w.ingang)} ingaan, na de horizon: het verandert hier niets."
        )
    effect = (
        f"daalt het tempo vanaf {fmt.periode_zin(w.vanaf)} van {w.tempo_zonder} naar {w.tempo_met} personen per halfjaar; "
        f"de achterstand is eind {w.laatste_periode[:4]} dan {fmt.getal(w.achterstand_met)} in plaats van "
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
            "De huurtoeslagregels maken grote gezinnen in elk prognosehalfjaar zonder HAR+ plaatsbaar: het gemeentelijke "
            f"HAR+-budget ({fmt.euro(h.budget)}) wordt in dit scenario niet aangesproken."
        )
    if h.huishoudens_mogelijk == 0:
        return (
            "In de jaren waarin de huurtoeslagregels dat niet toelaten, zijn grote gezinnen alleen met HAR+-geld plaatsbaar, maar het "
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


def plausibiliteit_kop(aantal: int) -> str:
    if aantal == 0:
        return "Plausibiliteit van de aannames: geen opmerkingen"
    return f"Plausibiliteit van de aannames: {aantal} {'opmerking' if aantal == 1 else 'opmerkingen'}"


def bevinding_zin(b: Bevinding) -> str:
    w = b.waarden
    if b.regel == "tempo_markt":
        return (
            f"Een tempo van {fmt.getal(w['tempo'])} personen per halfjaar is meer dan de ongeveer "
            f"{fmt.getal(w['bemiddeling_halfjaar'])} woningen die per halfjaar via bemiddeling vrijkomen (circa "
            f"{fmt.getal(w['bemiddeling_jaar'])} van de {fmt.getal(w['mutaties'])} mutaties per jaar, voor alle urgent "
            "woningzoekenden samen). Dat kan alleen als statushouders vrijwel al die woningen krijgen en veel gezinnen een woning delen."
        )
    if b.regel == "tempo_markt_helft":
        return (
            f"Een tempo van {fmt.getal(w['tempo'])} personen per halfjaar vraagt meer dan de helft van de ongeveer "
            f"{fmt.getal(w['bemiddeling_halfjaar'])} woningen die per halfjaar via bemiddeling vrijkomen; statushouders "
            "delen die woningen met andere urgent woningzoekenden."
        )
    if b.regel == "instroom":
        return (
            f"Een instroom van {fmt.procent(w['instroom'], 0, signed=True)} is een grotere verandering dan de landelijke "
            f"taakstelling van {fmt.periode(w['van'])} tot en met {fmt.periode(w['tot'])} liet zien: die lag tussen "
            f"{fmt.getal(w['laag'])} en {fmt.getal(w['hoog'])} per halfjaar, dus hoogstens "
            f"{fmt.procent(w['omhoog'], 0)} hoger of {fmt.procent(-w['omlaag'], 0)} lager."
        )
    if b.regel == "du_mo_indexatie":
        inleg = " en ".join(f"{fmt.euro(v)} ({regel.removeprefix('Compensatie DU MO ')})" for regel, v in sorted(w["inleg"].items()))
        return (
            f"Een DU MO-indexatie van {fmt.procent(w['indexatie'], 1)} per jaar ({fmt.euro(w['stap'])} in het eerste jaar) "
            f"ligt ver buiten wat de regiobegroting als inleg van de indexatie boekt: {inleg}. "
            f"Tussen 0% en ongeveer {fmt.procent(w['grens'], 1)} per jaar blijft de indexatie in die orde van grootte."
        )
    if b.regel == "groei":
        return (
            f"De inkomsten groeien {fmt.procent(w['indexatie'], 1)} per jaar en de zorgkosten {fmt.procent(w['zorgkosten'], 1)}. "
            "Indexatie vergoedt stijgende lonen en prijzen en de tarieven worden jaarlijks geïndexeerd: reken ook met "
            "zorgkostengroei."
        )
    if b.regel in ("spreiding_taakstelling", "spreiding_realisatie"):
        wat = "de landelijke taakstelling" if b.regel == "spreiding_taakstelling" else "de gerealiseerde halfjaren"
        return (
            f"Een spreiding van {fmt.procent(w['gekozen'], 0)} is minder dan de helft van de schommeling van {wat} "
            f"({fmt.procent(w['historisch'], 0)}): de kansen lijken dan zekerder dan de bronnen rechtvaardigen."
        )
    if b.regel == "har_plus_kosten":
        return (
            f"HAR+-kosten van {fmt.euro(w['kosten'])} per huishouden liggen buiten de {fmt.euro(w['minimum'])} tot "
            f"{fmt.euro(w['maximum'])} van de landelijke regeling grote gezinnen."
        )
    if b.regel == "grote_gezinnen":
        return (
            f"Zonder HAR+-budget worden grote gezinnen ({fmt.aandeel(w['aandeel'])} van de opgave) in dit scenario niet "
            "geplaatst in de jaren waarin de huurtoeslagregels dat niet toelaten."
        )
    if b.regel == "jaarrekening":
        return (
            f"De beginstand van de reserve ({fmt.euro(w['start'], 2)}, uit de begroting) wijkt "
            f"{fmt.euro(w['jaarrekening'] - w['start'], 2, signed=True)} af van de jaarrekening {w['jaar']} "
            f"({fmt.euro(w['jaarrekening'], 2)}). Neem de stand uit de jaarrekening over."
        )
    raise ValueError(f"Onbekende bevinding: {b.regel}")


# --- the budgets ----------------------------------------------------------------------------------


def budget_zinnen(rijen, kosten_per_statushouder: float, plafond: float, horizon: int) -> list[str]:
    """What the scenario does to the opvang and integratie budgets, in a few sentences (from prognose_rijen)."""
    extra = sum(r["extra_statushouders"] for r in rijen)
    kosten = sum(r["extra_kosten"] for r in rijen)
    zinnen = []
    if extra > 0:
        zinnen.append(
            f"Tot en met {horizon} huisvest dit scenario {fmt.getal(extra)} statushouders meer dan het basisscenario; "
            f"dat kost naar schatting {fmt.euro(kosten)} extra ({fmt.euro(kosten_per_statushouder)} per statushouder)."
        )
    elif extra < 0:
        zinnen.append(
            f"Tot en met {horizon} huisvest dit scenario {fmt.getal(-extra)} statushouders minder dan het basisscenario; "
            f"dat scheelt naar schatting {fmt.euro(-kosten)} ({fmt.euro(kosten_per_statushouder)} per statushouder)."
        )
    else:
        zinnen.append(f"Tot en met {horizon} huisvest dit scenario evenveel statushouders als het basisscenario.")
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
