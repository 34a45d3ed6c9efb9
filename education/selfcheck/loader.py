"""Load the shipped self-check questions (``content/self_checks.json`` and
``content/<language>/self_checks.json``) without overwriting admin edits.

Each file maps an English page slug to its questions; a translation's questions go on the
translated page. A page someone has edited in the admin keeps its questions as they are. When a
page's questions change, the page gets a new published revision (sign-off pending, like all
shipped content), so its snapshot (and the public self-check) holds the new questions.
"""

import json
from pathlib import Path

from ..governance.rules import edited_by_someone, published_revision, record_published
from ..models import ENGLISH, Page, SelfCheckQuestion, fingerprint

FILE = "self_checks.json"
LOADED = "Self-check questions loaded from the shipped content files (sign-off pending)"


class SelfCheckFileError(ValueError):
    """The file is malformed; the message names the file and the problem."""


def entry_values(entry: dict, order: int) -> dict:
    choices = entry.get("choices") or ["", "", ""]
    if len(choices) != 3:
        raise SelfCheckFileError(f"{FILE}: {entry.get('key')}: give exactly 3 choices.")
    return {
        "key": entry["key"], "order": order, "kind": entry["kind"],
        "question": entry["question"], "choice_1": choices[0], "choice_2": choices[1],
        "choice_3": choices[2], "answer": int(entry["answer"]),
        "explanation": entry["explanation"], "anchor": entry["anchor"],
        "facts_ref": entry["facts"], "included": True,
    }  # fmt: skip


def _sync_row(page: Page, values: dict) -> bool:
    """Create or update one question; True when something changed."""
    row = page.self_checks.filter(key=values["key"]).first()
    new_hash = fingerprint(values)
    if row is not None and (row.shipped_hash == new_hash or row.content_hash() != row.shipped_hash):
        return False
    row = row or SelfCheckQuestion(page=page, content_key=f"{page.content_key}:{values['key']}")
    for name, value in values.items():
        setattr(row, name, value)
    row.shipped_hash = new_hash
    row.full_clean(exclude=["page"])
    row.save()
    return True


def _sync_page(page: Page, entries: list[dict]) -> bool:
    values = [entry_values(e, (n + 1) * 10) for n, e in enumerate(entries)]
    changed = [_sync_row(page, v) for v in values]
    gone = page.self_checks.exclude(key__in=[v["key"] for v in values]).filter(included=True)
    return any(changed) or bool(gone.update(included=False))


def load_self_checks(content_dir: Path, languages: tuple[str, ...]) -> list[str]:
    """Load every self-check file found (English first); returns the pages kept as edited."""
    kept = []
    for language in (ENGLISH, *languages):
        path = content_dir / FILE if language == ENGLISH else content_dir / language / FILE
        if not path.exists():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise SelfCheckFileError(f"{path.name}: {exc}") from None
        for slug, entries in data.items():
            key = f"page:{slug}" if language == ENGLISH else f"{language}:page:{slug}"
            page = Page.objects.filter(content_key=key).first()
            if page is None:
                raise SelfCheckFileError(f"{language}/{FILE}: no shipped page {slug!r}.")
            if edited_by_someone(page):
                kept.append(f"self-check of page {key}")
            elif _sync_page(page, entries):
                _publish(page)
    return kept


def _publish(page: Page) -> None:
    """A new published revision holding the questions. Shipped translations that matched the
    English page still match it (the Spanish questions ship with the English ones), so they
    move to the new English revision instead of being listed as out of date."""
    old = published_revision(page)
    new = record_published(page, LOADED)
    if page.language == ENGLISH and old is not None:
        translations = Page.objects.filter(translation_of=page, source_revision=old)
        for translation in translations.exclude(content_key=""):
            if not edited_by_someone(translation):
                Page.objects.filter(pk=translation.pk).update(source_revision=new)
