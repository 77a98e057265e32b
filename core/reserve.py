"""Beschermd Thuis / Maatschappelijke Opvang: the regiobegroting carried forward, and the reserve.

2026 is the regiobegroting itself (Uitvoeringsplan Zicht op Thuis 2026, §4.1). Later
years keep every structural line, drop the lines the scenario marks eenmalig, and grow
each line by the rate its ``indexatie`` names (DU MO, IUBW, zorgkosten, or none).
The reserve starts at its November 2025 level; each year adds the result and subtracts
other withdrawals (the DNO contribution of 1.010.000 in 2026).
"""

from __future__ import annotations

import pandas as pd

from core.data import Basis
from core.scenario import Scenario

INDEXATIE_VELD = {
    "du_mo": "du_mo_indexatie_pct",
    "iubw": "iubw_indexatie_pct",
    "zorgkosten": "zorgkosten_groei_pct",
}
INDEXATIE_LABEL = {
    "du_mo": "DU MO-indexatie",
    "iubw": "IUBW-indexatie",
    "zorgkosten": "zorgkostengroei",
    "geen": "niet geïndexeerd",
}


def basisjaar(basis: Basis) -> int:
    return int(basis.begroting["jaar"].max())


def jaren(scenario: Scenario, basis: Basis) -> list[int]:
    return list(range(basisjaar(basis), scenario.eind_jaar + 1))


def groeivoet(scenario: Scenario, indexatie: str) -> float:
    """The yearly growth rate (fraction) the scenario applies to lines of this indexatie."""
    veld = INDEXATIE_VELD.get(indexatie)
    return 0.0 if veld is None else getattr(scenario, veld) / 100


def begrotingsregels(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Every begroting line for every year: jaar, stroom, regel, kant, bedrag, indexatie, eenmalig."""
    start = basisjaar(basis)
    base = basis.begroting[basis.begroting["jaar"] == start]
    frames = []
    for jaar in jaren(scenario, basis):
        year = base[["stroom", "regel", "kant", "indexatie"]].copy()
        year.insert(0, "jaar", jaar)
        growth = year["indexatie"].map(lambda i: (1 + groeivoet(scenario, i)) ** (jaar - start))
        year["eenmalig"] = year["regel"].isin(scenario.eenmalig)
        year["bedrag"] = base["bedrag"].to_numpy() * growth.to_numpy()
        if jaar > start:
            year = year[~year["eenmalig"]]
        frames.append(year)
    return pd.concat(frames, ignore_index=True)


def resultaat_per_stroom(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """Per jaar and stroom (BW, MO): baten, lasten and resultaat."""
    regels = begrotingsregels(scenario, basis)
    totals = regels.pivot_table(
        index=["jaar", "stroom"], columns="kant", values="bedrag", aggfunc="sum", fill_value=0.0
    ).reset_index()
    totals.columns.name = None
    totals["resultaat"] = totals["baten"] - totals["lasten"]
    return totals[["jaar", "stroom", "baten", "lasten", "resultaat"]]


def overige_onttrekkingen(basis: Basis) -> dict[int, float]:
    rows = basis.kengetallen[
        (basis.kengetallen["onderwerp"] == "reserve") & (basis.kengetallen["sleutel"] == "onttrekking_dno")
    ]
    return {int(r.periode): float(r.waarde) for r in rows.itertuples(index=False)}


def reserve_start(basis: Basis) -> float:
    return basis.kengetal("reserve", "stand_begin", str(basisjaar(basis)))


def reservepad(start: float, resultaten: pd.Series, onttrekkingen: dict[int, float]) -> pd.DataFrame:
    """Roll a reserve forward over yearly results (indexed by jaar)."""
    rows, begin = [], start
    for jaar, resultaat in resultaten.items():
        onttrekking = onttrekkingen.get(int(jaar), 0.0)
        eind = begin + resultaat - onttrekking
        rows.append(
            {"jaar": int(jaar), "resultaat": resultaat, "overige_onttrekking": onttrekking,
             "reserve_begin": begin, "reserve_eind": eind}
        )
        begin = eind
    return pd.DataFrame(rows)


def project_reserve(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """One row per year: baten, lasten, resultaat, overige_onttrekking, reserve_begin, reserve_eind."""
    per_stroom = resultaat_per_stroom(scenario, basis)
    totals = per_stroom.groupby("jaar")[["baten", "lasten", "resultaat"]].sum()
    pad = reservepad(reserve_start(basis), totals["resultaat"], overige_onttrekkingen(basis))
    frame = totals[["baten", "lasten"]].reset_index().merge(pad, on="jaar")
    return frame[["jaar", "baten", "lasten", "resultaat", "overige_onttrekking", "reserve_begin", "reserve_eind"]]


def eerste_tekortjaar(reserve: pd.DataFrame) -> int | None:
    """The first year whose end-of-year reserve is negative, or None within the horizon."""
    negative = reserve[reserve["reserve_eind"] < 0]
    return None if negative.empty else int(negative["jaar"].iloc[0])


def reserve_alleen_mo(scenario: Scenario, basis: Basis) -> pd.DataFrame:
    """The reserve if it had to carry the MO result on its own (no BW surplus added).

    This is the reading under which the regiobegroting's 'dekking mogelijk tot en met
    2027' holds; the app shows it beside the total so the assumption is explicit.
    """
    per_stroom = resultaat_per_stroom(scenario, basis)
    mo = per_stroom[per_stroom["stroom"] == "MO"].set_index("jaar")["resultaat"]
    return reservepad(reserve_start(basis), mo, overige_onttrekkingen(basis))
