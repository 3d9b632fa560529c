"""The pre-filter: which words of an article can start a number, a date or a period.

Most sentences of a news archive hold none of them and are never tokenized; in the others only
windows of words around each trigger are read (see `Extractor.WINDOW_WORDS`).
"""
from __future__ import annotations

import bisect
import math
from itertools import accumulate, compress

import regex

from .number_roles import ROMAN_NUMERAL
from .patterns import load
from .wordsets import StemPrefixes, WordMemo


class Prefilter:
    """Which parts of a text hold a digit, a number word or a time word (`windows`)?
    A sentence with none is skipped. Kazakh words are a known stem plus any chain of known
    endings (жыл, жылдың, жылғы), Russian words any form pymorphy3 knows for the lemma
    (пять → пяти; год → году, лет). One split of the whole text and a dict lookup per word,
    both in C: a regex per sentence was as slow as the rest of the reading, and a big regex
    alternation of the words 10× slower still."""

    SPLIT = regex.compile(r"(\d+|\p{L}+)")      # separators and words, alternating

    def __init__(self, lang: str, words: list[str], never: list[str] = ()) -> None:
        self.lang = lang
        self.never = frozenset(w.lower() for w in never)     # оны, онда, бірге: look like numbers, are not
        self.is_trigger = WordMemo(self._is_trigger, 30_000)   # one per language, asked of every word
        words = {w.lower().rstrip(".").replace("ё", "е") for w in words}
        words = {part for w in words for part in w.split() if len(part) >= 2}   # ж., в. only follow digits
        if lang == "kk":
            endings = {e for allomorphs in load("kk", "suffixes").get("slots", {}).values() for e in allomorphs}
            self.stems = StemPrefixes(words)
            self.endings = regex.compile("(?:" + "|".join(sorted(map(regex.escape, endings), key=len, reverse=True))
                                         + "){0,5}")
        else:
            from .numerals.ru import forms_of
            self.forms = forms_of(words)

    def _is_trigger(self, word: str) -> bool:
        if word[0].isdigit() or word[0] in "IVXLCDM" and ROMAN_NUMERAL.fullmatch(word):
            return True                         # VIII чемпионат: a Roman ordinal (number_roles.roman_ordinals)
        low = word.lower()
        if low in self.never:
            return False
        if self.lang != "kk":
            return low.replace("ё", "е") in self.forms
        # a known stem followed by a chain of known endings: жыл, жылдың, жылғы
        return any(self.endings.fullmatch(low, n) is not None for n in self.stems.prefix_lengths(low))

    def windows(self, sentence: str, radius: int | None) -> list[tuple[int, int]]:
        """`windows_in` for one sentence: its character ranges worth tokenizing."""
        return [(a, b) for _, a, b in self.windows_in(sentence, [(0, len(sentence))], radius)]

    def windows_in(self, text: str, sentences: list[tuple[int, int]],
                   radius: int | None) -> list[tuple[int, int, int]]:
        """(sentence index, start, end) of each range of text worth tokenizing: `radius` words
        either side of each trigger within its sentence, merged, widened to whitespace so a
        hyphenated word or a number with its ending (4,1%-ға, 2024-жылы) is never cut. The
        whole sentence when radius is None. Sentences are split at whitespace, so no word
        crosses one."""
        parts = self.SPLIT.split(text)
        hits = list(compress(range(len(parts) // 2), map(self.is_trigger.__getitem__, parts[1::2])))
        if not hits:
            return []
        bounds = list(accumulate(map(len, parts)))     # word k is text[bounds[2k]:bounds[2k + 1]]
        starts = bounds[0::2]
        out: list[tuple[int, int, int]] = []
        s = k = 0
        while k < len(hits):
            s = bisect.bisect_right(sentences, (starts[hits[k]], math.inf), s) - 1
            s_start, s_end = sentences[s]
            first = bisect.bisect_left(starts, s_start)                 # the sentence's words
            last = bisect.bisect_left(starts, s_end, first) - 1
            spans: list[list[int]] = []                                 # word ranges
            while k < len(hits) and hits[k] <= last:
                lo, hi = (first, last) if radius is None else \
                    (max(first, hits[k] - radius), min(last, hits[k] + radius))
                if spans and lo <= spans[-1][1] + 1:
                    spans[-1][1] = hi
                else:
                    spans.append([lo, hi])
                k += 1
            ranges: list[tuple[int, int, int]] = []
            for lo, hi in spans:
                start = s_start if lo == first else _space_before(text, bounds[2 * lo], s_start)
                end = s_end if hi == last else _space_after(text, bounds[2 * hi + 1], s_end)
                if ranges and start <= ranges[-1][2]:                   # 4,1%-ға: words joined
                    ranges[-1] = (s, ranges[-1][1], end)
                else:
                    ranges.append((s, start, end))
            out += ranges
        return out


def _space_before(text: str, pos: int, floor: int) -> int:
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _space_after(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and not text[pos].isspace():
        pos += 1
    return pos
