"""Compare the baseline and up to four scenarios: key outcomes, differences, series and colours."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from core.tekst import formatting as fmt
from core.charts import KLEUREN, BASIS as BASIS_NAAM, SCENARIO_PALET, SCENARIO as HUIDIG_KLEURNAAM
from core.data import Basis
from core.model.kerncijfers import basislijn, bereken, kerncijfers
from core.opslag import OpgeslagenScenario
from core.model.reserve import reserve_rijen
from core.model.scenario import Scenario
from core.tekst.tabellen import NAAR_EENHEID, Kolom
from core.model.taakstelling import taakstelling_rijen

MAX_VARIANTEN = 4
HUIDIG = "Huidig scenario (zijbalk)"


@dataclass(frozen=True)
class Variant:
    naam: str
    scenario: Scenario
    kleur: str


def kleur_van(saved: OpgeslagenScenario) -> str:
    """A saved scenario keeps one colour on every chart, whatever its position: by its first id."""
    return SCENARIO_PALET[(saved.eerste_id - 1) % len(SCENARIO_PALET)]


def standaardkeuze(huidig: Scenario, opgeslagen: list[OpgeslagenScenario]) -> list[str]:
    """What the compare page opens with: the current scenario when it differs from the baseline,
    then the most recently saved ones, up to the maximum."""
    keuze = [] if huidig.is_basis else [HUIDIG]
    recent = sorted(opgeslagen, key=lambda s: (s.opgeslagen_op, s.id), reverse=True)
    return keuze + [s.naam for s in recent][: MAX_VARIANTEN - len(keuze)]


def varianten(gekozen: list[OpgeslagenScenario], huidig: Scenario | None = None) -> list[Variant]:
    """The baseline first, then the current scenario (if asked) and the chosen saved ones."""
    result = [Variant(BASIS_NAAM, basislijn(huidig) if huidig is not None else Scenario(), KLEUREN[BASIS_NAAM])]
    if huidig is not None:
        result.append(Variant(HUIDIG, huidig, KLEUREN[HUIDIG_KLEURNAAM]))
    result += [Variant(s.naam, s.scenario, kleur_van(s)) for s in gekozen]
    return result[: MAX_VARIANTEN + 1]


def uitkomsten(varianten_: list[Variant], basis: Basis) -> pd.DataFrame:
    """Key outcomes: one row per outcome (with its unit), one numeric column per variant."""
    columns = {v.naam: _uitkomsten(v.scenario, basis) for v in varianten_}
    labels = list(dict.fromkeys(label for values in columns.values() for label in values))
    table = {"uitkomst": [label for label, _unit in labels], "eenheid": [unit for _label, unit in labels]}
    table |= {naam: [values.get(label) for label in labels] for naam, values in columns.items()}
    return pd.DataFrame(table)


@lru_cache(maxsize=64)
def _uitkomsten(scenario: Scenario, basis: Basis) -> dict[tuple[str, str], float | str | None]:
    """The headline figures (as Overzicht defines them), the deadlines met, and the reserve per year.

    Cached per (scenario, basis): the baseline and the saved scenarios are the same on every slider
    move. The dict is shared: callers only read it."""
    values: dict[tuple[str, str], float | str | None] = {}
    for k in kerncijfers(scenario, basis):
        label = k.label if k.norm is None else f"{k.label} (norm {k.norm})"
        # A run-out year that is not a year ("na 2040", paid out) is kept as its words.
        values[(label, k.eenheid)] = k.tekst if k.eenheid == "jaar" and k.waarde is None else k.waarde
    deadlines = bereken(scenario, basis).deadlines
    values[("Deadlines van de Provincie gehaald", "aantal")] = sum(d.haalt_norm for d in deadlines)
    for row in reserve_rijen(scenario, basis):
        values[(f"Reserve eind {row['jaar']}", "euro")] = row["reserve_eind"]
    return values


def verschillen(frame: pd.DataFrame) -> pd.DataFrame:
    """Each variant minus the baseline, for the numeric outcomes (a year has no difference)."""
    units, base = list(frame["eenheid"]), list(frame[BASIS_NAAM])
    table = {"uitkomst": list(frame["uitkomst"]), "eenheid": units}
    for naam in (c for c in frame.columns if c not in ("uitkomst", "eenheid", BASIS_NAAM)):
        table[naam] = [_verschil(v, b, unit) for v, b, unit in zip(frame[naam], base, units)]
    return pd.DataFrame(table)


def _verschil(value, base, unit: str):
    return None if unit == "jaar" or fmt.ontbreekt(value) or fmt.ontbreekt(base) else value - base


def exportkolommen(varianten_: list[Variant]) -> dict[str, Kolom]:
    """Export columns for a comparison table of these variants: the outcome, its unit, one number column
    per variant whose number format follows each row's unit (persons, euros, years). Known without
    building the table: the page builds it when a download is clicked."""
    return {"uitkomst": Kolom("Uitkomst"), "eenheid": Kolom("Eenheid")} | {v.naam: Kolom(v.naam, NAAR_EENHEID) for v in varianten_}


def schermtabellen(varianten_: list[Variant], basis: Basis) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The page's two tables as Dutch text, column by column: the outcomes (``uitkomsten``) and the
    differences with the baseline (``verschillen``), each row in its own unit, differences signed.

    Built from the cached outcomes without pandas, and each variant's column is cached on its scenario:
    a slider move formats the current scenario's column only (the downloads still use the frames).
    """
    rijen = tuple(dict.fromkeys(r for v in varianten_ for r in _uitkomsten(v.scenario, basis)))
    koppen = [label for label, _unit in rijen]
    basisscenario = varianten_[0].scenario
    uitkomsten_ = {"Uitkomst": koppen} | {v.naam: list(_tekstkolom(v.scenario, None, basis, rijen)) for v in varianten_}
    verschillen_ = {"Uitkomst": koppen} | {
        v.naam: list(_tekstkolom(v.scenario, basisscenario, basis, rijen)) for v in varianten_[1:]
    }
    return uitkomsten_, verschillen_


@lru_cache(maxsize=128)
def _tekstkolom(scenario: Scenario, ten_opzichte_van: Scenario | None, basis: Basis, rijen: tuple) -> tuple[str, ...]:
    """One variant's column as text: its outcomes, or (``ten_opzichte_van`` given) its differences with those."""
    waarden = _uitkomsten(scenario, basis)
    if ten_opzichte_van is None:
        return tuple(_tekst(waarden.get(rij), rij[1], False) for rij in rijen)
    basiswaarden = _uitkomsten(ten_opzichte_van, basis)
    return tuple(_tekst(_verschil(waarden.get(rij), basiswaarden.get(rij), rij[1]), rij[1], True) for rij in rijen)


def _tekst(value, unit: str, signed: bool) -> str:
    if unit == "jaar":
        if signed or fmt.ontbreekt(value):
            return fmt.LEEG
        return str(int(value)) if isinstance(value, (int, float)) else str(value)
    if unit == "euro":
        return fmt.euro(value, signed=signed)
    return fmt.getal(value, signed=signed)


def _reeksen(varianten_: list[Variant], basis: Basis, rijen, x: str, y: str) -> dict[str, list]:
    """One long table (x, y, variant) of a projection for every variant, for an overlaid chart, as columns."""
    paren = [(r, v.naam) for v in varianten_ for r in rijen(v.scenario, basis)]
    return {x: [r[x] for r, _ in paren], y: [r[y] for r, _ in paren], "variant": [naam for _, naam in paren]}


def achterstand_reeksen(varianten_: list[Variant], basis: Basis) -> dict[str, list]:
    """The achterstand of every variant, as columns (for the chart)."""
    return _reeksen(varianten_, basis, taakstelling_rijen, "periode", "achterstand_eind")


def reserve_reeksen(varianten_: list[Variant], basis: Basis) -> dict[str, list]:
    """The reserve of every variant, as columns (for the chart)."""
    return _reeksen(varianten_, basis, reserve_rijen, "jaar", "reserve_eind")
