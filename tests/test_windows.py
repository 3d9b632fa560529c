"""Tokenizing only windows around trigger words must not change any record.

The pipeline tokenizes `Extractor.WINDOW_WORDS` words either side of each digit,
number word and time word instead of whole sentences (the tokenizer is the costliest
step). Every corpus text, the sample article and a few long sentences must come out
the same as with whole sentences.
"""
import json
from pathlib import Path

import pytest

from extractor.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
WHOLE = Extractor(window_words=None)
WINDOWED = Extractor()


def texts(lang):
    out = []
    for path in sorted((ROOT / "corpus" / lang).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], row.get("date")))
    return out


def records(extractor, text, lang, date):
    doc = extractor.extract(text, lang=lang, date=date)
    return [r.to_dict() if hasattr(r, "to_dict") else vars(r) for r in doc.records]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_corpus_same_with_windows(lang):
    cases = texts(lang)
    assert len(cases) > 300
    differ = [t for t, d in cases if records(WHOLE, t, lang, d) != records(WINDOWED, t, lang, d)]
    assert differ == []


def test_sample_article_same_with_windows():
    text = (ROOT / "extractor" / "samples" / "kk-trade-kz-kg.txt").read_text(encoding="utf-8")
    assert records(WHOLE, text, "kk", "2024-11-22") == records(WINDOWED, text, "kk", "2024-11-22")


@pytest.mark.parametrize("text,lang,want", [
    # triggers far apart in one long sentence: two windows, both amounts and the period found
    ("Вчера вечером в Москве прошло долгое заседание правительства, на котором обсуждали очень много "
     "разных вопросов, и было решено выделить около 1 500 000 рублей на развитие дорог в регионах "
     "страны до конца 2025 года.", "ru", ["Вчера", "около 1 500 000 рублей", "до конца 2025 года"]),
    ("Бүгін Астанада өткен үкімет отырысында көптеген мәселелер талқыланып, ақыр соңында жол "
     "салуға шамамен 4,1%-ға артық қаржы бөлу туралы шешім қабылданды.", "kk",
     ["Бүгін", "шамамен 4,1%-ға артық"]),
])
def test_far_apart_triggers(text, lang, want):
    windows = WINDOWED.rules(lang).prefilter.windows(text, WINDOWED.window_words)
    assert len(windows) >= 2
    got = [r.text for r in WINDOWED.extract(text, lang=lang, date="2024-05-05").records if r.kind != "quote"]
    assert got == want
    assert records(WHOLE, text, lang, "2024-05-05") == records(WINDOWED, text, lang, "2024-05-05")
