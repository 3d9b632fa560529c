"""The fast tokenizer gives spaCy's tokens: same text, idx, whitespace_, is_alpha, is_lower.

Checked on every corpus text (whole, by sentence and by the windows the pipeline reads),
every word of the rule data, hard cases and random strings of tricky characters. The same
check over the development sets is benchmarks/tokenizer_equality.py (not in CI: no data).
"""
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.lang import fast_tokenizer
from extractor.lang.tokenizers import RULES_DIR, tokenizer_for as spacy_tokenizer_for, tokenizer_rules
from extractor.normalize import normalize
from extractor.pipeline import PUNCT_RUN, _blank, default_extractor
from extractor.sentences import split_sentences
from extractor.tokens import Tok

ROOT = Path(__file__).resolve().parent.parent


def spacy_tokens(text: str, lang: str) -> list[tuple]:
    return [Tok.of(t).astuple() for t in spacy_tokenizer_for(lang)(text)]


def fast_tokens(text: str, lang: str) -> list[tuple]:
    return [t.astuple() for t in fast_tokenizer.tokenizer_for(lang)(text)]


def differences(texts, lang: str) -> list[str]:
    return [t for t in texts if spacy_tokens(t, lang) != fast_tokens(t, lang)]


def pieces_of(text: str, lang: str) -> list[str]:
    """What the pipeline tokenizes for `text`: its windows (and, for more cover, its sentences)."""
    norm = normalize(text).text
    sentences = split_sentences(norm)
    rules = default_extractor().rules(lang)
    windows = rules.prefilter.windows_in(norm, sentences, default_extractor().window_words)
    return [PUNCT_RUN.sub(_blank, norm[a:b]) for _, a, b in windows] + [norm[a:b] for a, b in sentences]


def corpus_texts(lang: str) -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus" / lang).glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_rules_file_is_spacys_current_data(lang):
    stored = json.loads((RULES_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    assert stored == tokenizer_rules(lang), "regenerate: python -m extractor.lang.tokenizers"


HARD = [
    "4,1%-ға артып", "2024-жылы", "1 500 000 теңге", "1 500 000 рублей", "2023 2024 жылдары", "1.500.000",
    "COVID-19 пандемиясы", "Covid-19-ға қарсы", "жоқ.", "жоқ...", "бар!»", "т.б.", "т.б.)", "(т.б.", "т.с.с.,",
    "2024 ж. қаңтар", "б.з.д. 500 ж.", "5 млн. долларов", "15,4 тыс. долларов", "в т.ч. 5 млн.", "и т.д.",
    "и т.п., а также", "г. Алматы", "гг.", "кв. м", "куб. м", "5млн.тг", "млн.тг", "3млрд", "$3 млрд", "$27.5 млн",
    "5$.", "10₸.", "7:00-ден", "7-й день", "АҚШ-тың", "8-сыныпта", "50-і", "10-15%", "70%-ын", "+5,2%", "−3 °C.",
    "°C.", "25°C", "https://kapital.kz/economic/12345/news.html", "www.gov.kz/memleket.", "(http://tass.ru)",
    "info@kazinform.kz,", "press@gov.kz.", "«Сөз бостандығы» — деді ол", "„Цитата“ – сказал", "\"кавычки\"",
    "—", "– 5 –", "Қазақстан-Қырғызстан", "бір-бірінен", "5-летний", "1/2", "3/4-і", "½", "2,5 млрд ₸-ге",
    "  ведущие пробелы", "два  пробела", "перенос\nстроки", "таб\tуляция", "\u00a0неразрывный", "конец ",
    "end  ", "\n\n", ":)", "(:", "n't", "'s", "д-р экон. наук", "ж/д ст.", "зам. дир.", "см. также",
    "...", "!!!", "?!", "5.", "5,", "2024.", "№5", "#1", "100%", "1e6", "0,5‰", "5–7", "5—7", "XX ғасыр",
]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("text", HARD)
def test_hard_cases(text, lang):
    assert fast_tokens(text, lang) == spacy_tokens(text, lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_corpus_texts_sentences_and_windows(lang):
    texts = corpus_texts(lang)
    assert len(texts) > 300
    pieces = [p for text in texts for p in [text] + pieces_of(text, lang)]
    assert differences(pieces, lang) == []


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_string_of_the_rule_data(lang):
    words = sorted({s for path in (ROOT / "patterns" / lang).glob("*.yaml")
                    for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))})
    assert len(words) > 500
    assert differences(words, lang) == []


TRICKY = list("аәқөүұіАҚӨabcXYZ0123456789.,;:!?-–—%$₸€()[]«»\"'/@#&*+=…° \n\t\u00a0") + [
    "т.б.", "млн.", "в т.ч.", "и т.д.", "°C.", "http://", "www.", ".kz", "ж.", "COVID-19", "1 500", " 000",
    "млн.тг", ":)", "'s", "n't", " ", " "]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=25).map("".join))
def test_random_strings(lang, text):
    assert fast_tokens(text, lang) == spacy_tokens(text, lang)


def test_cache_does_not_change_tokens():
    tok = fast_tokenizer.FastTokenizer(json.loads((RULES_DIR / "kk.json").read_text(encoding="utf-8")))
    text = "Тауар айналымы 1 500 000 долларға (4,1%-ға) жетті, т.б."
    first = [t.astuple() for t in tok(text)]
    assert [t.astuple() for t in tok(text)] == first == spacy_tokens(text, "kk")


def test_extract_does_not_import_spacy():
    import subprocess
    import sys
    code = ("import sys, extractor; extractor.extract('Тауар айналымы 1,5 млрд долларға жетті.', date='2024-11-22');"
            "extractor.extract('Выручка выросла на 4,1% в т.ч. до 1 500 000 рублей.');"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
