"""Money, percentages, measured amounts, counts and multipliers around the numbers of a sentence.

Before reading amounts, the numbers are completed: a sign word joins its number
(`минус 18`), and a number whose scale is smaller than the one before joins it
(`132 миллиона 300 тысяч`, `8 трлн 250 млрд`). Then around each number, in
this order: a multiplier word (`екі есе`, `в 1,5 раза`: kind ratio); a partner
(`5-13`, `+14…+16`, `-5, -13`, `от 2 до 3 млрд`, `с 430 млрд до 605,5 млрд`,
`от 10 долларов до 20`, `25 мың гектардан 19 мың гектарға дейін`); a unit after
it (`%`, `долларға`, `°С`, `пайыздық тармақ` = pp) or a currency symbol or ISO
code before it; a frost word (`аяз`, `мороза`: below zero); a rate's
denominator (`ц/га`, `за баррель`, `литріне`); a sub-unit (`20 долларов 43
цента`); hedges and bounds on either side; a change verb. See docs/quantities.md
for what each field means.
"""
from __future__ import annotations

import dataclasses
import math

from ..numerals.scan import NumberSpan
from ..numerals.words import exact_add, exact_mul
from .base_units import to_base
from .match import QuantityMatch
from .rates import rate, sub_unit
from .ratios import multiplier_words, ratio
from .rules import ABLATIVE, DATIVE, QuantityRules
from .temperature import forecast_band, forecast_number, frost_bare, frost_before, frost_list_ahead, zero_phrases, zero_sign

DASHES = frozenset("-–—")
INFORMAL_MILLION = frozenset(["М", "M"])
ELLIPSES = frozenset(["…", "...", ".."])
UNTIL = frozenset(["дейін", "шейін"])


def find(rules: QuantityRules, doc, numbers: list[NumberSpan]) -> list[QuantityMatch]:
    zeros, numbers = zero_phrases(rules, doc, numbers)
    numbers = _compounds(doc, _signed(rules, doc, numbers))
    out: list[QuantityMatch] = []
    floor = 0                       # tokens before this belong to an earlier match
    k = 0
    while k < len(numbers):
        n = numbers[k]
        if n.tok_start < floor:
            k += 1                  # its tokens were taken as the unit of the amount before it
            continue
        m = ratio(rules, doc, n, floor)
        if m is not None:
            out.append(m)
            floor = m.tok_end
            k += 1
            continue
        ms, used = _amount(rules, doc, numbers, k, floor, zeros)
        if len(ms) == 1 and ms[0].kind == "number" and rules.date_follows(doc, ms[0].tok_end):
            k += used                   # МОСКВА, 9 сен: a dateline, not a count
            continue
        out += ms
        floor = ms[-1].tok_end
        k += used
    out += multiplier_words(rules, doc, out)
    out.sort(key=lambda m: m.tok_start)
    for m in out:
        if m.kind == "quantity":
            m.base_value, m.base_unit = to_base(m.unit, m.value)
    return out


# -- numbers completed ---------------------------------------------------------------
def _signed(rules, doc, numbers: list[NumberSpan]) -> list[NumberSpan]:
    """минус 18, плюс 5: the sign word is the number's."""
    if not rules.signs:
        return numbers
    out = []
    for n in numbers:
        i = n.tok_start - 1
        if i >= 0 and not n.ordinal and n.value > 0 and doc[i].text.lower() in rules.signs:
            n = dataclasses.replace(n, tok_start=i, start=doc[i].idx, value=n.value * rules.signs[doc[i].text.lower()])
        out.append(n)
    return out


def _compounds(doc, numbers: list[NumberSpan]) -> list[NumberSpan]:
    """132 миллиона 300 тысяч, 8 трлн 250 млрд, 1 млн 300 мың: one number."""
    out: list[NumberSpan] = []
    for n in numbers:
        prev = out[-1] if out else None
        if prev is not None and n.tok_start == prev.tok_end and prev.scale > 1 and not prev.ordinal \
                and not n.ordinal and 0 <= n.value < prev.scale and n.scale < prev.scale \
                and doc[n.tok_start].text[0] not in "+-" \
                and (n.scale > 1 or n.value < min(prev.scale, 1000)):
            value = exact_add(prev.value, math.copysign(n.value, prev.value))
            out[-1] = dataclasses.replace(prev, tok_end=n.tok_end, end=n.end, value=value, words=prev.words or n.words,
                                          scale=n.scale if n.scale > 1 else prev.scale)
            continue
        out.append(n)
    return out


def _explicitly_signed(doc, n: NumberSpan) -> bool:
    return doc[n.tok_start].text[0] in "+-" or n.value == 0


# -- amounts -------------------------------------------------------------------------
def _adjacent_pair(rules, doc, n: NumberSpan, partner: NumberSpan | None) -> tuple[str, int] | None:
    """Two numbers with one word or mark between: (mode, tokens before the first). Mode: band (a
    range written with a dash: with a change verb, still the range reached: 80 – 82 теңгеге дейін
    көтерілді), range (от … до: a change verb makes it from/to), change (с … до)."""
    if partner is None or partner.ordinal:
        return None
    gap = partner.tok_start - n.tok_end
    before = doc[n.tok_start - 1].text.lower() if n.tok_start > 0 else ""
    if gap == 1:
        sep = doc[n.tok_end].text.lower()
        if sep in DASHES or sep in ELLIPSES:
            return "band", 0                            # 5-13, +14…+16
        if sep == "до" and before == "от":
            return "range", 1
        if sep == "до" and before in ("с", "со"):
            return "change", 1                          # с 430 млрд до 605,5 млрд
        if sep == "и" and before == "между":
            return "range", 1
        if sep == "," and _explicitly_signed(doc, n) and _explicitly_signed(doc, partner):
            return "band", 0                            # -5, -13 градус (weather reports)
        if sep == "+" and _explicitly_signed(doc, n) and n.value < partner.value \
                and not doc[n.tok_end - 1].whitespace_ and not doc[n.tok_end].whitespace_:
            return "band", 0                            # +10+12°С, -1+1°С (weather reports)
    if gap == 0 and _explicitly_signed(doc, n) and doc[partner.tok_start].text[:1] in "+-−" \
            and doc[n.tok_end - 1].whitespace_ and (rules.unit_at(doc, partner.tok_end) or ("",) * 2)[1] == "°C":
        return "band", 0                                # +1 +3°С, -3 -5 градусов (weather reports)
    if gap == 0 and rules.lang == "kk" and doc[n.tok_end - 1].text.startswith("-") \
            and doc[n.tok_end - 1].text.lower().endswith(ABLATIVE):
        return "range", 0                               # -12-ден -28 градусқа дейін
    return None


def _scaled_pair(n: NumberSpan, partner: NumberSpan) -> tuple[float, float]:
    """A range shares its scale both ways: 10-15 мың, с 5 млн до 7."""
    lo, hi = n.value, partner.value
    if n.scale == 1 and partner.scale > 1 and abs(n.value * partner.scale) <= abs(partner.value):
        lo = exact_mul(n.value, partner.scale)
    elif partner.scale == 1 and n.scale > 1 and abs(partner.value) < 1000 and not partner.words:
        hi = exact_mul(partner.value, n.scale)
    return lo, hi


def _amount(rules, doc, numbers: list[NumberSpan], k: int, floor: int, zeros) -> tuple[QuantityMatch, int]:
    n = numbers[k]
    partner = numbers[k + 1] if k + 1 < len(numbers) else None
    start, end = n.tok_start, n.tok_end
    pair_mode = None
    split = None            # where the first amount of a pair with a unit on each side ends
    lo = hi = None
    used = 1
    unit = None
    adjacent = _adjacent_pair(rules, doc, n, partner)
    if adjacent is not None:
        pair_mode, lead = adjacent
        lo, hi = _scaled_pair(n, partner)
        if pair_mode == "band" and lo < 0 < hi and doc[n.tok_start].text.lower() in rules.signs \
                and doc[partner.tok_start].text[:1].isdigit():
            hi = -hi                                # минус 3–8 градусов: the sign word signs both ends
        end, used = partner.tok_end, 2
        start -= lead
        unit = rules.unit_at(doc, end)
        if pair_mode == "band" and lo < 0 < hi and unit is not None and unit[1] == "°C" \
                and doc[n.tok_start].text[:1] in "-−" \
                and (doc[partner.tok_start].text[:1].isdigit() and doc[n.tok_end].text in DASHES
                     and not doc[n.tok_end].whitespace_
                     or partner.tok_start == n.tok_end and doc[partner.tok_start].text[:1] in "-−"):
            hi = -hi                                # -11-13°С, −10–12 °C, -3 -5 градусов: both below zero
    else:
        unit = rules.unit_at(doc, end)
        if end < len(doc) and doc[end].text in INFORMAL_MILLION and not doc[end - 1].whitespace_:
            # 3М рублей: an informal million before a currency (a glued capital М is never metres)
            money = rules.unit_at(doc, end + 1)
            unit = None
            if money is not None and money[0] == "money" and n.scale == 1:
                n = dataclasses.replace(n, tok_end=end + 1, value=exact_mul(n.value, 1e6))
                end = n.tok_end
                unit = rules.unit_at(doc, end)
        if unit is not None and partner is not None:
            got = _pair_across_unit(rules, doc, n, partner, unit)
            if got is not None:
                pair_mode, lead, end, split = got
                lo, hi = _scaled_pair(n, partner)
                start -= lead
                used = 2
                unit = (*unit[:3], 0)       # the unit's tokens are inside [start, end) already
    if pair_mode is not None and rules.lang == "kk" and doc[n.tok_end - 1].text.lower().endswith(ABLATIVE) \
            and adjacent is not None and adjacent[1] == 0 and doc[n.tok_end].text not in DASHES:
        # -12-ден -28 градусқа: a pair only with дейін after it (else two amounts)
        probe = end + (unit[3] if unit else 0)
        probe += rules.hyphen_ending(doc, probe)
        if not (probe < len(doc) and doc[probe].text.lower() in UNTIL):
            pair_mode, lo, hi, end, used = None, None, None, n.tok_end, 1
            start = n.tok_start
            unit = rules.unit_at(doc, end)
    approx = False
    factor = 1
    frost = False
    if unit is not None:
        kind, unit_code, factor, n_tok = unit
        end += n_tok
        if rules.approx_endings and doc[end - 1].text.lower().endswith(rules.approx_endings):
            approx = True                           # миллиметрдей
        if rules.hyphen_ending(doc, end):
            end += 1
    elif (glued := doc[end - 1].text.rstrip(".")[-1:]) in rules.symbols and not glued.isalnum():
        kind, unit_code = "money", rules.symbols[glued]                     # 10К$
    elif start > floor and doc[start - 1].text in rules.symbols and (pair_mode is None or start == n.tok_start):
        # $3, AED 100 (not the $ of "0$ млрд": it belongs to the amount before)
        kind, unit_code = "money", rules.symbols[doc[start - 1].text]
        start -= 1
    else:
        kind, unit_code = "number", None
    if kind in ("quantity", "number") and (unit_code in (None, "°C")):
        width = rules.frost_at(doc, end)
        if width:                                   # 13 градус аяз, 23-30 мороза
            frost = True
            kind, unit_code = "quantity", "°C"
            end += width
    warm = kind == "number" and rules.warmth_at(doc, end) and rules.per_time.match(doc, end) is None
    if warm:                                        # 7-12 жылыға, 5 тепла (not 2020 жылы: a year)
        kind, unit_code = "quantity", "°C"
        end += rules.warmth.match(doc, end)[1]
    if unit_code == "°C" and not frost and not warm and not _explicitly_signed(doc, n) and not rules.warmth_at(doc, end) \
            and frost_before(rules, doc, start, floor):
        frost = True                                # аяз 35 градусқа дейін күшейеді, мороз до 30 градусов
    zero = zero_sign(zeros, start, end, floor) if zeros and kind in ("quantity", "number") \
        and unit_code in (None, "°C") else None
    if zero is not None and (unit_code == "°C" or zero[2] != end):
        sign, start, end = zero                     # 15 градусов ниже нуля, нөлден төмен 15 градус
        kind, unit_code, frost = "quantity", "°C", False
    elif not frost and not warm and kind in ("quantity", "number") and unit_code in (None, "°C") \
            and doc[n.tok_start].text[0] not in "+-" and not rules.warmth_at(doc, end) \
            and frost_list_ahead(rules, doc, numbers, k + used, end):
        frost = True                                # батыста 5-15, солтүстікте 10-28 градус аяз
        kind, unit_code = "quantity", "°C"
    if kind == "number" and (forecast_band(rules, doc, n, partner, start, end, floor) if pair_mode == "band"
                             else pair_mode is None and forecast_number(rules, doc, n, start, end, floor)):
        kind, unit_code = "quantity", "°C"          # ночью -5…-10, днём 0…+5, днём до +3
    elif kind == "number" and pair_mode in (None, "band") \
            and frost_bare(rules, doc, n, partner if pair_mode else None, start, end, floor):
        kind, unit_code = "quantity", "°C"          # морозы ослабнут до 15-20, заморозки 2-4, заморозки до -3
        frost = doc[n.tok_start].text[:1] not in "+-−"
    if kind == "number" and pair_mode is not None and n.scale == partner.scale:
        # a bare range of counts is two numbers (unless a unit joins them: 5-13 may be a score, a
        # house number); one scale word for both (95-97 миллиардов, 10-15 мың) makes it one range,
        # else the first would come out unscaled (95)
        start, end, used, lo, hi, pair_mode = n.tok_start, n.tok_end, 1, None, None, None
    if kind == "number" and rules.approx_endings and doc[end - 1].text.lower().endswith(rules.approx_endings):
        approx = True                               # 300-дей
    value = n.value
    if factor != 1:                                 # тиын, копейка, цент
        value = exact_mul(value, factor)
        lo = None if lo is None else exact_mul(lo, factor)
        hi = None if hi is None else exact_mul(hi, factor)
    if frost or zero is not None:
        sign = -1.0 if frost else zero[0]
        value = math.copysign(value, sign)
        lo = None if lo is None else math.copysign(lo, sign)
        hi = None if hi is None else math.copysign(hi, sign)
    per = None
    if kind in ("money", "quantity", "percent") and pair_mode is None and factor == 1:
        sub = sub_unit(rules, doc, numbers, k, end, unit_code)
        if sub is not None:                         # 20 долларов 43 цента
            value, end, extra = exact_add(value, sub[0]), sub[1], sub[2]
            used += extra
    if kind in ("money", "quantity"):
        per, end, unit_code = rate(rules, doc, start, end, unit_code, floor)
    bound_min = bound_max = None
    from_value = to_value = None
    to_word = False
    hedge = rules.hedge_before(doc, start, floor)
    if hedge is not None:
        meaning, n_tok = hedge
        to_word = meaning == "max" and doc[start - 1].text.lower() == "до"
        start -= n_tok
        approx, bound_min, bound_max = _apply(meaning, value, approx, bound_min, bound_max)
    change = None
    if end < len(doc):
        got = rules.after.match(doc, end)
        if got is not None:
            meaning, n_tok = got
            word = doc[end].text.lower()
            if word in rules.comparatives and doc[end - 1].text.lower().endswith(DATIVE):
                change = rules.comparatives[word]     # 5 пайызға артық: 5 % more, not "over 5 %"
            else:
                to_word = to_word or (meaning == "max" and word in UNTIL)
                approx, bound_min, bound_max = _apply(meaning, value, approx, bound_min, bound_max)
            end += n_tok
    if pair_mode is not None:
        bound_min, bound_max = (lo, hi) if lo <= hi else (hi, lo)
        value, to_word = bound_min, False
    if kind != "number" and change is None:
        change = rules.change_near(doc, start, end)
    if pair_mode == "change" or pair_mode == "range" and change is not None:
        from_value, to_value = lo, hi               # с 430 до 605,5 млрд; 25 мыңнан 19 мыңға дейін қысқарттық
        value, bound_min, bound_max = hi, None, None
    elif to_word and (change is not None or unit_code == "°C" or rules.target_near(doc, start, end)):
        # after a change verb до / дейін names the new level (ускорилась до 1,2%), and a forecast's
        # "до -25" the level reached: neither is a maximum
        to_value, bound_max = value, None
    last = partner.tok_end if pair_mode is not None else n.tok_end      # 10-15 мың адам: a range counts too
    noun = rules.noun_after(doc, end) if kind == "number" and last == end else None
    if split is not None and pair_mode is not None:
        # a unit on each side (25 мың гектардан 19 мың гектарға дейін): two amounts, each with
        # its own span; the second carries the change (from/to) or the first is the lower bound
        first = QuantityMatch(kind, start, split, lo, unit_code, approx, per=per)
        second = QuantityMatch(kind, split, end, hi, unit_code, approx, per=per, change=change,
                               from_value=from_value, to_value=to_value)
        if from_value is None:
            first.min, second.max = lo, hi
        return [first, second], used
    return [QuantityMatch(kind, start, end, value, unit_code, approx, bound_min, bound_max, change, noun,
                          per=per, from_value=from_value, to_value=to_value)], used


def _pair_across_unit(rules, doc, n, partner, unit) -> tuple[str, int, int] | None:
    """от 10 долларов до 20; с 25 тысяч гектаров до 19 тысяч; 25 мың гектардан 19 мың гектарға дейін:
    (mode, tokens before the first number, end of the partner with its unit, end of the first
    amount when the partner has a unit of its own, else None)."""
    kind, code, _, width = unit
    after_unit = n.tok_end + width
    after_unit += rules.hyphen_ending(doc, after_unit)
    before = doc[n.tok_start - 1].text.lower() if n.tok_start > 0 else ""
    if partner.ordinal:
        return None
    if rules.lang == "ru":
        if not (after_unit < len(doc) and doc[after_unit].text.lower() == "до"
                and partner.tok_start == after_unit + 1 and before in ("от", "с", "со")):
            return None
        mode = "range" if before == "от" else "change"
    else:
        if partner.tok_start != after_unit or not doc[after_unit - 1].text.lower().endswith(ABLATIVE):
            return None
        mode = "range"
    end = partner.tok_end
    other = rules.unit_at(doc, end)
    split = None
    if other is not None:
        if other[1] != code:
            return None
        end += other[3]
        end += rules.hyphen_ending(doc, end)
        split = after_unit           # ru: "до" begins the second amount
    if rules.lang == "kk":
        # гектардан … гектарға дейін, or … гектарға қысқарттық (a change verb)
        if not (end < len(doc) and doc[end].text.lower() in UNTIL) and rules.change_near(doc, 0, end) is None:
            return None
        if end < len(doc) and doc[end].text.lower() in UNTIL:
            end += 1
    return mode, (1 if before in ("от", "с", "со") else 0), end, split


def _apply(meaning: str, value: float, approx: bool, lo, hi):
    if meaning == "approx":
        return True, lo, hi
    if meaning == "min":
        return approx, value, hi
    if meaning == "max":
        return approx, lo, value
    return approx, lo, hi
