"""The cores of time expressions: one rule per kind (a year, a day and month, a
relative word, a shifted unit, a part of a year …), each returning (end, Spec |
Duration | "age") or None; the cores that start with a number are in numbers.py.
The words are in patterns/<lang>/periods.yaml."""
from __future__ import annotations

import functools
from dataclasses import replace

import regex

from ..lexicon import Lexicon, WordMemo
from ..patterns import PatternError, load
from .numbers import KK_GENITIVE_ENDINGS, NumberCores, _year_like
from .spec import DASHES, GRAINS, ROMAN, ROMAN_UPPER, Duration, Spec

MONTH_DASH = regex.compile(r"[-–—]")
KK_PLURAL = regex.compile(r"(?:лар|лер|дар|дер|тар|тер)")


class Reader(NumberCores):
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = self.data = load(lang, "periods")
        self.units = Lexicon(lang, data.get("time_units", {}))
        self.ages = Lexicon(lang, {w: "age" for w in data.get("ages", [])})
        self.months = Lexicon(lang, data.get("months", {}))
        self.weekdays = Lexicon(lang, data.get("weekdays", {}))
        self.weekends = Lexicon(lang, {w: True for w in data.get("weekends", [])})   # after a shift word only
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
        self.same_period = Lexicon(lang, {w: True for w in data.get("same_period", [])})
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
                        "recurring", "every_before", "vague_numbers", "halves", "quarters", "comparisons", "weekends"):
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
                            "seasons", "anaphoric", "recurring", "every_before", "vague_numbers", "weekends")]
        self._section_rules = [
            ("comparisons", self._comparison), ("months", self._month_core), ("weekdays", self._weekday), ("relative", self._relative_word),
            ("shifts", self._shifted_unit), ("roman", self._roman_part), ("parts", self._part_first),
            ("time_units", self._part_first), ("anaphoric", self._anaphoric), ("recurring", self._recurring),
            ("every_before", self._recurring), ("time_units", self._recurring), ("seasons", self._season),
            ("vague_numbers", self._vague_duration), ("weekends", self._weekend)]

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
        parted = self._part_after(doc, end, Spec("month", month=int(month)))
        if parted is not None:
            return parted                                   # қараша айының басында, тамыздың соңында
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
            day_month = self._month_after_day(doc, n.tok_end)
            if day_month is not None:                       # биылғы жылдың 27 сәуіріне дейін
                return n.tok_end + 1, replace(spec, grain="day", month=int(day_month), day=int(n.value))
        months = self._month_range(doc, j) if self.lang == "kk" else None
        if months is not None:                              # биыл қыркүйек-қазан айлары аралығында
            return months[0], replace(spec, grain="month", month=months[1], to_month=months[2])
        month = self._word(self.months, doc, j) if self.lang == "kk" else None
        if month is not None:
            end = j + 1 + (self._unit(doc, j + 1) == "month")
            return end, replace(spec, grain="month", month=int(month))
        part = self._word(self.parts, doc, j)
        if part is not None:
            return j + 1, replace(spec, part=part)
        return j, spec

    def _part_after(self, doc, j, spec: Spec):
        """kk: a part after a genitive month (қараша айының басында, тамыздың соңында,
        осы айдың ортасында): (end, spec with the part), else None. Without this the part
        word is read alone, and соңында "after" would start the period at the next month."""
        if self.lang != "kk" or j >= len(doc) or not doc[j - 1].text.lower().endswith(KK_GENITIVE_ENDINGS[:6]):
            return None
        part = self._word(self.parts, doc, j)
        return None if part is None else (j + 1, replace(spec, part=part))

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


def _grain_shift(text: str, lang: str) -> tuple[str, int]:
    """"year -1" → ("year", -1); a malformed value names the file."""
    parts = text.split()
    if len(parts) != 2 or parts[0] not in GRAINS or not parts[1].lstrip("+-").isdigit():
        raise PatternError(f"patterns/{lang}/periods.yaml: relative: expected 'grain shift' "
                           f"(grain one of {', '.join(GRAINS)}), got {text!r}")
    return parts[0], int(parts[1])
