"""Where a figure comes from: one way to describe bron, sectie, peildatum and soort."""

from __future__ import annotations

import pandas as pd

from core.tekst import formatting as fmt
from core.data import Basis
from core.model.parameters import PARAMETERS
from core.model.periode import vorige_periode
from core.model.scenario import Scenario

def bron(basis: Basis, bron_id: str, sectie: str, peildatum) -> str:
    """``Titel van het document, sectie (peildatum 1 januari 2026)``; ``peildatum onbekend`` when the source names none."""
    titles = basis.documenttitels
    return f"{titles.get(bron_id, bron_id)}, {sectie} (peildatum {fmt.peildatum(peildatum)})"


def _soort_en_bron(basis: Basis, row: dict, sectie: str | None = None) -> str:
    """``gerapporteerd; Titel, sectie (peildatum …)`` for one stored row."""
    return f"{row['soort']}; {bron(basis, row['bron_id'], sectie or row['sectie'], row['peildatum'])}"


def halfjaarcijfer(basis: Basis, periode: str, grootheid: str) -> str:
    """The provenance of one stored half-year figure, with its value and soort."""
    row = basis.halfjaar_rijen.get((periode, grootheid))
    if row is None:
        return "niet in de basisdata"
    return f"{fmt.getal(row['waarde'])}: {_soort_en_bron(basis, row)}"


def kengetal(basis: Basis, onderwerp: str, sleutel: str, periode: str) -> str:
    row = basis.kengetal_rijen.get((onderwerp, sleutel, periode))
    return "niet in de basisdata" if row is None else _soort_en_bron(basis, row)


def norm(basis: Basis, periode: str) -> str:
    row = basis.norm_rijen.get(periode)
    return "geen norm" if row is None else _soort_en_bron(basis, row)


def begroting(basis: Basis) -> str:
    return _soort_en_bron(basis, basis.begrotingsregels[0], "§4.1 Uitvoeringskosten")


def opgave(basis: Basis, periode: str) -> str:
    return (
        "Afgeleid: taakstelling + achterstand aan het begin van het halfjaar. "
        f"Taakstelling {halfjaarcijfer(basis, periode, 'taakstelling')}. "
        f"Achterstand {halfjaarcijfer(basis, vorige_periode(periode), 'achterstand_eind')}."
    )


def reserve_eind(basis: Basis, jaar: int) -> str:
    periode = str(jaar)
    return (
        f"Afgeleid uit de begrotingsregels {basis.basisjaar} ({begroting(basis)}). De regiobegroting meldt zelf "
        f"{fmt.euro(basis.kengetal('reserve', 'stand_eind', periode), 2)} "
        f"({kengetal(basis, 'reserve', 'stand_eind', periode)}); het verschil is afronding in de bron."
    )


def alle_cijfers(basis: Basis) -> pd.DataFrame:
    """Every stored base figure with its source, peildatum and soort, for the Bronnen page."""
    halfjaar = basis.halfjaar.assign(
        onderwerp="Statushouders",
        omschrijving=basis.halfjaar["grootheid"].str.replace("_", " "),
        waarde=basis.halfjaar["waarde"].map(fmt.getal),
    )
    norm = basis.normpad.assign(
        onderwerp="Normpad Provincie",
        omschrijving=[f"Maximale achterstand op {fmt.datum(d)}" for d in basis.normpad["deadline"]],
        waarde=basis.normpad["max_achterstand"].map(fmt.getal),
    )
    begroting = basis.begroting.assign(
        onderwerp="Regiobegroting " + basis.begroting["stroom"],
        omschrijving=basis.begroting["regel"] + " (" + basis.begroting["kant"] + ")",
        periode=basis.begroting["jaar"].astype(str),
        waarde=basis.begroting["bedrag"].map(fmt.euro),
    )
    kengetallen = basis.kengetallen.assign(
        onderwerp=basis.kengetallen["onderwerp"].str.capitalize().str.replace("_", " "),
        omschrijving=basis.kengetallen["label"],
        waarde=[_waarde(w, e) for w, e in zip(basis.kengetallen["waarde"], basis.kengetallen["eenheid"])],
    )
    columns = ["onderwerp", "omschrijving", "periode", "waarde", "soort", "bron_id", "sectie", "peildatum", "toelichting"]
    frame = pd.concat([f[columns] for f in (halfjaar, norm, begroting, kengetallen)], ignore_index=True)
    titles = basis.documenttitels
    frame["bron"] = [f"{titles.get(b, b)}, {s}" for b, s in zip(frame["bron_id"], frame["sectie"])]
    return frame


def _waarde(waarde: float, eenheid: str) -> str:
    if eenheid == "euro":
        return fmt.euro(waarde, 2 if waarde % 1 else 0)
    decimals = 0 if float(waarde).is_integer() else 2
    return f"{fmt.getal(waarde, decimals)} {eenheid}"


GROOTHEID_LABEL = {"taakstelling": "taakstelling", "realisatie": "realisatie", "achterstand_eind": "achterstand"}


def periode_kort(basis: Basis, periode: str, prognose: bool) -> str:
    """Per half year, each stored figure's soort and short source; forecasts say so."""
    parts = ["prognose uit de scenario-aannames"] if prognose else []
    for grootheid, label in GROOTHEID_LABEL.items():
        row = basis.halfjaar_rijen.get((periode, grootheid))
        if row is not None:
            parts.append(f"{label} {row['soort']} ({basis.documentnamen.get(row['bron_id'], row['bron_id'])})")
    return "; ".join(parts)


def aannames(scenario: Scenario) -> pd.DataFrame:
    """Every assumption: its value in ``scenario`` and in the baseline, unit, range, soort and source."""
    return pd.DataFrame(
        [
            {
                "aanname": p.label,
                "scenario": p.formatteer(getattr(scenario, p.naam)),
                "basis": p.formatteer(p.standaard),
                "eenheid": p.eenheid,
                "bereik": fmt.LEEG if p.minimum is None else f"{p.formatteer(p.minimum)} tot en met {p.formatteer(p.maximum)}",
                "soort": p.soort,
                "bron": p.bron,
                "wijkt_af": getattr(scenario, p.naam) != p.standaard,
            }
            for p in PARAMETERS
        ]
    )
