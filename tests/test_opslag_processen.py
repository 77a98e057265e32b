"""The store under several real processes: simultaneous saves, processes killed mid-write,
and two app processes serving and saving on one database file.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from benchmarks.protocol import SessionClient
from core import data, opslag
from tests.test_browser import app_server

ROOT = Path(__file__).resolve().parent.parent

# One worker: waits for the common start time, saves, prints what was confirmed.
BEWAAR = textwrap.dedent(
    """
    import json, sys, time
    from core import opslag
    from core.model.scenario import Scenario
    pad, naam, instroom, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    time.sleep(max(0.0, start - time.time()))
    scenario = Scenario(instroom_pct=instroom)
    try:
        saved = opslag.bewaar(scenario, naam, "", 1, path=pad)
    except opslag.OngeldigeInvoer:  # someone else saved this name first: a new version of it
        saved = opslag.bewaar(scenario, naam, "", 1, nieuwe_versie=True, path=pad)
    print(json.dumps({"id": saved.id, "versie": saved.versie, "instroom": instroom}), flush=True)
    """
)


def _env() -> dict[str, str]:
    # Twenty processes importing pandas and DuckDB on a shared machine: allow a long wait for the lock.
    return {**os.environ, "PYTHONPATH": str(ROOT), "VERKENNER_DB_WACHTTIJD": "120"}


def _gelijktijdig(db_path: Path, namen: list[str]) -> list[dict]:
    start = time.time() + 8  # every process has imported by then
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", BEWAAR, str(db_path), naam, str(5 * (i % 20)), str(start)],
            cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i, naam in enumerate(namen)
    ]
    bevestigd = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        bevestigd.append(json.loads(out))
    return bevestigd


def test_twenty_simultaneous_saves_of_one_new_name_make_one_scenario_with_versions_1_to_20(db_path, opslagplaats):
    data.load_basis(db_path)
    spellingen = ["Hoge instroom", "HOGE INSTROOM", "hoge  instroom", " Hoge Instroom "]
    bevestigd = _gelijktijdig(db_path, [spellingen[i % 4] for i in range(20)])
    data.close_all()
    [scenario] = opslag.lijst(path=db_path)
    versies = opslag.versies(scenario.naam, path=db_path)
    assert [v.versie for v in versies] == list(range(1, 21))
    assert sorted(b["versie"] for b in bevestigd) == list(range(1, 21))  # nobody was told a version twice
    for b in bevestigd:  # every confirmed save is there, with what was saved
        assert opslag.open_scenario(b["id"], path=db_path).scenario.instroom_pct == b["instroom"]


def test_simultaneous_saves_of_different_names_are_all_kept(db_path, opslagplaats):
    data.load_basis(db_path)
    namen = [f"Scenario {i % 5}" for i in range(15)]
    bevestigd = _gelijktijdig(db_path, namen)
    data.close_all()
    assert sorted(s.naam for s in opslag.lijst(path=db_path)) == [f"Scenario {i}" for i in range(5)]
    for naam in {n for n in namen}:
        assert [v.versie for v in opslag.versies(naam, path=db_path)] == [1, 2, 3]
    assert len({b["id"] for b in bevestigd}) == 15


# A process that saves in a loop and reports each confirmed save; it gets killed at a random moment.
SCHRIJVER = textwrap.dedent(
    """
    import json, sys
    from core import opslag
    from core.model.scenario import Scenario
    pad, ronde = sys.argv[1], sys.argv[2]
    for i in range(10_000):
        saved = opslag.bewaar(Scenario(instroom_pct=5 * (i % 20)), f"Ronde {ronde}", "", 1, nieuwe_versie=i > 0, path=pad)
        print(json.dumps({"id": saved.id, "versie": saved.versie}), flush=True)
    """
)


def _kill_na(proc: subprocess.Popen, seconden: float) -> list[str]:
    time.sleep(seconden)
    proc.send_signal(signal.SIGKILL)
    out, _err = proc.communicate(timeout=60)
    return out.splitlines()


def test_a_process_killed_while_saving_leaves_every_confirmed_save_and_no_half_one(db_path):
    data.load_basis(db_path)
    rng = random.Random(9)
    bevestigd: dict[int, int] = {}
    for ronde in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", SCHRIJVER, str(db_path), str(ronde)],
            cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        regels = _kill_na(proc, rng.uniform(3.0, 6.0))  # imports take ~2 s; then it saves until killed
        for regel in regels:
            record = json.loads(regel)
            bevestigd[record["id"]] = record["versie"]
        data.close_all()  # as a restarted process
        opgeslagen = opslag.versies(f"Ronde {ronde}", path=db_path)
        # Versions 1..n without a gap: a killed write is either complete or absent.
        assert [v.versie for v in opgeslagen] == list(range(1, len(opgeslagen) + 1))
        assert len(opgeslagen) >= sum(1 for r in regels)
    data.close_all()
    for scenario_id, versie in bevestigd.items():
        assert opslag.open_scenario(scenario_id, path=db_path).versie == versie
    assert opslag.bewaar(opslag.open_scenario(1, path=db_path).scenario, "Na de herstart", "", 1, path=db_path).versie == 1


# Builds one new database after another in one folder until it is killed: the kill lands in a build.
BOUWER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from core import data
    for i in range(10_000):
        data.load_basis(Path(sys.argv[1]) / f"bouw-{i}.duckdb")
        print(i, flush=True)
    """
)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_process_killed_while_building_leaves_no_half_database(tmp_path, seed):
    folder = tmp_path / "bouwen"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", BOUWER, str(folder)], cwd=ROOT, env=_env(), stdout=subprocess.PIPE, text=True)
    klaar = _kill_na(proc, random.Random(seed).uniform(3.0, 7.0))
    begonnen = {p.name.split(".")[0] for p in folder.iterdir() if p.name.startswith("bouw-")}
    assert len(begonnen) >= len(klaar)
    data.close_all()  # as a restarted process
    for naam in begonnen:  # every file is complete, or absent and built now
        basis = data.load_basis(folder / f"{naam}.duckdb")
        assert basis.versie == 1 and basis.kengetal("budget", "075597128", "2026") == 400_000
    assert not list(folder.glob("*.tmp*"))


# --- two app processes on one file ---------------------------------------------------------


async def _open_pagina(url: str, query: str = "") -> SessionClient:
    client = SessionClient(url, "scenarios", query)
    try:
        await client.open(timeout=90)
    finally:
        await client.close()
    return client


def test_two_app_processes_on_one_file_both_serve_pages_and_see_each_others_saves(tmp_path, db_path):
    data.load_basis(db_path)
    with ExitStack() as apps:  # the browser tests' server, twice on one file; stopped on the way out
        urls = [apps.enter_context(app_server(db_path, tmp_path / f"app-{i}.log")) for i in (1, 2)]
        for url in urls:  # both serve a page that reads the store
            assert asyncio.run(_open_pagina(url)).errors == []
        # Saves from two processes while both apps read the same file.
        bevestigd = _gelijktijdig(db_path, ["Van proces A", "Van proces B", "Van proces A", "Van proces B"])
        for b in bevestigd:
            for url in urls:  # each app opens every saved scenario, whoever saved it
                client = asyncio.run(_open_pagina(url, f"scenario={b['id']}"))
                assert client.errors == []
                assert f"scenario={b['id']}" in client.query_string


def test_a_program_outside_the_store_holding_the_file_gives_in_gebruik(db_path):
    """E.g. the DuckDB command line left open on the file: the app says so in Dutch, with no path or pid."""
    data.load_basis(db_path)
    data.close_all()
    houder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert houder.stdout.readline().strip() == "open"
        with pytest.raises(data.InGebruik, match="in gebruik door een ander proces") as raised:
            data.load_basis(db_path)
        assert str(db_path.parent) not in str(raised.value) and str(houder.pid) not in str(raised.value)
    finally:
        houder.kill()
        houder.wait()
    data.close_all()
    assert data.load_basis(db_path).versie == 1
