"""Source precision / recall / F1 of quote attribution on hand-annotated sentences.

Each line of a file: {"dataset", "doc_id", "text", "sources": [{"text", "start", "end", "kind"}]}
(offsets into "text"; an empty list: nothing may be attributed; a source with no span, kind
"implicit", is a dropped subject: nothing to find, and anything attributed there is wrong).
A gold source is found when a quote record's speaker_start/end overlaps it; a predicted speaker
span is right when it overlaps a gold source.

    python -m extractor.evaluate_sources corpus/kk/speaker_sources.dev.jsonl corpus/ru/speaker_sources.dev.jsonl
    (add --show-errors 30; --context ../shared/data reads each sentence inside its whole document, so
    `Об этом сообщил X` has the sentence before it; to score another checkout, run from its root
    with PYTHONPATH=.)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _documents(context: str | None, lang: str) -> dict[str, str]:
    """doc id → text of the development documents in `context` (kaznerd-valid.kk.jsonl, …)."""
    docs: dict[str, str] = {}
    if context:
        for p in Path(context).glob(f"*.{lang}.jsonl"):
            for line in open(p, encoding="utf-8"):
                d = json.loads(line)
                docs[d["id"]] = d["text"]
    return docs


def _speaker_spans(extract, row, lang, docs, cache) -> list[tuple[int, int]]:
    """Speaker spans in the sentence: from the sentence alone, or from its document."""
    text = row["text"]
    doc = docs.get(row.get("doc_id"))
    base = row.get("sent_start")
    if doc is None or base is None or doc[base:base + len(text)] != text:
        quotes = [r for r in extract(text, lang=lang).records if r.kind == "quote"]
        return sorted({(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None} |
                      {(q.via_start, q.via_end) for q in quotes if q.via_start is not None})
    if row["doc_id"] not in cache:
        cache.clear()
        cache[row["doc_id"]] = [r for r in extract(doc, lang=lang).records if r.kind == "quote"]
    spans = {(a - base, b - base) for q in cache[row["doc_id"]]          # the speaker and the crediting outlet
             for a, b in ((q.speaker_start, q.speaker_end), (q.via_start, q.via_end))
             if a is not None and base <= a and b <= base + len(text)}
    return sorted(spans)


def score(path: str, show_errors: int = 0, context: str | None = None) -> dict:
    from extractor import extract
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    lang = "kk" if ".kk." in path or "/kk/" in path else "ru"
    docs = _documents(context, lang)
    cache: dict = {}
    gold_n = found = pred_n = right = 0
    by_kind: Counter = Counter()
    by_kind_found: Counter = Counter()
    errors = []
    for row in rows:
        text = row["text"]
        gold = [(s["start"], s["end"], s["kind"]) for s in row["sources"] if s.get("start") is not None]
        pred = _speaker_spans(extract, row, lang, docs, cache)
        gold_n += len(gold)
        pred_n += len(pred)
        for g in gold:
            by_kind[g[2]] += 1
            if any(_overlap(g[:2], p) for p in pred):
                found += 1
                by_kind_found[g[2]] += 1
        right += sum(any(_overlap(p, g[:2]) for g in gold) for p in pred)
        missed = [text[a:b] for a, b, _ in gold if not any(_overlap((a, b), p) for p in pred)]
        wrong = [text[a:b] for a, b in pred if not any(_overlap((a, b), g[:2]) for g in gold)]
        if missed or wrong:
            errors.append((row.get("doc_id"), text, missed, wrong))
    p = right / pred_n if pred_n else 1.0
    r = found / gold_n if gold_n else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{path}{' (in document context)' if docs else ''}: {len(rows)} sentences, {gold_n} sources, "
          f"{pred_n} predicted")
    print(f"  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print("  recall by kind: " + ", ".join(f"{k} {by_kind_found[k]}/{n}" for k, n in by_kind.most_common()))
    for doc_id, text, missed, wrong in errors[:show_errors]:
        print(f"  - {doc_id}: missed {missed} wrong {wrong}\n      {text[:300]}")
    return {"precision": p, "recall": r, "f1": f, "gold": gold_n, "predicted": pred_n}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--context", help="folder of the development documents (../shared/data)")
    args = ap.parse_args(argv)
    for path in args.files:
        score(path, args.show_errors, args.context)
    return 0


if __name__ == "__main__":
    sys.exit(main())
