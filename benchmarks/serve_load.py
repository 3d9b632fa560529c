"""Latency and requests/s of `sanaq serve` on this machine.

    python benchmarks/serve_load.py ../shared/data/nerel-dev.ru.jsonl --workers 1 2 [--articles 200]

For each worker count: starts `python -m extractor serve` on a free local port, waits for
/health, sends every article once (warm caches: the steady state of a service that has
run a while), then
  - latency: one client, one article at a time (POST /extract), --articles articles;
    reports the median and 95th percentile per article and the mean article size;
  - load: --clients clients at once (default 2 × workers), the same articles again;
    reports requests/s and the median / 95th percentile latency under load;
  - batch: the same articles in POST /batch requests of 50, streamed back; articles/s.
Every request goes to 127.0.0.1 only, and every loop is bounded by --articles and
--max-seconds. The server is stopped at the end.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def articles(paths: list[str], n: int) -> list[dict]:
    out = []
    for path in paths:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        if rows and all(len(r["text"]) < 400 for r in rows[:50]):        # one-sentence rows (KazNERD): 20 a piece
            rows = [{"text": "\n".join(r["text"] for r in rows[i:i + 20]), "lang": rows[i].get("lang")}
                    for i in range(0, len(rows), 20)]
        out += [{"text": r["text"], "lang": r.get("lang")} for r in rows]
    return out[:n]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int) -> tuple[subprocess.Popen, httpx.Client]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--port", str(port),
                             "--workers", str(workers), "--quiet"], cwd=ROOT)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if client.get("/health").status_code == 200:
                return proc, client
        except httpx.TransportError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the server did not start")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed_post(client: httpx.Client, item: dict) -> float:
    t = time.perf_counter()
    r = client.post("/extract", json=item)
    r.raise_for_status()
    return time.perf_counter() - t


def run(workers: int, items: list[dict], clients: int, max_seconds: float) -> dict:
    proc, client = start(workers)
    try:
        with ThreadPoolExecutor(clients) as pool:               # warm every worker's caches: a service
            list(pool.map(lambda it: timed_post(client, it), items))      # that has run a while
        deadline = time.monotonic() + max_seconds
        one = []
        for item in items:
            if time.monotonic() > deadline:
                break
            one.append(timed_post(client, item))
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            loaded = list(pool.map(lambda it: timed_post(client, it), items))
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        done = 0
        for i in range(0, len(items), 50):
            with client.stream("POST", "/batch", json=items[i:i + 50]) as r:
                done += sum(1 for line in r.iter_lines() if line)
        batch_seconds = time.perf_counter() - started
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=60)
    return {"workers": workers, "articles": len(items),
            "mean_kb": round(statistics.mean(len(i["text"].encode()) for i in items) / 1000, 1),
            "load_average": round(os.getloadavg()[0], 1),
            "latency_ms_p50": round(1000 * statistics.median(one), 1),
            "latency_ms_p95": round(1000 * percentile(one, 95), 1),
            "clients": clients, "requests_per_s": round(len(items) / load_seconds, 1),
            "load_latency_ms_p50": round(1000 * statistics.median(loaded), 1),
            "load_latency_ms_p95": round(1000 * percentile(loaded, 95), 1),
            "batch_articles_per_s": round(done / batch_seconds, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", help="JSONL files with a text field (and lang)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--clients", type=int, default=None, help="concurrent clients (default: 2 × workers)")
    ap.add_argument("--max-seconds", type=float, default=300, help="bound on the one-client phase")
    args = ap.parse_args()
    items = articles(args.files, args.articles)
    for workers in args.workers:
        print(json.dumps(run(workers, items, args.clients or 2 * workers, args.max_seconds)), flush=True)


if __name__ == "__main__":
    main()
