"""The cores of time expressions: one rule per kind (a year, a day and month, a
relative word, a shifted unit, a part of a year …), each returning (end, Spec |
Duration | "age") or None. This module holds the lexicons and picks the rules a word can
begin; the rules are in numbers.py (cores that start with a number), calendar_words.py
(months, weekdays, weekends, seasons, parts) and relative_words.py (relative words, shifted
units, comparison bases, recurring and vague times). The words are in patterns/<lang>/periods.yaml."""
from __future__ import annotations

import functools

from ..lexicon import Lexicon, WordMemo
from ..patterns import load
from .calendar_words import MONTH_DASH, CalendarCores
from .numbers import NumberCores
from .relative_words import RelativeCores, _grain_shift
from .spec import ROMAN_UPPER


# accusative and plural endings: a month word never takes them in a date (5 қазанды: the boiler)
KK_NOUN_ENDINGS = frozenset({"ды", "ді", "ны", "ні", "ты", "ті", "дар", "дер", "лар", "лер", "тар", "тер"})

class Reader(NumberCores, CalendarCores, RelativeCores):
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = self.data = load(lang, "periods")
        self.units = Lexicon(lang, data.get("time_units", {}))
        self.ages = Lexicon(lang, {w: "age" for w in data.get("ages", [])})
        self.months = Lexicon(lang, data.get("months", {}))
        self.weekdays = Lexicon(lang, data.get("weekdays", {}))
        self.weekends = Lexicon(lang, {w: True for w in data.get("weekends", [])})   # алдағы демалыс күндері, в выходные
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
        # _word(lex, doc, i) is asked of the same token texts again and again (by every core rule):
        # one WordMemo per word list, so a seen text is a dict lookup
        self._word_values = _MemoPerLexicon(self._word_value)
        self.is_time_word = WordMemo(self._is_time_word, 20_000).__getitem__    # after every number
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
        return self._word_values[lex][doc[i].text]

    def _word_value(self, lex: Lexicon, text: str):
        """What `_word` answers for a token with this text (remembered per word list)."""
        if text.startswith("-") and len(text) > 1:
            text = text[1:]
        return None if self._not_time(text) else lex.contains(text)

    def is_time_word(self, text: str) -> bool:
        """A time unit, month or age word (жылы, айында, ноября, жасар): a number before it is
        not a count. No `not_time` filter here: айлық after a number is still not a count.
        (Replaced by its memo per instance.)"""
        return self._is_time_word(text)

    def _is_time_word(self, text: str) -> bool:
        return any(lex.contains(text) is not None for lex in (self.units, self.months, self.ages))

    def month_is_noun(self, doc, i: int) -> bool:
        """kk: 63 қазан орнатылды, 5 қазанды жөндеді: a month word that is also a common noun
        (қазан "boiler", май "oil"; `ambiguous`) with an accusative or plural ending, or with a
        verb right after it, is that noun, so the number before it counts it."""
        if self.lang != "kk" or i >= len(doc):
            return False
        keys = self.months.keys(doc[i].text) & self.ambiguous
        if not keys:
            return False
        ending = doc[i].text.lower()[len(min(keys, key=len)):]
        if ending in KK_NOUN_ENDINGS:
            return True
        if not ending and i + 1 < len(doc):
            from .tense import kk_is_verb
            return kk_is_verb(doc[i + 1].text.lower())
        return False

    def _not_time(self, text: str) -> bool:
        low = text.lower()
        return low in self.not_time_words or low.startswith(self.not_time_prefixes or ("\0",))

    def _unit(self, doc, i: int) -> str | None:
        return self._word(self.units, doc, i)


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


class _MemoPerLexicon(dict):
    """`memos[lex][text]`: value(lex, text), remembered in a bounded WordMemo per word list."""

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value

    def __missing__(self, lex: Lexicon) -> WordMemo:
        memo = self[lex] = WordMemo(functools.partial(self.value, lex), 20_000)
        return memo
