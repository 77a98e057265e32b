"""Policy risks as scenario switches: wetsvoorstel 36831 (the HAR+ budget is in core.model.taakstelling).

Wetsvoorstel 36831 ends the priority of statushouders in housing allocation. The
beleidskader 2024-2027 says statushouders belong to the woonurgenten with priority and
get their homes through bemiddeling; the switch cuts the share of placements that comes
through that channel by a percentage, from a chosen date on. The taakstelling projection
asks ``tempo`` for the pace of every forecast half year, so the switch moves every page.
"""

from __future__ import annotations

from datetime import date

from core.model.periode import begindatum
from core.model.scenario import Scenario


def ingangsdatum(waarde: float) -> date:
    """The wetsvoorstel's date as the scenario stores it: 2027.0 -> 1 januari 2027, 2027.5 -> 1 juli 2027."""
    return date(int(waarde), 7 if waarde % 1 else 1, 1)


def tempo_factor(scenario: Scenario, periode: str) -> float:
    """The share of the scenario's pace that is left in ``periode`` (1.0 without the switch)."""
    if not scenario.wetsvoorstel_36831 or begindatum(periode) < ingangsdatum(scenario.wetsvoorstel_36831_ingang):
        return 1.0
    return 1.0 - scenario.wetsvoorstel_36831_aandeel_urgent * scenario.wetsvoorstel_36831_korting_pct / 100


def tempo(scenario: Scenario, periode: str, per_halfjaar: int | None = None) -> int:
    """Persons the housing market can place in a forecast half year (before the opgave limits it).

    ``per_halfjaar`` replaces the scenario's own pace (goal seeking tries other paces).
    """
    pace = scenario.huisvesting_per_halfjaar if per_halfjaar is None else per_halfjaar
    factor = tempo_factor(scenario, periode)
    return pace if factor == 1.0 else round(pace * factor)
