"""Find number expressions in a tokenized sentence.

Consecutive number tokens (digits, number words, scale words) are read with
`words.combine`; an ending hyphenated to digits (`5000-ға`, `2-нші`, `7-й`)
belongs to the number and can make it an ordinal.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import compress

import regex
from operator import attrgetter

from ..lexicon import WordMemo

from .digits import DIGITS, parse_digits

SIGNED = regex.compile(r"[+-]?" + DIGITS.pattern)
CURRENCY_SYMBOL = regex.compile(r"\p{Sc}|US\$")
ENGLISH_GROUPS = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
INFORMAL_THOUSANDS = frozenset(["к", "К", "k", "K"])   # glued to digits: 100к, 15К
GLUED_THOUSANDS = regex.compile(r"([0-9]+(?:[.,][0-9]+)?)[кКkK]\p{Sc}\.?")
from .words import DIGIT, SCALE, NumWord, combine


@dataclass(frozen=True)
class NumberSpan:
    tok_start: int
    tok_end: int         # exclusive
    start: int           # character offsets in the text that was tokenized
    end: int
    value: float
    ordinal: bool
    words: bool          # spelled out (at least partly) in words
    scale: float = 1.0   # value of its scale word (3 млрд: 1e9), 1 if none


def _digit_word(doc, i: int, numerals) -> tuple[NumWord, int] | None:
    """A digit token as a NumWord, with how many tokens it takes (2 with a hyphenated ending).
    A sign the tokenizer left on the digits (`-25`, `+14`: a minus after a space or at the
    start) is the number's: a dash between two numbers (`5-13`) is a token of its own."""
    text = doc[i].text
    form = DIGIT_FORMS[text]
    if form is None:
        return None
    if isinstance(form, NumWord):                 # 10К$: the tokenizer leaves it whole
        return form, 1
    signed, text = form
    sign = 1.0
    if signed:
        # after a number the dash joins a range written with one space (2022 -2023): no sign
        after_number = i > 0 and SIGNED.fullmatch(doc[i - 1].text) is not None
        sign = -1.0 if doc[i].text[0] == "-" and not after_number else 1.0
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    scale_follows = (nxt is not None and (a := numerals.analyze(nxt.text)) is not None and a.role == SCALE)
    value = _parsed_digits(text, scale_follows)
    if value is None:
        return None
    if "," in text and i > 0 and CURRENCY_SYMBOL.fullmatch(doc[i - 1].text) and ENGLISH_GROUPS.fullmatch(text):
        value = float(text.replace(",", ""))      # $10,000: English-style groups after a symbol
    if nxt is not None and nxt.text in INFORMAL_THOUSANDS and not doc[i].whitespace_:
        return NumWord(DIGIT, sign * value * 1000, closed=False), 2    # 100к, 15К
    value = sign * value if value else value
    if nxt is not None and nxt.text.startswith("-") and len(nxt.text) > 1 and not doc[i].whitespace_:
        ending = numerals.hyphen_ending(nxt.text[1:])
        if ending is not None:
            ordinal, ablative = ending
            return NumWord(DIGIT, value, ordinal=ordinal, closed=True, ablative=ablative), 2
    return _plain_digits(value), 1


@functools.lru_cache(maxsize=20_000)
def _plain_digits(value: float) -> NumWord:
    """NumWord(DIGIT, value), made once per value (it is immutable; a frozen dataclass costs a
    call per field to make). Never -0.0: _digit_word keeps a zero unsigned."""
    return NumWord(DIGIT, value)


def _digit_form(text: str) -> NumWord | tuple[bool, str] | None:
    """What a token's text is as digits, whatever stands around it: the whole number of a glued
    thousands form (10К$), or (has a sign, the digits without it), or None."""
    glued = GLUED_THOUSANDS.fullmatch(text)
    if glued is not None:
        value = parse_digits(glued.group(1))
        return NumWord(DIGIT, value * 1000, closed=True) if value is not None else None
    signed = text[:1] in "+-" and len(text) > 1
    digits = text[1:] if signed else text
    return (signed, digits) if DIGITS.fullmatch(digits) else None


# asked of every number token: each text is read once (bounded memos; NumWord is immutable)
DIGIT_FORMS = WordMemo(_digit_form, 20_000)
_parsed_digits = functools.lru_cache(maxsize=20_000)(parse_digits)


@functools.lru_cache(maxsize=None)
def _number_like(numerals) -> WordMemo:
    """Can a token with this text be (the start of) a number? Asked of every token, answered
    from memory in C (`find_numbers` maps it over the tokens); most tokens are not."""
    return WordMemo(lambda text: SIGNED.fullmatch(text) is not None or numerals.analyze(text) is not None
                    or GLUED_THOUSANDS.fullmatch(text) is not None,
                    20_000)


def find_numbers(doc, numerals) -> list[NumberSpan]:
    """All number expressions in a spaCy Doc (or any sequence of tokens with .text/.idx)."""
    # Per token: (NumWord, tokens it covers) or None.
    units: list[tuple[int, NumWord, int]] = []   # (first token, word, tokens covered)
    next_free = 0
    number_like = _number_like(numerals)
    for i in compress(range(len(doc)), map(number_like.__getitem__, map(attrgetter("text"), doc))):
        if i < next_free:
            continue                              # the ending of 5000-ға
        got = _digit_word(doc, i, numerals)
        if got is None:
            w = numerals.analyze(doc[i].text) if doc[i].is_alpha or doc[i].text.endswith(".") else None
            got = (w, 1) if w is not None else None
        if got is not None:
            units.append((i, got[0], got[1]))
            next_free = i + got[1]
            j = next_free
            if numerals.phrases and j + 1 < len(doc):        # три с половиной
                word = numerals.phrases.get((doc[j].text.lower(), doc[j + 1].text.lower()))
                if word is not None:
                    units.append((j, word, 2))
                    next_free = j + 2
    spans: list[NumberSpan] = []
    k = 0
    while k < len(units):
        # the run of units that follow each other directly
        run = [units[k]]
        while (k + len(run) < len(units)
               and units[k + len(run)][0] == run[-1][0] + run[-1][2]):
            run.append(units[k + len(run)])
        result = combine([u[1] for u in run])
        if result is None:
            k += 1
            continue
        used = run[:result.length]
        first_tok = used[0][0]
        last_tok = used[-1][0] + used[-1][2]
        start = doc[first_tok].idx
        end = doc[last_tok - 1].idx + len(doc[last_tok - 1].text)
        k += result.length
        if numerals.idioms and last_tok < len(doc) and _idiom(doc, first_tok, last_tok, numerals.idioms):
            continue                                      # один из, бірінші кезекте: no count
        if result.length == 1 and used[0][1].lone_other:
            continue                                      # елдердің бірі: "one of", no count
        spans.append(NumberSpan(first_tok, last_tok, start, end, result.value, result.ordinal,
                                any(u[1].role != DIGIT for u in used), result.scale))
    return spans


def _idiom(doc, first_tok: int, last_tok: int, idioms) -> bool:
    """один из, бірінші кезекте (the number word and the next), в первую очередь (and the one
    before: "первую очередь" alone may be a project's first stage)."""
    pair = (doc[first_tok].text.lower(), doc[last_tok].text.lower())
    return pair in idioms or first_tok > 0 and (doc[first_tok - 1].text.lower(), *pair) in idioms
