"""`make bench`: how fast and how heavy the portal is, in one bounded run on loopback.

Starts the app under gunicorn in production mode (scripts/server.py), then for every endpoint in
scripts/endpoints.py that exists on this branch:
  - throughput and p50/p99 latency (fixed request count at fixed concurrency, after a warm-up),
    each also as a ratio to /health/ served by the same process;
  - bytes on the wire for a first visit (empty cache, `Accept-Encoding: br, gzip`): the HTML
    plus every stylesheet, script, image and CSS url() it references, from the same server;
  - generation time of the PDFs measured in-process (Django's test client, no network).
Endpoints that are not built yet are skipped with a note. Run `python -m scripts.bench --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import statistics
import sys
import threading
from time import perf_counter

from .endpoints import ENDPOINTS, Endpoint, Prepared, Skipped, by_key, prepare_all
from .web import (
    BROWSER_ACCEPT_ENCODING,
    css_references,
    fetch,
    percentile,
    read_page,
    require_loopback,
    run_threads,
    same_origin_path,
)

TARGET_EDUCATION_RATIO = 2.0  # education page p50 latency within 2x of /health/
TARGET_PAGE_BYTES = 60_000  # first visit to a content page, on the wire
TARGET_PDF_MS = 100.0  # calendar PDF (12 cycles) and wallet-card PDF generation


def measure(
    prepared: Prepared, base_url: str, requests: int, concurrency: int, warmup: int
) -> dict:
    """Send `requests` requests from `concurrency` threads; latency per request, rps overall."""
    for _ in range(warmup):
        prepared.send(base_url)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    tickets = itertools.count()

    def worker() -> None:
        while next(tickets) < requests:
            try:
                response = prepared.send(base_url)
                ok, seconds = 200 <= response.status < 300, response.seconds
                problem = f"HTTP {response.status}"
            except OSError as exc:
                ok, seconds, problem = False, 0.0, f"{type(exc).__name__}: {exc}"
            with lock:
                if ok:
                    latencies.append(seconds)
                else:
                    errors.append(problem)

    wall = run_threads([threading.Thread(target=worker) for _ in range(concurrency)])
    return {
        "requests": requests,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:3],
        "rps": (len(latencies) + len(errors)) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 50) * 1000 if latencies else None,
        "p99_ms": percentile(latencies, 99) * 1000 if latencies else None,
    }


def page_weight(prepared: Prepared, base_url: str) -> dict:
    """Bytes on the wire for a first visit: the page plus every asset it references, once each."""
    headers = {"Accept-Encoding": BROWSER_ACCEPT_ENCODING}
    page = prepared.send(base_url)
    html = read_page(page.text)
    pending = [(prepared.path, ref) for ref in html.assets]
    seen: set[str] = set()
    assets: list[dict] = []
    while pending:
        referrer, ref = pending.pop(0)
        path = same_origin_path(base_url, referrer, ref)
        if path is None or path in seen:
            continue
        seen.add(path)
        response = fetch(base_url, "GET", path, headers=headers)
        assets.append(
            {
                "path": path,
                "status": response.status,
                "bytes": response.wire_bytes,
                "encoding": response.headers.get("content-encoding", "identity"),
            }
        )
        if response.content_type == "text/css":
            pending += [(path, inner) for inner in css_references(response.text)]
    html_bytes = page.wire_bytes
    asset_bytes = sum(a["bytes"] for a in assets)
    return {
        "html_bytes": html_bytes,
        "html_encoding": page.headers.get("content-encoding", "identity"),
        "asset_bytes": asset_bytes,
        "total_bytes": html_bytes + asset_bytes,
        "assets": assets,
        "missing_assets": [a["path"] for a in assets if a["status"] != 200],
    }


def time_in_process(prepared: Prepared, repeats: int, warmup: int = 3) -> dict:
    """Time the view in this process with Django's test client (form, rendering, no network)."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")

    def once() -> float:
        start = perf_counter()
        response = client.generic(
            prepared.method,
            prepared.path,
            data=prepared.form_body,
            content_type="application/x-www-form-urlencoded",
        )
        elapsed = perf_counter() - start
        kind = response.get("Content-Type", "").split(";")[0]
        if response.status_code != 200 or kind != prepared.endpoint.expect:
            raise RuntimeError(f"in-process {prepared.path} gave {response.status_code} {kind}")
        return elapsed * 1000

    for _ in range(warmup):
        once()
    times = [once() for _ in range(repeats)]
    return {
        "repeats": repeats,
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "bytes": len(prepared.probe.body),
    }


def run(
    base_url: str,
    endpoints: list[Endpoint],
    requests: int = 200,
    concurrency: int = 4,
    warmup: int = 20,
    in_process: bool = True,
    pdf_repeats: int = 20,
    log=print,
) -> dict:
    base_url = require_loopback(base_url)
    if not any(e.baseline for e in endpoints):
        endpoints = [by_key("health"), *endpoints]
    results: dict = {"endpoints": [], "skipped": [], "page_weight": [], "generation": []}
    log(f"Checking {len(endpoints)} endpoints ...")
    prepared = prepare_all(endpoints, base_url)
    for item in prepared:
        if isinstance(item, Skipped):
            results["skipped"].append(
                {
                    "key": item.endpoint.key,
                    "label": item.endpoint.label,
                    "reason": item.reason,
                    "failed": item.failed,
                }
            )
    ready = [p for p in prepared if isinstance(p, Prepared)]
    baseline = None
    for item in ready:
        log(f"  {item.endpoint.label}: {requests} requests at concurrency {concurrency} ...")
        stats = measure(item, base_url, requests, concurrency, warmup)
        row = {
            "key": item.endpoint.key,
            "label": item.endpoint.label,
            "method": item.method,
            "path": item.path,
            **stats,
        }
        if item.endpoint.baseline:
            baseline = row
        results["endpoints"].append(row)
    for row in results["endpoints"]:
        for figure in ("rps", "p50_ms", "p99_ms"):
            ok = baseline and baseline[figure] and row[figure] is not None
            row[f"{figure}_ratio"] = row[figure] / baseline[figure] if ok else None
    for item in ready:
        if item.endpoint.page_weight:
            weight = page_weight(item, base_url)
            results["page_weight"].append(
                {
                    "key": item.endpoint.key,
                    "label": item.endpoint.label,
                    "path": item.path,
                    **weight,
                }
            )
    if in_process:
        for item in ready:
            if item.endpoint.in_process:
                log(f"  timing {item.endpoint.label} in-process ...")
                timing = time_in_process(item, pdf_repeats)
                results["generation"].append(
                    {"key": item.endpoint.key, "label": item.endpoint.label, **timing}
                )
    results["targets"] = check_targets(results)
    return results


def check_targets(results: dict) -> list[dict]:
    targets = []
    education = next((r for r in results["endpoints"] if r["key"] == "education"), None)
    ratio = education and education["p50_ms_ratio"]
    targets.append(
        {
            "target": f"Education page p50 latency within {TARGET_EDUCATION_RATIO:g}x of /health/",
            "measured": f"{ratio:.2f}x" if ratio else "not measured (no education page yet)",
            "met": None if not ratio else ratio <= TARGET_EDUCATION_RATIO,
        }
    )
    for weight in results["page_weight"]:
        targets.append(
            {
                "target": f"{weight['label']}: first visit under {TARGET_PAGE_BYTES // 1000} KB",
                "measured": f"{weight['total_bytes'] / 1000:.1f} KB",
                "met": weight["total_bytes"] < TARGET_PAGE_BYTES,
            }
        )
    for key, label in (
        ("calendar-pdf", "Calendar PDF (12 cycles)"),
        ("wallet-card", "Wallet-card PDF"),
    ):
        timing = next((g for g in results["generation"] if g["key"] == key), None)
        targets.append(
            {
                "target": f"{label} generated in under {TARGET_PDF_MS:g} ms",
                "measured": f"median {timing['median_ms']:.1f} ms, max {timing['max_ms']:.1f} ms"
                if timing
                else "not measured (not available yet)",
                "met": None if not timing else timing["median_ms"] < TARGET_PDF_MS,
            }
        )
    return targets


def _fmt(value, spec: str, suffix: str = "") -> str:
    return "-" if value is None else f"{value:{spec}}{suffix}"


def format_report(results: dict) -> str:
    lines = []
    head = (
        f"{'endpoint':34} {'rps':>7} {'p50 ms':>8} {'p99 ms':>8}"
        f"   {'rps':>6} {'p50':>6} {'p99':>6} {'errors':>6}"
    )
    lines += [
        "Latency and throughput (ratios are to /health/ on the same server)",
        head,
        "-" * len(head),
    ]
    for row in results["endpoints"]:
        lines.append(
            f"{row['label'][:34]:34} {_fmt(row['rps'], '7.0f')} {_fmt(row['p50_ms'], '8.1f')}"
            f" {_fmt(row['p99_ms'], '8.1f')}   {_fmt(row['rps_ratio'], '5.2f', 'x')}"
            f" {_fmt(row['p50_ms_ratio'], '5.2f', 'x')} {_fmt(row['p99_ms_ratio'], '5.2f', 'x')}"
            f" {row['errors']:>6}"
        )
    if results["skipped"]:
        lines += ["", "Skipped"]
        lines += [f"  {s['label']}: {s['reason']}" for s in results["skipped"]]
    if results["page_weight"]:
        head = f"{'page (first visit, br/gzip)':34} {'HTML':>9} {'assets':>9} {'files':>5}"
        head += f" {'total':>9}"
        lines += [
            "",
            "Bytes on the wire (KB = 1000 bytes, response headers included)",
            head,
            "-" * len(head),
        ]
        for w in results["page_weight"]:
            lines.append(
                f"{w['label'][:34]:34} {w['html_bytes'] / 1000:8.1f}K"
                f" {w['asset_bytes'] / 1000:8.1f}K"
                f" {len(w['assets']):>5} {w['total_bytes'] / 1000:8.1f}K"
                + (
                    f"  (HTML sent {w['html_encoding']})"
                    if w["html_encoding"] == "identity"
                    else ""
                )
            )
            if w["missing_assets"]:
                lines.append(f"  missing: {', '.join(w['missing_assets'])}")
    if results["generation"]:
        lines += ["", "Generation time in-process (Django test client, no network)"]
        for g in results["generation"]:
            lines.append(
                f"  {g['label']:40} median {g['median_ms']:6.1f} ms  max {g['max_ms']:6.1f} ms"
                f"  ({g['repeats']} runs, {g['bytes'] / 1000:.1f} KB)"
            )
    lines += ["", "Targets"]
    mark = {True: "MET   ", False: "MISSED", None: "n/a   "}
    lines += [f"  {mark[t['met']]} {t['target']}: {t['measured']}" for t in results["targets"]]
    return "\n".join(lines)


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="per endpoint (default 200)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=20, help="requests before measuring")
    parser.add_argument("--only", help="comma-separated endpoint keys (health is always added)")
    parser.add_argument("--url", help="measure an already running loopback server instead")
    parser.add_argument("--database-url", help="for the started server; default a temp SQLite")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    endpoints = (
        [by_key(k.strip()) for k in args.only.split(",")]
        if args.only
        else [e for e in ENDPOINTS if e.bench]
    )

    def go(base_url: str, notes: list[str], in_process: bool) -> dict:
        results = run(
            base_url, endpoints, args.requests, args.concurrency, args.warmup, in_process=in_process
        )
        results["machine"] = machine()
        results["settings"] = {
            "requests": args.requests,
            "concurrency": args.concurrency,
            "warmup": args.warmup,
            "notes": notes,
        }
        return results

    if args.url:
        results = go(args.url, [f"Measured an existing server at {args.url}."], False)
    else:
        from .server import ProductionServer

        with ProductionServer(database_url=args.database_url) as server:
            os.environ.update(server.env)  # the in-process timing uses the same settings and DB
            import django

            django.setup()
            try:
                results = go(server.url, server.notes, True)
            finally:
                from django.db import connections

                connections.close_all()

    m = results["machine"]
    print(f"\nMachine: {m['cpus']} CPUs, {m['platform']}, Python {m['python']}, {m['when']}")
    print(f"Load average (1 min) at the end: {m['load_average_1min']} (other work skews figures)")
    print(
        f"Load: {args.requests} requests per endpoint at concurrency {args.concurrency} "
        f"after {args.warmup} warm-up requests; gunicorn and this client share the machine."
    )
    for note in results["settings"]["notes"]:
        print(f"Note: {note}")
    print()
    print(format_report(results))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=2)
        print(f"\nJSON written to {args.json}")
    failed = [s for s in results["skipped"] if s["failed"]]
    failed += [r for r in results["endpoints"] if r["errors"]]
    missed = [t for t in results["targets"] if t["met"] is False]
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
