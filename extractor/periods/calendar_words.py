"""The cores that name a place on the calendar by a word: a month or a span of months
(`қаңтар-қыркүйек`, `қарашаның 22-сі`), a weekday, a weekend, a season, a part of a year or a
month (`бірінші тоқсанда`, `I квартал`, `жылдың басында`). A mixin of `reading.Reader`, whose
lexicons it reads; the words are in patterns/<lang>/periods.yaml."""
from __future__ import annotations

from dataclasses import replace

import regex

from .numbers import KK_GENITIVE_ENDINGS
from .spec import DASHES, ROMAN, Spec

MONTH_DASH = regex.compile(r"[-–—]")


class CalendarCores:
    def _month_after_day(self, doc, i: int):
        """The month after a day number: 29 қазанда is October, though қазанда alone is "in a
        cauldron" (the day number settles it; prefixes such as қазандық* still do not match)."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if text.lower().startswith(self.not_time_prefixes or ("\0",)) or self.month_is_noun(doc, i):
            return None                                     # 5 қазан орнатылды: five boilers
        return self.months.contains(text)

    def _month_range(self, doc, j: int):
        """(end, first month, last month) for қаңтар-қыркүйек [айларында], январь – октябрь, or None."""
        if j >= len(doc):
            return None
        parts = MONTH_DASH.split(doc[j].text, maxsplit=1)
        if len(parts) == 2 and all(parts):
            first, last, end = self.months.contains(parts[0]), self.months.contains(parts[1]), j + 1
        elif j + 2 < len(doc) and doc[j + 1].text in DASHES:
            first, last, end = self._word(self.months, doc, j), self._word(self.months, doc, j + 2), j + 3
        elif self.lang == "kk" and j + 3 < len(doc) and doc[j + 1].text.lower() in ("мен", "бен", "пен"):
            # қаңтар мен тамыз [айлары] аралығында: a span only with аралығында
            first, last, end = self._word(self.months, doc, j), self._word(self.months, doc, j + 2), j + 3
            between = end + (self._unit(doc, end) == "month")
            if between >= len(doc) or not doc[between].text.lower().startswith("аралығ"):
                return None
        else:
            return None
        if first is None or last is None or not doc[end - 1].is_alpha and len(parts) != 2:
            return None
        end += self._unit(doc, end) == "month"              # қаңтар-қыркүйек айларында
        if self.lang == "kk" and end < len(doc) and doc[end].text.lower().startswith("аралығ"):
            end += 1                                        # қыркүйек-қазан айлары аралығында
        return end, int(first), int(last)

    def _month_core(self, doc, i, nums):
        months = self._month_range(doc, i)
        if months is not None and doc[i].text not in DASHES:
            return self._maybe_year(doc, months[0], nums, Spec("month", month=months[1], to_month=months[2]))
        month = self._word(self.months, doc, i)
        if month is None or not doc[i].is_alpha:
            return None
        tens = self._ten_days_after(doc, i + 1 + (self._unit(doc, i + 1) == "month"), nums)
        if tens is not None:                                # қазанның екінші онкүндігінде: days 11–20
            return self._maybe_year(doc, tens[0], nums, Spec("month", month=int(month), part=tens[1], ten_days=True))
        got = self._day_after_month(doc, i + 1, nums) if self.lang == "kk" else None
        if got is not None:
            return self._maybe_year(doc, got[0], nums, Spec("day", month=int(month), day=got[1]))
        end = i + 1
        if self._unit(doc, end) == "month":
            end += 1                                        # қаңтар айында
        parted = self._part_after(doc, end, Spec("month", month=int(month)))
        if parted is not None:
            return parted                                   # қараша айының басында, тамыздың соңында
        got = self._maybe_year(doc, end, nums, Spec("month", month=int(month)))
        if got[0] == i + 1 and self.months.keys(doc[i].text) & self.ambiguous:
            return None                                     # маусым alone is a season, not June
        return got

    def _ten_days_after(self, doc, j, nums):
        """kk: (end, part) for an ordinal 1–3 and a ten-day word after a genitive month (қазанның
        екінші онкүндігінде, қараша айының үшінші онкүндігі), else None. The number is not a day."""
        n = nums.get(j)
        stems = self.data.get("ten_days")
        if self.lang != "kk" or not stems or n is None or not n.ordinal or n.tok_end >= len(doc) \
                or n.value not in (1, 2, 3) or not doc[j - 1].text.lower().endswith(KK_GENITIVE_ENDINGS[:6]) \
                or not doc[n.tok_end].text.lower().startswith(tuple(stems)):
            return None
        return n.tok_end + 1, ("start", "middle", "end")[int(n.value) - 1]

    def _weekday(self, doc, i, nums):
        wd = self._word(self.weekdays, doc, i)
        if wd is None or not doc[i].is_alpha:
            return None
        if self.weekdays.keys(doc[i].text) & self.ambiguous and (i == 0 or not self.before_words.match(doc, i - 1)):
            return None                                     # среды "environment": a weekday only after в / до
        end = i + 1 + (self._unit(doc, i + 1) == "day")
        return end, Spec("day", weekday=int(wd))

    def _weekend(self, doc, i, nums):
        """в выходные, на выходных, демалыс күндері with no shift word: a weekend whose week the
        clause's tense picks (compose drops it when the tense is unknown: в выходные дни магазин
        не работает is every weekend)."""
        if self._word(self.weekends, doc, i) is None or not doc[i].is_alpha:
            return None
        if self.lang == "kk":
            if i + 1 >= len(doc) or not doc[i + 1].text.lower().startswith("күндер"):
                return None                                 # демалыс күні: a day off; демалыс: a holiday
            end = i + 2
        else:
            if i == 0 or doc[i - 1].text.lower() not in ("в", "во", "на"):
                return None                                 # выходные прошли спокойно: no time
            end = i + 1 + (self._unit(doc, i + 1) == "day")    # в выходные дни
        return end, Spec("day", weekday=5, weekend=True)

    def _part_after(self, doc, j, spec: Spec):
        """kk: a part after a genitive month (қараша айының басында, тамыздың соңында,
        осы айдың ортасында): (end, spec with the part), else None. Without this the part
        word is read alone, and соңында "after" would start the period at the next month."""
        if self.lang != "kk" or j >= len(doc) or not doc[j - 1].text.lower().endswith(KK_GENITIVE_ENDINGS[:6]):
            return None
        part = self._word(self.parts, doc, j)
        return None if part is None else (j + 1, replace(spec, part=part))

    def _season(self, doc, i, nums):
        season = self._word(self.seasons, doc, i)
        if season is None or not doc[i].is_alpha:
            return None
        part = self._word(self.parts, doc, i + 1) if self.lang == "kk" else None
        if part is not None and self._unit(doc, i + 2) == "month":    # күздің алғашқы айларында
            return i + 3, Spec("season", month=int(season), part=part, approx=True)
        return self._maybe_year(doc, i + 1, nums, Spec("season", month=int(season)))

    def _roman_part(self, doc, i, nums):
        q = ROMAN.get(doc[i].text.lower()) if doc[i].text.isupper() else None
        if q is None:
            return None
        if self._word(self.quarters, doc, i + 1) and q <= 4:
            return self._maybe_year(doc, i + 2, nums, Spec("quarter", quarter=q))
        if self._word(self.halves, doc, i + 1) and q <= 2:
            return self._maybe_year(doc, i + 2, nums, Spec("half", half=q))
        return None

    def _part_first(self, doc, i, nums):
        """ru: в начале 2016 года, в конце июня; kk: жыл басынан бері (this year's start)."""
        part = self._word(self.parts, doc, i)
        if part is not None and self.lang == "ru":
            inner = self._core(doc, i + 1, nums)
            if inner is not None and isinstance(inner[1], Spec):
                return inner[0], replace(inner[1], part=part)
            unit = self._unit(doc, i + 1)
            if unit in ("year", "month", "week", "quarter"):
                return i + 2, Spec(unit, shift=0, part=part)    # с начала года, в конце месяца
            return None
        unit = self._unit(doc, i)
        if unit in ("year", "month") and doc[i].is_alpha:
            part = self._word(self.parts, doc, i + 1)
            if part is not None:
                return i + 2, Spec(unit, shift=0, part=part)
        return None
