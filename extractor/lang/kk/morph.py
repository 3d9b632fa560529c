"""Kazakh suffix grammar: split a word into a known stem and a chain of endings.

Kazakh glues endings to the stem in a fixed order (ordinal, plural,
possessive, case, similitive), and their vowels follow the stem's last vowel:
доллар+ға, доллар+ы+на, теңге+ден, процент+ке, бес+інші, екі+нші+сі.
The endings are data (`patterns/kk/suffixes.yaml`); this is the engine.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ...patterns import load

BACK_VOWELS = frozenset("аыоұя")
FRONT_VOWELS = frozenset("әеіөүэ")
SLOT_ORDER = ("ordinal", "plural", "adjectival", "possessive", "case", "similitive")


def harmony(text: str) -> str | None:
    """'back' or 'front' from the last harmonic vowel; None if it has none (млрд, %) or ends in
    a soft sign or и, or its last vowel is у or ю (Russian loanwords take either: сентябрьде,
    январьда, таксиге, лариға, секундына)."""
    if text.endswith(("ь", "и")):
        return None
    for ch in reversed(text.lower()):
        if ch in "ую":
            return None         # either: секундына (a loanword), but күту, көру take front endings
        if ch in BACK_VOWELS:
            return "back"
        if ch in FRONT_VOWELS:
            return "front"
    return None


@dataclass(frozen=True)
class Analysis:
    stem: str
    endings: tuple[tuple[str, str], ...]   # (slot, ending) in order

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(slot for slot, _ in self.endings)

    def has(self, slot: str) -> bool:
        return any(s == slot for s, _ in self.endings)

    def ending(self, slot: str) -> str | None:
        for s, e in self.endings:
            if s == slot:
                return e
        return None


class SuffixGrammar:
    def __init__(self, slots: dict[str, list[str]], harmony_free: list[str] = (),
                 after_possessive: list[str] = ()) -> None:
        self.harmony_free = frozenset(harmony_free)
        self.after_possessive = frozenset(after_possessive)
        unknown = set(slots) - set(SLOT_ORDER)
        if unknown:
            raise ValueError(f"unknown suffix slots: {sorted(unknown)}")
        # longest allomorph first, so "ымен" is tried before "мен"
        self.slots = [(name, sorted(slots.get(name, []), key=len, reverse=True)) for name in SLOT_ORDER]
        self.split_endings = functools.lru_cache(maxsize=65536)(self._split_endings)

    def _split_endings(self, rest: str, stem_harmony: str | None, first_slot: int = 0, possessed: bool = False):
        """All readings of `rest` as a chain of endings; the first found is returned."""
        if not rest:
            return ()
        for i in range(first_slot, len(self.slots)):
            name, endings = self.slots[i]
            for ending in endings:
                if not rest.startswith(ending):
                    continue
                if name == "case" and possessed and self.after_possessive and ending not in self.after_possessive:
                    continue            # жылыға is no жыл + ы + ға (that is жылына)
                h = None if ending in self.harmony_free else harmony(ending)
                if h is not None and stem_harmony is not None and h != stem_harmony:
                    continue
                tail = self._split_endings(rest[len(ending):], h or stem_harmony, i + 1, name == "possessive")
                if tail is not None:
                    return ((name, ending),) + tail
        return None

    def analyze(self, word: str, is_stem, min_stem: int = 1) -> Analysis | None:
        """The longest known stem (is_stem(stem) true) whose remainder is a valid chain."""
        for cut in range(len(word), min_stem - 1, -1):
            stem = word[:cut]
            if not is_stem(stem):
                continue
            endings = self.split_endings(word[cut:], harmony(stem))
            if endings is not None:
                return Analysis(stem, endings)
        return None


@functools.lru_cache(maxsize=1)
def grammar() -> SuffixGrammar:
    data = load("kk", "suffixes")
    return SuffixGrammar(data.get("slots", {}), data.get("harmony_free", []), data.get("after_possessive", []))
