"""Write the full JSON output of every development document, to compare two versions.

    python benchmarks/dump_outputs.py OUT_DIR [FILE.jsonl ...]

One OUT_DIR/<file name> per input file, one `Document.to_dict()` per line, in input
order (default inputs: ../shared/data/*.jsonl). Run it on the code before and after a
change, then `python benchmarks/compare_outputs.py BEFORE_DIR AFTER_DIR`.
"""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))          # this checkout's package, not an installed one

from extractor import extract  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    if os.environ.get("PYTHONHASHSEED") != "0":
        # one fixed string hash: where a word has two lemmas in a word list (признает: признать,
        # признавать) the first one found follows set order, which differs between processes;
        # a fixed seed makes two runs comparable byte for byte
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    out_dir = Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    files = [Path(f) for f in sys.argv[2:]] or sorted(DATA.glob("*.jsonl"))
    for path in files:
        with open(path, encoding="utf-8") as src, open(out_dir / path.name, "w", encoding="utf-8") as out:
            for line in src:
                if not line.strip():
                    continue
                row = json.loads(line)
                doc = extract(row["text"], lang=row.get("lang"), date=row.get("date"), doc_id=row.get("id"))
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{path.name}: written", file=sys.stderr)


if __name__ == "__main__":
    main()
