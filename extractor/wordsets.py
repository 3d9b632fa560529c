"""Fast word tests that the word lists, the numeral scanner and the pre-filter share.

No imports from the package: the tokenizer's number attributes use these too, so they sit
below everything else.
"""
from __future__ import annotations


class WordMemo(dict):
    """A test of a word, remembered: `memo[word]` is a plain dict lookup (in C) once the word
    has been seen, so it also serves `map(memo.__getitem__, words)`. Emptied when full, so an
    archive's endless new words never grow it without bound."""

    def __init__(self, test, limit: int = 4_000) -> None:
        super().__init__()
        self.test, self.limit = test, limit

    def __missing__(self, word: str):
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.test(word)
        return value


class StemPrefixes:
    """Does a word start with one of these stems? The cheap test before a Kazakh analysis
    (тоннаға starts with тонна; most words start with no listed stem)."""

    def __init__(self, stems) -> None:
        self.stems = frozenset(s for s in stems if s)
        self.lengths = sorted({len(s) for s in self.stems if len(s) > 1})
        self.single = frozenset(s for s in self.stems if len(s) == 1)
        self.heads = frozenset(s[:2] for s in self.stems if len(s) > 1)     # most words fail here

    def __call__(self, word: str) -> bool:
        if word[:1] in self.single:
            return True
        if word[:2] not in self.heads:               # most words: two slices and a set test
            return False
        return any(word[:n] in self.stems for n in self.lengths if n <= len(word))

    def prefix_lengths(self, word: str):
        """Each n, shortest first, for which word[:n] is one of the stems."""
        if word[:1] in self.single:
            yield 1
        if word[:2] not in self.heads:
            return
        for n in self.lengths:
            if n > len(word):
                return
            if word[:n] in self.stems:
                yield n
