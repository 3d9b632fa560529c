"""Shared by the corpus generators: hand-written rows first, then generated ones."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_corpus(lang: str, name: str, generated: list[dict]) -> None:
    """corpus/<lang>/<name>.jsonl = <name>.handwritten.jsonl (lines kept as written) + generated rows."""
    hand = HERE / lang / f"{name}.handwritten.jsonl"
    lines = [line for line in hand.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += [json.dumps(r, ensure_ascii=False) for r in generated]
    (HERE / lang / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{lang}: {len(lines)} rows")
