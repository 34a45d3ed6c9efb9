"""What needs attention: the admin home page's review dashboard and the reminder e-mails.

- pages overdue for review, or due within ``SOON_DAYS``;
- drafts waiting for clinical approval, and for how long;
- published pages whose wording has no clinical sign-off yet;
- pages above reading grade 8, with their sentences above grade 10;
- help numbers still empty;
- page feedback totals.
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from . import governance
from .admin_records import feedback_totals
from .models import HelpSettings, Page
from .readability import hard_sentences
from .revision_models import Revision

SOON_DAYS = 60
PAGE_GRADE_LIMIT = 8
SENTENCE_GRADE_LIMIT = 10
FEEDBACK_ROWS = 10


@dataclass(frozen=True)
class DueItem:
    page: Page
    days: int  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days < 0


@dataclass(frozen=True)
class Waiting:
    revision: Revision
    days: int

    @property
    def history_url(self) -> str:
        ct = self.revision.content_type
        return reverse(f"admin:{ct.app_label}_{ct.model}_history", args=[self.revision.object_id])


@dataclass(frozen=True)
class HardPage:
    page: Page
    sentences: list[tuple[str, float]] = field(default_factory=list)


def due_for_review(today: datetime.date, soon_days: int = SOON_DAYS) -> list[DueItem]:
    """Published pages whose next review is past or within ``soon_days``, soonest first."""
    limit = today + datetime.timedelta(days=soon_days)
    pages = Page.objects.published().filter(next_review_due__lte=limit).order_by("next_review_due")
    return [DueItem(p, (p.next_review_due - today).days) for p in pages]


def waiting_for_approval(now: datetime.datetime) -> list[Waiting]:
    return [Waiting(r, (now - r.created_at).days) for r in governance.awaiting_approval()]


def without_sign_off() -> list[Page]:
    """Published pages whose live wording has no clinical approval yet."""
    return [p for p in Page.objects.published() if governance.public_approval(p) is None]


def hard_pages() -> list[HardPage]:
    pages = Page.objects.published().filter(reading_grade__gt=PAGE_GRADE_LIMIT)
    return [HardPage(p, hard_sentences(p.body, SENTENCE_GRADE_LIMIT)) for p in pages]


def empty_help_numbers() -> list[str]:
    settings = HelpSettings.load()
    return [
        str(HelpSettings._meta.get_field(name).verbose_name)
        for name in ("phone_24h", "emergency_number")
        if not getattr(settings, name).strip()
    ]


def dashboard() -> dict:
    today, now = timezone.localdate(), timezone.now()
    return {
        "due": due_for_review(today),
        "waiting": waiting_for_approval(now),
        "hard_pages": hard_pages(),
        "unsigned": without_sign_off(),
        "empty_numbers": empty_help_numbers(),
        "feedback": feedback_totals()[:FEEDBACK_ROWS],
        "soon_days": SOON_DAYS,
        "page_grade": PAGE_GRADE_LIMIT,
        "sentence_grade": SENTENCE_GRADE_LIMIT,
    }
