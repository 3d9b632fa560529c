"""The tense of the clause around a time expression: "past", "future", "present" or None (unknown).

A date written without its year (`22 желтоқсанда`, `12 января`, `в понедельник`)
takes the year the verb implies: a past event is never after the article date,
a coming one never before it (dates.resolve applies this).

- Kazakh puts its verb last: a participle right after the date (`қазанда ашылған зауыт …
  шығарады`: past; `шілдеде өтетін форум`: present) is the date's own verb; else the
  clause's last word is read by its ending
  (`тоқтатты` past, `көтеріледі` / `өтеді` future). An ending that is both
  (`құрады` "made" is a past form of құра-, `барады` "goes" a present of бар-)
  gives None; when the clause ends in a converb (`тоқтап,`) the sentence's last
  word speaks for it. The endings are in patterns/kk/periods.yaml (`tense`).
- Russian: pymorphy3's tense of the finite verb nearest the expression in its
  clause (`представит` future, `заявил` past); `будет`, `планируется` and other
  words of intention in patterns/ru/periods.yaml mark the future (`намечен на июль`).
  A participle counts (`открытый в октябре завод`: past); a present-tense verb gives
  "present" (the article's own year), except a verb of saying (`сообщает`).
"""
from __future__ import annotations

import functools

import regex

from ..patterns import load

CLAUSE_BREAK = regex.compile(r"[,;:]\s|\s[-–—]\s|[()«»\"]")
WORD = regex.compile(r"\p{L}[\p{L}-]*")
RU_FINITE_ENDING = regex.compile(r"(?:[лт]|л[аои]|тся|л(?:ся|ась|ось|ись))$")   # заявил, представит, прошла
RU_PARTICIPLE_ENDING = regex.compile(r"(?:нн|[втщ]|ем|ом|им)(?:ый|ий|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми|ой)$")   # открытый, прошедшем
KK_QUOTATIVE = regex.compile(r"(?<!\p{L})(?:деп|деген|делінген|делінді)(?!\p{L})", regex.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _kk_participles() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str], tuple[str, ...]]:
    data = load("kk", "periods").get("tense", {})
    return (tuple(data.get("past_participles", [])), tuple(data.get("present_participles", [])),
            frozenset(data.get("participle_not_before", [])), frozenset(data.get("not_participles", [])),
            tuple(data.get("plan_stems", [])))


@functools.lru_cache(maxsize=None)
def _kk_present() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load("kk", "periods").get("tense", {})
    return (tuple(data.get("present_endings", [])), frozenset(data.get("present_words", [])),
            frozenset(data.get("not_present", [])))


@functools.lru_cache(maxsize=None)
def _ru_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """Stems of plans (намечен, запланированный: the future) and the lemmas of saying."""
    data = load("ru", "periods").get("tense", {})
    return tuple(data.get("future_stems", [])), frozenset(load("ru", "speakers").get("speech_verbs", []))


@functools.lru_cache(maxsize=None)
def _endings(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load(lang, "periods").get("tense", {})
    longest_first = lambda words: tuple(sorted(words, key=len, reverse=True))   # noqa: E731
    return (longest_first(data.get("past_endings", [])), longest_first(data.get("future_endings", [])),
            frozenset(data.get("past_words", [])), frozenset(data.get("future_words", [])))


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


@functools.lru_cache(maxsize=4096)
def tense_at(lang: str, sentence: str, pos: int) -> str | None:
    """The tense of the clause of `sentence` around character `pos`."""
    a, b = _clause(sentence, pos)
    if lang == "kk":
        # Жиын 5 желтоқсанда өтеді деп жоспарланған: the event's verb is the one before деп
        said = KK_QUOTATIVE.search(sentence, pos, b)
        own = sentence[pos:said.start() if said else b]
        return _kk_participle(own) or _kk_tense(own) or _kk_tense(sentence)
    # beyond its clause, a verb of saying is the report's (В июле, как сообщили в министерстве,
    # стартует прием заявок): the event's verb first
    return _ru_tense(sentence[a:b], pos - a) or _ru_tense(sentence, pos, saying_too=False) \
        or _ru_tense(sentence, pos)


def _kk_tense(text: str) -> str | None:
    """The tense of a Kazakh clause, from its last word (and the word before an auxiliary)."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return None
    past, future, past_words, future_words = _endings("kk")
    present_endings, present_words, not_present = _kk_present()
    last = words[-1]
    if last in past_words or last in future_words:
        return "past" if last in past_words else "future"
    if last in ("еді", "екен", "болатын", "болған") and len(words) > 1:
        return "past"                       # өткен еді, жоспарланған болатын: a past in the past
    if last.startswith(_kk_participles()[4]):
        return "future"                     # шілдеде салу жоспарланған, ашу көзделген: a plan
    if last in present_words or last.endswith(present_endings) and last not in not_present:
        return "present"                    # өндіріс артуда, өсіп жатыр: the article's own year
    for ending in future:                   # the longer future endings first: басталады before -ды
        if last.endswith(ending) and len(last) > len(ending):
            return "future"
    for ending in past:
        if last.endswith(ending) and len(last) > len(ending):
            return "past"
    return None


def kk_is_verb(word: str) -> bool:
    """A Kazakh finite verb by its tense ending or as a whole word (орнатылды, өтеді)."""
    past, future, past_words, future_words = _endings("kk")
    if word in past_words or word in future_words:
        return True
    return any(word.endswith(e) and len(word) > len(e) + 1 for e in future + past if e not in ("ған", "ген", "қан", "кен"))


def _kk_participle(text: str) -> str | None:
    """A participle inside the clause (not its last word) right after the date: the date is
    its event's (қазан айында іске қосылған зауыт … шығарады: past). A participle before
    соң, кейін (after it is done) or an auxiliary (өтетін болады) leaves it to the clause."""
    words = [w.lower() for w in WORD.findall(text)]
    past, present, not_before, not_participles, plans = _kk_participles()
    for k in range(1, len(words) - 1):        # words[0] is the date's own word
        word, after = words[k], words[k + 1]
        if word in not_participles or after in not_before:
            continue
        if word.startswith(plans):
            return "future"                   # шілдеде ашылуы жоспарланған мектеп: a plan
        if word.endswith(past) and len(word) > 4:
            return "past"
        if word.endswith(present) and len(word) > 5:
            return "present"
    return None


def _ru_tense(text: str, pos: int, saying_too: bool = True) -> str | None:
    """The tense of the finite verb nearest `pos` in a Russian clause."""
    from ..numerals.ru import parses
    _, _, past_words, future_words = _endings("ru")
    plans, saying = _ru_words()
    best = None
    for m in WORD.finditer(text):
        low = m.group().lower()
        if low in future_words or low in past_words:
            tense = "future" if low in future_words else "past"
        elif low.startswith(plans):
            tense = "future"                # намечен на июль, запланированный на осень
        else:
            participle = RU_PARTICIPLE_ENDING.search(low)
            if not participle and not RU_FINITE_ENDING.search(low):
                continue                    # only a word that can be a verb or participle is analysed
            got = parses(low)
            tag = got[0].tag if got else None
            if tag is None or tag.POS not in ("VERB", "PRTF") or tag.tense is None:
                continue
            if got[0].normal_form in saying and (tag.tense == "pres" or not saying_too):
                continue                    # сообщает, говорится: the report, not the event
            tense = {"past": "past", "futr": "future", "pres": "present"}[tag.tense]
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = distance, tense
    return best and best[1]
