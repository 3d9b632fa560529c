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
4. The source is the noun phrase the grammar makes the sayer (Russian: the
   nominative agreeing with the verb; Kazakh: the clause's first nominative
   phrase naming someone, the genitive before `айтуынша`, the phrase after a
   quote's verb), resolved: a person (surname → fullest name), an office
   (`Президенттің` → the person who holds it), an organization, a group
   (`сарапшылар`, `эксперты`), a pronoun (`ол`, `он` → the previous speaker),
   with `kind` set. Bylines (`Автор: …`) give the author, never a speaker.
   See docs/speakers.md.
All word lists are in patterns/<lang>/speakers.yaml. One module per concern: text (words,
sentence edges), quotes (quoted words), statements (reported statements), sources (the
source phrase; source_ru: Russian agreement, source_kk: Kazakh verbs and word order),
people (names and their resolution).
"""
from __future__ import annotations

import functools
import re

import regex

from ..lexicon import Lexicon
from ..patterns import load
from .antecedents import Antecedents
from .people import NameResolution, Person
from .quotes import Byline, QuoteFinding, QuoteMatch, dialogue_segments, quote_segments
from .source_kk import KazakhSource, verb_forms
from .source_ru import RussianSource
from .sources import SourcePhrases, Speaker
from .credits import CreditLines
from .statements import StatementFinding
from .text import trie_pattern

__all__ = ["SpeakerRules", "speaker_rules", "Person", "Speaker", "QuoteMatch", "Byline",
           "quote_segments", "dialogue_segments"]


class SpeakerRules(QuoteFinding, StatementFinding, CreditLines, SourcePhrases, RussianSource, KazakhSource,
                   NameResolution, Antecedents):
    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "speakers")
        verbs = list(data.get("speech_verbs", []))
        for stem in data.get("speech_verb_stems", []):        # kk: айт → айтты, айтады, айтқан, …
            verbs += [f for f in verb_forms(stem) if f not in verbs]
        self.verbs = Lexicon(lang, {w: w for w in verbs})
        self.people_nouns = Lexicon(lang, {w: w for w in data.get("people_nouns", [])})
        # nouns whose object carries a statement: подчеркнул необходимость …
        self.quote_verbs = Lexicon(lang, {w: w for w in data.get("quote_verbs", [])})
        self.content_nouns = Lexicon(lang, {w: w for w in data.get("content_nouns", [])})
        self.celebrations = Lexicon(lang, {w: w for w in data.get("celebrations", [])})
        self.connectives = frozenset(w.lower() for w in data.get("connectives", []))
        # words inside one organization's name: Мәдениет және спорт министрлігі, Комитет по делам …
        # offices named another way: глава государства → президент (resolved to its holder)
        self.office_synonyms = {k.lower(): v.lower() for k, v in (data.get("office_synonyms") or {}).items()}
        self.joiners = frozenset(w.lower() for w in data.get("joiners", []))
        self.according_to = Lexicon(lang, {w: w for w in data.get("according_to", [])})
        self.about_this = Lexicon(lang, {w: w for w in data.get("about_this", [])})
        self.titles = Lexicon(lang, {w: w for w in data.get("titles", [])})
        self.orgs = Lexicon(lang, {w: w for w in data.get("organization_words", [])})
        self.places = Lexicon(lang, {w: w for w in data.get("places", [])})
        # a bare ведомство / министрлік / компания → the organization of these kinds named last
        self.generic_organizations = {k.lower(): frozenset(x.lower() for x in v) for k, v in
                                      (data.get("generic_organizations") or {}).items()}
        self.pronouns = frozenset(w.lower() for w in data.get("pronouns", []))
        self.byline_words = tuple(data.get("byline", []))
        self.byline = regex.compile(r"(?m)^[ \t]*(?:" + "|".join(regex.escape(b) for b in data.get("byline", []))
                                    + r")[ \t]*:[ \t]*(\p{Lu}[^\n]{0,80}?)[ \t.]*$") if data.get("byline") else None
        self.surname_endings = tuple(data.get("surname_endings", []))
        # names repeat through an archive: both analyses are cached per word
        self._strip_case = functools.lru_cache(maxsize=20_000)(self._strip_case_uncached)
        self._surname_shaped = functools.lru_cache(maxsize=20_000)(self._surname_shaped_uncached)
        # Nothing to attribute in a text with no quotation mark and none of these words.
        # a verb by its first five letters (заявил, заявила; мәлімдеді), a phrase as written
        # (бұл туралы, по словам): its first word alone (бұл, по) is in every other sentence
        # (Russian verbs by every form pymorphy3 knows: пишет is not писать's first five letters)
        stems = [w[:5] if " " not in w else w for w in verbs + data.get("according_to", []) + data.get("about_this", [])]
        if self.verbs.forms is not None:
            stems += [f[:5] for f in self.verbs.forms if len(f) > 2]
        alternation = "|".join(sorted({re.escape(x.lower()) for x in stems}, key=len, reverse=True))
        # over lowercased text with the stdlib `re`: five times faster than (?i) over the text itself,
        # which stays for the rare text whose lowercase has another length; as a prefix tree, the
        # same matches another six times faster
        self.trigger_lower = re.compile(trie_pattern({x.lower() for x in stems}))
        self.trigger = regex.compile("(?i)" + alternation)
        self.patronymic_endings = tuple(data.get("patronymic_endings", []))



@functools.lru_cache(maxsize=None)
def speaker_rules(lang: str) -> SpeakerRules:
    return SpeakerRules(lang)

