"""Instructions of the window rules alone (Extractor._window and its stages), counted by
valgrind's callgrind: the same count for the same code and input whatever else the machine does.

    python benchmarks/window_instructions.py [--kb 30] [--root CHECKOUT]

One process: a warm `extract` pass over the first --kb KB of each development file records every
`_window` call; the calls are then replayed stage by stage (tokenize; find_numbers; the period
rules; the quantity rules; the whole `_window`), each once to warm up and once counted. Prints
millions of instructions per stage. Needs valgrind. Compare two checkouts with --root.
"""
import argparse
from pathlib import Path

from callgrind import counted  # this folder: run as python benchmarks/window_instructions.py

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
STAGES = ("tokenize", "numbers", "periods", "quantities", "window")

CHILD = r"""
import json, os, subprocess, sys
sys.path.insert(0, {root!r})
from extractor import extract
from extractor.numerals import find_numbers
from extractor.pipeline import PUNCT_RUN, Extractor, _blank, default_extractor

rows = []
for name in ("kaznerd-valid.kk.jsonl", "nerel-dev.ru.jsonl"):
    part = 0
    for line in open({data!r} + "/" + name, encoding="utf-8"):
        if line.strip() and part < {kb} * 1000:
            rows.append(json.loads(line)); part += len(rows[-1]["text"].encode("utf-8"))
calls = []
window = Extractor._window
def record(self, *args, **kwargs):
    calls.append((args, kwargs))
    return window(self, *args, **kwargs)
Extractor._window = record
for r in rows:
    extract(r["text"], lang=r.get("lang"), date=r.get("date"))
Extractor._window = window
ex = default_extractor()
pieces = [(args[2], PUNCT_RUN.sub(_blank, args[4]), args[3]) for args, _ in calls]   # rules, text, date
docs = [(rules, rules.tokenize(piece), date) for rules, piece, date in pieces]
numbers = [find_numbers(doc, rules.numerals) for rules, doc, _ in docs]
stages = dict(
    tokenize=lambda: [rules.tokenize(piece) for rules, piece, _ in pieces],
    numbers=lambda: [find_numbers(doc, rules.numerals) for rules, doc, _ in docs],
    periods=lambda: [rules.periods.find(doc, n, date, None, True) for (rules, doc, date), n in zip(docs, numbers)],
    quantities=lambda: [rules.quantities.find(doc, [x for x in n if not x.ordinal])
                        for (rules, doc, _), n in zip(docs, numbers)],
    window=lambda: [ex._window(*args, **kwargs) for args, kwargs in calls])
def callgrind(*args):
    subprocess.run(["callgrind_control", *args, str(os.getpid())], capture_output=True, check=True)
for name in {stages!r}:
    stages[name]()
    callgrind("-i", "on"); stages[name](); callgrind("-d", name); callgrind("-i", "off")
print(len(calls))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=30, help="KB of each development file")
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose extractor to measure")
    args = ap.parse_args()
    code = CHILD.format(root=str(Path(args.root).resolve()), data=str(DATA), kb=args.kb, stages=STAGES)
    counts, stdout = counted(["-c", code])
    print(f"{args.root}: {stdout.split()[-1]} windows of {args.kb} KB kk + {args.kb} KB ru; M instructions: "
          + "  ".join(f"{name} {counts[name] / 1e6:.1f}" for name in STAGES))


if __name__ == "__main__":
    main()
