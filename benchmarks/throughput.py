"""End-to-end throughput of `sanaq batch` on a synthetic archive built from the bundled corpus.

    python benchmarks/throughput.py [--mb 50] [--workers 1 2] [--memory]
    python benchmarks/throughput.py --real ../shared/data/*.jsonl [--workers 1 2]

Builds a JSONL archive (>= --mb MB, Kazakh and Russian articles of 15–40
sentences drawn from corpus/*/*.jsonl and the sample article, with
paragraph breaks), then runs `sanaq batch ARCHIVE --out OUT.jsonl` with each
worker count and reports MB/s, articles/s, MB per CPU second (parent and
workers: the per-core rate, steady under load) and the peak RSS of the largest
worker process (psutil polling). The ceiling is one regex word pass over the
same text; the tokenizer alone (the fast one), over every sentence and over only the
windows the pipeline reads, shows what it leaves of a per-core budget.
`--memory` also runs 1 000 and 100 000 short articles to show that peak
memory per worker does not grow with the archive.

The synthetic archive is the worst case: every sentence of the corpus holds a
number, a date or a quote. `--real FILE...` measures real news instead: JSONL
files with a "text" field, used once each, as they are (a file of one-sentence
documents, like KazNERD, is grouped 20 sentences to an article).
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import regex

ROOT = Path(__file__).resolve().parent.parent


def sentences(lang: str) -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus" / lang).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    if lang == "kk":
        sample = (ROOT / "extractor" / "samples" / "kk-trade-kz-kg.txt").read_text(encoding="utf-8")
        out += [s for s in sample.split("\n") if s.strip()]
    return out


def build_archive(path: Path, mb: float, sizes=(15, 40), seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    pools = {"kk": sentences("kk"), "ru": sentences("ru")}
    n = nbytes = 0
    with open(path, "w", encoding="utf-8") as fh:
        while nbytes < mb * 1e6:
            lang = "kk" if n % 2 == 0 else "ru"
            k = rng.randint(*sizes)
            body = []
            for i in range(k):
                body.append(rng.choice(pools[lang]))
                if i % 5 == 4:
                    body.append("\n\n")
            text = " ".join(body).replace(" \n\n ", "\n\n")
            date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            fh.write(json.dumps({"id": f"art{n}", "text": text, "date": date}, ensure_ascii=False) + "\n")
            nbytes += len(text.encode("utf-8"))
            n += 1
    return n, nbytes


def build_real_archive(path: Path, files: list[str]) -> tuple[int, int]:
    n = nbytes = 0
    with open(path, "w", encoding="utf-8") as fh:
        for name in files:
            rows = [json.loads(line) for line in open(name, encoding="utf-8") if line.strip()]
            texts = [r["text"] for r in rows]
            if texts and sum(map(len, texts)) / len(texts) < 400:      # one sentence per document
                texts = [" ".join(texts[i:i + 20]) for i in range(0, len(texts), 20)]
            for text in texts:
                fh.write(json.dumps({"id": f"art{n}", "text": text, "date": "2024-05-05"}, ensure_ascii=False) + "\n")
                nbytes += len(text.encode("utf-8"))
                n += 1
    return n, nbytes


def regex_ceiling(path: Path) -> float:
    text = path.read_text(encoding="utf-8")
    word = regex.compile(r"\w+")
    start = time.perf_counter()
    count = sum(1 for _ in word.finditer(text))
    assert count
    return len(text.encode("utf-8")) / 1e6 / (time.perf_counter() - start)


def tokenizer_floor(path: Path) -> tuple[float, float]:
    """MB/s of the pipeline's tokenizer alone (warm, best of 3) over every sentence, and over only the
    windows the pipeline reads: what the tokenizer by itself leaves of a per-core budget."""
    from extractor.langdetect import detect_language
    from extractor.normalize import normalize
    from extractor.pipeline import PUNCT_RUN, _blank, default_extractor
    from extractor.sentences import split_sentences
    ex = default_extractor()
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    sentences, windows = [], []
    for text in texts:
        rules = ex.rules(detect_language(text))
        norm = normalize(text).text
        spans = split_sentences(norm)
        sentences += [(rules, norm[a:b]) for a, b in spans]
        windows += [(rules, PUNCT_RUN.sub(_blank, norm[a:b]))
                    for _, a, b in rules.prefilter.windows_in(norm, spans, ex.window_words)]

    def best(pieces) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            for rules, piece in pieces:
                rules.tokenizer(piece)
            times.append(time.perf_counter() - start)
        return nbytes / 1e6 / min(times)
    return best(sentences), best(windows)


def run_batch(archive: Path, workers: int, nbytes: int, n: int) -> dict:
    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "extractor", "batch", str(archive), "--out", str(out),
           "--workers", str(workers), "--quiet"]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_worker = peak_total = 0
    while proc.poll() is None:
        try:
            procs = [proc] + proc.children(recursive=True)
            rss = [p.memory_info().rss for p in procs]
        except psutil.Error:
            continue
        workers_rss = rss[1:] or rss
        peak_worker = max(peak_worker, max(workers_rss))
        peak_total = max(peak_total, sum(rss))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    # CPU seconds of the batch and its workers (reaped by it, so counted here): MB per CPU second is
    # the per-core rate, which a shared machine's load does not change the way it changes wall time
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed: {proc.stderr.read().decode()}")
    lines = sum(1 for _ in open(out, encoding="utf-8"))
    return {"workers": workers, "articles": n, "written": lines, "MB": round(nbytes / 1e6, 1),
            "seconds": round(seconds, 1), "MB/s": round(nbytes / 1e6 / seconds, 2),
            "articles/s": round(n / seconds, 1), "MB/s per worker": round(nbytes / 1e6 / seconds / workers, 2),
            "CPU s": round(cpu, 1), "MB per CPU s": round(nbytes / 1e6 / cpu, 2),
            "peak RSS per worker (MB)": round(peak_worker / 2**20), "peak RSS total (MB)": round(peak_total / 2**20)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    ap.add_argument("--memory", action="store_true", help="also 1k vs 100k short articles: peak RSS")
    ap.add_argument("--real", nargs="+", metavar="FILE", help="JSONL files of real news instead of the synthetic archive")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    archive = tmp / "archive.jsonl"
    if args.real:
        n, nbytes = build_real_archive(archive, args.real)
        print(f"archive: {n} real articles from {len(args.real)} files, {nbytes / 1e6:.1f} MB of text, "
              f"{os.cpu_count()} cores")
    else:
        n, nbytes = build_archive(archive, args.mb)
        print(f"archive: {n} articles, {nbytes / 1e6:.1f} MB of text (kk and ru), {os.cpu_count()} cores")
    print(f"ceiling, one regex word pass: {regex_ceiling(archive):.0f} MB/s")
    every, windows = tokenizer_floor(archive)
    print(f"the tokenizer alone (fast, spaCy's tokens): {every:.1f} MB/s over every sentence, {windows:.1f} MB/s over the windows read")
    for w in args.workers:
        print(json.dumps(run_batch(archive, w, nbytes, n), ensure_ascii=False))
    if args.memory:
        for count in (1_000, 100_000):
            small = tmp / f"small{count}.jsonl"
            k, b = build_archive(small, mb=count * 300 / 1e6, sizes=(2, 4))
            print(json.dumps({"memory test": count, **run_batch(small, 2, b, k)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
