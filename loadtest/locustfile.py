"""Load test for `make load`: people reading the guide and nurses using the tools.

Run headless by `make load` against gunicorn in production mode on loopback (see the Makefile
and docs/performance.md). Each simulated visitor mostly reads content pages; now and then a
nurse makes a calendar (HTML, .ics, 12-cycle PDF) or a wallet card, or someone downloads a
booklet edition (English or Spanish). One of the users (`Tour`)
first makes every kind of request once, so a short smoke run still covers every output. Every
answer is checked: right content type and a marker of the real answer, so a form that comes
back with errors is a failure, not a fast 200. A booklet that the task worker has not built yet
answers 503 "being prepared" with Retry-After: that is the designed answer, counted as a success
(and reported apart), never a failure; any other answer is a failure.

At the end it prints how much a content page costs against /health/ (median response time, to
the microsecond, of successful requests) and exits non-zero when any request failed, any kind of
request was never made, or content pages cost more than LOAD_MAX_CONTENT_RATIO (default 1.2;
0 reports the ratio without checking it) times /health/. The ratio line is also written to
LOAD_REPORT_DIR/ratio.txt beside locust's report.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import urlopen

from locust import FastHttpUser, between, events
from locust.env import Environment

REPORT_DIR = Path(os.environ.get("LOAD_REPORT_DIR", "reports/load"))
MAX_CONTENT_RATIO = float(os.environ.get("LOAD_MAX_CONTENT_RATIO", "1.2"))
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ERROR_SUMMARY = b'class="error-summary"'

HEALTH = "/health/"
LEARN_PAGE = "/learn/[page]/"
CONTENT = [
    "/",
    "/learn/",
    LEARN_PAGE,
    "/checklist/",
    "/glossary/",
    "/get-help/",
    "/for-blood-banks/",
]
SEARCH = "/search/?q=[word]"
CALENDAR, CARD = "/schedule/", "/schedule/wallet-card/"
FORMS = ["calendar form", "wallet-card form"]
TOOL_NAMES = ["calendar HTML", "calendar .ics", "calendar PDF", "wallet-card PDF"]
BOOKLET = "booklet PDF"
BOOKLETS = [
    f"{language}/booklet/isatuximab-guide-{paper}{size}.pdf"
    for language in ["", "/es"]
    for paper in ["a4", "letter"]
    for size in ["", "-large-print"]
]
PREPARING = b"being prepared"

setup: dict = {}  # filled once at start-up: learn-page paths and the two form bodies
timings: dict[str, list[float]] = {"health": [], "content": []}
booklet_answers = {"pdf": 0, "being prepared": 0}


class FormReader(HTMLParser):
    """What a browser sends for the first POST form on a page, and the options of each choice."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self.choices: dict[str, list[str]] = {}
        self.state = "before"  # before, inside, after the form
        self.select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and self.state == "before" and a.get("method", "").lower() == "post":
            self.state = "inside"
        if self.state != "inside":
            return
        name, kind = a.get("name", ""), a.get("type", "text")
        if tag == "input" and name and kind in {"radio", "checkbox"}:
            self.choices.setdefault(name, []).append(a.get("value", "on"))
            if "checked" in a:
                self.values[name] = a.get("value", "on")
        elif tag == "input" and name and kind not in {"submit", "button", "reset", "image"}:
            self.values[name] = a.get("value", "")
        elif tag in {"select", "textarea"} and name:
            self.select = name if tag == "select" else ""
            self.values[name] = ""
        elif tag == "option" and self.select:
            self.choices.setdefault(self.select, []).append(a.get("value", ""))
            if "selected" in a:
                self.values[self.select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = ""
        elif tag == "form" and self.state == "inside":
            self.state = "after"


def fetch(host: str, path: str) -> str:
    with urlopen(host + path, timeout=10) as response:  # `host` is checked to be loopback
        return response.read().decode()


def form_body(host: str, path: str, typed: dict[str, str]) -> dict[str, str]:
    """The form's own defaults, the typed values, and the first real option for empty choices."""
    reader = FormReader()
    reader.feed(fetch(host, path))
    if reader.state == "before":
        raise RuntimeError(f"No POST form on {path}")
    values = {**reader.values, **typed}
    for name, options in reader.choices.items():
        real = [option for option in options if option]
        if not values.get(name) and real:
            values[name] = real[0]
    return values


def next_monday() -> str:
    today = dt.date.today()  # noqa: DTZ011 - any plausible start date within a year will do
    return (today + dt.timedelta(days=7 - today.weekday())).isoformat()


@events.init.add_listener
def prepare(environment: Environment, **_kwargs) -> None:
    """Refuse any host but loopback, then read the pages and forms (an error here ends the run)."""
    host = (environment.host or "").rstrip("/")
    if urlparse(host).hostname not in LOOPBACK:
        raise RuntimeError(f"Refusing to load-test {host!r}: only loopback addresses are allowed")
    pages = sorted(set(re.findall(r'href="(/learn/[\w-]+/)"', fetch(host, "/learn/"))))
    if not pages:
        raise RuntimeError("No content pages linked from /learn/: load the content first")
    start = next_monday()
    calendar = {"weight": "70", "weight_unit": "kg", "start_date": start}
    calendar |= {"first_cycle": "1", "last_cycle": "12"}  # the 12-cycle calendar
    card = {"name": "Test Patient", "start_date": start, "output": "pdf"}  # the printable card
    setup.update(
        pages=pages,
        calendar=form_body(host, CALENDAR, calendar),
        card=form_body(host, CARD, card),
    )


def check(response, content_type: str, marker: bytes) -> None:
    """Mark a `catch_response` response as failed unless it is the real answer."""
    body = response.content or b""
    got = response.headers.get("Content-Type", "")
    if response.status_code != 200:
        response.failure(f"HTTP {response.status_code}")
    elif not got.startswith(content_type):
        response.failure(f"Content-Type {got!r}, expected {content_type}")
    elif ERROR_SUMMARY in body:
        response.failure("the form came back with errors; update the typed values")
    elif marker not in body:
        response.failure(f"{marker!r} missing from the answer")
    else:
        response.success()


def check_booklet(response) -> None:
    """A booklet PDF, or the "being prepared" page while the worker builds it: both succeed."""
    body = response.content or b""
    if response.status_code == 200 and body.startswith(b"%PDF-"):
        booklet_answers["pdf"] += 1
        response.success()
    elif (
        response.status_code == 503
        and response.headers.get("Retry-After")
        and (PREPARING in body or b"preparando" in body)
    ):
        booklet_answers["being prepared"] += 1
        response.success()
    else:
        response.failure(f"HTTP {response.status_code}: neither the PDF nor 'being prepared'")


class Client(FastHttpUser):
    """One request of each kind; the two user classes below choose which and how often."""

    abstract = True
    wait_time = between(0.5, 1.5)

    def page(self, path: str, name: str | None = None) -> None:
        with self.client.get(path, name=name or path, catch_response=True) as response:
            check(response, "text/html", b"</html>")

    def tool(self, name: str, path: str, data: dict, content_type: str, marker: bytes) -> None:
        with self.client.post(path, data=data, name=name, catch_response=True) as response:
            check(response, content_type, marker)

    def health(self) -> None:  # the load balancer's check, and the baseline for the ratio
        with self.client.get(HEALTH, catch_response=True) as response:
            check(response, "text/plain", b"ok")

    def home(self) -> None:
        self.page("/")

    def learn(self) -> None:
        self.page("/learn/")

    def learn_page(self) -> None:
        self.page(random.choice(setup["pages"]), LEARN_PAGE)

    def checklist(self) -> None:
        self.page("/checklist/")

    def glossary(self) -> None:
        self.page("/glossary/")

    def get_help(self) -> None:
        self.page("/get-help/")

    def blood_banks(self) -> None:
        self.page("/for-blood-banks/")

    def search(self) -> None:
        self.page("/search/?q=infusion", SEARCH)

    def calendar_form(self) -> None:
        self.page(CALENDAR, "calendar form")

    def calendar_html(self) -> None:
        self.tool("calendar HTML", CALENDAR, setup["calendar"], "text/html", b'value="ics"')

    def calendar_ics(self) -> None:
        data = {**setup["calendar"], "format": "ics"}
        self.tool("calendar .ics", CALENDAR, data, "text/calendar", b"BEGIN:VEVENT")

    def calendar_pdf(self) -> None:
        data = {**setup["calendar"], "format": "pdf"}
        self.tool("calendar PDF", CALENDAR, data, "application/pdf", b"%PDF-")

    def card_form(self) -> None:
        self.page(CARD, "wallet-card form")

    def card_pdf(self) -> None:
        self.tool("wallet-card PDF", CARD, setup["card"], "application/pdf", b"%PDF-")

    def booklet(self) -> None:
        path = random.choice(BOOKLETS)
        with self.client.get(path, name=BOOKLET, catch_response=True) as response:
            check_booklet(response)


class Visitor(Client):
    """A patient, carer or nurse: reading pages most of the time, now and then using a tool."""

    tasks = {
        Client.health: 10,
        Client.home: 10,
        Client.learn: 5,
        Client.learn_page: 30,
        Client.checklist: 8,
        Client.glossary: 4,
        Client.get_help: 5,
        Client.blood_banks: 2,
        Client.search: 2,
        Client.calendar_form: 3,
        Client.calendar_html: 3,
        Client.calendar_ics: 1,
        Client.calendar_pdf: 2,
        Client.card_form: 1,
        Client.card_pdf: 2,
        Client.booklet: 2,
    }


class Tour(Visitor):
    """Exactly one user first makes every kind of request once, then browses like the others,
    so even a short run covers every output without changing the mix."""

    fixed_count = 1

    def on_start(self) -> None:
        for step in Visitor.tasks:
            step(self)


@events.request.add_listener
def record(name: str, response_time: float, exception: BaseException | None, **_kwargs) -> None:
    """Keep exact times (locust's own percentiles round to whole milliseconds)."""
    group = "health" if name == HEALTH else "content" if name in CONTENT else None
    if group and exception is None:
        timings[group].append(response_time)


def verdict(environment: Environment) -> list[str]:
    """Every reason the run failed; the content-to-health ratio is printed and saved."""
    problems = []
    print(
        f"Booklet downloads: {booklet_answers['pdf']} PDFs, "
        f"{booklet_answers['being prepared']} 'being prepared' (503, the worker still building)"
    )
    if environment.stats.total.num_failures:
        problems.append(f"{environment.stats.total.num_failures} requests failed")
    for name in [HEALTH, *CONTENT, SEARCH, *FORMS, *TOOL_NAMES, BOOKLET]:
        method = "POST" if name in TOOL_NAMES else "GET"
        if environment.stats.get(name, method).num_requests == 0:
            problems.append(f"no {method} {name} request was made")
    if timings["health"] and timings["content"]:
        health, content = (statistics.median(timings[key]) for key in ("health", "content"))
        ratio = content / health
        line = (
            f"Content pages cost {ratio:.2f}x /health/ (median {content:.2f} ms over "
            f"{len(timings['content'])} requests against {health:.2f} ms over "
            f"{len(timings['health'])}; "
            + (f"at most {MAX_CONTENT_RATIO}x allowed)" if MAX_CONTENT_RATIO else "not checked)")
        )
        print(line)
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        (REPORT_DIR / "ratio.txt").write_text(line + "\n")
        if MAX_CONTENT_RATIO and ratio > MAX_CONTENT_RATIO:
            problems.append(f"content pages cost {ratio:.2f}x /health/")
    return problems


@events.quitting.add_listener
def finish(environment: Environment, **_kwargs) -> None:
    problems = verdict(environment)
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        environment.process_exit_code = 1
    else:
        print("PASS: no failed request, every kind of request made, the ratio within its limit")
