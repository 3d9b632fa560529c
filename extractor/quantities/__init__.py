"""Money, percentages, measured amounts, counts and multipliers around the numbers of a sentence.

`quantity_rules(lang).find(doc, numbers)` reads them (see amounts.py for the order
of the look-ups, rules.py for the word lists, base_units.py for comparable values).
"""
from __future__ import annotations

import functools

from .amounts import QuantityMatch, find
from .base_units import to_base
from .carry import carry_currency
from .rules import QuantityRules as _Rules


class QuantityRules(_Rules):
    def find(self, doc, numbers) -> list[QuantityMatch]:
        return find(self, doc, numbers)


@functools.lru_cache(maxsize=None)
def quantity_rules(lang: str) -> QuantityRules:
    from ..numerals import numerals_for
    return QuantityRules(lang, numerals_for(lang))


__all__ = ["QuantityMatch", "carry_currency", "QuantityRules", "quantity_rules", "to_base"]
