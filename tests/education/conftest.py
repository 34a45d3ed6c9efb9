import datetime
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from education.models import ChecklistItem, GlossaryTerm, Page


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def make_page(**fields) -> Page:
    n = Page.objects.count() + 1
    values = {
        "title": f"Test page {n}",
        "slug": f"test-page-{n}",
        "summary": f"The main message of page {n}.",
        "description": f"Description of test page {n}.",
        "body": "## Part one\n\nYou get the medicine through a drip.",
        "order": n * 10,
        "status": Page.Status.PUBLISHED,
        "last_reviewed": datetime.date(2026, 11, 1),
        "next_review_due": datetime.date(2027, 11, 1),
        "reviewer": "Myeloma nurse specialist",
        "sources": "US prescribing information, section 2 | https://example.org/label",
    }
    values.update(fields)
    return Page.objects.create(**values)


def make_term(term: str, definition: str, other_spellings: str = "") -> GlossaryTerm:
    return GlossaryTerm.objects.create(
        term=term, definition=definition, other_spellings=other_spellings
    )


def make_item(kind: str, text: str, why: str = "It keeps you safe.", **fields) -> ChecklistItem:
    return ChecklistItem.objects.create(kind=kind, text=text, why=why, **fields)


PAGE_FILE = """---
title: {title}
slug: {slug}
summary: A short main message about {slug}.
description: Meta description for {slug}.
order: {order}
show_help: {show_help}
last_reviewed: 2026-11-21
next_review_due: 2027-11-21
reviewer: Content team
source: US prescribing information, section 1 | https://example.org/label
source: A book with no link |
---
## Heading

{body}
"""


def write_content(root: Path, pages: list[dict], checklist=None, glossary=None, help=None):
    """Write a small content folder in the shipped format and return its path."""
    (root / "pages").mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages, start=1):
        values = {"order": number * 10, "show_help": "no", "body": "Plain words here."} | page
        (root / "pages" / f"{number:02d}-{page['slug']}.md").write_text(
            PAGE_FILE.format(**values), encoding="utf-8"
        )
    for name, data in [("checklist", checklist), ("glossary", glossary), ("help", help)]:
        if data is not None:
            (root / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return root


def migrate(targets):
    """Migrate the test database to ``targets`` and return the app registry as it stood there
    (the data-migration tests write rows through it)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps
