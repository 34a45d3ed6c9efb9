"""Enrol a staff account's authenticator app from the terminal (``make admin`` runs this).

Prints the otpauth address and a QR code in block characters, asks for the first code, then
prints the recovery codes. ``--reset`` removes a person's devices (lost phone) so they enrol
again at their next sign-in.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from access import second_factor

TRIES = 5


class Command(BaseCommand):
    help = "Set up the second factor (authenticator app and recovery codes) for a staff account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Remove this account's app and recovery codes (a lost phone); the person "
            "enrols again at their next sign-in.",
        )

    def handle(self, username, reset=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username!r}.")
        if reset:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            self.stdout.write(f"Removed the second factor of {username}; they enrol again at "
                              "their next sign-in.")  # fmt: skip
            return
        if second_factor.has_app(user):
            raise CommandError(f"{username} already has an authenticator app. To replace it, "
                               "run this command again with --reset first.")  # fmt: skip
        self.enrol(user)

    def enrol(self, user) -> None:
        device = second_factor.pending_device(user)
        self.stdout.write("Scan this QR code with an authenticator app on your phone:\n")
        self.stdout.write(second_factor.terminal_qr(device.config_url), ending="")
        key = second_factor.secret_text(device)
        self.stdout.write(f"\nOr enter this key by hand (time-based): {key}")
        self.stdout.write(f"Address for the app: {device.config_url}\n")
        for _ in range(TRIES):
            try:
                typed = input("The 6-digit code your app shows: ")
            except (EOFError, KeyboardInterrupt):
                raise CommandError("Stopped; run the command again to finish.") from None
            result = second_factor.confirm(device, typed)
            if not isinstance(result, str):
                return self.show_codes(user, result)
            self.stderr.write(result)
        raise CommandError("No correct code; run the command again to retry.")

    def show_codes(self, user, codes: list[str]) -> None:
        done = f"\nThe second factor of {user.get_username()} is set up."
        self.stdout.write(self.style.SUCCESS(done))
        self.stdout.write("Recovery codes (each works once if you lose your phone). Keep them "
                          "now; they are not shown again:")  # fmt: skip
        for code in codes:
            self.stdout.write(f"    {code}")
