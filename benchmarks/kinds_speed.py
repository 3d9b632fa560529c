"""What asking for some kinds saves: `extract(text, kinds=...)` over real news, one process.

    python benchmarks/kinds_speed.py ../shared/data/nerel-dev.ru.jsonl [--rounds 3]

Warms the caches with one full pass, then times each kind set in turn (alternating, so a
slow spell of a shared machine hits them all alike), best of --rounds; prints MB/s and
the time relative to all kinds.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))      # this checkout's extractor
from extractor.pipeline import Extractor  # noqa: E402

SETS = [None, "money,percent", "money,percent,quantity,number", "period,duration", "quote"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = [json.loads(line) for path in args.files
            for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    mb = sum(len(r["text"].encode()) for r in rows) / 1e6
    ex = Extractor()
    for r in rows:
        ex.extract(r["text"], lang=r.get("lang"))
    best = {k: float("inf") for k in SETS}
    for _ in range(args.rounds):
        for kinds in SETS:
            t = time.perf_counter()
            for r in rows:
                ex.extract(r["text"], lang=r.get("lang"), kinds=kinds)
            best[kinds] = min(best[kinds], time.perf_counter() - t)
    for kinds in SETS:
        print(f"{kinds or 'all kinds':32} {mb / best[kinds]:.2f} MB/s  {best[kinds] / best[None]:.0%} of the time")


if __name__ == "__main__":
    main()
