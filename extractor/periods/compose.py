"""A whole time expression: [before word] core [range] [after word], and lists of years."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from itertools import compress
from typing import Callable
from operator import attrgetter

from ..numerals.scan import NumberSpan
from ..wordsets import WordMemo
from .dates import _grain_range, _month_end, _shift_date, floating, resolve
from .clock import RU_AT, ClockRules
from .cumulative import CumulativeCues, cumulative_dates
from .numbers import _year_like
from .reading import MONTH_DASH, Reader
from .spec import DAY_TIME_GLUE, DASHES, KK_FROM, LIST_JOINERS, ROMAN_UPPER, Duration, PeriodMatch, Spec


class PeriodRules(Reader):
    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.clock = ClockRules(lang)
        self.cumulative = CumulativeCues(lang, self.data.get("cumulative", {}))
        self._may_be_clock = WordMemo(self._clock_start, 20_000).__getitem__     # asked at every start

    # -- main ---------------------------------------------------------------
    def find(self, doc, numbers: list[NumberSpan], doc_date: dt.date | None,
             tense: Callable[[int], str | None] | None = None, starts_sentence: bool = True) -> list[PeriodMatch]:
        """Every time expression in `doc`. tense(i): the tense of the clause around token i
        ("past" | "future" | None), asked only for a date without a year. starts_sentence:
        doc's first token opens its sentence (a window may start inside one)."""
        nums = {n.tok_start: n for n in numbers}
        out: list[PeriodMatch] = []
        # only numbers, time words and the words before them (в, с, до) can start an expression
        looks = compress(range(len(doc)), map(self.worth_a_look.__getitem__, map(attrgetter("text"), doc)))
        i = 0
        for start in sorted(nums.keys() | set(looks)):
            if start < i:
                continue                                   # inside the expression found before
            i = start
            if i not in nums and not self.may_start(doc[i].text):
                before = self.before_words.match(doc, i)
                # в, с, до: worth a look only before a time word or a number
                if before is None or not (i + before[1] in nums or (
                        i + before[1] < len(doc) and self.may_start(doc[i + before[1]].text))):
                    continue
            clock = self.clock.read(doc, i, nums) if self._may_be_clock(doc[i].text) else None
            if clock is not None:
                out.append(self._clock_period(doc, clock, out, doc_date))
                i = clock[1]
                continue
            listed = self._year_list(doc, i, nums, doc_date) if i in nums else None
            if listed:
                out += listed
                i = listed[-1].tok_end
                continue
            m = self._expression(doc, i, nums, doc_date, tense)
            if m is None:
                continue
            if m.kind == "duration" and m.unit == "month":
                m = self._cumulative(doc, m, doc_date, starts_sentence, out[-1].tok_end if out else 0)
            out.append(m)
            i = m.tok_end
        _weekday_on_its_date(out)
        return out

    def _cumulative(self, doc, m: PeriodMatch, doc_date, starts_sentence: bool, free_from: int) -> PeriodMatch:
        """10 айда, жылдың 9 айында, за 10 месяцев: months from January 1 (cumulative.py), else m."""
        value, end = m.value, m.tok_end
        if value is None or m.min is not None or value != int(value) or not 1 <= value <= 12 \
                or self._unit(doc, end - 1) != "month":
            return m                                    # 3 ай бойы, 6 – 7 ай, полгода назад
        first = self.cumulative.read(doc, m.tok_start, end, starts_sentence)
        if first is None:
            return m
        got = cumulative_dates(int(value), doc_date)
        a, b = got if got is not None else (None, None)
        return PeriodMatch("period", max(first, free_from), end, a, b, "month", True, upto_month=int(value))

    def _may_be_clock(self, text: str) -> bool:
        """Can a clock time start at a token with this text? (replaced by its memo per instance)"""
        return self._clock_start(text)

    def _clock_start(self, text: str) -> bool:
        return text[:1].isdigit() or text.lower() in self.clock.starters or text.lower() in RU_AT

    def _clock_period(self, doc, clock, found: list[PeriodMatch], doc_date) -> PeriodMatch:
        """A clock time on the day named right before it (22 қараша күні сағат 15:00-де, 12 января
        в 10:00, в понедельник в 15:30) is one record with that day, else on the document's day."""
        start, end, start_time, end_time, grain, zone = clock
        day = found[-1] if found else None
        if day is not None and day.kind == "period" and day.grain == "day" and day.start_date is not None \
                and day.start_date == day.end_date and self._joins_day(doc, day.tok_end, start):
            found.pop()
            return PeriodMatch("period", day.tok_start, end, day.start_date, day.end_date, grain, day.relative,
                               start_time=start_time, end_time=end_time, timezone=zone, weekday=day.weekday,
                               clock_from=start)
        iso = doc_date and doc_date.isoformat()
        return PeriodMatch("period", start, end, iso, iso, grain, True,
                           start_time=start_time, end_time=end_time, timezone=zone)

    def _joins_day(self, doc, day_end: int, start: int) -> bool:
        """Only a comma or the day's own word (күні) stands between a day and its clock time."""
        gap = [doc[k].text.lower() for k in range(day_end, start)]
        return len(gap) <= 2 and all(w in DAY_TIME_GLUE for w in gap)

    def _may_start(self, text: str) -> bool:
        """A cheap test before the rules: a time word, a Roman numeral or a digital date."""
        return text[:1].isdigit() or text in ROMAN_UPPER or bool(self.starters.keys(text)) \
            or bool(MONTH_DASH.search(text) and self.months.keys(MONTH_DASH.split(text, 1)[0]))   # қаңтар-қыркүйек

    def _expression(self, doc, i, nums, doc_date, tense=None) -> PeriodMatch | None:
        """A whole time expression starting at token i: [before word] core [range] [after word]."""
        before = self.before_words.match(doc, i)
        if before is not None:
            role_before, n_tok = before
            core = self._core(doc, i + n_tok, nums)
            if core is not None and (isinstance(core[1], Spec) and core[1].compare is not None
                                     and role_before in ("since", "until")
                                     or role_before == "since" and self._instrumental(doc, i + n_tok)):
                i, role_before = i + n_tok, None    # с аналогичным периодом, к соответствующему: "with", "to"
            if core is None and role_before in ("after", "during"):
                unit = self._unit(doc, i + n_tok)         # через год, в течение недели: one unit
                if unit is not None and doc[i + n_tok].is_alpha:
                    core = i + n_tok + 1, Duration(1, unit)
            if core is not None:
                return self._finish(doc, i, core, role_before, nums, doc_date, tense)
        core = self._core(doc, i, nums)
        if core is None:
            unit = self._unit(doc, i)
            after = self.after_words.match(doc, i + 1) if unit is not None and doc[i].is_alpha else None
            if after is not None and after[0] in ("ago", "after"):
                core = i + 1, Duration(1, unit)           # год назад, жыл бұрын
        return None if core is None else self._finish(doc, i, core, None, nums, doc_date, tense)

    def _of_something(self, doc, start: int, end: int) -> bool:
        """после 26 лет перерыва: a length of something (a noun in the genitive follows), not a date."""
        if self.lang != "ru" or doc[start].text.lower() != "после" or end >= len(doc) or not doc[end].is_alpha:
            return False
        from ..numerals.ru import parses
        got = parses(doc[end].text.lower())
        return bool(got) and got[0].tag.POS == "NOUN" and got[0].tag.case == "gent"

    def _finish(self, doc, start, core, role_before, nums, doc_date, tense=None) -> PeriodMatch:
        end, what = core
        if what == "age":
            return PeriodMatch("age", start, end)
        if isinstance(what, Duration):
            value, unit = what.value, what.unit
            if self.lang == "ru" and unit == "year" and role_before in ("in", "since") \
                    and doc[start].text.lower() in ("в", "во", "с", "со") and start + 1 in nums \
                    and value is not None and value < 150:
                return PeriodMatch("age", start, end)   # в 13 лет, с 14 лет: an age
            role = role_before
            after = self.after_words.match(doc, end)
            if after is not None:
                role, n_tok = after[0], after[1]
                end += n_tok
            if role == "after" and (tense is not None and tense(start) == "past" or self._of_something(doc, start, end)):
                role = None                             # после 26 лет работы ушел, 26 жылдан кейін оралды: how long
            if role in ("after", "ago") and value is not None and doc_date is not None and unit in ("day", "week", "month", "year"):
                sign = 1 if role == "after" else -1
                point = _shift_date(doc_date, unit, sign * value)
                if point is not None:
                    a, b = _grain_range(point, "day" if unit in ("day", "week") else unit)
                    return PeriodMatch("period", start, end, a.isoformat(), b.isoformat(),
                                       "day" if unit in ("day", "week") else unit, True)
            lo, hi = what.min, what.max
            if role == "min":
                lo = value
            return PeriodMatch("duration", start, end, value=value, unit=unit, min=lo, max=hi)
        spec: Spec = what
        if spec.compare is not None:            # dated later, from the period its sentence reports
            own = resolve(replace(spec, compare=None), doc_date) if spec.year_shift is not None \
                or spec.shift is not None or spec.year is not None else None
            a, b = own if own is not None else (None, None)
            # a named year (2021 жылдың сәйкес кезеңі) is the reported period in that year
            move = ("in_year", spec.compare) if spec.year is not None else (spec.grain, spec.compare)
            return PeriodMatch("period", start, end, a and a.isoformat(), b and b.isoformat(), spec.grain,
                               spec.year is None, compare=move)
        if spec.every or spec.anaphoric:
            return PeriodMatch("period", start, end, None, None, spec.grain, spec.anaphoric, spec.every)
        # a range: core – core, с … по …, …дан … дейін
        last = spec
        link = end < len(doc) and (doc[end].text in DASHES or doc[end].text.lower() in ("по", "до"))
        if link and not (doc[end].text.lower() in ("по", "до") and role_before not in ("since",)):
            second = self._core(doc, end + 1, nums)
            if second is not None and isinstance(second[1], Spec):
                end, last = second
                role_before = None
        elif end + 2 < len(doc) and self.lang == "kk" and doc[end].text.lower() in ("мен", "бен", "пен"):
            second = self._core(doc, end + 1, nums)  # 31 шілде мен 6 тамыз аралығында: one span
            if second is not None and isinstance(second[1], Spec) and second[0] < len(doc) \
                    and doc[second[0]].text.lower().startswith("аралығ"):
                end, last = second[0] + 1, second[1]
        elif end < len(doc) and self.lang == "kk" and doc[end - 1].text.lower().endswith(KK_FROM):
            second = self._core(doc, end, nums)      # 2020 жылдан 2024 жылға дейін
            if second is not None and isinstance(second[1], Spec):
                bound = self.after_words.match(doc, second[0])
                if bound is not None and bound[0] == "until":
                    end, last = second
                    end += bound[1]
        role_after = None
        after = self.after_words.match(doc, end)
        if after is not None and after[0] in ("until", "since", "since_now", "after", "ago"):
            role_after = after[0]
            end += after[1]
        if role_after == "since" and last is spec and self.lang == "kk":
            # 2023 жылдан бастап 2024 жылды қоса есептегенде; 2024 жылдың қыркүйегінен бастап
            # 2025 жылдың 27 сәуіріне дейін: the second bound closes the span
            second = self._core(doc, end, nums)
            closing = second and isinstance(second[1], Spec) and self.after_words.match(doc, second[0])
            if closing and closing[0] in ("inclusive", "until"):
                end, last, role_after = second[0] + closing[1], second[1], None
        role = None if spec.to_year else role_after or role_before
        if last is not spec and spec.year is None and spec.year_shift is None and last.year is not None:
            spec = replace(spec, year=last.year)        # с 16 апреля по 21 апреля 2016 года
        elif last is not spec and floating(spec) and last.year_shift is not None and last.shift is None:
            spec = replace(spec, year_shift=last.year_shift)    # с 31 июля по 6 августа прошлого года
        if spec.approx and spec.shift is not None:
            rng = resolve(spec, doc_date)
            a, b = rng if rng is not None else (None, None)
            return PeriodMatch("period", start, end, a and a.isoformat(), b and b.isoformat(), spec.grain, True,
                               approx=True)
        when = tense(start) if tense is not None and doc_date is not None and floating(spec) else None
        if spec.weekend and spec.towards is None and when in (None, "present"):
            return None                                 # в выходные дни музей не работает: every weekend
        first_range = resolve(spec, doc_date, when)
        if last is not spec and first_range is not None and floating(last) and last.weekday is None:
            last = replace(last, year=first_range[0].year)  # с 20 ноября по 5 декабря: one year for both
            last_range = resolve(last, doc_date)
            if last_range is not None and last_range[1] < first_range[0]:
                last_range = resolve(replace(last, year=last.year + 1), doc_date)   # с декабря по февраль
        else:
            last_range = resolve(last, doc_date, when) if last is not spec else first_range
        relative = spec.year is None or last.year is None
        if first_range is None or last_range is None:
            return PeriodMatch("period", start, end, None, None, spec.grain, True)
        a, b = first_range[0], last_range[1]
        if last is not spec and a > b and not floating(spec) and spec.year == last.year \
                and spec.year_shift == last.year_shift and spec.weekday is None:
            a = resolve(replace(spec, year=a.year - 1, year_shift=None), doc_date)[0]   # с декабря по февраль 2016 года
        if last is not spec and when not in ("future", "present") and doc_date is not None and b > doc_date \
                and floating(spec) and spec.day is None and last.day is None and spec.weekday is None:
            # с января по декабрь … вырос in a November article: a reported span not yet over is last year's
            a, b = a.replace(year=a.year - 1), _month_end(b.year - 1, b.month)
        if last is spec:
            if role == "until":
                a = None
            elif role == "since":
                b = None
            elif role == "since_now":
                b = doc_date
                relative = relative or doc_date is not None
            elif role == "after":
                a, b = b + dt.timedelta(days=1), None
            elif role == "ago":
                a, b = None, a - dt.timedelta(days=1)
        # в конце августа, жылдың басында: vague; с начала года, жыл соңына дейін: a sharp bound
        approx = spec.approx or spec.part is not None and not spec.ten_days and last is spec \
            and role in (None, "in", "around")
        return PeriodMatch("period", start, end, a and a.isoformat(), b and b.isoformat(), spec.grain, relative,
                           approx=approx, weekday=spec.weekday if last is spec and role in (None, "in") else None)


    def _year_list(self, doc, i, nums, doc_date) -> list[PeriodMatch] | None:
        """в 1958, 1962 и 1970 годах; 2019, 2020 және 2021 жылдары: each year is a period."""
        chain = [nums[i]]
        k = nums[i].tok_end
        while k + 1 < len(doc) and doc[k].text.lower() in LIST_JOINERS and (k + 1) in nums:
            chain.append(nums[k + 1])
            k = nums[k + 1].tok_end
        if len(chain) < 2 or not all(_year_like(n) and not n.words and not n.ordinal for n in chain) \
                or self._unit(doc, k) != "year":
            return None
        if len(chain) == 2 and k + 1 < len(doc) and doc[k + 1].text.lower().startswith(("аралығ", "между")):
            a, b = chain[0].value, chain[1].value              # 2015 пен 2022 жылдар аралығында: a span
            if a < b:
                return [PeriodMatch("period", chain[0].tok_start, k + 2, f"{int(a)}-01-01", f"{int(b)}-12-31",
                                    "year", False)]
        out = []
        for n in chain:
            end = n.tok_end + (1 if n is chain[-1] else 0)
            a, b = resolve(Spec("year", year=int(n.value)), doc_date)
            out.append(PeriodMatch("period", n.tok_start, end, a.isoformat(), b.isoformat(), "year", False))
        return out


def _weekday_on_its_date(found: list[PeriodMatch]) -> None:
    """16 желтоқсан … сейсенбіге келіп тұр, 2 декабря, в понедельник: a weekday beside a dated
    day that falls on it is that day, not the last or next such weekday."""
    days = [m for m in found if m.weekday is None and (m.grain == "day" or m.start_time is not None)
            and m.start_date and m.start_date == m.end_date]
    for m in found:
        if m.weekday is None:
            continue
        same = [d for d in days if dt.date.fromisoformat(d.start_date).weekday() == m.weekday]
        if same:
            m.start_date = m.end_date = same[0].start_date


@functools.lru_cache(maxsize=None)
def period_rules(lang: str) -> PeriodRules:
    return PeriodRules(lang)
