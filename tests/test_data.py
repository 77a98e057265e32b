"""Building, versioning and opening the DuckDB database from the seed files."""

import shutil

import duckdb
import pytest

from pathlib import Path

from core import data
from core.tekst import formatting as fmt
from core.data import DataError, SchemaVersionError, build_database, latest_versie, load_basis

SOORTEN = {"gerapporteerd", "afgeleid", "aanname"}
ROOT = Path(__file__).resolve().parent.parent


def test_database_is_built_from_the_seeds_when_missing(db_path):
    assert not db_path.exists()
    basis = load_basis(db_path)
    assert db_path.exists()
    assert basis.versie == 1
    assert not list(db_path.parent.glob("*.tmp"))


def test_default_path_follows_the_environment(db_path):
    assert data.database_path() == db_path.resolve()


@pytest.mark.parametrize("frame", ["halfjaar", "normpad", "begroting", "kengetallen"])
def test_every_figure_has_a_source_peildatum_and_soort(basis, frame):
    table = getattr(basis, frame)
    assert not table.empty
    assert set(table["soort"]) <= SOORTEN
    assert set(table["bron_id"]) <= set(basis.documenten["bron_id"])
    assert (table["sectie"].str.len() > 0).all()


@pytest.mark.parametrize("frame", ["halfjaar", "normpad", "begroting", "kengetallen"])
def test_no_peildatum_is_made_up(basis, frame):
    """Every stored peildatum is written, in Dutch, in the document it comes from; the rest are unknown."""
    documents = {r["bron_id"]: r["bestand"] for r in basis.documenten.to_dict("records")}
    for row in getattr(basis, frame).to_dict("records"):
        if fmt.ontbreekt(row["peildatum"]):
            continue
        bestand = documents[row["bron_id"]]
        assert bestand, f"{row['bron_id']} is not a document in shared/seeds, so it has no peildatum to quote"
        text = " ".join((ROOT.parent / bestand).read_text(encoding="utf-8").split())
        assert fmt.peildatum(row["peildatum"]) in text, (row, fmt.peildatum(row["peildatum"]))


def test_part_3_budgets_are_stored(basis):
    assert basis.kengetal("budget", "570610905", "2025") == 524_869
    assert basis.kengetal("budget", "570610901", "2027") == 88_220
    assert basis.kengetal("budget", "075597128", "2026") == 400_000


def test_a_newer_figure_is_a_new_version_and_the_old_one_stays(db_path):
    load_basis(db_path)
    con = data.connection(db_path)
    con.execute("INSERT INTO dataversie VALUES (2, now(), 'COA-correctie')")
    con.execute(
        "INSERT INTO halfjaarcijfer (periode, grootheid, waarde, bron_id, sectie, peildatum, soort, toelichting, versie) "
        "SELECT periode, grootheid, 79, bron_id, sectie, peildatum, 'gerapporteerd', "
        "'gecorrigeerd', 2 FROM halfjaarcijfer WHERE periode = '2026-H1' AND grootheid = 'achterstand_eind'"
    )
    assert latest_versie(db_path) == 2
    assert load_basis(db_path).halfjaarcijfers["2026-H1"]["achterstand_eind"] == 79
    assert load_basis(db_path, versie=1).halfjaarcijfers["2026-H1"]["achterstand_eind"] == 71


def test_older_schema_gives_a_clear_message(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE meta (sleutel VARCHAR, waarde VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_versie', '0')")
    con.close()
    with pytest.raises(SchemaVersionError, match="schemaversie 0"):
        load_basis(db_path)


def test_a_file_without_schema_information_is_refused(db_path):
    duckdb.connect(str(db_path)).close()
    with pytest.raises(SchemaVersionError, match="schemaversie onbekend"):
        load_basis(db_path)


def test_a_damaged_file_gives_a_clear_message(db_path):
    db_path.write_bytes(b"DUCK" + b"\x00" * 100)  # a half-written file
    with pytest.raises(DataError, match="kan niet worden geopend"):
        load_basis(db_path)


@pytest.fixture
def seeds(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(data.SEEDS_DIR, copy)
    return copy


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "seed, old, new, message",
    [
        ("halfjaarcijfers.csv", "periode,grootheid,waarde", "periode,soort_cijfer,waarde", "verwachte kolommen"),
        ("halfjaarcijfers.csv", "2026-H1,realisatie,96", "2026-H1,realisatie,-96", "ongeldige waarde"),
        ("halfjaarcijfers.csv", "2026-H1,realisatie,96", "2026-H1,realisatie,zesennegentig", "ongeldige waarde"),
        ("begrotingsregels.csv", "lasten,11963646", "kosten,11963646", "ongeldige waarde"),
    ],
)
def test_a_bad_seed_file_builds_nothing(seeds, db_path, seed, old, new, message):
    _replace(seeds / seed, old, new)
    with pytest.raises(DataError, match=message):
        build_database(db_path, seeds)
    assert not db_path.exists()
    assert list(db_path.parent.iterdir()) == [seeds]
