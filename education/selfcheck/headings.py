"""Ids on a page's section headings, so a self-check explanation can link to ``#section``.

Pure Python (no Django import): the id is the heading's words, lower-case, joined by hyphens,
accents kept out ('¿Qué pasa si...?' -> 'que-pasa-si'). A repeated heading gets '-2', '-3'.

>>> with_heading_ids("<h2>What if I have a <em>reaction</em>?</h2><h2>Summary</h2>")[:40]
'<h2 id="what-if-i-have-a-reaction">What '
>>> heading_id("¿Qué hago si tengo fiebre?")
'que-hago-si-tengo-fiebre'
"""

import html
import re
import unicodedata

_H2 = re.compile(r"<h2(?:\s[^>]*)?>(.*?)</h2>", re.S)
_TAG = re.compile(r"<[^>]+>")


def heading_id(text: str) -> str:
    plain = unicodedata.normalize("NFKD", html.unescape(_TAG.sub("", text)))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "section"


def heading_ids(body_html: str) -> list[str]:
    """The ids ``with_heading_ids`` gives, in order (the admin checks anchors against them)."""
    seen: dict[str, int] = {}
    ids = []
    for match in _H2.finditer(body_html):
        base = heading_id(match.group(1))
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def with_heading_ids(body_html: str) -> str:
    ids = iter(heading_ids(body_html))
    return _H2.sub(lambda m: f'<h2 id="{next(ids)}">{m.group(1)}</h2>', body_html)


def heading_titles(body_html: str) -> dict[str, str]:
    """Each heading id with its plain text, for 'Read again: ...' links."""
    titles = [html.unescape(_TAG.sub("", m.group(1))).strip() for m in _H2.finditer(body_html)]
    return dict(zip(heading_ids(body_html), titles, strict=True))
