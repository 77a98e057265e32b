"""The core is plain Python: importing it never loads Streamlit."""

import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
MODULES = sorted(f"core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", MODULES)
def test_core_module_does_not_import_streamlit(module):
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('streamlit') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], cwd=CORE.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or f"{module} loads streamlit"
