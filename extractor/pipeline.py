"""One document through the whole flow: normalize → language → sentences →
tokens → numbers → records with offsets into the caller's string.

Patterns and tokenizers are loaded once per process (`tokenizer_for`,
`default_extractor` are cached) and reused for every document.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from itertools import accumulate, compress

import regex

from .langdetect import detect_language
from .lexicon import StemPrefixes, WordMemo
from .linking import link
from .normalize import normalize
from .numerals import find_numbers, numerals_for
from .patterns import LANGS, load
from .quantities import quantity_rules
from .periods import period_rules
from .periods.compare import anchor_comparisons
from .periods.cumulative import anchor_cumulative
from .periods.dateline import find_dateline
from .periods.tense import tense_at
from .records import Amount, Document, Duration, Ordinal, Period, Quote, Record
from .speakers import speaker_rules
from .sentences import split_sentences


def new_tokenizer(lang: str):
    """A spaCy tokenizer for `lang`, with the number rules (kk: our Kazakh; ru: spaCy's)."""
    if lang == "kk":
        from .lang.kk import Kazakh
        tokenizer = Kazakh().tokenizer
    elif lang == "ru":
        import spacy
        from .lang.number_rules import add_number_rules
        nlp = spacy.blank("ru")
        add_number_rules(nlp)
        tokenizer = nlp.tokenizer
    else:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    # spaCy computes ~20 attributes (shape, like_num, like_url, stop word …) for every new word;
    # the rules read only these two, and new words are most of the cost on a real archive
    from spacy.attrs import IS_ALPHA, IS_LOWER
    getters = tokenizer.vocab.lex_attr_getters
    tokenizer.vocab.lex_attr_getters = {k: getters[k] for k in (IS_ALPHA, IS_LOWER) if k in getters}
    return tokenizer


# one tokenizer per language, shared by the word lists (short phrases) and, until it is
# replaced, by the documents (`LanguageRules.tokenize`)
tokenizer_for = functools.lru_cache(maxsize=None)(new_tokenizer)

# spaCy's vocabulary keeps a lexeme for every new string it tokenizes, so over an archive of
# millions of articles (new names, new numbers) it would grow without end: past this many
# lexemes the documents get a fresh tokenizer (0.02–0.1 s, once per tens of thousands of articles).
VOCAB_LIMIT = 50_000


class Tok:
    """A token as the rules read it: plain attributes, made once per sentence (reading
    spaCy's Token properties again and again was the largest single cost)."""
    __slots__ = ("text", "idx", "whitespace_", "is_alpha", "is_lower")

    def __init__(self, t) -> None:
        self.text, self.idx, self.whitespace_ = t.text, t.idx, t.whitespace_
        self.is_alpha, self.is_lower = t.is_alpha, t.is_lower


def span_text(toks, a: int, b: int) -> str:
    """The text of tokens a..b as written (a list slice has no .text)."""
    return "".join(t.text + t.whitespace_ for t in toks[a:b]).rstrip()


class LanguageRules:
    """Everything one language needs, loaded once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.tokenizer = tokenizer_for(lang)      # the word lists' own: one fewer to build at start-up
        self.numerals = numerals_for(lang)
        self.quantities = quantity_rules(lang)
        self.periods = period_rules(lang)
        self.speakers = speaker_rules(lang)
        periods = load(lang, "periods")
        # sentences with no digit, number word or time word skip tokenization entirely
        self.prefilter = Prefilter(lang, self.numerals_words() + self.time_trigger_words(periods, self.periods.units),
                                   load(lang, "numbers").get("not_numbers", []))

    def tokenize(self, text: str):
        if len(self.tokenizer.vocab) > VOCAB_LIMIT:
            self.tokenizer = new_tokenizer(self.lang)
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
        return [w for section, words in data.items() if section not in ("not_numbers", "ordinal_endings")
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
                doc_id: str | None = None) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
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
        for s, w_start, w_end in rules.prefilter.windows_in(norm.text, sentences, self.window_words):
            if s not in sent_spans:
                sent_spans[s] = norm.to_original(*sentences[s])
            records += self._window(text, norm, rules, doc_date, norm.text[w_start:w_end], w_start,
                                    sent_spans[s], w_end == sentences[s][1], sentences[s])
        if dateline is not None:
            records = _with_dateline(text, norm, records, dateline, doc_date, sentences)
        quotes, byline = rules.speakers.find(norm.text, sentences)
        for q in quotes:
            start, end = norm.to_original(q.start, q.end)
            sp = q.speaker
            sp_start, sp_end = norm.to_original(sp.start, sp.end) if sp else (None, None)
            s_start, s_end = norm.to_original(*_sentence_around(sentences, q.start))
            records.append(Quote(kind="quote", text=text[start:end], start=start, end=end, sentence=(s_start, s_end),
                                 speaker=sp.name if sp else None, speaker_text=text[sp_start:sp_end] if sp else None,
                                 speaker_start=sp_start, speaker_end=sp_end, speaker_title=sp.title if sp else None,
                                 verb=q.verb, direct=q.direct))
        records.sort(key=lambda r: (r.start, r.end))
        for i, r in enumerate(records, 1):
            r.id = f"r{i}"
        anchor_cumulative(records, {id(r): r._upto for r in records if hasattr(r, "_upto")})
        anchor_comparisons(records, {id(r): r._compare for r in records if hasattr(r, "_compare")}, text)
        _link_speakers(records)
        link(text, records, lang)
        author = None
        if byline is not None:
            a, b = norm.to_original(byline.start, byline.end)
            author = text[a:b]
        return Document(id=doc_id, lang=lang, date=date_iso, records=records, text=text, author=author)

    def _window(self, text, norm, rules, doc_date, piece, base, sent_span, sentence_end,
                norm_sentence=None) -> list[Record]:
        """Numbers, periods and amounts in one window of a sentence (tokens around its trigger
        words; the whole sentence when window_words is None). `base`: where the window starts
        in the normalized text; `sentence_end`: does it end where the sentence ends."""
        records: list[Record] = []
        # spaCy strips affixes one at a time: a run of 10 000 quotes costs it minutes. Long runs of
        # punctuation carry nothing the rules read, so the tokenizer sees spaces there (same length).
        doc = [Tok(t) for t in rules.tokenize(PUNCT_RUN.sub(_blank, piece))]
        numbers = find_numbers(doc, rules.numerals)
        tense = None
        if norm_sentence is not None:      # a date without a year asks its clause's tense (whole sentence)
            a, b = norm_sentence
            tense = lambda k: tense_at(rules.lang, norm.text[a:b], base + doc[k].idx - a)   # noqa: E731
        starts_sentence = norm_sentence is None or not norm.text[norm_sentence[0]:base].strip()
        periods = rules.periods.find(doc, numbers, doc_date, tense, starts_sentence)
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
        for num in numbers:
            if num.ordinal and _finite(num.value) and abs(num.value) < 2**63:
                records.append(Ordinal(kind="ordinal", value=int(num.value),
                                       **place(num.tok_start, num.tok_end)))
        for q in rules.quantities.find(doc, [n for n in numbers if not n.ordinal]):
            if not _finite(q.value, q.min, q.max):
                continue                # 10^400 or млрд млрд … млрд: no sane value, no record
            records.append(Amount(kind=q.kind, value=q.value, unit=q.unit, approx=q.approx,
                                  min=q.min, max=q.max, change=q.change, noun=q.noun,
                                  **place(q.tok_start, q.tok_end)))
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
        if isinstance(r, Amount):
            i = bisect.bisect_right(starts, r.start) - 1     # quotes do not overlap: the last one before
            if i >= 0 and r.end <= quotes[i].end:
                r.speaker, r.quote_id = quotes[i].speaker, quotes[i].id


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
        if _is_time_expression(doc, num, rules) or _hyphen_compound(doc, num, numbers):
            continue
        if partner is not None and partner.tok_start == num.tok_end + 1 and doc[num.tok_end].text == "-" \
                and _is_time_expression(doc, partner, rules):
            drop_next = True       # 6 – 7 жыл, 2005 – 2018-інші жылдар: a period
            continue
        keep.append(num)
    return keep


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
    return rules.periods.is_time_word(nxt)


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
