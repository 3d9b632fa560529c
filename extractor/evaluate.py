"""Score the extractor against gold spans (the development sets' JSONL format).

Each line: {"id", "lang", "text", "spans": [{"start", "end", "label"}]}. Record
kinds map to gold labels (money→MONEY, percent→PERCENT, quantity→QUANTITY,
number and ratio→NUMBER, ordinal→ORDINAL, period and duration→DATE (durations in hours,
minutes or seconds→TIME); NEREL has no QUANTITY, so in a file without
that label quantities count as NUMBER). Precision, recall and F1 are given for
exact spans and for overlap (one-to-one: a prediction matches at most one
gold span of the same label that it overlaps).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

KIND_TO_LABEL = {"money": "MONEY", "percent": "PERCENT", "quantity": "QUANTITY", "number": "NUMBER",
                 "ratio": "NUMBER",         # the gold sets label multipliers (2 есе, в 2 раза) as numbers
                 "ordinal": "ORDINAL", "period": "DATE", "duration": "DATE"}
LABELS = ("MONEY", "PERCENT", "QUANTITY", "NUMBER", "ORDINAL", "DATE", "TIME")
CLOCK_UNITS = ("hour", "minute", "second")     # durations in these are TIME in the gold sets


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_tp_pred: int = 0
    overlap_tp_gold: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def scores(self, mode: str) -> tuple[float, float, float]:
        if mode == "exact":
            tp_p = tp_g = self.exact
        else:
            tp_p, tp_g = self.overlap_tp_pred, self.overlap_tp_gold
        p = tp_p / self.predicted if self.predicted else 0.0
        r = tp_g / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[int, set, set]:
    """exact matches; indices of predictions and gold spans matched by overlap (one-to-one)."""
    exact = len(set(pred) & set(gold))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            if j not in used_gold and ps < ge and gs < pe:
                used_gold.add(j)
                used_pred.add(i)
                break
    return exact, used_pred, used_gold


def evaluate_file(path: str, lang: str | None = None, limit: int | None = None) -> dict[str, Tally]:
    from . import extract

    tallies: dict[str, Tally] = defaultdict(Tally)
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    has_quantity = any(s["label"] == "QUANTITY" for r in rows for s in r["spans"])
    for row in rows:
        doc = extract(row["text"], lang=lang or row.get("lang"))
        pred: dict[str, list] = defaultdict(list)
        for r in doc.records:
            label = KIND_TO_LABEL.get(r.kind)
            if r.kind == "duration" and r.unit in CLOCK_UNITS or r.kind == "period" and r.grain in CLOCK_UNITS:
                label = "TIME"          # сағат 15:00-де, в 7 утра: a period of hour or minute grain
            if label == "QUANTITY" and not has_quantity:
                label = "NUMBER"
            if label == "TIME" and getattr(r, "_time_from", None) is not None:
                day = r.text[:r._time_from - r.start].rstrip(" ,")   # 12 января в 10:00: the gold sets mark
                pred["DATE"].append((r.start, r.start + len(day)))  # the day as a DATE, the time as a TIME
                pred["TIME"].append((r._time_from, r.end))
            elif label:
                pred[label].append((r.start, r.end))
        gold: dict[str, list] = defaultdict(list)
        for s in row["spans"]:
            if s["label"] in LABELS:
                gold[s["label"]].append((s["start"], s["end"]))
        for label in LABELS:
            p, g = pred.get(label, []), gold.get(label, [])
            t = tallies[label]
            t.gold += len(g)
            t.predicted += len(p)
            exact, used_pred, used_gold = _match(p, g)
            t.exact += exact
            t.overlap_tp_pred += len(used_pred)
            t.overlap_tp_gold += len(used_gold)
            text = row["text"]
            t.misses += [text[s:e] + "  ||  " + text[max(0, s - 40):e + 40] for j, (s, e) in enumerate(g) if j not in used_gold]
            t.false_alarms += [text[s:e] + "  ||  " + text[max(0, s - 40):e + 40] for i, (s, e) in enumerate(p) if i not in used_pred]
    return dict(tallies)


def report(path: str, tallies: dict[str, Tally]) -> str:
    lines = [f"{path}", f"{'label':10} {'gold':>6} {'pred':>6}   {'P':>5} {'R':>5} {'F1':>5} (exact)   {'P':>5} {'R':>5} {'F1':>5} (overlap)"]
    for label in LABELS:
        t = tallies.get(label)
        if t is None or (t.gold == 0 and t.predicted == 0):
            continue
        ep, er, ef = t.scores("exact")
        op, orr, of = t.scores("overlap")
        lines.append(f"{label:10} {t.gold:6d} {t.predicted:6d}   {ep:5.3f} {er:5.3f} {ef:5.3f}           "
                     f"{op:5.3f} {orr:5.3f} {of:5.3f}")
    return "\n".join(lines)
