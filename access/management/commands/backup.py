"""``python manage.py backup [PATH]``: back up the whole database (``make backup``).

Without PATH the backup goes to backups/<UTC date and time>.sqlite3 (SQLite) or .dump
(PostgreSQL custom format). See docs/operations.md, "Backups and restore".
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from access import backup


class Command(BaseCommand):
    help = "Back up the whole database (SQLite online backup, or pg_dump custom format)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write it (default: backups/).")

    def handle(self, path=None, **options):
        try:
            if path is None:
                stamp = timezone.now().strftime("%Y-%m-%dT%H%M%SZ")
                name = f"{stamp}.{backup.extension(connection.settings_dict)}"
                path = Path(settings.BASE_DIR) / "backups" / name
            written = backup.backup(Path(path))
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Backed up the database to {written}")
