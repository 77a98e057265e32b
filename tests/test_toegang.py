"""Roles: the rules in the core, the store refusing what a role may not do, and the pages through AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from core import opslag, toegang
from core.data import load_basis
from core.model.scenario import Scenario
from core.toegang import (
    BEHEERDER,
    BEWERKER,
    LEZER,
    LOKAAL,
    GeenToegang,
    Gebruiker,
    OngeldigeToegangsinstellingen,
    Toegangsinstellingen,
    gebruiker_uit_claims,
)
from tests.conftest import APP

# What issue 12 asks of each role, written out rather than derived from the table under test.
MAG = {
    LEZER: {"bekijken", "vergelijken", "exporteren", "delen"},
    BEWERKER: {"bekijken", "vergelijken", "exporteren", "delen", "opslaan", "archiveren", "gegevens_invoeren"},
    BEHEERDER: {a.naam for a in toegang.ACTIES},
}
BEHEERDER_EXTRA = {"backup_terugzetten", "invoer_terugdraaien"}

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "een-lang-willekeurig-geheim-voor-de-test",
    "client_id": "verkenner",
    "client_secret": "test",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
TOEGANG = {"rol_claim": "roles", "beheerders": ["Carla@Maastricht.example"]}


def gebruiker(rol: str) -> Gebruiker:
    return Gebruiker(id=f"{rol}@maastricht.example", naam=rol.title(), rol=rol, aangemeld=True)


# --- the rules ----------------------------------------------------------------------------


@pytest.mark.parametrize("rol", toegang.ROLLEN)
def test_each_role_may_do_exactly_what_the_issue_lists(rol):
    assert {a.naam for a in toegang.ACTIES if gebruiker(rol).mag(a.naam)} == MAG[rol]
    assert BEHEERDER_EXTRA <= MAG[BEHEERDER]


def test_local_single_user_mode_may_do_everything():
    assert all(LOKAAL.mag(a.naam) for a in toegang.ACTIES)
    assert not LOKAAL.aangemeld


def test_a_refusal_says_in_dutch_who_may():
    with pytest.raises(GeenToegang) as refused:
        toegang.controleer(gebruiker(LEZER), toegang.OPSLAAN)
    assert str(refused.value).startswith("Scenario's opslaan en nieuwe versies maken mag alleen een bewerker of beheerder.")
    assert "U bent aangemeld als lezer" in str(refused.value)
    toegang.controleer(gebruiker(BEWERKER), toegang.OPSLAAN)  # allowed: no exception


@pytest.mark.parametrize(
    ("claims", "rol"),
    [
        ({"email": "a@x.nl", "roles": ["lezer"]}, LEZER),
        ({"email": "a@x.nl", "roles": "bewerker"}, BEWERKER),
        ({"email": "a@x.nl", "roles": ["lezer", "beheerder"]}, BEHEERDER),  # the highest counts
        ({"email": "a@x.nl", "roles": ["Verkenner.Bewerker"]}, BEWERKER),  # a provider's own value, mapped
        ({"email": "carla@maastricht.example"}, BEHEERDER),  # a list, case-insensitive
        ({"email": "carla@maastricht.example", "roles": ["lezer"]}, BEHEERDER),  # list above claim
        ({"email": "carla@maastricht.example", "email_verified": False}, LEZER),  # unverified: not matched
        ({"sub": "id-123"}, BEWERKER),  # a subject id in a list
        ({"email": "a@x.nl", "roles": ["onbekend"]}, LEZER),  # unknown values give nothing: standaardrol
        ({"email": "a@x.nl"}, LEZER),
    ],
)
def test_role_from_claim_or_list(claims, rol):
    instellingen = Toegangsinstellingen.uit(
        {**TOEGANG, "bewerkers": ["id-123"], "claimwaarden": {"Verkenner.Bewerker": "bewerker"}}
    )
    assert instellingen.rol_van(claims) == rol


def test_standaardrol_geen_refuses_users_named_nowhere():
    instellingen = Toegangsinstellingen.uit({**TOEGANG, "standaardrol": "geen"})
    with pytest.raises(GeenToegang, match="geen rol in de Verkenner"):
        gebruiker_uit_claims({"email": "x@elders.nl", "name": "X"}, instellingen)
    carla = gebruiker_uit_claims({"email": "carla@maastricht.example", "name": "Carla"}, instellingen)
    assert (carla.id, carla.naam, carla.rol, carla.aangemeld) == ("carla@maastricht.example", "Carla", BEHEERDER, True)


@pytest.mark.parametrize(
    ("section", "fout"),
    [
        ({"beheerder": ["a@x.nl"]}, "Onbekende instelling in [toegang]: beheerder"),
        ({"standaardrol": "admin"}, "'admin' is geen rol"),
        ({"claimwaarden": {"Admins": "baas"}}, "'baas' is geen rol"),
        ({"lezers": "a@x.nl"}, "lezers moet een lijst"),
        ({"rol_claim": 3}, "rol_claim moet de naam van een claim zijn"),
    ],
)
def test_wrong_settings_are_named(section, fout):
    with pytest.raises(OngeldigeToegangsinstellingen, match=fout.replace("[", r"\[").replace("]", r"\]")):
        Toegangsinstellingen.uit(section)


# --- the store refuses ----------------------------------------------------------------------


def test_the_store_refuses_a_lezer_and_stores_nothing(db_path):
    load_basis(db_path)
    with pytest.raises(GeenToegang):
        opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path, gebruiker=gebruiker(LEZER))
    assert opslag.lijst(db_path, gearchiveerd=True) == []

    saved = opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path, gebruiker=gebruiker(BEWERKER))
    with pytest.raises(GeenToegang):
        opslag.archiveer(saved.naam, db_path, gebruiker=gebruiker(LEZER))
    assert not opslag.lijst(db_path, gearchiveerd=True)[0].gearchiveerd
    opslag.archiveer(saved.naam, db_path, gebruiker=gebruiker(BEWERKER))
    with pytest.raises(GeenToegang):
        opslag.herstel(saved.naam, db_path, gebruiker=gebruiker(LEZER))
    assert opslag.lijst(db_path, gearchiveerd=True)[0].gearchiveerd


# --- the pages ------------------------------------------------------------------------------


def app(user: dict | None = None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets is not None:
        at.secrets = secrets
    if user is not None:
        at.user = user
    return at.run()


def scenarios_page(at: AppTest) -> AppTest:
    at.switch_page("views/scenarios.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_login_the_app_runs_locally_and_says_so():
    at = scenarios_page(app())
    assert any("Lokale modus" in c.value for c in at.sidebar.caption)
    assert at.text_input(key="opslaan_naam")  # everything allowed
    assert "uitloggen" not in [b.key for b in at.sidebar.button]


def test_with_login_configured_nothing_shows_before_login():
    at = app(secrets={"auth": AUTH, "toegang": TOEGANG})
    assert not at.exception
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not at.slider and not at.metric


@pytest.mark.parametrize(("rol", "claims"), [(LEZER, {"roles": ["lezer"]}), (BEWERKER, {"roles": ["bewerker"]})])
def test_a_role_sees_only_what_it_may_do(db_path, rol, claims):
    opslag.bewaar(Scenario(instroom_pct=20), "Hoge instroom", "", 1, path=db_path)
    user = {"is_logged_in": True, "email": f"{rol}@maastricht.example", "name": f"Anna {rol}", **claims}
    at = scenarios_page(app(user, {"auth": AUTH, "toegang": TOEGANG}))
    assert [t.value for t in at.sidebar.text] == [f"Aangemeld als Anna {rol} ({rol})"]
    assert "uitloggen" in [b.key for b in at.sidebar.button]
    kan_opslaan = rol != LEZER
    assert bool([w for w in at.text_input if w.key == "opslaan_naam"]) is kan_opslaan
    assert ("archiveer" in [b.key for b in at.button]) is kan_opslaan
    assert "openen" in [b.key for b in at.button]  # reading and sharing stay for every role
    assert not any("Lokale modus" in c.value for c in at.sidebar.caption)


def test_a_user_without_a_role_is_told_and_sees_nothing(db_path):
    user = {"is_logged_in": True, "email": "gast@elders.example", "name": "Gast"}
    at = app(user, {"auth": AUTH, "toegang": {**TOEGANG, "standaardrol": "geen"}})
    assert "geen rol in de Verkenner" in at.warning[0].value
    assert [b.label for b in at.button] == ["Uitloggen"]
    assert not at.slider and not at.metric


def test_wrong_settings_stop_the_app_with_a_dutch_message():
    user = {"is_logged_in": True, "email": "a@x.nl"}
    at = app(user, {"auth": AUTH, "toegang": {"beheerder": ["a@x.nl"]}})
    assert "De instellingen voor inloggen kloppen niet" in at.error[0].value
    assert not at.slider
