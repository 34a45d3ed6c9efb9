"""`make load`: a bounded load test on loopback that stops by itself and fails on any error.

N clients send requests back to back for T seconds (or until the request cap) on a weighted mix
of content pages and calendar POSTs from scripts/endpoints.py. Endpoints not built on this branch
are left out of the mix with a note. Any non-2xx answer or exception is an error, and any error
makes the exit status 1. Run `python -m scripts.loadtest --help`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
from dataclasses import dataclass, field
from time import monotonic

from .endpoints import Prepared, Skipped, by_key, prepare
from .web import percentile, require_loopback, run_threads

DEFAULT_MIX = "home=2,education=3,checklist=2,glossary=1,calendar=2,calendar-ics=1,calendar-pdf=1"
MAX_CLIENTS = 200
MAX_DURATION = 300.0


def parse_mix(text: str) -> dict[str, int]:
    """'home=2,calendar=1' -> {'home': 2, 'calendar': 1}; a bare key weighs 1."""
    mix: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, _, weight = part.partition("=")
        key = key.strip()
        by_key(key)  # unknown keys fail loudly
        value = int(weight) if weight.strip() else 1
        if value < 0:
            raise ValueError(f"Weight for {key} must not be negative.")
        mix[key] = value
    if not mix:
        raise ValueError("The mix is empty.")
    return mix


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run(
    base_url: str,
    clients: int,
    duration: float,
    mix: dict[str, int],
    max_requests: int = 100_000,
    seed: int = 1,
    log=print,
) -> dict:
    base_url = require_loopback(base_url)
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"clients must be 1 to {MAX_CLIENTS}")
    if not 0 < duration <= MAX_DURATION:
        raise ValueError(f"duration must be over 0 and at most {MAX_DURATION:g} seconds")
    skipped: list[dict] = []
    ready: list[tuple[Prepared, int]] = []
    for key, weight in mix.items():
        if weight == 0:
            continue
        item = prepare(by_key(key), base_url)
        if isinstance(item, Skipped):
            skipped.append({"key": key, "reason": item.reason, "failed": item.failed})
        else:
            ready.append((item, weight))
    tallies = {item.endpoint.key: Tally() for item, _ in ready}
    lock = threading.Lock()
    sent = 0
    if ready:
        choices = [item for item, _ in ready]
        weights = [weight for _, weight in ready]
        stop_at = monotonic() + duration

        def client(number: int) -> None:
            nonlocal sent
            rng = random.Random(seed * 1000 + number)
            while monotonic() < stop_at:
                with lock:
                    if sent >= max_requests:
                        return
                    sent += 1
                item = rng.choices(choices, weights)[0]
                tally = tallies[item.endpoint.key]
                try:
                    response = item.send(base_url)
                    problem = None if 200 <= response.status < 300 else f"HTTP {response.status}"
                    seconds = response.seconds
                except OSError as exc:
                    problem, seconds = f"{type(exc).__name__}: {exc}", 0.0
                with lock:
                    if problem:
                        tally.errors.append(problem)
                    else:
                        tally.latencies.append(seconds)

        log(
            f"{clients} clients for {duration:g} s (cap {max_requests} requests) on "
            + ", ".join(f"{item.endpoint.key}={w}" for item, w in ready)
            + " ..."
        )
        wall = run_threads([threading.Thread(target=client, args=(n,)) for n in range(clients)])
    else:
        wall = 0.0

    def summary(latencies: list[float], errors: list[str]) -> dict:
        count = len(latencies) + len(errors)
        return {
            "requests": count,
            "errors": len(errors),
            "error_examples": sorted(set(errors))[:5],
            "rps": count / wall if wall else 0.0,
            "p50_ms": percentile(latencies, 50) * 1000 if latencies else None,
            "p99_ms": percentile(latencies, 99) * 1000 if latencies else None,
        }

    all_latencies = [x for t in tallies.values() for x in t.latencies]
    all_errors = [x for t in tallies.values() for x in t.errors]
    return {
        "clients": clients,
        "duration_s": duration,
        "wall_s": wall,
        "max_requests": max_requests,
        "skipped": skipped,
        "endpoints": {key: summary(t.latencies, t.errors) for key, t in tallies.items()},
        "total": summary(all_latencies, all_errors),
    }


def format_report(results: dict) -> str:
    head = f"{'endpoint':16} {'requests':>9} {'errors':>7} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8}"
    lines = [head, "-" * len(head)]
    rows = [*results["endpoints"].items(), ("TOTAL", results["total"])]
    for key, s in rows:
        p50 = "-" if s["p50_ms"] is None else f"{s['p50_ms']:8.1f}"
        p99 = "-" if s["p99_ms"] is None else f"{s['p99_ms']:8.1f}"
        lines.append(
            f"{key:16} {s['requests']:>9} {s['errors']:>7} {s['rps']:>8.1f} {p50:>8} {p99:>8}"
        )
        lines += [f"    error: {e}" for e in s["error_examples"]] if key != "TOTAL" else []
    for skip in results["skipped"]:
        lines.append(f"skipped {skip['key']}: {skip['reason']}")
    return "\n".join(lines)


def passed(results: dict) -> bool:
    failed_setup = any(s["failed"] for s in results["skipped"])
    total = results["total"]
    return total["requests"] > 0 and total["errors"] == 0 and not failed_setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="hard cap")
    parser.add_argument(
        "--mix", default=DEFAULT_MIX, help=f"key=weight,... (default {DEFAULT_MIX})"
    )
    parser.add_argument("--url", help="load an already running loopback server instead")
    parser.add_argument("--database-url", help="for the started server; default a temp SQLite")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    mix = parse_mix(args.mix)

    def go(base_url: str) -> dict:
        return run(base_url, args.clients, args.duration, mix, args.max_requests)

    if args.url:
        results = go(args.url)
    else:
        from .server import ProductionServer

        with ProductionServer(database_url=args.database_url) as server:
            for note in server.notes:
                print(f"Note: {note}")
            results = go(server.url)
    print()
    print(format_report(results))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=2)
    ok = passed(results)
    print("\nPASS: no errors" if ok else "\nFAIL: errors (or nothing could be sent)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
