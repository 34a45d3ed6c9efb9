"""E-mail each clinical reviewer what needs them: reviews overdue or due soon, and drafts
waiting for approval that someone else wrote. Ready for cron, e.g. every Monday at 07:00:

    0 7 * * 1  cd /srv/guide && .venv/bin/python manage.py send_review_reminders

Nothing is sent to a reviewer with nothing to do or with no e-mail address.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from education.governance.dashboard import (
    SOON_DAYS,
    DueItem,
    Waiting,
    due_for_review,
    waiting_for_approval,
)
from education.governance.roles import REVIEWERS


def _due_line(item: DueItem) -> str:
    url = settings.SITE_URL + reverse("admin:education_page_change", args=[item.page.pk])
    when = item.page.next_review_due.strftime("%-d %B %Y")
    state = f"OVERDUE since {when}" if item.overdue else f"due {when}"
    return f"- {item.page.title}: {state}\n  {url}"


def _waiting_line(waiting: Waiting) -> str:
    r = waiting.revision
    return (
        f"- {r.content_type.name.capitalize()} '{r.content_object}', revision {r.number} by "
        f"{r.author_name}, waiting {waiting.days} day(s): {r.summary}\n"
        f"  {settings.SITE_URL}{waiting.history_url}"
    )


def reminder_text(due: list[DueItem], waiting: list[Waiting], days: int = SOON_DAYS) -> str:
    parts = ["Hello,\n\nThese items in the isatuximab guide need a clinical reviewer.\n"]
    if due:
        parts.append(f"Reviews overdue or due in the next {days} days:\n")
        parts.extend(_due_line(item) for item in due)
        parts.append("")
    if waiting:
        parts.append("Drafts waiting for your approval:\n")
        parts.extend(_waiting_line(w) for w in waiting)
        parts.append("")
    parts.append("You get this e-mail because you are in the Clinical reviewers group.")
    return "\n".join(parts)


class Command(BaseCommand):
    help = "E-mail each clinical reviewer the reviews due or overdue and drafts to approve."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=SOON_DAYS, help="Look this far ahead.")

    def handle(self, *args, **options) -> None:
        due = due_for_review(timezone.localdate(), options["days"])
        waiting = waiting_for_approval(timezone.now())
        reviewers = (
            get_user_model()
            .objects.filter(groups__name=REVIEWERS, is_active=True)
            .exclude(email="")
        )
        sent = 0
        for reviewer in reviewers.distinct().order_by("pk"):
            theirs = [w for w in waiting if w.revision.author_id != reviewer.pk]
            if not due and not theirs:
                continue
            count = len(due) + len(theirs)
            send_mail(
                subject=f"Isatuximab guide: {count} item(s) need clinical review",
                message=reminder_text(due, theirs, options["days"]),
                from_email=None,
                recipient_list=[reviewer.email],
            )
            sent += 1
        self.stdout.write(f"Sent {sent} reminder e-mail(s).")
