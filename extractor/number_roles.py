"""What a number found in a window is, beyond its value: part of a date or a time expression
(not a count), a position before a noun (`на 19-й минуте`, `3-сынып`: an ordinal), or half of a
hyphenated word (`COVID-19`). `rules` is the pipeline's LanguageRules of the document's language.
"""
from __future__ import annotations

import dataclasses

import regex

from .numerals.scan import NumberSpan

# an upper-case Roman numeral, I to MMMCMXCIX (VIII, XXV; not IT, MIX is 1009 but needs its noun)
ROMAN_NUMERAL = regex.compile(r"(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _drop_time_expressions(doc, numbers, rules):
    """Numbers that are part of a date, period or duration, or of a hyphenated word, go."""
    keep = []
    drop_next = False
    for k, num in enumerate(numbers):
        if drop_next:
            drop_next = False
            continue
        partner = numbers[k + 1] if k + 1 < len(numbers) else None
        if _ordinal_before_noun(doc, num, rules):
            keep.append(num if num.ordinal else dataclasses.replace(num, ordinal=True))
            continue
        if _is_time_expression(doc, num, rules) or _hyphen_compound(doc, num, numbers):
            continue
        if partner is not None and partner.tok_start == num.tok_end + 1 and doc[num.tok_end].text == "-" \
                and _is_time_expression(doc, partner, rules):
            drop_next = True       # 6 – 7 жыл, 2005 – 2018-інші жылдар: a period
            continue
        keep.append(num)
    return keep


POSITION_TIME_UNITS = frozenset(["minute", "second"])


def _ordinal_before_noun(doc, num, rules) -> bool:
    """на 19-й минуте, 19-минутында, 3-сыныпты, 5-сынып оқушылары, 10-й класс: the number is a
    position (an ordinal), not a duration nor a compound word. An ordinal ending (19-й) or, in
    Kazakh, a noun hyphenated to digits (19-минутта) says so; 19 минут stays a duration."""
    i = num.tok_end
    if i >= len(doc) or num.value <= 0 or num.value != int(num.value):
        return False
    word = doc[i].text
    hyphened = word.startswith("-") and len(word) > 1 and not doc[i - 1].whitespace_ and not num.words
    if hyphened:
        word = word[1:]
    elif not num.ordinal:
        return False
    return rules.ordinal_nouns.contains(word) is not None or rules.periods.units.contains(word) in POSITION_TIME_UNITS


def _hyphen_compound(doc, num, numbers) -> bool:
    """бір-бірінен, бірде-бір, 8-сыныпта, 5-летний: a number hyphenated to a word that is not a number."""
    end = num.tok_end
    if end < len(doc) and len(doc[end].text) > 1 and doc[end].text[0] == "-" and doc[end].text[1:].isalpha() \
            and not doc[end - 1].whitespace_:
        return True               # the ending was not one the number takes: a compound word
    if not num.words:
        return False
    starts = {n.tok_start for n in numbers}
    ends = {n.tok_end for n in numbers}
    i, j = num.tok_start, num.tok_end
    before = i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
        and (i - 1) not in ends and doc[i - 2].is_alpha
    after = j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
        and (j + 1) not in starts and doc[j + 1].is_alpha
    return before or after


def _is_time_expression(doc, num, rules) -> bool:
    """2024 жылы, 8 айында, 22 ноября, 2024-жылы: a date or period, not a count."""
    i = num.tok_end
    if i >= len(doc) or rules.quantities.unit_at(doc, i) is not None:
        return False             # 25 айлық есептік көрсеткіш is a unit, not "25 months"
    nxt = doc[i].text
    if nxt.lower() in rules.quantities.forecast and doc[num.tok_start].text[:1] in "+-−":
        return False             # +20 днём, −5 ночью: a temperature, not 20 days
    if nxt.startswith("-") and len(nxt) > 1:
        nxt = nxt[1:]            # 2024-жылы
    return rules.periods.is_time_word(nxt) and not rules.periods.young_adjective(doc, i) \
        and not rules.periods.month_is_noun(doc, i)       # 63 қазан орнатылды: a count of boilers


def roman_value(text: str) -> int | None:
    """The value of an upper-case Roman numeral (VIII: 8), or None."""
    if not ROMAN_NUMERAL.fullmatch(text):
        return None
    values = [ROMAN_VALUES[c] for c in text]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def roman_ordinals(doc, rules) -> list:
    """VIII чемпионат, XXV съезда, VII шақырылым: a Roman numeral right before an event noun
    (numbers.yaml `roman_ordinal_nouns`) is an ordinal. Elsewhere (Пётр I, XI as a name, IT)
    it is not read at all; II тоқсан is a period (the period rules take it first)."""
    out = []
    for i in range(len(doc) - 1):
        text = doc[i].text
        if text[:1] not in ROMAN_VALUES or not doc[i].whitespace_:
            continue
        value = roman_value(text)
        if value and rules.roman_ordinal_nouns.contains(doc[i + 1].text) is not None:
            out.append(NumberSpan(i, i + 1, doc[i].idx, doc[i].idx + len(text), float(value), True, False))
    return out
