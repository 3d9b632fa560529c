"""The cores that start with a number: a year and what continues it (2024 жылдың 8 айында,
2025 жылғы 29 қазанда, 2019-дың желтоқсанында), a day and month, a digital date, spans of
years and days, decades, centuries, quarters and halves; and the numbers that are ages."""
from __future__ import annotations

import functools

from dataclasses import replace

from ..numerals.scan import NumberSpan
from .dates import _dateparser_date, _valid_date
from .spec import DASHES, DIGITAL_DATE, KK_FROM, PLURAL_YEARS, ROMAN, Duration, Spec

KK_GENITIVE_SUFFIXES = frozenset({"-дың", "-дің", "-тың", "-тің", "-ның", "-нің", "-ғы", "-гі", "-қы", "-кі"})
RU_YEAR_SUFFIXES = frozenset({"-м", "-й", "-го", "-му", "-ом"})            # в 2016-м, с 2016-го
RU_PLURAL_SUFFIXES = frozenset({"-х", "-е", "-ые", "-ых", "-ми"})     # 1980-х, 90-е
KK_GENITIVE_ENDINGS = ("дың", "дің", "тың", "тің", "ның", "нің", "ғы", "гі", "қы", "кі")
RU_YEAR_PREPOSITIONS = frozenset({"в", "во", "с", "со", "до", "по", "к", "от"})


class NumberCores:
    """Mixed into Reader: uses its word lists (units, months, quarters, halves, parts, shifts)."""

    @functools.cached_property
    def _young_words(self):
        data = self.data
        return (frozenset(data.get("young_adjectives", [])), frozenset(data.get("young_nouns", [])),
                tuple(sorted(data.get("young_noun_endings", []), key=len, reverse=True)))

    def young_adjective(self, doc, i: int) -> bool:
        """12 жас таеквондошы: жас is "young" before a person noun, so the number counts them."""
        adjectives, nouns, endings = self._young_words
        if i + 1 >= len(doc) or doc[i].text.lower() not in adjectives:
            return False
        noun = doc[i + 1].text
        if not (noun.isalpha() and noun.islower()):
            return False
        return noun in nouns or len(noun) >= 6 and noun.endswith(endings)

    def _number_core(self, doc, i, nums):
        n = nums.get(i)
        if n is None:
            return None
        j = n.tok_end
        if self._word(self.ages, doc, j) and not self.young_adjective(doc, j):
            return j + 1, "age"
        unit = self._unit(doc, j)
        if unit in ("minute", "second") and self.lang == "kk" and j < len(doc) and doc[j].text.startswith("-"):
            return None                                     # 19-минутында: the 19th minute, an ordinal
        if unit == "year" and not _year_like(n) and self._age_cue(doc, i):
            return j + 1, "age"                             # в возрасте 50 лет
        if self.lang == "ru" and unit is None and 10 <= n.value <= 90 and n.value % 10 == 0 and j - 1 > i \
                and doc[j - 1].text.lower() in RU_PLURAL_SUFFIXES and i > 0 \
                and (doc[i - 1].text.lower() in RU_YEAR_PREPOSITIONS or self._word(self.parts, doc, i - 1)):
            year = 1900 + int(n.value)                      # в 90-х, в конце 80-х
            return j, Spec("decade", year=year, to_year=year + 9)
        decade = self._decade(doc, n, unit)
        if decade is not None:                              # 90-жылдары, 2010-жылдары, в 90-е годы
            return j + 1, Spec("decade", year=decade, to_year=decade + 9)
        if n.ordinal and unit == "century" and 1 <= n.value <= 21:
            first = int(n.value - 1) * 100 + 1              # 20-сыншы ғасырда: 1901–2000
            return j + 1, Spec("century", year=first, to_year=first + 99)
        if n.ordinal and unit == "year" and self.lang == "kk" and 10 <= n.value < 100 and n.value == int(n.value):
            year = int(n.value) + (1900 if n.value > 30 else 2000)   # 91-інші жылы, 23-інші жылға
            return self._year_continues(doc, j + 1, nums, Spec("year", year=year))
        if n.ordinal and n.value == 1 and unit == "month" and self.lang == "ru" and n.tok_end == i + 1 \
                and self._plural(doc[j].text):
            season = self._word(self.seasons, doc, j + 1)
            if season is not None:                          # в первые месяцы осени: its first two months
                return j + 2, Spec("season", month=int(season), part="start", approx=True)
        if n.ordinal and unit in ("quarter",) or n.ordinal and self._word(self.halves, doc, j):
            q = int(n.value)
            if unit == "quarter" and 1 <= q <= 4:
                return self._maybe_year(doc, j + 1, nums, Spec("quarter", quarter=q))
            if unit != "quarter" and 1 <= q <= 2:
                return self._maybe_year(doc, j + 1, nums, Spec("half", half=q))
            return None
        if self._word(self.quarters, doc, j) and n.ordinal and 1 <= n.value <= 4:
            return self._maybe_year(doc, j + 1, nums, Spec("quarter", quarter=int(n.value)))
        partner = nums.get(j + 1) if j < len(doc) and (
            doc[j].text in DASHES or (self.lang == "ru" and doc[j].text.lower() in ("по", "до"))) else None
        if partner is not None and (not partner.ordinal or n.ordinal and _year_like(n) and _year_like(partner)):
            unit2 = self._unit(doc, partner.tok_end)
            if unit2 == "year" and _year_like(n) and _year_like(partner) and partner.value > n.value:
                end = partner.tok_end + 1                   # 2020-2024 жылдары, с 2009 по 2013 год
                return end, Spec("year", year=int(n.value), to_year=int(partner.value))
            if unit2 is None and _year_like(n) and _year_like(partner) and not n.words and \
                    partner.value > n.value and _in_parentheses(doc, i, partner.tok_end):
                return partner.tok_end, Spec("year", year=int(n.value), to_year=int(partner.value))  # (2001—2003)
            if unit2 is None and self.lang == "ru" and i > 0 and doc[i - 1].text.lower() in ("с", "со") and \
                    _year_like(n) and _year_like(partner) and not n.words and partner.value > n.value:
                return partner.tok_end, Spec("year", year=int(n.value), to_year=int(partner.value))  # с 1985 по 1990
            if unit2 is not None and unit is None and doc[j].text in DASHES and partner.value > n.value:
                return partner.tok_end + 1, Duration(n.value, unit2, n.value, partner.value)   # 6 – 7 жыл
        if partner is not None and 1 <= n.value < partner.value <= 31 and n.value == int(n.value) \
                and partner.value == int(partner.value):
            month = self._month_after_day(doc, partner.tok_end)
            if month is not None and (doc[j].text in DASHES or i > 0 and doc[i - 1].text.lower() in ("с", "со")):
                return j, Spec("day", month=int(month), day=int(n.value))   # с 16 по 21 апреля, 16–21 сәуір
        if _year_like(n) and not n.words and not n.ordinal and _in_parentheses(doc, i, j):
            return j, Spec("year", year=int(n.value))       # «Фильм» (2006)
        if _year_like(n):
            year = int(n.value)
            if unit == "year":
                return self._year_continues(doc, j + 1, nums, Spec("year", year=year))
            suffix = doc[j - 1].text.lower() if j - 1 > i else ""
            if self.lang == "kk" and suffix in KK_GENITIVE_SUFFIXES:
                got = self._year_continues(doc, j, nums, Spec("year", year=year))
                if got[0] > j:
                    return got                              # 2019-дың желтоқсанында: the year alone is not enough
            if self.lang == "ru" and i > 0 and doc[i - 1].text.lower() in RU_YEAR_PREPOSITIONS:
                if suffix in RU_YEAR_SUFFIXES:
                    return j, Spec("year", year=year)       # в 2016-м
            if self.lang == "ru" and suffix in RU_PLURAL_SUFFIXES and year % 10 == 0:
                return j, Spec("decade", year=year, to_year=year + 9)   # в 1980-х, 1990-е
            if self.lang == "ru" and (j >= len(doc) or not doc[j].is_alpha) and i > 0 and \
                    doc[i - 1].text.lower() in ("в", "с", "до", "по", "к") and not n.words and n.value >= 1800:
                return j, Spec("year", year=year)          # в 1929, (с 1985 по 1990)
        day = int(n.value) if n.value == int(n.value) and 1 <= n.value <= 31 else None
        month = self._month_after_day(doc, j)
        if day is not None and month is not None:           # 22 қараша [2024 жыл], 14 августа 1945 года
            return self._maybe_year(doc, j + 1, nums, Spec("day", month=int(month), day=day), first=i)
        if unit == "month" and self.lang == "ru" and 1 <= n.value <= 12 and not n.ordinal:
            year = nums.get(j + 1)                           # за 8 месяцев 2024 года
            if year is not None and _year_like(year) and self._unit(doc, year.tok_end) == "year":
                return year.tok_end + 1, Spec("month", year=int(year.value), upto_month=int(n.value))
            shift = self.shifts.match(doc, j + 1)             # за 9 месяцев текущего года
            if shift is not None and self._unit(doc, j + 1 + shift[1]) == "year":
                return j + 2 + shift[1], Spec("month", year_shift=int(shift[0]), upto_month=int(n.value))
        if unit is not None and not n.ordinal and n.scale == 1 and not _signed(doc[i].text):
            return j + 1, Duration(n.value, unit)           # 14 күн, 3 жылда, три месяца (+20 днём: a temperature)

    def _decade(self, doc, n: NumberSpan, unit: str | None) -> int | None:
        """The first year of a decade named by a number before a plural `year`, or None."""
        j = n.tok_end
        if unit != "year" or n.value != int(n.value) or int(n.value) % 10 or j >= len(doc):
            return None
        word = doc[j].text.lower().lstrip("-")
        if not word.startswith(PLURAL_YEARS):
            return None
        v = int(n.value)
        if 10 <= v <= 90:
            return 1900 + v
        return v if 1000 <= v <= 2200 else None


    def _year_continues(self, doc, j, nums, year_spec: Spec):
        """After `2024 жылдың`: 8 айында, бірінші тоқсанында, басында, 1-інші қаңтарынан, қарашада."""
        if self.lang != "kk" or j >= len(doc):
            return j, year_spec
        y = year_spec.year
        same = self.same_period.match(doc, j)
        if same is not None:                            # 2021 жылдың сәйкес кезеңімен: the reported period in 2021
            return j + same[1], Spec("year", year=y, compare=y)
        roman = ROMAN.get(doc[j].text.lower()) if doc[j].text.isupper() else None
        if roman is not None and self._word(self.quarters, doc, j + 1) and roman <= 4:
            return j + 2, Spec("quarter", year=y, quarter=roman)      # 2024 жылдың IV тоқсанында
        if roman is not None and self._word(self.halves, doc, j + 1) and roman <= 2:
            return j + 2, Spec("half", year=y, half=roman)
        n = nums.get(j)
        if n is not None:
            unit = self._unit(doc, n.tok_end)
            if unit == "month" and not n.ordinal and 1 <= n.value <= 12 and n.value == int(n.value):
                return n.tok_end + 1, Spec("month", year=y, upto_month=int(n.value))
            if n.ordinal and (unit == "quarter" or self._word(self.quarters, doc, n.tok_end)) and 1 <= n.value <= 4:
                return n.tok_end + 1, Spec("quarter", year=y, quarter=int(n.value))
            if n.ordinal and self._word(self.halves, doc, n.tok_end) and 1 <= n.value <= 2:
                return n.tok_end + 1, Spec("half", year=y, half=int(n.value))
            partner = nums.get(n.tok_end + 1) if n.tok_end < len(doc) and doc[n.tok_end].text in DASHES else None
            if partner is not None and 1 <= n.value < partner.value <= 31 and partner.value == int(partner.value) \
                    and n.value == int(n.value):
                month = self._month_after_day(doc, partner.tok_end)
                if month is not None:                   # 2023 жылдың 5-10 қазанында
                    return partner.tok_end + 1, Spec("day", year=y, month=int(month), day=int(n.value),
                                                     to_day=int(partner.value))
            month = self._month_after_day(doc, n.tok_end)
            if month is not None and 1 <= n.value <= 31 and n.value == int(n.value):
                end = n.tok_end + 1
                end += self._unit(doc, end) == "day"        # он үшінші декабрь күні
                return end, Spec("day", year=y, month=int(month), day=int(n.value))
        months = self._month_range(doc, j)
        if months is not None:                          # 2024 жылдың қаңтар-қыркүйек айларында
            return months[0], Spec("month", year=y, month=months[1], to_month=months[2])
        month = self._word(self.months, doc, j)
        if month is not None:
            tens = self._ten_days_after(doc, j + 1 + (self._unit(doc, j + 1) == "month"), nums)
            if tens is not None:                            # 2023 жылғы қазанның екінші онкүндігінде
                return tens[0], Spec("month", year=y, month=int(month), part=tens[1], ten_days=True)
            got = self._day_after_month(doc, j + 1, nums)
            if got is not None:
                return got[0], Spec("day", year=y, month=int(month), day=got[1])
            last = self._word(self.months, doc, j + 2) if j + 3 < len(doc) and \
                doc[j + 1].text.lower() in ("мен", "бен", "пен") else None
            if last is not None and doc[j + 3].text.lower().startswith("аралығ"):
                return j + 4, Spec("month", year=y, month=int(month), to_month=int(last))  # сәуір мен желтоқсан аралығында
            end = j + 1 + (self._unit(doc, j + 1) == "month")
            parted = self._part_after(doc, end, Spec("month", year=y, month=int(month)))
            if parted is not None:
                return parted                               # 2024 жылдың қараша айының соңында
            if end == j + 1 and doc[j].text.lower() in self.ambiguous:
                return j, year_spec                         # 2024 жылы май бағасы: oil, not May
            return end, Spec("month", year=y, month=int(month))
        part = self._word(self.parts, doc, j)
        if part is not None:
            return j + 1, replace(year_spec, part=part)
        return j, year_spec

    def _maybe_year(self, doc, j, nums, spec: Spec, first: int | None = None):
        """A year after a day, month or quarter: 14 августа 1945 года, I квартал 2024 года."""
        n = nums.get(j)
        if n is not None and _year_like(n):
            end = n.tok_end
            if self._unit(doc, end) == "year":
                if self.lang == "kk" and doc[end].text.lower().endswith(KK_GENITIVE_ENDINGS):
                    return j, spec                      # IV тоқсанында 2023 жылдың …: that year is the next one's
                end += 1
            spec = replace(spec, year=int(n.value))
            if spec.grain == "day" and first is not None and not n.words and \
                    not _valid_date(spec.year, spec.month, spec.day):
                # our reading is no calendar date (31 апреля): dateparser has the last word. It is
                # not asked first: ~1 ms a date, a third of the period rules' time on new text
                from ..tokens import span_text
                parsed = _dateparser_date(span_text(doc, first, end), self.lang)
                if parsed is not None:
                    spec = replace(spec, year=parsed.year, month=parsed.month, day=parsed.day)
            return end, spec
        shift = self.shifts.match(doc, j)
        if shift is not None and self._unit(doc, j + shift[1]) == "year":
            return j + shift[1] + 1, replace(spec, year_shift=int(shift[0]))   # в мае прошлого года
        return j, spec

    def _day_after_month(self, doc, j, nums):
        """қарашаның 22-сі: the day number after a Kazakh genitive month. A month that says "from"
        (қыркүйектен 27 қарашаға дейін) gives its number to the next bound."""
        if j > 0 and doc[j - 1].text.lower().endswith(KK_FROM):
            return None
        n = nums.get(j)
        if n is not None and 1 <= n.value <= 31 and n.value == int(n.value):
            end = n.tok_end
            if self._unit(doc, end) == "day":
                end += 1                                    # қазанның 2-сі күні
            return end, int(n.value)
        return None

    def _digital_date(self, doc, i, nums):
        m = DIGITAL_DATE.fullmatch(doc[i].text)
        if m is None:
            return None
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:    # 22.11.24
            year += 2000 if year < 50 else 1900
        if not _valid_date(year, month, day):
            parsed = _dateparser_date(m[0], self.lang) if len(m[3]) == 4 else None   # 11/22/2024
            if parsed is None:
                return None
            day, month, year = parsed.day, parsed.month, parsed.year
        end = i + 1 + (self._unit(doc, i + 1) in ("year", "day"))
        return end, Spec("day", year=year, month=month, day=day)

    def _age_cue(self, doc, i) -> bool:
        """в возрасте 50 лет, ему 61 год, Кандидату 68 лет: the years are an age."""
        if any(doc[k].text.lower() in self.age_cues for k in range(max(0, i - 3), i)):
            return True
        if self.lang != "ru" or i == 0:
            return False
        prev = doc[i - 1].text
        if prev in (",", "("):
            return True                                 # Иванов, 52 года; (51 год)
        from ..numerals.ru import parses
        best = parses(prev)[0] if prev.isalpha() else None
        return best is not None and "datv" in best.tag and best.tag.POS in ("NOUN", "NPRO")


def _in_parentheses(doc, i: int, j: int) -> bool:
    return (i > 0 and doc[i - 1].text == "(") or (j < len(doc) and doc[j].text == ")")


def _signed(text: str) -> bool:
    """+20, −3: a number written with its sign is a level (a temperature), never a count of days."""
    return len(text) > 1 and text[0] in "+−" and text[1].isdigit()


def _year_like(n: NumberSpan) -> bool:
    return n.value == int(n.value) and 1000 <= n.value <= 2200 and (n.scale == 1 or bool(n.words))
