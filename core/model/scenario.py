"""The scenario: one immutable set of assumptions. ``Scenario()`` is the baseline: the sources' figures with every
assumption at its baseline value (not an official forecast: the assumptions are the model's own)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.model.parameters import PARAMETERS, PARAMETERS_BY_NAME, Parameter


def _default(name: str):
    return field(default=PARAMETERS_BY_NAME[name].standaard)


@dataclass(frozen=True)
class Scenario:
    """Assumptions that differ from the baseline are the scenario; see core.model.parameters."""

    instroom_pct: int = _default("instroom_pct")
    huisvesting_per_halfjaar: int = _default("huisvesting_per_halfjaar")
    huurtoeslag_grote_gezinnen: bool = _default("huurtoeslag_grote_gezinnen")
    aandeel_grote_gezinnen: float = _default("aandeel_grote_gezinnen")
    har_plus_budget: int = _default("har_plus_budget")
    har_plus_kosten_per_huishouden: int = _default("har_plus_kosten_per_huishouden")
    lezing_raadsinformatiebrief: str = _default("lezing_raadsinformatiebrief")
    tempo_na_tussenstand_pct: int = _default("tempo_na_tussenstand_pct")
    du_mo_indexatie_pct: float = _default("du_mo_indexatie_pct")
    iubw_indexatie_pct: float = _default("iubw_indexatie_pct")
    zorgkosten_groei_pct: float = _default("zorgkosten_groei_pct")
    loon_prijs_indexatie_pct: float = _default("loon_prijs_indexatie_pct")
    eenmalig: frozenset[str] = _default("eenmalig")
    dno_uitstel_jaren: int = _default("dno_uitstel_jaren")
    reserve_na_centrumregeling: int = _default("reserve_na_centrumregeling")
    eind_jaar: int = _default("eind_jaar")
    # --- risk and uncertainty (issue 11): the simulation's spreads, policy risks, opvang budgets ---
    spreiding_taakstelling_pct: int = _default("spreiding_taakstelling_pct")
    spreiding_realisatie_pct: int = _default("spreiding_realisatie_pct")
    bandbreedte_du_mo_indexatie: float = _default("bandbreedte_du_mo_indexatie")
    bandbreedte_zorgkosten_groei: float = _default("bandbreedte_zorgkosten_groei")
    simulatie_seed: int = _default("simulatie_seed")
    wetsvoorstel_36831: bool = _default("wetsvoorstel_36831")
    wetsvoorstel_36831_ingang: float = _default("wetsvoorstel_36831_ingang")
    wetsvoorstel_36831_aandeel_urgent: float = _default("wetsvoorstel_36831_aandeel_urgent")
    wetsvoorstel_36831_korting_pct: int = _default("wetsvoorstel_36831_korting_pct")
    kosten_per_extra_statushouder: int = _default("kosten_per_extra_statushouder")

    def __post_init__(self) -> None:
        if not isinstance(self.eenmalig, frozenset):
            # Accept any iterable of line names, but keep the object hashable and immutable.
            object.__setattr__(self, "eenmalig", frozenset(self.eenmalig))
        for parameter in PARAMETERS:
            parameter.valideer(getattr(self, parameter.naam))

    def met(self, **changes) -> Scenario:
        """A copy with some assumptions changed.

        Only the changed values are validated again (the others were when ``self`` was made): the
        Risico's page's tornado makes about 35 variants per rerun, and validating all 26 values of
        each was a measurable part of it (benchmarks/README.md).
        """
        if not changes.keys() <= PARAMETERS_BY_NAME.keys():
            return replace(self, **changes)  # an unknown name: the TypeError dataclasses gives
        kopie = object.__new__(Scenario)
        kopie.__dict__.update(self.__dict__)
        for naam, waarde in changes.items():
            if naam == "eenmalig" and not isinstance(waarde, frozenset):
                waarde = frozenset(waarde)
            PARAMETERS_BY_NAME[naam].valideer(waarde)
            object.__setattr__(kopie, naam, waarde)
        return kopie

    def afwijkingen(self) -> list[tuple[Parameter, object, object]]:
        """(parameter, baseline value, scenario value) for every assumption that differs."""
        return [
            (p, p.standaard, getattr(self, p.naam))
            for p in PARAMETERS
            if getattr(self, p.naam) != p.standaard
        ]

    @property
    def is_basis(self) -> bool:
        return not self.afwijkingen()

    def naar_query(self) -> dict[str, list[str]]:
        """Query parameters for the assumptions that differ from the baseline."""
        return {p.naam: p.naar_query(value) for p, _base, value in self.afwijkingen()}
