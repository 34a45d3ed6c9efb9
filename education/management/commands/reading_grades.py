import statistics

from django.core.management.base import BaseCommand

from education.content_loader import shipped_pages
from education.readability import grade_level


class Command(BaseCommand):
    help = "Print the reading grade (Flesch-Kincaid) of every shipped page and of the database."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--database", action="store_true", help="Measure the pages in the database instead."
        )

    def handle(self, *args, **options) -> None:
        if options["database"]:
            from education.models import Page

            rows = [(p.slug, p.status, float(p.reading_grade)) for p in Page.objects.all()]
        else:
            rows = [(p["slug"], p["status"], grade_level(p["body"])) for p in shipped_pages()]
        if not rows:
            self.stdout.write("No pages found.")
            return
        width = max(len(slug) for slug, _, _ in rows)
        self.stdout.write(f"{'page'.ljust(width)}  status     grade")
        for slug, status, grade in rows:
            flag = "  ABOVE 8" if grade > 8 else ""
            self.stdout.write(f"{slug.ljust(width)}  {status:<9}  {grade:5.1f}{flag}")
        grades = [grade for _, _, grade in rows]
        self.stdout.write(
            f"{len(grades)} pages: median {statistics.median(grades):.1f}, "
            f"highest {max(grades):.1f}"
        )
