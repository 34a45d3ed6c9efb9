"""Content snapshots and their hashes (pure Python, no Django import).

A revision stores the content fields of a page, checklist item or glossary term as a JSON
object. Text is stored with line endings normalised to ``\\n`` and trailing spaces at line ends
removed, so a browser that sends CRLF makes no difference to the text, its hash or a diff.
The hash is SHA-256 of the canonical JSON (sorted keys, UTF-8), so it depends on the wording
and nothing else.

>>> normalise_text("one\\r\\ntwo  \\r\\n")
'one\\ntwo\\n'
>>> content_hash({"b": 1, "a": "x"}) == content_hash({"a": "x", "b": 1})
True
"""

import datetime
import decimal
import hashlib
import json

Snapshot = dict[str, str | int | bool | float | list | None]


def normalise_text(text: str) -> str:
    """CRLF and CR become LF; spaces at the end of each line are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip(" \t") for line in lines)


def json_value(value: object) -> str | int | bool | float | None:
    """A field value as a JSON-safe value (dates as ISO text, decimals as text)."""
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def canonical_json(snapshot: Snapshot) -> str:
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(snapshot: Snapshot) -> str:
    """SHA-256 (hex) of the snapshot's canonical JSON."""
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()
