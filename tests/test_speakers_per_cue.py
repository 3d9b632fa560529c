"""The speakers' cheaper paths give what the plain definitions give (docs/speed.md, "Speakers
per cue"): each fast path is checked against the definition it replaces, on corpus texts."""
import json
import random
from pathlib import Path

import pytest
import regex

from extractor.numerals.ru import parses
from extractor.speakers import speaker_rules
from extractor.speakers import quotes as quotes_mod
from extractor.speakers.people import People, _endings_after
from extractor.speakers.ru_tags import first_tag, tags_of
from extractor.speakers.text import SENTENCE_END, WORD, _sentence_start

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*/speakers*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


TEXTS = corpus_texts()


def test_corpus_is_read():
    assert len(TEXTS) > 100


def test_sentence_start_as_read_back_character_by_character():
    def by_character(text, pos):
        for i in range(pos - 1, -1, -1):
            if text[i] == "\n" or (text[i] in ".!?…" and SENTENCE_END.match(text, i)):
                j = i + 1
                while j < pos and text[j].isspace():
                    j += 1
                return j
        return 0
    rng = random.Random(7)
    for text in TEXTS + ["А. Евниев сказал: «Да». Ещё\nодно", "млрд. теңге бөлінді. Ол айтты"]:
        for pos in {0, len(text), *rng.sample(range(len(text) + 1), min(30, len(text) + 1))}:
            assert _sentence_start(text, pos) == by_character(text, pos), (text, pos)


def test_word_pattern_finds_the_same_words():
    old = regex.compile(r"\p{L}[\p{L}\p{M}'-]*\p{L}|\p{L}")
    for text in TEXTS + ["пресс-секретарь д'Артаньян -а- е\u0301сли x-- 'y' а-б-в"]:
        assert [m.span() for m in WORD.finditer(text)] == [m.span() for m in old.finditer(text)]


@pytest.mark.parametrize("surname", ["Альназаров", "Иванов", "Абу-Бакаров", "Тоқаев"])
def test_surname_endings_as_the_pattern_finds_them(surname):
    text = (f"{surname}а сказала. Ранее {surname}ой, {surname} и {surname}ым; x{surname}у, "
            f"{surname}-{surname}ов «{surname}ова» {surname}{surname}а {surname}")
    pattern = {m.group(1).lower() for m in regex.finditer(rf"\b{regex.escape(surname)}(\w*)", text)}
    assert _endings_after(text, surname) == pattern
    assert _endings_after("нет имени", surname) == set()


def test_people_are_found_once_and_only_when_asked():
    calls = []
    people = People(lambda: calls.append(1) or ["Тоқаев"])
    assert calls == []
    assert list(people) == ["Тоқаев"] and list(people) == ["Тоқаев"]
    assert calls == [1]


@pytest.mark.parametrize("word", ["заявил", "Иванова", "МИД", "в", "эксперты", "Deutsche", "сказала"])
def test_tags_are_pymorphy3s(word):
    assert len(tags_of(word)) == len(parses(word))
    for tag, parse in zip(tags_of(word), parses(word)):
        assert (tag.POS, tag.case, tag.number, tag.gender) == \
            (parse.tag.POS, parse.tag.case, parse.tag.number, parse.tag.gender)
        assert tag.grammemes == parse.tag.grammemes
        assert ("anim" in tag) == ("anim" in parse.tag)
    assert type(first_tag(word).POS) in (str, type(None))          # a plain string, compared in C


def test_dialogue_only_on_lines_opening_with_a_dash():
    for text in TEXTS + ["- Экспорт өсті, - деді министр.", "x\n\t- Нет, - ответил он.", "a - b, - c"]:
        expected = [(m.start(1) - 1, m.end(1)) for m in quotes_mod.DIALOGUE.finditer(text)]
        assert quotes_mod.dialogue_segments(text) == expected
    assert quotes_mod.dialogue_segments("x\n  - Да, - сказал он.") == [(5, 8)]     # the words «Да»


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_byline_and_quote_marks_as_their_patterns(lang):
    rules = speaker_rules(lang)
    word = rules.byline_words[0]
    for text in TEXTS + [f"Текст.\n{word}: Айгүл Серікова", f"{word.lower()}: кто-то", "«a»", 'x"y', "нет"]:
        m = rules.byline.search(text)
        got = rules.find_byline(text)
        assert (got.start, got.end) == (m.start(1), m.start(1) + len(m.group(1).strip())) if m else got is None
        assert quotes_mod._has_quote_mark(text) == bool(quotes_mod.QUOTE_MARKS.search(text))
