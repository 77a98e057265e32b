"""Where a figure comes from: one way to describe bron, sectie, peildatum and soort."""

from __future__ import annotations

from functools import lru_cache

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


def soort_label(row: dict) -> str:
    """``gerapporteerd``, ``gerapporteerd (raming)`` for an estimate the source reports, ``afgeleid``, ``aanname``."""
    return f"{row['soort']} (raming)" if row.get("raming") is True else row["soort"]


def _soort_en_bron(basis: Basis, row: dict, sectie: str | None = None) -> str:
    """``gerapporteerd; Titel, sectie (peildatum …)`` for one stored row."""
    return f"{soort_label(row)}; {bron(basis, row['bron_id'], sectie or row['sectie'], row['peildatum'])}"


def halfjaarcijfer(basis: Basis, periode: str, grootheid: str) -> str:
    """The provenance of one stored half-year figure, with its value and soort."""
    row = basis.halfjaar_rijen.get((periode, grootheid))
    if row is None:
        return "niet in de basisdata"
    return f"{fmt.getal(row['waarde'])}: {_soort_en_bron(basis, row)}"


def kengetal(basis: Basis, onderwerp: str, sleutel: str, periode: str) -> str:
    row = basis.kengetal_rijen.get((onderwerp, sleutel, periode))
    return "niet in de basisdata" if row is None else _soort_en_bron(basis, row)


def taakstelling_uit_landelijk(basis: Basis, periode: str, landelijk: float, aandeel: tuple[str, float]) -> str:
    """How a forecast taakstelling follows from the national one the Rijk set for its half year."""
    van, deel = aandeel
    return (
        f"taakstelling afgeleid: {fmt.aandeel(deel, 2)} (het aandeel van Maastricht in {fmt.periode(van)}) van de "
        f"landelijke taakstelling {fmt.getal(landelijk)} ({kengetal(basis, 'landelijk', 'landelijke_taakstelling', periode)})"
    )


def norm(basis: Basis, periode: str) -> str:
    row = basis.norm_rijen.get(periode)
    return "geen norm" if row is None else _soort_en_bron(basis, row)


def norm_doorgetrokken(basis: Basis) -> str:
    """The rule for the half years after the Provincie's last deadline, with its source."""
    rows = [r for (o, k, _p), r in basis.kengetal_rijen.items() if (o, k) == ("normpad", "na_laatste_deadline")]
    return "geen norm" if not rows else f"{rows[0]['label']}: {_soort_en_bron(basis, rows[0])}"


def plan_gemeente(basis: Basis) -> str:
    """The municipality's own plan, with its source."""
    rows = [r for (o, k, _p), r in basis.kengetal_rijen.items() if (o, k) == ("statushouders", "plan_gemeente_perioden")]
    return "geen eigen plan in de basisdata" if not rows else f"{rows[0]['label']} ({_soort_en_bron(basis, rows[0])})"


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
    if ("reserve", "stand_eind", periode) not in basis.kengetal_rijen:  # a begroting that names no expected end
        return f"Afgeleid uit de begrotingsregels {basis.basisjaar} ({begroting(basis)}) en de aannames."
    return (
        f"Afgeleid uit de begrotingsregels {basis.basisjaar} ({begroting(basis)}) en de aannames. De regiobegroting "
        f"noemt zelf een verwachte ruimte in de reserve eind {jaar} van "
        f"{fmt.euro(basis.kengetal('reserve', 'stand_eind', periode), 2)} "
        f"({kengetal(basis, 'reserve', 'stand_eind', periode)}): een verwachting, geen saldo; het exacte bedrag "
        "volgt uit de jaarrekening. Het verschil met de som van de regels staat op de pagina Bronnen."
    )


def alle_cijfers(basis: Basis) -> pd.DataFrame:
    """Every stored base figure with its source, peildatum and soort, for the Bronnen page.

    ``getal`` and ``eenheid`` are the figure itself (for exports), ``waarde`` is it as Dutch text.
    """
    halfjaar = basis.halfjaar.assign(
        onderwerp="Statushouders",
        omschrijving=[GROOTHEID_OMSCHRIJVING[g] for g in basis.halfjaar["grootheid"]],
        getal=basis.halfjaar["waarde"].astype(float),
        eenheid="personen",
    )
    norm = basis.normpad.assign(
        onderwerp="Normpad Provincie",
        omschrijving=[f"Maximale achterstand op {fmt.datum(d)}" for d in basis.normpad["deadline"]],
        getal=basis.normpad["max_achterstand"].astype(float),
        eenheid="personen",
    )
    begroting = basis.begroting.assign(
        onderwerp="Regiobegroting " + basis.begroting["stroom"],
        omschrijving=basis.begroting["regel"] + " (" + basis.begroting["kant"] + ")",
        periode=basis.begroting["jaar"].astype(str),
        getal=basis.begroting["bedrag"].astype(float),
        eenheid="euro",
    )
    kengetallen = basis.kengetallen.assign(
        onderwerp=[ONDERWERP.get(o, o.capitalize()) for o in basis.kengetallen["onderwerp"]],
        omschrijving=basis.kengetallen["label"],
        getal=basis.kengetallen["waarde"].astype(float),
    )
    frames = [halfjaar, norm, begroting, kengetallen]
    for frame, source in zip(frames, (basis.halfjaar, basis.normpad, basis.begroting, basis.kengetallen)):
        frame["soort"] = [soort_label(r) for r in source.to_dict("records")]
    columns = ["onderwerp", "omschrijving", "periode", "getal", "eenheid", "soort", "bron_id", "sectie", "peildatum", "toelichting"]
    frame = pd.concat([f[columns] for f in frames], ignore_index=True)
    frame["waarde"] = [_waarde(g, e) for g, e in zip(frame["getal"], frame["eenheid"])]
    titles = basis.documenttitels
    frame["bron"] = [f"{titles.get(b, b)}, {s}" for b, s in zip(frame["bron_id"], frame["sectie"])]
    return frame


GROOTHEID_OMSCHRIJVING = {
    "taakstelling": "Taakstelling",
    "realisatie": "Realisatie (gehuisvest)",
    "achterstand_eind": "Achterstand aan het eind van het halfjaar",
    "opgave": "Opgave (taakstelling + achterstand)",
}
ONDERWERP = {
    "reserve": "Reserve Beschermd Thuis",
    "begrotingstotaal": "Regiobegroting: totalen",
    "budget": "Budgetten opvang en integratie",
    "statushouders": "Statushouders",
    "landelijk": "Landelijke taakstelling",
    "woningmarkt": "Woningmarkt",
    "opvang": "Opvang",
    "huurtoeslag": "Huurtoeslag",
    "har_plus": "HAR+",
    "centrumregeling": "Centrumregeling",
    "normpad": "Normpad Provincie",
}


def _waarde(waarde: float, eenheid: str) -> str:
    if eenheid == "personen":
        return fmt.getal(waarde)
    if eenheid == "euro":
        return fmt.euro(waarde, 2 if waarde % 1 else 0)
    if eenheid == "jaar":
        return str(int(waarde))
    decimals = 0 if float(waarde).is_integer() else 2
    return f"{fmt.getal(waarde, decimals)} {eenheid}"


GROOTHEID_LABEL = {"taakstelling": "taakstelling", "realisatie": "realisatie", "achterstand_eind": "achterstand"}


STATUS_TEKST = {
    "prognose": "prognose uit de scenario-aannames",
    "tussenstand": (
        "lezing (b): realisatie = tussenstand + aanname voor de rest van het halfjaar; achterstand eind berekend"
    ),
}


@lru_cache(maxsize=1024)
def periode_kort(basis: Basis, periode: str, status: str) -> str:
    """Per half year, each stored figure the row uses with its soort and short source; forecasts say so.

    Cached per (basis, half year, status): every projection's every row asks for it.
    """
    parts = [STATUS_TEKST[status]] if status in STATUS_TEKST else []
    for grootheid, label in GROOTHEID_LABEL.items():
        row = basis.halfjaar_rijen.get((periode, grootheid))
        if row is not None and not (status == "tussenstand" and grootheid == "achterstand_eind"):
            naam = basis.documentnamen.get(row["bron_id"], row["bron_id"])
            parts.append(f"{label} {soort_label(row)} ({naam}, peildatum {fmt.peildatum(row['peildatum'])})")
    return "; ".join(parts)


def aannames(scenario: Scenario) -> pd.DataFrame:
    """Every assumption: its value in ``scenario`` and in the baseline, unit, range, soort, source and quote."""
    return pd.DataFrame(
        [
            {
                "aanname": p.label,
                "scenario": p.formatteer(getattr(scenario, p.naam)),
                "basis": p.formatteer(p.standaard),
                "eenheid": p.eenheid,
                "bereik": p.bereik or fmt.LEEG,
                "soort": "lezing van de bron (aanname)" if p.lezing else p.soort,
                "bron": p.bron,
                "citaat": p.citaat or fmt.LEEG,
                "onderbouwing": p.onderbouwing,
                "wijkt_af": getattr(scenario, p.naam) != p.standaard,
            }
            for p in PARAMETERS
        ]
    )
