"""Per-document language: measured on the development sets in ../shared/data."""
import json
from pathlib import Path

import pytest

from extractor.langdetect import detect_language

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def rate(name, want):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    return sum(detect_language(d["text"]) == want for d in docs) / len(docs)


def test_kaznerd_sentences_are_kazakh():
    assert rate("kaznerd-valid.kk.jsonl", "kk") >= 0.99


def test_nerel_articles_are_russian():
    assert rate("nerel-train.ru.jsonl", "ru") == 1.0
    assert rate("nerel-dev.ru.jsonl", "ru") == 1.0


@pytest.mark.parametrize("text,lang", [
    ("Қазақстан мен Қырғызстанның тауар айналымы жоғары", "kk"),
    ("Товарооборот Казахстана и Кыргызстана вырос", "ru"),
    ("Президент Қасым-Жомарт Тоқаев заявил, что товарооборот вырос", "ru"),
    ("Он бес үй зардап шеккен.", "kk"),
])
def test_short_texts(text, lang):
    assert detect_language(text) == lang
