"""One document through the whole flow: normalize → language → sentences →
tokens → numbers → records with offsets into the caller's string.

Patterns and tokenizers are loaded once per process (`tokenizer_for`,
`default_extractor` are cached) and reused for every document.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from operator import attrgetter

import regex

from .lang.fast_tokenizer import tokenizer_for
from .langdetect import detect_language
from .lexicon import Lexicon
from .linking import link
from .normalize import normalize
from .numerals import find_numbers, numerals_for
from .patterns import load
from .quantities import carry_currency, quantity_rules
from .periods import period_rules
from .periods.compare import anchor_comparisons
from .periods.cumulative import anchor_cumulative
from .periods.dateline import find_dateline
from .periods.tense import tense_at
from .records import KINDS, Amount, Document, Duration, Ordinal, Period, Quote, Ratio, Record
from .speakers import speaker_rules
from .number_roles import _drop_time_expressions, roman_ordinals
from .prefilter import Prefilter
from .sentences import split_sentences
from .tokens import Tok


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
        # a Roman numeral before these is an ordinal: VIII чемпионат (see roman_ordinals)
        self.roman_ordinal_nouns = Lexicon(lang, dict.fromkeys(load(lang, "numbers").get("roman_ordinal_nouns", []), True))
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
                        "date_abbreviations", "ordinal_nouns", "roman_ordinal_nouns")
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
            quotes, byline = [], rules.speakers.find_byline(norm.text)      # one regex: the author
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
        records.sort(key=_BY_SPAN)
        carry_currency(records, text, rules.quantities)     # 35 трлн рублей, а расходы — 36,6 трлн
        for i, r in enumerate(records, 1):
            r.id = f"r{i}"
        periods = [r for r in records if r.kind == "period"]
        if periods:         # (a missing attribute costs hasattr an exception: ask the instance dict)
            anchor_cumulative(records, {id(r): r._upto for r in periods if "_upto" in r.__dict__})
            anchor_comparisons(records, {id(r): r._compare for r in periods if "_compare" in r.__dict__}, text)
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
            romans = [n for n in roman_ordinals(doc, rules) if n.tok_start not in taken]
            if romans:
                numbers = sorted(numbers + romans, key=lambda n: n.tok_start)

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


_BY_SPAN = attrgetter("start", "end")       # (start, end), built in C
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
    if not quotes:
        return
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
