"""The booklet of the content the site ships with, in standard and large print: every page is
in it, large print never drops below 16 pt and takes more pages, and no heading is left alone
at the foot of a page. Both editions are built once for the module."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from education.booklet.views import BY_FILENAME
from education.models import CANONICAL_URL_NAMES, Page

from .conftest import Run, content_rolled_back, flat, read_page, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]

STANDARD = "isatuximab-guide-a4.pdf"
LARGE = "isatuximab-guide-a4-large-print.pdf"
FOOTER_TOP = 68  # points from the bottom: the 24 mm bottom margin holds only the footer


@dataclass(frozen=True)
class Read:
    """A PDF read once: its whole text and, page by page, its runs of text."""

    text: str
    pages: list[list[Run]]


def read(pdf: bytes) -> Read:
    texts, pages = [], []
    for page in reader(pdf).pages:
        text, runs = read_page(page)
        texts.append(text)
        pages.append(runs)
    return Read(flat(" ".join(texts)), pages)


@pytest.fixture(scope="module")
def shipped(needs_weasyprint, django_db_setup, django_db_blocker) -> tuple[list[str], dict]:
    """(published learn page titles, {file name: PDF read}) for the shipped content."""
    with content_rolled_back(django_db_blocker):
        call_command("load_initial_content", stdout=StringIO())
        titles = list(
            Page.objects.published()
            .for_language("en")  # the booklet is English only for now
            .exclude(slug__in=CANONICAL_URL_NAMES)
            .values_list("title", flat=True)
        )
        client = Client()
        pdfs = {name: read(client.get(f"/booklet/{name}").content) for name in (STANDARD, LARGE)}
    return titles, pdfs


def test_both_editions_hold_every_shipped_page_in_site_order(shipped):
    titles, pdfs = shipped
    assert len(titles) >= 10
    for pdf in pdfs.values():
        text = pdf.text
        positions = [text.index(title, text.index("Contents")) for title in titles]
        assert positions == sorted(positions)


def test_large_print_never_uses_text_smaller_than_16_points(shipped):
    sizes = [run.size for page in shipped[1][LARGE].pages for run in page]
    assert len(sizes) > 1000
    assert min(sizes) >= 16


def body_size(pdf: Read) -> float:
    """The size most of the characters are set in."""
    counts: dict[float, int] = {}
    for page in pdf.pages:
        for run in page:
            counts[run.size] = counts.get(run.size, 0) + len(run.text)
    return max(counts, key=counts.get)


def test_the_body_text_is_12_points_in_standard_and_16_in_large_print(shipped):
    pdfs = shipped[1]
    assert body_size(pdfs[STANDARD]) == BY_FILENAME[STANDARD].body_pt == 12
    assert body_size(pdfs[LARGE]) == BY_FILENAME[LARGE].body_pt == 16


def test_large_print_takes_more_pages(shipped):
    pdfs = shipped[1]
    assert len(pdfs[LARGE].pages) > len(pdfs[STANDARD].pages) * 1.3


@pytest.mark.parametrize("name", [STANDARD, LARGE])
def test_no_heading_is_left_alone_at_the_foot_of_a_page(shipped, name):
    body_pt = BY_FILENAME[name].body_pt
    for number, page in enumerate(shipped[1][name].pages, start=1):
        lowest = min((run for run in page if run.y > FOOTER_TOP), key=lambda r: r.y)
        assert lowest.size <= body_pt, f"page {number} ends with a heading: {lowest.text!r}"


@pytest.mark.parametrize("name", [STANDARD, LARGE])
def test_the_cover_fits_one_page_and_the_imprint_and_contents_come_next(shipped, name):
    second_page, third_page = shipped[1][name].pages[1:3]
    assert second_page[0].text == "About this booklet"
    assert third_page[0].text == "Contents"
