"""A source written as a bare role word resolves to who it names earlier in the article:
`Чиновник подчеркнул` → the person introduced as `Чиновник акимата … Марат Сагинтаев`,
`Президент … атап өтті` → the person introduced as `Мемлекет басшысы Қасым-Жомарт Тоқаев`,
`Ведомство сообщило`, `В ведомстве отметили` → the ministry named last (`Министерство
финансов`). `speaker_text` stays as written; only `speaker` (the resolved name) changes.
Runs once per found statement, and only on a one-word source that nothing resolved."""
from __future__ import annotations

import bisect

import regex

from .people import _phrase_matches, _stem
from .sources import Speaker
from .text import _adjacent

QUOTED_AFTER = regex.compile(r"[ \t]*(«[^«»\n]{1,60}»)")
QUOTED_BEFORE = regex.compile(r"(«[^«»\n]{1,60}»)[ \t]*\Z")
LOOK_BACK = 400           # words searched back for the named antecedent
TITLE_WORDS = 6           # words before a person's name that can hold the role


def with_quoted_name(text: str, spk: Speaker | None) -> Speaker | None:
    """A bare organization word named by the quotation marks after it: агентство «Казинформ»,
    АО «Казавтожол» (the name the reader knows it by)."""
    if spk is not None and " " not in spk.name:
        named = QUOTED_AFTER.match(text, spk.end)
        if named is not None:
            spk.name += " " + named.group(1)
    return spk


def whole_quoted(text: str, spk: Speaker | None) -> Speaker | None:
    """A name cut at its first word inside quotation marks (сообщает «Немецкая волна»): all of it."""
    if spk is not None and spk.start > 0 and text[spk.start - 1] == "«":
        close = text.find("»", spk.end, spk.end + 60)
        if close > 0 and "\n" not in text[spk.end:close]:
            spk.name = text[spk.start:close]
    return spk


class Antecedents:
    """Resolution of bare role words (a mixin of SpeakerRules)."""

    def resolve_role(self, text, words, starts, spk: Speaker, people) -> None:
        written = text[spk.start:spk.end]
        if " " in written or spk.kind in ("pronoun", "group"):
            return
        low = spk.name.lower()
        kinds = self.generic_organizations.get(low)
        if kinds is not None:
            org = self._named_organization(text, words, starts, spk.start, kinds)
            if org is not None:
                spk.name, spk.kind = org.name, "organization"
            return
        if spk.kind not in ("person", "office") or not written[:1].isalpha() or \
                any(p.name == spk.name for p in people):
            return
        i = bisect.bisect_left(starts, spk.start)
        if i >= len(words) or self._surname_shaped(words[i].text) or \
                not (self._is_title(words, i) or self._role_word(words[i].text)):
            return
        person = self._role_holder(text, words, starts, low, i, people)
        if person is not None:
            spk.name, spk.kind = person.name, "person"
            spk.title = spk.title if spk.title and " " in spk.title else person.title

    def _role_word(self, word: str) -> bool:
        """A word for a person's job (чиновник, маман): a title, a people noun, a singular animate noun."""
        if self.people_nouns.contains(word) is not None:
            return True
        return self.lang == "ru" and self._job_word(word)

    def _role_holder(self, text, words, starts, low, i, people):
        """The person named nearest before words[i] with this role written before the name (its
        stem, or an office synonym: Мемлекет басшысы → президент)."""
        keys = self._title_keys(words[i].text) | {low}
        stem = _stem(low)
        best = None
        for p in people:
            if p.start >= words[i].start or (best is not None and p.start <= best.start):
                continue
            k = bisect.bisect_left(starts, p.start)
            before = []
            for j in range(k - 1, max(-1, k - 1 - TITLE_WORDS), -1):
                if not _adjacent(text, words[j], words[j + 1]):
                    break
                before.insert(0, words[j].text.lower())
            title = (p.title or "").lower().split()
            if any(_stem(w) == stem and w.split("-")[0] == low.split("-")[0] for w in before) or \
                    any(v in keys and (_phrase_matches(key, before) or _phrase_matches(key, title))
                        for key, v in self.office_synonyms.items()):
                best = p
        return best

    def _named_organization(self, text, words, starts, before, kinds) -> Speaker | None:
        """The organization of one of `kinds` (министерство, министрлік, компания) named last
        before offset `before`, with its name (not the bare word again)."""
        i = bisect.bisect_left(starts, before)
        for k in range(i - 1, max(-1, i - LOOK_BACK), -1):
            w = words[k].text
            if not (self.orgs.keys(w) & kinds):
                continue
            lo = self._phrase_start(text, words, k, max(0, k - 4))   # Государственная миграционная служба
            spk = self.speaker_in(text, words, lo, min(len(words), k + 8), [], None, words[k].start)
            if spk is None or spk.kind != "organization" or not (spk.start <= words[k].start < spk.end):
                continue
            if spk.name.islower() and not QUOTED_AFTER.match(text, spk.end):
                continue                                     # в материалах банка ограничений: no name
            if " " not in spk.name:                          # Компания «Казахмыс», «Ақ жол» компаниясы
                after, before_ = QUOTED_AFTER.match(text, spk.end), QUOTED_BEFORE.search(text, max(0, spk.start - 70), spk.start)
                if after is not None:
                    spk.name = spk.name + " " + after.group(1)
                elif before_ is not None:
                    spk.name = before_.group(1) + " " + spk.name
                elif spk.name.lower() in self.generic_organizations or not w[:1].isupper():
                    continue                                 # ведомство again; министерство with no name
            return spk
        return None
