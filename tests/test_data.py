"""Building, versioning and opening the DuckDB database from the seed files."""

import os
import shutil
import subprocess

import duckdb
import pytest

from pathlib import Path

from core import data, opslag
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


def assert_gebruikersmelding(message: str, path: Path) -> None:
    """A message for users: Dutch, no server path, no process id, never 'delete the file'."""
    assert str(path.parent) not in message and path.name not in message
    assert "pid" not in message.lower() and "verwijder" not in message.lower()
    assert "Traceback" not in message


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
    with data.connection(db_path) as con:
        con.execute("INSERT INTO dataversie VALUES (2, now(), 'COA-correctie')")
        con.execute(
            "INSERT INTO halfjaarcijfer SELECT periode, grootheid, 79, bron_id, sectie, peildatum, 'gerapporteerd', "
            "'gecorrigeerd', 2, false FROM halfjaarcijfer WHERE periode = '2026-H1' AND grootheid = 'achterstand_eind'"
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
    with pytest.raises(data.Beschadigd, match="beschadigd") as raised:
        load_basis(db_path)
    assert_gebruikersmelding(str(raised.value), db_path)
    assert db_path.read_bytes() == b"DUCK" + b"\x00" * 100  # left as it was


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
    assert not list(db_path.parent.glob("*.duckdb*tmp*"))


def test_an_existing_database_is_never_replaced(db_path):
    opslag_id = _bewaar(db_path)
    with pytest.raises(DataError, match="nooit vervangen"):
        build_database(db_path)
    assert opslag.open_scenario(opslag_id, path=db_path) is not None


def _bewaar(db_path) -> int:
    from core.model.scenario import Scenario

    return opslag.bewaar(Scenario(instroom_pct=20), "Blijft", "", 1, path=db_path).id


def test_stray_temp_files_of_an_interrupted_build_are_removed(db_path):
    db_path.parent.mkdir(exist_ok=True)
    stray = db_path.with_name(db_path.name + ".x1y2z3.duckdb.tmp")
    stray.write_bytes(b"half")
    stray.with_name(stray.name + ".wal").write_bytes(b"half")
    load_basis(db_path)
    assert not list(db_path.parent.glob("*.tmp*"))


def test_a_file_where_the_data_folder_should_be_gives_a_dutch_message(tmp_path):
    (tmp_path / "data").write_text("geen map")
    path = tmp_path / "data" / "verkenner.duckdb"
    with pytest.raises(data.GeenMap, match="datamap") as raised:
        load_basis(path)
    assert_gebruikersmelding(str(raised.value), path)


@pytest.fixture
def alleen_lezen_map(tmp_path):
    """A folder nobody may write: a read-only tmpfs as root (root ignores file modes), else chmod."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)]).returncode:
            pytest.skip("cannot mount a read-only tmpfs here")
        yield folder
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_a_read_only_folder_without_a_database_gives_a_dutch_message(alleen_lezen_map):
    path = alleen_lezen_map / "verkenner.duckdb"
    with pytest.raises(data.GeenSchrijfrechten, match="schrijfrechten") as raised:
        load_basis(path)
    assert_gebruikersmelding(str(raised.value), path)


@pytest.fixture
def kleine_schijf(tmp_path):
    """A 1 MB tmpfs: too small for the database (needs root to mount)."""
    folder = tmp_path / "klein"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)]).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_gives_a_dutch_message_and_leaves_nothing_half(kleine_schijf):
    path = kleine_schijf / "verkenner.duckdb"
    with pytest.raises(data.SchijfVol, match="schijf") as raised:
        load_basis(path)
    assert_gebruikersmelding(str(raised.value), path)
    assert not path.exists() and not list(kleine_schijf.glob("*.tmp*"))


def test_a_lock_held_too_long_gives_a_dutch_message_and_changes_nothing(db_path, monkeypatch):
    from core.data import verbinding

    saved = _bewaar(db_path)
    monkeypatch.setenv(verbinding.WACHTTIJD_ENV, "0.3")
    with verbinding.slot(verbinding.pad(db_path), exclusief=True, actie="test"):
        with pytest.raises(data.InGebruik, match="in gebruik door een ander proces") as raised:
            _bewaar_naam(db_path, "Tijdens het slot")
    assert_gebruikersmelding(str(raised.value), db_path)
    assert [s.id for s in opslag.lijst(path=db_path)] == [saved]


def _bewaar_naam(db_path, naam):
    from core.model.scenario import Scenario

    return opslag.bewaar(Scenario(), naam, "", 1, path=db_path)


def test_missing_seed_rows_are_added_as_a_new_data_version_and_nothing_is_overwritten(db_path):
    """A file built before a seed row existed lacks a figure the code needs (the Reserve page crashed)."""
    load_basis(db_path)
    with data.connection(db_path) as con:
        # As an older build: one kengetal absent, one figure with another value than the seed now has.
        con.execute("DELETE FROM kengetal WHERE onderwerp = 'budget' AND sleutel = '075597128' AND periode = '2026'")
        con.execute("UPDATE halfjaarcijfer SET waarde = 70 WHERE periode = '2026-H1' AND grootheid = 'achterstand_eind'")
    data.close_all()  # a new process opens the file
    basis = load_basis(db_path)
    assert basis.versie == 2
    assert basis.kengetal("budget", "075597128", "2026") == 400_000
    assert basis.halfjaarcijfers["2026-H1"]["achterstand_eind"] == 70  # kept, not overwritten
    with data.lezen(db_path) as con:
        assert con.execute("SELECT omschrijving FROM dataversie WHERE versie = 2").fetchone()[0] == (
            "Nieuwe brongegevens uit data/seeds"
        )
        assert con.execute("SELECT count(*) FROM kengetal WHERE versie = 2").fetchone()[0] == 1
    with pytest.raises(DataError):
        load_basis(db_path, versie=1).kengetal("budget", "075597128", "2026")
    data.close_all()
    assert load_basis(db_path).versie == 2  # nothing more to add: no third version


def test_a_rerun_reads_from_the_cache_until_the_file_changes(db_path):
    first = load_basis(db_path)
    assert load_basis(db_path) is first
    _bewaar(db_path)
    assert load_basis(db_path) is not first  # another process could have changed anything


@pytest.fixture
def schijf(tmp_path):
    """A tmpfs of its own, to be made read-only halfway (needs root to mount)."""
    folder = tmp_path / "schijf"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_save_on_a_read_only_disk_shows_the_real_cause_not_a_failed_rollback(schijf):
    path = schijf / "verkenner.duckdb"
    eerste = _bewaar_naam(path, "Voor het alleen-lezen")
    subprocess.run(["mount", "-o", "remount,ro", str(schijf)], check=True)
    try:
        with pytest.raises(data.GeenSchrijfrechten, match="schrijfrechten") as raised:
            _bewaar_naam(path, "Tijdens het alleen-lezen")
        assert "rollback" not in str(raised.value).lower()
        assert_gebruikersmelding(str(raised.value), path)
        assert [s.naam for s in opslag.lijst(path=path)] == [eerste.naam]  # reading still works
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(schijf)], check=True)
    data.close_all()
    assert [s.naam for s in opslag.lijst(path=path)] == [eerste.naam]
