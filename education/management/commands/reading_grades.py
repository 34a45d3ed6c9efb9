import statistics

from django.core.management.base import BaseCommand

from education.content_loader import CONTENT_DIR, shipped_pages
from education.text.readability import grade_level, spanish_band, spanish_score

SPANISH_TARGET = 70  # Fernández-Huerta: 70 or more is "bastante fácil" (fairly easy)


class Command(BaseCommand):
    help = (
        "Print the reading grade (Flesch-Kincaid) of every shipped English page, and the "
        "Spanish reading ease (Fernández-Huerta) of every shipped Spanish page."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--database", action="store_true", help="Measure the pages in the database instead."
        )

    def handle(self, *args, **options) -> None:
        if options["database"]:
            from education.models import Page

            pages = Page.objects.all()
            english = [(p.slug, p.status, p.body) for p in pages if p.language == "en"]
            spanish = [(p.slug, p.status, p.body) for p in pages if p.language == "es"]
        else:
            english = [(p["slug"], p["status"], p["body"]) for p in shipped_pages()]
            spanish_dir = CONTENT_DIR / "es"
            found = shipped_pages(spanish_dir) if (spanish_dir / "pages").is_dir() else []
            spanish = [(p["slug"], p["status"], p["body"]) for p in found]
        if not english and not spanish:
            self.stdout.write("No pages found.")
            return
        if english:
            self._english([(slug, status, grade_level(body)) for slug, status, body in english])
        if spanish:
            self._spanish([(slug, status, spanish_score(body)) for slug, status, body in spanish])

    def _english(self, rows: list[tuple[str, str, float]]) -> None:
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

    def _spanish(self, rows: list[tuple[str, str, float]]) -> None:
        width = max(len(slug) for slug, _, _ in rows)
        self.stdout.write("")
        self.stdout.write("Spanish pages: Fernández-Huerta reading ease (higher is easier)")
        self.stdout.write(f"{'page'.ljust(width)}  status     score  band")
        for slug, status, score in rows:
            flag = f"  BELOW {SPANISH_TARGET}" if score < SPANISH_TARGET else ""
            band = spanish_band(score)
            self.stdout.write(f"{slug.ljust(width)}  {status:<9}  {score:5.1f}  {band}{flag}")
        scores = [score for _, _, score in rows]
        median = statistics.median(scores)
        self.stdout.write(
            f"{len(scores)} Spanish pages: median {median:.1f} ({spanish_band(median)}), "
            f"lowest {min(scores):.1f} ({spanish_band(min(scores))})"
        )
