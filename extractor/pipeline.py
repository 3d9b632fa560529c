"""One document through the whole flow: normalize → language → sentences →
tokens → numbers → records with offsets into the caller's string.

Patterns and tokenizers are loaded once per process (`tokenizer_for`,
`default_extractor` are cached) and reused for every document.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import math
from itertools import accumulate, compress

import regex

from .lang.fast_tokenizer import tokenizer_for
from .langdetect import detect_language
from .lexicon import Lexicon, StemPrefixes, WordMemo
from .linking import link
from .normalize import normalize
from .numerals import find_numbers, numerals_for
from .patterns import LANGS, load
from .quantities import carry_currency, quantity_rules
from .periods import period_rules
from .periods.compare import anchor_comparisons
from .periods.cumulative import anchor_cumulative
from .periods.dateline import find_dateline
from .periods.tense import tense_at
from .records import KINDS, Amount, Document, Duration, Ordinal, Period, Quote, Ratio, Record
from .speakers import speaker_rules
from .sentences import split_sentences
from .tokens import Tok, span_text


class LanguageRules:
    """Everything one language needs, loaded once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.tokenizer = tokenizer_for(lang)      # the word lists' own: one fewer to build at start-up
        self.numerals = numerals_for(lang)
        self.quantities = quantity_rules(lang)
        self.periods = period_rules(lang)
        self.speakers = speaker_rules(lang)
        # a number before these counts a position: 3-сыныпты, 10-й класс (see _ordinal_before_noun)
        self.ordinal_nouns = Lexicon(lang, dict.fromkeys(load(lang, "numbers").get("ordinal_nouns", []), True))
        periods = load(lang, "periods")
        # sentences with no digit, number word or time word skip tokenization entirely
        self.prefilter = Prefilter(lang, self.numerals_words() + self.time_trigger_words(periods, self.periods.units),
                                   load(lang, "numbers").get("not_numbers", []))

    def tokenize(self, text: str) -> list[Tok]:
        """spaCy's tokens of `text` (the fast tokenizer gives the same, without spaCy)."""
        return self.tokenizer(text)

    @staticmethod
    def time_trigger_words(periods: dict, units) -> list[str]:
        """Words without which no time expression is complete: биыл, вчера, жазда, and the
        units (өткен жылы, год назад, жыл сайын and в том же году all have one)."""
        out = []
        for section in ("relative", "weekdays", "months", "seasons", "recurring", "time_units", "anaphoric", "weekends"):
            for phrase in periods.get(section, {}):
                # a phrase needs all its words, so one is enough: its time unit if it has one
                # (в этом году: году, not этом, which every это would then match), else its
                # longest (на днях: not на)
                words = phrase.split()
                out.append(next((w for w in words if units.contains(w) is not None), max(words, key=len)))
        return out

    def numerals_words(self) -> list[str]:
        data = load(self.lang, "numbers")
        not_triggers = ("not_numbers", "ordinal_endings", "idioms", "not_number_slots", "lone_other_slots",
                        "date_abbreviations", "ordinal_nouns")
        return [w for section, words in data.items() if section not in not_triggers
                for w in (words if isinstance(words, list) else words.keys())]


class Extractor:
    # Tokens are read only this many words either side of a digit, number word or time word:
    # every rule looks at most a few tokens away, and the tokenizer is the costliest step.
    WINDOW_WORDS = 5

    def __init__(self, window_words: int | None = WINDOW_WORDS) -> None:
        self._rules: dict[str, LanguageRules] = {}
        self.window_words = window_words

    def rules(self, lang: str) -> LanguageRules:
        if lang not in self._rules:
            self._rules[lang] = LanguageRules(lang)
        return self._rules[lang]

    def extract(self, text: str, lang: str | None = None, date: str | dt.date | None = None,
                doc_id: str | None = None, kinds=None) -> Document:
        """`kinds`: only these record kinds (a set, or "money,percent"); None for all. Rules
        for other kinds do not run, except the period rules, which every number needs (a
        number in a date is not a count)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        kinds = parse_kinds(kinds)
        if lang in (None, "auto"):
            lang = detect_language(text)
        rules = self.rules(lang)
        date_iso = _iso_date(date)
        norm = normalize(text)
        dateline = find_dateline(norm.text, lang)
        if date_iso is None and dateline is not None and dateline.year is not None:
            implied = dateline.date(None)                  # АСТАНА, 18 декабря 2024 – …: the article's date
            date_iso = implied and implied.isoformat()
        doc_date = dt.date.fromisoformat(date_iso) if date_iso else None
        records: list[Record] = []
        sentences = split_sentences(norm.text)
        sent_spans: dict[int, tuple[int, int]] = {}
        windows = rules.prefilter.windows_in(norm.text, sentences, self.window_words) if kinds - {"quote"} else ()
        for s, w_start, w_end in windows:
            if s not in sent_spans:
                sent_spans[s] = norm.to_original(*sentences[s])
            records += self._window(text, norm, rules, doc_date, norm.text[w_start:w_end], w_start,
                                    sent_spans[s], w_end == sentences[s][1], sentences[s], kinds)
        if dateline is not None:
            records = _with_dateline(text, norm, records, dateline, doc_date, sentences)
        if "quote" in kinds:
            quotes, byline = rules.speakers.find(norm.text, sentences)
        else:
            quotes, byline = [], rules.speakers._byline(norm.text)      # one regex: the author
        for q in quotes:
            start, end = norm.to_original(q.start, q.end)
            sp = q.speaker
            sp_start, sp_end = norm.to_original(sp.start, sp.end) if sp else (None, None)
            s_start, s_end = norm.to_original(*_sentence_around(sentences, q.start))
            records.append(Quote(kind="quote", text=text[start:end], start=start, end=end, sentence=(s_start, s_end),
                                 speaker=sp.name if sp else None, speaker_text=text[sp_start:sp_end] if sp else None,
                                 speaker_start=sp_start, speaker_end=sp_end, speaker_title=sp.title if sp else None,
                                 verb=q.verb, direct=q.direct, speaker_kind=sp.kind if sp else None))
            if q.via is not None:                        # …, сообщает ТАСС: the outlet beside the speaker
                records[-1].via_start, records[-1].via_end = norm.to_original(q.via.start, q.via.end)
                records[-1].via = q.via.name
        records.sort(key=lambda r: (r.start, r.end))
        carry_currency(records, text, rules.quantities)     # 35 трлн рублей, а расходы — 36,6 трлн
        for i, r in enumerate(records, 1):
            r.id = f"r{i}"
        anchor_cumulative(records, {id(r): r._upto for r in records if hasattr(r, "_upto")})
        anchor_comparisons(records, {id(r): r._compare for r in records if hasattr(r, "_compare")}, text)
        _link_speakers(records)
        link(text, records, lang)
        if len(kinds) < len(KINDS):
            records = _only(records, kinds)
        author = None
        if byline is not None:
            a, b = norm.to_original(byline.start, byline.end)
            author = text[a:b]
        return Document(id=doc_id, lang=lang, date=date_iso, records=records, text=text, author=author)

    def _window(self, text, norm, rules, doc_date, piece, base, sent_span, sentence_end,
                norm_sentence=None, kinds: frozenset[str] = frozenset(KINDS)) -> list[Record]:
        """Numbers, periods and amounts in one window of a sentence (tokens around its trigger
        words; the whole sentence when window_words is None). `base`: where the window starts
        in the normalized text; `sentence_end`: does it end where the sentence ends."""
        records: list[Record] = []
        # spaCy strips affixes one at a time: a run of 10 000 quotes costs it minutes. Long runs of
        # punctuation carry nothing the rules read, so the tokenizer sees spaces there (same length).
        doc = rules.tokenize(PUNCT_RUN.sub(_blank, piece))
        numbers = find_numbers(doc, rules.numerals)
        tense = None
        if norm_sentence is not None:      # a date without a year asks its clause's tense (whole sentence)
            a, b = norm_sentence
            tense = lambda k: tense_at(rules.lang, norm.text[a:b], base + doc[k].idx - a)   # noqa: E731
        starts_sentence = norm_sentence is None or not norm.text[norm_sentence[0]:base].strip()
        periods = rules.periods.find(doc, numbers, doc_date, tense, starts_sentence)
        counts = kinds & COUNT_KINDS
        if counts:              # periods alone need no more than the above
            taken = {t for p in periods for t in range(p.tok_start, p.tok_end)}
            numbers = _drop_time_expressions(
                doc, [n for n in numbers if not taken.intersection(range(n.tok_start, n.tok_end))], rules)

        def place(first_tok: int, last_tok: int) -> dict:
            a = base + doc[first_tok].idx
            b = base + doc[last_tok - 1].idx + len(doc[last_tok - 1].text)
            if sentence_end and last_tok == len(doc) and doc[last_tok - 1].text.endswith(".") \
                    and len(doc[last_tok - 1].text) > 1:
                b -= 1     # "… 27.5 млн." ends the sentence: the dot is not part of the amount
            start, end = norm.to_original(a, b)
            return dict(text=text[start:end], start=start, end=end, sentence=sent_span)

        for p in periods:
            if p.kind == "period":
                record = Period(kind="period", start_date=p.start_date, end_date=p.end_date,
                                grain=p.grain, relative=p.relative, recurring=p.recurring, approx=p.approx,
                                start_time=p.start_time, end_time=p.end_time, timezone=p.timezone,
                                **place(p.tok_start, p.tok_end))
                if p.compare is not None:
                    record._compare = p.compare     # dated from its sentence's period (periods/compare.py)
                if p.clock_from is not None:
                    record._time_from = place(p.clock_from, p.tok_end)["start"]   # where its clock time starts
                if p.upto_month is not None:
                    record._upto = p.upto_month     # a year the sentence names is its year (periods/cumulative.py)
                records.append(record)
            elif p.kind == "duration" and _finite(p.value, p.min, p.max):
                records.append(Duration(kind="duration", value=p.value, unit=p.unit, min=p.min, max=p.max,
                                        **place(p.tok_start, p.tok_end)))
        if not counts:
            return records
        for num in numbers if "ordinal" in counts else ():
            if num.ordinal and _finite(num.value) and abs(num.value) < 2**63:
                records.append(Ordinal(kind="ordinal", value=int(num.value),
                                       **place(num.tok_start, num.tok_end)))
        for q in rules.quantities.find(doc, [n for n in numbers if not n.ordinal]) if counts - {"ordinal"} else ():
            if not _finite(q.value, q.min, q.max, q.from_value, q.to_value, q.base_value):
                continue                # 10^400 or млрд млрд … млрд: no sane value, no record
            if q.kind == "ratio":
                records.append(Ratio(kind="ratio", value=q.value, approx=q.approx, min=q.min, max=q.max,
                                     change=q.change, **place(q.tok_start, q.tok_end)))
                continue
            records.append(Amount(kind=q.kind, value=q.value, unit=q.unit, approx=q.approx,
                                  min=q.min, max=q.max, change=q.change, noun=q.noun, per=q.per,
                                  from_value=q.from_value, to_value=q.to_value, base_value=q.base_value,
                                  base_unit=q.base_unit, **place(q.tok_start, q.tok_end)))
        return records


PUNCT_RUN = regex.compile(r"[^\w\s]{32,}")


def _blank(m) -> str:
    return " " * len(m.group())


def _finite(*values) -> bool:
    return all(v is None or math.isfinite(v) for v in values)


def _with_dateline(text, norm, records, dateline, doc_date, sentences) -> list[Record]:
    """The dateline's date is one period record; whatever the windows made of it (the day as a
    number, a day and month with a guessed year) goes."""
    start, end = norm.to_original(dateline.start, dateline.end)
    kept = [r for r in records if r.end <= start or r.start >= end]
    day = dateline.date(doc_date)
    iso = day and day.isoformat()
    kept.append(Period(kind="period", text=text[start:end], start=start, end=end,
                       sentence=norm.to_original(*_sentence_around(sentences, dateline.start)),
                       start_date=iso, end_date=iso, grain="day", relative=dateline.year is None,
                       dateline=True))
    return kept


def _link_speakers(records: list[Record]) -> None:
    """Every amount inside a quote or an attributed clause gets that quote's speaker."""
    import bisect
    quotes = sorted((r for r in records if isinstance(r, Quote) and r.speaker), key=lambda q: q.start)
    starts = [q.start for q in quotes]
    for r in records:
        if isinstance(r, (Amount, Ratio)):
            i = bisect.bisect_right(starts, r.start) - 1     # quotes do not overlap: the last one before
            if i >= 0 and r.end <= quotes[i].end:
                r.speaker, r.quote_id = quotes[i].speaker, quotes[i].id


def _only(records: list[Record], kinds: frozenset[str]) -> list[Record]:
    """The records of these kinds, numbered anew; links to records of other kinds (periods
    that ran only to mask numbers and place subjects) are left out."""
    kept = [r for r in records if r.kind in kinds]
    new_ids = {r.id: f"r{i}" for i, r in enumerate(kept, 1)}
    for r in kept:
        r.id = new_ids[r.id]
        if isinstance(r, Amount):
            r.period_id = new_ids.get(r.period_id)
            r.quote_id = new_ids.get(r.quote_id)
            if r.quote_id is None:
                r.speaker = None
    return kept


def _sentence_around(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    import bisect
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    for a, b in sentences[max(i, 0):i + 2]:
        if a <= pos < b:
            return a, b
    return pos, pos


class Prefilter:
    """Which parts of a text hold a digit, a number word or a time word (`windows`)?
    A sentence with none is skipped. Kazakh words are a known stem plus any chain of known
    endings (жыл, жылдың, жылғы), Russian words any form pymorphy3 knows for the lemma
    (пять → пяти; год → году, лет). One split of the whole text and a dict lookup per word,
    both in C: a regex per sentence was as slow as the rest of the reading, and a big regex
    alternation of the words 10× slower still."""

    SPLIT = regex.compile(r"(\d+|\p{L}+)")      # separators and words, alternating

    def __init__(self, lang: str, words: list[str], never: list[str] = ()) -> None:
        self.lang = lang
        self.never = frozenset(w.lower() for w in never)     # оны, онда, бірге: look like numbers, are not
        self.is_trigger = WordMemo(self._is_trigger, 30_000)   # one per language, asked of every word
        words = {w.lower().rstrip(".").replace("ё", "е") for w in words}
        words = {part for w in words for part in w.split() if len(part) >= 2}   # ж., в. only follow digits
        if lang == "kk":
            endings = {e for allomorphs in load("kk", "suffixes").get("slots", {}).values() for e in allomorphs}
            self.stems = StemPrefixes(words)
            self.endings = regex.compile("(?:" + "|".join(sorted(map(regex.escape, endings), key=len, reverse=True))
                                         + "){0,5}")
        else:
            from .numerals.ru import forms_of
            self.forms = forms_of(words)

    def _is_trigger(self, word: str) -> bool:
        if word[0].isdigit():
            return True
        low = word.lower()
        if low in self.never:
            return False
        if self.lang != "kk":
            return low.replace("ё", "е") in self.forms
        # a known stem followed by a chain of known endings: жыл, жылдың, жылғы
        return any(self.endings.fullmatch(low, n) is not None for n in self.stems.prefix_lengths(low))

    def windows(self, sentence: str, radius: int | None) -> list[tuple[int, int]]:
        """`windows_in` for one sentence: its character ranges worth tokenizing."""
        return [(a, b) for _, a, b in self.windows_in(sentence, [(0, len(sentence))], radius)]

    def windows_in(self, text: str, sentences: list[tuple[int, int]],
                   radius: int | None) -> list[tuple[int, int, int]]:
        """(sentence index, start, end) of each range of text worth tokenizing: `radius` words
        either side of each trigger within its sentence, merged, widened to whitespace so a
        hyphenated word or a number with its ending (4,1%-ға, 2024-жылы) is never cut. The
        whole sentence when radius is None. Sentences are split at whitespace, so no word
        crosses one."""
        parts = self.SPLIT.split(text)
        hits = list(compress(range(len(parts) // 2), map(self.is_trigger.__getitem__, parts[1::2])))
        if not hits:
            return []
        bounds = list(accumulate(map(len, parts)))     # word k is text[bounds[2k]:bounds[2k + 1]]
        starts = bounds[0::2]
        out: list[tuple[int, int, int]] = []
        s = k = 0
        while k < len(hits):
            s = bisect.bisect_right(sentences, (starts[hits[k]], math.inf), s) - 1
            s_start, s_end = sentences[s]
            first = bisect.bisect_left(starts, s_start)                 # the sentence's words
            last = bisect.bisect_left(starts, s_end, first) - 1
            spans: list[list[int]] = []                                 # word ranges
            while k < len(hits) and hits[k] <= last:
                lo, hi = (first, last) if radius is None else \
                    (max(first, hits[k] - radius), min(last, hits[k] + radius))
                if spans and lo <= spans[-1][1] + 1:
                    spans[-1][1] = hi
                else:
                    spans.append([lo, hi])
                k += 1
            ranges: list[tuple[int, int, int]] = []
            for lo, hi in spans:
                start = s_start if lo == first else _space_before(text, bounds[2 * lo], s_start)
                end = s_end if hi == last else _space_after(text, bounds[2 * hi + 1], s_end)
                if ranges and start <= ranges[-1][2]:                   # 4,1%-ға: words joined
                    ranges[-1] = (s, ranges[-1][1], end)
                else:
                    ranges.append((s, start, end))
            out += ranges
        return out


def _space_before(text: str, pos: int, floor: int) -> int:
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _space_after(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and not text[pos].isspace():
        pos += 1
    return pos


def _drop_time_expressions(doc, numbers, rules: LanguageRules):
    """Numbers that are part of a date, period or duration, or of a hyphenated word, go."""
    keep = []
    drop_next = False
    for k, num in enumerate(numbers):
        if drop_next:
            drop_next = False
            continue
        partner = numbers[k + 1] if k + 1 < len(numbers) else None
        if _ordinal_before_noun(doc, num, rules):
            keep.append(num if num.ordinal else dataclasses.replace(num, ordinal=True))
            continue
        if _is_time_expression(doc, num, rules) or _hyphen_compound(doc, num, numbers):
            continue
        if partner is not None and partner.tok_start == num.tok_end + 1 and doc[num.tok_end].text == "-" \
                and _is_time_expression(doc, partner, rules):
            drop_next = True       # 6 – 7 жыл, 2005 – 2018-інші жылдар: a period
            continue
        keep.append(num)
    return keep


POSITION_TIME_UNITS = frozenset(["minute", "second"])


def _ordinal_before_noun(doc, num, rules: LanguageRules) -> bool:
    """на 19-й минуте, 19-минутында, 3-сыныпты, 5-сынып оқушылары, 10-й класс: the number is a
    position (an ordinal), not a duration nor a compound word. An ordinal ending (19-й) or, in
    Kazakh, a noun hyphenated to digits (19-минутта) says so; 19 минут stays a duration."""
    i = num.tok_end
    if i >= len(doc) or num.value <= 0 or num.value != int(num.value):
        return False
    word = doc[i].text
    hyphened = word.startswith("-") and len(word) > 1 and not doc[i - 1].whitespace_ and not num.words
    if hyphened:
        word = word[1:]
    elif not num.ordinal:
        return False
    return rules.ordinal_nouns.contains(word) is not None or rules.periods.units.contains(word) in POSITION_TIME_UNITS


def _hyphen_compound(doc, num, numbers) -> bool:
    """бір-бірінен, бірде-бір, 8-сыныпта, 5-летний: a number hyphenated to a word that is not a number."""
    end = num.tok_end
    if end < len(doc) and len(doc[end].text) > 1 and doc[end].text[0] == "-" and doc[end].text[1:].isalpha() \
            and not doc[end - 1].whitespace_:
        return True               # the ending was not one the number takes: a compound word
    if not num.words:
        return False
    starts = {n.tok_start for n in numbers}
    ends = {n.tok_end for n in numbers}
    i, j = num.tok_start, num.tok_end
    before = i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
        and (i - 1) not in ends and doc[i - 2].is_alpha
    after = j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
        and (j + 1) not in starts and doc[j + 1].is_alpha
    return before or after


def _is_time_expression(doc, num, rules: LanguageRules) -> bool:
    """2024 жылы, 8 айында, 22 ноября, 2024-жылы: a date or period, not a count."""
    i = num.tok_end
    if i >= len(doc) or rules.quantities.unit_at(doc, i) is not None:
        return False             # 25 айлық есептік көрсеткіш is a unit, not "25 months"
    nxt = doc[i].text
    if nxt.startswith("-") and len(nxt) > 1:
        nxt = nxt[1:]            # 2024-жылы
    return rules.periods.is_time_word(nxt) and not rules.periods.young_adjective(doc, i)


COUNT_KINDS = frozenset({"money", "percent", "quantity", "number", "ordinal", "ratio"})


def parse_kinds(kinds) -> frozenset[str]:
    """None → every kind; "money,percent" or an iterable of kind names → that set (unknown names refused)."""
    if kinds is None:
        return frozenset(KINDS)
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    if not all(isinstance(k, str) for k in kinds):
        raise TypeError("kinds must be names of record kinds")
    out = frozenset(k.strip() for k in kinds if k.strip())
    unknown = sorted(out - KINDS.keys())
    if unknown or not out:
        raise ValueError(f"unknown kinds {', '.join(unknown) or '(none given)'}; use any of {', '.join(KINDS)}")
    return out


def _iso_date(date) -> str | None:
    if date is None or date == "":
        return None
    if isinstance(date, dt.datetime):
        return date.date().isoformat()
    if isinstance(date, dt.date):
        return date.isoformat()
    try:
        return dt.date.fromisoformat(str(date)[:10]).isoformat()
    except ValueError as err:
        raise ValueError(f"date must be an ISO date (YYYY-MM-DD), got {date!r}") from err


@functools.lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()
