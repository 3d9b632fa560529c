"""Rates and sub-units next to an amount: 15,2 ц/га, $80 за баррель, литріне 205 теңге,
кВт/сағат (energy, not a rate), 20 долларов 43 цента."""
from __future__ import annotations

from ..numerals.words import exact_mul

POWER_TO_ENERGY = {"W": "Wh", "kW": "kWh", "MW": "MWh", "GW": "GWh", "TW": "TWh"}   # кВт/сағат is kWh
# after "в год", "в день" the rate ends: a word that goes on (в день его задержания) is no rate
AFTER_RATE = frozenset(["и", "а", "но", "или", "что", "на", "при", "с", "по", "для", "в", "до"])
ONE = frozenset(["1", "бір", "один", "одна", "одну", "один"])
DASHES = frozenset("-–—")


def sub_unit(rules, doc, numbers, k, end, code) -> tuple[float, int, int] | None:
    """20 долларов 43 цента: (the cents in dollars, new end, numbers used)."""
    nxt = numbers[k + 1] if k + 1 < len(numbers) else None
    if nxt is None or nxt.tok_start != end or nxt.ordinal or nxt.value < 0:
        return None
    unit = rules.unit_at(doc, nxt.tok_end)
    if unit is None or unit[1] != code or unit[2] >= 1:
        return None
    sub = exact_mul(nxt.value, unit[2])
    if sub >= 1:
        return None
    new_end = nxt.tok_end + unit[3]
    new_end += rules.hyphen_ending(doc, new_end)
    return sub, new_end, 1


def rate(rules, doc, start: int, end: int, unit: str | None, floor: int) -> tuple[str | None, int, str | None]:
    """(per, end, unit): 15,2 ц/га; 60 км/ч; $80 за баррель; бензин литріне 205 теңге;
    тонна үшін 150 доллар. A written slash is part of the unit; `за баррель` stays outside
    the span (the amount is the price), but its unit is the record's `per`."""
    glued = rules.glued_rate(doc[end - 1].text) if end > start else None
    if glued is not None and glued[0] == unit:
        return glued[1], end, unit                  # 5м/с, 10 м\с: one token
    if end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_:
        got = rules.per_unit_at(doc, end + 1)
        if got is not None:
            per, width = got
            if per == "h" and unit in POWER_TO_ENERGY:
                return None, end + 1 + width, POWER_TO_ENERGY[unit]    # кВт/сағат: energy, not a rate
            return per, end + 1 + width, unit
    if end + 1 < len(doc) and doc[end].text.lower() in rules.per_after:
        j = end + 1
        if j + 1 < len(doc) and doc[j].text in ONE:
            j += 1                                  # за 1 кВт·ч
        got = rules.per_unit_at(doc, j)
        if got is not None:
            after = j + got[1]
            if got[0] in rules.time_units_values and got[0] != "s" and after < len(doc) and doc[after].is_alpha \
                    and doc[after].text.lower() not in AFTER_RATE:
                return None, end, unit              # в день его задержания: a date, not a rate (a second is none)
            return _energy(rules, doc, got[0], after), end, unit
    # before the amount (a dash may stand between): тонна үшін 150 доллар, литріне – 182 теңге,
    # литрі 156 теңге, 1 кВт·сағат үшін 35 теңге. The denominator may be the unit of a "1 …"
    # before it, so earlier matches do not hide it (nothing is added to the span)
    i = start - 1
    if i > 0 and doc[i].text in DASHES:
        i -= 1
    if i > 0 and doc[i].text.lower() in rules.per_before:
        got = rules.per_unit_at(doc, i - 1)
        if got is not None and got[0] == "h" and i > 2 and doc[i - 2].text == "/":
            power = rules.per_unit_at(doc, i - 3)       # 1 кВт/сағат үшін: per kWh
            return (POWER_TO_ENERGY.get(power[0]) if power else None), end, unit
        if got is not None and got[1] == 1 and _one_or_nothing_before(doc, i - 1):
            return got[0], end, unit
    if i >= 0 and rules.per_form(doc[i].text):
        got = rules.per_unit_at(doc, i)
        if got is not None and got[1] == 1 and _one_or_nothing_before(doc, i):
            return got[0], end, unit
    return None, end, unit


def _energy(rules, doc, per: str, after: int) -> str:
    """за 1 кВт/час: a power unit over an hour is the energy unit."""
    if per in POWER_TO_ENERGY and (after + 1 < len(doc) and doc[after].text == "/"
                                   and rules.time_unit(doc[after + 1].text) == "h"):
        return POWER_TO_ENERGY[per]
    return per


def _one_or_nothing_before(doc, i: int) -> bool:
    """литрі 156 теңге, бір литрі 156 теңге: per litre; 5 литрі 700 теңге is a price of 5 litres."""
    if i == 0:
        return True
    prev = doc[i - 1].text
    return prev.lower() in ONE or not (prev[:1].isdigit() or prev[:1] in "+-" and prev[1:2].isdigit())
