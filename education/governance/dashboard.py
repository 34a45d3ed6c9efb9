"""What needs attention: the admin home page's review dashboard and the reminder e-mails.

- pages overdue for review, or due within ``SOON_DAYS``;
- drafts waiting for clinical approval, and for how long;
- published pages whose wording has no clinical sign-off yet;
- pages above reading grade 8, with their sentences above grade 10;
- help numbers still empty; an empty 24-hour number is BLOCKING (listed first): the fever
  panel on "When to get help" then has no number to dial;
- translations whose English original has a newer published revision;
- page feedback totals;
- requests for the reviewer role waiting for a second reviewer to confirm them;
- role changes (reviewer role granted or removed, superuser or staff status, reviewer
  profiles) from the admin's audit log, and every approval made by a superuser (break-glass).
- self-checks: the questions most often answered wrongly, and pages without a self-check.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from ..models import Approval, HelpSettings, Page, Revision
from ..selfcheck.counts import most_often_wrong, pages_without_self_check
from ..text.readability import hard_sentences
from ..translations import is_out_of_date
from . import grants
from . import rules as governance
from .admin_records import feedback_totals
from .admin_users import ROLE_CHANGE

SOON_DAYS = 60
PAGE_GRADE_LIMIT = 8
SENTENCE_GRADE_LIMIT = 10
FEEDBACK_ROWS = 10
AUDIT_DAYS = 90


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


@dataclass(frozen=True)
class StaleTranslation:
    """A translation whose English original changed after it was translated."""

    obj: object
    translated_from: int | None  # the English revision number it was translated from
    english_now: int  # the English revision number published now

    @property
    def kind(self) -> str:
        return str(self.obj._meta.verbose_name)

    @property
    def change_url(self) -> str:
        meta = self.obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk])


def out_of_date_translations() -> list[StaleTranslation]:
    stale = []
    for model in governance.GOVERNED_MODELS:
        translations = model.objects.exclude(translation_of=None).select_related(
            "translation_of", "source_revision"
        )
        for obj in translations:
            if is_out_of_date(obj):
                english = governance.published_revision(obj.translation_of)
                source = obj.source_revision
                stale.append(
                    StaleTranslation(obj, source.number if source else None, english.number)
                )
    return stale


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


def blocking_problems() -> list[str]:
    """What stops the site doing its main job, shown first on the dashboard.

    An empty 24-hour number means a patient with a fever at night sees no number to call on
    the get-help panel, the phone header, the diary or the handout.
    """
    if not HelpSettings.load().phone_24h.strip():
        return [
            "No 24-hour phone number is set. A patient with a fever at night sees no number "
            "to call (get-help panel, phone header, diary, handout)."
        ]
    return []


def role_changes(now: datetime.datetime, days: int = AUDIT_DAYS) -> list[LogEntry]:
    """Changes of role, status or reviewer profile in the last ``days`` days, newest first."""
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            change_message__startswith=ROLE_CHANGE,
            action_time__gte=now - datetime.timedelta(days=days),
        )
        .select_related("user")
        .order_by("-action_time")
    )


def superuser_approvals() -> list[Approval]:
    """Every approval made by a superuser account: break-glass use, to be accounted for."""
    return list(
        Approval.objects.filter(by_superuser=True)
        .select_related("revision__content_type", "reviewer")
        .order_by("-created_at")
    )


def dashboard() -> dict:
    today, now = timezone.localdate(), timezone.now()
    return {
        "due": due_for_review(today),
        "waiting": waiting_for_approval(now),
        "hard_pages": hard_pages(),
        "unsigned": without_sign_off(),
        "stale_translations": out_of_date_translations(),
        "empty_numbers": empty_help_numbers(),
        "blocking": blocking_problems(),
        "feedback": feedback_totals()[:FEEDBACK_ROWS],
        "role_changes": role_changes(now),
        "reviewer_requests": list(grants.waiting_grants()),
        "superuser_approvals": superuser_approvals(),
        "audit_days": AUDIT_DAYS,
        "selfcheck_wrong": most_often_wrong(FEEDBACK_ROWS),
        "selfcheck_missing": pages_without_self_check(),
        "soon_days": SOON_DAYS,
        "page_grade": PAGE_GRADE_LIMIT,
        "sentence_grade": SENTENCE_GRADE_LIMIT,
    }
