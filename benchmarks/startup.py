"""Start-up of `python -m extractor extract` on the sample article: best wall and CPU seconds of N runs.

    python benchmarks/startup.py [--runs 5] [--root CHECKOUT]

Runs in CHECKOUT (default: this one), so two checkouts can be compared on the same machine.
With --installed: runs PYTHON (default: this one) outside any checkout, so it measures the installed
package (e.g. the compiled wheel, docs/speed.md). Also says whether `import extractor` + `extract()`
loaded spaCy, and the peak RSS of the runs.
"""
import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "extractor" / "samples" / "kk-trade-kz-kg.txt"
CHECK = ("import sys, extractor; extractor.extract(open(sys.argv[1], encoding='utf-8')"
         ".read(), date='2024-11-22'); print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--installed", action="store_true", help="the installed package: run outside any checkout")
    ap.add_argument("--python", default=sys.executable, help="with --installed: the interpreter (e.g. a venv's)")
    args = ap.parse_args()
    python = args.python if args.installed else sys.executable
    cwd = tempfile.mkdtemp() if args.installed else args.root
    sample = str(SAMPLE if args.installed else args.root / "extractor" / "samples" / "kk-trade-kz-kg.txt")
    cmd = [python, "-m", "extractor", "extract", sample, "--date", "2024-11-22"]
    walls, cpus = [], []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    loaded = subprocess.run([python, "-c", CHECK, sample], cwd=cwd, check=True, capture_output=True,
                            text=True).stdout.strip()
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    where = f"installed ({python})" if args.installed else args.root
    print(f"{where}: start-up + sample article, best of {args.runs}: {min(walls):.2f} s wall, "
          f"{min(cpus):.2f} s CPU, peak RSS {rss:.0f} MB; spaCy modules loaded by extract(): {loaded}")


if __name__ == "__main__":
    main()
