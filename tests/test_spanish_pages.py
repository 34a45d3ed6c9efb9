"""Every public page under /es/ is really Spanish: no "not translated yet" note, no <main>
marked English, and no English sentence of the same page left in its main content.

The tool pages (calendar, wallet card) are checked here too; their answers (result page, PDF,
.ics, card) have their own Spanish tests in tests/schedule/.
"""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from education.models import Page

from .test_i18n import public_paths

NOTES = ("This page is not translated yet, so it is shown in English.",)
_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
# Text people hear or see besides the page body: names read by screen readers, the title and
# the description search engines show.
_ATTRIBUTES = re.compile(
    r'(?:aria-label|title|alt|placeholder)="([^"]+)"|<title>([^<]+)</title>'
    r'|<meta name="description" content="([^"]+)"'
)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
# A glossary word's other spellings list its English names on purpose (a patient meets them on
# English papers and searches for them), so they are not left-over interface text.
_OTHER_SPELLINGS = re.compile(r'<span class="glossary__other">.*?</span>', re.S)


@pytest.fixture
def paths(db) -> list[str]:
    call_command("load_initial_content", stdout=StringIO())
    return public_paths(list(Page.objects.published().filter(language="en")))


def main_text(page: str) -> str:
    """The visible text of the page's <main>, white space made single spaces."""
    main = _MAIN.search(page)
    assert main, "no <main>"
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", main.group(1), flags=re.S)
    text = _OTHER_SPELLINGS.sub(" ", text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def attribute_texts(page: str) -> set[str]:
    """Every label, title and description of three words or more (the site name is left out:
    it follows the page's language on its own)."""
    found = {html.unescape(next(filter(None, m.groups()))) for m in _ATTRIBUTES.finditer(page)}
    texts = {text.split(" | ")[0] for text in found}
    return {text for text in texts if len(text.split()) >= 3}


def english_sentences(text: str) -> list[str]:
    """Sentences of four words or more: short ones (a drug name, "Isa-Pd") may stay the same."""
    return [s for s in _SENTENCE_END.split(text) if len(s.split()) >= 4]


def spanish_notes() -> list[str]:
    with translation.override("es"):
        notes = [translation.gettext(note) for note in NOTES]
    assert all("inglés" in note for note in notes)  # the catalogue really has them
    return notes


def test_no_spanish_page_says_it_is_not_translated_or_marks_its_main_english(client, paths):
    notes = spanish_notes()
    checked = 0
    for path in paths:
        page = client.get(f"/es{path}").content.decode()
        for note in notes:
            assert note not in page, path
        assert 'class="translation-note"' not in page, path
        assert not re.search(r'<main\b[^>]*\blang="en', page), path
        checked += 1
    assert checked >= 30


def test_no_english_sentence_of_a_page_is_left_in_its_spanish_version(client, paths):
    for path in paths:
        english = english_sentences(main_text(client.get(path).content.decode()))
        spanish = main_text(client.get(f"/es{path}").content.decode())
        assert english, path
        left = [sentence for sentence in english if sentence in spanish]
        assert not left, (path, left)


def test_no_english_label_title_or_description_is_left_on_a_spanish_page(client, paths):
    for path in paths:
        english = attribute_texts(client.get(path).content.decode())
        spanish = attribute_texts(client.get(f"/es{path}").content.decode())
        assert len(english) >= 2, path  # at least the search box and the description
        assert not english & spanish, (path, english & spanish)


@pytest.mark.parametrize(
    ("path", "status"),
    [("/es/no-such-page/", 404), ("/es/diary/pdf/?weeks=0", 400)],
)
def test_error_answers_under_es_are_spanish_too(client, db, path, status):
    response = client.get(path)
    assert response.status_code == status
    page = response.content.decode()
    assert not re.search(r'<main\b[^>]*\blang="en', page)
    english = english_sentences(main_text(client.get(path[3:]).content.decode()))
    spanish = main_text(page)
    assert english and not [s for s in english if s in spanish]


def test_a_server_error_under_es_gets_the_spanish_500_page(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the PDF renderer broke")

    monkeypatch.setattr("education.views.render_diary_pdf", broken)
    client = Client(raise_request_exception=False)
    spanish = client.get("/es/diary/pdf/?weeks=2")
    assert spanish.status_code == 500
    html = spanish.content.decode()
    assert "Algo salió mal" in html and '<html lang="es">' in html
    assert "Something went wrong" not in html
    assert "Something went wrong" in client.get("/diary/pdf/?weeks=2").content.decode()


def feedback_pages(client, prefix: str, monkeypatch) -> dict[str, str]:
    """The reason, problem and busy pages answered to a feedback POST from a page."""
    page = f"{prefix}/get-help/"
    pages = {
        "reason": client.post(f"{prefix}/feedback/", {"page": page, "helpful": "no"}),
        "problem": client.post(f"{prefix}/feedback/", {"page": page, "helpful": "maybe"}),
    }
    with monkeypatch.context() as patch:
        patch.setattr("education.feedback.within_rate_limit", lambda path: False)
        pages["busy"] = client.post(f"{prefix}/feedback/", {"page": page, "helpful": "yes"})
    return {name: response.content.decode() for name, response in pages.items()}


def test_the_feedback_pages_under_es_are_spanish(client, db, monkeypatch):
    english = feedback_pages(client, "", monkeypatch)
    spanish = feedback_pages(client, "/es", monkeypatch)
    assert english["busy"] != english["reason"] != english["problem"]
    for name, page in spanish.items():
        assert '<html lang="es">' in page, name
        assert not re.search(r'<main\b[^>]*\blang="en', page), name
        left = [s for s in english_sentences(main_text(english[name])) if s in main_text(page)]
        assert not left, (name, left)
        assert not attribute_texts(english[name]) & attribute_texts(page), name
    assert 'action="/es/feedback/reason/"' in spanish["reason"]
    assert "¿Qué estaba mal en la página?" in spanish["reason"]


def test_a_yes_from_a_spanish_page_thanks_in_spanish(client, db):
    response = client.post("/es/feedback/", {"page": "/es/get-help/", "helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"].startswith("/es/feedback/thanks/")
    html = client.get(response["Location"]).content.decode()
    assert "Gracias por su opinión" in html and 'href="/es/get-help/"' in html
