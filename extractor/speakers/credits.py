"""Credit lines: where a statement stops because an outlet is credited after it (`…, сообщает
ТАСС`, `…, деп хабарлайды Kazinform`), the outlet it names, an attribution that closes a sentence
(`…, пишет Deutsche Welle`) and whom an outlet cites (`со ссылкой на …`). A mixin of SpeakerRules,
used by the statements (statements.py)."""
from __future__ import annotations

import regex

from .antecedents import with_quoted_name
from .quotes import QuoteMatch
from .ru_tags import first_tag
from .sources import Speaker
from .text import WORD, _trim, _word_range

CITING = regex.compile(r"[»\"]?\s+со\s+ссылкой\s+на\s+")      # сообщает X со ссылкой на Y


class CreditLines:
    """Closing credit lines and trailing attributions (a mixin of SpeakerRules)."""

    def _credit(self, text, words, starts, s, e, hi) -> int:
        """Where a closing credit line begins (…, сообщает ТАСС; …, передает корреспондент Zakon.kz):
        the offset of its comma, or e when the sentence has none. A statement never runs over it."""
        comma = text.rfind(",", s, e)
        for _ in range(3):                                   # …, передает РИА Новости со ссылкой на X, которое …
            if comma < 0:
                return e
            a = _word_range(starts, comma, e)[0]
            opened = text.count("«", s, comma) - text.count("»", s, comma)
            if a < hi and hi - a <= 16 and opened <= 0 and words[a].text[:1].islower() and \
                    first_tag(words[a].text).POS == "VERB" and self._verb(words, a, a + 1) is not None and \
                    self._credit_source(text, words, starts, comma, e, hi, [], s) is not None:
                return comma                                 # (not «…, говорят врачи» inside a quote; not
            comma = text.rfind(",", s, comma)                # …, уверены в …: no outlet after the verb)
        return e

    def _closing_credit(self, text, words, starts, body, e, lo, hi, people, s) -> tuple[int, Speaker | None]:
        """Where a statement ends before a closing credit line, and the outlet it names:
        `…, передает Kazinform`, `…, деп хабарлайды Kazinform тілшісі` (the outlet goes in `via`)."""
        if self.lang == "ru":
            end = self._credit(text, words, starts, body, e, hi)
            return end, (self._credit_source(text, words, starts, end, e, hi, people, s) if end < e else None)
        c = self._kk_credit_at(text, words, max(lo, _word_range(starts, body, e)[0]), hi)
        if c is None:
            return e, None
        via = self.kk_source_after(text, words, c + 2, hi, people, None, s, to_end=True)
        return (words[c - 1].end, via) if via is not None else (e, None)

    def _kk_credit_at(self, text, words, lo, hi) -> int | None:
        """The `деп` of a Kazakh credit line closing words[lo:hi] (…, деп хабарлайды Kazinform)."""
        return next((c for c in range(max(lo + 2, hi - 6), hi - 1) if words[c].text.lower() == "деп"
                     and "," in text[words[c - 1].end:words[c].start] and self._verb(words, c + 1, c + 2)), None)

    def _credit_source(self, text, words, starts, comma, e, hi, people, s) -> Speaker | None:
        """The outlet of a credit line after `comma` (…, сообщает агентство Рейтер)."""
        a = _word_range(starts, comma, e)[0]
        verb = self._verb(words, a, a + 1)
        if verb is None:
            return None
        spk = self.ru_source(text, words, verb[1], verb[2], verb[2], hi, people, None, s, right_first=True)
        return with_quoted_name(text, spk) if spk is not None and spk.start > words[verb[1]].start else None

    def _citing(self, text, words, starts, q, e, hi, people, last) -> None:
        """сообщают СМИ со ссылкой на его жену …: the source as written takes in whom it cites
        (one statement is one record; the speaker stays the outlet)."""
        m = CITING.match(text, q.speaker.end)
        if m is None:
            return
        a = _word_range(starts, m.end(), e)[0]
        end = a
        while end < hi and end - a < 8 and text[words[end].start - 1] != ",":
            end += 1
        if end == a:
            return
        q.speaker.end = words[end - 1].end
        if m.group().startswith(("»", '"')) and q.speaker.start > 0 and text[q.speaker.start - 1] in "«\"":
            q.speaker.start -= 1                             # «Медиазона» со ссылкой на …: both marks
        q.speaker.text = text[q.speaker.start:q.speaker.end]

    def _trailing(self, text, words, starts, s, e, lo, hi, people, last) -> QuoteMatch | None:
        """An attribution closing the sentence after a comma: …, пишет Deutsche Welle."""
        comma = text.rfind(",", s, e)
        for _ in range(5):
            if comma < 0:
                return None
            a = _word_range(starts, comma, e)[0]
            verb = self._verb(words, a, min(hi, a + 1))
            if verb is not None:
                spk = self.ru_source(text, words, verb[1], verb[2], verb[2], hi, people, last, s, right_first=True)
                body = _trim(text, s, comma)
                if spk is None or spk.start < words[verb[1]].start or len(WORD.findall(text, *body)) < 3 or \
                        _oblique_person(spk):
                    return None
                return QuoteMatch(*body, False, verb[0], spk)
            comma = text.rfind(",", s, comma)
        return None


def _oblique_person(spk: Speaker | None) -> bool:
    """A person written in another case than their name's (позицию Сешнса): after a Russian
    verb that closes the sentence, an object, never its subject."""
    if spk is None or spk.kind != "person" or not spk.text[:1].isupper():
        return False                                     # (официальные лица: a common noun)
    return spk.text.split()[-1] != spk.name.split()[-1]
