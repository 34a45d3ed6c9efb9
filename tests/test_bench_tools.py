"""The benchmark and load-test tooling (scripts/) measures what it claims.

Most tests drive the tools against a tiny standard-library server that plays a finished site
(a calendar form with a CSRF cookie, PDF/ICS answers, an education page with assets), so the
form filling, skipping, byte counting and error counting are checked before those pages exist.
"""

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from scripts import bench, loadtest
from scripts.endpoints import Endpoint, Prepared, Skipped, by_key, prepare
from scripts.server import production_env
from scripts.web import (
    Response,
    css_references,
    fill_required_blanks,
    form_defaults,
    percentile,
    read_page,
    require_loopback,
    same_origin_path,
)

ROOT = Path(__file__).resolve().parent.parent

CALENDAR_FORM = """<!doctype html><html><body>
<form method="post" action="/schedule/" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="masked-token">
  <select name="regimen" required><option value="">Choose</option>
    <option value="isa-pom-dex">Isa-Pd</option><option value="isa-kd">Isa-Kd</option></select>
  <input type="text" name="weight" required>
  <select name="weight_unit"><option value="kg" selected>kg</option><option value="lb">lb</option>
  </select>
  <input type="date" name="start_date">
  <input type="number" name="first_cycle" value="1"><input type="number" name="last_cycle">
  <input type="radio" name="paper" value="a4"><input type="radio" name="paper" value="letter">
  <input type="checkbox" name="large_print" value="yes">
  <button type="submit">Show calendar</button>
  <button type="submit" name="format" value="ics">Add to phone</button>
  <button type="submit" name="format" value="pdf-print">Print PDF</button>
</form></body></html>"""

LEARN_PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="/static/site.abc.css">
<link rel="stylesheet" href="/static/site.abc.css">
<link rel="stylesheet" href="https://cdn.example/x.css"><script src="/static/app.js"></script>
</head><body><img src="/static/pic.png" alt=""><p>Infusion day</p></body></html>"""

FILES = {
    "/static/site.abc.css": ("text/css", b"body{background:url('bg.png')} i{src:url(data:x)}"),
    "/static/bg.png": ("image/png", b"P" * 300),
    "/static/app.js": ("text/javascript", b"J" * 200),
    "/static/pic.png": ("image/png", b"I" * 100),
}


class FakeSite(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    home_failures = False  # when True, every third home request answers 500
    seen_bodies: list[dict] = []
    counter = 0
    lock = threading.Lock()

    def log_message(self, *args):  # keep pytest output clean
        pass

    def reply(self, status: int, kind: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/health/":
            return self.reply(200, "text/plain", b"ok")
        if path == "/":
            with FakeSite.lock:
                FakeSite.counter += 1
                fail = FakeSite.home_failures and FakeSite.counter % 3 == 0
            return self.reply(500 if fail else 200, "text/html", b"<html><p>Home</p></html>")
        if path == "/learn/":
            links = '<a href="/">Home</a><a href="/learn/">All</a><a href="what-it-is/">What</a>'
            return self.reply(200, "text/html", links.encode())
        if path == "/learn/what-it-is/":
            return self.reply(200, "text/html", LEARN_PAGE.encode())
        if path == "/checklist/":
            return self.reply(
                200, "text/html", b"<h1>Do's</h1><p>This section is being written.</p>"
            )
        if path == "/schedule/":
            return self.reply(
                200, "text/html", CALENDAR_FORM.encode(), {"Set-Cookie": "csrftoken=abc; Path=/"}
            )
        if path in FILES:
            kind, body = FILES[path]
            return self.reply(200, kind, body)
        return self.reply(404, "text/html", b"<h1>Not found</h1>")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        with FakeSite.lock:
            FakeSite.seen_bodies.append(form)
        if self.path != "/schedule/":
            return self.reply(404, "text/html", b"nope")
        if "csrftoken=abc" not in self.headers.get("Cookie", "") or not form.get(
            "csrfmiddlewaretoken"
        ):
            return self.reply(403, "text/html", b"CSRF failed")
        if not form.get("weight", "").isdigit():
            page = b'<div class="error-summary"><h2>There is a problem</h2>'
            page += b"<a>Weight: a number</a></div>"
            return self.reply(200, "text/html", page)
        fmt = form.get("format", "")
        if fmt == "ics":
            return self.reply(200, "text/calendar; charset=utf-8", b"BEGIN:VCALENDAR")
        if fmt.startswith("pdf"):
            return self.reply(200, "application/pdf", b"%PDF-1.4")
        return self.reply(200, "text/html", b"<table><tr><td>Cycle 1</td></tr></table>")


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSite)
    FakeSite.home_failures = False
    FakeSite.seen_bodies = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- Small pieces -----------------------------------------------------------------------------


def test_percentile_uses_the_nearest_rank():
    values = [float(n) for n in range(100, 0, -1)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost:1/", "http://[::1]:9"])
def test_it_accepts_loopback_urls(url):
    assert require_loopback(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:8000", "http://guide.example.org", "https://127.0.0.1:8000"]
)
def test_it_refuses_to_send_load_anywhere_but_loopback(url):
    with pytest.raises(ValueError):
        require_loopback(url)


def test_form_defaults_fill_choices_like_a_careful_user():
    form = read_page(CALENDAR_FORM).forms[0]
    values = form_defaults(form)

    assert values["csrfmiddlewaretoken"] == "masked-token"
    assert values["regimen"] == "isa-pom-dex"  # the first real option, not "Choose"
    assert values["weight_unit"] == "kg"
    assert values["paper"] == "a4"  # first radio when none is ticked
    assert "large_print" not in values  # unticked checkbox is not sent
    assert ("format", "ics") in form.buttons


def test_required_blanks_get_plausible_values_and_nothing_else_changes():
    page = """<form method="post"><input name="name" required><input name="note">
      <input type="tel" name="phone" required><input type="date" name="born" required>
      <input type="number" name="cycles" min="2" required><input name="kept" value="x" required>
      </form>"""
    form = read_page(page).forms[0]

    values = fill_required_blanks(form, form_defaults(form), "2027-01-04")

    assert values == {
        "name": "Test",
        "note": "",
        "phone": "01632 960000",
        "born": "2027-01-04",
        "cycles": "2",
        "kept": "x",
    }


def test_css_references_skip_data_uris():
    css = "a{background:url( \"x.png\" )} @import 'more.css'; b{src:url(data:font/woff2;base64,AA)}"
    assert css_references(css) == ["x.png", "more.css"]


def test_same_origin_paths_resolve_relative_to_the_referrer():
    base = "http://127.0.0.1:5"
    assert same_origin_path(base, "/static/css/a.css", "../img/b.png") == "/static/img/b.png"
    assert same_origin_path(base, "/", "https://cdn.example/x.css") is None


def test_production_env_is_production_with_a_fresh_secret_and_plain_http(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "tests.settings")
    monkeypatch.setenv("DEBUG", "1")
    first, second = production_env(tmp_path), production_env(tmp_path)

    assert first["DJANGO_SETTINGS_MODULE"] == "isatuximab_portal.settings"
    assert first["DEBUG"] == "0"
    assert first["ALLOWED_HOSTS"] == "127.0.0.1"
    assert first["SECURE_SSL_REDIRECT"] == "0"
    assert len(first["SECRET_KEY"]) >= 50
    assert first["SECRET_KEY"] != second["SECRET_KEY"]
    assert first["DATABASE_URL"] == f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert first["STATIC_ROOT"] == str(tmp_path / "static")


def test_static_root_comes_from_the_environment(tmp_path):
    env = {**os.environ, "DEBUG": "1", "STATIC_ROOT": str(tmp_path / "collected")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = "from isatuximab_portal import settings; print(settings.STATIC_ROOT)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == str(tmp_path / "collected"), result.stderr


# --- Preparing requests ------------------------------------------------------------------------


def test_it_fills_and_sends_the_calendar_form_with_its_csrf_token(site):
    prepared = prepare(by_key("calendar-pdf"), site)

    assert isinstance(prepared, Prepared), prepared
    assert prepared.probe.content_type == "application/pdf"
    sent = FakeSite.seen_bodies[-1]
    assert sent["format"] == "pdf"  # the result page's download button, sent with the form
    assert sent["last_cycle"] == "12"
    assert sent["first_cycle"] == "1"
    assert sent["weight"] == "70"
    assert sent["regimen"] == "isa-pom-dex"
    assert sent["csrfmiddlewaretoken"] == "masked-token"
    assert prepared.headers["Cookie"] == "csrftoken=abc"


def test_it_prepares_the_ics_and_the_html_calendar(site):
    ics, html = prepare(by_key("calendar-ics"), site), prepare(by_key("calendar"), site)

    assert isinstance(ics, Prepared) and ics.probe.content_type == "text/calendar"
    assert isinstance(html, Prepared) and "format" not in FakeSite.seen_bodies[-1]


def test_it_finds_the_first_education_page_from_the_learn_index(site):
    prepared = prepare(by_key("education"), site)

    assert isinstance(prepared, Prepared)
    assert prepared.path == "/learn/what-it-is/"


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("checklist", "not available yet (placeholder page)"),
        ("wallet-card", "not available yet (HTTP 404)"),
        ("glossary", "not available yet (HTTP 404)"),
    ],
)
def test_it_skips_endpoints_that_are_not_built_yet_with_a_note(site, key, reason):
    skipped = prepare(by_key(key), site)

    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith(reason)
    assert not skipped.failed


def test_it_says_when_the_form_in_the_table_is_rejected(site):
    wrong = Endpoint("x", "X", "/schedule/", method="POST", fields={"weight": "seventy"})

    skipped = prepare(wrong, site)

    assert isinstance(skipped, Skipped)
    assert "form rejected" in skipped.reason and "Weight: a number" in skipped.reason


def test_it_skips_a_format_the_form_does_not_offer(site):
    word = Endpoint("w", "W", "/schedule/", method="POST", submit=("format", "docx"))
    assert "no format=docx button" in prepare(word, site).reason


# --- The benchmark ---------------------------------------------------------------------------


def test_bench_measures_every_built_endpoint_against_the_health_baseline(site):
    endpoints = [by_key(k) for k in ("home", "education", "checklist", "calendar-pdf")]

    results = bench.run(site, endpoints, requests=12, concurrency=3, warmup=2, in_process=False)

    rows = {row["key"]: row for row in results["endpoints"]}
    assert set(rows) == {"health", "home", "education", "calendar-pdf"}
    assert rows["health"]["p50_ms_ratio"] == pytest.approx(1.0)
    for row in rows.values():
        assert row["errors"] == 0
        assert row["rps"] > 0
        assert 0 < row["p50_ms"] <= row["p99_ms"]
        assert row["p99_ms_ratio"] == pytest.approx(row["p99_ms"] / rows["health"]["p99_ms"])
    assert [s["key"] for s in results["skipped"]] == ["checklist"]
    report = bench.format_report(results)
    assert "Checklist: not available yet (placeholder page)" in report
    education_target = results["targets"][0]
    assert education_target["met"] is (rows["education"]["p50_ms_ratio"] <= 2.0)


def test_bench_counts_every_asset_of_a_first_visit_once(site):
    prepared = prepare(by_key("education"), site)

    weight = bench.page_weight(prepared, site)

    fetched = sorted(a["path"] for a in weight["assets"])
    assert fetched == [
        "/static/app.js",
        "/static/bg.png",
        "/static/pic.png",
        "/static/site.abc.css",
    ]
    assert weight["html_bytes"] > len(LEARN_PAGE)  # body plus headers
    assert weight["asset_bytes"] > 300 + 200 + 100
    assert weight["total_bytes"] == weight["html_bytes"] + weight["asset_bytes"]
    assert weight["missing_assets"] == []


def test_the_page_weight_target_is_60_kb():
    results = {
        "endpoints": [],
        "generation": [],
        "page_weight": [
            {"label": "Light", "total_bytes": 59_999},
            {"label": "Heavy", "total_bytes": 60_001},
        ],
    }
    met = {t["target"].split(":")[0]: t["met"] for t in bench.check_targets(results)}
    assert met["Light"] is True and met["Heavy"] is False


# --- The load test ---------------------------------------------------------------------------


def test_load_test_counts_server_errors_and_fails(site):
    FakeSite.home_failures = True

    results = loadtest.run(site, clients=3, duration=0.5, mix={"home": 1}, max_requests=60)

    assert results["total"]["errors"] > 0
    assert results["total"]["requests"] <= 60
    assert "HTTP 500" in results["endpoints"]["home"]["error_examples"]
    assert not loadtest.passed(results)


def test_load_test_respects_the_request_cap_and_the_mix(site):
    mix = loadtest.parse_mix("home=1,calendar-pdf=3,checklist,wallet-card=0")

    results = loadtest.run(site, clients=4, duration=5, mix=mix, max_requests=40)

    assert results["total"]["requests"] == 40
    assert results["wall_s"] < 5
    assert set(results["endpoints"]) == {"home", "calendar-pdf"}
    assert (
        results["endpoints"]["calendar-pdf"]["requests"] > results["endpoints"]["home"]["requests"]
    )
    assert [s["key"] for s in results["skipped"]] == ["checklist"]
    assert loadtest.passed(results)


def test_load_test_rejects_unknown_endpoints_and_unbounded_runs(site):
    with pytest.raises(KeyError):
        loadtest.parse_mix("home=1,nowhere=2")
    with pytest.raises(ValueError):
        loadtest.run(site, clients=1, duration=3600, mix={"home": 1})


def in_process(key: str, path: str) -> Prepared:
    probe = Response(200, {}, b"ok", 2, 0.001)
    return Prepared(by_key(key), "GET", path, None, {}, probe)


@pytest.mark.django_db
def test_in_process_timing_runs_the_real_view_and_checks_its_answer():
    timing = bench.time_in_process(in_process("health", "/health/"), repeats=5)

    assert timing["repeats"] == 5
    assert 0 < timing["median_ms"] <= timing["max_ms"]
    with pytest.raises(RuntimeError, match="in-process / gave 200 text/html"):
        bench.time_in_process(in_process("calendar-pdf", "/"), repeats=1)  # HTML, not a PDF
