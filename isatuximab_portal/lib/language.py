"""The language the tools write in, without importing Django.

The schedule's sentences live in pure-Python modules (wording, backbone, the PDF and .ics
renderers). They mark every sentence with ``gettext`` (or ``gettext_noop`` for a module-level
constant, translated where it is used), which Django's ``makemessages`` collects into the
catalogue like any other interface string. At run time the translation functions come from the
caller: a view runs inside ``speaking(language, gettext, ngettext)`` with Django's own functions;
everywhere else (doctests, the benchmarks) the text stays English. The functions live in context
variables, so concurrent requests cannot mix their languages, and dates follow the same language
(``dates.written_in``).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .dates import written_in

Translate = Callable[[str], str]
TranslatePlural = Callable[[str, str, int], str]


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


_translate: ContextVar[Translate] = ContextVar("translate", default=_english)
_translate_plural: ContextVar[TranslatePlural] = ContextVar(
    "translate_plural", default=_english_plural
)
_language: ContextVar[str] = ContextVar("language", default="en")


@contextmanager
def speaking(
    language: str,
    translate: Translate = _english,
    translate_plural: TranslatePlural = _english_plural,
) -> Iterator[str]:
    """Write sentences with ``translate`` and dates in ``language`` inside the block.

    >>> with speaking("es", {"Made on": "Hecho el"}.get):
    ...     gettext("Made on")
    'Hecho el'
    >>> gettext("Made on")
    'Made on'
    """
    tokens = (_translate.set(translate), _translate_plural.set(translate_plural))
    language_token = _language.set(language)
    try:
        with written_in(language):
            yield language
    finally:
        _translate.reset(tokens[0])
        _translate_plural.reset(tokens[1])
        _language.reset(language_token)


def current_language() -> str:
    """The language code sentences are written in now ("en" outside ``speaking``), for caches
    of translated text and for data that comes in several languages (holiday names).

    >>> with speaking("es"):
    ...     current_language()
    'es'
    >>> current_language()
    'en'
    """
    return _language.get()


def gettext(message: str) -> str:
    """``message`` in the current language (itself when there is no translation; an empty
    message stays empty, where a catalogue would answer with its header).

    >>> gettext("")
    ''
    """
    return (_translate.get()(message) or message) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language.

    >>> ngettext("{n} tablet", "{n} tablets", 2).format(n=2)
    '2 tablets'
    """
    return _translate_plural.get()(singular, plural, count)


def gettext_noop(message: str) -> str:
    """Mark a module-level constant for the catalogue; translate it with ``gettext`` at use."""
    return message
