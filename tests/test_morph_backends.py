"""`sanaq[fast]` installs DAWG2, the C library pymorphy3 then reads its dictionary with; without it
pymorphy3 falls back to the pure-Python reader. Both must give the same analyses, or the records
would depend on what is installed."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PARSE = r"""
import json, sys
if sys.argv[1] == "pure":
    sys.modules["dawg"] = None            # the C reader cannot be imported: pymorphy3 falls back
import pymorphy3
import pymorphy3.dawg
morph = pymorphy3.MorphAnalyzer()
words = json.loads(sys.stdin.read())
print(json.dumps({"c": pymorphy3.dawg.EXTENSION_AVAILABLE,
                  "parses": [[(p.normal_form, str(p.tag), round(p.score, 9)) for p in morph.parse(w)] for w in words]}))
"""


def _words() -> list[str]:
    import regex
    words: dict[str, None] = {}
    for path in sorted((ROOT / "corpus" / "ru").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.update(dict.fromkeys(regex.findall(r"\p{Cyrillic}+", json.loads(line)["text"].lower())))
    return list(words)


def _parse(backend: str, words: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PARSE, backend], input=json.dumps(words),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_c_and_pure_dictionary_readers_agree():
    pytest.importorskip("dawg", reason="DAWG2 (sanaq[fast]) is not installed")
    words = _words()
    assert len(words) > 2000
    fast, pure = _parse("c", words), _parse("pure", words)
    assert fast["c"] and not pure["c"]
    assert fast["parses"] == pure["parses"]
