"""Reading a scenario from a link: every obvious spelling of a value is accepted, nothing else.

A link is typed, pasted or mangled by mail programs, so ``2.5``, ``2,5``, ``2,5%`` and
``2,5 %`` all mean 2,5%; ``€ 500.000`` and ``500000`` mean the same budget; ``ja``/``true``
and the choices' own codes work. Only ASCII digits count (``١٢`` or ``１２`` are refused),
and a value must lie on the control's own steps, because the control cannot show any other.
What is refused is reported by parameter, never by echoing the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from core.model.parameters import KEUZE, MULTISELECT, PARAMETERS_BY_NAME, SELECT_SLIDER, TOGGLE, Parameter
from core.model.scenario import Scenario
from core.tekst import formatting as fmt

MAX_LENGTE = 120  # characters of one link value; longer is never a value of ours
JA, NEE = {"true", "ja", "aan", "1", "yes"}, {"false", "nee", "uit", "0", "no"}
_GETAL = re.compile(r"[+-]?(\d+([.,]\d+)*)", re.ASCII)


class OngeldigeLinkwaarde(ValueError):
    """A link value that cannot be applied; the message (Dutch) says why, without the value."""


def _getal(text: str, euro: bool) -> float:
    """``2,5`` / ``2.5`` / ``-1`` / ``500.000`` (euro: dots are thousands) -> a float."""
    text = text.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    if not _GETAL.fullmatch(text):
        raise OngeldigeLinkwaarde("geen getal")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    elif euro or text.count(".") > 1:
        text = text.replace(".", "")
    return float(text)


def _op_stap(parameter: Parameter, value: float):
    """The control's own option for ``value``, or refuse an off-step or out-of-range value."""
    if not parameter.minimum <= value <= parameter.maximum:
        raise OngeldigeLinkwaarde(f"buiten het bereik {parameter.bereik}")
    optie = min(parameter.opties, key=lambda o: abs(o - value))
    if abs(optie - value) > 1e-9:
        raise OngeldigeLinkwaarde(f"geen stap van de schuif (stappen van {_stap(parameter)})")
    return optie


def _stap(parameter: Parameter) -> str:
    if _is_euro(parameter):
        return fmt.euro(parameter.stap)
    if _is_aandeel(parameter):
        return fmt.aandeel(parameter.stap)
    if parameter.eenheid.startswith("procent"):
        return fmt.procent(parameter.stap, 1)
    return fmt.getal(parameter.stap)


def _is_euro(parameter: Parameter) -> bool:
    return parameter.eenheid.startswith("euro")


def _is_aandeel(parameter: Parameter) -> bool:
    return parameter.eenheid == "aandeel"


def lees_waarde(parameter: Parameter, raw: list[str], regels: Iterable[str] = ()):
    """The value a link gives for ``parameter``; raises OngeldigeLinkwaarde with a Dutch reason."""
    if any(len(v) > MAX_LENGTE for v in raw):
        raise OngeldigeLinkwaarde("te lang")
    if parameter.widget == MULTISELECT:
        chosen = frozenset(v.strip() for v in raw if v.strip())
        if chosen - set(regels):
            raise OngeldigeLinkwaarde("een begrotingsregel die niet bestaat")
        return chosen
    text = (raw[-1] if raw else "").strip()
    if parameter.widget == TOGGLE:
        if text.lower() in JA | NEE:
            return text.lower() in JA
        raise OngeldigeLinkwaarde("geen ja/nee-waarde")
    if parameter.widget == KEUZE:
        for value, label in parameter.keuzes.items():
            if text.casefold() in (str(value).casefold(), label.casefold()):
                return value
        raise OngeldigeLinkwaarde(f"geen van de keuzes ({parameter.bereik})")
    if parameter.widget == SELECT_SLIDER and text in parameter._optie_teksten.values():
        return next(v for v, t in parameter._optie_teksten.items() if t == text)
    value = _getal(text, _is_euro(parameter))
    if _is_aandeel(parameter) and ("%" in text or value > parameter.maximum):
        value /= 100  # 10% or 10 -> 0,10; 0,1 stays a fraction
    return _op_stap(parameter, value)


def lees_scenario(query: Mapping[str, Iterable[str]], regels: Iterable[str]) -> tuple[Scenario, dict[str, str]]:
    """The scenario a link describes, and per refused parameter the reason (its baseline is used)."""
    regels = list(regels)
    values, redenen = {}, {}
    for naam, parameter in PARAMETERS_BY_NAME.items():
        if naam not in query:
            continue
        try:
            values[naam] = lees_waarde(parameter, list(query[naam]), regels)
        except OngeldigeLinkwaarde as fout:
            redenen[naam] = str(fout)
    return Scenario(**values), redenen

