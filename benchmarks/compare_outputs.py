"""Are two output dumps (benchmarks/dump_outputs.py) byte-identical? Lists the documents that differ.

    python benchmarks/compare_outputs.py BEFORE_DIR AFTER_DIR [--show 5]

Exit status 0 when every file has the same lines, 1 otherwise.
"""
import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--show", type=int, default=5, help="print this many differing documents")
    args = ap.parse_args()
    names = sorted({p.name for p in args.before.glob("*.jsonl")} | {p.name for p in args.after.glob("*.jsonl")})
    if not names:
        raise SystemExit("no *.jsonl dumps in either directory")
    differ = shown = 0
    for name in names:
        a, b = args.before / name, args.after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if not a.exists() else 'before'}")
            differ += 1
            continue
        left, right = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
        bad = [i for i, (x, y) in enumerate(zip(left, right)) if x != y]
        if len(left) != len(right):
            print(f"{name}: {len(left)} documents before, {len(right)} after")
            differ += 1
        print(f"{name}: {len(left)} documents, {len(bad)} differ, {len(a.read_bytes())} bytes before, "
              f"{len(b.read_bytes())} after")
        differ += len(bad)
        for i in bad:
            if shown >= args.show:
                break
            shown += 1
            x, y = json.loads(left[i]), json.loads(right[i])
            rx = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in x.get("records", [])]
            ry = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in y.get("records", [])]
            print(f"  {x.get('id')}:")
            for r in sorted(set(rx) - set(ry)):
                print(f"    - {r}")
            for r in sorted(set(ry) - set(rx)):
                print(f"    + {r}")
            if set(rx) == set(ry):
                print("    (same records; other fields differ)")
    print("identical" if differ == 0 else f"{differ} differences")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
