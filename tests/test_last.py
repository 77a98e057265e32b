"""The load benchmark's protocol client against a real ``streamlit run``: a functional test, not a speed test.

One server per module on a free port with its own database. The client must open a page by its
URL path, find the sidebar slider, move it and see the rerun finish, as the browser would.
"""

from __future__ import annotations

import asyncio
import urllib.parse

import pytest

from benchmarks import last, rerun, server, servers
from benchmarks.protocol import SessionClient
from core import data

SLIDER = last.APP_SLIDER


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """The app in one process, on a database built from the seeds (never the developer's own file)."""
    workdir = tmp_path_factory.mktemp("last")
    database = workdir / "verkenner.duckdb"
    data.build_database(database)
    with servers.start(last.APP, 1, workdir, database) as deployment:
        yield deployment


async def _open(url: str, path: str) -> SessionClient:
    client = SessionClient(url, path)
    await client.open(timeout=60)
    return client


def test_client_opens_a_page_and_times_a_slider_move(deployment):
    async def scenario():
        client = await _open(deployment.url, "taakstelling")
        try:
            default = int(client.widget(SLIDER).default[0])
            move = await client.move_slider(SLIDER, default + 1)
            answered = await client.wait_answered(timeout=60)
            moved_query = client.query_string
            back = await client.move_slider(SLIDER, default)
            answered_back = await client.wait_answered(timeout=60)
        finally:
            await client.close()
        return client, default, move, answered, moved_query, back, answered_back

    client, default, move, answered, moved_query, back, answered_back = asyncio.run(scenario())
    assert client.errors == []
    assert client.opened > 0
    assert answered and answered_back
    assert 0 < move.latency < 60 and 0 < back.latency < 60
    assert len(move.runs) == 1  # one rerun per move, and it is the one that answered it
    # The slider is bound to the URL: like the frontend, the client writes it into the query
    # string, and leaves it out again at the default value.
    assert urllib.parse.parse_qs(moved_query) == {SLIDER: [str(default + 1)]}
    assert client.query_string == ""


def test_client_selects_the_page_by_its_url_path(deployment):
    async def hashes():
        clients = [await _open(deployment.url, path) for path in ("", "taakstelling", "reserve")]
        for client in clients:
            await client.close()
        return clients

    clients = asyncio.run(hashes())
    assert [client.errors for client in clients] == [[], [], []]
    assert len({client.page_script_hash for client in clients}) == 3


def test_an_unknown_page_is_reported(deployment):
    async def unknown():
        client = await _open(deployment.url, "bestaat-niet")
        await client.close()
        return client

    client = asyncio.run(unknown())
    assert any("niet gevonden" in error for error in client.errors)


def test_a_short_load_phase_answers_every_move(deployment):
    args = last.parse_args(["--gebruikers", "2", "--duur", "2", "--interval", "1", "--opstart", "0"])
    target = last.Target("App", "app", last.APP, last.PAGES[:2], SLIDER)
    phase = last.measure(deployment, target, 2, args)
    assert phase.open_failures == [] and phase.errors == []
    assert len(phase.moves) >= 2 * 2  # two users, at least two moves each in 2 s at 1 s apart
    assert phase.unanswered == 0
    assert {name for name, _move in phase.moves} == {"Overzicht", "Taakstelling"}
    assert phase.app_cpu > 0 and phase.peak_rss_mb > 0


def test_readme_documents_the_benchmark_and_each_option():
    readme = (servers.ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m benchmarks.last" in readme
    for action in last.build_parser()._actions:
        if action.option_strings and action.dest != "help":
            assert f"`{action.option_strings[0]}" in readme, action.option_strings[0]


def test_the_server_benchmark_moves_the_slider_on_every_page_the_rerun_benchmark_times(deployment):
    """benchmarks.server finds each page of benchmarks.rerun by its URL path and gets every move answered."""
    targets = [
        server.Target(name, SessionClient(deployment.url, server.url_path(page), urllib.parse.urlencode(query, doseq=True)),
                      SLIDER, deployment.app_pids[0])
        for name, page, query in rerun.PAGES
    ]
    asyncio.run(server.measure(targets, repeats=2))
    assert len({target.client.page_script_hash for target in targets}) == len(rerun.PAGES)
    assert all(len(target.seconds) == 2 and min(target.seconds) > 0 for target in targets)
    assert all(len(target.cpu_seconds) == 2 and min(target.cpu_seconds) >= 0 for target in targets)


@pytest.mark.parametrize("module", [rerun, server])
def test_readme_documents_the_rerun_benchmarks_and_each_option(module):
    readme = (servers.ROOT / "README.md").read_text(encoding="utf-8")
    assert f"python -m {module.__name__}" in readme
    for action in module.build_parser()._actions:
        if action.option_strings and action.dest != "help":
            assert f"`{action.option_strings[0]}" in readme, action.option_strings[0]
