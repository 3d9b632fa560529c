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

from .kk_endings import (AGENT, FRONT, GENITIVE, NOMINALIZED, OBLIQUE, PARTICIPLE, PLURAL, POSSESSIVE, UNVOICED,
                         VENUE, VOWELS)
from .ru_tags import first_tag
from .sources import Speaker
from .text import _adjacent

def _oblique(low: str) -> bool:
    m = OBLIQUE.search(low)
    return m is not None and m.start() >= 3           # not аудан, whose -дан is its own


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
    return [past, present, participle, converb + " отыр", converb + " жатыр", converb + " жүр",
            converb + " жүреді", continuous]


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
        if low in ("бірі", "біреуі") and k > 0 and words[k - 1].text.lower().endswith(GENITIVE):
            return True                      # Ата-аналардың бірі: one of them
        known = self._person_at(words, k, people) is not None or low in self.pronouns or \
            self._is_title(words, k) or self._is_org(w) or self.people_nouns.contains(w.split("-")[-1]) is not None \
            or AGENT.search(low) is not None
        if not known and not self._surname_shaped(w) and not (w[:1].isupper() and k > 0 and (
                text[words[k - 1].end:words[k].start].strip(" ") == "" or _adjacent_upper(text, words, k))):
            return False                     # a capitalized word inside a sentence names someone (Әділхан)
        if low.endswith(GENITIVE):
            return genitive_ok
        if (self._is_org(w) or self._is_title(words, k)) and k + 1 < len(words) and \
                _adjacent(text, words[k], words[k + 1]) and VENUE.search(words[k + 1].text.lower()):
            return False                     # Үкімет отырысында: a venue
        for lex in (self.titles, self.orgs, self.people_nouns):
            if lex.contains(w) is not None:
                from ..lang.kk.morph import grammar
                a = grammar().analyze(low, lex.words.__contains__)
                return a is None or not a.has("case")
        return low in self.pronouns or not _oblique(low)   # not Путинмен, Тоқаевқа

    def _kk_phrase(self, text, words, h, lo, people, last, before, kind_hint=None, start=None) -> Speaker:
        """The phrase ending at head words[h]: its modifiers before it (Облыстық әкімдік өкілдерінің),
        or from words[start] when the caller has read the whole name."""
        a = h if start is None else start
        while a > lo and h - a < 4 and (_adjacent(text, words[a - 1], words[a]) or
                                        text[words[a - 1].end:words[a].start] == "."):   # BAQ.KZ
            prev = words[a - 1].text
            low = prev.lower()
            if low in self.connectives or low in self.pronouns or self.verbs.contains(prev) is not None:
                break
            izafet = POSSESSIVE.search(words[h].text.lower()) is not None and not _oblique(low) \
                and not low.endswith(("ды", "ді", "ты", "ті", "п"))      # Ұлттық статистика бюросы
            if not (prev[:1].isupper() or low.endswith(GENITIVE) or self._is_title(words, a - 1) or izafet
                    or self._is_org(prev) or low.endswith(("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі",
                                                            "қы", "кі", "ті", "ғы"))):
                break
            a -= 1
        spk = self.speaker_in(text, words, a, h + 1, people, last, before)
        if spk is not None and start is not None and spk.kind in ("organization", "office") and \
                words[a].start < spk.start:                  # ҚР Ауыл шаруашылығы министрлігінің …: the whole name
            spk.name = text[words[a].start:spk.start] + spk.name
            spk.start = words[a].start
            spk.text = text[spk.start:spk.end]
        head = words[h].text.lower()
        plural = PLURAL.search(head) is not None and head not in self.pronouns
        if spk is not None:
            if plural and spk.kind in ("office", "organization") and spk.start <= words[h].start < spk.end:
                spk.kind = "group"
            return spk
        written = text[words[a].start:words[h].end]
        name = written[:-3] if head.endswith(GENITIVE) else written   # Сарапшылардың → Сарапшылар
        if plural:
            kind = "group"
        elif words[h].text[:1].isupper():
            kind = "organization" if self._kk_place(words[h].text) else "person"   # Ресей мәлімдеді
        else:
            kind = kind_hint or "person"
        return Speaker(name, written, words[a].start, words[h].end, kind=kind)

    def kk_source_before(self, text, words, lo, hi, people, last, before) -> Speaker | None:
        """The first noun phrase of words[lo:hi] headed by someone, in the nominative."""
        for k in range(lo, hi):
            if self._kk_head(text, words, k, people):
                h = k
                while h + 1 < hi and _adjacent(text, words[h], words[h + 1]) and \
                        self._kk_head(text, words, h + 1, people) and words[h + 1].text.lower() not in self.pronouns:
                    h += 1                   # Ұлттық банк төрағасы, Чехия Үкіметі: the head is last
                if not self._kk_known_head(words, h, people):
                    far = self._kk_named_head(text, words, h, hi, people)
                    if far is not None:              # ҚР Мәдениет және спорт министрлігінің баспасөз қызметі
                        a = k
                        while a > lo and k - a < 3 and _adjacent(text, words[a - 1], words[a]) and \
                                words[a - 1].text[:1].isupper() and words[a - 1].text.lower() not in self.connectives:
                            a -= 1                   # Ұлттық Банкінің …: the capitals before
                        return self._kk_phrase(text, words, far, lo, people, last, before, start=a)
                if words[h].text.lower().endswith(GENITIVE):
                    continue
                if h + 1 < hi and any(self._kk_place(words[x].text) for x in range(k, h + 1)) and \
                        not any(self._kk_known_head(words, x, people) for x in range(k, h + 1)):
                    continue                 # Алматы биыл …: a place is a source only right before the verb
                if h + 1 < hi and _adjacent(text, words[h], words[h + 1]) and words[h + 1].text[:1].isupper() \
                        and _oblique(words[h + 1].text.lower()):
                    continue                 # Владимир Путинмен: a name in another case
                if h + 2 < hi and PARTICIPLE.search(words[h + 1].text.lower()) and \
                        self.verbs.contains(words[h + 1].text) is None:
                    continue                 # X бастаған Y: X is the participle's subject, Y the clause's
                return self._kk_phrase(text, words, h, lo, people, last, before)
            gap = text[words[k].end:words[k + 1].start] if k + 1 < len(words) else ""
            if any(c in gap for c in ".!?;") and k + 1 < hi:
                return None
        return None

    def _kk_place(self, word: str) -> bool:
        """A place name: listed in patterns/kk/speakers.yaml (Қызылорда, Ресей) or a place for
        pymorphy3 (Алматы, Украина)."""
        return self.places.contains(word) is not None or "Geox" in first_tag(word)

    def _kk_known_head(self, words, k, people) -> bool:
        """Is words[k] a head by its meaning (a person, office, organization, pronoun, people
        noun), not only by its capital letter?"""
        w = words[k].text
        return self._person_at(words, k, people) is not None or w.lower() in self.pronouns or \
            self._is_title(words, k) or self._is_org(w) or self.people_nouns.contains(w.split("-")[-1]) is not None \
            or AGENT.search(w.lower()) is not None or bool(self._surname_shaped(w))

    def _kk_named_head(self, text, words, h, hi, people) -> int | None:
        """The real head of a name that opens with capitalized words: the office or organization
        (in the nominative) its genitives and joiners lead to (Ұлттық Банкінің Ақша-кредит саясаты
        жөніндегі комитеті; ҚР Мәдениет және спорт министрлігінің баспасөз қызметі), or the person
        named after that office (… Ұлттық Банкінің төрағасы Тимур Сүлейменов)."""
        best = None
        j = h + 1
        while j < hi and j - h <= 8 and _adjacent(text, words[j - 1], words[j]):
            w = words[j].text
            low = w.lower()
            if self.verbs.contains(w) is not None or low in self.pronouns or \
                    (low in self.connectives and low not in self.joiners):
                break
            if best is not None and (self._person_at(words, j, people) is not None or self._surname_shaped(w)) \
                    and self._kk_head(text, words, j, people):
                return j                     # the person named after the office
            if (self._is_title(words, j) or self._is_org(w)) and self._kk_head(text, words, j, people):
                best = j
            elif best is not None and not w[:1].isupper():
                break                        # the office is followed by its clause
            elif not (low in self.joiners or w[:1].isupper() or low.endswith(GENITIVE)
                      or POSSESSIVE.search(low) or not _oblique(low)):
                break
            j += 1
        return best

    def kk_source_after(self, text, words, lo, hi, people, last, before, to_end=False) -> Speaker | None:
        """The phrase right after the verb: деген Елбасы (its first head); after a quote, the whole
        phrase up to the sentence end, head last (», – дейді белсенді жастар; деп хабарлайды BAQ.KZ тілшісі)."""
        h = None
        for k in range(lo, min(hi, lo + 6)):
            if k > 0:
                gap = text[words[k - 1].end:words[k].start]
                if gap.strip(" .«»\"" if k > lo else " -«\"") or "\n" in gap or (" " in gap and "." in gap):
                    break                    # a comma, the sentence end
            low = words[k].text.lower()
            if low in self.connectives:
                break                        # дейді ғой кейбір кезде
            if _oblique(low) and not self._kk_head(text, words, k, people) or \
                    self.verbs.contains(words[k].text) is not None:
                break                        # министр брифингте: the venue is not the source
            if self._kk_head(text, words, k, people) or words[k].text[:1].isupper():
                h = k
            elif to_end:
                h = k                        # ауылдастары: after a quote any noun phrase is the source
            elif h is not None:
                break
        if h is None or (not to_end and h - lo > 3):
            return None
        spk = self._kk_phrase(text, words, h, lo, people, last, before)
        if any(ch.isascii() and ch.isalpha() for ch in spk.text):
            spk.kind = "organization"        # BAQ.KZ тілшісі: the outlet credits itself
        return spk

    def kk_source_genitive(self, text, words, i, lo, people, last, before) -> Speaker | None:
        """The genitive phrase right before айтуынша / пікірінше: Сала мамандарының, Лейла Исенғұлованың."""
        k = i - 1
        if k < lo or not _adjacent(text, words[k], words[i]):
            return None
        if not words[k].text.lower().endswith(GENITIVE):   # Клара апамыз айтқандай: a nominative
            return self.kk_source_before(text, words, lo, i, people, last, before)
        return self._kk_phrase(text, words, k, lo, people, last, before)   # Зардап шеккендердің айтуынша

    def kk_statement_before(self, text, words, vi) -> bool:
        """Does a statement end before this verb? `деп`, a clause object (өскенін, екенін), `туралы`,
        a quote or dash, a few adverbs back at most (… рөлін тағы бір мәрте атап өтті); де- verbs take
        speech itself (баттық дейді), `атап өт` any object but a celebration. Not a noun object:
        шығарма жазды "wrote an essay"."""
        if words[vi].text.lower().startswith("де") or vi == 0:
            return True
        if words[vi].text.lower() == "атап":
            return True
        for j in range(vi - 1, max(-1, vi - 4), -1):
            prev = words[j].text.lower()
            gap = text[words[j].end:words[j + 1].start]
            if prev == "деп" and words[j + 1].text.lower().startswith("атал"):
                return False                                 # «Көк аспан» деп аталатын роман жазды: a name
            if prev in ("деп", "туралы", "жайында", "жөнінде") or NOMINALIZED.search(prev) is not None \
                    or (j == vi - 1 and any(c in gap for c in "»\"-")) or prev.endswith(("уын", "уін")) \
                    or (j == vi - 1 and prev.endswith(("уды", "уді"))):   # салықты төмендетуді ұсынды
                return True
            if "," in gap:
                return False
        return False

    def kk_celebrated(self, words, vi) -> bool:
        """атап өтті after a holiday (мерекені, мерейтойын, Наурыз мейрамын) means celebrated, not noted."""
        if words[vi].text.lower() != "атап" or vi == 0:
            return False
        return any(self.celebrations.contains(words[j].text) is not None for j in range(max(0, vi - 3), vi))
