"""Instructions per KB of warm `extract`, counted by valgrind's callgrind: the same count for
the same code and input whatever else the machine is doing (CPU seconds on a shared 2-core
machine vary by ±30 %, which hides a 10 % gain).

    python benchmarks/instructions.py [--kb 60] [--root CHECKOUT] [--no-lang] [--unseen]

One Python process under callgrind with instrumentation off while it loads and warms up (one
extract pass over the first --kb KB of each development file); then it is switched on
(`callgrind_control`) for a second, measured pass, and for ten `regex` \\w+ passes over the same
text. Prints instructions per KB for both and their ratio. The ratio is not the CPU-time ratio
of benchmarks/warm_extract.py (memory stalls and branch misses are not counted, and they cost
the regex pass less), but it moves with it: use it for before/after. Needs valgrind.
"""
import argparse
from pathlib import Path

from callgrind import counted  # this folder: run as python benchmarks/instructions.py

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FILES = ("kaznerd-valid.kk.jsonl", "nerel-dev.ru.jsonl")

CHILD = r"""
import json, os, subprocess, sys
sys.path.insert(0, {root!r})
import regex
from extractor import extract

def callgrind(*args):
    subprocess.run(["callgrind_control", *args, str(os.getpid())], capture_output=True, check=True)

rows = []
for name in {files!r}:
    part = 0
    for line in open({data!r} + "/" + name, encoding="utf-8"):
        if line.strip() and part < {kb} * 1000:
            rows.append(json.loads(line)); part += len(rows[-1]["text"].encode("utf-8"))
text = "\n".join(r["text"] for r in rows)
word = regex.compile(r"\w+")
keep_lang = {keep_lang!r}
def run():
    for r in rows:
        extract(r["text"], lang=r.get("lang") if keep_lang else None, date=r.get("date"))
unseen = {unseen!r}
if unseen:                      # warm up on every other document, measure the others, new to this process
    rows, measured = rows[0::2], rows[1::2]
    text = "\n".join(r["text"] for r in measured)
run(); sum(1 for _ in word.finditer(text))
if unseen:
    rows = measured
callgrind("-i", "on")
run()
callgrind("-d", "extract")
for _ in range(10):
    sum(1 for _ in word.finditer(text))
callgrind("-d", "regex")
callgrind("-i", "off")
print(len(text.encode("utf-8")))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=60, help="KB of each development file")
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose extractor to measure")
    ap.add_argument("--no-lang", action="store_true", help="let extract detect each document's language")
    ap.add_argument("--unseen", action="store_true",
                    help="measure documents the process has not seen (warmed up on the others): an archive's new words")
    args = ap.parse_args()
    code = CHILD.format(root=str(Path(args.root).resolve()), files=FILES, data=str(DATA), kb=args.kb,
                        keep_lang=not args.no_lang, unseen=args.unseen)
    dumps, stdout = counted(["-c", code])
    kb = int(stdout.split()[-1]) / 1000
    extract_per_kb, regex_per_kb = dumps["extract"] / kb, dumps["regex"] / 10 / kb
    print(f"{kb:.0f} KB of {'unseen ' if args.unseen else ''}news{' (language detected)' if args.no_lang else ''}: "
          f"extract {extract_per_kb / 1e6:.3f} M instructions per KB; regex word pass "
          f"{regex_per_kb / 1e6:.4f} M per KB; extract is {extract_per_kb / regex_per_kb:.1f}x the word pass")


if __name__ == "__main__":
    main()
