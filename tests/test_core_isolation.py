"""The core is plain Python: importing it never loads Streamlit."""

import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
# Every module in every subpackage: a new subpackage is covered the day it is added.
MODULES = sorted(
    ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
    for p in CORE.rglob("*.py")
    if p.stem != "__main__"
)


def test_the_subpackages_are_covered():
    assert {"core.model.taakstelling", "core.tekst.formatting", "core.model"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_core_module_does_not_import_streamlit(module):
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('streamlit') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], cwd=CORE.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or f"{module} loads streamlit"
