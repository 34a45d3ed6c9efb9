"""A small standard-library HTTP client and HTML reader for the benchmark and the load test.

Each request opens its own connection (gunicorn's sync workers close it after every response
anyway) and reads the body as it came over the wire, so compressed responses are counted
compressed. Only loopback addresses are accepted: these tools never point at another machine.
"""

from __future__ import annotations

import gzip
import http.client
import ipaddress
import math
import re
import socket
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from time import perf_counter
from urllib.parse import urljoin, urlsplit

BROWSER_ACCEPT_ENCODING = "br, gzip"
LOOPBACK_NAMES = {"localhost"}


def require_loopback(base_url: str) -> str:
    """Return base_url without a trailing slash, or raise ValueError if it is not loopback http."""
    parts = urlsplit(base_url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"Expected an http:// URL on loopback, not {base_url!r}.")
    host = parts.hostname
    if host not in LOOPBACK_NAMES:
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError(f"Load is only ever sent to loopback, not {host!r}.")
        except ValueError as exc:
            raise ValueError(f"Load is only ever sent to loopback, not {host!r}.") from exc
    return base_url.rstrip("/")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    wire_bytes: int  # status line + headers + body exactly as sent (compressed if it was)
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def content(self) -> bytes:
        """The body as the application sent it, decompressed if it came gzip or brotli."""
        encoding = self.headers.get("content-encoding", "").strip().lower()
        if encoding == "gzip":
            return gzip.decompress(self.body)
        if encoding == "br":
            import brotli

            return brotli.decompress(self.body)
        return self.body

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


def fetch(
    base_url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> Response:
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    start = perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        seconds = perf_counter() - start
    finally:
        conn.close()
    pairs = resp.getheaders()
    head = len(f"HTTP/1.1 {resp.status} {resp.reason}\r\n") + 2
    head += sum(len(name) + len(value) + 4 for name, value in pairs)
    cookies: dict[str, str] = {}
    for raw in resp.msg.get_all("Set-Cookie") or []:
        jar = SimpleCookie()
        jar.load(raw)
        cookies.update({name: morsel.value for name, morsel in jar.items()})
    return Response(
        status=resp.status,
        headers={name.lower(): value for name, value in pairs},
        body=data,
        wire_bytes=head + len(data),
        seconds=seconds,
        cookies=cookies,
    )


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of a non-empty list."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


# --- HTML ---------------------------------------------------------------------------------


@dataclass
class Form:
    method: str
    action: str
    # (name, type, value, checked, required) in document order; type "select" for a select
    inputs: list[dict] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value) submit buttons


ASSET_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload"}


class PageReader(HTMLParser):
    """Collect links, the assets a browser would fetch, and every form with its default values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[str] = []
        self.forms: list[Form] = []
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: (value if value is not None else "") for name, value in attrs}
        form = self.forms[-1] if self.forms else None
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if rels & ASSET_LINK_RELS:
                self.assets.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.assets.append(a["src"])
        elif tag in {"img", "source"}:
            if a.get("src"):
                self.assets.append(a["src"])
            if a.get("srcset"):  # a browser picks one; count the first candidate
                self.assets.append(a["srcset"].split(",")[0].strip().split()[0])
        elif tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        elif form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in {"submit", "image"}:
                form.buttons.append((a["name"], a.get("value", "")))
            elif kind not in {"button", "reset", "file"}:
                form.inputs.append(
                    {
                        "name": a["name"],
                        "type": kind,
                        "value": a.get("value", "on" if kind in {"checkbox", "radio"} else ""),
                        "checked": "checked" in a,
                        "required": "required" in a,
                        "min": a.get("min", ""),
                    }
                )
        elif tag == "button" and a.get("name") and a.get("type", "submit").lower() == "submit":
            form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "type": "select", "options": []}
            self._select["required"] = "required" in a
            form.inputs.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "label": ""}
            self._select["options"].append(self._option)
        elif tag == "textarea" and a.get("name"):
            self._textarea = {"name": a["name"], "type": "textarea", "value": ""}
            self._textarea["required"] = "required" in a
            form.inputs.append(self._textarea)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["label"] += data
        elif self._textarea is not None:
            self._textarea["value"] += data
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader


def form_defaults(form: Form) -> dict[str, str]:
    """What a browser would submit untouched, except that an empty choice takes its first option.

    A select left on an empty "Choose..." option or a radio group with nothing ticked gets its
    first real option, so a benchmark form is valid without knowing the choices in advance.
    """
    values: dict[str, str] = {}
    radios: dict[str, str] = {}
    for item in form.inputs:
        name, kind = item["name"], item["type"]
        if kind == "select":
            options = [
                (o["value"] if o["value"] is not None else o["label"].strip(), o["selected"])
                for o in item["options"]
            ]
            chosen = next((v for v, sel in options if sel), options[0][0] if options else "")
            if not chosen:
                chosen = next((v for v, _ in options if v), "")
            values[name] = chosen
        elif kind == "radio":
            radios.setdefault(name, item["value"])
            if item["checked"]:
                values[name] = item["value"]
        elif kind == "checkbox":
            if item["checked"]:
                values[name] = item["value"]
        else:
            values[name] = item["value"]
    for name, first in radios.items():
        values.setdefault(name, first)
    return values


BLANK_FILLERS = {
    "email": "test@example.org",
    "tel": "01632 960000",
    "number": "1",
    "url": "https://example.org/",
}


def fill_required_blanks(form: Form, values: dict[str, str], date: str) -> dict[str, str]:
    """Give every required field still empty a plausible value (text "Test", a date, ...)."""
    filled = dict(values)
    for item in form.inputs:
        name = item["name"]
        if not item.get("required") or filled.get(name):
            continue
        kind = item["type"]
        if kind == "number" and item.get("min"):
            filled[name] = item["min"]
        elif kind == "date":
            filled[name] = date
        else:
            filled[name] = BLANK_FILLERS.get(kind, "Test")
    return filled


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""")


def css_references(css: str) -> list[str]:
    """url(...) and @import targets in a stylesheet, without data: URIs and fragments."""
    found = [m.group(2).strip() for m in _CSS_URL.finditer(css)]
    found += [m.group(2).strip() for m in _CSS_IMPORT.finditer(css)]
    return [ref for ref in found if not ref.startswith(("data:", "#"))]


def same_origin_path(base_url: str, page_path: str, ref: str) -> str | None:
    """The path to fetch for a reference found on page_path, or None if it is off-site."""
    absolute = urljoin(base_url + page_path, ref)
    target, origin = urlsplit(absolute), urlsplit(base_url)
    if (target.scheme, target.netloc) != (origin.scheme, origin.netloc):
        return None
    return target.path + (f"?{target.query}" if target.query else "")


def run_threads(threads: list[threading.Thread]) -> float:
    """Start every thread, wait for all of them, and return the wall time in seconds."""
    start = perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return perf_counter() - start
