"""Signs of temperatures from the words around them: `нөлден төмен 15 градус`, `15 градусов ниже
нуля` (below zero), `выше нуля` (above), and a frost word that ends a weather report's list
(`батыста 5-15, солтүстікте 10-28 градус аяз`: every item is below zero)."""
from __future__ import annotations

DASHES = frozenset("-–—")
ELLIPSES = frozenset(["…", "...", ".."])
LIST_GAP = 4        # words between a comma and the next item (батыста, республиканың оңтүстігінде)
LIST_ITEMS = 8
FROST_NEAR = 3      # a frost word this close before a temperature signs it (мороз до 30 градусов)
FROST_CLAUSE = 4    # … or further back in its clause (заморозки в регионе до 2 градусов); with the
                    # word before it (после) this stays inside the pipeline's window of 5 words
FROST_BARE_BELOW = 70   # a bare number after a frost word is a temperature only below this
CLAUSE_MARKS = frozenset([",", ";", ":", "(", ")"])


def zero_phrases(rules, doc, numbers) -> tuple[dict[int, tuple[float, int]], list]:
    """({first token: (sign, end)} of each `ниже нуля` / `нөлден жоғары`, the numbers without
    their zeros: the zero of such a phrase is a reference point, not a number of its own)."""
    if not rules.zero_signs.words:
        return {}, numbers
    marks: dict[int, tuple[float, int]] = {}
    keep = []
    for n in numbers:
        if n.value == 0 and n.words:
            for i in (n.tok_start, n.tok_start - 1):        # нөлден төмен; ниже нуля
                got = rules.zero_signs.match(doc, i) if i >= 0 else None
                if got is not None and i + got[1] >= n.tok_end:
                    marks[i] = (got[0], i + got[1])
                    break
            else:
                keep.append(n)
            continue
        keep.append(n)
    return marks, keep


def zero_sign(marks, start: int, end: int, floor: int) -> tuple[float, int, int] | None:
    """(sign, start, end) when a zero phrase follows the amount (15 градус нөлден төмен) or comes
    right before it (ниже нуля 10 градусов): the phrase joins the span."""
    if end in marks:
        sign, after = marks[end]
        return sign, start, after
    for i, (sign, after) in marks.items():
        if after == start and i >= floor:
            return sign, i, end
    return None


def frost_before(rules, doc, start: int, floor: int) -> bool:
    """A frost word before an unsigned temperature makes it negative: close before it (аяз 35
    градусқа дейін, заморозки 2-4 градуса), or further back in the same clause with no comma, number
    or warmth word between (заморозки в регионе до 2 градусов); not after "после" / before "кейін"
    (после морозов: the frost is over)."""
    crossed = False                                 # a comma, a number or a warmth word on the way
    for i in range(start - 1, max(floor, start - FROST_CLAUSE) - 1, -1):
        width = rules.frost_at(doc, i)
        if width:
            over = i > 0 and doc[i - 1].text.lower() in rules.frost_over \
                or i + width < len(doc) and doc[i + width].text.lower() in rules.frost_over
            return not over and (i >= start - FROST_NEAR or not crossed)
        text = doc[i].text
        crossed = crossed or text in CLAUSE_MARKS or text.lstrip("+-−")[:1].isdigit() or rules.warmth_at(doc, i)
    return False


def frost_bare(rules, doc, n, partner, start: int, end: int, floor: int) -> bool:
    """A bare number or dash range just after a frost word is a temperature below zero (морозы
    ослабнут до 15-20, заморозки 2-4); not before a word it counts (из-за мороза 30 школ), not a
    year-sized number."""
    if any(x is not None and not abs(x.value) < FROST_BARE_BELOW for x in (n, partner)):
        return False
    if end < len(doc) and doc[end].is_alpha and not (rules.copulas and doc[end].text.lower().startswith(rules.copulas)):
        return False
    return frost_before(rules, doc, start, floor)


def frost_list_ahead(rules, doc, numbers, k: int, end: int) -> bool:
    """Is the amount ending at token `end` an item of a comma-separated list of temperatures
    whose last item carries the frost word (батыста 5-15, солтүстікте 10-28 градус аяз)? Not
    across a warmth word (5-10 жылы, 3 градус аяз), a number with another unit or a signed one."""
    starts = {n.tok_start: n for n in numbers[k:k + 2 * LIST_ITEMS]}
    j = end
    for _ in range(LIST_ITEMS):
        if j >= len(doc) or doc[j].text != ",":
            return False
        j += 1
        gap = 0
        while j < len(doc) and j not in starts and gap < LIST_GAP and _word(doc[j].text):
            if rules.warmth_at(doc, j) or rules.frost_at(doc, j):
                return False
            j, gap = j + 1, gap + 1
        item = starts.get(j)
        if item is None or doc[item.tok_start].text[:1] in "+-":
            return False
        j = item.tok_end
        if j + 1 < len(doc) and (doc[j].text in DASHES or doc[j].text in ELLIPSES) and j + 1 in starts:
            j = starts[j + 1].tok_end                       # 10-28
        unit = rules.unit_at(doc, j)
        if unit is not None:
            if unit[1] != "°C":
                return False
            j += unit[3]
        if rules.frost_at(doc, j):
            return True
        if rules.warmth_at(doc, j):
            return False
    return False


def _word(text: str) -> bool:
    return text.replace("-", "").isalpha()


def forecast_band(rules, doc, n, partner, start: int, end: int, floor: int) -> bool:
    """A bare range of signed whole numbers with an ellipsis after a weather report's word
    (ночью -5…-10, днём 0…+5, түнде −8…−13 болады, ночью +10+12) is a temperature; not before a counted noun
    (-5...+3 пункта), nor without a sign (5…10), a decimal (-0,4...+0,2) or a weather word."""
    plus = doc[n.tok_end].text == "+"               # +10+12: the partner's sign is the separator
    if doc[n.tok_end].text not in ELLIPSES and not plus:
        return False
    signs = [doc[x.tok_start].text[0] in "+-" or x is partner and plus for x in (n, partner)]
    if not any(signs) or not all(s or x.value == 0 for s, x in zip(signs, (n, partner))):
        return False
    return float(partner.value).is_integer() and forecast_number(rules, doc, n, start, end, floor, signed=False)


def forecast_number(rules, doc, n, start: int, end: int, floor: int, signed: bool = True) -> bool:
    """A bare signed whole number after a weather report's word (ночью -12, днём до +3), or just
    before one (+20 днём), is a temperature; not before a counted noun (днём +3 пункта) nor a
    decimal (+0,5)."""
    if signed and doc[n.tok_start].text[0] not in "+-" or not float(n.value).is_integer():
        return False
    if end < len(doc) and doc[end].is_alpha \
            and not (rules.copulas and doc[end].text.lower().startswith(rules.copulas)):
        after = doc[end].text.lower()
        if after in rules.forecast:
            return signed                           # +20 днём, +1 ночью
        if after not in rules.list_links and after not in rules.ellipsis_links:
            return False                            # днём +3 пункта (днём +3 и ночью -2 goes on)
    return rules.forecast_before(doc, start, floor)
