"""Which object to show in the active language, and whether a translation is out of date.

A Spanish visitor sees the Spanish version of each page, checklist item and glossary term;
where none is published yet, the English one is shown instead (the templates mark it
``lang="en"``). A translation is *out of date* when its English original has a published
revision newer than the one it was translated from (``source_revision``).
"""

import unicodedata
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils import translation

from .governance.rules import published_revision
from .models import ENGLISH


def active_language() -> str:
    return translation.get_language() or ENGLISH


def localised(queryset: models.QuerySet, language: str, key: Callable[[Any], Any]) -> list:
    """Published objects in ``language``, plus the English ones not translated yet."""
    published = queryset.published()
    if language == ENGLISH:
        return sorted(published.for_language(ENGLISH), key=key)
    own = list(published.for_language(language))
    translated = {obj.translation_of_id for obj in own}
    english = [obj for obj in published.for_language(ENGLISH) if obj.pk not in translated]
    return sorted(own + english, key=key)


def alphabetical(text: str) -> str:
    """A sort key that files an accented letter with its plain letter.

    >>> sorted(["Zinc", "Ácido", "anemia"], key=alphabetical)
    ['Ácido', 'anemia', 'Zinc']
    """
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def is_out_of_date(obj: models.Model) -> bool:
    """True when the English original has a newer published revision than the translation's."""
    source = getattr(obj, "translation_of", None)
    if source is None:
        return False
    latest = published_revision(source)
    if latest is None:
        return False
    translated_from = obj.source_revision
    if translated_from is None or translated_from.object_id != source.pk:
        return True
    return latest.number > translated_from.number


def english_url(obj: models.Model) -> str:
    """The public address of ``obj``'s English original."""
    with translation.override(ENGLISH):
        return obj.translation_of.get_absolute_url()
