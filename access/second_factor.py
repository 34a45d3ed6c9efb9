"""The second factor for staff: one authenticator app (TOTP) per person, plus single-use
recovery codes, kept in django-otp's own tables.

A person enrols once: an unconfirmed TOTP device is made, its secret shown as a QR code and as
text, and the first correct code confirms it and issues the recovery codes (shown once, stored
only as django-otp stores them). After that, every sign-in needs a code from one of the two.
"""

import base64
import io

import django_otp
import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10

WRONG_CODE = (
    "That code did not work. Check that the clock on your phone is right, wait for the next "
    "code and type it again, or use one of your recovery codes."
)
WAIT = "Too many wrong codes. Wait {seconds} seconds, then type a new code."


def has_app(user) -> bool:
    """Whether this person has finished enrolment (a confirmed authenticator app)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same secret on every reload of the page."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(uri: str) -> str:
    """The otpauth address as an inline SVG QR code, drawn here (nothing is fetched)."""
    code = segno.make(uri, error="m")
    svg = code.svg_inline(scale=5, border=4, light="#fff", title="QR code for your app")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def terminal_qr(uri: str) -> str:
    """The same QR code drawn with block characters, for `make admin`."""
    drawing = io.StringIO()
    segno.make(uri, error="m").terminal(out=drawing, compact=True)
    return drawing.getvalue()


def wait_message(device) -> str | None:
    """A plain "wait N seconds" when django-otp is throttling this device after wrong codes."""
    allowed, extra = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (extra or {}).get("locked_until")
    if locked_until is None:
        return WAIT.format(seconds="a few")
    from django.utils import timezone

    seconds = max(1, int((locked_until - timezone.now()).total_seconds()) + 1)
    return WAIT.format(seconds=seconds)


def confirm(device: TOTPDevice, token: str) -> list[str] | str:
    """Confirm the pending device with its first code. Returns the new recovery codes, or the
    message to show by the field when the code is wrong."""
    waiting = wait_message(device)
    if waiting:
        return waiting
    with transaction.atomic():
        if not device.verify_token(clean(token)):
            return WRONG_CODE
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        return new_recovery_codes(device.user)


def new_recovery_codes(user) -> list[str]:
    """Replace this person's recovery codes with RECOVERY_CODES fresh single-use ones."""
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    return codes


def clean(code: str) -> str:
    return "".join((code or "").split()).lower()


def check_code(user, code: str):
    """The device that accepts this code (six digits: the app; otherwise a recovery code, which
    is then used up), or the message to show by the field."""
    code = clean(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    devices = list(model.objects.devices_for_user(user, confirmed=True))
    for device in devices:
        waiting = wait_message(device)
        if waiting:
            return waiting
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return WRONG_CODE
