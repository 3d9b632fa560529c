"""Quotes and who said them, with names resolved across the article.

Works on the whole normalized article (a quote can span several sentences):
1. People: every "First [Patronymic] Surname" in the article, with the office
   written before it (`Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев`,
   `глава МИД Сергей Лавров`). A later `Тоқаев`, `Тоқаевтың`, `Токаева` is the
   same person: the surname plus a case ending.
2. Direct quotes: «…» (nested quotes inside), “…”, "…", dialogue lines that open
   with a dash (`– Экспорт өсті, – деді министр.`), followed by a dash or
   `деп` and an attribution (`», – деді Тоқаев`, `», — заявил он`) or preceded by
   one that ends in a colon (`Токаев заявил: «…»`). Quotation marks with no
   attribution (`«Самұрық-Қазына»`, «Бананц») are names, not quotes.
3. Indirect attribution: `X айтуынша, …`, `по словам X, …` (the rest of the
   sentence); `Бұл туралы X мәлімдеді` / `Об этом заявил X` (the sentence
   before); `X … атап өтті.` (the sentence); `X заявил, что …` (the clause).
4. The speaker named in an attribution is, in this order of preference, a
   person (surname → fullest name), an office (`Президенттің` → the person
   who holds it, most recently mentioned), an organization (`Ұлттық банк`),
   a pronoun (`ол`, `он` → the previous speaker). Bylines (`Автор: …`) give
   the author, never a speaker.
All word lists are in patterns/<lang>/speakers.yaml.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter

import regex

from .lexicon import Lexicon
from .patterns import load

INSIDE_ATTRIBUTION = regex.compile(r"[,.!?…] - ")
BLOCK = 1_000_000                                     # characters read at once for quotes
QUOTE_MARKS = regex.compile(r'[«»"]')
THAT = regex.compile(r",\s*что\b")                     # X заявил, что …
QUOTATIVE = frozenset({"деп", "деді", "дейді", "деген"})   # kk: what follows a quote with no dash
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'-]*\p{L}|\p{L}")
WORD_SPLIT = regex.compile(f"({WORD.pattern})")
RU_CASE_ENDINGS = ("ой", "ым", "ом", "ой", "ою", "ых", "ыми", "а", "у", "е", "ы", "ым")
CLOSE_THEN_DASH = regex.compile(r"[ \t]*[,.!?…]?[ \t]*-[ \t]*")
SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)|\n")


class Word(tuple):
    """A word of the article: (text, start, end). A tuple, so that the hundreds of thousands
    made per MB are built in C (`words_of`), not by an __init__ each."""
    __slots__ = ()
    text = property(itemgetter(0))
    start = property(itemgetter(1))
    end = property(itemgetter(2))


def words_of(text: str) -> tuple[list[Word], list[int]]:
    """The words of a text and their start offsets, from one split and running sums."""
    parts = WORD_SPLIT.split(text)                    # separator, word, separator, …, separator
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0:-1:2]
    return list(map(Word, zip(parts[1::2], starts, bounds[1::2]))), starts


@dataclass
class Person:
    name: str                  # fullest form in the article: Қасым-Жомарт Тоқаев
    surname: str
    title: str | None          # Қазақстан Республикасының Президенті
    start: int


@dataclass
class Speaker:
    name: str                  # resolved: the person's fullest name, or the office / organization as written
    text: str                  # as written in the attribution
    start: int
    end: int
    title: str | None = None


@dataclass
class QuoteMatch:
    start: int                 # normalized offsets of the quoted words or the attributed clause
    end: int
    direct: bool
    verb: str | None
    speaker: Speaker | None


@dataclass
class Byline:
    name: str
    start: int
    end: int


class SpeakerRules:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "speakers")
        self.verbs = Lexicon(lang, {w: w for w in data.get("speech_verbs", [])})
        self.according_to = Lexicon(lang, {w: w for w in data.get("according_to", [])})
        self.about_this = Lexicon(lang, {w: w for w in data.get("about_this", [])})
        self.titles = Lexicon(lang, {w: w for w in data.get("titles", [])})
        self.orgs = Lexicon(lang, {w: w for w in data.get("organization_words", [])})
        self.pronouns = frozenset(w.lower() for w in data.get("pronouns", []))
        self.byline = regex.compile(r"(?m)^[ \t]*(?:" + "|".join(regex.escape(b) for b in data.get("byline", []))
                                    + r")[ \t]*:[ \t]*(\p{Lu}[^\n]{0,80}?)[ \t.]*$") if data.get("byline") else None
        self.surname_endings = tuple(data.get("surname_endings", []))
        # names repeat through an archive: both analyses are cached per word
        self._strip_case = functools.lru_cache(maxsize=20_000)(self._strip_case_uncached)
        self._surname_shaped = functools.lru_cache(maxsize=20_000)(self._surname_shaped_uncached)
        # Nothing to attribute in a text with no quotation mark and none of these words.
        # a verb by its first five letters (заявил, заявила; мәлімдеді), a phrase as written
        # (бұл туралы, по словам): its first word alone (бұл, по) is in every other sentence
        stems = [w[:5] if " " not in w else w for section in ("speech_verbs", "according_to", "about_this")
                 for w in data.get(section, [])]
        alternation = "|".join(sorted({re.escape(x.lower()) for x in stems}, key=len, reverse=True))
        # over lowercased text with the stdlib `re`: five times faster than (?i) over the text itself,
        # which stays for the rare text whose lowercase has another length
        self.trigger_lower = re.compile(alternation)
        self.trigger = regex.compile("(?i)" + alternation)
        self.patronymic_endings = tuple(data.get("patronymic_endings", []))

    # -- people ---------------------------------------------------------------
    def _strip_case_uncached(self, word: str) -> list[str]:
        """The word and what it can be with a case ending removed: Тоқаевтың → Тоқаев."""
        out = [word]
        if self.lang == "kk":
            from .lang.kk.morph import grammar
            g = grammar()
            for cut in range(len(word) - 1, 2, -1):
                # names of Russian form break vowel harmony (Бектеновтің): endings of either row
                if g.split_endings(word[cut:].lower(), None) is not None:
                    out.append(word[:cut])
        else:
            out += [word[:-len(e)] for e in RU_CASE_ENDINGS if word.lower().endswith(e) and len(word) > len(e) + 2]
        return out

    def _surname_shaped_uncached(self, word: str) -> str | None:
        """The surname this capitalized word is a form of (Силуановой → Силуанов), or None."""
        if not word[:1].isupper():
            return None
        forms = [f for f in self._strip_case(word) if f.lower().endswith(self.surname_endings) and len(f) >= 4]
        return min(forms, key=len) if forms else None     # Силуанова, Силуановой → Силуанов

    def _is_title(self, words: list[Word], i: int) -> bool:
        return self.titles.match(words, i) is not None or (
            "-" in words[i].text and any(self.titles.contains(p) for p in words[i].text.split("-") if p))

    def people(self, text: str, words: list[Word]) -> list[Person]:
        found: dict[str, Person] = {}
        first_letters = map(itemgetter(0), map(itemgetter(0), words))
        for i in compress(range(len(words)), map(str.isupper, first_letters)):    # in C: most are lowercase
            w = words[i]
            surname = self._surname_shaped(w.text)
            # министрі Ажар Ғиният: an office and two capitalized words name a person
            # (the cheap tests first: most capitalized words start a sentence)
            if surname is None and i >= 2 and words[i - 1].text[:1].isupper() and \
                    _adjacent(text, words[i - 1], w) and _adjacent(text, words[i - 2], words[i - 1]) and \
                    not (i + 1 < len(words) and words[i + 1].text[:1].isupper() and _adjacent(text, w, words[i + 1])) \
                    and not self._surname_shaped(words[i - 1].text) and (self._is_title(words, i - 2) or (
                        i >= 3 and self._is_title(words, i - 3) and _adjacent(text, words[i - 3], words[i - 2]))) \
                    and not self._is_org(w.text) and not self._is_title(words, i):
                surname = min(self._strip_case(w.text), key=len) if self.lang == "kk" else w.text
            if surname is None or i == 0 or not _adjacent(text, words[i - 1], w):
                continue
            first = i - 1
            if words[first].text.lower().endswith(self.patronymic_endings) and first > 0 \
                    and _adjacent(text, words[first - 1], words[first]):
                first -= 1                                   # Нұрсұлтан Әбішұлы Назарбаев
            if not words[first].text[:1].isupper() or self._is_title(words, first) or \
                    self.orgs.contains(words[first].text) or _genitive(words[first].text, self.lang):
                continue
            name = self._full_name(text, words, first, i, surname)
            title = self._title_before(text, words, first)
            key = surname.lower()
            old = found.get(key)
            if old is None or len(name) > len(old.name) or (title and not old.title):
                found[key] = Person(name, surname, title or (old.title if old else None),
                                    old.start if old else w.start)
        return list(found.values())

    def _full_name(self, text, words, first, last, surname) -> str:
        """The name in its dictionary form: Антона Силуанова → Антон Силуанов, Ольги Ивановой → Ольга Иванова."""
        given = [words[k].text for k in range(first, last)]
        if self.lang == "ru":
            from .numerals.ru import parses
            parse = next((p for p in parses(given[0]) if "Name" in p.tag), None) \
                if _known_word(given[0].lower()) else None
            if parse is not None:
                given[0] = _capitalized(parse.normal_form)
                if parse.tag.gender == "femn" and surname.lower().endswith(("ов", "ев", "ёв", "ин", "ын")):
                    surname += "а"
            if len(given) > 1:
                parse = next((p for p in parses(given[1]) if "Patr" in p.tag), None)
                if parse is not None:
                    given[1] = _capitalized(parse.normal_form)
        return " ".join(given + [surname])

    def _title_before(self, text: str, words: list[Word], first: int) -> str | None:
        """The office written before a name: Президенті, глава МИД, Қазақстан Республикасының Президенті."""
        for k in range(first - 1, max(-1, first - 4), -1):
            if not _adjacent(text, words[k], words[k + 1]):
                return None
            if self._is_title(words, k):
                start = self._phrase_start(text, words, k, 0)  # Қазақстан Республикасының Президенті
                while start > 0 and start > k - 4 and _adjacent(text, words[start - 1], words[start]) \
                        and (words[start - 1].text[:1].isupper() or self._is_org(words[start - 1].text)):
                    start -= 1                               # Ұлттық банк төрағасы
                return self._base_form(text, words, start, k, first)
            if not (words[k].text[:1].isupper() or self._genitive_ru(words[k].text)):
                return None                                  # министра финансов Антона Силуанова: genitives between
        return None

    def _genitive_ru(self, word: str) -> bool:
        if self.lang != "ru":
            return False
        from .numerals.ru import parses
        return "gent" in parses(word)[0].tag

    def resolve_surname(self, word: str, people: list[Person]) -> Person | None:
        forms = {f.lower() for f in self._strip_case(word)}
        for p in people:
            if p.surname.lower() in forms:
                return p
        return None

    # -- speakers in an attribution ---------------------------------------------
    def speaker_in(self, text, words: list[Word], lo: int, hi: int, people, last: Speaker | None,
                   before: int) -> Speaker | None:
        """The first speaker named among words[lo:hi]: a person, an office, an organization, a pronoun."""
        hi = min(hi, len(words))
        for i in range(lo, hi):
            w = words[i]
            person = self._person_at(words, i, people)
            if person is not None:
                start = i
                while start > lo and _adjacent(text, words[start - 1], words[start]) and \
                        self._strip_case(words[start - 1].text)[-1].lower() in person.name.lower():
                    start -= 1                               # Қасым-Жомарт Тоқаев, Антона Силуанова as written
                return Speaker(person.name, text[words[start].start:w.end], words[start].start, w.end, person.title)
            if self._surname_shaped(w.text) and not self._is_org(w.text):
                name = self._surname_shaped(w.text) if self.lang == "kk" else w.text
                return Speaker(name, w.text, w.start, w.end)     # a surname not introduced in the article
            is_title, is_org = self._is_title(words, i), self._is_org(w.text)
            if (is_title or is_org) and self._person_in_phrase(text, words, i, hi, people):
                continue                                     # глава МИД Сергей Лавров: the name follows
            if is_title:
                n = (self.titles.match(words, i) or (None, 1))[1]
                first = self._phrase_start(text, words, i, lo)   # Денсаулық сақтау министрі
                end = i + n
                while end < hi and words[end].text[:1].isupper() and _adjacent(text, words[end - 1], words[end]):
                    end += 1                                 # пресс-секретарь Кремля
                written = text[words[first].start:words[end - 1].end]
                names = end - (i + n)
                k = end - min(3, names - 1) if names > 2 else i + n
                if names >= 2 and all(self._name_like(words[j].text) for j in range(k, end)):
                    # Президент Турции Реджеп Тайип Эрдоган: a name not in the article's people
                    name = text[words[k].start:words[end - 1].end]
                    title = self._base_form(text, words, first, i, k)
                    return Speaker(name, name, words[k].start, words[end - 1].end, title)
                holder = self._holder(w.text, people, before)
                if holder is not None:
                    return Speaker(holder.name, written, words[first].start, words[end - 1].end, holder.title)
                return Speaker(self._base_form(text, words, first, i, end), written, words[first].start,
                               words[end - 1].end)
            if is_org:
                first, end = self._phrase_start(text, words, i, lo), i + 1   # Ауыл шаруашылығы министрлігі
                while end < hi and _adjacent(text, words[end - 1], words[end]) and (
                        words[end].text[:1].isupper() or (end == i + 1 and self._genitive_ru(words[end].text))):
                    end += 1                                 # пресс-служба Акорды
                written = text[words[first].start:words[end - 1].end]
                return Speaker(self._base_form(text, words, first, i, end), written, words[first].start,
                               words[end - 1].end)
            if w.text.lower() in self.pronouns:
                ref = last or self._nearest_person(words, i, people)
                if ref is not None:
                    return Speaker(ref.name, w.text, w.start, w.end, ref.title)
        return None

    def _nearest_person(self, words, i, people) -> Person | None:
        """ол / он with no earlier speaker: the person named last before it."""
        for k in range(i - 1, max(-1, i - 80), -1):
            person = self._person_at(words, k, people)
            if person is not None:
                return person
        return None

    def _phrase_start(self, text, words, i, lo) -> int:
        """Where the name of an office or organization begins: the furthest capitalized word
        at most three adjacent words back (Ауыл шаруашылығы министрлігі, Ұлттық банк)."""
        first = i
        for k in range(i - 1, max(lo, i - 3) - 1, -1):
            if not _adjacent(text, words[k], words[k + 1]) or self.verbs.contains(words[k].text) or \
                    self._is_title(words, k) or self.resolve_surname(words[k].text, []) is not None:
                break
            if words[k].text[:1].isupper() and not self._function_word(words[k].text):
                first = k
        return first

    def _name_like(self, word: str) -> bool:
        """Could be part of a person's name: not an abbreviation (МИД), organization or place."""
        if word.isupper() or self._is_org(word):
            return False
        if self.lang == "ru":
            from .numerals.ru import parses
            tag = parses(word)[0].tag
            return "Geox" not in tag and "Orgn" not in tag and tag.POS in ("NOUN", None)
        return True

    def _function_word(self, word: str) -> bool:
        """Ранее, Также, Однако: capitalized at a sentence start, never part of a name (ru)."""
        if self.lang != "ru":
            return False
        from .numerals.ru import parses
        return parses(word)[0].tag.POS in ("ADVB", "CONJ", "PREP", "PRCL", "INTJ", "PRED", "NPRO")

    def _name_run(self, text, words, i, hi, people) -> Speaker | None:
        """», — сказал Дональд Трамп: capitalized words right after the verb name the speaker."""
        end = i
        while end < min(hi, i + 3) and words[end].text[:1].isupper() and \
                (end == i or _adjacent(text, words[end - 1], words[end])):
            end += 1
        if end == i or self._is_org(words[i].text):
            return None
        written = text[words[i].start:words[end - 1].end]
        last = words[end - 1].text
        person = next((p for p in people if p.name.split()[-1] == last or p.surname == last), None)
        return Speaker(person.name if person else written, written, words[i].start, words[end - 1].end,
                       person.title if person else None)

    def _person_at(self, words, i, people) -> Person | None:
        return self.resolve_surname(words[i].text, people) if words[i].text[:1].isupper() else None

    def _person_in_phrase(self, text, words, i, hi, people) -> bool:
        """A person named within the same phrase, a few adjacent words on."""
        for j in range(i + 1, min(i + 5, hi)):
            if not _adjacent(text, words[j - 1], words[j]):
                return False
            if self._person_at(words, j, people) is not None:
                return True
        return False

    def _is_org(self, word: str) -> bool:
        return self.orgs.contains(word) is not None or (
            "-" in word and any(self.orgs.contains(part) for part in word.split("-") if part))

    def _base_form(self, text, words, first, head, end) -> str:
        """An office or organization named as a reader would: the head word without its case ending
        (министрінің → министрі, Президенттің → Президент, министра финансов → министр финансов)."""
        head_word = words[head].text
        if self.lang == "kk":
            from .lang.kk.morph import grammar
            lex = self.titles if self.titles.contains(head_word) else self.orgs
            a = grammar().analyze(head_word.lower(), lex.words.__contains__)
            if a is not None and a.has("case"):
                cut = len(head_word) - len(a.ending("case")) - (len(a.ending("similitive") or ""))
                head_word = head_word[:cut]
        else:
            from .numerals.ru import parses
            parse = parses(head_word)[0]
            if parse.tag.POS == "NOUN" and "-" not in head_word:
                lemma = parse.normal_form
                head_word = lemma[:1].upper() + lemma[1:] if head_word[:1].isupper() else lemma
        parts = [text[words[k].start:words[k].end] if k != head else head_word for k in range(first, end)]
        return " ".join(parts)

    def _holder(self, title_word: str, people: list[Person], before: int) -> Person | None:
        """The person most recently named with this office before `before`."""
        keys = self.titles.keys(title_word)
        best = None
        for p in people:
            if p.title and p.start < before and any(k in self.titles.keys(t) for t in p.title.split() for k in keys):
                if best is None or p.start > best.start:
                    best = p
        return best

    def _verb(self, words, lo, hi) -> tuple[str, int, int] | None:
        for i in self.verbs.starts_in(words, lo, min(hi, len(words))):
            got = self.verbs.match(words, i)
            if got is not None:
                return got[0], i, i + got[1]
        return None

    # -- main -----------------------------------------------------------------
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
        if not hits and not QUOTE_MARKS.search(text):
            return [], self._byline(text)
        words, starts = words_of(text)
        byline = self._byline(text)
        people = self.people(text, words)
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
            from .sentences import split_sentences
            sentences = split_sentences(text)
        quotes += self._indirect(text, words, starts, people, covered, byline, list(quotes), sentences, hits)
        quotes.sort(key=lambda q: q.start)
        return quotes, byline

    def _trigger_positions(self, text: str) -> list[int]:
        """Where speech verbs and attribution markers start, in one pass over the text."""
        low = text.lower()
        if len(low) != len(text):                # İ lowercases to two characters: offsets would shift
            return [m.start() for m in self.trigger.finditer(text)]
        return [m.start() for m in self.trigger_lower.finditer(low)]

    def _byline(self, text: str) -> Byline | None:
        m = self.byline.search(text) if self.byline is not None else None
        if m is None:
            return None
        return Byline(m.group(1).strip(), m.start(1), m.start(1) + len(m.group(1).strip()))

    def _direct(self, text, words, starts, open_, close, people, last, previous) -> QuoteMatch | None:
        inner_start, inner_end = open_ + 1, close
        if inner_end - inner_start < 2:
            return None
        sentence_end = _sentence_end(text, close + 1)
        m = CLOSE_THEN_DASH.match(text, close + 1)
        after_lo = m.end() if m else close + 1
        lo, hi = _word_range(starts, after_lo, sentence_end)
        verb = None
        if m is not None:
            verb = self._verb(words, lo, min(hi, lo + 4))      # », – деді Тоқаев; », — заявил он
        elif self.lang == "kk" and lo < hi and words[lo].text.lower() in QUOTATIVE:
            verb = self._verb(words, lo, min(hi, lo + 5))      # » деп атап өтті; » деді (not » деп аталады)
        sentence_start = _sentence_start(text, open_)
        colon = text[sentence_start:open_].rstrip().endswith(":")
        if verb is not None:
            speaker = self.speaker_in(text, words, verb[2], min(hi, verb[2] + 10), people, last, open_) \
                or self._name_run(text, words, verb[2], hi, people)
            if speaker is None:                              # Тимур Сүлейменов: «…», – деді.
                speaker = self.speaker_in(text, words, *_word_range(starts, sentence_start, open_), people, last, open_)
            return QuoteMatch(inner_start, inner_end, True, verb[0], speaker)
        inside = INSIDE_ATTRIBUTION.search(text, inner_start, inner_end)
        if inside is not None:                               # «…, — сказал Песков. — …»
            lo, hi = _word_range(starts, inside.end(), inner_end)
            verb = self._verb(words, lo, min(hi, lo + 2))
            if verb is not None:
                speaker = self.speaker_in(text, words, verb[2], min(hi, verb[2] + 6), people, last, open_)
                return QuoteMatch(inner_start, inner_end, True, verb[0], speaker)
        if colon:                                            # Токаев заявил: «…»
            lo, hi = _word_range(starts, sentence_start, open_)
            verb = self._verb(words, lo, hi)
            speaker = self.speaker_in(text, words, lo, hi, people, last, open_)
            if verb is not None or speaker is not None:
                return QuoteMatch(inner_start, inner_end, True, verb[0] if verb else None, speaker)
        if previous and previous[-1].direct and open_ - previous[-1].end < 300 and \
                sentence_start == open_ and len(WORD.findall(text, inner_start, inner_end)) >= 4:
            p = previous[-1]                                 # the same speaker goes on: «…», – деді ол. «…»
            return QuoteMatch(inner_start, inner_end, True, p.verb, p.speaker)
        return None

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
                    if comma < 0:
                        break
                    spk = self.speaker_in(text, words, i + got[1], _word_range(starts, marker_end, comma)[1],
                                          people, last, s)
                    body = comma + 1
                else:
                    # Президенттің айтуына қарағанда, …: the speaker comes before the marker
                    spk = self.speaker_in(text, words, lo, i, people, last, s)
                    body = comma + 1 if 0 <= comma else marker_end
                if spk is not None:
                    out.append(QuoteMatch(*_trim(text, body, e), False, got[0], spk))
                    last = spk
                break
            else:
                q = self._reported(text, words, starts, sentences, k, lo, hi, people, last)
                if q is not None:
                    out.append(q)
                    last = q.speaker
        return out

    def _reported(self, text, words, starts, sentences, k, lo, hi, people, last) -> QuoteMatch | None:
        """Бұл туралы X мәлімдеді (the sentence before); X … атап өтті; X заявил, что …"""
        s, e = sentences[k]
        verb = self._verb(words, lo, hi)
        if verb is None:
            return None
        for a in range(lo, min(lo + 3, hi)):                 # Бұл туралы X мәлімдеді; Ол бұл туралы … айтты
            about = self.about_this.match(words, a)
            if about is None:
                continue
            ps, pe = sentences[k - 1] if k > 0 else (s, s)
            if k == 0 or _overlaps(self._covered_spans, ps, pe):
                return None                                  # the sentence before is itself a quote
            spk = self.speaker_in(text, words, lo, hi, people, last, s) if a > lo else \
                self.speaker_in(text, words, a + about[1], hi, people, last, s)
            return None if spk is None else QuoteMatch(*_trim(text, ps, pe), False, verb[0], spk)
        _, vi, vj = verb
        if self.lang == "kk" and vj >= hi - 1 and vi > lo:   # X … екенін атап өтті.
            spk = self.speaker_in(text, words, lo, min(vi, lo + 6), people, last, s)
            body = _trim(text, spk.end, words[vi].start) if spk is not None else (0, 0)
            if spk is not None and spk.start - s < 80 and len(WORD.findall(text, *body)) >= 2:
                return QuoteMatch(*body, False, verb[0], spk)
        if self.lang == "ru":
            that = THAT.search(text, words[vj - 1].end, e)
            if that is not None and that.start() - words[vj - 1].end < 60:
                spk = self.speaker_in(text, words, max(lo, vi - 6), vi, people, last, s) or \
                    self.speaker_in(text, words, vj, _word_range(starts, words[vj - 1].end, that.start())[1],
                                    people, last, s)
                if spk is not None:
                    return QuoteMatch(*_trim(text, that.end(), e), False, verb[0], spk)
        return None


# -- text helpers ---------------------------------------------------------------
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


def dialogue_segments(text: str) -> list[tuple[int, int]]:
    """Dialogue lines: `– Экспорт өсті, – деді министр.` The quoted words run from the
    opening dash to the dash before the attribution; returned as (open, close) like quotes
    (open is the position before the words, close the position after them)."""
    return [(m.start(1) - 1, m.end(1)) for m in DIALOGUE.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does [a, b) overlap any of `spans` (sorted by start, not overlapping each other)?"""
    i = bisect.bisect_left(spans, (b, -1))
    return i > 0 and spans[i - 1][1] > a


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def _sentence_start(text: str, pos: int) -> int:
    for i in range(pos - 1, -1, -1):
        if text[i] == "\n" or (text[i] in ".!?…" and i + 1 < len(text) and text[i + 1].isspace()):
            j = i + 1
            while j < pos and text[j].isspace():
                j += 1
            return j
    return 0


def _word_range(starts: list[int], a: int, b: int) -> tuple[int, int]:
    import bisect
    return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)


def _adjacent(text: str, a: Word, b: Word) -> bool:
    """Only spaces between two words (no comma, no line break)."""
    gap = text[a.end:b.start]
    return gap.strip(" ") == "" and "\n" not in gap and len(gap) <= 2


@functools.lru_cache(maxsize=20_000)
def _known_word(word: str) -> bool:
    """In pymorphy3's dictionary (not a guess from the ending)? Names repeat: cached."""
    from .numerals.ru import morph
    return morph().word_is_known(word)


def _capitalized(name: str) -> str:
    """касым-жомарт → Касым-Жомарт."""
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _genitive(word: str, lang: str) -> bool:
    return lang == "kk" and word.lower().endswith(("ның", "нің", "дың", "дің", "тың", "тің"))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",:-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,!?…"):
        b -= 1
    return a, b


@functools.lru_cache(maxsize=None)
def speaker_rules(lang: str) -> SpeakerRules:
    return SpeakerRules(lang)
