"""Finding quotes: «…», "…" and dialogue lines (`– …, – деді министр.`) with their attribution
(`», – деді Тоқаев`, `Токаев заявил: «…»`); then the indirect statements (statements.py) of
the sentences no quote covers."""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from .antecedents import whole_quoted, with_quoted_name
from .people import People
from .sources import Speaker
from .text import WORD, _adjacent, _sentence_end, _sentence_start, _word_range, words_of

INSIDE_ATTRIBUTION = regex.compile(r"[,.!?…] - ")
BLOCK = 1_000_000                                     # characters read at once for quotes
QUOTE_MARKS = regex.compile(r'[«»"]')
# the accusative of a noun after деген (тілегін, сөзін, мәселені): an object, so the quote is speech
ACCUSATIVE_KK = regex.compile(r"..(?:ын|ін|ны|ні|ды|ді|ты|ті)$")
QUOTATIVE = frozenset({"деп", "деді", "дейді", "деген"})   # kk: what follows a quote with no dash
# verbs with no agent: the statement is a document's (говорится в пресс-релизе, делінген хабарламада)
IMPERSONAL = frozenset({"говориться", "делінген", "делінді", "деп көрсетілген"})
QUOTING = frozenset({"процитировать", "цитировать"})    # their object is the statement: процитировала письмо
QUOTATIVE_LINE = regex.compile(r"[ \t]*[.,]?[ \t]*\n[ \t]*(?=(?:деп|деді|дейді)\b)")
CLOSE_THEN_DASH = regex.compile(r"[ \t]*[,.!?…]?[ \t]*-[ \t]*")


@dataclass
class QuoteMatch:
    start: int                 # normalized offsets of the quoted words or the attributed clause
    end: int
    direct: bool
    verb: str | None
    speaker: Speaker | None
    via: Speaker | None = None     # the outlet crediting the statement (…, сообщает ТАСС), when a speaker is named


@dataclass
class Byline:
    name: str
    start: int
    end: int



class QuoteFinding:
    """Quotes and statements of an article (a mixin of SpeakerRules)."""

    def find(self, text: str, sentences: list[tuple[int, int]] | None = None) -> tuple[list[QuoteMatch], Byline | None]:
        """Quotes and the byline of an article. A text longer than BLOCK characters (a whole
        archive pasted as one text) is read in blocks cut at line breaks, so memory stays
        proportional to a block; names then resolve within their block."""
        if len(text) <= BLOCK:
            return self._find(text, sentences)
        quotes: list[QuoteMatch] = []
        byline = None
        start = 0
        while start < len(text):
            end = min(len(text), start + BLOCK)
            if end < len(text):
                cut = text.rfind("\n", start + BLOCK // 2, end)
                end = cut + 1 if cut > 0 else end
            found, block_byline = self._find(text[start:end])
            for q in found:
                q.start += start
                q.end += start
                if q.speaker is not None:
                    q.speaker.start += start
                    q.speaker.end += start
            quotes += found
            if byline is None and block_byline is not None:
                byline = Byline(block_byline.name, block_byline.start + start, block_byline.end + start)
            start = end
        return quotes, byline

    def _find(self, text: str, sentences: list[tuple[int, int]] | None = None) -> tuple[list[QuoteMatch], Byline | None]:
        hits = self._trigger_positions(text)
        if not hits and not _has_quote_mark(text):
            return [], self.find_byline(text)
        words, starts = words_of(text)
        byline = self.find_byline(text)
        people = People(lambda: self.people(text, words))
        quotes: list[QuoteMatch] = []
        self._covered_spans: list[tuple[int, int]] = []
        last: Speaker | None = None
        covered: list[tuple[int, int]] = []
        segments = sorted(quote_segments(text) + dialogue_segments(text))
        for open_, close in segments:
            if covered and open_ < covered[-1][1]:
                continue                                     # a dialogue line holding a «…» quote
            q = self._direct(text, words, starts, open_, close, people, last, quotes)
            if q is not None:
                quotes.append(q)
                covered.append((open_, close + 1))
                self._covered_spans.append((q.start, q.end))
                last = q.speaker or last
        if sentences is None:
            from ..sentences import split_sentences
            sentences = split_sentences(text)
        self._direct_found = list(quotes)
        quotes += self._indirect(text, words, starts, people, covered, byline, list(quotes), sentences, hits)
        quotes.sort(key=lambda q: q.start)
        kept: list[QuoteMatch] = []
        for q in quotes:                                     # quote records never overlap
            if not kept or q.start >= kept[-1].end:
                kept.append(q)
                if q.speaker is not None:                    # Чиновник, Ведомство → who they name
                    self.resolve_role(text, words, starts, q.speaker, people)
                    if q.speaker.kind == "organization":
                        with_quoted_name(text, q.speaker)    # агентство «Казинформ»
        return kept, byline

    def _trigger_positions(self, text: str) -> list[int]:
        """Where speech verbs and attribution markers start, in one pass over the text."""
        low = text.lower()
        if len(low) != len(text):                # İ lowercases to two characters: offsets would shift
            return [m.start() for m in self.trigger.finditer(text)]
        return [m.start() for m in self.trigger_lower.finditer(low)]

    def find_byline(self, text: str) -> Byline | None:
        # the pattern needs one of the byline words as written: most texts have none, which
        # `in` (a substring search in C) tells faster than the pattern's search line by line
        if self.byline is None or not any(word in text for word in self.byline_words):
            return None
        m = self.byline.search(text)
        if m is None:
            return None
        return Byline(m.group(1).strip(), m.start(1), m.start(1) + len(m.group(1).strip()))

    def _kk_title_quote(self, text, words, lo, hi, people) -> bool:
        """`«…» деп аталатын`, `«…» деген кітап`: quotation marks around a title, "called X". Not when
        the noun after `деген` is an object in the accusative (деген тілегін жеткізді: "said, wishing")
        or names someone (деген министр: the minister who said it)."""
        if lo + 1 >= hi or not _adjacent(text, words[lo], words[lo + 1]):
            return False
        first, second = words[lo].text.lower(), words[lo + 1].text.lower()
        if first == "деп":
            return second.startswith("атал")                 # деп аталатын, деп аталған, деп аталады
        return first == "деген" and not ACCUSATIVE_KK.search(second) and \
            not self._kk_head(text, words, lo + 1, people)

    def _direct(self, text, words, starts, open_, close, people, last, previous) -> QuoteMatch | None:
        inner_start, inner_end = open_ + 1, close
        if inner_end - inner_start < 2:
            return None
        sentence_end = _sentence_end(text, close + 1)
        m = CLOSE_THEN_DASH.match(text, close + 1)
        after_lo = m.end() if m else close + 1
        if m is None and self.lang == "kk" and text[close + 1:close + 4].lstrip(" \t.,")[:1] == "\n":
            line = QUOTATIVE_LINE.match(text, close + 1)     # «…».⏎деп атап өтті X: the attribution's own line
            if line is not None:
                after_lo = line.end()
                sentence_end = _sentence_end(text, after_lo)
        lo, hi = _word_range(starts, after_lo, sentence_end)
        if m is None and self.lang == "kk" and self._kk_title_quote(text, words, lo, hi, people):
            return None                                      # «Жаңа дәуір» деген кітап: a name, not a quote
        verb = None
        if m is not None:
            verb = self._verb(words, lo, min(hi, lo + 4)) or \
                self._quote_verb(words, lo, min(hi, lo + 2))   # », – деді Тоқаев; », — обратился X к акиму
        elif self.lang == "kk" and lo < hi and words[lo].text.lower() in QUOTATIVE:
            verb = self._verb(words, lo, min(hi, lo + 5))      # » деп атап өтті; » деді (not » деп аталады)
        if verb is not None and verb[1] > lo and self.lang == "kk" and words[lo].text.lower() not in QUOTATIVE:
            verb = None                                      # », – Үкімет … деп: not a verb right after the dash
        if verb is not None and self.lang == "kk" and words[verb[1]].text.lower() == "деген" and verb[2] < hi \
                and _adjacent(text, words[verb[2] - 1], words[verb[2]]) \
                and not self._kk_head(text, words, verb[2], people):
            # «Менің атым – Қожа» деген кітап: "called"; unless a verb follows: деген тілегін жеткізді
            verb = self._verb(words, verb[2] + 1, min(hi, verb[2] + 3))
        sentence_start = _sentence_start(text, open_)
        colon = text[sentence_start:open_].rstrip().endswith(":")
        if verb is not None and verb[0] in IMPERSONAL:
            # «…», – делінген министрліктің хабарламасында / говорится в пресс-релизе АО «X»: the
            # document's owner, else nobody (never the previous speaker)
            end = min(hi, verb[2] + 8)
            speaker = self.speaker_in(text, words, verb[2], end - 1 if self.lang == "kk" else end, people, None, open_)
            if speaker is None and self.lang == "ru":       # в сообщении Минфина, в пресс-релизе АО «…»
                speaker = self.source_after(text, words, verb[1], verb[2], hi, people, None, open_)
            speaker = with_quoted_name(text, speaker)        # АО «Казавтожол»
            if speaker is not None and speaker.kind not in ("organization", "office", "group") and \
                    not any(p.name == speaker.name for p in people):
                speaker = None                               # (a person only if the article names them)
            return QuoteMatch(inner_start, inner_end, True, verb[0], speaker)
        if verb is not None:
            speaker = self.speaker_in(text, words, verb[2], min(hi, verb[2] + 10), people, last, open_) \
                or self._name_run(text, words, verb[2], hi, people) \
                or self.source_after(text, words, verb[1], verb[2], hi, people, last, open_)
            if speaker is None:                              # Тимур Сүлейменов: «…», – деді.
                before = _word_range(starts, sentence_start, open_)
                speaker = self.speaker_in(text, words, *before, people, last, open_) or \
                    self.source_before(text, words, *before, people, last, open_)
            if speaker is None and last is not None and open_ - last.end < 600:
                speaker = last                               # «…», – дейді.: the previous speaker goes on
            via = self._quoting_outlet(text, words, starts, verb, hi, speaker) or \
                self._quote_credit(text, words, starts, verb, speaker, sentence_end, hi, people)
            return QuoteMatch(inner_start, inner_end, True, verb[0], speaker, via)
        inside = INSIDE_ATTRIBUTION.search(text, inner_start, inner_end)
        if inside is not None:                               # «…, — сказал Песков. — …»
            lo, hi = _word_range(starts, inside.end(), inner_end)
            verb = self._verb(words, lo, min(hi, lo + 2))
            if verb is not None:
                speaker = self.speaker_in(text, words, verb[2], min(hi, verb[2] + 6), people, last, open_) or \
                    self.source_after(text, words, verb[1], verb[2], hi, people, last, open_)
                return QuoteMatch(inner_start, inner_end, True, verb[0], speaker)
        if colon:                                            # Токаев заявил: «…»
            lo, hi = _word_range(starts, sentence_start, open_)
            verb = self._verb(words, lo, hi)
            outlet, lo = self._opening_credit(text, words, starts, lo, hi, open_, people, last)
            if outlet is not None:                           # Как сообщает агентство R, министр X заявил: «…»
                verb = self._verb(words, lo, hi)
                speaker = self.source_before(text, words, lo, hi, people, last, open_) or \
                    self.speaker_in(text, words, lo, hi, people, last, open_)
                if speaker is not None:
                    return QuoteMatch(inner_start, inner_end, True, verb[0] if verb else None, speaker, outlet)
                return QuoteMatch(inner_start, inner_end, True, verb[0] if verb else None, outlet)
            if self.lang == "ru" and verb is not None:       # Поддержав кандидатуру Байдена, Габбард заявила:
                speaker = self.source_before(text, words, lo, hi, people, last, open_) or \
                    self.speaker_in(text, words, lo, hi, people, last, open_)
            else:
                speaker = self.speaker_in(text, words, lo, hi, people, last, open_) or \
                    self.source_before(text, words, lo, hi, people, last, open_)
            if verb is not None or speaker is not None:
                return QuoteMatch(inner_start, inner_end, True, verb[0] if verb else None, speaker)
        if previous and previous[-1].direct and open_ - previous[-1].end < 300 and \
                sentence_start == open_ and len(WORD.findall(text, inner_start, inner_end)) >= 4:
            p = previous[-1]                                 # the same speaker goes on: «…», – деді ол. «…»
            return QuoteMatch(inner_start, inner_end, True, p.verb, p.speaker)
        return None


    def _opening_credit(self, text, words, starts, lo, hi, open_, people, last) -> tuple[Speaker | None, int]:
        """`Как сообщает агентство R, X заявил: «…»`: the outlet of an opening credit followed by a
        clause with its own reporting verb, and where that clause starts; else (None, lo)."""
        if self.lang != "ru" or lo >= hi or not words[lo].text.lower() == "как":
            return None, lo
        got = self.according_to.match(words, lo)
        if got is None:
            return None, lo
        comma = text.find(",", words[lo + got[1] - 1].end, open_)
        rest = _word_range(starts, comma, open_)[0] if comma >= 0 else hi
        if rest >= hi or self._verb(words, rest, hi) is None:
            return None, lo
        outlet = self._after_marker(text, words, starts, lo, got[1], comma, people, last, open_)
        return with_quoted_name(text, outlet), (rest if outlet is not None else lo)

    def _quote_credit(self, text, words, starts, verb, speaker, sentence_end, hi, people) -> Speaker | None:
        """`», — отметил X, сообщает агентство R`; `», – деді X, деп хабарлайды R`: the outlet of a
        credit line closing the attribution, when a speaker is named."""
        if speaker is None or speaker.start < words[verb[2] - 1].end:
            return None
        a = _word_range(starts, speaker.end, sentence_end)[0]
        if self.lang == "kk":
            c = self._kk_credit_at(text, words, a - 2, hi)   # (its деп may be the first word after X)
            return None if c is None else self.kk_source_after(text, words, c + 2, hi, people, None, speaker.end,
                                                               to_end=True)
        end = self._credit(text, words, starts, speaker.end, sentence_end, hi)
        if end >= sentence_end:
            return None
        return whole_quoted(text, with_quoted_name(text, self._credit_source(text, words, starts, end, sentence_end,
                                                                            hi, people, speaker.end)))

    def _quote_verb(self, words, lo, hi) -> tuple[str, int, int] | None:
        """A verb that attributes only right after a quote and its dash (`quote_verbs`:
        `», — обратился житель к акиму`); alone (`обратился в суд`) it reports nothing."""
        for i in range(lo, hi):
            got = self.quote_verbs.match(words, i)
            if got is not None:
                return got[0], i, i + got[1]
        return None

    def _quoting_outlet(self, text, words, starts, verb, hi, speaker) -> Speaker | None:
        """`», – цитирует Челаха BNews.kz`, `цитирует издание мать Светлану …`: the one quoted
        (the object) speaks; the outlet quoting them, on either side of the object, is `via`."""
        if verb[0] not in QUOTING or speaker is None or speaker.kind not in ("person", "pronoun") or \
                not (words[verb[2] - 1].end <= speaker.start):
            return None
        a, b = _word_range(starts, speaker.start, speaker.end)
        for lo, end in ((verb[2], a), (b, min(hi, b + 4))):
            outlet = self.speaker_in(text, words, lo, end, [], None, speaker.start) if lo < end else None
            if outlet is None and lo == b and lo < end and words[lo].text.isascii():    # BNews.kz
                outlet = self._ru_phrase(text, words, lo, lo, end, [], None, speaker.start)
            if outlet is not None and outlet.kind == "organization":
                return outlet
        return None


def _has_quote_mark(text: str) -> bool:
    """Any of QUOTE_MARKS in the text (three substring searches in C, cheaper than the class)."""
    return '"' in text or "«" in text or "»" in text


def quote_segments(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of top-level quotes: «…» with anything nested, or "…"."""
    out = []
    depth = 0
    open_ = -1
    plain_open = -1
    for m in QUOTE_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "«":
            if depth == 0 and plain_open < 0:
                open_ = i
            depth += 1
        elif ch == "»":
            if depth > 0:
                depth -= 1
                if depth == 0 and plain_open < 0:
                    out.append((open_, i))
        elif depth == 0:
            if plain_open >= 0 and i > 0 and not text[i - 1].isspace():
                out.append((plain_open, i))
                plain_open = -1
            elif plain_open < 0 and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) \
                    and not text[i + 1].isspace():
                plain_open = i
    return out


DIALOGUE = regex.compile(r"(?m)^[ \t]*-[ \t]+(?=\S)([^\n]{2,2000}?)[,.!?…]?[ \t]+-[ \t]+(?=\w)")
# a line opening with a dash, as DIALOGUE needs: at the text's start, or after a line break (a
# search for the literal break, far cheaper than DIALOGUE's line-by-line scan; most texts have none)
DASH_LINE_START = re.compile(r"[ \t]*-[ \t]")
DASH_LINE = re.compile(r"\n[ \t]*-[ \t]")


def dialogue_segments(text: str) -> list[tuple[int, int]]:
    """Dialogue lines: `– Экспорт өсті, – деді министр.` The quoted words run from the
    opening dash to the dash before the attribution; returned as (open, close) like quotes
    (open is the position before the words, close the position after them)."""
    if not (DASH_LINE_START.match(text) or DASH_LINE.search(text)):
        return []
    return [(m.start(1) - 1, m.end(1)) for m in DIALOGUE.finditer(text)]


