"""Periods, dates and durations in a tokenized sentence, resolved against the document date.

A time expression is read in two steps. First its *core*: a year
(`2024 жылы`, `екі мың он жетінші жылы`, `в 2018 году`), a day and month
(`22 қараша`, `қарашаның 22-сі`, `14 августа 1945 года`, `22.11.2024`), a month,
a weekday, a part of a year (`2024 жылдың 8 айында`, `бірінші тоқсанда`,
`I квартал`), a relative word (`биыл`, `былтыр`, `вчера`), a shifted unit
(`өткен жылы`, `в прошлом году`) or a duration (`14 күн`, `три месяца`).
Then the words around it that shape its meaning and belong to its span: ranges
(`2020-2024 жылдары`, `с 2009 по 2013 год`), bounds (`2030 жылға дейін`,
`с 2020 года`, `жыл басынан бері`) and `назад` / `бұрын` / `кейін`.

Cores become a `Spec` (what the text says); `resolve` turns a Spec into
inclusive ISO dates with the document date. Full dates with a month name go
through dateparser first (it knows every month form in both languages);
the project's own components are the fallback for Kazakh inflected forms
(`қарашаның 22-сінде`) that dateparser does not read. dateparser never sees a
bare number. All words are in patterns/<lang>/periods.yaml.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass, replace
from itertools import compress
from operator import attrgetter

import regex

from .lexicon import Lexicon, WordMemo
from .numerals.scan import NumberSpan
from .patterns import PatternError, load

GRAINS = ("day", "week", "month", "quarter", "half", "year", "decade", "century")
DIGITAL_DATE = regex.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_UPPER = frozenset(r.upper() for r in ROMAN)
PLURAL_YEARS = ("жылдар", "годы", "годах", "годов", "годам", "годами", "гг")   # 90-жылдары, 90-е годы
LIST_JOINERS = frozenset({",", "и", "және", "мен", "бен", "пен"})
DASHES = frozenset("-–—")


@dataclass(frozen=True)
class Spec:
    """What a time expression says, before the document date is applied."""
    grain: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    upto_month: int | None = None      # the first N months of the year
    shift: int | None = None           # relative to the document date, in grains
    weekday: int | None = None
    part: str | None = None            # start | end | middle
    to_year: int | None = None         # a span of years: 2020-2024 жылдары
    year_shift: int | None = None      # the year relative to the document's: былтыр, в мае прошлого года
    anaphoric: bool = False            # сол күні, в тот же день: a time named earlier, not resolved
    every: bool = False                # жыл сайын, ежегодно: recurs, no dates


@dataclass(frozen=True)
class Duration:
    value: float | None                # None: бірнеше жыл, несколько дней
    unit: str
    min: float | None = None
    max: float | None = None


@dataclass
class PeriodMatch:
    kind: str                  # period | duration | age (an age gives no record)
    tok_start: int
    tok_end: int               # exclusive
    start_date: str | None = None
    end_date: str | None = None
    grain: str | None = None
    relative: bool = False
    recurring: bool = False
    value: float | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None


class PeriodRules:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "periods")
        self.units = Lexicon(lang, data.get("time_units", {}))
        self.ages = Lexicon(lang, {w: "age" for w in data.get("ages", [])})
        self.young_adjectives = frozenset(data.get("young_adjectives", []))
        self.young_nouns = frozenset(data.get("young_nouns", []))
        self.young_noun_endings = tuple(sorted(data.get("young_noun_endings", []), key=len, reverse=True))
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
                        "recurring", "every_before", "vague_numbers", "halves", "quarters"):
            for phrase in data.get(section, {}):
                words = phrase.split()
                # в тот же день: the word after a preposition is what makes it worth a look
                starters[words[1] if len(words) > 1 and words[0] in before else words[0]] = True
        self.starters = Lexicon(lang, starters)
        self.may_start = functools.lru_cache(maxsize=20_000)(self._may_start)
        self.worth_a_look = WordMemo(lambda text: self.may_start(text) or text.lower() in self.before_first,
                                     20_000)       # asked of every token of every window
        self._word_rules = functools.lru_cache(maxsize=20_000)(self._rules_for)
        # which rules a starting word can begin: only those are tried at a token
        self.section_lexicons = [
            (section, Lexicon(lang, {phrase.split()[0]: True for phrase in data.get(section, {})}))
            for section in ("time_units", "months", "weekdays", "relative", "shifts", "parts", "seasons",
                            "anaphoric", "recurring", "every_before", "vague_numbers")]
        self._section_rules = [
            ("months", self._month_core), ("weekdays", self._weekday), ("relative", self._relative_word),
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

    def young_adjective(self, doc, i: int) -> bool:
        """12 жас таеквондошы: жас is "young" before a person noun, so the number counts them."""
        if i + 1 >= len(doc) or doc[i].text.lower() not in self.young_adjectives:
            return False
        noun = doc[i + 1].text
        if not (noun.isalpha() and noun.islower()):
            return False
        return noun in self.young_nouns or len(noun) >= 6 and noun.endswith(self.young_noun_endings)

    def is_time_word(self, text: str) -> bool:
        """A time unit, month or age word (жылы, айында, ноября, жасар): a number before it is
        not a count. No `not_time` filter here: айлық after a number is still not a count."""
        return any(lex.contains(text) is not None for lex in (self.units, self.months, self.ages))

    def _not_time(self, text: str) -> bool:
        low = text.lower()
        return low in self.not_time_words or low.startswith(self.not_time_prefixes or ("\0",))

    def _unit(self, doc, i: int) -> str | None:
        return self._word(self.units, doc, i)

    # -- main ---------------------------------------------------------------
    def find(self, doc, numbers: list[NumberSpan], doc_date: dt.date | None) -> list[PeriodMatch]:
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
            listed = self._year_list(doc, i, nums, doc_date) if i in nums else None
            if listed:
                out += listed
                i = listed[-1].tok_end
                continue
            m = self._expression(doc, i, nums, doc_date)
            if m is None:
                continue
            out.append(m)
            i = m.tok_end
        return out

    def _may_start(self, text: str) -> bool:
        """A cheap test before the rules: a time word, a Roman numeral or a digital date."""
        return text[:1].isdigit() or text in ROMAN_UPPER or bool(self.starters.keys(text))

    def _expression(self, doc, i, nums, doc_date) -> PeriodMatch | None:
        """A whole time expression starting at token i: [before word] core [range] [after word]."""
        before = self.before_words.match(doc, i)
        if before is not None:
            role_before, n_tok = before
            core = self._core(doc, i + n_tok, nums)
            if core is None and role_before in ("after", "during"):
                unit = self._unit(doc, i + n_tok)         # через год, в течение недели: one unit
                if unit is not None and doc[i + n_tok].is_alpha:
                    core = i + n_tok + 1, Duration(1, unit)
            if core is not None:
                return self._finish(doc, i, core, role_before, nums, doc_date)
        core = self._core(doc, i, nums)
        if core is None:
            unit = self._unit(doc, i)
            after = self.after_words.match(doc, i + 1) if unit is not None and doc[i].is_alpha else None
            if after is not None and after[0] in ("ago", "after"):
                core = i + 1, Duration(1, unit)           # год назад, жыл бұрын
        return None if core is None else self._finish(doc, i, core, None, nums, doc_date)

    def _finish(self, doc, start, core, role_before, nums, doc_date) -> PeriodMatch:
        end, what = core
        if what == "age":
            return PeriodMatch("age", start, end)
        if isinstance(what, Duration):
            value, unit = what.value, what.unit
            if self.lang == "ru" and unit == "year" and role_before in ("in", "since") \
                    and doc[start].text.lower() in ("в", "во", "с", "со") \
                    and value is not None and value < 150:
                return PeriodMatch("age", start, end)   # в 13 лет, с 14 лет: an age
            role = role_before
            after = self.after_words.match(doc, end)
            if after is not None:
                role, n_tok = after[0], after[1]
                end += n_tok
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
        elif end < len(doc) and self.lang == "kk" and doc[end - 1].text.lower().endswith(("дан", "ден", "тан", "тен", "нан", "нен")):
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
        role = None if spec.to_year else role_after or role_before
        if last is not spec and spec.year is None and spec.year_shift is None and last.year is not None:
            spec = replace(spec, year=last.year)        # с 16 апреля по 21 апреля 2016 года
        first_range = resolve(spec, doc_date)
        last_range = resolve(last, doc_date) if last is not spec else first_range
        relative = spec.year is None or last.year is None
        if first_range is None or last_range is None:
            return PeriodMatch("period", start, end, None, None, spec.grain, True)
        a, b = first_range[0], last_range[1]
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
        return PeriodMatch("period", start, end, a and a.isoformat(), b and b.isoformat(), spec.grain, relative)

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
        if text in ROMAN_UPPER:
            sections.add("roman")
        return tuple(rule for name, rule in self._section_rules if name in sections)

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
        if partner is not None and not partner.ordinal:
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
        if _year_like(n) and not n.words and not n.ordinal and _in_parentheses(doc, i, j):
            return j, Spec("year", year=int(n.value))       # «Фильм» (2006)
        if _year_like(n):
            year = int(n.value)
            if unit == "year":
                return self._year_continues(doc, j + 1, nums, Spec("year", year=year))
            if self.lang == "ru" and (j >= len(doc) or not doc[j].is_alpha) and i > 0 and \
                    doc[i - 1].text.lower() in ("в", "с", "до", "по", "к") and not n.words and n.value >= 1800:
                return j, Spec("year", year=year)          # в 1929, (с 1985 по 1990)
        day = int(n.value) if n.value == int(n.value) and 1 <= n.value <= 31 else None
        month = self._word(self.months, doc, j)
        if day is not None and month is not None:           # 22 қараша [2024 жыл], 14 августа 1945 года
            return self._maybe_year(doc, j + 1, nums, Spec("day", month=int(month), day=day), first=i)
        if unit == "month" and self.lang == "ru" and 1 <= n.value <= 12 and not n.ordinal:
            year = nums.get(j + 1)                           # за 8 месяцев 2024 года
            if year is not None and _year_like(year) and self._unit(doc, year.tok_end) == "year":
                return year.tok_end + 1, Spec("month", year=int(year.value), upto_month=int(n.value))
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
        out = []
        for n in chain:
            end = n.tok_end + (1 if n is chain[-1] else 0)
            a, b = resolve(Spec("year", year=int(n.value)), doc_date)
            out.append(PeriodMatch("period", n.tok_start, end, a.isoformat(), b.isoformat(), "year", False))
        return out

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
            month = self._word(self.months, doc, n.tok_end)
            if month is not None and 1 <= n.value <= 31:
                return n.tok_end + 1, Spec("day", year=y, month=int(month), day=int(n.value))
        month = self._word(self.months, doc, j)
        if month is not None:
            got = self._day_after_month(doc, j + 1, nums)
            if got is not None:
                return got[0], Spec("day", year=y, month=int(month), day=got[1])
            end = j + 1 + (self._unit(doc, j + 1) == "month")
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
                from .pipeline import span_text
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
        return self._maybe_year(doc, i + 1, nums, Spec("season", month=int(season)))

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
        from .numerals.ru import parses
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


# -- resolution ---------------------------------------------------------------
def resolve(spec: Spec, doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Inclusive (start, end) dates of a Spec, or None when it needs a date we do not know."""
    year = spec.year
    if spec.anaphoric or spec.every:
        return None
    if year is None:
        if doc_date is None:
            return None
        if spec.year_shift is not None:
            year = doc_date.year + spec.year_shift
        elif spec.shift is not None:
            anchor = _shift_date(doc_date, spec.grain, spec.shift)
            if anchor is None:
                return None
            return _part(_grain_range(anchor, spec.grain), spec.part)
        elif spec.weekday is not None:
            back = (doc_date.weekday() - spec.weekday) % 7
            day = doc_date - dt.timedelta(days=back)
            return day, day
        else:
            year = doc_date.year
            if spec.grain == "season" and spec.month == 12 and doc_date.month <= 2:
                year -= 1                                   # in February, "this winter" began last December
    try:
        if spec.grain == "season":
            last_year, last_month = (year + 1, spec.month - 10) if spec.month > 10 else (year, spec.month + 2)
            return _part((dt.date(year, spec.month, 1), _month_end(last_year, last_month)), spec.part)
        if spec.upto_month:
            rng = _upto(year, spec.upto_month)
        elif spec.day is not None and spec.month is not None:
            day = dt.date(year, spec.month, spec.day)
            rng = (day, day)
        elif spec.month is not None:
            rng = _grain_range(dt.date(year, spec.month, 1), "month")
        elif spec.quarter is not None:
            first = dt.date(year, 3 * spec.quarter - 2, 1)
            rng = (first, _month_end(year, 3 * spec.quarter))
        elif spec.half is not None:
            rng = (dt.date(year, 6 * spec.half - 5, 1), _month_end(year, 6 * spec.half))
        else:
            rng = (dt.date(year, 1, 1), dt.date(spec.to_year or year, 12, 31))
    except ValueError:
        return None                                     # 31 ақпан, year 0
    return _part(rng, spec.part)


def _upto(year: int, months: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), _month_end(year, months)


def _part(rng, part):
    """The first, last or middle third of a range (жылдың басында: Jan–Apr)."""
    if part is None:
        return rng
    a, b = rng
    third = (b - a).days // 3
    if part == "start":
        return a, a + dt.timedelta(days=third)
    if part == "end":
        return b - dt.timedelta(days=third), b
    return a + dt.timedelta(days=third + 1), b - dt.timedelta(days=third + 1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _grain_range(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    if grain == "day":
        return day, day
    if grain == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if grain == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if grain == "quarter":
        q = (day.month - 1) // 3
        return dt.date(day.year, 3 * q + 1, 1), _month_end(day.year, 3 * q + 3)
    if grain == "half":
        h = (day.month - 1) // 6
        return dt.date(day.year, 6 * h + 1, 1), _month_end(day.year, 6 * h + 6)
    if grain == "decade":
        y = day.year - day.year % 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if grain == "century":
        y = day.year - (day.year - 1) % 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _shift_date(day: dt.date, grain: str, amount: float) -> dt.date | None:
    """`day` moved by `amount` grains; None when the result is out of the calendar."""
    try:
        if grain == "day":
            return day + dt.timedelta(days=amount)
        if grain == "week":
            return day + dt.timedelta(weeks=amount)
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}.get(grain)
        if months is None or amount != int(amount):
            return None
        total = day.year * 12 + day.month - 1 + int(amount) * months
        year, month = divmod(total, 12)
        return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
    except (ValueError, OverflowError):
        return None


def _valid_date(year, month, day) -> bool:
    try:
        dt.date(year, month, day)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str, lang: str) -> dt.date | None:
    """A full date with day, month and year as dateparser reads it, or None."""
    import dateparser
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        got = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception:          # dateparser raises assorted errors on odd input; our parse stands
        return None
    return None if got is None else got.date()


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


@functools.lru_cache(maxsize=None)
def period_rules(lang: str) -> PeriodRules:
    return PeriodRules(lang)
