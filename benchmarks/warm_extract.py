"""Warm `extract` throughput on real news, as a ratio to one regex word pass over the same text.

    python benchmarks/warm_extract.py [FILE.jsonl ...] [--runs 3] [--unseen]     (default: ../shared/data/*.jsonl)

For each file: the MB/s (per CPU second) of a `regex` \\w+ pass, of `extract()` over every
document after one warm-up pass (best of --runs), and their ratio (how many times slower
than the word pass; the machine is shared, so only the ratio is comparable between runs).
With --tokenizers: also the tokenizers alone over the windows the pipeline reads, spaCy's
(with the Tok objects the rules read) and the fast one.
With --installed: the installed `extractor` package (e.g. the compiled wheel, docs/speed.md),
not this checkout's; also prints the process's peak RSS.
"""
import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--installed" not in sys.argv:
    sys.path.insert(0, str(ROOT))        # this checkout's package, not an installed one

import regex  # noqa: E402

from extractor import extract  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()       # CPU time: on a shared, loaded machine wall time is mostly waiting
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mb", type=float, default=0.5, help="use the first documents of each file up to this many MB")
    ap.add_argument("--tokenizers", action="store_true")
    ap.add_argument("--unseen", action="store_true",
                    help="also: warm up on every other document, then time one pass over the others (an "
                         "archive brings new words all the time: their analyses are not remembered yet)")
    ap.add_argument("--installed", action="store_true", help="measure the installed package, not this checkout")
    args = ap.parse_args()
    import extractor
    print(f"extractor from {Path(extractor.__file__).parent}")
    word = regex.compile(r"\w+")
    for path in args.files or sorted(DATA.glob("*.jsonl")):
        rows, size = [], 0
        for line in open(path, encoding="utf-8"):
            if line.strip() and size < args.mb * 1e6:
                rows.append(json.loads(line))
                size += len(rows[-1]["text"].encode("utf-8"))
        text = "\n".join(r["text"] for r in rows)
        mb = len(text.encode("utf-8")) / 1e6

        def run():
            for r in rows:
                extract(r["text"], lang=r.get("lang"), date=r.get("date"))
        run()                                                   # warm: models loaded, caches filled
        # the word pass and extract() alternate, so both see the same load on a shared machine
        passes, runs = [], []
        for _ in range(args.runs):
            passes.append(best(lambda: sum(1 for _ in word.finditer(text)), 3))
            runs.append(best(run, 1))
        ceiling, rate = mb / min(passes), mb / min(runs)
        print(f"{path.name}: {mb:.2f} MB; regex word pass {ceiling:.1f} MB/s; extract {rate:.2f} MB/s; "
              f"extract is {ceiling / rate:.1f}x slower than the word pass")
        if args.unseen:
            unseen(rows, ceiling, args.installed)
        if args.tokenizers:
            tokenizers(rows, mb, ceiling, args.runs)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def unseen(rows, ceiling: float, installed: bool) -> None:
    """One pass over documents the process has not seen, after warming up on the others (a fresh
    process, so no cache holds their words)."""
    import subprocess
    path = "" if installed else f"sys.path.insert(0, {str(ROOT)!r}); "
    code = (f"import json, sys, time; {path}from extractor import extract; "
            "rows = json.loads(sys.stdin.read()); "
            "[extract(r['text'], lang=r.get('lang'), date=r.get('date')) for r in rows[0::2]]; "
            "t = time.process_time(); "
            "[extract(r['text'], lang=r.get('lang'), date=r.get('date')) for r in rows[1::2]]; "
            "print(time.process_time() - t)")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(rows), capture_output=True, text=True, check=True)
    mb = sum(len(r["text"].encode("utf-8")) for r in rows[1::2]) / 1e6
    rate = mb / float(out.stdout.split()[-1])
    print(f"    unseen documents: extract {rate:.2f} MB/s; {ceiling / rate:.1f}x slower than the word pass")


def tokenizers(rows, mb: float, ceiling: float, runs: int) -> None:
    from extractor.lang import fast_tokenizer, tokenizers
    from extractor.tokens import Tok
    windows = []
    for r in rows:
        lang = r.get("lang") or "kk"
        windows += [(lang, w) for w in _windows(r["text"], lang)]
    spacy = {lang: tokenizers.tokenizer_for(lang) for lang in ("kk", "ru")}
    fast = {lang: fast_tokenizer.tokenizer_for(lang) for lang in ("kk", "ru")}
    for label, fn in (("spaCy + Tok", lambda: [[Tok.of(t) for t in spacy[lang](w)] for lang, w in windows]),
                      ("fast", lambda: [fast[lang](w) for lang, w in windows])):
        fn()
        rate = mb / best(fn, runs)
        print(f"  tokenizer {label:12} over the windows: {rate:.2f} MB/s of news ({ceiling / rate:.1f}x the word pass)")


def _windows(text: str, lang: str) -> list[str]:
    from extractor.normalize import normalize
    from extractor.pipeline import PUNCT_RUN, _blank, default_extractor
    from extractor.sentences import split_sentences
    norm = normalize(text).text
    ex = default_extractor()
    spans = ex.rules(lang).prefilter.windows_in(norm, split_sentences(norm), ex.window_words)
    return [PUNCT_RUN.sub(_blank, norm[a:b]) for _, a, b in spans]


if __name__ == "__main__":
    main()
