"""Signing staff in through the real second-factor gate, for every test that uses the admin.

``sign_in`` logs the user in (the password step, as ``force_login``), gives them a confirmed
authenticator app if they have none, and then types a real TOTP code, computed from the
device's own key, into the real code page. Nothing in django-otp's check is replaced.
"""

from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from access import second_factor

VERIFY = "/admin/second-factor/verify/"
ENROL = "/admin/second-factor/enrol/"


def app_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app, made now if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def current_code(device: TOTPDevice) -> str | None:
    """A code the app would show now, for a time step the device has not accepted yet
    (django-otp refuses a code twice); None when the steps in tolerance are used up."""
    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    # The current step first, then the next one: a code computed just before a step boundary
    # is still accepted just after it (tolerance 1), which the previous step would not be.
    for step in (now, now + 1, now - 1):
        if step > device.last_t and abs(step - now) <= device.tolerance:
            return str(hotp(device.bin_key, step, device.digits)).zfill(device.digits)
    return None


def recovery_code(user) -> str:
    """A fresh single-use recovery code for the user (when the app's codes are used up)."""
    device = StaticDevice.objects.filter(user=user).first() or StaticDevice.objects.create(
        user=user, name=second_factor.RECOVERY_DEVICE
    )
    return device.token_set.create(token=StaticToken.random_token()).token


def verify(client, user, next_url: str = "/admin/"):
    """Type a real code into the code page; returns the response (a redirect on success)."""
    code = current_code(app_device(user)) or recovery_code(user)
    return client.post(VERIFY, {"code": code, "next": next_url})


def sign_in(client, user):
    """Log ``user`` in and pass the second factor, as a person would; returns the client."""
    client.force_login(user)
    if user.is_staff:
        response = verify(client, user)
        assert response.status_code == 302, response.content.decode()[:500]
        assert "otp_device_id" in client.session
    return client
