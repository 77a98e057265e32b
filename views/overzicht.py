"""Overzicht: the headline figures, scenario beside baseline, and a summary in plain Dutch."""

import streamlit as st

from core import formatting as fmt
from core import herkomst
from core.kerncijfers import bereken, samenvatting, tekortjaar_tekst
from core.scenario import Scenario
from ui import state
from ui.weergave import kerncijfer, normstatus

basis, scenario = state.basis(), state.scenario()
eigen, officieel = bereken(scenario, basis), bereken(Scenario(), basis)

st.title("Sociaal Domein Verkenner")
st.info(samenvatting(scenario, basis), icon=":material/summarize:")

st.subheader("Huisvesting statushouders")
periode = fmt.periode(eigen.eerste_prognose)
kolommen = st.columns(3)
with kolommen[0]:
    kerncijfer(
        f"Opgave {periode}",
        fmt.getal(eigen.opgave),
        fmt.getal(officieel.opgave),
        eigen.opgave - officieel.opgave,
        herkomst.opgave(basis, eigen.eerste_prognose),
        hoger_is_slechter=True,
    )
with kolommen[1]:
    kerncijfer(
        f"Nodig in {periode} voor het normpad",
        fmt.getal(eigen.nodig),
        fmt.getal(officieel.nodig),
        eigen.nodig - officieel.nodig,
        f"Afgeleid: plaatsingen om de norm van de Provincie te halen. Verwacht in dit scenario: {eigen.verwacht}. "
        f"Norm: {herkomst.norm(basis, eigen.eerste_prognose)}",
        hoger_is_slechter=True,
    )
with kolommen[2]:
    kerncijfer(
        f"Verwacht in {periode}",
        fmt.getal(eigen.verwacht),
        fmt.getal(officieel.verwacht),
        eigen.verwacht - officieel.verwacht,
        "Prognose: het tempo van huisvesting in dit scenario, hoogstens de opgave. Basis: "
        + herkomst.halfjaarcijfer(basis, "2026-H1", "realisatie"),
    )
for kolom, deadline, basis_deadline in zip(st.columns(len(eigen.deadlines)), eigen.deadlines, officieel.deadlines):
    with kolom:
        kerncijfer(
            f"Achterstand {fmt.datum(deadline.deadline)}",
            str(deadline.achterstand),
            str(basis_deadline.achterstand),
            deadline.achterstand - basis_deadline.achterstand,
            f"Prognose (afgeleid uit de aannames). Norm: maximaal {deadline.norm}; {herkomst.norm(basis, deadline.periode)}",
            hoger_is_slechter=True,
        )
        normstatus(deadline.norm, deadline.haalt_norm)

st.subheader("Beschermd Thuis / Maatschappelijke Opvang")
links, midden, rechts = st.columns(3)
with links:
    kerncijfer(
        f"Reserve eind {eigen.reservejaar}",
        fmt.euro(eigen.reserve_eind_basisjaar),
        fmt.euro(officieel.reserve_eind_basisjaar),
        round(eigen.reserve_eind_basisjaar - officieel.reserve_eind_basisjaar),
        herkomst.reserve_eind(basis, eigen.reservejaar),
        verschil_tekst=fmt.euro(round(eigen.reserve_eind_basisjaar - officieel.reserve_eind_basisjaar), signed=True),
    )
with midden:
    kerncijfer(
        "Reserve raakt op",
        tekortjaar_tekst(eigen.eerste_tekortjaar, eigen.eind_jaar),
        tekortjaar_tekst(officieel.eerste_tekortjaar, officieel.eind_jaar),
        None,
        "Prognose: het eerste jaar waarin de reserve eind van het jaar negatief is, "
        "uit de begroting 2026 en de aannames voor indexatie, zorgkosten en eenmalige regels.",
    )
with rechts:
    kerncijfer(
        f"Reserve eind {eigen.eind_jaar}",
        fmt.euro(eigen.reserve_eind_horizon),
        fmt.euro(officieel.reserve_eind_horizon) + ("" if officieel.eind_jaar == eigen.eind_jaar else f" (eind {officieel.eind_jaar})"),
        None,
        "Prognose (afgeleid uit de begroting 2026 en de aannames).",
    )
