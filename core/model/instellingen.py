"""A scenario's settings as stored: typed JSON values with a format version.

Format 2 (this one): ``{"formaat": 2, "waarden": {assumption: value}}`` with numbers as
numbers, yes/no as booleans, a choice as its code and the one-off lines as a sorted list;
only assumptions that differ from the baseline. ``"onleesbaar"`` holds what an older
format stored and could not be read, kept as it was. Format 1 (schemas 3 and 4) stored
the link's display text ("2,5%"); the migration to schema 5 converts it with
``van_linktekst``.

Reading never drops a value silently: what cannot be read is returned as a Dutch
sentence naming the assumption, for the notice when the scenario opens.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping

from core.model.link import OngeldigeLinkwaarde, _op_stap, lees_waarde
from core.model.parameters import KEUZE, MULTISELECT, PARAMETERS_BY_NAME, TOGGLE, Parameter
from core.model.scenario import Scenario

FORMAAT = 2


def naar_json(scenario: Scenario) -> str:
    waarden = {p.naam: _naar_waarde(p, value) for p, _base, value in scenario.afwijkingen()}
    return json.dumps({"formaat": FORMAAT, "waarden": waarden}, sort_keys=True, ensure_ascii=False)


def _naar_waarde(parameter: Parameter, value):
    if parameter.widget == MULTISELECT:
        return sorted(value)
    return value


def _lees_waarde(parameter: Parameter, value, regels: list[str]):
    """The stored typed value for ``parameter``; OngeldigeLinkwaarde (Dutch reason) if unusable."""
    if parameter.widget == MULTISELECT:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise OngeldigeLinkwaarde("geen lijst van begrotingsregels")
        if set(value) - set(regels):
            raise OngeldigeLinkwaarde("een begrotingsregel die niet bestaat")
        return frozenset(value)
    if parameter.widget == TOGGLE:
        if not isinstance(value, bool):
            raise OngeldigeLinkwaarde("geen ja/nee-waarde")
        return value
    if parameter.widget == KEUZE:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or value not in parameter.keuzes:
            raise OngeldigeLinkwaarde(f"geen van de keuzes ({parameter.bereik})")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise OngeldigeLinkwaarde("geen getal")
    return _op_stap(parameter, value)


def melding(naam: str, reden: str) -> str:
    """A Dutch sentence for an assumption that could not be read (by label; its name if unknown)."""
    parameter = PARAMETERS_BY_NAME.get(naam)
    if parameter is None:
        return (
            f"Het scenario bevat een aanname die deze versie van de app niet kent ('{naam}'); "
            "die is niet toegepast."
        )
    return (
        f"De opgeslagen waarde voor '{parameter.label}' kon niet worden gelezen ({reden}); "
        f"het scenario rekent hier met de basiswaarde {parameter.formatteer(parameter.standaard)}."
    )


def lees_json(tekst: str, regels: Iterable[str]) -> tuple[Scenario, tuple[str, ...]]:
    """The stored scenario and a Dutch sentence for every value that could not be read."""
    regels = list(regels)
    try:
        document = json.loads(tekst)
    except (TypeError, ValueError):
        document = None
    if not isinstance(document, dict) or document.get("formaat") != FORMAAT or not isinstance(document.get("waarden"), dict):
        return Scenario(), ("De instellingen van dit scenario konden niet worden gelezen; alle aannames staan op hun basiswaarde.",)
    values, problemen = {}, []
    for naam, value in document["waarden"].items():
        parameter = PARAMETERS_BY_NAME.get(naam)
        if parameter is None:
            problemen.append(melding(naam, ""))
            continue
        try:
            values[naam] = _lees_waarde(parameter, value, regels)
        except OngeldigeLinkwaarde as fout:
            problemen.append(melding(naam, str(fout)))
    onleesbaar = document.get("onleesbaar")
    for naam, reden in (onleesbaar.items() if isinstance(onleesbaar, dict) else []):
        problemen.append(melding(naam, _reden_uit_oud(reden)))
    return Scenario(**values), tuple(problemen)


def _reden_uit_oud(reden) -> str:
    return reden.get("reden", "onbekende vorm") if isinstance(reden, dict) else "onbekende vorm"


def van_linktekst(query: Mapping[str, Iterable[str]], regels: Iterable[str]) -> dict:
    """Format 1 (the link's display text) as a format-2 document; what cannot be read is kept aside.

    Each value is read as a link would be (``core.model.link``), so "2,5%" becomes 2.5.
    A value that cannot be read goes to ``onleesbaar`` with its text and the reason.
    """
    regels = list(regels)
    waarden, onleesbaar = {}, {}
    for naam, raw in query.items():
        tekst = [raw] if isinstance(raw, str) else list(raw)
        parameter = PARAMETERS_BY_NAME.get(naam)
        if parameter is None:
            onleesbaar[naam] = {"tekst": tekst, "reden": "onbekende aanname"}
            continue
        try:
            waarden[naam] = _naar_waarde(parameter, lees_waarde(parameter, tekst, regels))
        except OngeldigeLinkwaarde as fout:
            onleesbaar[naam] = {"tekst": tekst, "reden": str(fout)}
    document = {"formaat": FORMAAT, "waarden": waarden}
    if onleesbaar:
        document["onleesbaar"] = onleesbaar
    return document


__all__ = ["FORMAAT", "lees_json", "melding", "naar_json", "van_linktekst"]
