"""Load test of ``repair serve`` over loopback: bounded, self-stopping.

Usage::

    python benchmarks/serve_load.py [--requests 200] [--words 1000] [--sequential 30]
        [--endpoint check|api] [--cpu 0] [--max-seconds 600] [--json OUT]

It starts ``repair serve`` on a free 127.0.0.1 port (pinned to core ``--cpu``,
so the figures are for one core; ``--cpu -1`` leaves it unpinned), then

1. sends ``--sequential`` requests one at a time (warm: after 3 warm-up
   requests) and reports their median and 90th-percentile latency;
   It also reports the server's CPU time per request (from /proc): on a
   shared machine that is what one uncontended core would take;
2. sends ``--requests`` requests at once (one thread each, released together)
   and reports errors, median / 95th-percentile / max latency and throughput.

Each request carries ``--words`` words: windows of the spun seed
(``seeds/000_*``) and of the clean seeds (001-004), alternating.  Every
request has a 300 s client timeout and the whole run a ``--max-seconds``
budget; the server is always stopped.  Loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serve_fixture import HOST, cpu_seconds, running_server  # noqa: E402

SEEDS = ROOT / "seeds"


def texts(words: int) -> list[str]:
    """Windows of exactly ``words`` words (line breaks kept): spun, clean, spun, clean, ..."""
    spun = sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8")
    clean = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[1-4]_*.txt")))
    windows: list[list[str]] = []
    for source in (spun, clean):
        spans = [m.span() for m in re.finditer(r"\S+", source)]
        last = max(1, len(spans) - words + 1)
        windows.append(
            [
                source[spans[i][0] : spans[min(i + words, len(spans)) - 1][1]]
                for i in range(0, last, 37)
            ]
        )
    return [t for pair in zip(*windows, strict=False) for t in pair]


def request(port: int, endpoint: str, text: str) -> tuple[int, float, str]:
    """(status, seconds, error text) of one request."""
    if endpoint == "check":
        path = "/v2/check"
        body = urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()
        ctype = "application/x-www-form-urlencoded"
    else:
        path = "/api/repair"
        body = json.dumps({"text": text}).encode()
        ctype = "application/json"
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=300)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": ctype})
        r = conn.getresponse()
        data = r.read()
        ok = r.status == 200 and "matches" in json.loads(data) if endpoint == "check" else True
        err = "" if r.status == 200 and ok else data[:200].decode("utf-8", "replace")
        return r.status, time.perf_counter() - t0, err
    except (OSError, http.client.HTTPException, json.JSONDecodeError) as exc:
        return 0, time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"
    finally:
        conn.close()


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--sequential", type=int, default=30)
    ap.add_argument("--endpoint", choices=("check", "api"), default="check")
    ap.add_argument("--cpu", type=int, default=0, help="pin the server to this core (-1: no)")
    ap.add_argument("--timeout", type=float, help="server --timeout (default: the server's)")
    ap.add_argument("--max-seconds", type=float, default=600.0)
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)

    pool_texts = texts(args.words)
    n_words = [len(t.split()) for t in pool_texts]
    cpus = None if args.cpu < 0 else {args.cpu}
    started = time.monotonic()
    server_args = ("--timeout", str(args.timeout)) if args.timeout else ()
    with running_server(*server_args, cpus=cpus) as url:
        port = urllib.parse.urlparse(url).port
        for t in pool_texts[:3]:  # warm-up
            request(port, args.endpoint, t)
        seq = []
        cpu0 = cpu_seconds(url.pid)
        for i in range(args.sequential):
            status, secs, err = request(port, args.endpoint, pool_texts[i % len(pool_texts)])
            if status != 200:
                print(f"sequential request failed: {status} {err}", file=sys.stderr)
            seq.append(secs)
        seq_cpu = (cpu_seconds(url.pid) - cpu0) / max(1, args.sequential)
        gate = threading.Event()
        results: list[tuple[int, float, str]] = []
        lock = threading.Lock()

        def one(i: int) -> None:
            gate.wait()
            res = request(port, args.endpoint, pool_texts[i % len(pool_texts)])
            with lock:
                results.append(res)

        budget = max(1.0, args.max_seconds - (time.monotonic() - started))
        with ThreadPoolExecutor(args.requests) as ex:
            futures = [ex.submit(one, i) for i in range(args.requests)]
            time.sleep(0.5)  # let every thread reach the gate
            t0 = time.perf_counter()
            gate.set()
            done, pending = wait(futures, timeout=budget)
            wall = time.perf_counter() - t0
            for f in pending:
                f.cancel()
        conc_cpu = cpu_seconds(url.pid) - cpu0 - seq_cpu * args.sequential
    lat = [s for _, s, _ in results]
    errors = [(st, e) for st, _, e in results if st != 200]
    figures = {
        "endpoint": args.endpoint,
        "words_per_request": round(statistics.median(n_words)),
        "server_cores": "1 (pinned)" if cpus else "unpinned",
        "sequential": {
            "requests": len(seq),
            "median_ms": round(1000 * statistics.median(seq), 1),
            "p90_ms": round(1000 * pct(seq, 0.9), 1),
            "server_cpu_ms_per_request": round(1000 * seq_cpu, 1),
        },
        "concurrent": {
            "requests": args.requests,
            "completed": len(results),
            "unfinished": args.requests - len(results),
            "errors": len(errors),
            "median_ms": round(1000 * statistics.median(lat), 1) if lat else None,
            "p95_ms": round(1000 * pct(lat, 0.95), 1) if lat else None,
            "max_ms": round(1000 * max(lat), 1) if lat else None,
            "wall_s": round(wall, 2),
            "requests_per_s": round(len(results) / wall, 1) if wall else None,
            "server_cpu_s": round(conc_cpu, 2),
            "words_per_s": round(len(results) * statistics.median(n_words) / wall)
            if wall
            else None,
        },
    }
    if errors:
        figures["concurrent"]["first_errors"] = [f"{st}: {e}" for st, e in errors[:3]]
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if errors or len(results) < args.requests else 0


if __name__ == "__main__":
    raise SystemExit(main())
