"""From a folder of articles to a table of records, as in a notebook.

    python examples/articles_to_table.py extractor/samples --date 2024-11-22

The two lines that matter:

    docs = extractor.extract_many({"text": p.read_text(), "id": p.name, "date": date} for p in paths)
    frame = extractor.to_frame(docs)
"""
import argparse
from pathlib import Path

import extractor

parser = argparse.ArgumentParser()
parser.add_argument("folder", type=Path)
parser.add_argument("--date", help="the articles' date, YYYY-MM-DD")
args = parser.parse_args()

paths = sorted(args.folder.rglob("*.txt"))
docs = extractor.extract_many({"text": p.read_text(encoding="utf-8"), "id": p.name, "date": args.date} for p in paths)
frame = extractor.to_frame(docs)

amounts = frame[frame.kind.isin(["money", "percent", "quantity"])]
print(amounts[["doc_id", "kind", "text", "value", "unit", "period_start", "period_end", "speaker", "subject"]]
      .to_string(index=False))
