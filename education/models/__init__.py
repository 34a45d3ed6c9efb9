"""The app's models, one module per kind of record; importing them here registers them with
Django and keeps ``from education.models import Page`` working.

``pages`` (Page, the shipped-content fingerprint and sources), ``items`` (ChecklistItem,
GlossaryTerm), ``site`` (HelpSettings, ContentVersion, SearchSynonym), ``translation`` (what a
translatable row shares), ``revisions`` (Revision, Approval, ReviewSettings: governance),
``reviewers`` (ReviewerProfile: an approver's public name and role), ``feedback``
(PageFeedback), ``selfcheck`` (SelfCheckQuestion, SelfCheckAnswer) and ``questions``
(QuestionPrompt: the question builder's list). The submodules import each other directly,
never this package.
"""

from .feedback import PageFeedback
from .items import NEGATIVE_START, ChecklistItem, GlossaryTerm
from .pages import (
    CANONICAL_URL_NAMES,
    GET_HELP_SLUG,
    Page,
    ShippedContent,
    fingerprint,
    parse_sources,
)
from .questions import PROMPT_MAX_LENGTH, QuestionPrompt
from .red_flags import RedFlag
from .reviewers import ReviewerGrant, ReviewerProfile
from .revisions import Approval, ReviewSettings, Revision
from .selfcheck import SelfCheckAnswer, SelfCheckQuestion
from .site import ContentVersion, HelpSettings, SearchSynonym
from .translation import ENGLISH, Translatable, TranslatableQuerySet

__all__ = [
    "CANONICAL_URL_NAMES",
    "ENGLISH",
    "GET_HELP_SLUG",
    "NEGATIVE_START",
    "PROMPT_MAX_LENGTH",
    "Approval",
    "ChecklistItem",
    "ContentVersion",
    "GlossaryTerm",
    "HelpSettings",
    "Page",
    "PageFeedback",
    "QuestionPrompt",
    "RedFlag",
    "ReviewSettings",
    "ReviewerGrant",
    "ReviewerProfile",
    "Revision",
    "SearchSynonym",
    "SelfCheckAnswer",
    "SelfCheckQuestion",
    "ShippedContent",
    "Translatable",
    "TranslatableQuerySet",
    "fingerprint",
    "parse_sources",
]
