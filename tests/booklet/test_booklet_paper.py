"""Issue 24: the booklet works on paper, in every edition and both languages.

Each edition of the shipped content is built once (WeasyPrint) and read back with pypdf.
Where a title really starts is found from the laid-out PDF: the page whose chapter-heading
text (the runs drawn at the <h1> size) is that title. The contents and every cross-reference
"(page N)" must give that page; "When to get help" and "Numbers to keep by your phone" come in
the first pages; the blood-bank sheet is last; "clinical review pending" is said once.
"""

import functools
import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from education.booklet.content import booklet_context
from education.booklet.editions import EDITIONS
from education.booklet.render import build_booklet

from .conftest import content_rolled_back, flat, read_page, reader

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.booklet_build,
    pytest.mark.usefixtures("needs_weasyprint"),
]

SITE = "https://guide.example.org/"
LANGUAGES = ("en", "es")
CASES = [(e, lang) for lang in LANGUAGES for e in EDITIONS]
H1_EM = 1.7  # booklet.css: h1 { font-size: 1.7em }
FRONT_PAGES = 6  # cover, imprint, contents (two pages in large print), get help
_LINK = re.compile(r'<a href="#([\w-]+)"[^>]*>(.*?)</a>', re.S)


@pytest.fixture(scope="module")
def built(needs_weasyprint, django_db_setup, django_db_blocker):
    """A function (edition, language) -> (context, [(page text, heading text)]) built once."""
    with content_rolled_back(django_db_blocker):
        call_command("load_initial_content", stdout=StringIO())

        @functools.cache
        def build(edition, language):
            with translation.override(language):
                context = booklet_context(SITE, language)
                pdf = build_booklet(edition, context, SITE)
            return context, [_page(page, edition.body_pt * H1_EM) for page in reader(pdf).pages]

        yield build


def _page(page, h1_size: float) -> tuple[str, str]:
    text, runs = read_page(page)
    heading = " ".join(run.text for run in runs if run.size >= h1_size - 0.5)
    return flat(text), flat(heading)


def start_page(pages, title: str) -> int:
    """The 1-based page whose chapter heading is `title` (the first, after the contents)."""
    found = [n for n, (_, heading) in enumerate(pages, start=1) if heading == flat(title)]
    assert len(found) == 1, f"{title!r} heads pages {found}"
    return found[0]


def contents(pages, language: str, labels: list[str]) -> list[tuple[str, int]]:
    """(label, page) for each expected contents entry, read from the contents pages in order
    (a long title wraps and its dot leader shrinks, so entries are found by their words)."""
    with translation.override(language):
        heading = translation.gettext("Contents")
    start = next(n for n, (_, h) in enumerate(pages) if h == heading)
    text = " ".join(t for t, h in pages[start : start + 3] if not h or h == heading)
    text = text.split(heading, 1)[1]
    found, at = [], 0
    for label in labels:
        match = re.compile(re.escape(flat(label)) + r"[\s.]*?(\d+)").search(text, at)
        assert match, f"{label!r} is not in the contents"
        found.append((label, int(match.group(1))))
        at = match.end()
    return found


def toc_labels(context, language: str) -> list[tuple[str, str]]:
    """(contents label, heading it points to), in the order the contents list them."""
    with translation.override(language):
        words = [translation.gettext(w) for w in (
            "When to get help", "Numbers to keep by your phone", "Do's and don'ts checklist",
            "Medical words explained", "Where this information comes from",
            "%(title)s (a sheet to tear out)")]  # fmt: skip
    sheet = context["blood_bank"].page.title
    return [
        (words[0], words[0]), (words[1], ""),
        *[(c.page.title, c.page.title) for c in context["chapters"]],
        (words[2], words[2]), (words[3], words[3]), (words[4], words[4]),
        (words[5] % {"title": sheet}, sheet),
    ]  # fmt: skip


@pytest.mark.parametrize(("edition", "language"), CASES, ids=lambda c: getattr(c, "key", c))
def test_the_contents_give_the_page_where_each_title_starts(built, edition, language):
    context, pages = built(edition, language)
    labels = toc_labels(context, language)
    listed = contents(pages, language, [label for label, _ in labels])
    assert len(listed) == len(context["chapters"]) + 6
    for (label, number), (_, heading) in zip(listed, labels, strict=True):
        if not heading:  # the numbers to keep by the phone: a part of "When to get help"
            assert label in pages[number - 1][0]
            continue
        assert start_page(pages, heading) == number, f"{label}: listed {number}"


@pytest.mark.parametrize(("edition", "language"), CASES, ids=lambda c: getattr(c, "key", c))
def test_every_cross_reference_gives_the_page_of_its_target(built, edition, language):
    context, pages = built(edition, language)
    titles = {c.anchor: c.page.title for c in context["chapters"]}
    with translation.override(language):
        titles["get-help"] = translation.gettext("When to get help")
        word = translation.gettext(" (page {page})").split("{page}")[0]
    text = " ".join(t for t, _ in pages)
    targets: dict[str, set[str]] = {}
    for chapter in context["chapters"]:
        for anchor, inner in _LINK.findall(chapter.body_html):
            if anchor in titles:  # not glossary words: the glossary is the place for them
                label = flat(html.unescape(re.sub(r"<[^>]+>", "", inner)))
                targets.setdefault(label, set()).add(anchor)
    checked = 0
    for label, anchors in targets.items():
        if len(anchors) > 1:
            continue  # the same words link to two places: the text cannot tell them apart
        # "steroid side effects page" must not count as a "side effects page" link.
        longer = [other[: -len(label)] for other in targets if other.endswith(label)]
        guard = "".join(f"(?<!{re.escape(prefix)})" for prefix in longer if prefix)
        # The "(page N)" box starts after a small margin, so the text may show no space.
        pattern = guard + r"(?<![\w-])" + re.escape(label) + r"\s?" + re.escape(word.strip())
        pattern += r" (\d+)\)"
        target = start_page(pages, titles[next(iter(anchors))])
        for number in re.findall(pattern, text):
            assert int(number) == target, f"{label!r} says page {number}, starts on {target}"
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize(("edition", "language"), CASES, ids=lambda c: getattr(c, "key", c))
def test_get_help_and_the_numbers_come_first_and_the_blood_bank_sheet_last(
    built, edition, language
):
    context, pages = built(edition, language)
    with translation.override(language):
        get_help = translation.gettext("When to get help")
        numbers = translation.gettext("Numbers to keep by your phone")
        pending = translation.gettext("Clinical review: pending.")
    first_chapter = start_page(pages, context["chapters"][0].page.title)
    assert start_page(pages, get_help) < first_chapter
    assert start_page(pages, get_help) <= FRONT_PAGES
    assert numbers in pages[start_page(pages, get_help) - 1][0]
    sheet = start_page(pages, context["blood_bank"].page.title)
    assert sheet > start_page(pages, context["chapters"][-1].page.title)
    assert not any(heading for _, heading in pages[sheet:])  # nothing after it: it tears out
    with translation.override(language):
        cut = translation.gettext(
            "Cut or tear along this line and give this sheet to the blood bank or transfusion lab."
        )
    assert flat(cut)[:30] in pages[sheet - 1][0]
    whole = " ".join(t for t, _ in pages)
    assert whole.count(pending) == 1 and pending in pages[1][0]  # the imprint page, once
    assert "A clinician has not yet signed off this wording" not in whole
