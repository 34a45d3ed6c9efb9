"""Issue 22: every staff account needs a second factor (TOTP app + recovery codes).

Codes are real: computed from the device's key with django-otp's own TOTP (tests/second_factor.py).
"""

import base64
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from education.models import Page
from tests.education.conftest import make_page
from tests.second_factor import ENROL, VERIFY, app_device, current_code, recovery_code

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple-42"
ADMIN_PAGES = [
    "/admin/",
    "/admin/education/page/",
    "/admin/auth/user/",
    "/admin/auth/group/",
    "/admin/education/revision/",
    "/admin/otp_totp/totpdevice/",
]


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("sam", "sam@example.org", PASSWORD)


def password_login(client, user=None):
    response = client.post(
        "/admin/login/", {"username": "sam", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302  # the password was right
    return response


def test_staff_without_a_device_reach_no_admin_page_but_the_enrolment(client, staff):
    password_login(client)
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url
    assert client.post("/admin/auth/user/add/", {"username": "x"}).status_code == 302
    assert not User.objects.filter(username="x").exists()
    assert client.get(ENROL).status_code == 200


def test_enrolment_shows_the_qr_code_and_secret_then_recovery_codes_once(client, staff):
    password_login(client)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert re.search(r'<svg role="img"[^>]*><title>QR code for your app</title>', page)
    secret = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert base64.b32decode(secret.replace(" ", "")) == device.bin_key
    assert client.get(ENROL).content.decode().count(secret) == 1  # same secret on reload
    assert "http" not in re.search(r"<svg.*?</svg>", page, re.S).group(0).replace(
        "http://www.w3.org", ""
    )  # drawn here, nothing fetched

    wrong = client.post(ENROL, {"code": "000000" if current_code(device) != "000000" else "1"})
    assert "That code did not work" in wrong.content.decode()
    device.throttle_reset()
    done = client.post(ENROL, {"code": current_code(device), "next": "/admin/"})

    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert sorted(StaticDevice.objects.get(user=staff).token_set.values_list("token", flat=True)) \
        == sorted(codes)  # fmt: skip
    assert client.get("/admin/").status_code == 200  # verified by enrolment
    assert client.get(ENROL).status_code == 302  # never shown again
    assert codes[0] not in client.get(ENROL, follow=True).content.decode()


def test_staff_with_a_device_must_type_a_code_after_the_password(client, staff):
    device = app_device(staff)
    password_login(client)
    response = client.get("/admin/education/page/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Feducation%2Fpage%2F"

    wrong = client.post(VERIFY, {"code": "12345", "next": "/admin/education/page/"})
    assert wrong.status_code == 200
    assert "That code did not work" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.throttle_reset()
    code = current_code(device)
    ok = client.post(VERIFY, {"code": code, "next": "/admin/education/page/"})

    assert ok.status_code == 302
    assert ok["Location"] == "/admin/education/page/"
    for url in ADMIN_PAGES:
        assert client.get(url).status_code == 200, url


@override_settings(OTP_TOTP_THROTTLE_FACTOR=60)  # a 60 s wait, so a slow machine cannot miss it
def test_a_code_works_once_and_wrong_codes_are_throttled(client, staff):
    device = app_device(staff)
    password_login(client)
    code = current_code(device)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = client.__class__()
    password_login(other)
    again = other.post(VERIFY, {"code": code})
    assert again.status_code == 200  # the same code a second time: refused
    right_now = other.post(VERIFY, {"code": current_code(device)})
    assert "Wait" in right_now.content.decode()  # throttled after the failure


def test_a_recovery_code_works_once(client, staff):
    app_device(staff)
    spare = recovery_code(staff)
    password_login(client)
    assert client.post(VERIFY, {"code": spare.upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    other = client.__class__()
    password_login(other)
    assert other.post(VERIFY, {"code": spare}).status_code == 200
    assert other.get("/admin/").status_code == 302


def test_an_enrolled_person_cannot_enrol_a_new_app_with_the_password_alone(client, staff):
    app_device(staff)
    password_login(client)
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/second-factor/verify/")
    assert client.post(ENROL, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_the_admin_site_itself_refuses_a_password_only_session(client, staff):
    """Second lock: without the gate middleware the admin still says no."""
    from django.conf import settings

    app_device(staff)
    password_login(client)
    without_gate = [m for m in settings.MIDDLEWARE if m != "access.gate.SecondFactorGate"]
    with override_settings(MIDDLEWARE=without_gate):
        same_session = client.__class__()  # a new client loads the middleware list afresh
        same_session.cookies = client.cookies
        response = same_session.get("/admin/education/page/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_every_admin_answer_is_no_store(client, staff):
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]
    password_login(client)
    assert "no-store" in client.get("/admin/")["Cache-Control"]  # the redirect
    assert "no-store" in client.get(ENROL)["Cache-Control"]
    client.post(ENROL, {"code": current_code(TOTPDevice.objects.get(user=staff))})
    for url in [*ADMIN_PAGES, VERIFY]:
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url


def test_a_password_only_session_does_not_preview_drafts(client, staff):
    page = make_page(status=Page.Status.DRAFT, title="Secret draft")
    app_device(staff)
    password_login(client)
    assert client.get(page.get_absolute_url()).status_code == 404
    client.post(VERIFY, {"code": current_code(app_device(staff))})
    assert client.get(page.get_absolute_url()).status_code == 200


def test_enrolment_from_the_terminal(staff, monkeypatch, capsys):
    def type_code(prompt):
        return current_code(TOTPDevice.objects.get(user=staff))

    monkeypatch.setattr("builtins.input", type_code)
    call_command("enrol_second_factor", "sam")
    out = capsys.readouterr().out
    assert "otpauth://totp/Isatuximab%20guide%20admin%3Asam?secret=" in out
    assert "█" in out or "▀" in out  # the QR code in block characters
    codes = re.findall(r"^    ([a-z2-7]{8})$", out, re.M)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=staff).confirmed

    call_command("enrol_second_factor", "sam", "--reset")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticDevice.objects.filter(user=staff).exists()


def test_the_admin_never_shows_a_device_key_or_recovery_codes(admin_client, admin_user):
    device = app_device(admin_user)
    spare = recovery_code(admin_user)
    recovery = StaticDevice.objects.get(user=admin_user)
    pages = [
        admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/"),
        admin_client.get(f"/admin/otp_static/staticdevice/{recovery.pk}/change/"),
        admin_client.get("/admin/otp_totp/totpdevice/"),
    ]
    secret = base64.b32encode(device.bin_key).decode()
    for response in pages:
        text = response.content.decode()
        assert response.status_code == 200
        assert device.key not in text and secret not in text and spare not in text
    assert admin_client.get("/admin/otp_totp/totpdevice/add/").status_code == 403


def test_the_code_page_never_sends_anyone_off_the_admin(client, staff):
    device = app_device(staff)
    password_login(client)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_terminal_enrolment_stops_cleanly_without_a_code(staff, monkeypatch):
    def no_input(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_input)
    with pytest.raises(CommandError, match="run the command again"):
        call_command("enrol_second_factor", "sam")
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
