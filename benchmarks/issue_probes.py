"""Probes for issues #15 (speakers), #16 (quantities) and #17 (periods): which issue items hold.

Every line of corpus/probes/<lang>.jsonl is one example an issue names, written as a short
news sentence, with the records it must give and the ones it must not:

    {"issue": 16, "item": "1 signs and temperatures", "date": "2024-11-22", "text": "...",
     "expect": [{"kind": "quantity", "text": "5-13 градус аяз", "min": -13, "max": -5, "unit": "°C"}],
     "forbid": [{"kind": "number"}]}

A probe passes when every expected record is found with that kind and exact span and the
listed fields equal (floats within 1e-9 relative; a field left out of the JSON counts as null;
`period_text` / `compared_to_text` name the span of the period a record links to),
and no record matches a `forbid` entry (an entry matches when all of its listed fields equal;
without "text" it matches any span).

    python benchmarks/issue_probes.py [--show-failures] [--probes DIR] [--issue 16]

The extractor is imported from the current directory, so running this file from another
checkout (cd /work/wt-merge && python /path/to/issue_probes.py --probes ...) measures that one.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, os.getcwd())      # the checkout we stand in, not the one this file lives in

DEFAULT_PROBES = Path(__file__).resolve().parent.parent / "corpus" / "probes"
SHOWN_FIELDS = ("value", "unit", "min", "max", "approx", "change", "per", "from_value", "to_value",
                "base_value", "base_unit", "start_date", "end_date", "grain", "start_time", "end_time",
                "timezone", "dateline", "compared_to_text", "period_text", "speaker", "speaker_text", "speaker_kind", "direct")


def same(want, got) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got or want == got and type(want) is type(got)
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(want, got, rel_tol=1e-9, abs_tol=0.0 if want else 1e-12)
    return want == got


def matches(spec: dict, record: dict) -> bool:
    return all(same(v, record.get(k)) for k, v in spec.items())


def load_probes(folder: Path) -> list[dict]:
    probes = []
    for path in sorted(folder.glob("*.jsonl")):
        lang = path.stem
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            probe = json.loads(line)
            probe.setdefault("lang", lang)
            probe["where"] = f"{path.name}:{n}"
            for e in probe["expect"] + probe.get("forbid", []):
                if "text" in e and e["text"] not in probe["text"]:
                    raise SystemExit(f"{probe['where']}: span {e['text']!r} is not in the text")
            probes.append(probe)
    return probes


def with_link_texts(records: list[dict]) -> list[dict]:
    """Links by span, since ids are not known in advance: period_id → period_text, compared_to → compared_to_text."""
    text_of = {r["id"]: r["text"] for r in records}
    for r in records:
        if r.get("period_id"):
            r["period_text"] = text_of.get(r["period_id"])
        if r.get("compared_to"):
            r["compared_to_text"] = text_of.get(r["compared_to"])
    return records


def check(probe: dict, records: list[dict]) -> list[str]:
    """The reasons a probe fails; empty when it passes."""
    problems = []
    for want in probe["expect"]:
        same_span = [r for r in records if r["kind"] == want["kind"] and r["text"] == want["text"]]
        if not same_span:
            problems.append(f"missing {want['kind']} {want['text']!r}")
        elif not any(matches(want, r) for r in same_span):
            got = same_span[0]
            diffs = ", ".join(f"{k}={got.get(k)!r} (want {v!r})" for k, v in want.items()
                              if not same(v, got.get(k)))
            problems.append(f"wrong {want['kind']} {want['text']!r}: {diffs}")
    for bad in probe.get("forbid", []):
        for r in records:
            if matches(bad, r):
                problems.append(f"forbidden {r['kind']} {r['text']!r}")
    return problems


def brief(record: dict) -> str:
    fields = ", ".join(f"{k}={record[k]!r}" for k in SHOWN_FIELDS if record.get(k) not in (None, False))
    return f"{record['kind']} {record['text']!r} {fields}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--probes", type=Path, default=DEFAULT_PROBES, help="folder of <lang>.jsonl probe files")
    ap.add_argument("--show-failures", action="store_true", help="list failing probes and what came out")
    ap.add_argument("--issue", type=int, action="append", help="only this issue (repeatable)")
    args = ap.parse_args(argv)

    from extractor import extract
    import extractor
    print(f"extractor from {Path(extractor.__file__).resolve().parent.parent}")

    probes = [p for p in load_probes(args.probes) if not args.issue or p["issue"] in args.issue]
    tally: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for probe in probes:
        doc = extract(probe["text"], lang=probe["lang"], date=probe.get("date"))
        records = with_link_texts([r.to_dict() for r in doc.records])
        problems = check(probe, records)
        key = (probe["issue"], probe["item"], probe["lang"])
        tally[key][1] += 1
        if problems:
            failures.append((probe, problems, records))
        else:
            tally[key][0] += 1

    by_item: dict[tuple, dict] = defaultdict(dict)
    for (issue, item, lang), counts in tally.items():
        by_item[(issue, item)][lang] = counts
    langs = sorted({lang for _, _, lang in tally})
    print(f"\n{'issue':<6}{'item':<40}" + "".join(f"{lang:>10}" for lang in langs) + f"{'all':>10}")
    totals = defaultdict(lambda: [0, 0])
    for (issue, item) in sorted(by_item, key=lambda k: (k[0], k[1])):
        cells, ok, n = [], 0, 0
        for lang in langs:
            p, t = by_item[(issue, item)].get(lang, [0, 0])
            cells.append(f"{p}/{t}" if t else "-")
            ok, n = ok + p, n + t
            totals[lang][0] += p
            totals[lang][1] += t
        print(f"#{issue:<5}{item:<40}" + "".join(f"{c:>10}" for c in cells) + f"{f'{ok}/{n}':>10}")
    all_ok = sum(v[0] for v in totals.values())
    all_n = sum(v[1] for v in totals.values())
    print(f"{'':<6}{'total':<40}" + "".join(f"{f'{totals[l][0]}/{totals[l][1]}':>10}" for l in langs)
          + f"{f'{all_ok}/{all_n}':>10}")

    if args.show_failures and failures:
        print(f"\n{len(failures)} failing probes:")
        for probe, problems, records in failures:
            print(f"\n#{probe['issue']} {probe['item']} [{probe['where']}] {probe['text']}")
            for p in problems:
                print(f"    ! {p}")
            for r in records:
                print(f"    = {brief(r)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
