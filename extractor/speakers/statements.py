"""Indirect statements: `X айтуынша, …`, `по словам X, …`, `X заявил, что …`, `…, заявил посол X`,
`X заявил о …`, `Бұл туралы X мәлімдеді` (the sentence before), `X … екенін атап өтті`, and a
closing `…, сообщает X` (a mixin of SpeakerRules; quoted words are in quotes.py, credit lines
in credits.py)."""
from __future__ import annotations

import bisect

import regex

from .credits import _oblique_person
from .quotes import QUOTING, QuoteMatch
from .kk_endings import PARTICIPLE
from .ru_tags import first_tag
from .sources import Speaker
from .text import WORD, _overlaps, _trim, _word_range

THAT = regex.compile(r",\s*что\b")                     # X заявил, что …
POSSESSIVE = frozenset({"его", "её", "ее", "их"})         # по его словам
ABOUT = regex.compile(r"(?i)(?:о|об|обо|про)\b")           # заявил о готовности: what a statement is about


class StatementFinding:
    """Statements reported without quotation marks (a mixin of SpeakerRules)."""

    def _indirect(self, text, words, starts, people, covered, byline, direct, sentences, hits) -> list[QuoteMatch]:
        out = []
        last: Speaker | None = None
        direct = sorted(direct, key=lambda q: q.end)
        next_quote = 0
        sentence_starts = [a for a, _ in sentences]
        # only sentences holding a speech verb or marker can hold an attribution
        for k in sorted({bisect.bisect_right(sentence_starts, h) - 1 for h in hits} - {-1}):
            s, e = sentences[k]
            while next_quote < len(direct) and direct[next_quote].end <= s:
                if direct[next_quote].speaker is not None:   # the speaker of the last quote before here
                    last = direct[next_quote].speaker
                next_quote += 1
            if _overlaps(covered, s, e) or (byline and s <= byline.start < e):
                continue
            lo, hi = _word_range(starts, s, e)
            for i in self.according_to.starts_in(words, lo, hi):
                got = self.according_to.match(words, i)
                if got is None:
                    continue
                marker_end = words[i + got[1] - 1].end
                comma = text.find(",", marker_end, e)
                if self.lang == "ru":
                    # по словам Токаева, …: the speaker follows the marker, the statement follows the comma
                    spk = self._after_marker(text, words, starts, i, got[1], e if comma < 0 else comma, people,
                                             last, s)
                    body, body_end = comma + 1, e
                    if comma < 0 and text[s:words[i].start].strip(" ,—–-"):
                        body, body_end = s, words[i].start       # Экспорт вырос на 5%, по словам Токаева.
                    elif comma < 0:                          # По словам Токаева экспорт вырос: after the name
                        body = spk.end if spk is not None else e
                else:
                    # Президенттің айтуына қарағанда, …: the speaker comes before the marker
                    spk = self.speaker_in(text, words, lo, i, people, last, s) or \
                        self.kk_source_genitive(text, words, i, lo, people, last, s)
                    body = comma + 1 if 0 <= comma else marker_end
                inner = self._inner_report(text, words, starts, sentences, k, body, hi, people, last) \
                    if spk is not None and self.lang == "ru" else None
                if inner is not None:                        # Как сообщает РИА «Новости», Песков сказал, что …
                    inner.via = spk
                    out.append(inner)
                    last = inner.speaker
                    break
                if spk is not None:
                    end, via = self._closing_credit(text, words, starts, body, body_end if self.lang == "ru" else e,
                                                    lo, hi, people, s)
                    a, b = _trim(text, body, end)
                    if a < b:                                # never an empty statement
                        out.append(QuoteMatch(a, b, False, got[0], spk, via))
                        last = spk
                    break
            else:
                q = self._reported(text, words, starts, sentences, k, lo, hi, people, last)
                if q is not None:
                    out.append(q)
                    last = q.speaker
            if self.lang == "ru":
                if not out or out[-1].end <= s:              # …, сообщает агентство Рейтер (quotes never overlap)
                    t = self._trailing(text, words, starts, s, e, lo, hi, people, last)
                    if t is not None:
                        out.append(t)
                if out and out[-1].speaker is not None and s <= out[-1].speaker.start < e:
                    self._citing(text, words, starts, out[-1], e, hi, people, last)
        return out

    def _inner_report(self, text, words, starts, sentences, k, body, hi, people, last) -> QuoteMatch | None:
        """The statement of a person's reporting verb inside what an outlet reports: the person is
        its source, the outlet only the channel (Как сообщает РИА «Новости», Песков сказал, что …)."""
        a = _word_range(starts, body, sentences[k][1])[0]
        verb = self._verb(words, a, hi)
        if verb is None:
            return None
        q = self._reported_by(text, words, starts, sentences, k, a, hi, people, last, verb)
        # (По словам X, …, передает Kazinform: the statement before the credit is X's, not the outlet's)
        return q if q is not None and q.speaker is not None and q.speaker.start >= body and q.start >= body \
            else None

    def _after_marker(self, text, words, starts, i, n, comma, people, last, s) -> Speaker | None:
        """The source in `по словам X,`, `по его словам,`, `как сообщил в понедельник министр X,`."""
        end = _word_range(starts, words[i + n - 1].end, comma)[1]
        for k in range(i, i + n):                            # по его словам: the pronoun is in the marker
            if words[k].text.lower() in POSSESSIVE:
                w = words[k]
                ref = last or self._nearest_person(words, k, people)
                return Speaker(ref.name if ref else w.text, w.text, w.start, w.end,
                               ref.title if ref else None, kind="pronoun")
        spk = self.speaker_in(text, words, i + n, end, people, last, s)
        if spk is not None:
            return spk
        if words[i].text.lower() == "как":                   # как сообщил X: X agrees with the verb
            return self.ru_source(text, words, i + n - 1, i + n, i + n, end, people, last, s, right_first=True)
        if text[comma:comma + 1] != ",":
            end = min(end, i + n + 1)                        # по словам женщины на щеке …: no comma
        if i + n < end and end - (i + n) <= 6:               # по словам экспертов, по данным аналитиков
            head = words[i + n].text
            if text[comma:comma + 1] != "," and not (head[:1].isupper() or "anim" in first_tag(head)):
                return None                                  # … и по данным портфолио: not a source
            return self._ru_phrase(text, words, i + n, i + n, end, people, last, s)
        return None

    def _reported(self, text, words, starts, sentences, k, lo, hi, people, last) -> QuoteMatch | None:
        """The statement of the first reporting verb in the sentence that has one (Объясняя смерть …,
        газета процитировала письмо: not the gerund, the verb after it)."""
        start = lo
        for _ in range(3):
            verb = self._verb(words, start, hi)
            if verb is None:
                return None
            q = self._reported_by(text, words, starts, sentences, k, lo, hi, people, last, verb)
            if q is not None or self.lang == "kk":
                return q
            start = verb[2]
        return None

    def _reported_by(self, text, words, starts, sentences, k, lo, hi, people, last, verb) -> QuoteMatch | None:
        """Бұл туралы X мәлімдеді (the sentence before); X … атап өтті; X заявил, что …;
        …, заявил посол X (the words before); X заявил о … (the words after)."""
        s, e = sentences[k]
        _, vi, vj = verb
        for a in range(lo, min(lo + 3, hi)):                 # Бұл туралы X мәлімдеді; Ол бұл туралы … айтты
            about = self.about_this.match(words, a)
            if about is None:
                continue
            ps, pe = sentences[k - 1] if k > 0 else (s, s)
            if k == 0:
                return None
            if self.lang == "kk":                            # Бұл туралы X мәлімдеді; X осылай деді
                spk = self.kk_source_before(text, words, a + about[1] if a == lo else lo, vi, people, last, s)
            else:
                spk = self.speaker_in(text, words, lo, hi, people, last, s) if a > lo else \
                    self.speaker_in(text, words, a + about[1], hi, people, last, s)
            if spk is None:
                spk = self._source_of(text, words, vi, vj, a + about[1] if a == lo else lo, hi, people, last, s)
            if _overlaps(self._covered_spans, ps, pe):       # «…». Об этом пишет X: the quote is X's
                q = next((q for q in self._direct_found if q.start < pe and ps < q.end), None)
                if q is not None and q.speaker is None and spk is not None:
                    q.speaker = spk
                return None
            return None if spk is None else QuoteMatch(*_trim(text, ps, pe), False, verb[0], spk)
        if self.lang == "kk":
            return self._reported_kk(text, words, verb, s, e, lo, hi, people, last)
        if first_tag(words[vi].text).POS == "GRND":           # Сказав, что сделка закрыта, министр …
            that = THAT.match(text, words[vj - 1].end)
            start = that.end() if that else words[vj - 1].end
            main = next((m for m in range(vi - 1, lo - 1, -1) if first_tag(words[m].text).POS == "VERB"), None)
            if main is not None and "," in text[words[vi - 1].end:words[vi].start]:
                # Президент выступил на форуме, сказав, что …: the main clause's subject said it
                if that is None and not ABOUT.match(text, _trim(text, start, e)[0]):
                    return None
                spk = self._source_of(text, words, main, main + 1, lo, vi, people, last, s)
                end = self._credit(text, words, starts, start, e, hi)
                body = _trim(text, start, _clause_end(text, start, end))
                if spk is None or len(WORD.findall(text, *body)) < 2:
                    return None
                return QuoteMatch(*body, False, verb[0], spk,
                                  self._credit_source(text, words, starts, end, e, hi, people, s) if end < e else None)
            close = text.find(",", start, e)
            if close < 0 or (that is None and not ABOUT.match(text, _trim(text, start, e)[0])):
                return None
            a = _word_range(starts, close, e)[0]
            if vi > lo and "," in text[words[vi - 1].end:words[vi].start]:
                # Глава МВД, подчеркнув, что …, поблагодарил …: the subject before the insert
                main = next((m for m in range(a, hi) if first_tag(words[m].text).POS == "VERB"), None)
                spk = None if main is None else self.ru_subject_before(text, words, main, lo, vi, people, last, s)
                return None if spk is None else QuoteMatch(*_trim(text, start, close), False, verb[0], spk)
            k2 = self._ru_right(text, words, a, hi, None)
            if k2 is None:
                return None
            spk = self._ru_phrase(text, words, k2, a, hi, people, last, s)
            return QuoteMatch(*_trim(text, start, close), False, verb[0], spk)
        if vi > lo and words[vi - 1].text.lower() == "как":  # как утверждают в Odebrecht, …
            comma = text.find(",", words[vj - 1].end, e)
            if comma < 0:
                return None
            end = _word_range(starts, words[vj - 1].end, comma)[1]
            spk = self.ru_source(text, words, vi, vj, vj, end, people, last, s, right_first=True)
            return None if spk is None else QuoteMatch(*_trim(text, comma + 1, e), False, verb[0], spk)
        cut = vi                                             # where a statement before the verb ends
        for a in range(max(lo + 1, vi - 3), vi):             # …, об этом сообщают СМИ
            about = self.about_this.match(words, a)
            if about is not None and a + about[1] == vi:
                cut = a
                break
        gap = text[words[cut - 1].end:words[cut].start] if cut > lo else ""
        that = THAT.search(text, words[vj - 1].end, e)
        if that is not None and that.start() - words[vj - 1].end < 60:
            spk = self._source_of(text, words, vi, vj, lo, hi, people, last, s)
            end = self._credit(text, words, starts, that.end(), e, hi)   # …, сообщает ТАСС: not the statement
            if spk is None:
                return None
            return QuoteMatch(*_trim(text, that.end(), end), False, verb[0], spk,
                              self._credit_source(text, words, starts, end, e, hi, people, s) if end < e else None)
        if cut > lo and ("," in gap or "-" in gap):          # …, заявил посол Казахстана Даурен Абаев.
            spk = self.ru_source(text, words, vi, vj, vj, hi, people, last, s, right_first=True) or \
                self.speaker_in(text, words, vj, min(hi, vj + 10), people, last, s)
            if _oblique_person(spk):
                spk = None                                   # …, отмечают жесткую позицию Сешнса: an object
            end = words[cut].start
            while end > s and text[end - 1] in " \t,-":
                end -= 1                                     # …составила 0,7%, говорится …: up to the comma
            body = _trim(text, s, end)
            if spk is not None and len(WORD.findall(text, *body)) >= 3:
                return QuoteMatch(*body, False, verb[0], spk)
            return None
        spk = self._source_of(text, words, vi, vj, lo, hi, people, last, s)
        if spk is None:
            return None
        after = max(words[vj - 1].end, spk.end if spk.start > words[vi].start else 0)
        credit = self._credit(text, words, starts, after, e, hi)     # X заявил о …, сообщает Y
        body = _trim(text, after, _clause_end(text, after, credit))
        if len(WORD.findall(text, *body)) < 2 and spk.start > words[vi].start:
            body = _trim(text, s, words[vi].start)           # О смерти Мендонсы сообщила его дочь.
        if text[s:e].rstrip().endswith(":") and k + 1 < len(sentences):
            body = _trim(text, *sentences[k + 1])           # В канцелярии сообщили: the next sentence
        elif not ABOUT.match(text, body[0]) and verb[0] not in QUOTING and not self._content_object(text, body[0]):
            return None                                      # полиция уточняет обстоятельства: an object, no statement
        if len(WORD.findall(text, *body)) < 2:
            return None
        via = self._credit_source(text, words, starts, credit, e, hi, people, s) if credit < e else None
        return QuoteMatch(*body, False, verb[0], spk, via)

    def _content_object(self, text, at) -> bool:
        """An object that carries the statement (подчеркнул необходимость …, отметил важность …):
        a noun of `content_nouns` (patterns/ru/speakers.yaml) opening the words after the verb."""
        m = WORD.match(text, at)
        return m is not None and self.content_nouns.contains(m.group()) is not None

    def _reported_kk(self, text, words, verb, s, e, lo, hi, people, last) -> QuoteMatch | None:
        c = self._kk_credit_at(text, words, lo, hi)
        if c is not None:                                    # X … айтты, деп хабарлайды BAQ.KZ тілшісі: X's
            inner = self._verb(words, lo, c)
            if inner is not None and _at_end(words, inner[2], c, self.connectives) and inner[1] > lo \
                    and self.kk_statement_before(text, words, inner[1]):
                spk = self.kk_source_before(text, words, lo, inner[1], people, last, s)
                if spk is not None:
                    body = _trim(text, spk.end, words[inner[1]].start)
                    body = _trim(text, body[0], _strip_quotative(text, words, inner[1], body))
                    if len(WORD.findall(text, *body)) >= 2:
                        via = self.kk_source_after(text, words, c + 2, hi, people, None, s, to_end=True)
                        return QuoteMatch(*body, False, inner[0], spk, via)
        final = self._verb(words, max(lo, hi - 3), hi)       # the verb that ends the sentence, if any
        if final is not None and _at_end(words, final[2], hi, self.connectives) and final[1] > verb[1]:
            verb = final                                     # Осылай деген Елбасы … атап өтті
        _, vi, vj = verb
        if _at_end(words, vj, hi, self.connectives) and vi > lo:   # X … екенін атап өтті (ғой).
            if not self.kk_statement_before(text, words, vi):
                return None
            spk = self.kk_source_before(text, words, lo, vi, people, last, s)   # (not Оның бір арманы)
            if spk is not None and spk.start - s < 80:
                body = _trim(text, spk.end, words[vi].start)
                body = _trim(text, body[0], _strip_quotative(text, words, vi, body))
                if len(WORD.findall(text, *body)) >= 2:
                    return QuoteMatch(*body, False, verb[0], spk)
            return None
        if vj >= hi or vi == lo or not self.kk_statement_before(text, words, vi):
            return None                                      # өлең айтады, Әсет …: a song, not a statement
        if PARTICIPLE.search(words[vj - 1].text.lower()) and not self._kk_head(text, words, vj, people):
            return None                                      # деген мемлекет, деген тілектерін: "called"
        spk = self.kk_source_after(text, words, vj, hi, people, last, s, to_end=_ends_sentence(text, words, vj, hi))
        if spk is not None:                                  # …, деп хабарлайды BAQ.KZ тілшісі; деген тілегін жеткізді дәрігерлер
            body = _trim(text, s, _strip_quotative(text, words, vi, (s, words[vi].start)))
            if len(WORD.findall(text, *body)) >= 2:
                return QuoteMatch(*body, False, verb[0], spk)
        return None

    def _source_of(self, text, words, vi, vj, lo, hi, people, last, s) -> Speaker | None:
        """The source of a verb by grammar alone (Russian agreement, Kazakh word order)."""
        if self.lang == "ru":
            return self.ru_source(text, words, vi, vj, lo, hi, people, last, s)
        return self.kk_source_before(text, words, lo, vi, people, last, s) or \
            self.kk_source_after(text, words, vj, hi, people, last, s)


def _at_end(words, j, hi, particles) -> bool:
    """Nothing but particles (ғой, екен) after words[j-1] in the sentence."""
    return all(words[k].text.lower() in particles for k in range(j, hi))


def _ends_sentence(text, words, lo, hi) -> bool:
    """Do words[lo:hi] run to the sentence end with no comma (деп хабарлайды BAQ.KZ тілшісі.)?"""
    return hi - lo <= 6 and not any("," in text[words[k - 1].end:words[k].start] for k in range(lo + 1, hi))


def _clause_end(text: str, a: int, e: int) -> int:
    """Where the clause starting at a ends: the sentence end, or `;`."""
    semi = text.find(";", a, e)
    return semi if semi >= 0 else e


def _strip_quotative(text, words, vi, body) -> int:
    """The end of a statement before its verb, without the quotative деп: … өсті деп айтты → … өсті."""
    end = body[1]
    if vi > 0 and words[vi - 1].text.lower() == "деп" and words[vi - 1].end <= end:
        end = words[vi - 1].start
    return end
