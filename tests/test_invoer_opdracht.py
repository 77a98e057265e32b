"""The command-line import: the page's checks and preview as text, nothing stored without --ja."""

from __future__ import annotations

import os
import subprocess
import sys

from core.data import close_all, latest_versie, load_basis
from core.data import invoer as data_invoer
from tests.conftest import PROJECT_DIR

KOP = "onderdeel;periode;grootheid;waarde;bron_id;sectie;peildatum;soort;toelichting"


def _run(db_path, *args) -> subprocess.CompletedProcess:
    close_all()  # the command is another process: this one lets go of the file
    env = {**os.environ, "VERKENNER_DB": str(db_path), "PYTHONPATH": str(PROJECT_DIR)}
    return subprocess.run([sys.executable, "-m", "core.data", "import", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=PROJECT_DIR, timeout=120)


def test_preview_then_store(db_path, tmp_path):
    oud = load_basis(db_path).halfjaarcijfers["2025-H2"]["realisatie"]
    bestand = tmp_path / "correctie.csv"
    bestand.write_text(f"{KOP}\nhalfjaar;2025-H2;realisatie;{oud + 1};provincie_2026_03;Bevindingen;2026-01-01;gerapporteerd;\n",
                       encoding="utf-8")
    voorbeeld = _run(db_path, bestand)
    assert voorbeeld.returncode == 0, voorbeeld.stderr
    assert f"Cijfer: realisatie 2e helft 2025 | Nu: {oud} | Wordt: {oud + 1} | Verschil: +1" in voorbeeld.stdout
    assert "Bevindingen van de controles" in voorbeeld.stdout and "Er is niets opgeslagen" in voorbeeld.stdout
    assert latest_versie(db_path) == 1

    zonder_uitleg = _run(db_path, bestand, "--ja", "--naam", "Anne", "--reden", "COA")
    assert zonder_uitleg.returncode == 1 and "Leg uit waarom u ze toch opslaat" in zonder_uitleg.stdout
    opgeslagen = _run(db_path, bestand, "--ja", "--naam", "Anne", "--reden", "COA", "--uitleg", "COA levert na")
    assert opgeslagen.returncode == 0 and "Opgeslagen als dataversie 2." in opgeslagen.stdout
    assert load_basis(db_path).halfjaarcijfers["2025-H2"]["realisatie"] == oud + 1
    assert data_invoer.versies(db_path).iloc[0][["wie", "gebruiker_id"]].tolist() == ["Anne", "lokaal"]


def test_errors_are_printed_and_nothing_is_stored(db_path, tmp_path):
    load_basis(db_path)
    bestand = tmp_path / "fout.csv"
    bestand.write_text(f"{KOP}\nhalfjaar;2025-H2;realisatie;-4;provincie_2026_03;B;2026-01-01;gerapporteerd;\n", encoding="utf-8")
    uitkomst = _run(db_path, bestand, "--ja", "--naam", "Anne", "--reden", "x")
    assert uitkomst.returncode == 1
    assert "- Rij 2, kolom waarde: -4 is negatief" in uitkomst.stdout
    assert "Traceback" not in uitkomst.stdout + uitkomst.stderr
    assert _run(db_path, tmp_path / "bestaat_niet.csv").returncode == 1
    assert latest_versie(db_path) == 1
