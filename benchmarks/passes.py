"""The whole-text passes of `extract`, one by one, on short and on long documents.

    python benchmarks/passes.py [--root CHECKOUT] [--mb 0.3] [--runs 5]
    python benchmarks/passes.py --instructions [--root CHECKOUT] [--mb 0.1]     (needs valgrind)

The passes: normalize, language detection (when no lang is given), the dateline, the sentence
split and the pre-filter's windows (its word split, trigger lookups and windows), each over
every document of a set, after one warm-up run. "short": the first --mb MB of each development
file as they are (one or a few sentences each); "long": the same text, 20 documents joined into
one article (archives hold 2-5 KB articles). Default: CPU ms per MB, best of --runs (the machine
is shared: compare with the `regex \\w+` column of the same run). --instructions: valgrind's
instruction count per KB instead, the same whatever the load (one pass each, under callgrind).
"""
import argparse
import os
import subprocess
import json
import sys
import time
from pathlib import Path

from callgrind import counted  # this folder: run as python benchmarks/passes.py

PASSES = ["regex \\w+", "normalize", "detect_language", "find_dateline", "split_sentences", "windows_in"]
FILES = ["kaznerd-valid.kk.jsonl", "nerel-dev.ru.jsonl"]


def documents(root: Path, mb: float):
    """(set name, lang, texts) for the short and the long form of each development file."""
    for name in FILES:
        rows, size = [], 0
        for line in open(root.parent / "shared" / "data" / name, encoding="utf-8"):
            if line.strip() and size < mb * 1e6:
                rows.append(json.loads(line))
                size += len(rows[-1]["text"].encode("utf-8"))
        short = [r["text"] for r in rows]
        long = ["\n".join(short[i:i + 20]) for i in range(0, len(short), 20)]
        yield name.split(".")[0] + " short", rows[0]["lang"], short
        yield name.split(".")[0] + " long (20 joined)", rows[0]["lang"], long


def passes(lang: str, texts: list[str]) -> dict:
    import regex

    from extractor.langdetect import detect_language
    from extractor.normalize import normalize
    from extractor.periods.dateline import find_dateline
    from extractor.pipeline import default_extractor
    from extractor.sentences import split_sentences
    prefilter = default_extractor().rules(lang).prefilter
    normed = [normalize(t).text for t in texts]
    sentences = [split_sentences(t) for t in normed]
    word = regex.compile(r"\w+")
    return dict(zip(PASSES, [
        lambda: [sum(1 for _ in word.finditer(t)) for t in texts],
        lambda: [normalize(t) for t in texts],
        lambda: [detect_language(t) for t in texts],
        lambda: [find_dateline(t, lang) for t in normed],
        lambda: [split_sentences(t) for t in normed],
        lambda: [prefilter.windows_in(t, s, 5) for t, s in zip(normed, sentences)],
    ]))


def best(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def child(root: Path, mb: float) -> None:
    """Under callgrind: each pass once, warm, counted on its own (one dump per set and pass)."""
    def callgrind(*args):
        subprocess.run(["callgrind_control", *args, str(os.getpid())], capture_output=True, check=True)
    n = 0
    for label, lang, texts in documents(root, mb):
        size = sum(len(t.encode("utf-8")) for t in texts)
        for name, fn in passes(lang, texts).items():
            fn()
            callgrind("-i", "on")
            fn()
            callgrind("-d", f"p{n}")
            callgrind("-i", "off")
            print(f"p{n}\t{label}\t{name}\t{size}")
            n += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--mb", type=float, default=None, help="MB of each development file (0.3; 0.1 with --instructions)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--instructions", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.root = args.root.resolve()
    sys.path.insert(0, str(args.root))
    mb = args.mb or (0.1 if args.instructions or args.child else 0.3)
    if args.child:
        return child(args.root, mb)
    unit = "K instructions per KB" if args.instructions else f"CPU ms per MB, best of {args.runs}"
    print(f"{'':26}" + "".join(f"{k:>16}" for k in PASSES) + f"   ({unit})")
    if not args.instructions:
        for label, lang, texts in documents(args.root, mb):
            size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
            print(f"{label:26}" + "".join(f"{best(fn, args.runs) * 1000 / size:16.1f}"
                                          for fn in passes(lang, texts).values()))
        return
    counts, stdout = counted([__file__, "--child", "--root", str(args.root), "--mb", str(mb)])
    table: dict[str, dict[str, float]] = {}
    for line in stdout.splitlines():
        dump, label, name, size = line.split("\t")
        table.setdefault(label, {})[name] = counts[dump] / (int(size) / 1000) / 1000
    for label, row in table.items():
        print(f"{label:26}" + "".join(f"{row[k]:16.1f}" for k in PASSES))

if __name__ == "__main__":
    main()
