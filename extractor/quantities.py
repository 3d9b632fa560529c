"""Money, percentages, measured amounts and counts around the numbers of a sentence.

Works on a tokenized sentence and the numbers `numerals.find_numbers` found in
it. Around each number it looks, in this order, for: a range partner
(`10-15%`, `от 2 до 3 млрд`), a unit after it (`%`, `пайыз`, `долларға`,
`АҚШ долларына`, `тоннадан`, with a hyphenated ending `%-ға`), a currency
symbol before it (`$3 млрд`), hedge and bound words on either side
(`шамамен`, `астам`, `дейін`; `более`, `около`, `до`) and a change verb
(`4,1%-ға артып`, `вырос на 5%`). All word lists are in patterns/<lang>/.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import Lexicon
from .numerals.scan import NumberSpan
from .patterns import load

DASHES = frozenset("-–—")


@dataclass
class QuantityMatch:
    kind: str                  # money | percent | quantity | number
    tok_start: int
    tok_end: int               # exclusive
    value: float
    unit: str | None = None
    approx: bool = False
    min: float | None = None
    max: float | None = None
    change: str | None = None
    noun: str | None = None


class QuantityRules:
    def __init__(self, lang: str, numerals) -> None:
        self.lang = lang
        self.numerals = numerals
        currencies = load(lang, "currencies").get("currencies", {})
        units = load(lang, "units")
        # word → (kind, canonical unit, factor): тиын is 0.01 KZT
        self.units = Lexicon(lang, {
            **{w: ("quantity", e.get("unit", sym), e.get("factor", 1))
               for sym, e in units.get("units", {}).items() for w in e.get("words", [])},
            **{w: ("money", e.get("unit", code), e.get("factor", 1))
               for code, e in currencies.items() for w in e.get("words", [])},
            **{w: ("percent", "%", 1) for w in units.get("percent", [])},
        })
        self.symbols = {s: code for code, e in currencies.items() for s in e.get("symbols", [])}
        hedges = load(lang, "hedges")
        self.before = Lexicon(lang, hedges.get("before", {}))
        self.after = Lexicon(lang, hedges.get("after", {}))
        self.approx_endings = tuple(hedges.get("approx_endings", []))
        changes = load(lang, "changes")
        if lang == "kk":
            self.change_stems = tuple((s, d) for d in ("increase", "decrease") for s in changes.get(d, []))
            self.change_words = None
        else:
            self.change_stems = ()
            self.change_words = Lexicon(lang, {w: d for d in ("increase", "decrease") for w in changes.get(d, [])})

    # -- pieces -------------------------------------------------------------
    def unit_at(self, doc, i: int) -> tuple[str, str, float, int] | None:
        """(kind, unit, factor, tokens) for a unit, currency or percent word starting at token i."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if text in self.symbols:
            return "money", self.symbols[text], 1, 1
        got = self.units.match(doc, i)
        if got is None:
            return None
        (kind, unit, factor), n = got
        return kind, unit, factor, n

    def hyphen_ending(self, doc, i: int) -> bool:
        """A case ending hyphenated to a unit or percent sign: %-ға, %-ы, млн-ға."""
        if i >= len(doc) or not doc[i].text.startswith("-") or len(doc[i].text) < 2 or doc[i - 1].whitespace_:
            return False
        return self.numerals.hyphen_ending(doc[i].text[1:]) is not None

    def hedge_before(self, doc, start: int, floor: int) -> tuple[str, int] | None:
        for k in (3, 2, 1):
            i = start - k
            if i < floor:
                continue
            got = self.before.match(doc, i)
            if got is not None and got[1] == k:
                return got[0], k
        return None

    def change_near(self, doc, start: int, end: int) -> str | None:
        if self.change_stems:
            # Kazakh: the verb follows the amount (4,1%-ға артып, 5 пайызға өсті)
            for i in range(end, min(end + 2, len(doc))):
                low = doc[i].text.lower()
                for stem, direction in self.change_stems:
                    if low.startswith(stem) and len(low) > len(stem):
                        return direction
            return None
        # Russian: вырос на 5%, рост на 5%, снизилась до 3% (verb before, "на"/"до" between)
        if start == 0 or doc[start - 1].text.lower() not in ("на", "до"):
            return None
        for i in range(max(0, start - 4), start - 1):
            got = self.change_words.match(doc, i)
            if got is not None:
                return got[0]
        return None

    def noun_after(self, doc, i: int) -> str | None:
        """What a bare number counts: 195 тауар түрі, 16 участников."""
        if i >= len(doc) or not doc[i].is_alpha or not doc[i].is_lower:
            return None
        if self.lang == "ru":
            from .numerals.ru import parses
            if not any(p.tag.POS == "NOUN" for p in parses(doc[i].text)[:1]):
                return None
            return doc[i].text
        words = [doc[i].text]
        if i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].text.endswith(("і", "ы", "сі", "сы")) \
                and doc[i + 1].is_lower:
            words.append(doc[i + 1].text)      # тауар түрі: noun + possessive noun
        return " ".join(words)

    # -- main ---------------------------------------------------------------
    def find(self, doc, numbers: list[NumberSpan]) -> list[QuantityMatch]:
        out: list[QuantityMatch] = []
        floor = 0                       # tokens before this belong to an earlier match
        k = 0
        while k < len(numbers):
            n = numbers[k]
            if n.tok_start < floor:
                k += 1                  # its tokens were taken as the unit of the amount before it
                continue
            start, end = n.tok_start, n.tok_end
            low_value = high_value = None
            used = 1
            # range: n - m, or от n до m
            partner = numbers[k + 1] if k + 1 < len(numbers) else None
            if partner is not None and partner.tok_start == end + 1 and not partner.ordinal and (
                    doc[end].text in DASHES or (doc[end].text.lower() == "до" and start > 0
                                                and doc[start - 1].text.lower() == "от")):
                low_value = n.value
                if n.scale == 1 and partner.scale > 1 and n.value * partner.scale <= partner.value:
                    low_value = n.value * partner.scale     # 10 – 15 мың: 10 000 … 15 000
                high_value = partner.value
                end = partner.tok_end
                used = 2
                if doc[end - (partner.tok_end - partner.tok_start) - 1].text.lower() == "до":
                    start -= 1                              # от
            unit = self.unit_at(doc, end)
            approx = False
            factor = 1
            if unit is not None:
                kind, unit_code, factor, n_tok = unit
                end += n_tok
                if self.approx_endings and doc[end - 1].text.lower().endswith(self.approx_endings):
                    approx = True                           # миллиметрдей
                if self.hyphen_ending(doc, end):
                    end += 1
            elif start > floor and doc[start - 1].text in self.symbols and low_value is None:
                # $3 (not the $ of "0$ млрд": it belongs to the amount before)
                kind, unit_code = "money", self.symbols[doc[start - 1].text]
                start -= 1
            else:
                if low_value is not None and partner is not None:
                    # a bare range of counts is two numbers (unless a unit joins them)
                    end, used, low_value, high_value = n.tok_end, 1, None, None
                kind, unit_code = "number", None
            if kind == "number" and self.approx_endings and doc[end - 1].text.lower().endswith(self.approx_endings):
                approx = True                               # 300-дей
            bound_min = bound_max = None
            if factor != 1:                                 # тиын, копейка, цент
                low_value = None if low_value is None else low_value * factor
                high_value = None if high_value is None else high_value * factor
            value = n.value * factor if low_value is None else low_value
            hedge = self.hedge_before(doc, start, floor)
            if hedge is not None:
                meaning, n_tok = hedge
                start -= n_tok
                approx, bound_min, bound_max = _apply(meaning, value, approx, bound_min, bound_max)
            if end < len(doc):
                got = self.after.match(doc, end)
                if got is not None:
                    meaning, n_tok = got
                    end += n_tok
                    approx, bound_min, bound_max = _apply(meaning, value, approx, bound_min, bound_max)
            if low_value is not None:
                bound_min, bound_max = low_value, high_value
            change = self.change_near(doc, start, end) if kind != "number" else None
            noun = self.noun_after(doc, end) if kind == "number" and n.tok_end == end else None
            out.append(QuantityMatch(kind, start, end, value, unit_code, approx, bound_min, bound_max,
                                     change, noun))
            floor = end
            k += used
        return out


def _apply(meaning: str, value: float, approx: bool, lo, hi):
    if meaning == "approx":
        return True, lo, hi
    if meaning == "min":
        return approx, value, hi
    if meaning == "max":
        return approx, lo, value
    return approx, lo, hi


@functools.lru_cache(maxsize=None)
def quantity_rules(lang: str) -> QuantityRules:
    from .numerals import numerals_for
    return QuantityRules(lang, numerals_for(lang))
