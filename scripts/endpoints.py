"""The one table of endpoints that `make bench` and `make load` measure.

Adding an endpoint is one `Endpoint(...)` line in ENDPOINTS. A POST endpoint names the page that
holds its form (`form_page`); the tools read that form, keep every default a browser would send
(the CSRF token, hidden fields, the pre-selected choices), apply `fields`, press the `submit`
button, and check the answer has the expected content type. An endpoint that answers 404, shows
the "being written" placeholder, has no form yet, or rejects the form is skipped with a note
saying why, so the tools run on any branch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .web import (
    BROWSER_ACCEPT_ENCODING,
    Response,
    fetch,
    fill_required_blanks,
    form_defaults,
    read_page,
    same_origin_path,
)

PLACEHOLDER_MARKERS = ("This section is being written.",)
FORM_ERROR_MARKER = 'class="error-summary"'

FieldValue = str | Callable[[], str]


def next_monday() -> str:
    today = dt.date.today()  # noqa: DTZ011 - a plausible future start date, any zone will do
    return (today + dt.timedelta(days=7 - today.weekday())).isoformat()


# Any other required field left empty gets a plausible value (web.fill_required_blanks), so a
# new form usually works without an entry here; if it is rejected, the skip note says why.

# A valid calendar form: 70 kg, cycles 1 to 12 (the "12 cycles" PDF the targets talk about).
CALENDAR_FIELDS: dict[str, FieldValue] = {
    "weight": "70",
    "weight_unit": "kg",
    "start_date": next_monday,
    "first_cycle": "1",
    "last_cycle": "12",
}


@dataclass(frozen=True)
class Endpoint:
    key: str  # short name used by --only / --mix
    label: str
    path: str = ""  # what is requested; for POST, where the form is sent if it has no action
    method: str = "GET"
    expect: str = "text/html"  # content type of a real answer
    form_page: str = ""  # POST: the page holding the form (defaults to path)
    fields: dict[str, FieldValue] = field(default_factory=dict)  # POST: values to type in
    submit: tuple[str, str] | None = None  # POST: (button name, value or part of it) to press
    discover: str = ""  # GET: request the first link under this prefix found on that page
    page_weight: bool = False  # report bytes on the wire for a first visit (HTML + assets)
    in_process: bool = False  # also time generation in-process (PDFs; target < 100 ms)
    bench: bool = True  # measured by `make bench` (the load-test mix can use any entry)
    baseline: bool = False  # the trivial endpoint every figure is compared with


ENDPOINTS: list[Endpoint] = [
    Endpoint("health", "Health check (baseline)", "/health/", expect="text/plain", baseline=True),
    Endpoint("home", "Home page", "/", page_weight=True),
    Endpoint("education", "Education page", discover="/learn/", page_weight=True),
    Endpoint("checklist", "Checklist", "/checklist/", page_weight=True),
    Endpoint("glossary", "Glossary", "/glossary/", page_weight=True, bench=False),
    Endpoint(
        "calendar",
        "Calendar (HTML, POST)",
        "/schedule/",
        method="POST",
        fields=CALENDAR_FIELDS,
        page_weight=True,
    ),
    Endpoint(
        "calendar-ics",
        "Calendar .ics (POST)",
        "/schedule/",
        method="POST",
        # The download buttons are on the result page: send their value with the form data.
        fields={**CALENDAR_FIELDS, "format": "ics"},
        expect="text/calendar",
    ),
    Endpoint(
        "calendar-pdf",
        "Calendar PDF, 12 cycles (POST)",
        "/schedule/",
        method="POST",
        fields={**CALENDAR_FIELDS, "format": "pdf"},
        expect="application/pdf",
        in_process=True,
    ),
    Endpoint(
        "wallet-card",
        "Wallet card PDF (POST)",
        "/schedule/wallet-card/",
        method="POST",
        fields={"name": "Test Patient", "start_date": next_monday, "blood_group": "O+"},
        expect="application/pdf",
        in_process=True,
    ),
]


def by_key(key: str) -> Endpoint:
    for endpoint in ENDPOINTS:
        if endpoint.key == key:
            return endpoint
    known = ", ".join(e.key for e in ENDPOINTS)
    raise KeyError(f"No endpoint {key!r}; known: {known}")


@dataclass
class Prepared:
    """A request ready to send again and again, checked once against the live server."""

    endpoint: Endpoint
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    probe: Response  # the checking response

    def send(self, base_url: str, timeout: float = 30.0) -> Response:
        return fetch(base_url, self.method, self.path, self.body, self.headers, timeout)

    @property
    def form_body(self) -> str:
        return (self.body or b"").decode()


@dataclass
class Skipped:
    endpoint: Endpoint
    reason: str
    failed: bool = False  # True when the server answered with an error, not "not built yet"


def _looks_unbuilt(response: Response) -> str | None:
    if response.status in {404, 405}:
        return f"not available yet (HTTP {response.status})"
    if response.content_type == "text/html" and any(
        m in response.text for m in PLACEHOLDER_MARKERS
    ):
        return "not available yet (placeholder page)"
    return None


def _form_errors(response: Response) -> str:
    page = read_page(response.text)
    text = page.text
    start = text.find("There is a problem")
    return text[start : start + 300] if start >= 0 else "the form came back with errors"


def _resolve(value: FieldValue) -> str:
    return value() if callable(value) else value


def prepare(endpoint: Endpoint, base_url: str) -> Prepared | Skipped:
    """Work out the exact request for an endpoint and check it once, or say why it is skipped."""
    headers = {"Accept-Encoding": BROWSER_ACCEPT_ENCODING, "User-Agent": "isatuximab-bench"}
    path, body = endpoint.path, None

    if endpoint.discover:
        index = fetch(base_url, "GET", endpoint.discover, headers=headers)
        if reason := _looks_unbuilt(index):
            return Skipped(endpoint, f"{reason} at {endpoint.discover}")
        page = read_page(index.text)
        found = [same_origin_path(base_url, endpoint.discover, href) for href in page.links]
        below = [
            p for p in found if p and p.startswith(endpoint.discover) and p != endpoint.discover
        ]
        if not below:
            return Skipped(endpoint, f"not available yet (no link under {endpoint.discover})")
        path = below[0]

    if endpoint.method == "POST":
        form_page = endpoint.form_page or endpoint.path
        page_response = fetch(base_url, "GET", form_page, headers=headers)
        if reason := _looks_unbuilt(page_response):
            return Skipped(endpoint, f"{reason} at {form_page}")
        forms = [f for f in read_page(page_response.text).forms if f.method == "post"]
        if not forms:
            return Skipped(endpoint, f"not available yet (no POST form on {form_page})")
        form = forms[0]
        values = form_defaults(form)
        values.update({name: _resolve(v) for name, v in endpoint.fields.items()})
        values = fill_required_blanks(form, values, next_monday())
        if endpoint.submit:
            name, wanted = endpoint.submit
            offered = [value for button, value in form.buttons if button == name]
            if not offered:
                return Skipped(endpoint, f"not available yet (no {name!r} button on {form_page})")
            match = [v for v in offered if v == wanted] or [v for v in offered if wanted in v]
            if not match:
                return Skipped(endpoint, f"not available yet (no {name}={wanted} button)")
            values[name] = match[0]
        path = same_origin_path(base_url, form_page, form.action or form_page) or form_page
        body = urlencode(values).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = base_url
        if page_response.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in page_response.cookies.items())

    probe = fetch(base_url, endpoint.method, path, body, headers)
    if reason := _looks_unbuilt(probe):
        return Skipped(endpoint, f"{reason} at {path}")
    if not 200 <= probe.status < 300:
        return Skipped(endpoint, f"FAILED: {endpoint.method} {path} answered {probe.status}", True)
    if FORM_ERROR_MARKER in probe.text and probe.content_type == "text/html":
        return Skipped(
            endpoint,
            f"form rejected, update its fields in scripts/endpoints.py: {_form_errors(probe)}",
        )
    if probe.content_type != endpoint.expect:
        got = probe.content_type or "nothing"
        return Skipped(endpoint, f"not available yet (expected {endpoint.expect}, got {got})")
    return Prepared(endpoint, endpoint.method, path, body, headers, probe)


def prepare_all(endpoints: list[Endpoint], base_url: str) -> list[Prepared | Skipped]:
    return [prepare(endpoint, base_url) for endpoint in endpoints]
