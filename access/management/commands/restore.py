"""``python manage.py restore PATH [--force]``: restore a backup made by ``backup``
(``make restore FILE=...``). Refuses to overwrite a database that holds accounts or content
unless --force is given. See docs/operations.md, "Backups and restore".
"""

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from access import backup


class Command(BaseCommand):
    help = "Restore the whole database from a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds accounts or content.",
        )
        parser.add_argument(
            "--into",
            metavar="DATABASE_URL",
            help="Restore into this database instead of the site's own (e.g. a new, empty "
            "one, to check a backup).",
        )

    def handle(self, path, force=False, into=None, **options):
        settings_dict = dict(connection.settings_dict)
        if into:
            settings_dict |= dj_database_url.parse(into)
        connections.close_all()
        try:
            backup.restore(Path(path), settings_dict, force=force)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Restored the database from {path}")
