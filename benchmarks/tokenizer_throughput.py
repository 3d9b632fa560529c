"""Tokenizer and end-to-end throughput on a large text built from the development sets.

    python benchmarks/tokenizer_throughput.py [--mb 20]

Prints MB/s for: one regex pass (the ceiling), the kk/ru spaCy tokenizers with
the number rules, and `extractor.extract` end to end.
"""
import argparse
import json
import time
from pathlib import Path

import regex

from extractor import extract
from extractor.lang.tokenizers import tokenizer_for

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SAMPLE = Path(__file__).resolve().parent.parent / "extractor" / "samples" / "kk-trade-kz-kg.txt"


def corpus_text(name: str, mb: float) -> str:
    path = DATA / name
    base = "\n".join(json.loads(line)["text"] for line in path.open(encoding="utf-8")) if path.exists() \
        else SAMPLE.read_text(encoding="utf-8")
    reps = max(1, int(mb * 1e6 / len(base.encode())))
    return "\n".join([base] * reps)


def rate(label: str, nbytes: int, fn) -> None:
    t = time.perf_counter()
    fn()
    dt = time.perf_counter() - t
    print(f"{label:45} {nbytes / 1e6 / dt:8.2f} MB/s  ({nbytes / 1e6:.1f} MB in {dt:.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10)
    args = ap.parse_args()
    for lang, name in (("kk", "kaznerd-valid.kk.jsonl"), ("ru", "nerel-train.ru.jsonl")):
        text = corpus_text(name, args.mb)
        lines = text.split("\n")
        nbytes = len(text.encode())
        tok = tokenizer_for(lang)
        rate(f"{lang}: one regex pass (\\d+)", nbytes, lambda: sum(1 for _ in regex.finditer(r"\d+", text)))
        rate(f"{lang}: spaCy tokenizer with number rules", nbytes, lambda: [tok(line) for line in lines])
        rate(f"{lang}: extract() end to end, line per doc", nbytes, lambda: [extract(line, lang=lang) for line in lines])


if __name__ == "__main__":
    main()
