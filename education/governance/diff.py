"""Word-level differences between two revisions, marked in text as well as colour.

Removed words are wrapped in ``<del>`` and shown between ``[-`` and ``-]``; added words are
wrapped in ``<ins>`` and shown between ``{+`` and ``+}`` (the wdiff convention), so a change
is readable in black and white, by a screen reader and when copied as text. Every piece of
text is escaped before it is marked.
"""

import difflib
import html
import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    html: SafeString
    removed: int
    added: int


def tokens(text: str) -> list[str]:
    """Words and the spaces between them, so joining the tokens gives the text back."""
    return _TOKENS.findall(text)


def word_diff(old: str, new: str) -> tuple[str, int, int]:
    """HTML marking removed and added words, with the number of words removed and added.

    >>> word_diff("take it with food", "take it without food")[0]
    'take it <del>[-with-]</del><ins>{+without+}</ins> food'
    """
    a, b = tokens(old), tokens(new)
    out: list[str] = []
    removed = added = 0
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            gone = "".join(a[a1:a2])
            removed += len(gone.split())
            out.append(f"<del>[-{html.escape(gone)}-]</del>")
        if op in {"insert", "replace"}:
            new_text = "".join(b[b1:b2])
            added += len(new_text.split())
            out.append(f"<ins>{{+{html.escape(new_text)}+}}</ins>")
    return "".join(out), removed, added


def as_text(value: object) -> str:
    if isinstance(value, list):  # a page's self-check questions, one per line
        return "\n".join(" | ".join(str(v) for k, v in q.items() if k != "id") for q in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def revision_diff(old: dict, new: dict, labels: dict[str, str]) -> list[FieldDiff]:
    """One entry per field whose value differs, in the order of ``labels``."""
    changes = []
    names = list(labels) + sorted((old.keys() | new.keys()) - labels.keys())
    for name in names:
        before, after = as_text(old.get(name)), as_text(new.get(name))
        if before == after:
            continue
        marked, removed, added = word_diff(before, after)
        label = labels.get(name, name.replace("_", " "))
        changes.append(FieldDiff(name, label, mark_safe(marked), removed, added))
    return changes
