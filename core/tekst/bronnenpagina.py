"""What the Bronnen page shows. None of it depends on the scenario: it is built once per data version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyarrow as pa

from core.data import Basis
from core.model.consistency import Bevinding, check_all
from core.model.parameters import LEZINGEN
from core.model.scenario import Scenario
from core.tekst import herkomst, tabellen, zinnen


@dataclass(frozen=True, eq=False)
class Bronnenpagina:
    """The page's findings, sentences and tables (as Arrow tables of Dutch text); shared, never change them."""

    cijfers: pd.DataFrame  # every base figure as stored, for the download
    alle_cijfers: pa.Table
    bevindingen: tuple[Bevinding, ...]
    lezing_effecten: dict[str, str]  # per reading of the sources (parameter name): what switching it does
    aannames: pa.Table
    documenten: pa.Table
    verdelingen: pa.Table


@lru_cache(maxsize=8)
def bronnenpagina(basis: Basis) -> Bronnenpagina:
    """Cached per Basis (one data version): a slider move reruns the page, but changes nothing on it."""
    cijfers = herkomst.alle_cijfers(basis)
    return Bronnenpagina(
        cijfers=cijfers,
        alle_cijfers=tabellen.teksttabel(cijfers, tabellen.FIGUREN),
        bevindingen=tuple(check_all(basis)),
        lezing_effecten={p.naam: zinnen.lezing_effect(p, basis) for p in LEZINGEN},
        aannames=tabellen.teksttabel(herkomst.aannames(Scenario()), tabellen.MODEL_AANNAMES),
        documenten=tabellen.teksttabel(basis.documenten, tabellen.DOCUMENTEN),
        verdelingen=tabellen.teksttabel(zinnen.verdelingen(), tabellen.VERDELINGEN),
    )
