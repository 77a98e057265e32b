"""The README documents what the code offers; a missing entry fails here."""

import re
from pathlib import Path

import pytest

from core.model.parameters import LEZINGEN, PARAMETERS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEST_COMMAND = ".venv/bin/python -m pytest -q"


@pytest.mark.parametrize("name", [p.naam for p in PARAMETERS])
def test_every_parameter_is_documented(name):
    assert f"`{name}`" in README


def test_ci_runs_exactly_the_readme_test_command():
    assert TEST_COMMAND in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^\s*(exec\s+)?{re.escape(TEST_COMMAND)}\s*$", ci, re.MULTILINE), ci


@pytest.mark.parametrize("seed", sorted(p.name for p in (ROOT / "data" / "seeds").glob("*.csv")))
def test_every_seed_file_is_documented(seed):
    assert f"`{seed}`" in README


def test_the_readme_api_example_runs(tmp_path):
    block = README.split("## Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(block.replace("load_basis()", f"load_basis({str(tmp_path / 'db.duckdb')!r})"), namespace)
    assert int(namespace["t"].loc[namespace["t"].periode == "2026-H2", "opgave"].iloc[0]) == 184


@pytest.mark.parametrize(
    "feature",
    ["?scenario=<nummer>", "?modus=presentatie", "?vergelijk=", "Tabellen downloaden", "PNG of SVG", "Dupliceren en aanpassen",
     "Herberekenen op de nieuwste data", "python -m benchmarks.rerun"],
)
def test_scenario_features_are_documented(feature):
    assert feature in README


@pytest.mark.parametrize("name", [p.naam for p in LEZINGEN])
def test_every_reading_of_the_sources_is_explained(name):
    section = README.split("### Readings of the sources", 1)[1].split("\n### ", 1)[0]
    assert f"`{name}`" in section

