"""The shipped Spanish content (education/content/es/) against its English source.

These tests read the files only (no database), so they hold before the loader knows Spanish.
Readability uses the project's own Markdown-to-sentences step (education.text.readability) and the
Spanish Fernández-Huerta formula of textstat 0.7.8: 70 or more is "bastante fácil", 80 or more
"fácil", 90 or more "muy fácil".
"""

import json
import re
from pathlib import Path

import pytest
import textstat

from education.content_loader import CONTENT_DIR, parse_page_file
from education.text.fever import FEVER_TOKEN
from education.text.readability import plain_text

ES_DIR = CONTENT_DIR / "es"
EN_PAGES = sorted((CONTENT_DIR / "pages").glob("*.md"))
PENDING = "Traducción pendiente de revisión clínica"
BASTANTE_FACIL = 70.0

# Common English words that never appear in plain Spanish prose.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|you|your|with|this|that|is|are|will|have|for|of|to|it|if|can|what|when)\b",
    re.IGNORECASE,
)
# Errors found in the seed documents (FACTS.md section 11), in Spanish where they would be.
SEED_ERRORS = re.compile(
    r"xacoyi|denosumab|\bcura\b|\bcurar(?:lo|la|se)?\b|humanizad[oa]|monoterapia"
    r"|de 3 a 4 horas|instrucciones oficiales",
    re.IGNORECASE,
)
LINK_TARGET = re.compile(r"\]\(([^)]*)\)")


def _load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _spanish_page(english: Path) -> Path:
    return ES_DIR / "pages" / english.name


def _prose(text: str) -> str:
    """Text a reader sees: link targets and code spans removed."""
    return re.sub(r"`[^`]*`", " ", LINK_TARGET.sub("]", text))


def _spanish_texts() -> list[tuple[str, str]]:
    """Every Spanish string a reader sees, with where it comes from."""
    found = []
    for path in sorted((ES_DIR / "pages").glob("*.md")):
        page = parse_page_file(path)
        for key in ("title", "summary", "description", "body"):
            found.append((f"{path.name} {key}", page[key]))
    for item in _load(ES_DIR / "checklist.json"):
        found.append((f"checklist {item['order']}", f"{item['text']}\n{item['why']}"))
    for entry in _load(ES_DIR / "glossary.json"):
        found.append((f"glossary {entry['slug']}", f"{entry['term']}\n{entry['definition']}"))
    return found


def _fernandez_huerta(markdown_text: str) -> float:
    previous = textstat.textstat._textstatistics__lang
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(plain_text(markdown_text)))
    finally:
        textstat.set_lang(previous)


@pytest.mark.parametrize("english", EN_PAGES, ids=lambda p: p.name)
def test_it_has_a_spanish_page_with_the_same_slug_order_and_review_dates(english):
    assert _spanish_page(english).exists(), f"no Spanish version of {english.name}"
    en, es = parse_page_file(english), parse_page_file(_spanish_page(english))
    same = ("slug", "order", "last_reviewed", "next_review_due", "show_help")
    assert {k: es[k] for k in same} == {k: en[k] for k in same}
    assert es["reviewer"] == PENDING
    assert es["title"].strip()  # a medicine's name can be the same in both languages
    for key in ("summary", "description", "body"):
        assert es[key].strip() and es[key] != en[key], f"{key} is not translated"


@pytest.mark.parametrize("english", EN_PAGES, ids=lambda p: p.name)
def test_it_keeps_every_source_link(english):
    def links(page: dict) -> list[str]:
        return [line.partition("|")[2].strip() for line in page["sources"].splitlines()]

    en, es = parse_page_file(english), parse_page_file(_spanish_page(english))
    assert links(es) == links(en)


@pytest.mark.parametrize("english", EN_PAGES, ids=lambda p: p.name)
def test_it_keeps_the_fever_token_wherever_the_english_has_it(english):
    en, es = parse_page_file(english), parse_page_file(_spanish_page(english))
    for key in ("summary", "body"):
        assert es[key].count(FEVER_TOKEN) == en[key].count(FEVER_TOKEN), key


@pytest.mark.parametrize("english", EN_PAGES, ids=lambda p: p.name)
def test_its_links_point_to_spanish_addresses(english):
    body = parse_page_file(_spanish_page(english))["body"]
    for target in LINK_TARGET.findall(body):
        if target.startswith("/"):
            assert target.startswith("/es/"), target


def test_there_are_no_spanish_pages_without_an_english_source():
    english = {p.name for p in EN_PAGES}
    assert {p.name for p in (ES_DIR / "pages").glob("*.md")} <= english


def test_every_checklist_item_has_a_spanish_entry_of_the_same_kind_and_group():
    en = {item["order"]: item for item in _load(CONTENT_DIR / "checklist.json")}
    es = {item["order"]: item for item in _load(ES_DIR / "checklist.json")}
    assert es.keys() == en.keys()
    for order, item in en.items():
        assert (es[order]["kind"], es[order]["group"]) == (item["kind"], item["group"]), order
        for key in ("text", "why"):
            assert es[order][key].strip() and es[order][key] != item[key]
            assert es[order][key].count(FEVER_TOKEN) == item[key].count(FEVER_TOKEN), order


def test_every_glossary_term_has_a_spanish_entry_found_by_its_english_name():
    from django.utils.text import slugify

    en = {slugify(entry["term"])[:80]: entry for entry in _load(CONTENT_DIR / "glossary.json")}
    es = {entry["slug"]: entry for entry in _load(ES_DIR / "glossary.json")}
    assert es.keys() == en.keys()
    for slug, entry in en.items():
        spellings = [s.lower() for s in es[slug]["other_spellings"] + [es[slug]["term"]]]
        assert entry["term"].lower() in spellings, slug
        assert es[slug]["definition"].strip() and es[slug]["definition"] != entry["definition"]


@pytest.mark.parametrize("spanish", sorted((ES_DIR / "pages").glob("*.md")), ids=lambda p: p.name)
def test_each_spanish_page_reads_at_least_bastante_facil(spanish):
    score = _fernandez_huerta(parse_page_file(spanish)["body"])
    assert score >= BASTANTE_FACIL, f"{spanish.name}: Fernández-Huerta {score:.1f}"


def test_the_readability_check_can_fail_on_dense_spanish():
    dense = (
        "La administración concomitante de anticuerpos monoclonales quiméricos antiCD38 "
        "condiciona interferencias serológicas en las determinaciones pretransfusionales, "
        "particularmente en la identificación de aloanticuerpos clínicamente significativos."
    )
    assert _fernandez_huerta(dense) < BASTANTE_FACIL
    assert _fernandez_huerta("Lleve su tarjeta. Muéstrela en el hospital.") >= BASTANTE_FACIL


def test_the_readability_check_leaves_textstat_in_its_previous_language():
    before = textstat.textstat._textstatistics__lang
    _fernandez_huerta("Lleve su tarjeta.")
    assert textstat.textstat._textstatistics__lang == before


@pytest.mark.parametrize(("where", "text"), _spanish_texts(), ids=lambda v: v[:40])
def test_no_spanish_text_contains_untranslated_english(where, text):
    found = ENGLISH_WORDS.findall(_prose(text))
    assert not found, f"{where}: English words {found}"


@pytest.mark.parametrize(("where", "text"), _spanish_texts(), ids=lambda v: v[:40])
def test_no_spanish_text_repeats_a_seed_error(where, text):
    assert not SEED_ERRORS.search(text), where


@pytest.mark.parametrize(
    "sentence",
    [
        "Call your team if you have a fever.",
        "El isatuximab (Xacoyi) es un anticuerpo humanizado.",
        "Se combina con denosumab.",
        "Este tratamiento es una cura.",
    ],
)
def test_the_language_and_seed_checks_catch_known_bad_text(sentence):
    assert ENGLISH_WORDS.search(sentence) or SEED_ERRORS.search(sentence)


def _too_long(model, values: dict) -> list[str]:
    return [
        f"{name} has {len(value)} characters, at most {model._meta.get_field(name).max_length}"
        for name, value in values.items()
        if len(value) > model._meta.get_field(name).max_length
    ]


@pytest.mark.parametrize("spanish", sorted((ES_DIR / "pages").glob("*.md")), ids=lambda p: p.name)
def test_each_spanish_page_fits_the_page_fields(spanish):
    from education.models import Page

    page = parse_page_file(spanish)
    fields = ("title", "summary", "description", "reviewer")
    assert not _too_long(Page, {name: page[name] for name in fields})


def test_each_spanish_checklist_item_and_glossary_term_fits_its_fields():
    from education.models import ChecklistItem, GlossaryTerm

    problems = []
    for item in _load(ES_DIR / "checklist.json"):
        values = {"text": item["text"], "why": item["why"]}
        problems += [f"checklist {item['order']}: {p}" for p in _too_long(ChecklistItem, values)]
    for entry in _load(ES_DIR / "glossary.json"):
        values = {
            "term": entry["term"],
            "slug": entry["slug"],
            "other_spellings": ", ".join(entry["other_spellings"]),
        }
        problems += [f"glossary {entry['slug']}: {p}" for p in _too_long(GlossaryTerm, values)]
    assert not problems
