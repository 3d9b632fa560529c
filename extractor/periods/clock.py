"""Clock times: `сағат 15:00-де`, `таңғы 9-да`, `10:00-ден 18:00-ге дейін`,
`в 15:30`, `с 10:00 до 18:00`, `в 7 утра`, `в 19 часов`, `по времени Астаны`.

A time is a period of hour or minute grain on a day: the day of a date right
before it (`5 декабря в 10:00`), else the document date. The times are
`start_time` / `end_time` ("HH:MM"); `timezone` is the IANA name when the text
names one. A bare hour needs a word that makes it a clock time (сағат, таңғы,
утра, в … часов); `15.30` needs one too (it could be a decimal), `15:30` does not.
The words are in patterns/<lang>/periods.yaml (`clock_words`, `day_parts`, `timezones`).
"""
from __future__ import annotations

import regex

from ..lexicon import Lexicon
from ..patterns import load
from .spec import DASHES, KK_FROM

CLOCK = regex.compile(r"([01]?\d|2[0-3])([:.])([0-5]\d)")
RU_AT = frozenset({"в", "во", "к", "около", "после", "с", "со", "от", "до"})


class ClockRules:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "periods")
        self.words = Lexicon(lang, data.get("clock_words", {}))        # сағат, таңғы; час
        self.day_parts = Lexicon(lang, data.get("day_parts", {}))       # утра, вечера (after the hour)
        self.timezones = Lexicon(lang, data.get("timezones", {}))
        self.until = Lexicon(lang, {w: v for w, v in data.get("after_words", {}).items() if v == "until"})
        self.starters = frozenset(w.split()[0] for w in data.get("clock_words", {}))

    def read(self, doc, i: int, nums) -> tuple[int, int, str | None, str | None, str, str | None] | None:
        """(start token, end token, start HH:MM, end HH:MM, grain, timezone) of a time at token i."""
        first, tentative = self._one(doc, i, nums), False
        if first is None and self.lang == "ru" and doc[i].text.lower() in ("с", "со", "от"):
            first, tentative = self._one(doc, i, nums, bare=True), True   # с 9 до 18 часов
        if first is None:
            return None
        end, start_time, grain, prep, _ = first
        end_time = start_time
        ablative = self.lang == "kk" and doc[end - 1].text.lower().endswith(KK_FROM)
        second = None
        if end < len(doc) and (doc[end].text in DASHES or
                               self.lang == "ru" and prep in ("с", "со", "от") and doc[end].text.lower() == "до"):
            second = self._one(doc, end + 1, nums, bare=True)         # с 10:00 до 18:00, 10:00–18:00
        elif ablative:
            second = self._one(doc, end, nums, bare=True)             # 10:00-ден 18:00-ге дейін
        if tentative and (second is None or second[4] is None and second[2] == "hour"):
            return None                                                # с 9 до 18 лет: no clock
        if second is not None:
            end, end_time, grain2, _, _ = second
            grain = "minute" if "minute" in (grain, grain2) else "hour"
        bound = self.until.match(doc, end)
        if bound is not None:
            end += bound[1]
            if second is None:
                start_time = None                                      # 18:00-ге дейін: until then
        elif self.lang == "ru" and prep == "до" and second is None:
            start_time = None
        zone = None
        got = self.timezones.match(doc, end)
        if got is not None:
            zone, end = got[0], end + got[1]                          # в 15:00 по времени Астаны
        start = i
        for k in range(max(0, i - 4), i):                             # Астана уақытымен сағат 15:00-де
            got = self.timezones.match(doc, k)
            if got is not None and k + got[1] == i:
                zone, start = got[0], k
                break
        return start, end, start_time, end_time, grain, zone

    def _one(self, doc, i: int, nums, bare: bool = False):
        """(end, "HH:MM", grain, preposition) of one clock time at token i."""
        if i >= len(doc):
            return None
        prep = None
        if self.lang == "ru" and doc[i].text.lower() in RU_AT:
            prep, i = doc[i].text.lower(), i + 1
        cue = None
        while i < len(doc) and (word := self.words.match(doc, i)) is not None:
            cue = word[0] if cue in (None, "clock") else cue                # таңғы сағат 9-да
            i += word[1]
        if i >= len(doc):
            return None
        m = CLOCK.fullmatch(doc[i].text)
        if m is not None:
            if m[2] == "." and cue is None and (prep is None and not bare or self._word_after(doc, i + 1)):
                return None                                          # 15.30 alone, до 11.29 миллиарда: decimals
            hour, minute, end, grain = int(m[1]), int(m[3]), i + 1, "minute"
        else:
            n = nums.get(i)
            if n is None or n.ordinal or n.value != int(n.value) or not 0 <= n.value <= 24 \
                    or doc[n.tok_start].text[:1] in "+-−":
                return None                                          # күндізгі +3: a temperature, not 15:00
            hour, minute, end, grain = int(n.value), 0, n.tok_end, "hour"
        if end < len(doc) and doc[end].text.startswith("-") and doc[end].text[1:].isalpha() and m is not None:
            end += 1                                                 # 15:00-де (a number keeps its own ending)
        hour_word = self.words.match(doc, end) if self.lang == "ru" else None    # kk 9 сағат: 9 hours
        if hour_word is not None and hour_word[0] == "clock":
            end += hour_word[1]                                      # в 19 часов
            cue = cue or "clock"
        part = self.day_parts.match(doc, end)
        if part is not None:
            end += part[1]                                           # в 7 утра
            cue = part[0]
        if grain == "hour" and cue is None and not bare:
            return None                                              # a bare number is no time
        if grain == "hour" and self.lang == "ru" and cue == "clock" and prep not in ("в", "во", "к", "около", "с", "со") \
                and not bare:
            return None                                              # до 3 часов may be a length
        hour = _day_part(hour, cue)
        if hour is None:
            return None
        return end, f"{hour:02d}:{minute:02d}", grain, prep, cue


    def _word_after(self, doc, k: int) -> bool:
        """Is token k a word that is no clock word (миллиарда, раза, %)? Then 11.29 before it is a decimal."""
        if k >= len(doc):
            return False
        text = doc[k].text
        if text.startswith("-") or not (text[:1].isalpha() or text[:1] == "%"):
            return False                                             # 15.30-да, 15.30.
        if any(lex.match(doc, k) for lex in (self.words, self.day_parts, self.timezones)):
            return False
        if self.lang == "ru" and text.isalpha():
            from ..numerals.ru import parses
            got = parses(text.lower())
            if got and got[0].tag.POS == "VERB":
                return False                                         # в 15.30 начнётся: a verb measures nothing
        return True


def _day_part(hour: int, cue: str | None) -> int | None:
    """The 24-hour clock for an hour said with a part of the day (кешкі 7 → 19, в 3 дня → 15)."""
    if hour == 24:
        return 0
    if cue == "evening" and 1 <= hour <= 11:
        return hour + 12
    if cue == "afternoon" and 1 <= hour <= 7:
        return hour + 12
    if cue == "night":
        return hour + 12 if 9 <= hour <= 11 else (0 if hour == 12 else hour)
    if cue == "morning" and hour > 12:
        return None                                                  # таңғы 15: no such morning hour
    return hour
