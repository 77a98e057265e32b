"""Consistency checks over every stored figure: does what a source reports follow from its parts?

The checks are general rules, applied to all periods and totals in the database, so
a new figure is checked the moment it is stored. Each finding names the reported
figure's source and the sources of the figures it was recomputed from.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.tekst import formatting as fmt
from core.data import Basis
from core.tekst.herkomst import bron as _bron
from core.model.periode import vorige_periode
from core.model.taakstelling import tussenstand
from core.tekst import zinnen

# Money totals in the sources are rounded to whole euros; a difference of at most
# this much is reported as rounding rather than as an inconsistency.
AFRONDING_EURO = 1.0


@dataclass(frozen=True)
class Bevinding:
    onderwerp: str
    periode: str
    omschrijving: str
    gerapporteerd: float
    berekend: float
    eenheid: str
    bron_gerapporteerd: str
    bronnen_berekening: str
    ernst: str  # "waarschuwing", "afronding" or "twee lezingen" (the source can be read so that it holds)
    lezingen: str = ""  # for "twee lezingen": what each reading implies

    @property
    def verschil(self) -> float:
        return self.gerapporteerd - self.berekend


def _finding(basis, onderwerp, periode, omschrijving, reported, parts, berekend, eenheid, lezingen: str = "") -> list[Bevinding]:
    """[] when the reported figure equals the recomputed one, else one finding."""
    verschil = float(reported["waarde"]) - berekend
    if verschil == 0:
        return []
    ernst = "afronding" if eenheid == "euro" and abs(verschil) <= AFRONDING_EURO else "waarschuwing"
    if lezingen:
        ernst = "twee lezingen"
    return [Bevinding(
        onderwerp=onderwerp,
        periode=periode,
        omschrijving=omschrijving,
        gerapporteerd=float(reported["waarde"]),
        berekend=berekend,
        eenheid=eenheid,
        bron_gerapporteerd=_bron(basis, reported["bron_id"], reported["sectie"], reported["peildatum"]),
        bronnen_berekening="; ".join(
            sorted({_bron(basis, p["bron_id"], p["sectie"], p["peildatum"]) for p in parts})
        ),
        ernst=ernst,
        lezingen=lezingen,
    )]


def check_achterstand(basis: Basis) -> list[Bevinding]:
    """Reported achterstand_eind against begin + taakstelling − realisatie, for every half year."""
    figures = basis.halfjaar_rijen
    findings = []
    for (periode, grootheid), reported in figures.items():
        if grootheid != "achterstand_eind":
            continue
        parts = [
            figures.get((vorige_periode(periode), "achterstand_eind")),
            figures.get((periode, "taakstelling")),
            figures.get((periode, "realisatie")),
        ]
        if any(p is None for p in parts):
            continue
        begin, taak, real = (int(p["waarde"]) for p in parts)
        berekend = max(0, begin + taak - real)
        omschrijving = (
            f"Achterstand eind {fmt.periode(periode)}: gerapporteerd {fmt.getal(reported['waarde'])}, "
            f"maar {begin} + {taak} − {real} = {berekend}"
        )
        interim = tussenstand(basis, periode)
        lezingen = "" if interim is None else zinnen.lezingen_achterstand(interim, begin, taak, int(reported["waarde"]))
        findings += _finding(basis, "taakstelling", periode, omschrijving, reported, parts, berekend, "personen", lezingen)
    return findings


def check_opgave(basis: Basis) -> list[Bevinding]:
    """Reported opgave against achterstand at the start + taakstelling."""
    figures = basis.halfjaar_rijen
    findings = []
    for (periode, grootheid), reported in figures.items():
        if grootheid != "opgave":
            continue
        parts = [figures.get((vorige_periode(periode), "achterstand_eind")), figures.get((periode, "taakstelling"))]
        if any(p is None for p in parts):
            continue
        begin, taak = (int(p["waarde"]) for p in parts)
        omschrijving = (
            f"Opgave {fmt.periode(periode)}: gerapporteerd {fmt.getal(reported['waarde'])}, "
            f"maar {begin} + {taak} = {begin + taak}"
        )
        findings += _finding(basis, "taakstelling", periode, omschrijving, reported, parts, begin + taak, "personen")
    return findings


def check_begrotingstotalen(basis: Basis) -> list[Bevinding]:
    """Reported subtotals and totals of the begroting against the sum of its lines."""
    totals = basis.kengetallen[basis.kengetallen["onderwerp"] == "begrotingstotaal"]
    findings = []
    for _, reported in totals.iterrows():
        stroom, kant = reported["sleutel"].rsplit("_", 1)
        lines = basis.begroting[basis.begroting["jaar"] == int(reported["periode"])]
        if stroom != "totaal":
            lines = lines[lines["stroom"] == stroom]
        sums = lines.groupby("kant")["bedrag"].sum()
        berekend = {
            "lasten": sums.get("lasten", 0.0),
            "baten": sums.get("baten", 0.0),
            "resultaat": sums.get("baten", 0.0) - sums.get("lasten", 0.0),
        }[kant]
        omschrijving = (
            f"{reported['label']} {reported['periode']}: gerapporteerd {fmt.euro(reported['waarde'])}, "
            f"som van de regels {fmt.euro(berekend)}"
        )
        parts = [r for _, r in lines.iterrows()]
        findings += _finding(basis, "begroting", reported["periode"], omschrijving, reported, parts, berekend, "euro")
    return findings


def check_reserve(basis: Basis) -> list[Bevinding]:
    """Reported reserve at year end against start + result − other withdrawals."""
    reserve = basis.kengetallen[basis.kengetallen["onderwerp"] == "reserve"]
    findings = []
    for periode, rows in reserve.groupby("periode"):
        by_key = {r["sleutel"]: r for _, r in rows.iterrows()}
        needed = ("stand_begin", "onttrekking_dno", "resultaat", "stand_eind")
        if not all(k in by_key for k in needed):
            continue
        start, dno, resultaat = (float(by_key[k]["waarde"]) for k in needed[:3])
        berekend = start - dno + resultaat
        omschrijving = (
            f"Reserve eind {periode}: gerapporteerd {fmt.euro(by_key['stand_eind']['waarde'], 2)}, "
            f"maar {fmt.euro(start, 2)} − {fmt.euro(dno)} + ({fmt.euro(resultaat)}) = {fmt.euro(berekend, 2)}"
        )
        parts = [by_key[k] for k in needed[:3]]
        findings += _finding(basis, "reserve", periode, omschrijving, by_key["stand_eind"], parts, berekend, "euro")
    return findings


ERNST_VOLGORDE = ("waarschuwing", "twee lezingen", "afronding")


def check_all(basis: Basis) -> list[Bevinding]:
    """Every finding: inconsistencies first, then figures that hold under another reading, then rounding."""
    findings = check_achterstand(basis) + check_opgave(basis) + check_begrotingstotalen(basis) + check_reserve(basis)
    return sorted(findings, key=lambda f: (ERNST_VOLGORDE.index(f.ernst), f.onderwerp, f.periode))
