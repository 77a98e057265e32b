"""The headline figures of a scenario, and a plain-Dutch summary generated from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.tekst import formatting as fmt
from core.tekst import herkomst
from core.data import Basis
from core.model.reserve import eerste_tekortjaar, reserve_rijen
from core.model.scenario import Scenario
from core.model.periode import vorige_periode
from core.model.taakstelling import benodigde_rijen, taakstelling_rijen


@dataclass(frozen=True)
class Deadline:
    periode: str
    deadline: date
    norm: int
    achterstand: int
    haalt_norm: bool


@dataclass(frozen=True)
class Kerncijfers:
    eerste_prognose: str  # the first forecast half year, e.g. "2026-H2"
    opgave: int
    taakstelling: int
    achterstand_begin: int
    deadlines: tuple[Deadline, ...]
    nodig: int  # placements needed in the first forecast half year to stay on the norm path
    verwacht: int  # placements the scenario expects in that half year
    reservejaar: int
    reserve_eind_basisjaar: float
    eind_jaar: int
    reserve_eind_horizon: float
    eerste_tekortjaar: int | None


def bereken(scenario: Scenario, basis: Basis) -> Kerncijfers:
    prognose = [r for r in taakstelling_rijen(scenario, basis) if r["soort"] == "prognose"]
    first = prognose[0]
    nodig = benodigde_rijen(scenario, basis)[0]
    reserve = reserve_rijen(scenario, basis)
    eind_basisjaar = next(r["reserve_eind"] for r in reserve if r["jaar"] == basis.basisjaar)
    return Kerncijfers(
        eerste_prognose=first["periode"],
        opgave=first["opgave"],
        taakstelling=first["taakstelling"],
        achterstand_begin=first["achterstand_begin"],
        deadlines=tuple(
            Deadline(r["periode"], basis.deadlines[r["periode"]], r["norm_achterstand"], r["achterstand_eind"], r["haalt_norm"])
            for r in prognose
            if r["norm_achterstand"] is not None
        ),
        nodig=nodig["nodig"],
        verwacht=nodig["verwacht"],
        reservejaar=basis.basisjaar,
        reserve_eind_basisjaar=eind_basisjaar,
        eind_jaar=scenario.eind_jaar,
        reserve_eind_horizon=reserve[-1]["reserve_eind"],
        eerste_tekortjaar=eerste_tekortjaar(reserve),
    )


def tekortjaar_tekst(jaar: int | None, eind_jaar: int) -> str:
    return f"in {jaar}" if jaar else f"niet vóór {eind_jaar + 1}"


def samenvatting(scenario: Scenario, basis: Basis) -> str:
    """A short plain-Dutch paragraph: what the scenario changes and what follows from it."""
    own = bereken(scenario, basis)
    base = own if scenario.is_basis else bereken(Scenario(), basis)

    def vs(value: str, base_value: str) -> str:
        return value if value == base_value else f"{value} (basis: {base_value})"

    periode = fmt.periode_zin(own.eerste_prognose)
    parts = [
        _intro(scenario),
        f"In {periode} moeten {own.opgave} statushouders een woning krijgen "
        f"({own.taakstelling} taakstelling + {own.achterstand_begin} achterstand).",
    ]
    if own.deadlines:
        standen = [
            f"op {fmt.datum(d.deadline)} {d.achterstand} (norm {d.norm}"
            + ("" if d.achterstand == b.achterstand else f"; basis: {b.achterstand}")
            + ")"
            for d, b in zip(own.deadlines, base.deadlines)
        ]
        parts.append(f"De verwachte achterstand is {_opsomming(standen)}: {_oordeel(own.deadlines)}.")
    tekort = own.nodig - own.verwacht
    tempo = f"{tekort} meer dan verwacht ({own.verwacht})" if tekort > 0 else f"het verwachte tempo ({own.verwacht}) is genoeg"
    parts.append(f"Om op het normpad van de Provincie te blijven zijn in {periode} {own.nodig} plaatsingen nodig; {tempo}.")
    reserve = vs(fmt.euro(own.reserve_eind_basisjaar), fmt.euro(base.reserve_eind_basisjaar))
    if own.eerste_tekortjaar:
        verloop = "raakt op " + vs(
            tekortjaar_tekst(own.eerste_tekortjaar, own.eind_jaar), tekortjaar_tekst(base.eerste_tekortjaar, base.eind_jaar)
        )
    else:
        eind = vs(fmt.euro(own.reserve_eind_horizon), fmt.euro(base.reserve_eind_horizon))
        verloop = f"blijft tot en met {own.eind_jaar} positief (eind {own.eind_jaar}: {eind})"
    parts.append(f"De reserve Beschermd Thuis staat eind {own.reservejaar} op {reserve} en {verloop}.")
    return " ".join(parts)


def _oordeel(deadlines: tuple[Deadline, ...]) -> str:
    gehaald = sum(d.haalt_norm for d in deadlines)
    if gehaald == len(deadlines):
        return "alle normen van de Provincie worden gehaald"
    if gehaald == 0:
        return "geen enkele norm van de Provincie wordt gehaald"
    verb = "wordt" if gehaald == 1 else "worden"
    return f"{gehaald} van de {len(deadlines)} normen van de Provincie {verb} gehaald"


def _intro(scenario: Scenario) -> str:
    if scenario.is_basis:
        return "Basisscenario: de officiële cijfers en aannames."
    changes = [f"{p.kort} {p.formatteer(v)} (basis: {p.formatteer(b)})" for p, b, v in scenario.afwijkingen()]
    return f"Dit scenario wijkt af van het basisscenario in {_opsomming(changes)}."


def _opsomming(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


@dataclass(frozen=True)
class Kaart:
    """One headline figure as the Overzicht shows it: scenario value beside the baseline."""

    label: str
    waarde: str
    basis: str
    verschil: float | None
    herkomst: str
    verschil_tekst: str | None = None
    hoger_is_slechter: bool = False
    norm: int | None = None  # the Provincie norm this figure is judged against
    haalt_norm: bool | None = None


def kaarten(scenario: Scenario, basis: Basis) -> dict[str, list[list[Kaart]]]:
    """The Overzicht's headline figures: per section, rows of cards."""
    eigen, officieel = bereken(scenario, basis), bereken(Scenario(), basis)
    periode = fmt.periode(eigen.eerste_prognose)
    statushouders = [
        Kaart(
            f"Opgave {periode}", fmt.getal(eigen.opgave), fmt.getal(officieel.opgave), eigen.opgave - officieel.opgave,
            herkomst.opgave(basis, eigen.eerste_prognose), hoger_is_slechter=True,
        ),
        Kaart(
            f"Nodig in {periode} voor het normpad", fmt.getal(eigen.nodig), fmt.getal(officieel.nodig),
            eigen.nodig - officieel.nodig,
            "Afgeleid: plaatsingen om de norm van de Provincie te halen. Norm: "
            + herkomst.norm(basis, eigen.eerste_prognose),
            hoger_is_slechter=True,
        ),
        Kaart(
            f"Verwacht in {periode}", fmt.getal(eigen.verwacht), fmt.getal(officieel.verwacht),
            eigen.verwacht - officieel.verwacht,
            "Prognose: het tempo van huisvesting in dit scenario, hoogstens de opgave. Basiswaarde: realisatie "
            + herkomst.halfjaarcijfer(basis, vorige_periode(eigen.eerste_prognose), "realisatie"),
        ),
    ]
    deadlines = [
        Kaart(
            f"Achterstand {fmt.datum(d.deadline)}", str(d.achterstand), str(b.achterstand), d.achterstand - b.achterstand,
            f"Prognose (afgeleid uit de aannames). Norm: maximaal {d.norm}; {herkomst.norm(basis, d.periode)}",
            hoger_is_slechter=True, norm=d.norm, haalt_norm=d.haalt_norm,
        )
        for d, b in zip(eigen.deadlines, officieel.deadlines)
    ]
    verschil_reserve = round(eigen.reserve_eind_basisjaar - officieel.reserve_eind_basisjaar)
    horizon_basis = fmt.euro(officieel.reserve_eind_horizon)
    if officieel.eind_jaar != eigen.eind_jaar:
        horizon_basis += f" (eind {officieel.eind_jaar})"
    reserve = [
        Kaart(
            f"Reserve eind {eigen.reservejaar}", fmt.euro(eigen.reserve_eind_basisjaar),
            fmt.euro(officieel.reserve_eind_basisjaar), verschil_reserve, herkomst.reserve_eind(basis, eigen.reservejaar),
            verschil_tekst=fmt.euro(verschil_reserve, signed=True),
        ),
        Kaart(
            "Reserve raakt op", tekortjaar_tekst(eigen.eerste_tekortjaar, eigen.eind_jaar),
            tekortjaar_tekst(officieel.eerste_tekortjaar, officieel.eind_jaar), None,
            "Prognose: het eerste jaar waarin de reserve eind van het jaar negatief is, uit de begroting "
            f"{basis.basisjaar} en de aannames voor indexatie, zorgkosten en eenmalige regels.",
        ),
        Kaart(
            f"Reserve eind {eigen.eind_jaar}", fmt.euro(eigen.reserve_eind_horizon), horizon_basis, None,
            f"Prognose (afgeleid uit de begroting {basis.basisjaar} en de aannames).",
        ),
    ]
    return {
        "Huisvesting statushouders": [statushouders, deadlines],
        "Beschermd Thuis / Maatschappelijke Opvang": [reserve],
    }
