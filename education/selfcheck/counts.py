"""Anonymous self-check counts: one row per answered question with the question, the page
revision shown, right or wrong and the date. No answer text, address, cookie or session.

The dashboard lists the questions most often answered wrongly (so editors can see which
sentences need rewriting) and the published pages that have no self-check yet.
"""

from django.db.models import Count, Q

from ..governance.rules import published_revision
from ..models import Page, Revision, SelfCheckAnswer
from .questions import Result

MIN_ANSWERS = 5  # fewer answers than this say nothing about a question


def record_answers(result: Result, revision: Revision) -> None:
    SelfCheckAnswer.objects.bulk_create(
        SelfCheckAnswer(question_id=m.question.id, revision=revision, correct=m.correct)
        for m in result.marked
        if m.answered
    )


def most_often_wrong(limit: int = 10) -> list[dict]:
    """Questions with at least MIN_ANSWERS answers, the highest share of wrong answers first."""
    rows = (
        SelfCheckAnswer.objects.values("question", "question__question", "question__page__title")
        .annotate(total=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
        .filter(total__gte=MIN_ANSWERS, wrong__gt=0)
    )
    ranked = sorted(rows, key=lambda r: (-r["wrong"] / r["total"], -r["total"]))
    return ranked[:limit]


def pages_without_self_check() -> list[Page]:
    """Published pages whose published revision holds no question."""
    missing = []
    for page in Page.objects.published():
        revision = published_revision(page)
        if revision is None or not revision.content.get("self_check"):
            missing.append(page)
    return missing
