"""The self-check section's template context, shared by the page view and the POST answer."""

from django.urls import NoReverseMatch, reverse

from ..governance.rules import published_revision
from ..models import HelpSettings, Page
from ..text.rendering import render_markdown
from .headings import heading_titles
from .questions import Marked, questions_in


def questions_url() -> str:
    """The question builder ('Questions for my next visit') when it exists, else Get help."""
    try:
        return reverse("questions")
    except NoReverseMatch:
        return reverse("get-help")


def self_check_context(page: Page, body_html: str, result=None) -> dict:
    """What includes/self_check.html needs; empty when the page has no published questions."""
    questions = questions_in(published_revision(page), HelpSettings.load().fever_threshold_c)
    if not questions:
        return {}
    titles = heading_titles(body_html)
    items = result.marked if result else [Marked(q, "") for q in questions]
    return {
        "self_check": {
            "items": [(m, titles.get(m.question.anchor, "")) for m in items],
            "result": result,
            "reread": [(m, titles.get(m.question.anchor, "")) for m in result.reread]
            if result
            else [],
            "questions_url": questions_url(),
        }
    }


def printable_self_check(page: Page, fever_c, more_sections: str = "") -> tuple:
    """The booklet's self-check for a chapter: (question, section title) pairs.
    ``more_sections``: HTML of other headings the questions may send the reader back to (the
    get-help tiers)."""
    questions = questions_in(published_revision(page), fever_c)
    if not questions:
        return ()
    titles = heading_titles(more_sections + render_markdown(page.body))
    return tuple((q, titles.get(q.anchor, "")) for q in questions)
