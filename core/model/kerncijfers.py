"""The headline figures of a scenario, defined once: their values, labels, units and provenance.

Overzicht's cards, the Vergelijken table, the printable summary and the exports all read
``kerncijfers()``; the generated sentences about them live in ``core.tekst.zinnen``.
A figure is always compared with the baseline for the same year (``basislijn``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.data import Basis
from core.model import reserve as rsv
from core.model.normpad import normen
from core.model.periode import vorige_periode
from core.model.scenario import Scenario
from core.model.taakstelling import GEREALISEERD, benodigde_rijen, prognose_rijen, taakstelling_rijen
from core.tekst import formatting as fmt
from core.tekst import herkomst

STATUSHOUDERS, RESERVE = "Huisvesting statushouders", "Beschermd Thuis / Maatschappelijke Opvang"


@dataclass(frozen=True)
class Deadline:
    periode: str
    deadline: date
    norm: int
    achterstand: int
    haalt_norm: bool
    status: str  # gerealiseerd / tussenstand / prognose
    doorgetrokken: bool  # a norm carried on after the Provincie's last deadline


@dataclass(frozen=True)
class Kerncijfers:
    eerste_prognose: str  # the first half year the sliders decide, e.g. "2026-H2"
    opgave: int
    taakstelling: int
    achterstand_begin: int
    deadlines: tuple[Deadline, ...]  # the Provincie's own deadlines still ahead (or read as a tussenstand)
    doorgetrokken: tuple[Deadline, ...]  # the half-year ends after the last deadline, norm carried on
    gepasseerd: tuple[Deadline, ...]  # the Provincie's current deadlines already realised: met or missed
    nodig: int  # placements needed in the first forecast half year to stay on the norm path
    verwacht: int  # placements the scenario expects in that half year
    nodig_plan: int | None  # placements the municipality's own plan needs in that half year
    norm_eerste: int | None  # the norm at the end of the first forecast half year
    trede: int  # the interventieladder step the Provincie keeps Maastricht on
    reservejaar: int
    reserve_eind_basisjaar: float
    eind_jaar: int
    reserve_eind_horizon: float
    uitputting: rsv.Uitputting
    achterstand_eind_horizon: int


def basislijn(scenario: Scenario) -> Scenario:
    """The baseline to compare ``scenario`` with: every assumption at its baseline, the same horizon."""
    return Scenario(eind_jaar=scenario.eind_jaar)


@lru_cache(maxsize=256)
def bereken(scenario: Scenario, basis: Basis) -> Kerncijfers:
    rows = taakstelling_rijen(scenario, basis)
    prognose = prognose_rijen(scenario, basis)
    first, nodig = prognose[0], benodigde_rijen(scenario, basis)[0]
    norm = normen(basis, scenario.eind_jaar)
    deadlines = [
        Deadline(r["periode"], norm[r["periode"]].deadline, r["norm_achterstand"], r["achterstand_eind"], r["haalt_norm"],
                 r["status"], norm[r["periode"]].na_laatste_deadline)
        for r in rows
        if r["norm_achterstand"] is not None and r["status"] != GEREALISEERD
    ]
    reserve = rsv.reserve_rijen(scenario, basis)
    return Kerncijfers(
        gepasseerd=tuple(_gepasseerd(rows, basis, norm)),
        eerste_prognose=first["periode"],
        opgave=first["opgave"],
        taakstelling=first["taakstelling"],
        achterstand_begin=first["achterstand_begin"],
        deadlines=tuple(d for d in deadlines if not d.doorgetrokken),
        doorgetrokken=tuple(d for d in deadlines if d.doorgetrokken),
        nodig=nodig["nodig"],
        verwacht=nodig["verwacht"],
        nodig_plan=nodig["nodig_plan"],
        norm_eerste=first["norm_achterstand"],
        trede=int(_nieuwste(basis, "statushouders", "interventieladder_trede")),
        reservejaar=basis.basisjaar,
        reserve_eind_basisjaar=next(r["reserve_eind"] for r in reserve if r["jaar"] == basis.basisjaar),
        eind_jaar=scenario.eind_jaar,
        reserve_eind_horizon=reserve[-1]["reserve_eind"],
        uitputting=rsv.uitputting(scenario, basis),
        achterstand_eind_horizon=rows[-1]["achterstand_eind"],
    )


def _gepasseerd(rows, basis: Basis, norm) -> list[Deadline]:
    """Realised deadlines of the Provincie's current agreement (the norms stated with its last deadline).

    Once a half year's realisation is entered, its deadline is no longer a forecast: it is shown
    as met or missed with the realised backlog. Deadlines of earlier agreements are history.
    """
    eigen = [p for p, n in norm.items() if not n.na_laatste_deadline]
    if not eigen:
        return []
    peildatum = basis.norm_rijen[max(eigen)]["peildatum"]
    return [
        Deadline(r["periode"], norm[r["periode"]].deadline, r["norm_achterstand"], r["achterstand_eind"], r["haalt_norm"],
                 r["status"], False)
        for r in rows
        if r["status"] == GEREALISEERD and r["norm_achterstand"] is not None and r["periode"] in basis.norm_rijen
        and basis.norm_rijen[r["periode"]]["peildatum"] == peildatum
    ]


def _nieuwste(basis: Basis, onderwerp: str, sleutel: str) -> float:
    values = basis.kengetallen_van(onderwerp, sleutel)
    return values[max(values)]


def uitputting_tekst(u: rsv.Uitputting) -> str:
    """The run-out as a headline value: a year, never "not before the end of the chart"."""
    if u.jaar is not None:
        return str(u.jaar)
    if u.uitgekeerd_in is not None:
        return f"niet: eind {u.uitgekeerd_in} uitgekeerd"
    return f"na {u.tot_en_met}"


@dataclass(frozen=True)
class Kerncijfer:
    """One headline figure: what Overzicht shows on a card and Vergelijken in a row."""

    sleutel: str  # the same figure in two scenarios has the same key
    sectie: str
    rij: int  # the row of cards within its section
    label: str
    waarde: float | None
    eenheid: str  # personen / euro / jaar
    tekst: str
    herkomst: str
    hoger_is_slechter: bool = False
    norm: int | None = None
    haalt_norm: bool | None = None

    @property
    def kritiek(self) -> bool:
        """Shown in red: a norm of the Provincie missed, a negative reserve, or a year the reserve runs out."""
        if self.haalt_norm is False:
            return True
        if self.eenheid == "euro":
            return self.waarde is not None and self.waarde < 0
        return self.eenheid == "jaar" and self.waarde is not None


def kerncijfers(scenario: Scenario, basis: Basis, gepasseerd: bool = True) -> list[Kerncijfer]:
    """The headline figures of ``scenario``, in the order the Overzicht shows them.

    ``gepasseerd``: also the deadlines already realised (met or missed); the beamer leaves them out."""
    k = bereken(scenario, basis)
    periode = fmt.periode(k.eerste_prognose)
    result = [
        Kerncijfer("opgave", STATUSHOUDERS, 0, f"Opgave {periode}", k.opgave, "personen", fmt.getal(k.opgave),
                   herkomst.opgave(basis, k.eerste_prognose), hoger_is_slechter=True),
        Kerncijfer("nodig", STATUSHOUDERS, 0, f"Nodig in {periode}", k.nodig, "personen", fmt.getal(k.nodig),
                   "Afgeleid: plaatsingen om de norm van de Provincie aan het eind van het halfjaar te halen "
                   "(elke taakstelling binnen het eigen halfjaar). Norm: " + herkomst.norm(basis, k.eerste_prognose),
                   hoger_is_slechter=True),
        Kerncijfer("verwacht", STATUSHOUDERS, 0, f"Verwacht in {periode}", k.verwacht, "personen", fmt.getal(k.verwacht),
                   "Prognose: het tempo van huisvesting in dit scenario (een aanname), hoogstens de opgave. "
                   "Afgeleid uit de realisatie " + herkomst.halfjaarcijfer(basis, vorige_periode(k.eerste_prognose), "realisatie")),
    ]
    result += [
        Kerncijfer(f"deadline:{d.periode}", STATUSHOUDERS, 1, f"Achterstand {fmt.datum(d.deadline)} (gerealiseerd)", d.achterstand,
                   "personen", fmt.getal(d.achterstand),
                   f"Gerealiseerd: norm {'gehaald' if d.haalt_norm else 'niet gehaald'} (hoogstens {d.norm}). "
                   f"{herkomst.halfjaarcijfer(basis, d.periode, 'achterstand_eind')}. Norm: {herkomst.norm(basis, d.periode)}",
                   hoger_is_slechter=True, norm=d.norm, haalt_norm=d.haalt_norm)
        for d in (k.gepasseerd if gepasseerd else ())
    ]
    result += [
        Kerncijfer(f"deadline:{d.periode}", STATUSHOUDERS, 1, f"Achterstand {fmt.datum(d.deadline)}", d.achterstand, "personen",
                   fmt.getal(d.achterstand),
                   f"Prognose (afgeleid uit de aannames). Norm: hoogstens {d.norm}; {herkomst.norm(basis, d.periode)}",
                   hoger_is_slechter=True, norm=d.norm, haalt_norm=d.haalt_norm)
        for d in k.deadlines
    ]
    if k.doorgetrokken:
        last = k.doorgetrokken[-1]
        result.append(
            Kerncijfer("achterstand_horizon", STATUSHOUDERS, 1, f"Achterstand eind {k.eind_jaar}", last.achterstand, "personen",
                       fmt.getal(last.achterstand),
                       "Prognose, beleidsarm doorgetrokken na de laatste deadline van de Provincie. Norm: "
                       + herkomst.norm_doorgetrokken(basis), hoger_is_slechter=True, norm=last.norm, haalt_norm=last.haalt_norm)
        )
    result += [
        Kerncijfer("reserve_basisjaar", RESERVE, 0, f"Verwachte ruimte in de reserve eind {k.reservejaar}", k.reserve_eind_basisjaar,
                   "euro", fmt.euro(k.reserve_eind_basisjaar), herkomst.reserve_eind(basis, k.reservejaar)),
        Kerncijfer("uitputting", RESERVE, 0, "Reserve raakt op in", k.uitputting.jaar, "jaar", uitputting_tekst(k.uitputting),
                   "Prognose: het eerste jaar waarin de reserve aan het eind van het jaar negatief is, berekend tot en met "
                   f"{k.uitputting.tot_en_met} (ook voorbij de getoonde horizon), uit de begroting {basis.basisjaar} en de "
                   "aannames voor indexatie, zorgkosten, eenmalige regels, de DNO en de centrumregeling."),
        Kerncijfer("reserve_horizon", RESERVE, 0, f"Reserve eind {k.eind_jaar}", k.reserve_eind_horizon, "euro",
                   fmt.euro(k.reserve_eind_horizon),
                   f"Prognose (afgeleid uit de begroting {basis.basisjaar} en de aannames); na het einde van de "
                   "centrumregeling beleidsarm doorgetrokken."),
    ]
    return result


def kaartparen(scenario: Scenario, basis: Basis, gepasseerd: bool = True) -> dict[str, list[list[tuple[Kerncijfer, Kerncijfer | None]]]]:
    """Per section, rows of (scenario figure, the same figure in the baseline) for the cards."""
    eigen = kerncijfers(scenario, basis, gepasseerd)
    per_sleutel_in_basisscenario = {k.sleutel: k for k in kerncijfers(basislijn(scenario), basis)}
    secties: dict[str, list[list]] = {}
    for figuur in eigen:
        rijen = secties.setdefault(figuur.sectie, [])
        while len(rijen) <= figuur.rij:
            rijen.append([])
        rijen[figuur.rij].append((figuur, per_sleutel_in_basisscenario.get(figuur.sleutel) or _gerealiseerd(figuur, basis)))
    return secties


def _gerealiseerd(figuur: Kerncijfer, basis: Basis) -> Kerncijfer | None:
    """A deadline the baseline has already realised (reading (a)): its reported achterstand."""
    if not figuur.sleutel.startswith("deadline:"):
        return None
    periode = figuur.sleutel.split(":", 1)[1]
    row = next((r for r in taakstelling_rijen(Scenario(), basis) if r["periode"] == periode), None)
    if row is None:
        return None
    return Kerncijfer(figuur.sleutel, figuur.sectie, figuur.rij, figuur.label, row["achterstand_eind"], "personen",
                      fmt.getal(row["achterstand_eind"]), herkomst.halfjaarcijfer(basis, periode, "achterstand_eind"),
                      True, figuur.norm, row["haalt_norm"])

