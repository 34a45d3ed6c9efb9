"""The admin (content editing) is protected: lock-out after repeated failures, short sessions,
HTTPS only in production, and a plain login form that password managers can fill.
The load balancer's /health/ check says "ok" and nothing else, and never touches the database.
"""

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery-staple-42"
ATTACKER = "203.0.113.7"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, password: str, ip: str = ATTACKER):
    return client.post(
        LOGIN,
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def is_locked_out(response) -> bool:
    return response.status_code == 429 and b"locked" in response.content.lower()


# --- Lock-out (django-axes) -----------------------------------------------------------------


def test_it_locks_the_admin_login_after_the_failure_limit_even_with_the_right_password(
    client, editor
):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = log_in(client, "wrong-password")
        assert response.status_code == 200  # the form again, with an error
        assert not is_locked_out(response)
    assert is_locked_out(log_in(client, "wrong-password"))  # the limit-th failure locks

    response = log_in(client, PASSWORD)

    assert is_locked_out(response)
    assert not is_logged_in(client)


def test_it_lets_a_correct_login_through_before_the_limit(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong-password")

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert is_logged_in(client)


def test_it_locks_the_username_from_every_address(client, editor):
    """Issue 22: the count is per username across addresses (and, separately, per address;
    tests/test_lockout.py), so guesses spread over many addresses still lock the account."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong-password")
    assert is_locked_out(log_in(client, PASSWORD))

    response = log_in(client, PASSWORD, ip="198.51.100.20")  # the editor, from elsewhere

    assert is_locked_out(response)
    assert not is_logged_in(client)


def test_it_keeps_the_lock_out_for_an_hour():
    assert int(os.environ.get("AXES_FAILURE_LIMIT", "5")) == settings.AXES_FAILURE_LIMIT
    assert settings.AXES_COOLOFF_TIME == 1  # hours


# --- Sessions ---------------------------------------------------------------------------------


def test_it_ends_admin_sessions_after_8_hours_or_when_the_browser_closes(client, editor):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    # A browser-session cookie: no Expires, and no Max-Age beyond 8 hours.
    assert cookie["expires"] == ""
    assert cookie["max-age"] == "" or int(cookie["max-age"]) <= 8 * 60 * 60
    assert cookie["httponly"] is True
    assert client.session.get_expire_at_browser_close() is True
    assert client.session.get_expiry_age() <= 8 * 60 * 60


# --- HTTPS only -------------------------------------------------------------------------------


@override_settings(SECURE_SSL_REDIRECT=True)
def test_it_redirects_the_admin_to_https(client):
    response = client.get("/admin/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_it_serves_the_admin_login_over_https(client):
    response = client.get(LOGIN, secure=True)

    assert response.status_code == 200


def production_setting(name: str, **env: str) -> str:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(
        SECRET_KEY="a-long-random-production-key-1f9c7e2b8d4a6c3e5f7a9b1d3e5f7a9c",
        ALLOWED_HOSTS="guide.example.org",
        **env,
    )
    code = f"from isatuximab_portal import settings; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_redirect_to_https_unless_debugging():
    assert production_setting("SECURE_SSL_REDIRECT") == "True"
    assert production_setting("SESSION_COOKIE_SECURE") == "True"
    assert production_setting("SECURE_SSL_REDIRECT", DEBUG="1") == "False"


# --- Password managers ------------------------------------------------------------------------


class InputReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name"):
            self.inputs[attributes["name"]] = attributes


def test_the_admin_login_is_a_plain_form_a_password_manager_can_fill(client):
    response = client.get(LOGIN)
    reader = InputReader()
    reader.feed(response.content.decode())

    username, password = reader.inputs["username"], reader.inputs["password"]
    assert username["type"] == "text"
    assert username["autocomplete"] == "username"
    assert password["type"] == "password"
    assert password["autocomplete"] == "current-password"
    assert "iframe" not in reader.tags
    assert "captcha" not in response.content.decode().lower()


# --- Health check -----------------------------------------------------------------------------


def test_the_health_check_says_ok_and_nothing_else(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    for header in ("Server", "X-Powered-By", "X-Django-Version"):
        assert header not in response
    revealing = ("django", "python", "gunicorn", "version", "sqlite", "postgres")
    for name, value in response.items():
        assert not any(word in f"{name}: {value}".lower() for word in revealing), name


def test_the_health_check_answers_head_and_refuses_post(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_the_health_check_respects_allowed_hosts(client):
    response = client.get("/health/", HTTP_HOST="attacker.example")

    assert response.status_code == 400


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_load_balancer_can_probe_health_over_plain_http_in_production(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert client.get("/").status_code == 301  # everything else still goes to https
