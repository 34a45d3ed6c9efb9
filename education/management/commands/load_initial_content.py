from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from education.booklet.builds import queue_all_editions
from education.content_loader import CONTENT_DIR, ContentError, load_content


class Command(BaseCommand):
    help = (
        "Load the pages, checklist and glossary shipped in education/content/. Safe to run "
        "again: content an admin has edited or deleted is kept as the admin left it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--content-dir", type=Path, default=CONTENT_DIR, help="Folder to load from."
        )

    def handle(self, *args, **options) -> None:
        try:
            report = load_content(options["content_dir"])
        except ContentError as exc:
            raise CommandError(str(exc)) from None
        for label in report.kept:
            self.stdout.write(f"Kept the admin's edit of {label} (shipped version not loaded).")
        for label in report.deleted_by_admin:
            self.stdout.write(f"Not recreated {label}: an admin deleted it.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Initial content: {len(report.created)} created, {len(report.updated)} "
                f"updated, {len(report.unchanged)} unchanged, {len(report.kept)} kept as "
                f"edited by an admin."
            )
        )
        if settings.BOOKLET_BUILD_ON_PUBLISH:
            # Even when nothing changed (a new deploy, an empty booklet table): the worker
            # builds what is missing and skips what is stored already.
            queue_all_editions()
            self.stdout.write("Booklet builds queued for `manage.py db_worker`.")
