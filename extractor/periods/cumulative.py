"""Cumulative periods: a count of months reported from the start of the year.

`10 айда`, `жылдың 9 айында`, `алғашқы 8 айда`, `9 айының қорытындысы бойынша`,
`за 10 месяцев`, `по итогам 9 месяцев`, `за первые восемь месяцев` report January 1
to the end of month N, not a length of time. The year: one the sentence names
(anchor_cumulative, once the sentence is read), else the document's when month N
has ended by the document date, else the year before (a January article's
`11 айда` is last year's). Without such a cue (`3 ай бойы`, `в течение 8 месяцев`,
`мост построили за 3 месяца`) it stays a duration. The words are in
patterns/<lang>/periods.yaml (`cumulative`).
"""
from __future__ import annotations

import datetime as dt

from .compare import waiting
from .dates import _month_end

KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
KK_ADJECTIVAL = ("гі", "ғы", "қы", "кі")
RU_FROM_EVENT = frozenset({"после", "с", "со", "от", "до", "назад"})   # за 3 месяца до выборов
KK_EVERY = frozenset({"бір", "бірер"})                                   # 3 айда бір рет: every 3 months


class CumulativeCues:
    def __init__(self, lang: str, data: dict) -> None:
        self.lang = lang
        self.join = frozenset(data.get("join_before", []))        # алғашқы, жылдың, первые: part of the span
        self.cue_before = [tuple(p.split()) for p in data.get("cue_before", [])]   # по итогам
        self.cue_after = tuple(data.get("cue_after", []))         # қорытынды…: a stem after the month word
        self.opening_words = frozenset(data.get("opening_words", []))       # за: a sentence opening with it
        self.opening_endings = tuple(data.get("opening_endings", []))       # айда, айында: a locative

    def read(self, doc, start: int, end: int, starts_sentence: bool) -> int | None:
        """The new first token of a cumulative count of months spanning doc[start:end]
        (the number's unit word is doc[end - 1]), or None when nothing marks it cumulative."""
        first = start
        while first > 0 and doc[first - 1].text.lower() in self.join:
            first -= 1                                  # жылдың алғашқы 9 айында, за первые 9 месяцев
        if first > 0 and doc[first - 1].text.lower() in ("за", "в") and first < start:
            first -= 1
        if self._owned(doc, first, end):
            return None                                 # жұмыстың алғашқы 3 айында, за первые 3 месяца работы
        low = [t.text.lower() for t in doc]
        if first < start:
            return first
        if end < len(doc) and low[end].startswith(self.cue_after or ("\0",)):
            return first                                # 9 айының қорытындысы бойынша
        for phrase in self.cue_before:
            n = len(phrase)
            if first >= n and tuple(low[first - n:first]) == phrase:
                return first                            # по итогам 9 месяцев
        if first == 0 and starts_sentence:
            if low[0] in self.opening_words or self.opening_endings and low[end - 1].endswith(self.opening_endings):
                return first                            # 10 айда …, За 10 месяцев …
        return None

    def _owned(self, doc, first: int, end: int) -> bool:
        """Months of something else: a genitive noun before them (kk) or after them (ru)."""
        if self.lang == "kk":
            if end < len(doc) and doc[end].text.lower() in KK_EVERY:
                return True
            if first == 0:
                return False
            prev = doc[first - 1].text.lower()      # кейінгі алғашқы 3 айда: from some event on
            return prev.endswith(KK_GENITIVE + KK_ADJECTIVAL) and prev not in self.join and doc[first - 1].is_alpha
        if end >= len(doc) or not doc[end].is_alpha or not doc[end].is_lower:
            return False                            # ВВП: an abbreviation is any case
        if doc[end].text.lower() in RU_FROM_EVENT:
            return True                             # в первые 3 месяца после запуска
        from ..numerals.ru import parses
        got = parses(doc[end].text.lower())
        return bool(got) and got[0].tag.POS == "NOUN" and "gent" in got[0].tag and "Fixd" not in got[0].tag


def cumulative_dates(months: int, doc_date: dt.date | None, year: int | None = None) -> tuple[str, str] | None:
    """January 1 .. the end of month `months` of `year`, else of the document's year when that
    month has ended by the document date, else of the year before."""
    if year is None:
        if doc_date is None:
            return None
        year = doc_date.year if _month_end(doc_date.year, months) < doc_date else doc_date.year - 1
    return dt.date(year, 1, 1).isoformat(), _month_end(year, months).isoformat()


def anchor_cumulative(records: list, pending: dict[int, int]) -> None:
    """A count of months in a sentence that names a year is that year's (2023 жылы … 9 айда)."""
    periods = [r for r in records if r.kind == "period"] if pending else []
    for r, months in waiting(periods, pending):
        years = [p for p in periods if p is not r and tuple(p.sentence) == tuple(r.sentence)
                 and id(p) not in pending and p.grain == "year" and not p.recurring and not hasattr(p, "_compare")
                 and p.start_date and p.end_date and p.start_date[:4] == p.end_date[:4]]
        if not years:
            continue
        before = [p for p in years if p.end <= r.start]
        year = int((before[-1] if before else years[0]).start_date[:4])
        r.start_date, r.end_date = cumulative_dates(months, None, year)
        r.relative = False
