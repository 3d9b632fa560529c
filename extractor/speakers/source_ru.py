"""Russian: the source of a reporting verb as the noun phrase that agrees with it.

The subject is a nominative noun or personal pronoun agreeing with the verb in number (and
gender in the past tense: `сказала` takes `мама`, `министр`, never `Иванов`). It is looked for
left of the verb within the clause, skipping prepositional phrases and comma-delimited inserts
(`Данкверт, против которого …, заявил`), then right of it for an inversion (`», — заявил в
воскресенье начальник управления Александр Болотов`, `сообщает Росстат`). A common noun must
name someone (animate: `эксперты`, `следователь`) or an organization (`ведомство`); capitalized
words (names, `Росстат`, `МИД`) are accepted. With no subject, `в МИД заявили` and `говорится в
сообщении Минфина` name the organization in the prepositional phrase.
"""
from __future__ import annotations

import regex

from ..numerals.ru import parses
from .ru_tags import Tag, first_tag, tags_of
from .sources import Speaker
from .text import Word, _adjacent, _common_word, _known

RELATIVE = frozenset({"который", "которая", "которое", "которые", "которого", "которой", "которому",
                      "которым", "которыми", "которых", "котором", "где", "когда", "чей", "чья", "чьи",
                      "куда", "откуда", "что", "как", "если", "хотя", "поскольку"})
PERSONAL = frozenset({"он", "она", "они", "оно"})
ONE = frozenset({"один", "одна", "одного", "одной"})                      # один из экспертов: one of a group
CLAUSE_END = regex.compile(r'[.!?;:()\[\]…]|\s-\s|\n|\s-$|^-\s')   # «» around a name do not end it
IN_PREPOSITIONS = frozenset({"в", "во"})
MAX_WORDS = 12                         # how far either way a subject is looked for


def _verb_tag(word: str) -> Tag | None:
    for t in tags_of(word):
        if t.POS in ("VERB", "PRTS", "GRND", "PRTF", "INFN"):
            return t
    return None


def _agrees(noun_tag, verb_tag) -> bool:
    if verb_tag is None or verb_tag.POS in ("GRND", "PRTF", "INFN"):
        return True                    # сказав, заявивший: no agreement to check
    if verb_tag.number and noun_tag.number and verb_tag.number != noun_tag.number:
        return False
    if verb_tag.number == "sing" and verb_tag.gender and noun_tag.gender and "Fixd" not in noun_tag:
        if verb_tag.gender == "masc" and noun_tag.gender == "femn":
            return False               # заявил never takes Иванова
        if verb_tag.gender == "neut" and noun_tag.gender != "neut" and "anim" in noun_tag:
            return False
        if verb_tag.gender == "femn" and noun_tag.gender == "neut":
            return False
    return True


def _adjacent_or_quoted(text: str, a: Word, b: Word) -> bool:
    """Only spaces or quotation marks between two words: Медиахолдинг «Башинформ»."""
    gap = text[a.end:b.start]
    return len(gap) <= 3 and gap.strip(" «»\"") == "" and "\n" not in gap


def _nominative(word: str) -> str:
    """An adjective in the nominative singular of its noun: дорожной → дорожная."""
    p = parses(word)[0]
    form = p.inflect({"nomn"}) if p.tag.case != "nomn" else None
    return form.word if form else word


class RussianSource:
    """The agreeing noun phrase of a Russian reporting verb (a mixin of SpeakerRules)."""

    def _sentence_initial(self, text, words, k) -> bool:
        if k == 0:
            return True
        gap = text[words[k - 1].end:words[k].start]
        return any(c in gap for c in ".!?\n«\"") or gap.strip() in ("-", ":")


    def _clause_gap(self, text: str, a: Word, b: Word) -> str:
        return text[a.end:b.start]

    def _in_pp(self, text, words, k, lo) -> bool:
        """Is words[k] inside a prepositional phrase (на встрече, в пятницу, в ходе форума)?"""
        j = k - 1
        steps = 0
        while j >= lo and steps < 5 and _adjacent_or_quoted(text, words[j], words[j + 1]):
            tag = first_tag(words[j].text)
            if tag.POS == "PREP":
                return True
            if words[j].text.lower() in RELATIVE:
                return False                 # в которых Кэтрин рассказала: the relative, not a phrase
            if words[j].text[:1].isupper() or tag.POS in ("ADJF", "PRTF", "NUMR") or \
                    (tag.POS == "NOUN" and any(t.case == "gent" for t in tags_of(words[j].text)[:2])):
                j -= 1                       # в ходе круглого стола, о смерти главы Агентства
                steps += 1
                continue
            return False                     # в этой беседе Андрей: a noun in another case ends the phrase
        return False

    def _head_parse(self, text, words, k, lo, verb_tag):
        """The nominative parse that makes words[k] a possible subject of the verb, or None."""
        w = words[k].text
        low = w.lower()
        if low in RELATIVE or self._in_pp(text, words, k, lo):
            return None
        if len(w) < 2:
            return None                      # В, О: a preposition at the sentence start
        if low in ONE and k + 1 < len(words) and words[k + 1].text.lower() == "из":
            return parses(w)[0]              # один из экспертов
        # a capitalized word counts as a name unless it is a common word opening the sentence
        capital = w[:1].isupper() and not (self._sentence_initial(text, words, k) and _common_word(w)
                                           and not self._surname_shaped(w))
        for p, t in zip(parses(w), tags_of(w)):
            if t.case != "nomn" or t.POS not in ("NOUN", "NPRO"):
                continue
            if t.POS == "NPRO" and p.normal_form not in PERSONAL:
                continue
            if not _agrees(t, verb_tag):
                continue
            if t.POS == "NOUN" and not capital and "anim" not in t and not self._is_title(words, k) \
                    and not self._is_org(w):
                continue                     # рост, документ: not someone who speaks
            if t.POS == "NOUN" and capital and "anim" not in t and not ({"Orgn", "Abbr"} & t.grammemes) \
                    and _known(w) and not self._is_org(w) and not self._is_title(words, k):
                continue                     # Документ, Выставка: a common noun, capitalized
            if t.POS == "NOUN" and capital and "Geox" in t and not self._is_org(w):
                continue                     # Москве, Россия as a place
            return p
        unknown_name = not _known(w) and (any(t.case == "nomn" or "Fixd" in t for t in tags_of(w)) or (
            k > lo and not w.isascii() and _adjacent(text, words[k - 1], words[k]) and
            "Name" in first_tag(words[k - 1].text)))
        # (Даурен Кенбеил: an unknown word after a first name is a surname, whatever pymorphy3 guesses)
        if capital and (w.isupper() or self._surname_shaped(w) or unknown_name or "LATN" in first_tag(w)) \
                and not self._function_word(w) and "Geox" not in first_tag(w):
            return parses(w)[0]              # МИД, Абаев, Олесси, Deutsche Welle: names pymorphy3 misreads
        return None

    def ru_source(self, text, words, vi, vj, lo, hi, people, last, before, right_first=False) -> Speaker | None:
        """The source of the verb words[vi:vj] within the sentence words[lo:hi]."""
        verb_tag = _verb_tag(words[vi].text)
        order = ("right", "left") if right_first else ("left", "right")
        for side in order:
            k = self._ru_left(text, words, vi, lo, verb_tag) if side == "left" else \
                self._ru_right(text, words, vj, hi, verb_tag)
            if k is not None:
                return self._ru_phrase(text, words, k, lo, hi, people, last, before)
        return self._ru_in_phrase(text, words, vi, vj, lo, hi, verb_tag)

    def ru_subject_before(self, text, words, vi, lo, hi, people, last, before) -> Speaker | None:
        """The subject of the verb words[vi] among words[lo:hi], a clause before an insert
        (Глава МВД, подчеркнув, что …, поблагодарил: words[lo:hi] is `Глава МВД`)."""
        verb_tag = _verb_tag(words[vi].text)
        for k in range(hi - 1, lo - 1, -1):
            if self._head_parse(text, words, k, lo, verb_tag) is not None:
                return self._ru_phrase(text, words, self._owner(text, words, k, lo), lo, hi, people, last, before)
        return None

    def _ru_left(self, text, words, vi, lo, verb_tag) -> int | None:
        k = vi - 1
        skipped = False                      # just jumped over an insert: its opening comma is read
        while k >= lo and vi - k <= MAX_WORDS + 10:
            gap = self._clause_gap(text, words[k], words[k + 1])
            if CLAUSE_END.search(gap):
                return None
            if "," in gap and not skipped:
                m = k                        # the segment before the comma: an insert to skip?
                while m > lo and "," not in self._clause_gap(text, words[m - 1], words[m]) and \
                        not CLAUSE_END.search(self._clause_gap(text, words[m - 1], words[m])):
                    m -= 1
                if m == lo or not self._insert_start(words, m):
                    return None
                k = m - 1
                skipped = True
                continue
            skipped = False
            if self._head_parse(text, words, k, lo, verb_tag) is not None:
                return self._owner(text, words, k, lo)
            if k == vi - 1 and self._place_subject(text, words, k, lo, verb_tag):
                return k                     # Украина заявила: a place is a source only as the verb's subject
            tag = first_tag(words[k].text)
            if tag.POS in ("VERB", "CONJ") and words[k].text.lower() not in ("и",):
                return None                  # another clause's verb or a conjunction
            k -= 1
        return None

    def _place_subject(self, text, words, k, lo, verb_tag) -> bool:
        """A capitalized place name in the nominative, agreeing with the verb right after it."""
        w = words[k].text
        if not w[:1].isupper() or self._in_pp(text, words, k, lo):
            return False
        return any(t.POS == "NOUN" and t.case == "nomn" and "Geox" in t and _agrees(t, verb_tag)
                   for t in tags_of(w)[:3])

    def _owner(self, text, words, k, lo) -> int:
        """Врачи НАСА, Члены КПРФ, адвокат Сингха: a name that cannot show its case, after a
        nominative noun, is that noun's genitive; the noun is the head."""
        w = words[k].text
        if k <= lo or not _adjacent(text, words[k - 1], words[k]):
            return k
        if not (w.isupper() or not _known(w) or "Fixd" in first_tag(w) or
                any(t.case == "gent" for t in tags_of(w)[:3])):
            return k
        prev = tags_of(words[k - 1].text)
        if any(t.POS == "NOUN" and t.case == "nomn" and ("anim" in t or self._is_org(words[k - 1].text))
               for t in prev[:2]) or \
                (prev[0].POS == "NOUN" and prev[0].number == "plur" and prev[0].case == "nomn"):
            return k - 1
        return k

    def _insert_start(self, words, m) -> bool:
        """Does a comma segment starting at words[m] read as an insert (который …, выступая …)?"""
        first = words[m].text.lower()
        if first in RELATIVE:
            return True
        tag = first_tag(first)
        if tag.POS in ("GRND", "PRTF") or (tag.POS == "PREP" and m + 1 < len(words)
                                           and words[m + 1].text.lower() in RELATIVE):
            return True
        return False

    def _ru_right(self, text, words, vj, hi, verb_tag) -> int | None:
        k = vj
        while k < hi and k - vj < MAX_WORDS:
            gap = self._clause_gap(text, words[k - 1], words[k])
            if CLAUSE_END.search(gap) or ("," in gap and k > vj):
                return None
            if words[k].text.lower() in RELATIVE:
                return None
            if self._head_parse(text, words, k, vj, verb_tag) is not None:
                return k
            tag = first_tag(words[k].text)
            if tag.POS in ("VERB", "INFN"):
                return None
            k += 1
        return None

    def _job_word(self, word: str) -> bool:
        """A singular animate common noun: рабочий, пенсионерка, фермер (a person's job or role)."""
        tag = first_tag(word)
        return tag.POS == "NOUN" and "anim" in tag and tag.number != "plur" and not \
            ({"Name", "Surn", "Patr"} & tag.grammemes)

    def job_title(self, text, words, k, lo) -> str | None:
        """The job word right before a name at words[k] (фермер Ерлан Ахметов), in its base form, if
        it agrees with the name in case (not Мама Анны Ивановой: the mother speaks)."""
        j = k - 1
        if j < lo or not _adjacent(text, words[j], words[k]) or not self._job_word(words[j].text):
            return None
        if words[j].text[:1].isupper() and not self._sentence_initial(text, words, j):
            return None                                      # Ким Андрей: a capital mid-sentence is a name
        job = first_tag(words[j].text)
        name = [words[m].text for m in (k, k + 1) if m < len(words) and words[m].text[:1].isupper()]
        if not any(t.case == job.case and t.number == job.number and {"Name", "Surn"} & t.grammemes
                   for w in name for t in tags_of(w)[:3]):        # (Ерлан is unknown: Ахметов tells)
            return None
        return self._base_form(text, words, j, j, k)

    def _named_after_job(self, text, words, a, h, b) -> Speaker | None:
        """A lowercase word for a person (рабочий, пенсионерка, фермер) then a name in words[h+1:b]:
        the person, with the job word and its modifiers as the title (as `Экономист Иванов`)."""
        head = words[h]
        if not (h + 1 < b and b - h <= 4) or self.job_title(text, words, h + 1, a) is None:
            return None
        names = range(h + 1, b)
        if not all(words[j].text[:1].isupper() and self._name_like(words[j].text) for j in names) or \
                not any({"Name", "Surn"} & t.grammemes for j in names for t in tags_of(words[j].text)[:2]):
            return None
        name = text[words[h + 1].start:words[b - 1].end]
        if self._oblique_name(words[h + 1].text) and b - h >= 3:  # рабочего Андрея Кима → Андрей Ким
            name = self._full_name(text, words, h + 1, b - 1, self._surname_base(words[b - 1].text))
        return Speaker(name, text[words[h + 1].start:words[b - 1].end], words[h + 1].start, words[b - 1].end,
                       self._base_form(text, words, a, h, h + 1), kind="person")

    def _ru_phrase(self, text, words, h, lo, hi, people, last, before) -> Speaker | None:
        """The noun phrase around head words[h], resolved; its kind from its head."""
        a = h
        k = h - 1
        keep = h
        head_tag = first_tag(words[h].text)
        while k >= lo and h - k <= 6 and _adjacent(text, words[k], words[k + 1]):
            w = words[k].text
            tag = first_tag(w)
            if w.lower() == "и" and k - 1 >= lo and keep == k + 1 and _adjacent(text, words[k - 1], words[k]) \
                    and any(t.case == "nomn" and t.POS == "NOUN" for t in tags_of(words[k - 1].text)[:2]):
                keep = k - 1                 # противники и правозащитники: both speak
                k -= 2
                continue
            if tag.POS in ("PREP", "CONJ", "VERB", "ADVB", "PRCL", "COMP", "PRED") or w.lower() in RELATIVE or \
                    (self._sentence_initial(text, words, k) and _common_word(w) and not self._is_title(words, k)
                     and not (tag.POS == "ADJF" and tag.gender == head_tag.gender and "Fixd" not in head_tag)
                     and not (tag.POS == "ADJF" and self._is_title(words, k + 1))     # Старший экономист
                     and not (self._job_word(w) and {"Name", "Surn"} & first_tag(words[k + 1].text).grammemes)):  # Рабочий Андрей Ким
                break                        # Позднее Рауль Кастро: an adverb opening the sentence
            if w.lower() in ("его", "её", "ее", "их"):
                keep = k                     # его дочь
                break
            if self._is_title(words, k) or w[:1].isupper() or (tag.POS in ("ADJF", "PRTF") and tag.case == "nomn"):
                keep = k
            elif not (tag.POS in ("NOUN", "ADJF") and tag.case == "gent"):
                break
            k -= 1
        a = keep
        b = h + 1
        if words[h].text.lower() in ONE and b + 1 < hi and words[b].text.lower() == "из":
            b += 2                               # один из участников рынка
        while b < hi and b - h <= 8 and (_adjacent(text, words[b - 1], words[b]) or (
                text[words[b - 1].end:words[b].start] == "." and words[b].text.isascii())):   # Zakon.kz
            w = words[b].text
            tag = first_tag(w)
            if w.lower() == "и" and b + 1 < hi and _adjacent(text, words[b], words[b + 1]) and \
                    "gent" in first_tag(words[b - 1].text) and \
                    any("gent" in t for t in tags_of(words[b + 1].text)[:2]):
                b += 2                           # в сообщении правительства и губернатора …
                continue
            if w.lower() in self.joiners and (self._is_org(words[h].text) or self._is_title(words, h)):
                j = self._joined_end(text, words, b, hi)
                if j > b:                            # Комитет по денежно-кредитной политике …
                    b = j
                    continue
            if tag.POS in ("PREP", "CONJ", "VERB", "INFN", "ADVB", "PRCL", "GRND") or w.lower() in RELATIVE:
                break
            if not (w[:1].isupper() or "gent" in tag or any("gent" in t for t in tags_of(w)[:2])
                    or (w.isascii() and text[words[b - 1].end:words[b].start] == ".")):   # Zakon.kz
                break
            b += 1
        head = words[h]
        spk = self.speaker_in(text, words, a, b, people, last, before)
        plural = first_tag(head.text).number == "plur" and head.text.lower() not in PERSONAL and \
            not (head.text[:1].isupper() and self._surname_shaped(head.text))   # Песков, not пески
        if head.text.lower() in ONE and b > h + 1:           # Один из депутатов: one person of the group
            written = text[words[a].start:words[b - 1].end]
            return Speaker(written, written, words[a].start, words[b - 1].end, kind="person")
        if spk is None:                                      # рабочий Андрей Ким; Рабочий Андрей Ким заявил
            named = self._named_after_job(text, words, a, h, b) or self._named_after_job(text, words, a, a, b)
            if named is not None:                            # the job is the title
                return named
        if spk is not None:
            if plural and spk.kind in ("office", "organization") and spk.start <= head.start < spk.end:
                spk.kind = "group"           # депутаты, представители ведомства
            return spk
        written = text[words[a].start:words[b - 1].end]
        if head.text.lower() in ONE:
            return Speaker(written, written, words[a].start, words[b - 1].end, kind="person")
        proper = head.text[:1].isupper() and not _common_word(head.text)    # Росстат, not Жители
        if plural and not proper:                            # аналитиков → аналитики: a group as a reader names it
            form = parses(head.text)[0].inflect({"nomn", "plur"})
            word = form.word if form else head.text
            word = word[:1].upper() + word[1:] if head.text[:1].isupper() else word
            name = text[words[a].start:head.start] + word + text[head.end:words[b - 1].end]
            return Speaker(name, written, words[a].start, words[b - 1].end, kind="group")
        if proper:
            name_run = b - a >= 2 and all(words[j].text[:1].isupper() and not self._is_org(words[j].text)
                                          and not words[j].text.isupper() and not words[j].text.isascii()
                                          for j in range(a, b))     # Wall Street Journal: an outlet
            initial = a > 0 and regex.fullmatch(r"\p{Lu}\.\s?", text[words[a - 1].start:words[a].start]) is not None
            person = self._surname_shaped(head.text) or name_run or initial or any(
                {"anim", "Name", "Surn", "Patr"} & t.grammemes for t in tags_of(head.text)[:2])
            place = "Geox" in first_tag(head.text) and not initial   # Украина заявила: a state, not a person
            kind = "person" if person and not head.text.isupper() and not place else "organization"
        else:
            kind = "group" if plural else "person"
            if any(words[j].text.isascii() for j in range(h + 1, b)):
                kind = "organization"                # корреспондент Zakon.kz: the outlet credits itself
        return Speaker(self._base_form(text, words, a, h, b), written, words[a].start, words[b - 1].end, kind=kind)

    def _ru_in_phrase(self, text, words, vi, vj, lo, hi, verb_tag) -> Speaker | None:
        """в МИД заявили, в пресс-службе Кремля сообщили, говорится в сообщении Минфина."""
        impersonal = verb_tag is not None and (verb_tag.number == "plur" or verb_tag.POS == "PRTS"
                                               or "3per" in verb_tag and "pres" in verb_tag)
        if not impersonal:
            return None
        for k in list(range(max(lo, vi - 10), vi)) + list(range(vj, min(hi, vj + 6))):
            if words[k].text.lower() not in IN_PREPOSITIONS or k + 1 >= hi:
                continue
            j = k + 1
            if not _adjacent(text, words[k], words[j]):
                continue
            # в сообщении Минфина: the organization is the genitive after the noun
            if not (words[j].text[:1].isupper() or self._is_org(words[j].text)) and j + 1 < hi \
                    and _adjacent(text, words[j], words[j + 1]) and (words[j + 1].text[:1].isupper() or
                                                                     self._is_org(words[j + 1].text) or
                                                                     self._is_title(words, j + 1)):
                j += 1                       # в заявлении Ватикана, в поздравлении президента
            w = words[j].text
            if not (w[:1].isupper() or self._is_org(w) or self._is_title(words, j)) or \
                    (j == k + 1 and "Geox" in first_tag(w)):   # в Москве заявили: a place; в заявлении России: a source
                continue
            b = j + 1
            while b < hi and _adjacent(text, words[b - 1], words[b]) and words[b].text[:1].isupper():
                b += 1                       # пресс-службе Кремля, МИД России
            a = j
            while a > k + 1 and first_tag(words[a - 1].text).POS in ("ADJF", "PRTF"):
                a -= 1                       # в дорожной полиции
            written = text[words[a].start:words[b - 1].end]
            name = " ".join(_nominative(words[x].text) for x in range(a, j)) + (" " if a < j else "") + \
                self._base_form(text, words, j, j, b)
            return Speaker(name, written, words[a].start, words[b - 1].end,
                           kind="office" if self._is_title(words, j) else "organization")
        return None
