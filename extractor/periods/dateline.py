"""The dateline at the head of a news item: the article's own date.

`МОСКВА, 9 сен – РИА Новости.`, `АСТАНА. 18 декабря. KAZINFORM –`,
`АЛМАТЫ, 5 қараша – Sputnik.`, `1 июля, 2022,` : a place in capitals (or
nothing) then a day and a month (full or shortened, patterns/<lang>/periods.yaml
`dateline_months`), perhaps a year, then a break (a dash, a dot, a comma or the
end of the line). Only the first three lines are read (a heading may come first). The date becomes a period record
(`dateline: true`) and, when the caller gave no document date and the dateline
has a year, the document date. Its day is never a number record.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from ..patterns import load

LINES_READ = 3
DATELINE = regex.compile(
    r"""^[^\S\n]*(?:(?P<place>\p{Lu}[\p{Lu}\-]+(?:[^\S\n]\p{Lu}[\p{Lu}\-]+)?)[^\S\n]*[,.][^\S\n]*)?
        (?P<date>(?P<day>\d{1,2})[^\S\n]+(?P<month>\p{L}+)\.?(?:[^\S\n]*,?[^\S\n]*(?P<year>(?:19|20)\d\d)(?:[^\S\n]*(?:года|г\.|жылы|жыл|ж\.))?)?)
        [^\S\n]*(?:[-–—.,]|$)""", regex.VERBOSE | regex.MULTILINE)


@dataclass(frozen=True)
class Dateline:
    start: int                 # the date's span in the text
    end: int
    month: int
    day: int
    year: int | None

    def date(self, doc_date: dt.date | None) -> dt.date | None:
        """The day; without a year, the last such day on or before the document date."""
        year = self.year or (doc_date.year if doc_date else None)
        if year is None:
            return None
        try:
            day = dt.date(year, self.month, self.day)
            if self.year is None and doc_date is not None and day > doc_date:
                day = dt.date(year - 1, self.month, self.day)
        except ValueError:
            return None
        return day


@functools.lru_cache(maxsize=None)
def _short_months(lang: str) -> dict[str, int]:
    return {k.lower(): int(v) for k, v in load(lang, "periods").get("dateline_months", {}).items()}


def find_dateline(text: str, lang: str) -> Dateline | None:
    """The dateline at the start of one of the first lines (a heading may come before it)."""
    pos = 0
    for _ in range(LINES_READ):
        m = DATELINE.match(text, pos, min(len(text), pos + 200))
        found = m and _dateline(m, lang)
        if found:
            return found
        nxt = text.find("\n", pos)
        while 0 <= nxt < len(text) - 1 and text[nxt + 1] in "\n\r \t":
            nxt += 1
        if nxt < 0:
            return None
        pos = nxt + 1
    return None


def _dateline(m, lang: str) -> Dateline | None:
    if m["place"] is None and m["year"] is None:
        return None                     # "9 сен." alone is not a dateline; "1 июля, 2022," is
    if m["place"] is not None and len(m["place"].replace("-", "")) < 3:
        return None
    from .compose import period_rules
    word = m["month"].lower()
    month = _short_months(lang).get(word)
    if month is None:
        month = period_rules(lang).months.contains(word)
    if month is None:
        return None
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    return Dateline(m.start("date"), m.end("date"), int(month), day, int(m["year"]) if m["year"] else None)
