"""The deployment files: the nginx configuration passes `nginx -t`, the systemd units pass
`systemd-analyze verify`, the container files name what exists, and the example settings
are accepted by the code that reads them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from core import data
from core.data import gedeeld, verbinding
from core.toegang import Toegangsinstellingen
from deploy import gezondheid, nginx, proces

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
COMPOSE_APPS = ["app1:8501", "app2:8501"]


def nginx_test(site: str, tmp_path: Path) -> subprocess.CompletedProcess:
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n    include {tmp_path}/site.conf;\n}}\n"
    )
    return subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"],
                          capture_output=True, text=True)  # fmt: skip


@pytest.mark.skipif(NGINX is None, reason="Debian's nginx is not installed")
@pytest.mark.parametrize(
    "kwargs",
    [{"port": 8080, "adres": "127.0.0.1"}, {"port": 80, "server_name": "verkenner.maastricht.nl"}],
    ids=["launcher", "server"],
)
def test_the_nginx_configuration_is_valid(tmp_path, kwargs):
    result = nginx_test(nginx.render(["127.0.0.1:8501", "127.0.0.1:8502"], **kwargs), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(NGINX is None or shutil.which("openssl") is None, reason="nginx or openssl is not installed")
def test_the_nginx_configuration_with_https_is_valid(tmp_path):
    key, cert = tmp_path / "verkenner.key", tmp_path / "verkenner.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=verkenner.test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    site = nginx.render(["127.0.0.1:8501"], port=443, tls=nginx.Tls(str(cert), str(key)))
    assert "Strict-Transport-Security" in site and "return 301 https://" in site and "; Secure" in site
    result = nginx_test(site, tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_csp_allows_streamlits_own_inline_script_by_hash_and_nothing_from_elsewhere():
    csp = nginx.content_security_policy()
    assert nginx.inline_script_hashes() and all(h in csp for h in nginx.inline_script_hashes())
    assert "unsafe-eval" not in csp and "http" not in csp and "*" not in csp


def test_the_compose_nginx_configuration_is_rendered_from_the_template():
    committed = (DEPLOY / "compose" / "nginx.conf").read_text(encoding="utf-8")
    assert committed == nginx.render(COMPOSE_APPS, port=80), (
        "deploy/compose/nginx.conf is out of date: python -m deploy.nginx --app app1:8501 --app app2:8501 --poort 80 "
        "> deploy/compose/nginx.conf"
    )


def test_the_compose_file_runs_the_image_the_proxy_and_a_database():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    apps = [name for name, s in services.items() if s.get("build") == "."]
    assert [f"{name}:8501" for name in apps] == COMPOSE_APPS  # the upstreams nginx.conf names
    for name in apps:
        env = services[name]["environment"]
        assert {data.DB_PATH_ENV, proces.COOKIE_SECRET_ENV, proces.SECRETS_FILES_ENV} <= set(env)
    proxy_config = services["proxy"]["volumes"][0].split(":")[0]
    assert (ROOT / proxy_config).is_file()
    assert services["db"]["image"].startswith("postgres:")


def test_the_dockerfile_copies_what_exists_and_starts_one_app_process():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    sources = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")]
    assert sources and all((ROOT / s).exists() for s in sources), sources
    assert {"app.py", "core", "ui", "views", "deploy", "data/seeds"} <= set(sources)
    assert '"deploy.proces"' in dockerfile and "/_stcore/health" in dockerfile
    # Every data file the store reads, also the PostgreSQL schema: compose.yaml sets VERKENNER_POSTGRES.
    from core.data.paden import SCHEMA_FILE, SEEDS_DIR

    for needed in (SCHEMA_FILE, SEEDS_DIR, gedeeld.SCHEMA_POSTGRES):
        assert str(needed.relative_to(ROOT)) in sources, needed


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_units_are_valid(tmp_path):
    # Verified where they would be installed: this checkout, this Python, the example environment file.
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text(encoding="utf-8")
        text = text.replace("/opt/verkenner/.venv/bin/python", sys.executable).replace("/opt/verkenner", str(ROOT))
        text = text.replace("/etc/verkenner/verkenner.env", str(DEPLOY / "verkenner.env.example"))
        name = unit.name.replace("@.", "@8501.")
        (tmp_path / name).write_text(text)
    result = subprocess.run(["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_units_run_the_production_entry_points():
    app = (DEPLOY / "systemd" / "verkenner@.service").read_text(encoding="utf-8")
    assert "-m deploy.proces --poort %i" in app and "Restart=always" in app
    health = (DEPLOY / "systemd" / "verkenner-gezondheid.service").read_text(encoding="utf-8")
    assert "-m deploy.gezondheid" in health


def test_the_backup_runs_as_the_app_user():
    # As root it would leave root-owned files next to the database (lock, stamp) that the app
    # processes cannot open for writing; found walking through the README's Debian steps.
    def user(unit: str) -> set[str]:
        text = (DEPLOY / "systemd" / unit).read_text(encoding="utf-8")
        return {line for line in text.splitlines() if line.startswith(("User=", "Group="))}

    assert user("verkenner-backup.service") == user("verkenner@.service") == {"User=verkenner", "Group=verkenner"}
    backup = (DEPLOY / "systemd" / "verkenner-backup.service").read_text(encoding="utf-8")
    assert "-m deploy.backup /var/backups/verkenner" in backup


def test_the_example_environment_names_every_variable_the_code_reads():
    # Optional ones are there commented out, with what they do.
    names = set(re.findall(r"^#?([A-Z_]+)=", (DEPLOY / "verkenner.env.example").read_text(encoding="utf-8"), re.M))
    assert names == {
        data.DB_PATH_ENV, proces.COOKIE_SECRET_ENV, proces.SECRETS_FILES_ENV, gezondheid.POORTEN_ENV,
        gedeeld.POSTGRES_ENV, verbinding.WACHTTIJD_ENV,
    }


def test_the_example_secrets_are_accepted():
    secrets = tomllib.loads((ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
    auth = secrets["auth"]
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(auth)
    assert auth["redirect_uri"].endswith("/oauth2callback")
    instellingen = Toegangsinstellingen.uit(secrets["toegang"])
    assert instellingen.rol_van({"email": "x@maastricht.nl", "roles": ["Verkenner.Bewerker"]}) == "bewerker"
    assert instellingen.rol_van({"email": "functioneel.beheer@maastricht.nl"}) == "beheerder"


def test_real_secrets_are_never_committed():
    ignored = subprocess.run(["git", "check-ignore", ".streamlit/secrets.toml", "secrets.toml", ".env"], cwd=ROOT,
                             capture_output=True, text=True)  # fmt: skip
    assert ignored.stdout.split() == [".streamlit/secrets.toml", "secrets.toml", ".env"]


def test_one_app_process_command_line():
    command = proces.command(8501)
    assert command[:3] == [sys.executable, "-m", "streamlit"] and command[4].endswith("app.py")
    assert {"--server.port=8501", "--server.address=127.0.0.1", "--server.fileWatcherType=none"} <= set(command)


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_lists_every_action_with_the_roles_that_may_take_it():
    from core import toegang

    for actie in toegang.ACTIES:
        cells = " | ".join("ja" if rol in toegang.rollen_die_mogen(actie.naam) else "nee" for rol in toegang.ROLLEN)
        assert f"| {actie.omschrijving} | {cells} |" in README, actie.naam


@pytest.mark.parametrize(
    "name", [data.DB_PATH_ENV, proces.COOKIE_SECRET_ENV, proces.SECRETS_FILES_ENV, gezondheid.POORTEN_ENV]
)
def test_the_readme_documents_every_environment_variable(name):
    assert f"| `{name}` |" in README


@pytest.mark.parametrize(
    "command",
    ["python -m deploy.cluster --processen 2", "python -m deploy.nginx --app", "deploy/systemd/verkenner@.service",
     "verkenner-gezondheid.timer", "docker compose up", ".streamlit/secrets.example.toml", "journalctl -u 'verkenner@*'"],
)
def test_the_readme_productie_section_names_the_commands_and_files(command):
    productie = README.split("## Productie", 1)[1].split("\n## ", 1)[0]
    assert command in productie
