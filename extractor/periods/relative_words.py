"""The cores that name a time relative to the document date or to nothing: a relative
word (`биыл`, `вчера`), a shifted unit (`өткен жылы`, `в ближайшие выходные`), a comparison
base (`с аналогичным периодом прошлого года`), an anaphoric or recurring time (`сол күні`,
`жыл сайын`) and a duration of no stated length (`бірнеше жыл`). A mixin of `reading.Reader`;
the words are in patterns/<lang>/periods.yaml."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..patterns import PatternError
from .numbers import _year_like
from .spec import DASHES, GRAINS, ROMAN, Duration, Spec

KK_PLURAL = regex.compile(r"(?:лар|лер|дар|дер|тар|тер)")


class RelativeCores:
    def _relative_word(self, doc, i, nums):
        got = self.relative.match(doc, i)
        if got is None or self._not_time(doc[i].text):
            return None
        (grain, shift), n_tok = got
        end = i + n_tok
        unit = self._unit(doc, end)
        if unit == grain or (grain == "day" and end < len(doc) and doc[end].text.lower() == "таңда"):
            end += 1                                        # бүгінгі күні, биылғы жылы, бүгінгі таңда
        if grain == "year":
            return self._year_continues_relative(doc, end, nums, Spec("year", year_shift=shift))
        return end, Spec(grain, shift=shift)

    def _year_continues_relative(self, doc, j, nums, spec: Spec):
        """биылғы 8 айда, өткен жылдың шілде айында: a relative year followed by a part of it."""
        n = nums.get(j)
        if n is not None and self._unit(doc, n.tok_end) == "month" and 1 <= n.value <= 12 and not n.ordinal:
            return n.tok_end + 1, replace(spec, grain="month", upto_month=int(n.value))
        if n is not None and n.ordinal and self._word(self.quarters, doc, n.tok_end) and 1 <= n.value <= 4:
            return n.tok_end + 1, replace(spec, grain="quarter", quarter=int(n.value))
        roman = ROMAN.get(doc[j].text.lower()) if j < len(doc) and doc[j].text.isupper() else None
        if roman is not None and roman <= 4 and self._word(self.quarters, doc, j + 1):
            return j + 2, replace(spec, grain="quarter", quarter=roman)    # биыл III тоқсанда
        if n is not None and not n.ordinal and n.value == int(n.value) and 1 <= n.value <= 31 and self.lang == "kk":
            partner = nums.get(n.tok_end + 1) if n.tok_end < len(doc) and doc[n.tok_end].text in DASHES else None
            if partner is not None and n.value < partner.value <= 31 and partner.value == int(partner.value):
                day_month = self._month_after_day(doc, partner.tok_end)
                if day_month is not None:                   # өткен жылғы 12-19 маусымда
                    return partner.tok_end + 1, replace(spec, grain="day", month=int(day_month), day=int(n.value),
                                                        to_day=int(partner.value))
            day_month = self._month_after_day(doc, n.tok_end)
            if day_month is not None:                       # биылғы жылдың 27 сәуіріне дейін
                return n.tok_end + 1, replace(spec, grain="day", month=int(day_month), day=int(n.value))
        months = self._month_range(doc, j) if self.lang == "kk" else None
        if months is not None:                              # биыл қыркүйек-қазан айлары аралығында
            return months[0], replace(spec, grain="month", month=months[1], to_month=months[2])
        month = self._word(self.months, doc, j) if self.lang == "kk" else None
        if month is not None:
            tens = self._ten_days_after(doc, j + 1 + (self._unit(doc, j + 1) == "month"), nums)
            if tens is not None:                            # биылғы қазанның екінші онкүндігінде
                return tens[0], replace(spec, grain="month", month=int(month), part=tens[1], ten_days=True)
            end = j + 1 + (self._unit(doc, j + 1) == "month")
            return end, replace(spec, grain="month", month=int(month))
        part = self._word(self.parts, doc, j)
        if part is not None:
            return j + 1, replace(spec, part=part)
        return j, spec

    def _shifted_unit(self, doc, i, nums):
        got = self.shifts.match(doc, i)
        if got is None:
            return None
        shift, n_tok = got
        j = i + n_tok
        unit = self._unit(doc, j)
        if unit in ("day", "week", "month", "quarter", "year", "decade", "century"):
            if int(shift) != 0 and self._plural(doc[j].text):
                season = self._word(self.seasons, doc, j + 1) if unit == "month" and self.lang == "ru" else None
                if season is not None and int(shift) < 0:   # в последние месяцы лета: its last two months
                    return j + 2, Spec("season", month=int(season), part="end", approx=True)
                return j + 1, Spec(unit, shift=int(shift), approx=True)   # соңғы жылдары, в ближайшие дни
            if unit == "year" and int(shift) != 0 and self._instrumental_unit(doc, j):
                # өткен жылмен салыстырғанда, по сравнению с прошлым годом: the reported period a
                # year back (2025 жылы … өткен жылмен: 2024); none reported: the document's last year
                return j + 1, Spec("year", year_shift=int(shift), compare=int(shift))
            if unit == "year":
                return self._year_continues_relative(doc, j + 1, nums, Spec("year", year_shift=int(shift)))
            spec = Spec(unit, shift=int(shift))             # өткен жылы, в прошлом году, на этой неделе
            return self._part_after(doc, j + 1, spec) or (j + 1, spec)   # осы айдың соңында
        season = self._word(self.seasons, doc, j)
        if season is not None:
            return j + 1, Spec("season", month=int(season), year_shift=int(shift))  # осы күзде, этим летом
        weekday = self._word(self.weekdays, doc, j)
        if weekday is not None and doc[j].is_alpha:     # келесі сенбіде, в следующий понедельник
            end = j + 1 + (self._unit(doc, j + 1) == "day")
            return end, Spec("day", weekday=int(weekday), towards=max(-1, min(1, int(shift))))
        if self._word(self.weekends, doc, j) is not None and doc[j].is_alpha \
                and (self.lang != "kk" or self._unit(doc, j + 1) == "day"):   # демалыс alone: a holiday
            end = j + 1 + (self._unit(doc, j + 1) == "day")     # в ближайшие выходные, алдағы демалыс күндері
            return end, Spec("day", weekday=5, towards=max(-1, min(1, int(shift))), weekend=True)
        n = nums.get(j)
        if n is not None:
            unit = self._unit(doc, n.tok_end)
            if unit is not None and not n.ordinal:
                return n.tok_end + 1, Duration(n.value, unit)  # соңғы 2 жылда, за последние 200 лет
        return None

    def _comparison(self, doc, i, nums):
        """өткен жылдың сәйкес кезеңімен, с аналогичным периодом прошлого года, годом ранее:
        the period reported, moved (dated in compare.py, once the sentence is read)."""
        got = self.comparisons.match(doc, i)
        if got is None:
            return None
        (grain, shift, own), n_tok = got
        year = nums.get(i + n_tok)
        if year is not None and _year_like(year) and self._unit(doc, year.tok_end) == "year":
            # к аналогичному периоду 2018 года: the reported period in 2018
            return year.tok_end + 1, Spec("year", year=int(year.value), compare=int(year.value))
        if own:                                 # предыдущего года: the document's, unless a period is reported
            return i + n_tok, Spec(grain, compare=shift, year_shift=shift if grain == "year" else None,
                                   shift=None if grain == "year" else shift)
        return i + n_tok, Spec(grain, compare=shift)

    def _instrumental_unit(self, doc, j) -> bool:
        """The time unit at j is instrumental: жылмен, годом."""
        low = doc[j].text.lower()
        if self.lang == "kk":
            return low.endswith(("мен", "бен", "пен"))
        from ..numerals.ru import parses
        tags = [p.tag for p in parses(low)]
        return bool(tags) and all("ablt" in t for t in tags)

    def _instrumental(self, doc, i) -> bool:
        """в сравнении с октябрём, с 2023 годом: с governs the instrumental there, "with", not "since"."""
        if self.lang != "ru":
            return False
        from ..numerals.ru import parses
        for k in range(i, min(i + 3, len(doc))):
            if doc[k].is_alpha:
                tags = [p.tag for p in parses(doc[k].text.lower())]
                return bool(tags) and all("ablt" in t for t in tags)
        return False

    def _anaphoric(self, doc, i, nums):
        got = self.anaphoric.match(doc, i)
        return None if got is None else (i + got[1], Spec(got[0], anaphoric=True))

    def _recurring(self, doc, i, nums):
        """жыл сайын, каждый год, ежегодно, күнделікті."""
        got = self.recurring.match(doc, i)
        if got is not None:
            return i + got[1], Spec(got[0], every=True)
        unit = self._unit(doc, i)
        if unit is not None and doc[i].is_alpha and self.every_after.match(doc, i + 1):
            return i + 2, Spec(unit, every=True)
        if self.every_before.match(doc, i) and (unit := self._unit(doc, i + 1)) is not None:
            return i + 2, Spec(unit, every=True)
        return None

    def _plural(self, text: str) -> bool:
        """A plural time unit: жылдары, айларда, годы, дни (a span of several, not one)."""
        low = text.lower()
        if self.lang == "kk":
            return bool(KK_PLURAL.search(low))
        from ..numerals.ru import parses
        got = parses(low)
        return bool(got) and "plur" in got[0].tag

    def _vague_duration(self, doc, i, nums):
        """бірнеше жыл, несколько дней: a duration of no stated length."""
        got = self.vague.match(doc, i)
        if got is None:
            return None
        unit = self._unit(doc, i + got[1])
        return None if unit is None else (i + got[1] + 1, Duration(None, unit))


def _grain_shift(text: str, lang: str) -> tuple[str, int]:
    """"year -1" → ("year", -1); a malformed value names the file."""
    parts = text.split()
    if len(parts) != 2 or parts[0] not in GRAINS or not parts[1].lstrip("+-").isdigit():
        raise PatternError(f"patterns/{lang}/periods.yaml: relative: expected 'grain shift' "
                           f"(grain one of {', '.join(GRAINS)}), got {text!r}")
    return parts[0], int(parts[1])
