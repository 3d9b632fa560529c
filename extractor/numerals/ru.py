"""Russian number words, matched by pymorphy3 lemma so every case and gender resolves."""
from __future__ import annotations

import functools

import pymorphy3

from ..patterns import load
from ..wordsets import WordMemo
from .words import (COLLECTIVE, FRACTION, HALF, HUNDREDS, ONE_AND_HALF, POINT, SCALE, TEEN, TEN, UNIT, ZERO,
                    NumWord)

_ROLES = {"zero": ZERO, "units": UNIT, "teens": TEEN, "tens": TEN, "hundreds": HUNDREDS,
          "scales": SCALE, "one_and_half": ONE_AND_HALF, "collective": COLLECTIVE, "fractions": FRACTION,
          "half": HALF}


def _role_for(value: float) -> str:
    if value < 10:
        return UNIT
    if value < 20:
        return TEEN
    if value < 100:
        return TEN
    if value < 1000:
        return HUNDREDS
    return SCALE


@functools.lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=10_000)
def parses(word: str) -> tuple:
    """pymorphy3's analyses of a word, cached: news repeats its vocabulary."""
    return tuple(morph().parse(word))


def forms_of(lemmas) -> frozenset[str]:
    """Every word form pymorphy3 knows for these words (год → году, лет; пять → пяти), ё as е.
    A set lookup here decides in nanoseconds that a token cannot be one of them, so pymorphy3
    (tens of microseconds a word) only runs on the few tokens that can."""
    out = set()
    for word in lemmas:
        word = word.lower().replace("ё", "е")
        out.add(word)
        if word.isalpha():
            for p in parses(word):
                out.update(f.word.replace("ё", "е") for f in p.lexeme)
    return frozenset(out)


class RussianNumerals:
    lang = "ru"

    def __init__(self) -> None:
        data = load("ru", "numbers")
        self.lemmas: dict[str, tuple[str, float]] = {}
        for section, role in _ROLES.items():
            for word, value in data.get(section, {}).items():
                self.lemmas[word.replace("ё", "е")] = (role, float(value))
        for word in data.get("decimal_point", []):
            self.lemmas[word] = (POINT, 0.0)
        self.ordinals = {w.replace("ё", "е"): float(v) for w, v in data.get("ordinals", {}).items()}
        self.denominators = {w: int(v) for w, v in data.get("denominators", {}).items()}
        self.ordinal_endings = frozenset(data.get("ordinal_endings", []))
        # two-word number phrases (с половиной) and phrases whose number is no count (один из)
        self.phrases = {tuple(w.split()): NumWord(role, float(value)) for section, role in _ROLES.items()
                        for w, value in data.get(section, {}).items() if " " in w}
        self.idioms = frozenset(tuple(p.lower().split()) for p in data.get("idioms", []))
        self.forms = forms_of(list(self.lemmas) + list(self.ordinals))
        self._cached = functools.lru_cache(maxsize=20_000)(self._analyze)
        # asked of the same token texts again and again (every number and the word after it):
        # a dict lookup in C once seen (bounded, as the word lists' memos)
        self.analyze = WordMemo(self._analyze_text, 20_000).__getitem__
        self.hyphen_ending = WordMemo(self._hyphen_ending, 20_000).__getitem__

    def analyze(self, word: str) -> NumWord | None:
        """The number word this token is, or None (replaced by its memo per instance)."""
        return self._analyze_text(word)

    def _analyze_text(self, word: str) -> NumWord | None:
        word = word.lower().replace("ё", "е")
        if word.endswith(".") and word[:-1] in self.lemmas:
            word = word[:-1]            # тыс. млн. млрд.
        if word not in self.forms:      # no form of a number word: no analysis, no cache entry
            return None
        return self._cached(word)

    def _analyze(self, word: str) -> NumWord | None:
        if not word.isalpha():
            return None
        analyses = parses(word)
        for parse in analyses:
            lemma = parse.normal_form.replace("ё", "е")
            tag = parse.tag
            if lemma in self.ordinals and ("ADJF" in tag or "Anum" in tag):
                value = self.ordinals[lemma]
                return NumWord(_role_for(value), value, ordinal=True,
                               denominator=self.denominators.get(lemma, 0))
            if lemma in self.lemmas and ("NUMR" in tag or "NOUN" in tag or "ADJF" in tag):
                role, value = self.lemmas[lemma]
                if role == POINT and "ADJF" not in tag:
                    continue
                # тысячи, миллионы may be "thousands of": plural if any reading is
                plural = role == SCALE and any("plur" in p.tag for p in analyses)
                return NumWord(role, value, plural=plural)
        if word in self.lemmas:         # abbreviations pymorphy does not know: млрд, трлн
            role, value = self.lemmas[word]
            return NumWord(role, value)
        return None

    def hyphen_ending(self, ending: str) -> tuple[bool, bool] | None:
        """(replaced by its memo per instance)"""
        return self._hyphen_ending(ending)

    def _hyphen_ending(self, ending: str) -> tuple[bool, bool] | None:
        """For `-й`, `-го`, `-ти` after digits: (is_ordinal, is_ablative); None if not an ending."""
        ending = ending.lower()
        if not ending.isalpha() or len(ending) > 3:
            return None
        return ending in self.ordinal_endings, False


@functools.lru_cache(maxsize=1)
def russian() -> RussianNumerals:
    return RussianNumerals()
