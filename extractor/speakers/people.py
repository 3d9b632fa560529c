"""People named in an article and how a later mention resolves to them: a surname with a
case ending (Тоқаевтың, Токаева) → the fullest name; an office → the person who holds it."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

import regex

from .ru_tags import first_tag, tags_of
from .text import Word, _adjacent, _capitalized, _genitive, _known_word

MASCULINE_ENDINGS = {"ru": {"ым", "ом", "е", "у"}, "kk": {"тың", "тің", "қа", "ке", "ты", "ті", "пен", "та", "те"}}
MASCULINE_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")
RU_CASE_ENDINGS = ("ой", "ым", "ом", "ой", "ою", "ых", "ыми", "а", "у", "е", "ы", "ым")
WORD_CHAR = regex.compile(r"\w")
WORD_CHARS = regex.compile(r"\w*")


@dataclass
class Person:
    name: str                  # fullest form in the article: Қасым-Жомарт Тоқаев
    surname: str
    title: str | None          # Қазақстан Республикасының Президенті
    start: int
    given: str = ""            # the first name as written in the fullest mention (Сергея, Акмарал)



class People:
    """The people of an article, found when a rule first asks: in most texts with a reporting cue
    no rule gets that far (the cue is no report), and the pass over their names is skipped."""
    __slots__ = ("_find", "_found")

    def __init__(self, find: Callable[[], list[Person]]) -> None:
        self._find = find
        self._found: list[Person] | None = None

    def __iter__(self) -> Iterator[Person]:
        if self._found is None:
            self._found = self._find()
        return iter(self._found)


class NameResolution:
    """People and name resolution (a mixin of SpeakerRules)."""

    def _strip_case_uncached(self, word: str) -> list[str]:
        """The word and what it can be with a case ending removed: Тоқаевтың → Тоқаев."""
        out = [word]
        if self.lang == "kk":
            from ..lang.kk.morph import grammar
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
        found = self.titles.match(words, i) is not None or (
            "-" in words[i].text and any(self.titles.contains(p) for p in words[i].text.split("-") if p))
        if found and self.lang == "ru":
            return first_tag(words[i].text).POS not in ("PREP", "CONJ", "ADVB", "PRCL")   # после ≠ посол
        return found

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
            if surname is None and self.lang == "ru" and i >= 1 and not w.text.isascii() and \
                    not w.text.isupper() and not _known_word(w.text.lower()) and \
                    _adjacent(text, words[i - 1], w) and "Name" in first_tag(words[i - 1].text) and \
                    not self._is_org(w.text) and not (i + 1 < len(words) and words[i + 1].text[:1].isupper()
                                                      and _adjacent(text, w, words[i + 1])):   # Реджеп Тайип Эрдоган
                surname = w.text                             # Даурен Кенбеил: a first name, then a word no dictionary knows
            if surname is None or i == 0 or not _adjacent(text, words[i - 1], w):
                continue
            first = i - 1
            if words[first].text.lower().endswith(self.patronymic_endings) and first > 0 \
                    and _adjacent(text, words[first - 1], words[first]):
                first -= 1                                   # Нұрсұлтан Әбішұлы Назарбаев
            if not words[first].text[:1].isupper() or self._is_title(words, first) or \
                    self.orgs.contains(words[first].text) or _genitive(words[first].text, self.lang) or \
                    self._place_not_name(words[first].text):         # министр финансов России Силуанов
                continue
            name = self._full_name(text, words, first, i, surname)
            title = self._title_before(text, words, first)
            key = surname.lower()
            old = found.get(key)
            if old is None or len(name) > len(old.name) or (title and not old.title):
                found[key] = Person(name, surname, title or (old.title if old else None),
                                    old.start if old else w.start, words[first].text)
        for p in found.values():
            if p.name.endswith(p.surname) and self._feminine(text, p.surname, p.given):
                p.name += "а"                                # Акмарал Альназарова, never Альназаров
                p.surname += "а"
        return list(found.values())

    def _place_not_name(self, word: str) -> bool:
        """A place that cannot be a first name: in Russian only in an oblique case (России; Тулси
        may be either)."""
        if not self._place(word):
            return False
        if self.lang == "kk":
            return True
        return first_tag(word).case != "nomn"

    def _feminine(self, text: str, surname: str, given: str) -> bool:
        """Is this -ов/-ев/-ин surname a woman's? Only its -а forms occur (Альназарова, Альназаровой, Әлназарованың), never the bare form or a
        masculine ending (Альназаровым); after a first name in -а (Ерлана Сапарова: both genitive?)
        only a feminine ending (Сапаровой) says so."""
        if not surname.lower().endswith(("ов", "ев", "ёв", "ин", "ын")):
            return False
        endings = _endings_after(text, surname)
        if "" in endings or endings & MASCULINE_ENDINGS.get(self.lang, set()):
            return False
        if self.lang == "ru" and given.lower().endswith(("а", "я")):
            return any(e.startswith("ой") for e in endings)
        return any(e.startswith(("а", "ой")) for e in endings)

    def _full_name(self, text, words, first, last, surname) -> str:
        """The name in its dictionary form: Антона Силуанова → Антон Силуанов, Ольги Ивановой → Ольга Иванова."""
        given = [words[k].text for k in range(first, last)]
        if self.lang == "ru":
            from ..numerals.ru import parses
            # a bare masculine surname (Бейсембаев) is nominative, so is the first name before it:
            # Гани stays Гани (not the genitive of Ганя)
            nominative = words[last].text == surname and surname.lower().endswith(MASCULINE_SURNAME)
            parse, tag = next(((p, t) for p, t in zip(parses(given[0]), tags_of(given[0])) if "Name" in t
                               and (t.case == "nomn" and t.number == "sing" or not nominative)),
                              (None, None)) if _known_word(given[0].lower()) else (None, None)
            if parse is not None:
                given[0] = _capitalized(parse.normal_form)
                if tag.gender == "femn" and surname.lower().endswith(("ов", "ев", "ёв", "ин", "ын")):
                    surname += "а"
            if len(given) > 1:
                parse = next((p for p, t in zip(parses(given[1]), tags_of(given[1])) if "Patr" in t), None)
                if parse is not None:
                    given[1] = _capitalized(parse.normal_form)
        return " ".join(given + [surname])

    def _title_before(self, text: str, words: list[Word], first: int) -> str | None:
        """The office written before a name: Президенті, глава МИД, Қазақстан Республикасының Президенті."""
        for k in range(first - 1, max(-1, first - 7), -1):   # министр сельского хозяйства России
            if not _adjacent(text, words[k], words[k + 1]):
                return None
            if self._is_title(words, k):
                start = self._phrase_start(text, words, k, 0)  # Қазақстан Республикасының Президенті
                while start > 0 and start > k - 4 and _adjacent(text, words[start - 1], words[start]) \
                        and (words[start - 1].text[:1].isupper() or self._is_org(words[start - 1].text)):
                    start -= 1                               # Ұлттық банк төрағасы
                head = k
                while start > 0 and _adjacent(text, words[start - 1], words[start]) and \
                        self._is_title(words, start - 1) and self._genitive_ru(words[start].text):
                    start = head = start - 1                 # пресс-секретарь президента
                if self.lang == "ru":                        # (Kazakh is head-final: министрінің орынбасары)
                    head = next(j for j in range(start, head + 1) if self._is_title(words, j) or j == head)
                return self._base_form(text, words, start, head, first)   # Председатель Совета директоров
            joined = self.lang == "ru" and any(words[x].text.lower() in self.joiners for x in range(max(0, k - 3), k + 1))
            if not (words[k].text[:1].isupper() or self._genitive_ru(words[k].text) or joined):
                return None                                  # министра финансов Антона Силуанова: genitives between
                                                             # (министр по чрезвычайным ситуациям: after по)
        return None

    def _genitive_ru(self, word: str) -> bool:
        if self.lang != "ru":
            return False
        return "gent" in first_tag(word)

    def resolve_surname(self, word: str, people: list[Person]) -> Person | None:
        forms = {f.lower() for f in self._strip_case(word)}
        for p in people:
            low = p.surname.lower()
            if low in forms or (low.endswith("ва", ) and low[:-1] in forms):   # Альназаровой → Альназарова
                return p
        return None

    def _title_keys(self, word: str) -> frozenset[str]:
        """The offices a word names; a hyphenated one by its last part: Вице-министрдің → вице-министр."""
        if "-" not in word:
            return self.titles.keys(word)
        prefix, last = word.lower().rsplit("-", 1)
        return frozenset(prefix + "-" + k for k in self.titles.keys(last)) | self.titles.keys(word)

    def _holder(self, title_word: str, people: list[Person], before: int, phrase: str = "") -> Person | None:
        """The person most recently named with this office before `before`: by the office's head
        (`министр` → Министр финансов Антон Силуанов) or its synonym (`Глава государства`,
        `Мемлекет басшысы` → the President, patterns/<lang>/speakers.yaml), and when the phrase
        names a field (`министра финансов`, `Қаржы министрі`), only an office of that field."""
        words = [w for w in regex.findall(r"[\w-]+", phrase.lower())]
        synonym = next((v for k, v in self.office_synonyms.items() if _phrase_matches(k, words)), None)
        keys = frozenset({synonym}) if synonym else self._title_keys(title_word)
        fields = set() if synonym else {_stem(w) for w in words if not self._title_keys(w)
                                        and w != title_word.lower() and len(w) > 2}
        best = None
        for p in people:
            if not p.title or p.start >= before:
                continue
            title_words = p.title.lower().split()
            if not any(k in self._title_keys(t) for t in title_words for k in keys):
                continue
            own = {_stem(t) for t in title_words if not self._title_keys(t)}
            if fields and own and not fields & own:
                continue                     # министр финансов is not Министр обороны Иванов
            if best is None or p.start > best.start:
                best = p
        return best

    def _nearest_person(self, words, i, people) -> Person | None:
        """ол / он with no earlier speaker: the person named last before it."""
        for k in range(i - 1, max(-1, i - 80), -1):
            person = self._person_at(words, k, people)
            if person is not None:
                return person
        return None

    def _person_at(self, words, i, people) -> Person | None:
        return self.resolve_surname(words[i].text, people) if words[i].text[:1].isupper() else None


def _stem(word: str) -> str:
    """A word's stem for comparing offices' fields: финансов, финансам → финан; Қаржы → қарж."""
    return word[:max(3, min(5, len(word) - 1))]


def _phrase_matches(key: str, words: list[str]) -> bool:
    """Does a synonym (`глава государства`, `мемлекет басшысы`) match these words in any case
    (главы государства, Мемлекет басшысының)? Each word by its stem, all but its last letter."""
    parts = key.split()
    for i in range(len(words) - len(parts) + 1):
        if all(w.startswith(k[:max(3, len(k) - 1)]) for k, w in zip(parts, words[i:i + len(parts)])):
            return True
    return False


def _endings_after(text: str, surname: str) -> set[str]:
    """What follows each mention of a surname that starts a word (Альназаров|ой): the endings
    `\\bSURNAME(\\w*)` finds, by `str.find` rather than a pattern compiled for each surname."""
    if not WORD_CHARS.fullmatch(surname):                # Абу-Бакаров: the pattern itself
        return {m.group(1).lower() for m in regex.finditer(rf"\b{regex.escape(surname)}(\w*)", text)}
    endings = set()
    i = text.find(surname)
    while i >= 0:
        if i == 0 or not WORD_CHAR.match(text, i - 1):  # \b: no word character before it
            end = WORD_CHARS.match(text, i + len(surname)).end()
            endings.add(text[i + len(surname):end].lower())
            i = text.find(surname, end)                  # matches do not overlap
        else:
            i = text.find(surname, i + 1)
    return endings
