"""Multipliers, kind ratio: `екі есе`, `1,5 есеге`, `в 1,5 раза`, `в полтора раза`, and the one-word
`вдвое`, `втрое`."""
from __future__ import annotations

from operator import attrgetter

from ..numerals.scan import NumberSpan
from .match import QuantityMatch


def ratio(rules, doc, n: NumberSpan, floor: int) -> QuantityMatch | None:
    """екі есе, 1,5 есеге, в 2 раза, в полтора раза: a multiplier, kind ratio."""
    if n.ordinal:
        return None
    width = rules.ratio_at(doc, n.tok_end)
    if not width:
        return None
    start, end = n.tok_start, n.tok_end + width
    if rules.lang == "ru":
        if start - 1 < floor or doc[start - 1].text.lower() not in ("в", "во"):
            return None         # три раза is how often, в три раза how much
        start -= 1
    change = rules.change_near(doc, start, end)
    approx = False
    lo = hi = None
    got = rules.after.match(doc, end) if end < len(doc) else None
    if got is not None and got[0] in ("approx", "min"):
        end += got[1]
        approx, lo = (True, None) if got[0] == "approx" else (False, n.value)
    hedge = rules.hedge_before(doc, start, floor)
    if hedge is not None and hedge[0] in ("approx", "min", "max"):
        start -= hedge[1]
        approx = approx or hedge[0] == "approx"
        lo = n.value if hedge[0] == "min" else lo
        hi = n.value if hedge[0] == "max" else None
    return QuantityMatch("ratio", start, end, n.value, approx=approx, min=lo, max=hi,
                         change=change or rules.change_near(doc, start, end))


def multiplier_words(rules, doc, taken: list[QuantityMatch]) -> list[QuantityMatch]:
    """вдвое, втрое: a multiplier in one word."""
    if not rules.multipliers:
        return []
    words = list(map(str.lower, map(attrgetter("text"), doc)))
    if rules.multipliers.keys().isdisjoint(words):
        return []                   # nearly every window: one set test in C
    busy = {i for m in taken for i in range(m.tok_start, m.tok_end)}
    out = []
    for i, word in enumerate(words):
        value = rules.multipliers.get(word)
        if value is None or i in busy:
            continue
        change = None
        for j in range(max(0, i - 3), min(len(doc), i + 3)):
            got = rules.change_words.match(doc, j) if j != i else None
            if got is not None:
                change = got[0]
                break
        out.append(QuantityMatch("ratio", i, i + 1, value, change=change))
    return out
