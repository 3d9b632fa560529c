"""Kazakh number words: stems from `patterns/kk/numbers.yaml`, endings from the suffix grammar."""
from __future__ import annotations

import functools

from ..lang.kk.morph import grammar
from ..wordsets import StemPrefixes, WordMemo
from ..patterns import load
from .words import (COLLECTIVE, HALF, HUNDRED_MULT, POINT, SCALE, TEN, UNIT, ZERO, NumWord)

ABLATIVE = frozenset(["дан", "ден", "тан", "тен", "нан", "нен"])
_ROLES = {"zero": ZERO, "units": UNIT, "tens": TEN, "hundred": HUNDRED_MULT, "scales": SCALE,
          "half": HALF, "collective": COLLECTIVE}


class KazakhNumerals:
    lang = "kk"

    def __init__(self) -> None:
        data = load("kk", "numbers")
        self.stems: dict[str, tuple[str, float]] = {}
        for section, role in _ROLES.items():
            for word, value in data.get(section, {}).items():
                self.stems[word] = (role, float(value))
        for word in data.get("decimal_point", []):
            self.stems[word] = (POINT, 0.0)
        self.not_numbers = frozenset(data.get("not_numbers", []))
        # бірлік "unit": forms of a number stem that are other words; бірі "one of them" is one
        # only on its own (он бірі is eleven of them)
        self.not_number_slots = {stem: frozenset(slots) for stem, slots in data.get("not_number_slots", {}).items()}
        self.lone_other_slots = {stem: frozenset(slots) for stem, slots in data.get("lone_other_slots", {}).items()}
        self.ordinal_endings = frozenset(data.get("ordinal_endings", []))
        # two-word number phrases (с половиной) and phrases whose number is no count (один из)
        self.phrases = {tuple(w.split()): NumWord(role, float(value)) for section, role in _ROLES.items()
                        for w, value in data.get(section, {}).items() if " " in w}
        self.idioms = frozenset(tuple(p.lower().split()) for p in data.get("idioms", []))
        self.grammar = grammar()
        self.starts_with_stem = StemPrefixes(self.stems)
        self._cached = functools.lru_cache(maxsize=20_000)(self._analyze)
        # asked of the same token texts again and again (every number and the word after it):
        # a dict lookup in C once seen (bounded, as the word lists' memos)
        self.analyze = WordMemo(self._analyze_text, 20_000).__getitem__
        self.hyphen_ending = WordMemo(self._hyphen_ending, 20_000).__getitem__

    def analyze(self, word: str) -> NumWord | None:
        """The number word this token is, or None (replaced by its memo per instance)."""
        return self._analyze_text(word)

    def _analyze_text(self, word: str) -> NumWord | None:
        word = word.lower()
        if word in self.not_numbers or not self.starts_with_stem(word):
            return None                 # no number stem: no analysis, no cache entry
        if word.endswith(".") and word[:-1] in self.stems:
            word = word[:-1]          # млрд. млн.
        return self._cached(word)

    def _analyze(self, word: str) -> NumWord | None:
        a = self.grammar.analyze(word, self.stems.__contains__)
        if a is None:
            return None
        if self.not_number_slots.get(a.stem, frozenset()).intersection(a.slots):
            return None
        role, value = self.stems[a.stem]
        case = a.ending("case")
        return NumWord(role, value, ordinal=a.has("ordinal"),
                       closed=bool(a.endings) and not (a.slots == ("ordinal",)),
                       ablative=case in ABLATIVE,
                       lone_other=bool(self.lone_other_slots.get(a.stem, frozenset()).intersection(a.slots)))

    def hyphen_ending(self, ending: str) -> tuple[bool, bool] | None:
        """(replaced by its memo per instance)"""
        return self._hyphen_ending(ending)

    def _hyphen_ending(self, ending: str) -> tuple[bool, bool] | None:
        """For `-ға`, `-нші`, `-і` after digits: (is_ordinal, is_ablative); None if not an ending."""
        chain = self.grammar.split_endings(ending.lower(), None)
        if chain is None or not chain:
            return None
        slots = dict(chain)
        return "ordinal" in slots, slots.get("case") in ABLATIVE


@functools.lru_cache(maxsize=1)
def kazakh() -> KazakhNumerals:
    return KazakhNumerals()


class _Lazy:
    """`KAZAKH.analyze(...)` without loading patterns at import time."""

    def __getattr__(self, name):
        return getattr(kazakh(), name)


KAZAKH = _Lazy()
