"""What an entry changes, before it is stored: per figure old -> new, the headline figures, new findings.

The entry is applied to the base data in memory (``pas_toe``: a new ``Basis`` one version up,
the way the database will read after storing), so the preview runs the very model every page
runs. The headline effects are those of the baseline scenario on the current data against the
data with the entry; the consistency findings are those the entry adds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.data import Basis
from core.invoer.controle import FRAME, SLEUTEL, WAARDEKOLOM, Cijfer, NieuwDocument
from core.invoer.inlezen import Fout
from core.invoer.sjabloon import BEGROTING, HALFJAAR, KENGETAL, NORMPAD
from core.model.consistency import Bevinding, check_all
from core.model.kerncijfers import Kerncijfer, kerncijfers
from core.model.scenario import Scenario
from core.tekst import formatting as fmt

VOLGORDE = {
    HALFJAAR: ["periode", "grootheid"],
    NORMPAD: ["periode"],
    BEGROTING: ["jaar", "stroom", "kant", "regel"],
    KENGETAL: ["onderwerp", "sleutel", "periode"],
}
HERKOMSTKOLOMMEN = ("bron_id", "sectie", "peildatum", "soort", "toelichting")


@dataclass(frozen=True)
class Wijziging:
    """One figure: its value before and after the entry, and what else about it changes."""

    onderdeel: str
    cijfer: str  # Dutch name
    oud: str | None  # formatted; None: the figure is new
    nieuw: str
    verschil: str | None  # formatted signed difference, or None
    oude_herkomst: str | None
    nieuwe_herkomst: str
    herkomst_gewijzigd: bool

    @property
    def ongewijzigd(self) -> bool:
        return self.oud == self.nieuw and not self.herkomst_gewijzigd


@dataclass(frozen=True)
class Effect:
    """A headline figure of the baseline scenario on the current data and with the entry."""

    sleutel: str
    label_nu: str | None
    nu: str | None
    label_straks: str | None
    straks: str | None

    @property
    def verandert(self) -> bool:
        return (self.label_nu, self.nu) != (self.label_straks, self.straks)


@dataclass
class Voorbeeld:
    """Everything the preview shows, and whether storing is allowed."""

    cijfers: list[Cijfer] = field(default_factory=list)
    documenten: list[NieuwDocument] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    wijzigingen: list[Wijziging] = field(default_factory=list)
    effecten: list[Effect] = field(default_factory=list)
    bevindingen: list[Bevinding] = field(default_factory=list)  # new findings the entry causes
    basis_na: Basis | None = None

    @property
    def geldig(self) -> bool:
        return not self.fouten and bool(self.cijfers)

    @property
    def vraagt_reden_bevindingen(self) -> bool:
        """Storing a figure that breaks an identity needs an explicit reason."""
        return any(b.ernst != "afronding" for b in self.bevindingen)


def pas_toe(basis: Basis, cijfers: list[Cijfer], documenten: list[NieuwDocument] = ()) -> Basis:
    """The base data as they will read after storing ``cijfers`` as the next data version (in memory)."""
    versie = basis.versie + 1
    frames = {naam: getattr(basis, naam) for naam in ("halfjaar", "normpad", "begroting", "kengetallen")}
    for onderdeel in (HALFJAAR, NORMPAD, BEGROTING, KENGETAL):
        eigen = [c for c in cijfers if c.onderdeel == onderdeel]
        if not eigen:
            continue
        oud = frames[FRAME[onderdeel]]
        nieuw = pd.DataFrame([{**c.rij, "versie": versie} for c in eigen])
        if onderdeel == NORMPAD:
            nieuw["deadline"] = pd.to_datetime(nieuw["deadline"])
        sleutels = set(map(tuple, nieuw[list(SLEUTEL[onderdeel])].itertuples(index=False)))
        blijft = [tuple(k) not in sleutels for k in oud[list(SLEUTEL[onderdeel])].itertuples(index=False)]
        samen = pd.concat([oud[blijft], nieuw.reindex(columns=oud.columns)], ignore_index=True)
        if onderdeel in (BEGROTING, KENGETAL):
            samen[WAARDEKOLOM[onderdeel]] = samen[WAARDEKOLOM[onderdeel]].astype(float)
        frames[FRAME[onderdeel]] = samen.sort_values(VOLGORDE[onderdeel], kind="stable").reset_index(drop=True)
    docs = basis.documenten
    if documenten:
        extra = pd.DataFrame([d.__dict__ for d in documenten]).reindex(columns=docs.columns)
        docs = pd.concat([docs, extra], ignore_index=True)
    return Basis(versie=versie, halfjaar=frames["halfjaar"], normpad=frames["normpad"], begroting=frames["begroting"],
                 kengetallen=frames["kengetallen"], documenten=docs)


def huidige_rij(basis: Basis, cijfer: Cijfer) -> dict | None:
    """The figure's newest stored row, if any."""
    frame = getattr(basis, FRAME[cijfer.onderdeel])
    masker = pd.Series(True, index=frame.index)
    for kolom, waarde in zip(SLEUTEL[cijfer.onderdeel], cijfer.sleutel):
        masker &= frame[kolom] == waarde
    rijen = frame[masker].to_dict("records")
    return rijen[0] if rijen else None


def waarde_tekst(onderdeel: str, waarde: float, eenheid: str | None = None) -> str:
    if onderdeel == BEGROTING or eenheid == "euro":
        return fmt.euro(waarde, 0 if float(waarde).is_integer() else 2)
    if eenheid == "procent":
        return fmt.procent(waarde, 1)
    return fmt.getal(waarde, 0 if float(waarde).is_integer() else 2)


def herkomst_tekst(basis: Basis, rij: dict) -> str:
    titel = basis.documentnamen.get(rij["bron_id"], rij["bron_id"])
    return f"{rij['soort']}; {titel}, {rij['sectie']}; peildatum {fmt.peildatum(rij['peildatum'])}"


def wijzigingen(basis: Basis, basis_na: Basis, cijfers: list[Cijfer]) -> list[Wijziging]:
    result = []
    for cijfer in cijfers:
        oud = huidige_rij(basis, cijfer)
        eenheid = cijfer.rij.get("eenheid")
        nieuw_tekst = waarde_tekst(cijfer.onderdeel, cijfer.waarde, eenheid)
        oud_tekst = None if oud is None else waarde_tekst(cijfer.onderdeel, float(oud[WAARDEKOLOM[cijfer.onderdeel]]), eenheid)
        verschil = None
        if oud is not None:
            delta = cijfer.waarde - float(oud[WAARDEKOLOM[cijfer.onderdeel]])
            if delta:
                verschil = ("+" if delta > 0 else "−") + waarde_tekst(cijfer.onderdeel, abs(delta), eenheid)
        nieuwe_herkomst = herkomst_tekst(basis_na, cijfer.rij)
        oude_herkomst = None if oud is None else herkomst_tekst(basis, oud)
        result.append(Wijziging(cijfer.onderdeel, cijfer.naam, oud_tekst, nieuw_tekst, verschil, oude_herkomst,
                                nieuwe_herkomst, oud is not None and oude_herkomst != nieuwe_herkomst))
    return result


def effecten(basis: Basis, basis_na: Basis, scenario: Scenario | None = None) -> list[Effect]:
    """The headline figures of the (baseline) scenario before and after, paired by figure."""
    scenario = scenario or Scenario()
    voor = {k.sleutel: k for k in kerncijfers(scenario, basis)}
    na = {k.sleutel: k for k in kerncijfers(scenario, basis_na)}
    return [_effect(s, voor.get(s), na.get(s)) for s in dict.fromkeys([*voor, *na])]


def _effect(sleutel: str, voor: Kerncijfer | None, na: Kerncijfer | None) -> Effect:
    return Effect(sleutel, voor and voor.label, voor and voor.tekst, na and na.label, na and na.tekst)


def nieuwe_bevindingen(basis: Basis, basis_na: Basis) -> list[Bevinding]:
    """Consistency findings with the entry that the current data do not have (rounding included, for completeness)."""
    bestaand = {(b.onderwerp, b.periode, b.omschrijving) for b in check_all(basis)}
    return [b for b in check_all(basis_na) if (b.onderwerp, b.periode, b.omschrijving) not in bestaand]
