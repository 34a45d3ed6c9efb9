"""The booklet PDF read back with pypdf: what it prints, what it leaves out, its tagging,
contents page numbers, footers and paper sizes.

The four editions of a small set of content are built once for the module (building is the
slow part), through the real view, inside a transaction that is rolled back afterwards.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from pypdf.generic import IndirectObject

from education.models import HelpSettings, Page
from tests.education.conftest import make_item, make_page, make_term

from .conftest import (
    A4_MEDIABOX,
    LETTER_MEDIABOX,
    content_rolled_back,
    flat,
    pdf_text,
    reader,
    runs_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]

A4 = "/booklet/isatuximab-guide-a4.pdf"
LETTER = "/booklet/isatuximab-guide-letter.pdf"
A4_LARGE = "/booklet/isatuximab-guide-a4-large-print.pdf"
LETTER_LARGE = "/booklet/isatuximab-guide-letter-large-print.pdf"
SECTIONS = [
    "Do's and don'ts checklist",
    "Medical words explained",
    "When to get help",
    "Where this information comes from",
]


def make_content() -> dict:
    first = make_page(
        title="What is isatuximab?",
        slug="what-is-isatuximab",
        body="## The main points\n\n- It is a medicine for myeloma.\n- It is given as an infusion."
        "\n\nRead about [side effects](/learn/side-effects/) and the [checklist](/checklist/).",
        last_reviewed=datetime.date(2026, 10, 2),
    )
    second = make_page(
        title="Side effects",
        slug="side-effects",
        show_help=True,
        body="## How common they are\n\n| Side effect | How often |\n|---|---|\n"
        "| Feeling tired | Common |\n| Chills | Common |\n\nMore on the "
        "[calendar](/schedule/).",
        last_reviewed=datetime.date(2026, 11, 21),
    )
    draft = make_page(
        title="A page still being written",
        slug="still-being-written",
        status=Page.Status.DRAFT,
        body="Wording nobody has approved yet.",
    )
    items = [
        make_item("do", "Eat a light snack before you come", why="It helps you feel steady."),
        make_item("dont", "Skip a dose without asking", why="Your dates depend on it."),
    ]
    hidden_item = make_item("do", "An item taken off the list", published=False)
    terms = [
        make_term("Myeloma", "A cancer of plasma cells in the bone marrow."),
        make_term("Infusion", "Medicine given slowly through a drip.", "infusions"),
    ]
    hidden_term = make_term("Withdrawn word", "Not shown any more.")
    hidden_term.published = False
    hidden_term.save()
    HelpSettings(
        centre_name="St Example cancer unit", phone_24h="0800 123 4567", emergency_number="999"
    ).save()
    return {"pages": [first, second], "draft": draft, "items": items, "terms": terms,
            "hidden": [hidden_item.text, hidden_term.term]}  # fmt: skip


def get_pdf(client, url: str = A4) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


@pytest.fixture(scope="module")
def built(needs_weasyprint, django_db_setup, django_db_blocker) -> tuple[dict, dict[str, bytes]]:
    """(content, {url: PDF}) for the four editions."""
    with content_rolled_back(django_db_blocker):
        content = make_content()
        client = Client()
        pdfs = {url: get_pdf(client, url) for url in (A4, LETTER, A4_LARGE, LETTER_LARGE)}
    return content, pdfs


@pytest.fixture
def content(built) -> dict:
    return built[0]


@pytest.fixture
def a4(built) -> bytes:
    return built[1][A4]


def test_it_prints_every_page_the_checklist_the_glossary_and_the_help_numbers(content, a4):
    text = pdf_text(a4)
    for page in content["pages"]:
        assert page.title in text
        assert flat(page.summary) in text
    for item in content["items"]:
        assert item.text in text and item.why in text
    for term in content["terms"]:
        assert term.term in text and term.definition in text
    for wording in ["0800 123 4567", "999", "St Example cancer unit", *SECTIONS]:
        assert wording in text
    assert "Feeling tired" in text  # table cells


def test_it_leaves_out_drafts_and_unpublished_items(content, a4):
    text = pdf_text(a4)
    assert content["draft"].title not in text
    assert "nobody has approved" not in text
    for hidden in content["hidden"]:
        assert hidden not in text


def test_it_shows_the_fever_threshold_in_celsius_and_fahrenheit(content, a4):
    assert "38 °C (100.4 °F) or higher" in pdf_text(a4)


def test_it_follows_the_fever_threshold_set_for_the_site(client, monkeypatch):
    make_content()
    settings = HelpSettings.load()
    settings.fever_threshold_c = Decimal("37.5")  # the content work adds this field
    monkeypatch.setattr(HelpSettings, "load", classmethod(lambda cls: settings))
    assert "37.5 °C (99.5 °F) or higher" in pdf_text(get_pdf(client))


def test_the_cover_gives_review_dates_publisher_and_site_address(content, a4):
    cover = flat(reader(a4).pages[0].extract_text())
    assert "Your guide to isatuximab (Sarclisa)" in cover
    assert "last reviewed between 2 October 2026 and 21 November 2026" in cover
    assert "Published by Isatuximab treatment guide" in cover
    assert "http://testserver/" in cover
    assert "not medical advice" in cover


def test_it_is_a_tagged_pdf_ua_with_language_title_and_embedded_fonts(content, a4):
    pdf = reader(a4)
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en-GB"
    assert pdf.metadata.title == "Your guide to isatuximab (Sarclisa)"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], "every font is embedded"


def structure_roles(node, roles: set[str]) -> set[str]:
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if isinstance(node, list):
        for child in node:
            structure_roles(child, roles)
    elif hasattr(node, "get"):
        if "/S" in node:
            roles.add(str(node["/S"]))
        if "/K" in node:
            structure_roles(node["/K"], roles)
    return roles


def test_its_structure_tree_holds_headings_lists_and_tables(content, a4):
    tree = reader(a4).trailer["/Root"]["/StructTreeRoot"]
    roles = structure_roles(tree["/K"], set())
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Link"} <= roles


def test_the_contents_give_the_right_page_for_every_section(content, a4):
    pdf = reader(a4)
    contents = pdf.pages[2].extract_text()  # after the cover and the imprint page
    listed = dict(re.findall(r"^(.+?)\s*(?:\.\s*){3,}(\d+)$", contents, flags=re.MULTILINE))
    front = ["When to get help", "Numbers to keep by your phone"]  # issue 24: help first
    back = [s for s in SECTIONS if s != "When to get help"]
    titles = front + [page.title for page in content["pages"]] + back
    assert list(listed) == titles
    for title, number in listed.items():
        assert title in flat(pdf.pages[int(number) - 1].extract_text())


def footer_of(page) -> str:
    """The text in the bottom margin (below 24 mm, about 68 pt)."""
    return " ".join(run.text for run in runs_of(page) if run.y < 68)


def test_every_page_after_the_cover_has_its_number_and_section_in_the_footer(content, a4):
    pdf = reader(a4)
    total = len(pdf.pages)
    assert footer_of(pdf.pages[0]) == ""
    for number, page in enumerate(pdf.pages[1:], start=2):
        assert f"Page {number} of {total}" in footer_of(page)
    side_effects = next(p for p in pdf.pages if "How common they are" in p.extract_text())
    assert footer_of(side_effects).startswith("Side effects Page")
    assert footer_of(pdf.pages[-1]).startswith("Where this information comes from Page")


@pytest.mark.parametrize(
    ("url", "mediabox"),
    [
        (A4, A4_MEDIABOX),
        (LETTER, LETTER_MEDIABOX),
        (A4_LARGE, A4_MEDIABOX),
        (LETTER_LARGE, LETTER_MEDIABOX),
    ],
)
def test_each_edition_has_its_paper_size(built, url, mediabox):
    for page in reader(built[1][url]).pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == mediabox


def link_targets(pdf) -> tuple[list[str], int]:
    """(web addresses linked, number of links that jump within the document)."""
    uris, internal = [], 0
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if "/URI" in action:
                uris.append(str(action["/URI"]))
            elif "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
    return uris, internal


def test_links_to_printed_sections_jump_within_the_booklet_and_others_are_full(content, a4):
    uris, internal = link_targets(reader(a4))
    assert internal >= len(content["pages"]) + len(SECTIONS)  # at least the contents
    assert "http://testserver/schedule/" in uris
    assert "https://example.org/label" in uris  # sources
    assert not [uri for uri in uris if "/learn/" in uri or "/checklist/" in uri]


def test_no_heading_is_left_alone_at_the_foot_of_a_page(client):
    # Many headings after paragraphs of growing length: without the keep-with-next rule,
    # some of them land on the last line of a page.
    parts = [
        f"## Part {n}\n\n" + " ".join(["Short plain words in a sentence."] * (n % 9 + 1))
        for n in range(1, 60)
    ]
    make_page(title="A long page", slug="a-long-page", body="\n\n".join(parts))
    pdf = reader(get_pdf(client))
    chapter = [page for page in pdf.pages if footer_of(page).startswith("A long page Page")]
    assert len(chapter) >= 3
    for page in chapter:
        body = [run for run in runs_of(page) if run.y > 68]  # above the footer
        lowest = min(body, key=lambda run: run.y)
        assert lowest.size <= 12, f"{footer_of(page)} ends with a heading: {lowest.text!r}"


def test_table_rows_are_never_split_across_pages(client):
    filler = " ".join(["plain words"] * 30)
    rows = "\n".join(f"| Row{n}start {filler} Row{n}end | Cell {n} |" for n in range(1, 40))
    body = f"## A big table\n\n| What | Which |\n|---|---|\n{rows}\n"
    make_page(title="A page with a big table", slug="a-big-table", body=body)
    pages = [flat(page.extract_text()) for page in reader(get_pdf(client)).pages]
    assert len([text for text in pages if "start" in text]) >= 2, "the table spans pages"
    for n in range(1, 40):
        (start,) = [i for i, text in enumerate(pages) if f"Row{n}start" in text]
        (end,) = [i for i, text in enumerate(pages) if f"Row{n}end" in text]
        assert start == end, f"row {n} is split between pages {start + 1} and {end + 1}"
