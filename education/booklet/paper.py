"""What makes the printed booklet work on paper (issue 24): the blood-bank sheet to tear out,
and the review status said once, on the imprint page, instead of at the end of every chapter.

The blood-bank sheet is the governed "For blood banks" page, rendered from its published
wording like every chapter (never a copy), in the booklet's language where translated.
"""

from dataclasses import dataclass

from ..governance.rules import public_approval
from ..models import CANONICAL_URL_NAMES, Page
from ..translations import localised

BLOOD_BANK_SLUG = "for-blood-banks"
BLOOD_BANK_ANCHOR = "blood-bank-sheet"


@dataclass(frozen=True)
class ReviewStatus:
    """How many printed parts a clinician has signed off, for the imprint page."""

    signed: int
    total: int

    @property
    def pending(self) -> int:
        return self.total - self.signed


def blood_bank_page(language: str) -> Page | None:
    """The published "For blood banks" page in ``language`` (English where not translated)."""
    pages = Page.objects.filter(slug__in=CANONICAL_URL_NAMES)
    found = localised(pages, language, key=lambda p: (p.order, p.title))
    return next((p for p in found if p.slug == BLOOD_BANK_SLUG), None)


def review_status(pages: list[Page]) -> ReviewStatus:
    return ReviewStatus(sum(1 for p in pages if public_approval(p) is not None), len(pages))
