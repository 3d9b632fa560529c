"""Instructions per MB of warm `extract`, counted by valgrind's callgrind: the same count for
the same code and input whatever else the machine is doing (CPU seconds on a shared 2-core
machine vary by ±30 %, which hides a 10 % gain).

    python benchmarks/instructions.py [--kb 60] [--root CHECKOUT]

Runs Python under callgrind twice over the first --kb KB of each development file: once
loading and warming up (one extract pass), once doing the same and then a second, measured
pass. The difference is the measured pass's instructions. Prints them per KB of news, and
the same for one `regex` \\w+ pass over the same text (the ratio is comparable with
benchmarks/warm_extract.py's). Takes a minute or two; needs valgrind.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FILES = ("kaznerd-valid.kk.jsonl", "nerel-dev.ru.jsonl")

CHILD = r"""
import json, sys
sys.path.insert(0, {root!r})
import regex
from extractor import extract
rows, size = [], 0
for name in {files!r}:
    part = 0
    for line in open({data!r} + "/" + name, encoding="utf-8"):
        if line.strip() and part < {kb} * 1000:
            rows.append(json.loads(line)); part += len(rows[-1]["text"].encode("utf-8"))
text = "\n".join(r["text"] for r in rows)
word = regex.compile(r"\w+")
def run():
    for r in rows:
        extract(r["text"], lang=r.get("lang"), date=r.get("date"))
run(); sum(1 for _ in word.finditer(text))
mode = {mode!r}
if mode == "extract":
    run()
elif mode == "regex":
    for _ in range(10):
        sum(1 for _ in word.finditer(text))
print(len(text.encode("utf-8")))
"""


def count(mode: str, root: str, kb: int) -> tuple[int, int]:
    code = CHILD.format(root=root, files=FILES, data=str(DATA), kb=kb, mode=mode)
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                              sys.executable, "-c", code], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        collected = re.search(r"Collected : (\d+)", out.stderr)
        return int(collected.group(1)), int(out.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=60, help="KB of each development file")
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose extractor to measure")
    args = ap.parse_args()
    base, size = count("warm", args.root, args.kb)
    warm, _ = count("extract", args.root, args.kb)
    regex_pass, _ = count("regex", args.root, args.kb)
    per_kb = (warm - base) / (size / 1000)
    regex_per_kb = (regex_pass - base) / 10 / (size / 1000)
    print(f"{size / 1000:.0f} KB of news: extract {per_kb / 1e6:.2f} M instructions per KB; "
          f"regex word pass {regex_per_kb / 1e6:.3f} M per KB; extract is {per_kb / regex_per_kb:.1f}x the word pass")


if __name__ == "__main__":
    main()
