"""Kazakh: reporting verbs from their stems, and the source as the noun phrase before them.

Verbs: a stem from speakers.yaml (`айт`, `де`, `раста`, `деп сана`, `атап өт`) takes the third-
person endings of the past, present and participle with voicing and vowel harmony (`айтты`,
`айтады`, `айтқан`, `дейді`, `растады`, `деп санайды`, `атап өтеді`), and the continuous
(`айтып отыр`, `айтуда`). First-person forms (`деп ойлаймын`) are the writer's own: no source.

Source: Kazakh is head-final and puts the subject first, so the source is the first noun phrase
of the clause whose head names someone (a person, an office, an organization, `ол`/`олар`, a
word for people: `сарапшылар`, `тұрғындар`, `министрліктегілер`), in the nominative (not
`Үкімет отырысында`: a venue). After a quote or dash the phrase follows the verb (`», – дейді
саясаттанушылар`, `деп хабарлайды BAQ.KZ тілшісі`). Before `айтуынша`, `пікірінше` it is the
genitive phrase (`Сала мамандарының айтуынша`).
"""
from __future__ import annotations

import regex

from .sources import Speaker
from .text import Word, _adjacent

VOWELS = set("аәеиоөұүыіуэюя")
FRONT = set("әеөүіиэ")
UNVOICED = set("кқпстфхцчшщ")
GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
# endings of a word that is not the subject: locative, dative, ablative, instrumental, accusative
OBLIQUE = regex.compile(r"(?:да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|нан|нен|дан|ден|тан|тен|мен|бен|пен"
                        r"|ны|ні|ды|ді|ты|ті|н|ына|іне|сына|сіне|ында|інде|сында|сінде)$")
PLURAL = regex.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ың|ің|ымыз|іміз|ының|інің|ыңыз|іңіз)?(?:дың|дің|тың|тің|ның|нің)?$")
AGENT = regex.compile(r"(?:шы|ші|гер|кер|ші|дағы|дегі|тағы|тегі)(?:лар|лер|дар|дер|тар|тер)"
                      r"(?:ы|і)?(?:ның|нің|дың|дің)?$")       # сарапшылар, министрліктегілер
# a clause that is the object of `атап өтті` "noted" (екенін, өскенін, болатынын, маңыздылығын),
# against a noun object (мерекені, мерейтойын: "celebrated")
NOMINALIZED = regex.compile(r"(?:ғанын|генін|қанын|кенін|атынын|етінін|йтынын|йтінін|екенін|лығын|лігін"
                            r"|дығын|дігін|тығын|тігін)$")
ACCUSATIVE = regex.compile(r"(?:ны|ні|ды|ді|ты|ті|н)$")


def _harmony_front(stem: str) -> bool:
    for ch in reversed(stem):
        if ch in VOWELS:
            return ch in FRONT
    return False


def verb_forms(stem: str) -> list[str]:
    """The third-person forms of a verb stem: айт → айтты, айтады, айтқан, айтып отыр, айтуда."""
    last = stem[-1]
    front = _harmony_front(stem)
    pick = (lambda back, fr: fr if front else back)
    vowel, unvoiced = last in VOWELS, last in UNVOICED
    past = stem + (pick("ты", "ті") if unvoiced else pick("ды", "ді"))
    present = stem + (pick("йды", "йді") if vowel else pick("ады", "еді"))
    participle = stem + (pick("қан", "кен") if unvoiced else pick("ған", "ген"))
    converb = stem + ("п" if vowel else pick("ып", "іп"))
    continuous = stem + pick("уда", "уде")
    return [past, present, participle, converb + " отыр", converb + " жатыр", continuous]


def _adjacent_upper(text, words, k) -> bool:
    """Қасым-Жомарт Тоқаев at a sentence start: two adjacent capitalized words."""
    return k + 1 < len(words) and words[k + 1].text[:1].isupper() and _adjacent(text, words[k], words[k + 1])


class KazakhSource:
    """The source phrase of a Kazakh reporting verb (a mixin of SpeakerRules)."""

    def _kk_head(self, text, words, k, people, genitive_ok=False) -> bool:
        """Can words[k] head a source phrase: someone who speaks, in the nominative?"""
        w = words[k].text
        low = w.lower()
        if low in self.connectives:
            return False
        known = self._person_at(words, k, people) is not None or low in self.pronouns or \
            self._is_title(words, k) or self._is_org(w) or self.people_nouns.contains(w) is not None \
            or AGENT.search(low) is not None
        if not known and not self._surname_shaped(w) and not (w[:1].isupper() and k > 0 and (
                text[words[k - 1].end:words[k].start].strip(" ") == "" or _adjacent_upper(text, words, k))):
            return False                     # a capitalized word inside a sentence names someone (Әділхан)
        if low.endswith(GENITIVE):
            return genitive_ok
        for lex in (self.titles, self.orgs, self.people_nouns):
            if lex.contains(w) is not None:
                from ..lang.kk.morph import grammar
                a = grammar().analyze(low, lex.words.__contains__)
                return a is None or not a.has("case")
        return low in self.pronouns or not OBLIQUE.search(low) or self._person_at(words, k, people) is not None

    def _kk_phrase(self, text, words, h, lo, people, last, before, kind_hint=None) -> Speaker:
        """The phrase ending at head words[h]: its modifiers before it (Облыстық әкімдік өкілдерінің)."""
        a = h
        while a > lo and h - a < 4 and _adjacent(text, words[a - 1], words[a]):
            prev = words[a - 1].text
            low = prev.lower()
            if low in self.connectives or low in self.pronouns or self.verbs.contains(prev) is not None:
                break
            if not (prev[:1].isupper() or low.endswith(GENITIVE) or self._is_title(words, a - 1)
                    or self._is_org(prev) or low.endswith(("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі",
                                                            "қы", "кі", "ті", "ғы"))):
                break
            a -= 1
        spk = self.speaker_in(text, words, a, h + 1, people, last, before)
        head = words[h].text.lower()
        plural = PLURAL.search(head) is not None and head not in self.pronouns
        if spk is not None:
            if plural and spk.kind in ("office", "organization") and spk.start <= words[h].start < spk.end:
                spk.kind = "group"
            return spk
        written = text[words[a].start:words[h].end]
        if plural:
            kind = "group"
        elif words[h].text[:1].isupper():
            kind = "person"
        else:
            kind = kind_hint or "person"
        return Speaker(written, written, words[a].start, words[h].end, kind=kind)

    def kk_source_before(self, text, words, lo, hi, people, last, before) -> Speaker | None:
        """The first noun phrase of words[lo:hi] headed by someone, in the nominative."""
        for k in range(lo, hi):
            if self._kk_head(text, words, k, people):
                h = k
                while h + 1 < hi and _adjacent(text, words[h], words[h + 1]) and \
                        self._kk_head(text, words, h + 1, people) and words[h + 1].text.lower() not in self.pronouns:
                    h += 1                   # Ұлттық банк төрағасы, Чехия Үкіметі: the head is last
                if words[h].text.lower().endswith(GENITIVE):
                    continue
                return self._kk_phrase(text, words, h, lo, people, last, before)
            gap = text[words[k].end:words[k + 1].start] if k + 1 < len(words) else ""
            if any(c in gap for c in ".!?;") and k + 1 < hi:
                return None
        return None

    def kk_source_after(self, text, words, lo, hi, people, last, before) -> Speaker | None:
        """The phrase right after the verb: », – дейді саясаттанушылар; деп хабарлайды BAQ.KZ тілшісі."""
        h = None
        for k in range(lo, min(hi, lo + 6)):
            if k > lo:
                gap = text[words[k - 1].end:words[k].start]
                if gap.strip(" .") or "\n" in gap or (" " in gap and "." in gap):
                    break                    # a comma, the sentence end
            low = words[k].text.lower()
            if self._kk_head(text, words, k, people) or (words[k].text[:1].isupper() and not OBLIQUE.search(low)):
                h = k
            elif h is not None or OBLIQUE.search(low) or self.verbs.contains(words[k].text) is not None:
                break
        if h is None:
            return None
        spk = self._kk_phrase(text, words, h, lo, people, last, before)
        if any(ch.isascii() and ch.isalpha() for ch in spk.text):
            spk.kind = "organization"        # BAQ.KZ тілшісі: the outlet credits itself
        return spk

    def kk_source_genitive(self, text, words, i, lo, people, last, before) -> Speaker | None:
        """The genitive phrase right before айтуынша / пікірінше: Сала мамандарының, Лейла Исенғұлованың."""
        k = i - 1
        if k < lo or not words[k].text.lower().endswith(GENITIVE) or not _adjacent(text, words[k], words[i]):
            return None
        if not self._kk_head(text, words, k, people, genitive_ok=True) and not words[k].text[:1].isupper():
            return None
        return self._kk_phrase(text, words, k, lo, people, last, before)

    def kk_statement_before(self, text, words, vi) -> bool:
        """Does a statement end right before this verb? `деп`, a clause object (өскенін, екенін),
        `туралы`, a quote or dash; де- verbs take speech itself (баттық дейді). Not a noun object:
        шығарма жазды "wrote an essay", мерекені атап өтті "celebrated"."""
        if words[vi].text.lower().startswith("де") or vi == 0:
            return True
        prev = words[vi - 1].text.lower()
        gap = text[words[vi - 1].end:words[vi].start]
        return prev in ("деп", "туралы", "жайында", "жөнінде") or NOMINALIZED.search(prev) is not None \
            or any(c in gap for c in "»\"-") or prev.endswith(("уын", "уін"))

    def kk_celebrated(self, words, vi) -> bool:
        """атап өтті after a noun object (мерекені, мерейтойын) means celebrated, not noted."""
        if words[vi].text.lower() != "атап" or vi == 0:
            return False
        prev = words[vi - 1].text.lower()
        return ACCUSATIVE.search(prev) is not None and NOMINALIZED.search(prev) is None
