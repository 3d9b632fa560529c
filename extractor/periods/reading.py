"""The cores of time expressions: one rule per kind (a year, a day and month, a
relative word, a shifted unit, a part of a year …), each returning (end, Spec |
Duration | "age") or None. The words are in patterns/<lang>/periods.yaml."""
from __future__ import annotations

import functools

import regex
from dataclasses import replace

from ..lexicon import Lexicon, WordMemo
from ..numerals.scan import NumberSpan
from ..patterns import PatternError, load
from .dates import _dateparser_date, _valid_date
from .spec import DASHES, DIGITAL_DATE, GRAINS, PLURAL_YEARS, ROMAN, ROMAN_UPPER, Duration, Spec

MONTH_DASH = regex.compile(r"[-–—]")
KK_PLURAL = regex.compile(r"(?:лар|лер|дар|дер|тар|тер)")
KK_GENITIVE_SUFFIXES = frozenset({"-дың", "-дің", "-тың", "-тің", "-ның", "-нің", "-ғы", "-гі", "-қы", "-кі"})
RU_YEAR_SUFFIXES = frozenset({"-м", "-й", "-го", "-му", "-ом"})            # в 2016-м, с 2016-го
RU_PLURAL_SUFFIXES = frozenset({"-х", "-е", "-ые", "-ых", "-ми"})     # 1980-х, 90-е
RU_YEAR_PREPOSITIONS = frozenset({"в", "во", "с", "со", "до", "по", "к", "от"})


class Reader:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "periods")
        self.units = Lexicon(lang, data.get("time_units", {}))
        self.ages = Lexicon(lang, {w: "age" for w in data.get("ages", [])})
        self.months = Lexicon(lang, data.get("months", {}))
        self.weekdays = Lexicon(lang, data.get("weekdays", {}))
        self.relative = Lexicon(lang, {w: _grain_shift(v, lang) for w, v in data.get("relative", {}).items()})
        self.shifts = Lexicon(lang, data.get("shifts", {}))
        self.parts = Lexicon(lang, data.get("parts", {}))
        self.halves = Lexicon(lang, {w: "half" for w in data.get("halves", [])})
        self.quarters = Lexicon(lang, {w: "quarter" for w in data.get("quarters", [])})
        self.after_words = Lexicon(lang, data.get("after_words", {}))
        self.before_words = Lexicon(lang, data.get("before_words", {}))
        self.anaphoric = Lexicon(lang, data.get("anaphoric", {}))
        # "grain shift" or "grain shift document": the latter is dated from the document date
        # when its sentence reports no period (предыдущего года), the former stays undated
        self.comparisons = Lexicon(lang, {w: (*_grain_shift(" ".join(v.split()[:2]), lang), v.endswith(" document"))
                                          for w, v in data.get("comparisons", {}).items()})
        self.every_after = Lexicon(lang, {w: True for w in data.get("every_after", [])})
        self.every_before = Lexicon(lang, {w: True for w in data.get("every_before", [])})
        self.recurring = Lexicon(lang, data.get("recurring", {}))
        self.seasons = Lexicon(lang, data.get("seasons", {}))
        self.vague = Lexicon(lang, {w: True for w in data.get("vague_numbers", [])})
        self.age_cues = frozenset(data.get("age_cues", []))   # exact forms: ему, not every form of он
        not_time = data.get("not_time", [])
        self.not_time_words = frozenset(w for w in not_time if not w.endswith("*"))
        self.not_time_prefixes = tuple(w[:-1] for w in not_time if w.endswith("*"))
        self.ambiguous = frozenset(data.get("ambiguous", []))
        # Any word that can start a time expression; other tokens are skipped at once.
        starters = {}
        before = {w.split()[0] for w in data.get("before_words", {})}
        self.before_first = frozenset(before)
        for section in ("time_units", "months", "weekdays", "relative", "shifts", "parts", "seasons", "anaphoric",
                        "recurring", "every_before", "vague_numbers", "halves", "quarters", "comparisons"):
            for phrase in data.get(section, {}):
                words = phrase.split()
                # в тот же день: the word after a preposition is what makes it worth a look
                starters[words[1] if len(words) > 1 and words[0] in before else words[0]] = True
        for phrase in data.get("clock_words", {}):
            starters[phrase.split()[0]] = True                  # таңғы 9-да, сағат 15:00-де
        self.starters = Lexicon(lang, starters)
        self.may_start = functools.lru_cache(maxsize=20_000)(self._may_start)
        self.worth_a_look = WordMemo(lambda text: self.may_start(text) or text.lower() in self.before_first,
                                     20_000)       # asked of every token of every window
        self._word_rules = functools.lru_cache(maxsize=20_000)(self._rules_for)
        # which rules a starting word can begin: only those are tried at a token
        self.section_lexicons = [
            (section, Lexicon(lang, {phrase.split()[0]: True for phrase in data.get(section, {})}))
            for section in ("comparisons", "time_units", "months", "weekdays", "relative", "shifts", "parts",
                            "seasons", "anaphoric", "recurring", "every_before", "vague_numbers")]
        self._section_rules = [
            ("comparisons", self._comparison), ("months", self._month_core), ("weekdays", self._weekday), ("relative", self._relative_word),
            ("shifts", self._shifted_unit), ("roman", self._roman_part), ("parts", self._part_first),
            ("time_units", self._part_first), ("anaphoric", self._anaphoric), ("recurring", self._recurring),
            ("every_before", self._recurring), ("time_units", self._recurring), ("seasons", self._season),
            ("vague_numbers", self._vague_duration)]

    # -- the words of a sentence -------------------------------------------
    def _word(self, lex: Lexicon, doc, i: int):
        """lex's value for token i (a hyphenated ending is ignored: 2024-жылы), else None."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if text.startswith("-") and len(text) > 1:
            text = text[1:]
        return None if self._not_time(text) else lex.contains(text)

    def is_time_word(self, text: str) -> bool:
        """A time unit, month or age word (жылы, айында, ноября, жасар): a number before it is
        not a count. No `not_time` filter here: айлық after a number is still not a count."""
        return any(lex.contains(text) is not None for lex in (self.units, self.months, self.ages))

    def _not_time(self, text: str) -> bool:
        low = text.lower()
        return low in self.not_time_words or low.startswith(self.not_time_prefixes or ("\0",))

    def _unit(self, doc, i: int) -> str | None:
        return self._word(self.units, doc, i)

    def _month_after_day(self, doc, i: int):
        """The month after a day number: 29 қазанда is October, though қазанда alone is "in a
        cauldron" (the day number settles it; prefixes such as қазандық* still do not match)."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if text.lower().startswith(self.not_time_prefixes or ("\0",)):
            return None
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
        else:
            return None
        if first is None or last is None or not doc[end - 1].is_alpha and len(parts) != 2:
            return None
        end += self._unit(doc, end) == "month"              # қаңтар-қыркүйек айларында
        return end, int(first), int(last)


    # -- cores --------------------------------------------------------------
    def _core(self, doc, i, nums):
        """(end, Spec | (value, unit) | "age") for the time expression core at token i."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if i in nums or text[:1].isdigit():
            rules = (self._number_core, self._digital_date)
        else:
            rules = self._word_rules(text)
        for rule in rules:
            got = rule(doc, i, nums)
            if got is not None:
                return got
        return None

    def _rules_for(self, text: str) -> tuple:
        """The core rules a word can begin (cached per word in `_word_rules`)."""
        sections = {name for name, lex in self.section_lexicons if lex.keys(text)}
        if MONTH_DASH.search(text) and self.months.keys(MONTH_DASH.split(text, 1)[0]):
            sections.add("months")                          # қаңтар-қыркүйек
        if text in ROMAN_UPPER:
            sections.add("roman")
        return tuple(rule for name, rule in self._section_rules if name in sections)

    def _number_core(self, doc, i, nums):
        n = nums.get(i)
        if n is None:
            return None
        j = n.tok_end
        if self._word(self.ages, doc, j):
            return j + 1, "age"
        unit = self._unit(doc, j)
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
        if unit is not None and not n.ordinal and n.scale == 1:
            return j + 1, Duration(n.value, unit)           # 14 күн, 3 жылда, три месяца

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
            got = self._day_after_month(doc, j + 1, nums)
            if got is not None:
                return got[0], Spec("day", year=y, month=int(month), day=got[1])
            end = j + 1 + (self._unit(doc, j + 1) == "month")
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
                end += 1
            spec = replace(spec, year=int(n.value))
            if spec.grain == "day" and first is not None and not n.words and \
                    not _valid_date(spec.year, spec.month, spec.day):
                # our reading is no calendar date (31 апреля): dateparser has the last word. It is
                # not asked first: ~1 ms a date, a third of the period rules' time on new text
                from ..pipeline import span_text
                parsed = _dateparser_date(span_text(doc, first, end), self.lang)
                if parsed is not None:
                    spec = replace(spec, year=parsed.year, month=parsed.month, day=parsed.day)
            return end, spec
        shift = self.shifts.match(doc, j)
        if shift is not None and self._unit(doc, j + shift[1]) == "year":
            return j + shift[1] + 1, replace(spec, year_shift=int(shift[0]))   # в мае прошлого года
        return j, spec

    def _day_after_month(self, doc, j, nums):
        """қарашаның 22-сі: the day number after a Kazakh genitive month."""
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

    def _month_core(self, doc, i, nums):
        months = self._month_range(doc, i)
        if months is not None and doc[i].text not in DASHES:
            return self._maybe_year(doc, months[0], nums, Spec("month", month=months[1], to_month=months[2]))
        month = self._word(self.months, doc, i)
        if month is None or not doc[i].is_alpha:
            return None
        got = self._day_after_month(doc, i + 1, nums) if self.lang == "kk" else None
        if got is not None:
            return self._maybe_year(doc, got[0], nums, Spec("day", month=int(month), day=got[1]))
        end = i + 1
        if self._unit(doc, end) == "month":
            end += 1                                        # қаңтар айында
        got = self._maybe_year(doc, end, nums, Spec("month", month=int(month)))
        if got[0] == i + 1 and self.months.keys(doc[i].text) & self.ambiguous:
            return None                                     # маусым alone is a season, not June
        return got

    def _weekday(self, doc, i, nums):
        wd = self._word(self.weekdays, doc, i)
        if wd is None or not doc[i].is_alpha:
            return None
        if self.weekdays.keys(doc[i].text) & self.ambiguous and (i == 0 or not self.before_words.match(doc, i - 1)):
            return None                                     # среды "environment": a weekday only after в / до
        end = i + 1 + (self._unit(doc, i + 1) == "day")
        return end, Spec("day", weekday=int(wd))

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
        month = self._word(self.months, doc, j) if self.lang == "kk" else None
        if month is not None:
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
                return j + 1, Spec(unit, shift=int(shift), approx=True)   # соңғы жылдары, в ближайшие дни
            if unit == "year":
                return self._year_continues_relative(doc, j + 1, nums, Spec("year", year_shift=int(shift)))
            return j + 1, Spec(unit, shift=int(shift))      # өткен жылы, в прошлом году, на этой неделе
        season = self._word(self.seasons, doc, j)
        if season is not None:
            return j + 1, Spec("season", month=int(season), year_shift=int(shift))  # осы күзде, этим летом
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
        if own:                                 # предыдущего года: the document's, unless a period is reported
            return i + n_tok, Spec(grain, compare=shift, year_shift=shift if grain == "year" else None,
                                   shift=None if grain == "year" else shift)
        return i + n_tok, Spec(grain, compare=shift)

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

    def _season(self, doc, i, nums):
        season = self._word(self.seasons, doc, i)
        if season is None or not doc[i].is_alpha:
            return None
        part = self._word(self.parts, doc, i + 1) if self.lang == "kk" else None
        if part is not None and self._unit(doc, i + 2) == "month":    # күздің алғашқы айларында
            return i + 3, Spec("season", month=int(season), part=part, approx=True)
        return self._maybe_year(doc, i + 1, nums, Spec("season", month=int(season)))

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


def _in_parentheses(doc, i: int, j: int) -> bool:
    return (i > 0 and doc[i - 1].text == "(") or (j < len(doc) and doc[j].text == ")")


def _year_like(n: NumberSpan) -> bool:
    return n.value == int(n.value) and 1000 <= n.value <= 2200 and (n.scale == 1 or bool(n.words))


def _grain_shift(text: str, lang: str) -> tuple[str, int]:
    """"year -1" → ("year", -1); a malformed value names the file."""
    parts = text.split()
    if len(parts) != 2 or parts[0] not in GRAINS or not parts[1].lstrip("+-").isdigit():
        raise PatternError(f"patterns/{lang}/periods.yaml: relative: expected 'grain shift' "
                           f"(grain one of {', '.join(GRAINS)}), got {text!r}")
    return parts[0], int(parts[1])
