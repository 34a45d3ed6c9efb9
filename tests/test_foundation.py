import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from isatuximab_portal import settings as portal_settings

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(DJANGO_SETTINGS_MODULE="isatuximab_portal.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-1f9c7e2b8d4a6c3e5f7a9b1d3e5f7a9c",
        ALLOWED_HOSTS="guide.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_not_debugging():
    result = run_manage("check", ALLOWED_HOSTS="guide.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("helper", "raw", "args"),
    [
        (portal_settings.env_bool, "maybe", ()),
        (portal_settings.env_int, "ten", (1,)),
        (portal_settings.env_list, "a.example, b example", ([],)),
        (portal_settings.env_database, "not-a-url", ("sqlite:///x",)),
    ],
)
def test_env_helpers_reject_junk(monkeypatch, helper, raw, args):
    monkeypatch.setenv("X_SETTING", raw)
    with pytest.raises(ImproperlyConfigured):
        helper("X_SETTING", *args)


def test_env_helpers_read_good_values(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,")
    monkeypatch.setenv("X_DB", "postgres://u:p@db.example:5432/portal")
    assert portal_settings.env_bool("X_FLAG") is True
    assert portal_settings.env_list("X_HOSTS", []) == ["a.example", "b.example"]
    assert portal_settings.env_database("X_DB", "")["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.django_db  # the home page lists the published pages
def test_responses_carry_the_security_headers(client):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db  # the home page lists the published pages
def test_the_home_page_sets_no_cookies(client):
    response = client.get("/")
    assert response.cookies == {}


def test_unknown_pages_get_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Skip to main content" in response.content


def test_the_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, something went wrong" in html
    assert 'lang="en-GB"' in html


@pytest.mark.django_db
def test_public_pages_are_compressed_and_admin_pages_are_not(client):
    public = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert public["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in public["Vary"]
    admin = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert admin.status_code == 200
    assert not admin.has_header("Content-Encoding")
