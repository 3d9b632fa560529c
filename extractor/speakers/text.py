"""Words and sentence edges of an article, as the quote and source finders see them."""
from __future__ import annotations

import bisect
import functools
from itertools import accumulate
from operator import itemgetter

import re

import regex

from .ru_tags import first_tag

# letters, with marks, apostrophes and hyphens inside (not at either end); written as letter runs
# joined by the rest, which the engine reads with less backtracking than `\p{L}[…]*\p{L}|\p{L}`
WORD = regex.compile(r"\p{L}+(?:[\p{M}'-]+\p{L}+)*")
WORD_SPLIT = regex.compile(f"({WORD.pattern})")
# a sentence ends at . ! ? … before a space and no lowercase word (not `млрд. теңге`), and not
# after an initial (`А. Евниев`)
SENTENCE_END = regex.compile(r"(?<!(?<!\p{L})\p{Lu})[.!?…](?=\s*$|\s+[^\p{Ll}\s])|\n")
# the characters that may end one, searched backwards from a position (in C, not a loop per character)
SENTENCE_MARK = regex.compile(r"(?r)[\n.!?…]")


def trie_pattern(words) -> str:
    """A `re` pattern matching the same words as their alternation sorted longest first, but
    factored by shared prefixes (заяв(?:ил|ля)): at each character one branch at most goes on, and
    the greedy `?` still takes the longest word, so finditer finds the same matches several times
    faster than trying every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:                                   # a word ends here: the rest is optional
            if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
                body = "(?:" + body + ")"
            body += "?"
        return body
    return build(trie)


class Word(tuple):
    """A word of the article: (text, start, end). A tuple, so that the hundreds of thousands
    made per MB are built in C (`words_of`), not by an __init__ each."""
    __slots__ = ()
    text = property(itemgetter(0))
    start = property(itemgetter(1))
    end = property(itemgetter(2))


def words_of(text: str) -> tuple[list[Word], list[int]]:
    """The words of a text and their start offsets, from one split and running sums."""
    parts = WORD_SPLIT.split(text)                    # separator, word, separator, …, separator
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0:-1:2]
    return list(map(Word, zip(parts[1::2], starts, bounds[1::2]))), starts



def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does [a, b) overlap any of `spans` (sorted by start, not overlapping each other)?"""
    i = bisect.bisect_left(spans, (b, -1))
    return i > 0 and spans[i - 1][1] > a


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def _sentence_start(text: str, pos: int) -> int:
    end = pos
    while True:                                       # back over the marks that end no sentence (млрд.)
        m = SENTENCE_MARK.search(text, 0, end)
        if m is None:
            return 0
        i = m.start()
        if text[i] == "\n" or SENTENCE_END.match(text, i):
            j = i + 1
            while j < pos and text[j].isspace():
                j += 1
            return j
        end = i


def _word_range(starts: list[int], a: int, b: int) -> tuple[int, int]:
    return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)


def _adjacent(text: str, a: Word, b: Word) -> bool:
    """Only spaces between two words (no comma, no line break)."""
    gap = text[a.end:b.start]
    return gap.strip(" ") == "" and "\n" not in gap and len(gap) <= 2


@functools.lru_cache(maxsize=20_000)
def _known_word(word: str) -> bool:
    """In pymorphy3's dictionary (not a guess from the ending)? Names repeat: cached."""
    from ..numerals.ru import morph
    return morph().word_is_known(word)


def _capitalized(name: str) -> str:
    """касым-жомарт → Касым-Жомарт."""
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _genitive(word: str, lang: str) -> bool:
    return lang == "kk" and word.lower().endswith(("ның", "нің", "дың", "дің", "тың", "тің"))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",:-–—"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,!?…-–—"):
        b -= 1                                        # (…салынады, - деді X: not the dash before the verb)
    return a, b



def _known(word: str) -> bool:
    return _known_word(word.lower())


def _common_word(word: str) -> bool:
    """A dictionary word that is no name: Документ, После, Один (not Иван, Росстат, МИД)."""
    if not _known(word):
        return False
    tag = first_tag(word)
    return not ({"Name", "Surn", "Patr", "Orgn", "Abbr", "Geox"} & tag.grammemes)
