"""The Monte Carlo simulation: reproducible, equal to the deterministic model without spread,
monotone in the pace, and consistent in what it reports."""

import json
import subprocess
import sys
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model.parameters import LEZING_B
from core.model.periode import deadline
from core.model.reserve import alle_reserve_rijen, project_reserve, uitputting
from core.model.scenario import Scenario
from core.model.taakstelling import GEREALISEERD, project_taakstelling
from core.risico import simulatie as sim
from core.risico import simuleer
from tests.conftest import PROJECT_DIR

ZONDER_SPREIDING = dict(
    spreiding_taakstelling_pct=0, spreiding_realisatie_pct=0, bandbreedte_du_mo_indexatie=0.0, bandbreedte_zorgkosten_groei=0.0
)

# Named scenarios on both sides of every rule: pace, instroom, large families and HAR+,
# the wetsvoorstel switch, every growth rate, one-off lines and the horizon.
SCENARIOS = {
    "basis": Scenario(),
    "hoge instroom, sneller": Scenario(instroom_pct=50, huisvesting_per_halfjaar=150),
    "geen plaatsingen": Scenario(huisvesting_per_halfjaar=0),
    "maximaal tempo, lage instroom": Scenario(huisvesting_per_halfjaar=300, instroom_pct=-50),
    "grote gezinnen met HAR+": Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.3, har_plus_budget=500_000),
    "grote gezinnen zonder HAR+": Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.2),
    "wetsvoorstel 36831": Scenario(wetsvoorstel_36831=True, wetsvoorstel_36831_ingang=2027.5, wetsvoorstel_36831_korting_pct=80),
    "indexatie en groei": Scenario(du_mo_indexatie_pct=2.5, zorgkosten_groei_pct=3.0, iubw_indexatie_pct=1.0),
    "geen eenmalige regels, horizon 2040": Scenario(eenmalig=frozenset(), eind_jaar=2040),
    "horizon 2027": Scenario(eind_jaar=2027, zorgkosten_groei_pct=10.0),
    "lezing (b), tempo daarna 150%": Scenario(lezing_raadsinformatiebrief=LEZING_B, tempo_na_tussenstand_pct=150),
    "lezing (b), weinig daarna": Scenario(lezing_raadsinformatiebrief=LEZING_B, tempo_na_tussenstand_pct=10, huisvesting_per_halfjaar=200),
    "DNO later, loon- en prijsindexatie": Scenario(dno_uitstel_jaren=2, loon_prijs_indexatie_pct=2.0, du_mo_indexatie_pct=1.0),
    "reserve uitgekeerd": Scenario(reserve_na_centrumregeling=1, zorgkosten_groei_pct=2.0),
    "reserve uitgekeerd, opgeraakt": Scenario(reserve_na_centrumregeling=3, zorgkosten_groei_pct=8.0),
}


@pytest.fixture(params=list(SCENARIOS), ids=list(SCENARIOS))
def scenario(request):
    return SCENARIOS[request.param]


def test_without_spread_every_path_is_the_deterministic_projection(basis, scenario):
    s = scenario.met(**ZONDER_SPREIDING)
    uitkomst = simuleer(s, basis, paden=500)
    t = project_taakstelling(s, basis)
    prognose = t[t["status"] != GEREALISEERD]
    assert list(uitkomst.achterstand["periode"]) == list(prognose["periode"])
    for kolom in sim.KOLOMMEN:
        assert uitkomst.achterstand[kolom].tolist() == prognose["achterstand_eind"].astype(int).tolist()
    reserve = project_reserve(s, basis)
    assert list(uitkomst.reserve["jaar"]) == reserve["jaar"].tolist()
    for kolom in sim.KOLOMMEN:
        assert uitkomst.reserve[kolom].tolist() == pytest.approx(reserve["reserve_eind"].tolist(), abs=1e-6)
    for datum, (periode, norm) in uitkomst.deadlines.items():
        haalt = bool(prognose.set_index("periode").loc[periode, "haalt_norm"])
        assert uitkomst.kans_norm[datum] == (1.0 if haalt else 0.0)
    uitgeput = uitputting(s, basis)
    if uitgeput.uitgekeerd_in is not None:
        assert uitkomst.kans_uitgekeerd == 1.0 and uitkomst.uitkeringsjaar == uitgeput.uitgekeerd_in
    else:
        assert uitkomst.opraakjaar[uitgeput.jaar] == 1.0 and uitkomst.kans_uitgekeerd == 0.0


@pytest.mark.parametrize(
    "s",
    [
        Scenario(du_mo_indexatie_pct=0.5, zorgkosten_groei_pct=1.0, iubw_indexatie_pct=0.7),
        Scenario(reserve_na_centrumregeling=2, dno_uitstel_jaren=1, loon_prijs_indexatie_pct=1.5),
    ],
)
def test_the_reserve_of_a_path_with_other_rates_is_the_models_reserve_at_those_rates(basis, s):
    """Guards the rules the simulation borrows (growth, DNO, payout): a path at other rates must be
    the deterministic reserve of exactly the scenario with those rates."""
    lijnen = sim.reservelijnen(s, basis)
    paden = (np.array([2.5, -1.0, 6.0]), np.array([3.0, 0.0, -2.0]))
    stand = sim.reserve(lijnen, (s.du_mo_indexatie_pct, paden[0]), (s.zorgkosten_groei_pct, paden[1]))
    for kolom, (du_mo, zorg) in enumerate(zip(*paden)):
        model = alle_reserve_rijen(s.met(du_mo_indexatie_pct=float(du_mo), zorgkosten_groei_pct=float(zorg)), basis)
        assert stand[:, kolom].tolist() == pytest.approx([r["reserve_eind"] for r in model], rel=1e-9, abs=1e-6)


def test_same_seed_same_numbers_other_seed_other_numbers(basis):
    s = Scenario(huisvesting_per_halfjaar=150)
    eerste = simuleer(s, basis, seed=7)
    sim._simuleer.cache_clear(), sim._achterstand_uitkomsten.cache_clear(), sim._reserve_uitkomsten.cache_clear()
    sim.normaal.cache_clear(), sim.uniform.cache_clear(), sim._lognormaal.cache_clear(), sim.gesimuleerde_taakstelling.cache_clear()
    tweede = simuleer(s, basis, seed=7)
    assert tweede is not eerste
    assert tweede.kans_norm == eerste.kans_norm and tweede.opraakjaar == eerste.opraakjaar
    assert np.array_equal(tweede.achterstand_percentielen, eerste.achterstand_percentielen)
    ander = simuleer(s, basis, seed=8)
    assert ander.kans_norm != eerste.kans_norm


def test_the_scenarios_seed_is_the_default_seed(basis):
    s = Scenario(simulatie_seed=5)
    assert simuleer(s, basis).seed == 5
    assert simuleer(s, basis).kans_norm == simuleer(Scenario(), basis, seed=5).kans_norm
    assert simuleer(Scenario(), basis).seed == 0


def test_reproducible_in_a_fresh_process(basis, db_path):
    s = Scenario(instroom_pct=20, huisvesting_per_halfjaar=140, du_mo_indexatie_pct=1.5)
    code = (
        "import json; from core.data import load_basis; from core.model.scenario import Scenario; "
        "from core.risico import simuleer; "
        f"u = simuleer(Scenario(instroom_pct=20, huisvesting_per_halfjaar=140, du_mo_indexatie_pct=1.5), load_basis({str(db_path)!r}), seed=11); "
        "print(json.dumps({'norm': [u.kans_norm[d] for d in sorted(u.kans_norm)], 'reserve': u.kans_reserve_positief}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    elders = json.loads(result.stdout)
    hier = simuleer(s, basis, seed=11)
    assert elders["norm"] == [hier.kans_norm[d] for d in sorted(hier.kans_norm)]
    assert {int(k): v for k, v in elders["reserve"].items()} == hier.kans_reserve_positief


@pytest.mark.parametrize("extra", [{}, {"wetsvoorstel_36831": True}, {"instroom_pct": 40, "spreiding_realisatie_pct": 25}])
def test_probabilities_never_fall_when_the_pace_rises(basis, extra):
    vorige = None
    for tempo in range(60, 261, 20):
        kansen = simuleer(Scenario(huisvesting_per_halfjaar=tempo, **extra), basis, paden=4000).kans_norm
        if vorige is not None:
            assert all(kansen[d] >= vorige[d] for d in kansen), (tempo, kansen, vorige)
        vorige = kansen
    assert any(v > 0.5 for v in vorige.values())  # the range is wide enough to make a difference


def test_reserve_probabilities_rise_with_the_du_mo_indexation(basis):
    kansen = [simuleer(Scenario(du_mo_indexatie_pct=v), basis, paden=4000).kans_reserve_positief[2030] for v in (-1.0, 0.0, 1.0, 2.0, 3.0)]
    assert kansen == sorted(kansen) and kansen[0] < kansen[-1]


def test_result_shape_and_consistency(basis):
    s = Scenario(eind_jaar=2032)
    uitkomst = simuleer(s, basis)
    assert uitkomst.paden == 10_000
    assert all(isinstance(d, date) for d in uitkomst.kans_norm)
    assert sorted(uitkomst.kans_norm) == [deadline(p) for p in uitkomst.periodes]  # a norm every half year from here on
    assert all(0.0 <= p <= 1.0 for p in [*uitkomst.kans_norm.values(), *uitkomst.kans_reserve_positief.values()])
    assert set(uitkomst.kans_reserve_positief) == set(range(basis.basisjaar, sim.HORIZON + 1))
    assert uitkomst.jaren == tuple(range(basis.basisjaar, 2033))
    assert uitkomst.periodes[0] == "2026-H2" and uitkomst.periodes[-1] == "2032-H2"
    for waarden in (uitkomst.achterstand_percentielen, uitkomst.reserve_percentielen):
        assert (np.diff(waarden, axis=0) >= 0).all()  # P10 <= P25 <= median <= P75 <= P90
    assert sum(uitkomst.opraakjaar.values()) + uitkomst.kans_uitgekeerd == pytest.approx(1.0)
    # The first deadline: escalation is exactly missing it; later ones can only add to it.
    kansen = list(uitkomst.kans_escalatie.values())
    eerste = next(iter(uitkomst.kans_norm))
    assert uitkomst.kans_escalatie[eerste] == pytest.approx(1 - uitkomst.kans_norm[eerste])
    assert kansen == sorted(kansen)
    # Not negative at a year's end can only be as likely as not having run out by then, or more.
    for jaar in uitkomst.jaren:
        assert uitkomst.kans_reserve_positief[jaar] >= uitkomst.kans_niet_op_tot(jaar) - 1e-12


def test_a_path_is_the_same_whatever_the_horizon(basis):
    kort, lang = simuleer(Scenario(eind_jaar=2028), basis), simuleer(Scenario(eind_jaar=2040), basis)
    gedeeld = len(kort.periodes)
    assert np.array_equal(kort.achterstand_percentielen, lang.achterstand_percentielen[:, :gedeeld])
    assert all(lang.kans_norm[d] == v for d, v in kort.kans_norm.items()) and kort.opraakjaar == lang.opraakjaar


def test_stored_taakstellingen_are_not_varied(basis):
    h = sim.halfjaren(Scenario(), basis)
    taak = sim.gesimuleerde_taakstelling(h, 40, 0, 1000)
    assert h.vast[0] and (taak[0] == h.taakstelling[0]).all()  # 2026-H2: 113, set by the Rijk
    assert not h.vast[1] and taak[1].std() > 10


def test_har_plus_exhaustion_is_reported_per_half_year(basis):
    s = Scenario(huurtoeslag_grote_gezinnen=False, aandeel_grote_gezinnen=0.3, har_plus_budget=500_000)
    kansen = list(simuleer(s, basis).kans_har_plus_uitgeput.values())
    assert kansen == sorted(kansen) and kansen[-1] == 1.0
    assert simuleer(Scenario(), basis).kans_har_plus_uitgeput == {}


def test_at_least_one_path(basis):
    with pytest.raises(ValueError, match="minstens 1"):
        simuleer(Scenario(), basis, paden=0)


def test_the_readme_documents_and_runs_the_simulation_api(tmp_path):
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "`core.risico.simuleer`" in readme and "python -m benchmarks.risico" in readme
    block = readme.split("### Python API: `core.risico.simuleer`", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(block.replace("load_basis()", f"load_basis({str(tmp_path / 'db.duckdb')!r})"), namespace)
    u = namespace["u"]
    assert u.paden == 10_000 and u.seed == 0 and date(2027, 1, 1) in u.kans_norm


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.integers(0, 400), min_size=1, max_size=60), min_size=1, max_size=6).filter(
    lambda rows: len({len(r) for r in rows}) == 1
))
def test_percentiles_by_counting_equal_percentiles_by_sorting(rows):
    values = np.array(rows, dtype=float)
    assert np.array_equal(sim._percentielen_geheel(values), sim._percentielen(values))
    gesorteerd = np.sort(values, axis=1)
    for i, p in enumerate(sim.PERCENTIELEN):  # the classic definition, from a full sort
        k = max(0, int(np.ceil(p / 100 * values.shape[1])) - 1)
        assert (sim._percentielen(values)[i] == gesorteerd[:, k]).all()
