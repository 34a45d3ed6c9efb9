"""Load the initial content shipped in education/content/ without overwriting admin edits.

Each object remembers the fingerprint of the shipped version it was last loaded from. On a
reload an object is updated only while its current content still has that fingerprint (no
one has edited it since, and no one has saved a draft of it); otherwise the admin's edit is
kept and reported. An object an admin deleted is not brought back: its revisions outlive it
and name its key. Every object created or updated gets a published revision with clinical
sign-off pending (governance.rules).

Translations live in ``content/<language>/`` (e.g. ``content/es/``) in the same formats. Each is
linked to its English original (pages by slug, checklist items and question prompts by
``order``, glossary terms by
an ``"english"`` key naming the English term, or a ``"slug"`` key with the English term's
slug) and to the English revision published when it was loaded (``source_revision``).
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from .governance.rules import edited_by_someone, published_revision, record_published
from .models import (
    ChecklistItem,
    GlossaryTerm,
    HelpSettings,
    Page,
    QuestionPrompt,
    RedFlag,
    Revision,
    ShippedContent,
    fingerprint,
)
from .models.translation import ENGLISH
from .selfcheck.loader import SelfCheckFileError, load_self_checks

CONTENT_DIR = Path(__file__).resolve().parent / "content"

PAGE_KEYS = {
    "title", "slug", "summary", "description", "order", "show_help", "last_reviewed",
    "next_review_due", "reviewer", "source", "status",
}  # fmt: skip
REQUIRED_PAGE_KEYS = PAGE_KEYS - {"source", "status", "show_help"}
LOADED = "Loaded from the shipped content files (clinical sign-off pending)"
TRANSLATIONS = ("es",)
# Shown as "Reviewed by" on a shipped translation until a clinician approves it.
PENDING_TRANSLATION_REVIEW = {"es": "Traducción pendiente de revisión clínica"}
YES = {"yes", "true", "1", "on"}
NO = {"no", "false", "0", "off", ""}


class ContentError(ValueError):
    """A shipped content file is malformed; the message names the file and the problem."""


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    deleted_by_admin: list[str] = field(default_factory=list)


def parse_page_file(path: Path) -> dict:
    """A page file: front matter between '---' lines, then the Markdown body."""
    text = path.read_text(encoding="utf-8")
    parts = text.split("\n---", 1) if text.startswith("---") else []
    if len(parts) != 2:
        raise ContentError(f"{path.name}: must start with front matter between '---' lines.")
    header, body = parts[0][3:], parts[1]
    values: dict = {"source": []}
    for number, line in enumerate(header.splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or key not in PAGE_KEYS:
            raise ContentError(f"{path.name}: front matter line {number} is not understood.")
        if key == "source":
            values["source"].append(value)
        else:
            values[key] = value
    missing = REQUIRED_PAGE_KEYS - values.keys()
    if missing:
        raise ContentError(f"{path.name}: missing {', '.join(sorted(missing))}.")
    return _page_values(path.name, values, body.lstrip("\n").rstrip() + "\n")


def _page_values(name: str, raw: dict, body: str) -> dict:
    try:
        order = int(raw["order"])
        last_reviewed = datetime.date.fromisoformat(raw["last_reviewed"])
        next_review_due = datetime.date.fromisoformat(raw["next_review_due"])
    except ValueError as exc:
        raise ContentError(f"{name}: {exc}") from None
    show_help = raw.get("show_help", "no").lower()
    if show_help not in YES | NO:
        raise ContentError(f"{name}: show_help must be yes or no.")
    status = raw.get("status", Page.Status.PUBLISHED)
    if status not in Page.Status.values:
        raise ContentError(f"{name}: status must be draft or published.")
    sources = []
    for source in raw["source"]:
        label, _, url = source.partition("|")
        sources.append(f"{label.strip()} | {url.strip()}" if url.strip() else label.strip())
    return {
        "title": raw["title"],
        "slug": raw["slug"],
        "summary": raw["summary"],
        "description": raw["description"],
        "body": body,
        "order": order,
        "status": status,
        "show_help": show_help in YES,
        "last_reviewed": last_reviewed,
        "next_review_due": next_review_due,
        "reviewer": raw["reviewer"],
        "sources": "\n".join(sources),
    }


def _read_json(path: Path) -> list | dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ContentError(f"{path.name}: not valid JSON ({exc}).") from None


def shipped_pages(content_dir: Path = CONTENT_DIR) -> list[dict]:
    return [parse_page_file(p) for p in sorted((content_dir / "pages").glob("*.md"))]


def shipped_checklist(content_dir: Path = CONTENT_DIR) -> list[dict]:
    path = content_dir / "checklist.json"
    if not path.exists():
        return []
    items = []
    for entry in _read_json(path):
        kind = entry.get("kind")
        if kind not in ChecklistItem.Kind.values:
            raise ContentError(f"checklist.json: kind must be 'do' or 'dont', not {kind!r}.")
        group = entry.get("group", ChecklistItem.Group.EVERY_DAY)
        if group not in ChecklistItem.Group.values:
            choices = ", ".join(ChecklistItem.Group.values)
            raise ContentError(f"checklist.json: group must be one of {choices}, not {group!r}.")
        items.append(
            {
                "kind": kind,
                "text": entry["text"],
                "why": entry["why"],
                "group": group,
                "order": int(entry["order"]),
                "published": bool(entry.get("published", True)),
            }
        )
    return items


def shipped_glossary(content_dir: Path = CONTENT_DIR) -> list[dict]:
    path = content_dir / "glossary.json"
    if not path.exists():
        return []
    return [
        {
            "term": entry["term"],
            "other_spellings": ", ".join(entry.get("other_spellings", [])),
            "definition": entry["definition"],
            "published": bool(entry.get("published", True)),
        }
        for entry in _read_json(path)
    ]


def shipped_red_flags(content_dir: Path = CONTENT_DIR) -> list[dict]:
    path = content_dir / "red_flags.json"
    if not path.exists():
        return []
    flags = []
    for entry in _read_json(path):
        if entry.get("tier") not in RedFlag.Tier.values:
            choices = ", ".join(RedFlag.Tier.values)
            raise ContentError(f"red_flags.json: tier must be one of {choices}.")
        flags.append(
            {
                "tier": entry["tier"],
                "text": entry["text"],
                "regimens": ", ".join(entry.get("regimens", ["all"])),
                "facts_ref": entry["facts_ref"],
                "order": int(entry["order"]),
                "published": bool(entry.get("published", True)),
            }
        )
    return flags


def shipped_questions(content_dir: Path = CONTENT_DIR) -> list[dict]:
    """The question builder's prompts (``questions.json``), keyed like checklist items by
    ``order``; a translation is linked to the English prompt with the same order."""
    path = content_dir / "questions.json"
    if not path.exists():
        return []
    prompts = []
    for entry in _read_json(path):
        group = entry.get("group")
        if group not in QuestionPrompt.Group.values:
            choices = ", ".join(QuestionPrompt.Group.values)
            raise ContentError(f"questions.json: group must be one of {choices}, not {group!r}.")
        prompts.append(
            {
                "text": entry["text"],
                "group": group,
                "is_ask_me_3": bool(entry.get("ask_me_3", False)),
                "order": int(entry["order"]),
                "published": bool(entry.get("published", True)),
            }
        )
    return prompts


def content_key(model: type[ShippedContent], values: dict, language: str = ENGLISH) -> str:
    """The shipped file entry an object comes from, e.g. ``page:fever`` or ``es:checklist:10``.

    >>> content_key(GlossaryTerm, {"term": "Infusion"}, "es")
    'es:glossary:infusion'
    """
    if model is Page:
        key = f"page:{values['slug']}"
    elif model is ChecklistItem:
        key = f"checklist:{values['order']}"
    elif model is RedFlag:
        key = f"red-flag:{values['order']}"
    elif model is QuestionPrompt:
        key = f"question:{values['order']}"
    else:
        key = f"glossary:{values['term'].lower()}"
    return key if language == ENGLISH else f"{language}:{key}"


def deleted_by_admin(model: type[ShippedContent], key: str) -> bool:
    """True when a revision of an object that no longer exists carries this shipped key.

    Revisions are never deleted, so they remember an object after it is gone; any of its
    revisions (the loader's own first one included) names the key it was loaded under.
    """
    ct = ContentType.objects.get_for_model(model)
    gone = Revision.objects.filter(content_type=ct).exclude(
        object_id__in=model.objects.values("pk")
    )
    return any(
        content_key(model, r.content, r.content.get("language", ENGLISH)) == key
        for r in gone.only("content")
    )


def _sync(
    model: type[ShippedContent], key: str, values: dict, report: Report, links: dict | None = None
) -> None:
    """Create or update one shipped object; ``links`` (language, original) are set as well but
    are not part of the fingerprint."""
    links = links or {}
    label = f"{model._meta.verbose_name} {key}"
    obj = model.objects.filter(content_key=key).first()
    new_hash = fingerprint(values)
    if obj is None:
        if deleted_by_admin(model, key):
            report.deleted_by_admin.append(label)
            return
        obj = model(content_key=key, **values, **links)
        try:
            obj.full_clean(exclude=["slug"] if model is GlossaryTerm else None)
        except ValidationError as exc:
            raise ContentError(f"{label}: {exc.messages}") from None
        obj.shipped_hash = new_hash
        obj.save()
        record_published(obj, LOADED)
        report.created.append(label)
    elif obj.content_hash() != obj.shipped_hash or edited_by_someone(obj):
        report.kept.append(label)
    elif obj.shipped_hash == new_hash:
        report.unchanged.append(label)
    else:
        for name, value in (values | links).items():
            setattr(obj, name, value)
        obj.shipped_hash = new_hash
        obj.save()
        record_published(obj, LOADED)
        report.updated.append(label)


@transaction.atomic
def load_content(content_dir: Path = CONTENT_DIR) -> Report:
    report = Report()
    for values in shipped_pages(content_dir):
        _sync(Page, content_key(Page, values), values, report)
    for values in shipped_checklist(content_dir):
        _sync(ChecklistItem, content_key(ChecklistItem, values), values, report)
    for values in shipped_glossary(content_dir):
        _sync(GlossaryTerm, content_key(GlossaryTerm, values), values, report)
    for values in shipped_red_flags(content_dir):
        _sync(RedFlag, content_key(RedFlag, values), values, report)
    for values in shipped_questions(content_dir):
        _sync(QuestionPrompt, content_key(QuestionPrompt, values), values, report)
    for language in TRANSLATIONS:
        if (content_dir / language).is_dir():
            _load_translations(content_dir / language, language, report)
    _load_help(content_dir, report)
    try:
        report.kept.extend(load_self_checks(content_dir, TRANSLATIONS))
    except (SelfCheckFileError, ValidationError, KeyError) as exc:
        raise ContentError(f"self-check questions: {exc}") from None
    return report


def _links(model: type[ShippedContent], source_key: str, language: str) -> dict:
    source = model.objects.filter(content_key=source_key, language="en").first()
    revision = published_revision(source) if source is not None else None
    return {"language": language, "translation_of": source, "source_revision": revision}


def _english_glossary_key(entry: dict) -> str:
    if entry.get("english"):
        return f"glossary:{entry['english'].lower()}"
    source = GlossaryTerm.objects.filter(language="en", slug=entry.get("slug") or "-").first()
    return source.content_key if source is not None else ""


def _load_translations(directory: Path, language: str, report: Report) -> None:
    for values in shipped_pages(directory):
        values["reviewer"] = PENDING_TRANSLATION_REVIEW.get(language, values["reviewer"])
        links = _links(Page, content_key(Page, values), language)
        _sync(Page, content_key(Page, values, language), values, report, links)
    for values in shipped_checklist(directory):
        links = _links(ChecklistItem, content_key(ChecklistItem, values), language)
        _sync(ChecklistItem, content_key(ChecklistItem, values, language), values, report, links)
    for values in shipped_red_flags(directory):
        links = _links(RedFlag, content_key(RedFlag, values), language)
        _sync(RedFlag, content_key(RedFlag, values, language), values, report, links)
    for values in shipped_questions(directory):
        links = _links(QuestionPrompt, content_key(QuestionPrompt, values), language)
        _sync(QuestionPrompt, content_key(QuestionPrompt, values, language), values, report, links)
    path = directory / "glossary.json"
    entries = _read_json(path) if path.exists() else []
    for entry, values in zip(entries, shipped_glossary(directory), strict=True):
        links = _links(GlossaryTerm, _english_glossary_key(entry), language)
        if entry.get("slug"):  # the English slug: the same anchor in both glossaries
            links["slug"] = entry["slug"]
        _sync(GlossaryTerm, content_key(GlossaryTerm, values, language), values, report, links)


def _load_help(content_dir: Path, report: Report) -> None:
    """Help numbers are site-specific: shipped values only fill a record that does not exist."""
    path = content_dir / "help.json"
    if not path.exists() or HelpSettings.objects.exists():
        return
    data = _read_json(path)
    settings = HelpSettings(
        centre_name=data.get("centre_name", ""),
        phone_24h=data.get("phone_24h", ""),
        emergency_number=data.get("emergency_number", ""),
    )
    settings.save()
    record_published(settings, LOADED)  # later changes in the admin are drafts to approve
    report.created.append("help settings")
