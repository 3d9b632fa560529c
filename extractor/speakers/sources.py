"""The source phrase of an attribution: the person, office, organization or pronoun named
near a reporting verb or marker, as written and resolved."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .ru_tags import first_tag, tags_of
from .text import Word, _adjacent, _common_word

# kk: a possessive ending on an office or organization (әкімі, басшысы, қызметі, департаментінің)
POSSESSIVE_KK = regex.compile(r"(?:ы|і|сы|сі)(?:ның|нің)?$")
OBLIQUE_KK = regex.compile(r"(?:да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|нан|нен|дан|ден|тан|тен|мен|бен|пен"
                           r"|ына|іне|сына|сіне|ында|інде|сында|сінде)$")


def _oblique_kk(low: str) -> bool:
    """A locative, dative, ablative or instrumental ending on a stem of three letters or more
    (отырысында; not аудан, whose -дан is its own)."""
    m = OBLIQUE_KK.search(low)
    return m is not None and m.start() >= 3


@dataclass
class Speaker:
    name: str                  # resolved: the person's fullest name, or the office / organization as written
    text: str                  # as written in the attribution
    start: int
    end: int
    title: str | None = None
    kind: str = "person"       # person, office, organization, group, pronoun


class SourcePhrases:
    """Finding the source phrase (a mixin of SpeakerRules)."""

    def speaker_in(self, text, words: list[Word], lo: int, hi: int, people, last: Speaker | None,
                   before: int) -> Speaker | None:
        """The first speaker named among words[lo:hi]: a person, an office, an organization, a pronoun."""
        hi = min(hi, len(words))
        for i in range(lo, hi):
            w = words[i]
            person = self._person_at(words, i, people)
            if person is not None and self.lang == "ru" and w.text != person.surname and i + 1 < hi and \
                    _adjacent(text, w, words[i + 1]) and any("Name" in t and t.case == "nomn"
                                                            for t in tags_of(words[i + 1].text)[:3]):
                continue                                     # биограф Уоррена Баффета Энди Килпатрик: the last name speaks
            if person is not None and self.lang == "ru" and i > lo and _adjacent(text, words[i - 1], w):
                if self._owner_of_noun(words[i - 1].text, w.text, person):
                    return None                              # Адвокат Маркива, Сторонники Ассанжа: they speak
                other = self._other_given(words[i - 1].text, person) and \
                    w.text.lower().startswith(person.surname.lower()) and len(w.text) <= len(person.surname) + 1
                if other:                                    # Варвара Визбор, not Юрий Визбор (nominatives only)
                    name = text[words[i - 1].start:w.end]
                    return Speaker(name, name, words[i - 1].start, w.end)
            if person is not None:
                start = i
                while start > lo and _adjacent(text, words[start - 1], words[start]) and \
                        self._strip_case(words[start - 1].text)[-1].lower() in person.name.lower() and \
                        self.resolve_surname(words[start - 1].text, [person]) is None:
                    start -= 1                               # Қасым-Жомарт Тоқаев, Антона Силуанова as written
                                                             # (not дочь Ислама Каримова Лола Каримова's first surname)
                title = person.title or (self.job_title(text, words, start, lo) if self.lang == "ru" else None)
                return Speaker(person.name, text[words[start].start:w.end], words[start].start, w.end, title)
            if i + 1 < hi and _adjacent(text, w, words[i + 1]) and self._person_at(words, i + 1, people) is not None:
                continue                                     # Айдарбек Сапаров: a first name in -бек
            if self._surname_shaped(w.text) and not self._is_org(w.text) and not self._place(w.text) and \
                    not (self.lang == "ru" and _common_word(w.text) and self._sentence_initial(text, words, i)):
                # (Один opening a sentence is no surname; Песков inside one is)
                name = self._surname_shaped(w.text) if self.lang == "kk" else w.text
                if text[w.start - 1:w.start] == "«" and text[w.end:w.end + 1] == "»":
                    return Speaker(w.text, w.text, w.start, w.end, kind="organization")   # АО «Самрук-Казына»: a name in quotation marks is no person
                return Speaker(name, w.text, w.start, w.end)     # a surname not introduced in the article
            is_title, is_org = self._is_title(words, i), self._is_org(w.text)
            if is_title and is_org and self.lang == "kk":
                is_title = False                             # Министрлік is an organization, not a minister
            if (is_title or is_org) and self._person_in_phrase(text, words, i, hi, people):
                continue                                     # глава МИД Сергей Лавров: the name follows
            if (is_title or is_org) and self.lang == "kk" and self._kk_not_head(text, words, i, hi):
                continue                                     # Үкімет отырысында; Полиция департаменті
            if is_title:
                n = (self.titles.match(words, i) or (None, 1))[1]
                first = self._phrase_start(text, words, i, lo)   # Денсаулық сақтау министрі
                end = self._office_end(text, words, i + n, hi)   # министр сельского хозяйства России
                written = text[words[first].start:words[end - 1].end]
                k = end                                      # the name closing the phrase, up to three words
                while k > i + n and end - k < 3 and words[k - 1].text[:1].isupper() and \
                        self._name_like(words[k - 1].text):
                    k -= 1
                if end - k < 2 and end > i + n and words[end - 1].text[:1].isupper() and \
                        self._surname_shaped(words[end - 1].text) and not self._place(words[end - 1].text):
                    k = end - 1                              # Экономист Иванов: a surname alone after the office
                    name = self._surname_shaped(words[k].text) if self.lang == "kk" else words[k].text
                    return Speaker(name, words[k].text, words[k].start, words[k].end,
                                   self._base_form(text, words, first, i, k))
                if end - k >= 2:
                    # Министр сельского хозяйства России Александр Ткачев: the office with its
                    # complements, then a name not in the article's people
                    name = text[words[k].start:words[end - 1].end]
                    if self.lang == "ru" and self._oblique_name(words[k].text):
                        name = self._full_name(text, words, k, end - 1, self._surname_base(words[end - 1].text))
                    title = self._base_form(text, words, first, i, k)
                    return Speaker(name, name, words[k].start, words[end - 1].end, title)
                if self._plural(w.text):                     # аналитики, сарапшылардың: a group
                    return Speaker(self._group_name(text, words, first, i, end), written, words[first].start,
                                   words[end - 1].end, kind="group")
                holder = self._holder(w.text, people, before, written)
                if holder is not None:
                    return Speaker(holder.name, written, words[first].start, words[end - 1].end, holder.title)
                return Speaker(self._base_form(text, words, first, i, end), written, words[first].start,
                               words[end - 1].end, kind="office")
            if is_org:
                first, end = self._phrase_start(text, words, i, lo), i + 1   # Ауыл шаруашылығы министрлігі
                while end < hi and _adjacent(text, words[end - 1], words[end]) and (
                        words[end].text[:1].isupper() or (end == i + 1 and self._genitive_ru(words[end].text))):
                    end += 1                                 # пресс-служба Акорды
                end = self._joined_end(text, words, end, hi)
                written = text[words[first].start:words[end - 1].end]
                return Speaker(self._base_form(text, words, first, i, end), written, words[first].start,
                               words[end - 1].end, kind="organization")
            if w.text.lower() in self.pronouns:
                # он, ол → the previous speaker or the person named last; unresolved, as written
                ref = last or self._nearest_person(words, i, people)
                if ref is not None:
                    return Speaker(ref.name, w.text, w.start, w.end, ref.title, kind="pronoun")
                return Speaker(w.text, w.text, w.start, w.end, kind="pronoun")
        return None

    def _owner_of_noun(self, noun: str, word: str, person) -> bool:
        """A person's name in the genitive after a common noun in the nominative (Адвокат Маркива,
        Сторонники Ассанжа): the noun's owner, not the speaker."""
        if word == person.surname or self.titles.contains(noun) is not None or self._is_org(noun):
            return False
        tag = first_tag(noun)
        return tag.POS == "NOUN" and tag.case == "nomn" and not ({"Name", "Surn", "Patr", "Geox"} & tag.grammemes) \
            and any(t.case == "gent" for t in tags_of(word)[:3])

    def _other_given(self, word: str, person) -> bool:
        """A first name before the surname that is not this person's (Варвара Визбор beside Юрий Визбор)."""
        if not word[:1].isupper() or word.lower() in person.name.lower():
            return False
        tags = tags_of(word)[:3]                             # (Варвара: варвар's genitive first)
        if not any("Name" in t and t.case == "nomn" for t in tags):
            return False                                     # (Ислама Каримова: someone's, in the genitive)
        from ..numerals.ru import parses
        return not any(p.normal_form in person.name.lower() for p in parses(word)[:3])

    def _office_end(self, text, words, end, hi) -> int:
        """Where an office's complements end: genitives (сельского хозяйства, труда) and capitalized
        words (России, Кремля, банка Luminor) after it, a name included."""
        start = end
        while end < hi and end - start < 8 and _adjacent(text, words[end - 1], words[end]):
            w = words[end].text
            if w[:1].isupper() or (self._genitive_ru(w) and not self._function_word(w)
                                   and not self._verb_form_ru(w)):
                end += 1
            else:
                break
        return self._joined_end(text, words, end, hi)

    def _joined_end(self, text, words, end, hi) -> int:
        """A Russian name that goes on over `по`/`и` (Комитет по денежно-кредитной политике
        Национального банка, министр по чрезвычайным ситуациям): its nouns and adjectives in any case."""
        if self.lang != "ru" or end >= hi or words[end].text.lower() not in self.joiners or \
                not _adjacent(text, words[end - 1], words[end]):
            return end
        j = end + 1
        while j < hi and j - end <= 6 and _adjacent(text, words[j - 1], words[j]):
            tag = first_tag(words[j].text)
            if tag.POS not in ("ADJF", "NOUN", "PRTF") or self._verb_form_ru(words[j].text) or \
                    (j > end + 1 and tag.case == "nomn" and not words[j].text[:1].isupper()):
                break                                        # the next clause's subject or verb
            j += 1
        return j if j > end + 1 and first_tag(words[j - 1].text).POS == "NOUN" else end

    def _verb_form_ru(self, word: str) -> bool:
        return first_tag(word).POS in ("VERB", "INFN", "GRND", "PRTS")

    def _phrase_start(self, text, words, i, lo) -> int:
        """Where the name of an office or organization begins: the furthest capitalized word
        at most three adjacent words back (Ауыл шаруашылығы министрлігі, Ұлттық банк); in Kazakh
        a head with a possessive ending also takes the nouns before it (аудан әкімі, ведомство
        басшысы, әкімдік баспасөз қызметі)."""
        first = i
        possessive = self.lang == "kk" and POSSESSIVE_KK.search(words[i].text.lower()) is not None
        reach = 7 if any(words[k].text.lower() in self.joiners for k in range(max(lo, i - 7), i)) else 3
        for k in range(i - 1, max(lo, i - reach) - 1, -1):
            dotted = text[words[k].end:words[k + 1].start] == "." and words[k].text.isascii()   # BAQ.KZ
            if not (_adjacent(text, words[k], words[k + 1]) or dotted) or self.verbs.contains(words[k].text) or \
                    (self._is_title(words, k) and not possessive) or \
                    self.resolve_surname(words[k].text, []) is not None:
                break
            low = words[k].text.lower()
            if low in self.joiners and k > lo:
                continue                                     # Мәдениет және спорт министрлігі
            if words[k].text[:1].isupper() and not self._function_word(words[k].text):
                first = k
            elif self.lang == "ru" and self._adjective_ru(words[k].text):
                first = k                                    # дорожной полиции, федеральной прокуратуры
            elif possessive and low not in self.connectives and low not in self.pronouns and \
                    not _oblique_kk(low) and (not low.endswith(("ды", "ді", "ты", "ті", "п"))
                                              or words[k + 1].text.lower() in self.joiners):   # саясаты жөніндегі
                first = k
            else:
                break
        return first

    def _adjective_ru(self, word: str) -> bool:
        return first_tag(word).POS == "ADJF" and word.lower() not in ("его", "её", "ее", "их", "этот", "этой",
                                                                          "тот", "такой", "свой", "своей", "весь")

    def _kk_not_head(self, text, words, i, hi) -> bool:
        """An office or organization word that is not the head of the phrase: a venue (Үкімет
        отырысында), or one followed by the real head (Полиция департаменті, әкімдік баспасөз қызметі)."""
        low = words[i].text.lower()
        if _oblique_kk(low):
            return True
        for j in (i + 1, i + 2):
            if j >= hi or not _adjacent(text, words[j - 1], words[j]):
                return False
            nxt = words[j].text.lower()
            if j == i + 1 and nxt.endswith(("ында", "інде", "сында", "сінде")):
                return True                                  # Үкімет отырысында: a venue
            if (self._is_title(words, j) or self._is_org(words[j].text)) and POSSESSIVE_KK.search(nxt):
                return True
        return False

    def _oblique_name(self, word: str) -> bool:
        """A first name pymorphy3 knows, not in the nominative (Фолькера, Антона)."""
        t = next((t for t in tags_of(word) if "Name" in t), None)
        return t is not None and t.case != "nomn" and all(
            q.case != "nomn" for q in tags_of(word) if "Name" in q)

    def _surname_base(self, word: str) -> str:
        """A surname in the nominative masculine (Силуанова → Силуанов; Буфье stays)."""
        from ..numerals.ru import parses
        p = next((p for p in parses(word) if "Surn" in p.tag), None)
        if p is None:
            return word
        return p.normal_form[:1].upper() + p.normal_form[1:]

    def _place(self, word: str) -> bool:
        """A place name (Украина, Алматы, Қызылорда), never a surname however it ends."""
        if self.lang == "kk":
            return self._kk_place(word)
        tag = first_tag(word)
        return "Geox" in tag and "Surn" not in tag

    def _name_like(self, word: str) -> bool:
        """Could be part of a person's name: not an abbreviation (МИД), organization or place."""
        if word.isupper() or self._is_org(word):
            return False
        if self.lang == "ru":
            if word.isascii():
                return False                                 # банка Luminor: a Latin name is a company
            tag = first_tag(word)
            return "Geox" not in tag and "Orgn" not in tag and tag.POS in ("NOUN", None)
        return True

    def _function_word(self, word: str) -> bool:
        """Ранее, Также, Однако: capitalized at a sentence start, never part of a name (ru)."""
        if self.lang != "ru":
            return False
        return first_tag(word).POS in ("ADVB", "CONJ", "PREP", "PRCL", "INTJ", "PRED", "NPRO")

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

    def _person_in_phrase(self, text, words, i, hi, people) -> bool:
        """A person named within the same phrase, a few adjacent words on."""
        for j in range(i + 1, min(i + 9, hi)):       # министр сельского хозяйства России Александр Ткачев
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
            from ..lang.kk.morph import grammar
            lex = self.titles if self.titles.contains(head_word) else self.orgs
            a = grammar().analyze(head_word.lower(), lex.words.__contains__)
            if a is not None and a.has("case"):
                cut = len(head_word) - len(a.ending("case")) - (len(a.ending("similitive") or ""))
                head_word = head_word[:cut]
        else:
            from ..numerals.ru import parses
            prefix, _, last = head_word.rpartition("-")      # пресс-службы → пресс-служба
            parse = parses(last)[0]
            surname = last[:1].isupper() and self._surname_shaped(last) and \
                not ({"Surn", "Name"} & parse.tag.grammemes) and not self._is_org(last)   # Песков, not Песок
            if parse.tag.POS == "NOUN" and not last.isupper() and last and not surname:   # МИД stays МИД
                lemma = parse.normal_form
                lemma = lemma[:1].upper() + lemma[1:] if last[:1].isupper() else lemma
                head_word = prefix + ("-" if prefix else "") + lemma
                gender = first_tag(lemma).gender
                before = []                                  # дорожной полиции → дорожная полиция
                for k in range(first, head):
                    p = parses(words[k].text)[0]
                    form = p.inflect({"nomn", "sing", gender}) if p.tag.POS == "ADJF" and gender and \
                        p.tag.case != "nomn" else None
                    word = form.word if form else words[k].text
                    before.append((word[:1].upper() + word[1:]) if words[k].text[:1].isupper() else word)
                return text[words[first].start:words[first].start] + "".join(
                    w + text[words[k].end:words[k + 1].start] for k, w in zip(range(first, head), before)) + \
                    head_word + text[words[head].end:words[end - 1].end]
        # the words as written between them (BAQ.KZ тілшісі), the head in its base form
        return text[words[first].start:words[head].start] + head_word + text[words[head].end:words[end - 1].end]

    def _plural(self, word: str) -> bool:
        if self.lang == "kk":
            from .kk_endings import PLURAL
            return PLURAL.search(word.lower()) is not None
        return first_tag(word).number == "plur"

    def _group_name(self, text, words, first, head, end) -> str:
        """A group as a reader names it: аналитиков → аналитики, Сарапшылардың → Сарапшылар."""
        w = words[head]
        if self.lang == "kk":
            from .kk_endings import GENITIVE
            word = w.text[:-3] if w.text.lower().endswith(GENITIVE) else w.text
        else:
            from ..numerals.ru import parses
            form = parses(w.text)[0].inflect({"nomn", "plur"})
            word = form.word if form else w.text
            word = word[:1].upper() + word[1:] if w.text[:1].isupper() else word
        return text[words[first].start:w.start] + word + text[w.end:words[end - 1].end]

    # -- the source phrase by grammar (when no known name, office or organization is there) ---
    def source_after(self, text, words, vi, vj, hi, people, last, before) -> Speaker | None:
        """The source right of a verb that follows a quote: », – деді қала әкімі; », — считает эксперт."""
        if self.lang == "ru":
            return self.ru_source(text, words, vi, vj, vj, hi, people, last, before, right_first=True)
        return self.kk_source_after(text, words, vj, hi, people, last, before, to_end=True)

    def source_before(self, text, words, lo, hi, people, last, before) -> Speaker | None:
        """The source in the words before a quote: Ал әкімдіктегілер: «…»; Эксперты уверены: «…»."""
        verb = self._verb(words, lo, hi)
        if self.lang == "ru":
            if verb is not None:
                return self.ru_source(text, words, verb[1], verb[2], lo, hi, people, last, before)
            for k in range(hi - 1, lo - 1, -1):
                if self._head_parse(text, words, k, lo, None) is not None:
                    return self._ru_phrase(text, words, k, lo, hi, people, last, before)
            return None
        return self.kk_source_before(text, words, lo, verb[1] if verb else hi, people, last, before)

    def _verb(self, words, lo, hi) -> tuple[str, int, int] | None:
        """The first reporting verb in words[lo:hi]: (lemma or form, first word, end)."""
        for i in self.verbs.starts_in(words, lo, min(hi, len(words))):
            got = self.verbs.match(words, i)
            if got is not None and self._reports(words, i):
                return got[0], i, i + got[1]
        return None

    def _reports(self, words, i) -> bool:
        """Is this form of a speech verb a report? Not заявленная цель, хочу сказать (ru);
        not мерекені атап өтті "celebrated" (kk)."""
        if self.lang == "kk":
            return not self.kk_celebrated(words, i)
        from ..numerals.ru import parses
        for p, tag in zip(parses(words[i].text), tags_of(words[i].text)):
            if p.normal_form.replace("ё", "е") in self.verbs.words:
                return tag.POS in ("VERB", "GRND", "PRTS") or (tag.POS == "PRTF" and "actv" in tag)
        return False
