"""File names say what a file holds and for which scenario."""

import re

from core.export.bestandsnamen import bestandsnaam
from core.model.scenario import Scenario

SCENARIO = Scenario(instroom_pct=20, du_mo_indexatie_pct=2.5)


# --- file names --------------------------------------------------------------------------


def test_bestandsnaam():
    assert bestandsnaam("taakstelling", Scenario(), "csv") == "taakstelling_basisscenario.csv"
    naam = bestandsnaam("Reserve", SCENARIO, ".xlsx")
    assert re.fullmatch(r"reserve_scenario-[0-9a-f]{8}\.xlsx", naam)
    assert naam == bestandsnaam("Reserve", Scenario(du_mo_indexatie_pct=2.5, instroom_pct=20), "xlsx")
    assert naam != bestandsnaam("Reserve", Scenario(instroom_pct=25), "xlsx")
    vreemd = bestandsnaam("Kerncijfers & Bronnen (€) / één", SCENARIO, "HTML")
    assert re.fullmatch(r"[a-z0-9_.-]+", vreemd) and vreemd.startswith("kerncijfers-bronnen-een_")


def test_a_saved_scenario_gives_its_name_to_the_file():
    assert bestandsnaam("reserve", SCENARIO, "xlsx", "Hoge instroom") == "reserve_hoge-instroom.xlsx"
    assert bestandsnaam("reserve", SCENARIO, "xlsx", "!!!").startswith("reserve_scenario-")  # nothing usable left
