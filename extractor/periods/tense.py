"""The tense of the clause around a time expression: "past", "future" or None (unknown).

A date written without its year (`22 желтоқсанда`, `12 января`, `в понедельник`)
takes the year the verb implies: a past event is never after the article date,
a coming one never before it (dates.resolve applies this).

- Kazakh puts its verb last: the clause's last word is read by its ending
  (`тоқтатты` past, `көтеріледі` / `өтеді` future). An ending that is both
  (`құрады` "made" is a past form of құра-, `барады` "goes" a present of бар-)
  gives None; when the clause ends in a converb (`тоқтап,`) the sentence's last
  word speaks for it. The endings are in patterns/kk/periods.yaml (`tense`).
- Russian: pymorphy3's tense of the finite verb nearest the expression in its
  clause (`представит` future, `заявил` past); `будет`, `планируется` and other
  words of intention in patterns/ru/periods.yaml mark the future. Present tense
  gives None.
"""
from __future__ import annotations

import functools

import regex

from ..patterns import load

CLAUSE_BREAK = regex.compile(r"[,;:]\s|\s[-–—]\s|[()«»\"]")
WORD = regex.compile(r"\p{L}[\p{L}-]*")
RU_FINITE_ENDING = regex.compile(r"(?:[лт]|л[аои]|тся|л(?:ся|ась|ось|ись))$")   # заявил, представит, прошла
KK_QUOTATIVE = regex.compile(r"(?<!\p{L})(?:деп|деген|делінген|делінді)(?!\p{L})", regex.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _endings(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load(lang, "periods").get("tense", {})
    longest_first = lambda words: tuple(sorted(words, key=len, reverse=True))   # noqa: E731
    return (longest_first(data.get("past_endings", [])), longest_first(data.get("future_endings", [])),
            frozenset(data.get("past_words", [])), frozenset(data.get("future_words", [])))


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


@functools.lru_cache(maxsize=4096)
def tense_at(lang: str, sentence: str, pos: int) -> str | None:
    """The tense of the clause of `sentence` around character `pos`."""
    a, b = _clause(sentence, pos)
    if lang == "kk":
        # Жиын 5 желтоқсанда өтеді деп жоспарланған: the event's verb is the one before деп
        said = KK_QUOTATIVE.search(sentence, pos, b)
        return _kk_tense(sentence[pos:said.start() if said else b]) or _kk_tense(sentence)
    return _ru_tense(sentence[a:b], pos - a) or _ru_tense(sentence, pos)


def _kk_tense(text: str) -> str | None:
    """The tense of a Kazakh clause, from its last word (and the word before an auxiliary)."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return None
    past, future, past_words, future_words = _endings("kk")
    last = words[-1]
    if last in past_words or last in future_words:
        return "past" if last in past_words else "future"
    if last in ("еді", "екен", "болатын", "болған") and len(words) > 1:
        return "past"                       # өткен еді, жоспарланған болатын: a past in the past
    for ending in future:                   # the longer future endings first: басталады before -ды
        if last.endswith(ending) and len(last) > len(ending):
            return "future"
    for ending in past:
        if last.endswith(ending) and len(last) > len(ending):
            return "past"
    return None


def _ru_tense(text: str, pos: int) -> str | None:
    """The tense of the finite verb nearest `pos` in a Russian clause."""
    from ..numerals.ru import parses
    _, _, past_words, future_words = _endings("ru")
    best = None
    for m in WORD.finditer(text):
        low = m.group().lower()
        if low in future_words or low in past_words:
            tense = "future" if low in future_words else "past"
        else:
            if not RU_FINITE_ENDING.search(low):
                continue                    # only a word that can be a 3rd-person verb is analysed
            got = parses(low)
            tag = got[0].tag if got else None
            if tag is None or tag.POS != "VERB" or tag.tense is None:
                continue
            tense = {"past": "past", "futr": "future"}.get(tag.tense)
            if tense is None:
                continue                    # present: says nothing of the year
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = distance, tense
    return best and best[1]
