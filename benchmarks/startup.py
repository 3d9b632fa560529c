"""Start-up of `python -m extractor extract` on the sample article: best wall and CPU seconds of N runs.

    python benchmarks/startup.py [--runs 5] [--root CHECKOUT]

Runs in CHECKOUT (default: this one), so two checkouts can be compared on the same machine.
Also says whether `import extractor` + `extract()` loaded spaCy.
"""
import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = ("import sys, extractor; extractor.extract(open('extractor/samples/kk-trade-kz-kg.txt', encoding='utf-8')"
         ".read(), date='2024-11-22'); print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--root", type=Path, default=ROOT)
    args = ap.parse_args()
    cmd = [sys.executable, "-m", "extractor", "extract", "extractor/samples/kk-trade-kz-kg.txt", "--date", "2024-11-22"]
    walls, cpus = [], []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=args.root, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    loaded = subprocess.run([sys.executable, "-c", CHECK], cwd=args.root, check=True, capture_output=True,
                            text=True).stdout.strip()
    print(f"{args.root}: start-up + sample article, best of {args.runs}: {min(walls):.2f} s wall, "
          f"{min(cpus):.2f} s CPU; spaCy modules loaded by extract(): {loaded}")


if __name__ == "__main__":
    main()
