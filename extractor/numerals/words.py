"""The language-independent part of number words: combining word values.

Each language module turns one token into a `NumWord` (its role and value);
`combine` reads a run of them the way a speaker composes a number:
үш жүз сексен → 3×100+80; он миллиард үш жүз миллион → 10e9+300e6;
үш жарым миллион → (3+½)×1e6; елу жеті бүтін оннан үш → 57 + 3/10;
три целых пять десятых → 3 + 5/10; полтора миллиарда → 1.5e9.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

# roles
DIGIT = "digit"          # 3, 1,5 (a digit token)
ZERO = "zero"
UNIT = "unit"            # 1..9
TEEN = "teen"            # Russian 10..19
TEN = "ten"              # 20..90 (Kazakh он = 10 too)
HUNDRED_MULT = "hundred_mult"  # Kazakh жүз: multiplies what precedes
HUNDREDS = "hundreds"    # Russian сто..девятьсот
SCALE = "scale"          # мың, тысяча, млн, миллиард …
HALF = "half"            # Kazakh жарым: +0.5
ONE_AND_HALF = "one_and_half"  # полтора
POINT = "point"          # бүтін, целых
COLLECTIVE = "collective"  # екеу, двое: a whole number on its own
ORDINAL_WORD = "ordinal_word"  # Russian ordinal adjectives (седьмой)
FRACTION = "fraction"    # четверть, треть: a part; multiplies what precedes (две трети)

SMALL_RANK = {UNIT: 1, ZERO: 1, TEEN: 2, TEN: 2, HUNDREDS: 3, HUNDRED_MULT: 3}


def exact_mul(a: float, b: float) -> float:
    """a × b as the decimals are written: 16,4 млн is 16400000, not 16399999.999999998."""
    if float(a).is_integer() and float(b).is_integer() or not math.isfinite(a * b):
        return a * b
    return float(Decimal(repr(float(a))) * Decimal(repr(float(b))))


def exact_add(a: float, b: float) -> float:
    if float(a).is_integer() and float(b).is_integer() or not math.isfinite(a + b):
        return a + b
    return float(Decimal(repr(float(a))) + Decimal(repr(float(b))))


@dataclass(frozen=True)
class NumWord:
    role: str
    value: float
    ordinal: bool = False      # бесінші, седьмой, 7-й
    closed: bool = False       # carries a case ending: the number ends with this word
    ablative: bool = False     # Kazakh -дан/-ден: оннан үш = 3/10, төрттен бір = 1/4
    denominator: int = 0       # Russian десятых/сотых: 10/100
    plural: bool = False       # тысячи, миллионы on their own are "thousands", not 1000
    lone_other: bool = False   # on its own another word: бірі "one of them" (but он бірі is 11)


@dataclass(frozen=True)
class Combined:
    value: float
    length: int                # how many words were used
    ordinal: bool = False
    scale: float = 1.0         # the last scale word's value (10 – 15 мың: 15 has 1000)


def _small(words: list[NumWord], i: int) -> tuple[float, int]:
    """A number below 1000 from words[i:], as (value, words used); (0, 0) if none.

    Each word must be of a smaller rank than the one before (жиырма бес, not
    бес жиырма); a word with an ending (ordinal, case) is the last one."""
    value = 0.0
    rank = 4
    used = 0
    while i + used < len(words):
        w = words[i + used]
        r = SMALL_RANK.get(w.role)
        if r is None:
            break
        if w.role == HUNDRED_MULT:       # үш жүз: multiplies the unit before it
            if value >= 10 or rank == 3:
                break
            value = (value or 1) * 100
        else:
            if r >= rank:
                break
            value += w.value
        rank = r
        used += 1
        if w.closed or w.ordinal:
            break
    return value, used


def _digits_as_decimals(words: list[NumWord], i: int) -> tuple[float, int]:
    """num2words style decimals: бүтін нөл бес = .05, бүтін үш = .3."""
    zeros = 0
    while i + zeros < len(words) and words[i + zeros].role == ZERO:
        zeros += 1
    value, used = _small(words, i + zeros)
    if not used or value == 0:
        return 0.0, zeros
    digits = len(str(int(value)))
    return value / 10 ** (zeros + digits), zeros + used


def _fraction_after_point(words: list[NumWord], i: int) -> tuple[float, int]:
    if i >= len(words):
        return 0.0, 0
    if words[i].ablative and words[i].role in SMALL_RANK:
        # Kazakh: бүтін оннан үш = 3/10; бүтін жүзден жиырма бес = 25/100
        denom, used = _small(words, i)
        num, used2 = _small(words, i + used)
        if used2 and denom:
            return num / denom, used + used2
        return 0.0, 0
    # Russian: три целых пять десятых
    num, used = _small(words, i)
    if used and i + used < len(words) and words[i + used].denominator:
        return num / words[i + used].denominator, used + 1
    # num2words' Kazakh: бүтін үш
    return _digits_as_decimals(words, i)


def combine(words: list[NumWord]) -> Combined | None:
    """Read the longest number at the start of `words` (consecutive number tokens)."""
    if not words:
        return None
    n = len(words)
    first = words[0]
    if first.role in (COLLECTIVE, ORDINAL_WORD):
        return Combined(first.value, 1, first.ordinal)
    if first.role == FRACTION:
        # четверть миллиарда = 0.25e9; треть = 1/3
        if n > 1 and words[1].role == SCALE and not words[1].plural:
            return Combined(exact_mul(first.value, words[1].value), 2, scale=words[1].value)
        return Combined(first.value, 1)
    if first.ablative and first.role in SMALL_RANK:
        # төрттен бір = 1/4, оннан үш = 3/10; otherwise (жүзден астам) a plain number
        denom, used = _small(words, 0)
        num, used2 = _small(words, used)
        if used2 and denom:
            return Combined(num / denom, used + used2)
    total = 0.0
    current: float | None = None
    last_scale = float("inf")
    i = 0
    while i < n:
        w = words[i]
        if w.role == DIGIT:
            if i:
                break
            current = w.value
            i += 1
        elif w.role == ONE_AND_HALF:
            if current is not None:
                break
            current = w.value
            i += 1
        elif w.role == FRACTION:
            if current is None or current != int(current) or current > 9:
                break
            current = current * w.value     # две трети
            i += 1
            if i < n and words[i].role == SCALE:
                continue
            break
        elif w.role in SMALL_RANK:
            if current is not None:
                break               # бес бес: two numbers, not one
            current, used = _small(words, i)
            i += used
        elif w.role == HALF:
            if current is None:
                if total == 0 and i + 1 < n and words[i + 1].role == SCALE:
                    current = w.value   # жарым миллион
                    i += 1
                    continue
                break
            if current != int(current):
                break
            current = exact_add(current, w.value)   # үш жарым, три с половиной
            i += 1
            if not w.closed and i < n and words[i].role == SCALE:
                continue                # only a scale word may follow жарым
            break
        elif w.role == SCALE:
            if w.value >= last_scale or (current is None and (total > 0 or w.plural)):
                break                   # млрд млрд; тысячи "thousands of"
            total = exact_add(total, exact_mul(1.0 if current is None else current, w.value))
            current = None
            last_scale = w.value
            i += 1
        elif w.role == POINT:
            if current is None and total == 0:
                break
            frac, used = _fraction_after_point(words, i + 1)
            if not used:
                break
            total = exact_add(total, exact_add(current or 0.0, frac))
            current = None
            i += 1 + used
            if i < n and words[i].role == SCALE and not words[i - 1].closed:
                total = exact_mul(total, words[i].value)  # бір бүтін бес миллиард
                i += 1
            break
        else:
            break
        last = words[i - 1]
        if last.ordinal:
            return Combined(exact_add(total, current or 0.0), i, True)
        if last.closed:
            break
    if i == 0:
        return None
    return Combined(exact_add(total, current or 0.0), i, scale=1.0 if last_scale == float("inf") else last_scale)
