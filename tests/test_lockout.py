"""Issue 22: lockout that fits a TLS proxy.

Two counts, either of which locks: per username from any address, and per client address for
any username. Behind the proxy (BEHIND_TLS_PROXY) the client address is the right-most
X-Forwarded-For entry; without it the header is ignored.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple-42"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.7"
RITA_HOME = "198.51.100.20"
BOSS_HOME = "198.51.100.30"
USERS = ["rita", "boss", "ed", "ana", "joe"]


@pytest.fixture(autouse=True)
def accounts(db):
    for name in USERS:
        User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)


def attempt(client, username, password, address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post("/admin/login/", data, **extra)


def locked(response) -> bool:
    return response.status_code == 429


def signed_in(response) -> bool:
    return response.status_code == 302


@override_settings(BEHIND_TLS_PROXY=True)
def test_behind_the_proxy_five_bad_guesses_lock_that_account_not_everyone(client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "rita", "guess", PROXY, ATTACKER)

    assert locked(attempt(client, "rita", PASSWORD, PROXY, RITA_HOME))  # per username
    assert signed_in(attempt(client, "boss", PASSWORD, PROXY, BOSS_HOME))  # others get in


@override_settings(BEHIND_TLS_PROXY=True)
def test_behind_the_proxy_guesses_spread_over_five_usernames_lock_the_guesser(client):
    answers = [
        attempt(client, USERS[n % 5], "guess", PROXY, f"192.0.2.1, {ATTACKER}") for n in range(20)
    ]

    assert sum(locked(a) for a in answers) == 20 - settings.AXES_FAILURE_LIMIT + 1
    assert locked(attempt(client, "rita", PASSWORD, PROXY, ATTACKER))  # the address is locked
    # Nobody else is: the refused guesses were not counted against the usernames.
    for name, home in [("rita", RITA_HOME), ("boss", BOSS_HOME)]:
        assert signed_in(attempt(client.__class__(), name, PASSWORD, PROXY, home)), name


@override_settings(BEHIND_TLS_PROXY=True)
def test_behind_the_proxy_only_the_entry_our_proxy_added_counts(client):
    """A client can put anything in the header; the proxy appends the real address last."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, USERS[n], "guess", PROXY, f"192.0.2.{n}, {ATTACKER}")

    assert locked(attempt(client, "ana", PASSWORD, PROXY, f"192.0.2.99, {ATTACKER}"))


@override_settings(BEHIND_TLS_PROXY=False)
def test_without_the_proxy_setting_the_header_is_ignored(client, caplog):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, USERS[n], "guess", ATTACKER, f"192.0.2.{n}")

    assert "Set BEHIND_TLS_PROXY=1" in caplog.text  # the operator is told
    assert "192.0.2." not in caplog.text

    assert locked(attempt(client, "ana", PASSWORD, ATTACKER, "198.51.100.99"))
    assert signed_in(attempt(client.__class__(), "ana", PASSWORD, RITA_HOME))


@override_settings(BEHIND_TLS_PROXY=True)
def test_a_junk_forwarded_header_counts_the_proxy_address_and_never_fails(client):
    response = attempt(client, "rita", "guess", PROXY, "not an address")
    assert response.status_code == 200


def test_the_lockout_page_says_what_to_do_and_the_reset_command_works(client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "rita", "guess", ATTACKER)

    response = attempt(client, "rita", PASSWORD, RITA_HOME)
    text = response.content.decode()

    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]
    assert "Wait 60 minutes" in text
    assert "python manage.py axes_reset_username rita" in text
    call_command("axes_reset_username", "rita")
    assert signed_in(attempt(client, "rita", PASSWORD, RITA_HOME))
