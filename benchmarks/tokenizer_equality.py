"""Does the fast tokenizer give spaCy's tokens on every window the pipeline reads in the development sets?

    python benchmarks/tokenizer_equality.py [FILE.jsonl ...]      (default: ../shared/data/*.jsonl)

Compares text, idx, whitespace_, is_alpha and is_lower of every token of every window
(and every whole sentence) of every document; prints the counts and the first differences.
The CI test (tests/test_fast_tokenizer.py) does the same on the corpus.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.langdetect import detect_language  # noqa: E402
from tests.test_fast_tokenizer import fast_tokens, pieces_of, spacy_tokens  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> int:
    files = [Path(f) for f in sys.argv[1:]] or sorted(DATA.glob("*.jsonl"))
    total = bad = tokens = 0
    for path in files:
        n = b = 0
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            lang = row.get("lang") or detect_language(row["text"])
            for piece in pieces_of(row["text"], lang):
                n += 1
                want = spacy_tokens(piece, lang)
                tokens += len(want)
                if fast_tokens(piece, lang) != want:
                    b += 1
                    if bad + b <= 10:
                        print(f"  {row.get('id')}: {piece!r}")
        print(f"{path.name}: {n} windows and sentences, {b} differ")
        total, bad = total + n, bad + b
    print(f"all: {total} windows and sentences ({tokens} tokens), {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
