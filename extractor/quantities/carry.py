"""A currency or unit carried to amounts that do not repeat it, over the records of a whole
document (so windows and sentences give the same answer):

- a coordinated list shares the currency or unit of its last item: `по 400 и 600 тенге`, `2, 3 и
  5 млрд долларов` (and its scale, when the earlier items have none), `9,7 и 7,7 млн баррелей`;
- a bare amount with a scale word (`36,6 трлн`, `один триллион`) after a money amount in the
  same sentence, or in the sentence just before it in the same paragraph, is money in that
  currency: `доходы 35 трлн рублей, а расходы — 36,6 трлн`; after a quantity, in the same
  sentence, it has its unit: `9,7 млн баррелей, а годом ранее — 7,7 млн`;
- a change by an amount to a level, `на 5 тенге до 230`: the level has the amount's unit and is
  its `to_value` (not a maximum);
- parallel items, each after the same word or mark: `АИ-92 — 230 тенге, АИ-95 — 260`.

Never when a counted noun follows (`1,5 млн человек`), across an amount with another unit
(a percentage, tonnes), from a temperature or a percentage, for amounts far apart in size, to
years, or to a bare count without a scale word outside those frames.
"""
from __future__ import annotations

import regex

from ..numerals.words import SCALE, exact_mul
from .base_units import to_base

SIZE_RATIO = 1000          # a carried amount is within this factor of the one it copies
LIST_SCALED_BELOW = 1000   # 2, 3 и 5 млрд: an unscaled item below this shares the scale word
PARALLEL_RATIO = 10        # parallel items of a list (prices of fuels) are of one size
PARALLEL_WORDS = 6         # words between two parallel items
WORD = regex.compile(r"[\p{L}]+")
LEAD = regex.compile(r"(?:[\p{L}]+|[—–:-])(?=\s*$)")   # the word or mark just before an amount
PIECE = regex.compile(r"[\p{L}\d]+|[^\s\p{L}\d]")             # a word or a mark
LEVEL_GAPS = frozenset(["", ",", "—", "–", "-"])        # на 12 тенге — до 98, на 2 рубля, до 61
CHANGE_BY = frozenset(["на"])                            # на 5 тенге до 230: a change by an amount
CARRIED_KINDS = ("money", "quantity")


def carry_currency(records, text: str, rules) -> None:
    amounts = [r for r in records if getattr(r, "kind", None) in ("money", "percent", "quantity", "number")]
    if not any(r.kind in CARRIED_KINDS for r in amounts):
        return                                  # nothing has a unit or currency to give
    periods = [(r.start, r.end) for r in records if getattr(r, "kind", None) in ("period", "duration")]
    _share_in_lists(amounts, text, rules)
    _carry_to_bare(amounts, text, rules, periods)


def _share_in_lists(amounts, text, rules) -> None:
    shared: dict[int, float] = {}                                 # the scale an item got from its list
    for a, b in reversed(list(zip(amounts, amounts[1:]))):        # right to left: 400, 500 и 600 тенге
        if not _carries(b) or not _bare(a, rules, text) or a.sentence != b.sentence \
                or text[a.end:b.start].strip().lower() not in rules.list_links:
            continue
        if b.kind == "quantity" and not a.text[:1].isdigit():
            continue                                                # он төрт, он төрт те: prose, not a list of measures
        scale = shared.get(id(b)) or _scale(b.text, rules)
        value = a.value
        if scale > 1 and _scale(a.text, rules) == 1:
            if abs(value) >= LIST_SCALED_BELOW:
                continue                                            # 2020 и 5 млрд: no item of the list
            value = exact_mul(value, scale)                        # 2, 3 и 5 млрд; 9,7 и 7,7 млн баррелей
            shared[id(a)] = scale
        _to_unit(a, value, b)


def _carry_to_bare(amounts, text, rules, periods) -> None:
    last = None                                                     # the last amount with a unit
    prev = None                                                     # the amount just before
    for r in amounts:
        before, prev = prev, r
        if r.kind != "number":
            if last is not None and before is last and _change_to_level(last, r, text):
                r.to_value, r.max, r.change = r.value, None, r.change or last.change   # на 5 до 230 тенге
            last = r if r.unit else last
            continue
        if last is None or not _carries(last) or not _bare(r, rules, text) or not last.value \
                or _year(r, rules):
            continue
        ratio = abs(r.value / last.value)
        if not 1 / SIZE_RATIO <= ratio <= SIZE_RATIO:
            continue
        target = before is last and _change_to_level(last, r, text)
        scaled = _scale(r.text, rules) > 1 and (
            _same_paragraph_next(text, last.sentence, r.sentence) if last.kind == "money"
            else last.sentence == r.sentence and _same_subject(last, r, text, rules, periods))
        parallel = before is last and last.kind == "money" and 1 / PARALLEL_RATIO <= ratio <= PARALLEL_RATIO \
            and _parallel(last, r, text)
        if not (target or scaled or parallel):
            continue
        _to_unit(r, r.value, last)
        if target:                                                  # на 5 тенге до 230: the level reached
            r.to_value, r.max, r.change = r.value, None, last.change
        last = r


def _carries(r) -> bool:
    """Money or a measured amount lends its unit; a temperature does not (its sign comes from
    words around each item: 20 градусов мороза, ночью до 25), nor a percentage."""
    return r.kind in CARRIED_KINDS and r.unit is not None and r.unit != "°C"


def _same_subject(first, second, text: str, rules, periods) -> bool:
    """Nothing but links, verbs and periods between a quantity and a bare amount: the same thing
    is counted (9,7 млн баррелей, а годом ранее — 7,7 млн; 90 млн тоннаны құрады, ал былтыр 86 млн),
    not a new subject (прибыль — 4 млрд)."""
    gap = list(text[first.end:second.start])
    for start, end in periods:
        if first.end <= start and end <= second.start:
            gap[start - first.end:end - first.end] = " " * (end - start)
    return all(w.lower() in rules.ellipsis_links or rules.verb(w) for w in PIECE.findall("".join(gap)))


def _change_to_level(by, level, text: str) -> bool:
    """`на 5 тенге до 230`: a change by an amount, then `до` and the level reached, nothing between."""
    if not level.text.lower().startswith("до ") or level.max != level.value \
            or text[by.end:level.start].strip() not in LEVEL_GAPS:
        return False
    if level.unit is not None and level.unit != by.unit:
        return False
    lead = LEAD.search(text, max(0, by.start - 40), by.start)
    return lead is not None and lead.group().lower() in CHANGE_BY and by.unit is not None


def _parallel(first, second, text: str) -> bool:
    """Two items of one list in the same sentence, each after the same word or mark, with a comma
    or a list word between: `АИ-92 — 230 тенге, АИ-95 — 260`, `до 230 тенге, дизель до 220`."""
    if first.sentence != second.sentence:
        return False
    gap = text[first.end:second.start]
    if "," not in gap and ";" not in gap or len(WORD.findall(gap)) > PARALLEL_WORDS:
        return False
    lead = _lead(first, text)
    return lead is not None and lead == _lead(second, text)


def _lead(r, text: str) -> str | None:
    """The word or mark that introduces an amount: its own first word when that is no digit (до 220),
    else the word or dash just before it (— 260)."""
    own = WORD.match(r.text)
    if own is not None and not r.text[:1].isdigit():
        return own.group().lower() if r.text[own.end():own.end() + 1] == " " else None
    got = LEAD.search(text, max(0, r.start - 40), r.start)
    return got.group().lower() if got is not None else None


def _year(r, rules) -> bool:
    """2023 is a year, never a price: a whole four-digit number of this era without a scale word."""
    return float(r.value).is_integer() and 1900 <= r.value <= 2100 and _scale(r.text, rules) == 1


def _bare(r, rules, text: str) -> bool:
    """A number with nothing it counts (a verb or a list word may follow it)."""
    if r.kind != "number" or r.min not in (None, r.value) or r.max not in (None, r.value):
        return False                                                # a bound (до 120 тысяч) is fine
    after = WORD.match(text, r.end + 1) if text[r.end:r.end + 1] == " " else None
    if after is not None and rules.counted_word(after.group()):
        return False                                                # 2 тысячи новых рабочих мест
    if r.noun is None:
        return True
    first = r.noun.split()[0].lower()
    return first in rules.list_links or rules.amount_verb(first)


def _scale(text: str, rules) -> float:
    """The value of the last scale word in an amount's text (трлн, миллиардқа, млрд-қа), else 1."""
    scale = 1.0
    for word in WORD.findall(text):
        got = rules.numerals.analyze(word)
        if got is not None and got.role == SCALE:
            scale = got.value
    return scale


def _same_paragraph_next(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The same sentence, or the next one with no line break between."""
    if first == second:
        return True
    gap = text[first[1]:second[0]]
    return first[1] <= second[0] and gap.strip() == "" and "\n" not in gap


def _to_unit(r, value: float, source) -> None:
    """The amount takes the kind, unit and rate of the one it copies (tonnes: its base value too)."""
    r.kind, r.value, r.unit, r.noun = source.kind, value, source.unit, None
    r.per = source.per
    if r.kind == "quantity":
        r.base_value, r.base_unit = to_base(r.unit, value)
