"""Memory per worker must not grow with the archive: every cache is bounded.

An archive of millions of articles brings millions of new names and numbers. The tokenizer
remembers the tokens of at most `fast_tokenizer.CACHE_LIMIT` distinct pieces of text; the
analysis caches keep only words that can matter, and the word memos (`WordMemo`) empty
themselves when full.
"""
import random

from extractor.lang import fast_tokenizer
from extractor.lexicon import CACHE_SIZE
from extractor.numerals.ru import parses
from extractor.pipeline import Extractor

LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"


def random_article(rng: random.Random) -> str:
    def word():
        return "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 9)))
    body = " ".join(f"{word()} {rng.randint(1, 10**7)} {word()}" for _ in range(6))
    return f"В 2024 году {body}. Выручка выросла на 4,1% до 3 млн рублей."


def test_tokenizer_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(fast_tokenizer, "CACHE_LIMIT", 300)
    ex = Extractor()
    rng = random.Random(3)
    sizes = []
    for _ in range(60):
        doc = ex.extract(random_article(rng), lang="ru", date="2024-05-05")
        sizes.append(len(ex.rules("ru").tokenizer._cache))
        # the records do not depend on what the tokenizer still remembers
        amounts = [(r.text, r.value, r.unit) for r in doc.records if r.kind in ("percent", "money")]
        assert amounts == [("4,1%", 4.1, "%"), ("до 3 млн рублей", 3e6, "RUB")]
    assert max(sizes) <= 300
    assert min(sizes[30:]) < max(sizes)      # it emptied itself and filled again


def test_word_caches_are_bounded():
    ex = Extractor()
    rules = ex.rules("ru")
    rules.prefilter.is_trigger.limit = 500       # the pre-filter's word memory empties when full
    for lex in vars(rules.periods).values():     # the rules are shared: start from what earlier tests left
        if hasattr(lex, "_cached_keys"):
            lex._cached_keys.cache_clear()
    rng = random.Random(5)
    for _ in range(200):
        ex.extract(random_article(rng), lang="ru")
    assert parses.cache_info().maxsize is not None
    assert 0 < len(rules.prefilter.is_trigger) <= 500
    # random words are no forms of any listed word: they never enter a word-list cache
    for lex in vars(rules.periods).values():
        if hasattr(lex, "_cached_keys"):
            info = lex._cached_keys.cache_info()
            assert info.maxsize == CACHE_SIZE and info.currsize < 100
