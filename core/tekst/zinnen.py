"""Every generated sentence, in one place: the summary, the verdict, the reserve's reading of
"tot en met 2027", the readings of the sources, the consistency findings and help texts
that quote figures.

Each sentence is built from figures the core computes, and says only what holds for every
scenario: tests/test_zinnen.py checks every number, year and comparison in these
sentences against the core for a table of scenarios. A comparison with the baseline is
always for the same year (``basislijn``).
"""

from __future__ import annotations

from core.data import Basis
from core.model import reserve as rsv
from core.model.kerncijfers import Deadline, Kerncijfers, basislijn, bereken
from core.model.parameters import KEUZE, LEZING_A, LEZING_B, MULTISELECT, PARAMETERS_BY_NAME, TOGGLE, Parameter
from core.model.scenario import Scenario
from core.model.periode import deadline
from core.model.taakstelling import Tussenstand, laatste_taakstelling, taakstelling_rijen, tussenstanden
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
    """``instroom +20% in plaats van 0%; zonder de huurtoeslagregels van 2026`` or ``geen``."""
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


def samenvatting(scenario: Scenario, basis: Basis) -> str:
    """A short plain-Dutch paragraph: what the scenario changes and what follows from it."""
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
    return f"De laatst vastgestelde taakstelling is {waarde} ({fmt.periode(periode)})."
