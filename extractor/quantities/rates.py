"""Rates and sub-units next to an amount: 15,2 ц/га, $80 за баррель, литріне 205 теңге,
кВт/сағат (energy, not a rate), 20 долларов 43 цента."""
from __future__ import annotations

from ..numerals.words import exact_mul

POWER_TO_ENERGY = {"W": "Wh", "kW": "kWh", "MW": "MWh", "GW": "GWh", "TW": "TWh"}   # кВт/сағат is kWh
# after "в год", "в день" the rate ends: a word that goes on (в день его задержания) is no rate
AFTER_RATE = frozenset(["и", "а", "но", "или", "что", "на", "при", "с", "по", "для", "в", "до"])


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
    if end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_:
        got = rules.per_unit_at(doc, end + 1)
        if got is not None:
            per, width = got
            if per == "h" and unit in POWER_TO_ENERGY:
                return None, end + 1 + width, POWER_TO_ENERGY[unit]    # кВт/сағат: energy, not a rate
            return per, end + 1 + width, unit
    if end + 1 < len(doc) and doc[end].text.lower() in rules.per_after:
        got = rules.per_unit_at(doc, end + 1)
        if got is not None:
            after = end + 1 + got[1]
            if got[0] in rules.time_units_values and after < len(doc) and doc[after].is_alpha \
                    and doc[after].text.lower() not in AFTER_RATE:
                return None, end, unit              # в день его задержания: a date, not a rate
            return got[0], end, unit
    i = start - 1
    if i > floor and doc[i].text.lower() in rules.per_before:
        got = rules.per_unit_at(doc, i - 1)          # тонна үшін 150 доллар
        if got is not None and got[1] == 1:
            return got[0], end, unit
    if i >= floor and i >= 0 and rules.possessive_dative(doc[i].text):
        got = rules.per_unit_at(doc, i)              # литріне 205 теңге, жылына 5 млн тонна
        if got is not None and got[1] == 1:
            return got[0], end, unit
    return None, end, unit
