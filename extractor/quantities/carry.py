"""A currency carried to amounts that do not repeat it, over the records of a whole document
(so windows and sentences give the same answer):

- a coordinated list shares the currency of its last item: `по 400 и 600 тенге`, `2, 3 и 5 млрд
  долларов` (and its scale, when the earlier items have none);
- a bare amount with a scale word (`36,6 трлн`, `один триллион`) after a money amount in the
  same sentence, or in the sentence just before it in the same paragraph, is money in that
  currency: `доходы 35 трлн рублей, а расходы — 36,6 трлн`.

Never when a counted noun follows (`1,5 млн человек`), across an amount with another unit
(a percentage, tonnes), for amounts far apart in size, or without a scale word (years, counts).
"""
from __future__ import annotations

import regex

from ..numerals.words import SCALE, exact_mul

SIZE_RATIO = 1000          # a carried amount is within this factor of the one it copies
WORD = regex.compile(r"[\p{L}]+")


def carry_currency(records, text: str, rules) -> None:
    amounts = [r for r in records if getattr(r, "kind", None) in ("money", "percent", "quantity", "number")]
    kinds = {r.kind for r in amounts}
    if "money" not in kinds or "number" not in kinds:
        return                                  # only a bare number ever takes a money amount's currency
    _share_in_lists(amounts, text, rules)
    _carry_to_bare(amounts, text, rules)


def _share_in_lists(amounts, text, rules) -> None:
    shared: dict[int, float] = {}                                 # the scale an item got from its list
    for a, b in reversed(list(zip(amounts, amounts[1:]))):        # right to left: 400, 500 и 600 тенге
        if b.kind != "money" or not _bare(a, rules, text) or a.sentence != b.sentence \
                or text[a.end:b.start].strip().lower() not in rules.list_links:
            continue
        scale = shared.get(id(b)) or _scale(b.text, rules)
        value = a.value
        if scale > 1 and _scale(a.text, rules) == 1 and abs(exact_mul(value, scale)) <= abs(b.value):
            value = exact_mul(value, scale)                        # 2, 3 и 5 млрд долларов
            shared[id(a)] = scale
        _to_money(a, value, b.unit)


def _carry_to_bare(amounts, text, rules) -> None:
    last = None                                                     # the last amount with a unit
    for r in amounts:
        if r.kind != "number":
            last = r if r.unit else last
            continue
        if last is None or last.kind != "money" or not _bare(r, rules, text) or _scale(r.text, rules) == 1 \
                or not _same_paragraph_next(text, last.sentence, r.sentence):
            continue
        if not last.value or not 1 / SIZE_RATIO <= abs(r.value / last.value) <= SIZE_RATIO:
            continue
        _to_money(r, r.value, last.unit)
        last = r


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


def _to_money(r, value: float, unit: str) -> None:
    r.kind, r.value, r.unit, r.noun = "money", value, unit, None
