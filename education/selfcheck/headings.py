"""Ids on a page's section headings, so a self-check explanation can link to ``#section``.

Pure Python (no Django import): the id is the heading's words, lower-case, joined by hyphens,
accents kept out ('¿Qué pasa si...?' -> 'que-pasa-si'). A repeated heading gets '-2', '-3'.
A heading that already has an id keeps it (the get-help tiers: 'emergency', 'call-now',
'next-visit', the same in every language and whatever numbers the settings hold).

>>> with_heading_ids("<h2>What if I have a <em>reaction</em>?</h2><h2>Summary</h2>")[:40]
'<h2 id="what-if-i-have-a-reaction">What '
>>> heading_id("¿Qué hago si tengo fiebre?")
'que-hago-si-tengo-fiebre'
>>> heading_titles('<h2 id="call-now">Urgent: call now</h2><h2>In short</h2>')
{'call-now': 'Urgent: call now', 'in-short': 'In short'}
"""

import html
import re
import unicodedata

_H2 = re.compile(r"<h2(\s[^>]*)?>(.*?)</h2>", re.S)
_ID = re.compile(r'\sid="([^"]+)"')
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
        if given := _ID.search(match.group(1) or ""):
            ids.append(given.group(1))
            continue
        base = heading_id(match.group(2))
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def with_heading_ids(body_html: str) -> str:
    """Every <h2> with its id (a heading that has one keeps it as it is)."""
    ids = iter(heading_ids(body_html))

    def add_id(match: re.Match) -> str:
        heading_id_ = next(ids)
        if _ID.search(match.group(1) or ""):
            return match.group(0)
        return f'<h2 id="{heading_id_}">{match.group(2)}</h2>'

    return _H2.sub(add_id, body_html)


def heading_titles(body_html: str) -> dict[str, str]:
    """Each heading id with its plain text, for 'Read again: ...' links."""
    titles = [html.unescape(_TAG.sub("", m.group(2))).strip() for m in _H2.finditer(body_html)]
    return dict(zip(heading_ids(body_html), titles, strict=True))
