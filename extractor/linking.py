"""Links from each amount (money, percent, quantity, number) to its period and subject.

- period: the period in the same clause; else the one that opens the sentence
  (its time frame: `Қыркүйекте, 2022 жылдан бері алғаш рет, … 26,8%`); else the
  nearest one in the sentence; a comparison base (`с аналогичным периодом
  прошлого года`) only when there is no other; else the one in the article's
  heading or lead (its first sentence), when that sets a single time frame.
- subject: what the amount measures, the noun phrase it predicates, in its
  base form. Kazakh: the possessive noun before the amount with its modifier
  (`тауар айналымын 3 млрд долларға` → `тауар айналымы`); Russian: the
  nominative noun before it in the clause with a genitive after it
  (`объём экспорта вырос на 5%` → `объём экспорта`), by pymorphy3.
  A later amount in the same sentence with no noun of its own shares the
  sentence's subject (`4,1%-ға артып, 3 млн тоннаға жеткен`).
(Speakers are linked in pipeline.py: an amount inside a quote gets its speaker.)
"""
from __future__ import annotations

import regex

from .records import Amount, Period, Ratio, Record

LINKED_KINDS = frozenset({"money", "percent", "quantity", "number", "ratio"})
WORDS = regex.compile(r"[\p{L}][\p{L}-]*")
CLAUSE_BREAK = regex.compile(r"[,;:]\s|\s[-–—]\s")
KK_POSSESSIVE = ("сы", "сі", "ы", "і")
KK_ACCUSATIVE = ("ты", "ті", "ды", "ді", "ны", "ні")   # көрсеткішті: the object (құны is possessive)
KK_CASE_AFTER_POSSESSIVE = ("ның", "нің", "на", "не", "нда", "нде", "нан", "нен", "н", "мен")
# Words that are never part of a subject (numbers' neighbours that are not nouns).
KK_NOT_SUBJECT = frozenset({"жалпы", "шамамен", "тек", "барлығы", "бар", "жоқ", "және", "мен", "бен", "пен",
                            "да", "де", "та", "те", "бұл", "сол", "осы", "ол", "ал", "енді", "тағы", "яғни"})


def link(text: str, records: list[Record], lang: str) -> None:
    amounts = [r for r in records if isinstance(r, (Amount, Ratio)) and r.kind in LINKED_KINDS]
    if not amounts:
        return
    periods = [r for r in records if isinstance(r, Period)]
    lead = _lead_period(text, periods)
    # records grouped by sentence: each amount looks only at its own sentence (linear in records)
    by_sentence: dict[tuple[int, int], list[Record]] = {}
    for r in records:
        if r.kind != "quote":
            by_sentence.setdefault(tuple(r.sentence), []).append(r)
    sentence_subject: dict[tuple[int, int], str] = {}
    for r in amounts:
        neighbours = by_sentence.get(tuple(r.sentence), [])
        period = _period_for(text, r, [p for p in neighbours if isinstance(p, Period)]) or lead
        if period is not None:
            r.period_id = period.id
        if r.kind != "number":                              # a count has its noun instead
            subject = _subject(text, r, neighbours, lang)
            if subject is None and r.sentence in sentence_subject and _shares_sentence_subject(text, r):
                subject = sentence_subject[r.sentence]
            if subject is not None:
                r.subject = subject
                sentence_subject.setdefault(r.sentence, subject)


def _period_for(text, amount: Amount, periods: list[Period]) -> Period | None:
    same_sentence = [p for p in periods if tuple(p.sentence) == tuple(amount.sentence)]
    reported = [p for p in same_sentence if p.compared_to is None]
    same_sentence = reported or same_sentence      # 5% … с аналогичным периодом: the figure is of the period reported
    if not same_sentence:
        return None
    clause = _clause(text, amount)
    in_clause = [p for p in same_sentence if clause[0] <= p.start and p.end <= clause[1]]
    # outside its clause a figure takes the period that opens the sentence (its time frame): in
    # `Қыркүйекте, 2022 жылдан бері алғаш рет, экспорт 26,8%-ға артты` it is September's, not 2022's
    opening = [p for p in same_sentence if not WORDS.search(text, amount.sentence[0], p.start)]
    pool = in_clause or opening or same_sentence
    return min(pool, key=lambda p: min(abs(p.start - amount.end), abs(amount.start - p.end)))


def _clause(text, amount: Amount) -> tuple[int, int]:
    s, e = amount.sentence
    start, end = s, e
    for m in CLAUSE_BREAK.finditer(text, s, e):
        if m.end() <= amount.start:
            start = m.end()
        elif m.start() >= amount.end:
            end = m.start()
            break
    return start, end


def _lead_period(text, periods: list[Period]) -> Period | None:
    """A period in the heading or the first sentence sets the frame when it is the only one there."""
    if not periods:
        return None
    first_sentence = min(tuple(p.sentence) for p in periods)
    first_line_end = text.find("\n")
    head = [p for p in periods if tuple(p.sentence) == first_sentence]
    is_lead = first_sentence[0] <= len(text) - len(text.lstrip()) + 1 or \
        (first_line_end >= 0 and first_sentence[1] <= first_line_end + 1)
    return head[0] if is_lead and len(head) == 1 and not head[0].recurring else None


def _shares_sentence_subject(text, amount: Amount) -> bool:
    """3 млн тоннаға after `…, ` with no noun of its own before it."""
    before = text[amount.sentence[0]:amount.start].rstrip()
    return before.endswith((",", "және", "и", "а"))


# -- subjects -------------------------------------------------------------------
def _subject(text, amount: Amount, records, lang) -> str | None:
    clause_start, _ = _clause(text, amount)
    floor = max([clause_start] + [r.end for r in records if r is not amount and r.end <= amount.start
                                  and r.start >= clause_start and r.kind not in ("quote",)
                                  and r.kind not in ("period", "duration")])
    window = text[floor:amount.start]
    # periods and hedges between the noun and the amount are skipped: тауар айналымын 2030 жылға дейін 3 млрд
    for r in records:
        if r.kind in ("period", "duration") and floor <= r.start and r.end <= amount.start:
            window = window[:r.start - floor] + " " * (r.end - r.start) + window[r.end - floor:]
    words = WORDS.findall(window)
    if not words:
        return None
    return _kk_subject(words) if lang == "kk" else _ru_subject(words)


def _kk_subject(words: list[str]) -> str | None:
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        head = _kk_accusative_base(words[k]) if k == len(words) - 1 else None
        head = head or _kk_possessive_base(words[k])        # бұл көрсеткішті 2 млрд долларға → көрсеткіш
        if head is None:
            continue
        phrase = [head]
        if k > 0 and words[k - 1].islower() and words[k - 1].lower() not in KK_NOT_SUBJECT and \
                not words[k - 1].lower().endswith(("ған", "ген", "қан", "кен", "ып", "іп", "п", "ды", "ді")):
            phrase.insert(0, words[k - 1])                  # тауар айналымы, экспорт көлемі
        return " ".join(phrase)
    return None


def _kk_possessive_base(word: str) -> str | None:
    """айналымын, айналымы, көлемінің → айналымы, көлемі: a noun with the 3rd-person possessive."""
    low = word.lower()
    if not word.islower() or len(low) < 4 or low in KK_NOT_SUBJECT:
        return None
    for case in ("",) + KK_CASE_AFTER_POSSESSIVE:
        if case and not low.endswith(case):
            continue
        stem = word[:len(word) - len(case)] if case else word
        if stem.lower().endswith(KK_POSSESSIVE) and not stem.lower().endswith(KK_ACCUSATIVE[:4]) and len(stem) >= 4:
            return stem
    return None


def _kk_accusative_base(word: str) -> str | None:
    low = word.lower()
    if word.islower() and len(low) >= 7 and low not in KK_NOT_SUBJECT and low.endswith(KK_ACCUSATIVE):
        return word[:-2]
    return None


RU_PREPOSITIONS = frozenset({"на", "в", "во", "по", "для", "из", "от", "за", "с", "со", "о", "об", "к", "у", "до",
                             "при", "под", "над", "без", "через", "между"})


def _ru_subject(words: list[str]) -> str | None:
    from .numerals.ru import parses
    for k in range(len(words) - 1, -1, -1):
        if k > 0 and words[k - 1].lower() in RU_PREPOSITIONS:
            continue                                        # цены на бензин: бензин is not the subject
        noun = next((p for p in parses(words[k])[:2] if p.tag.POS == "NOUN" and "nomn" in p.tag
                     and "Name" not in p.tag and "Surn" not in p.tag), None)
        if noun is None:
            continue
        proper = any(t in noun.tag for t in ("Geox", "Orgn", "Abbr", "Name", "Surn"))
        phrase = [words[k] if proper else noun.normal_form]
        if k + 1 < len(words):
            nxt = parses(words[k + 1])[0]
            if nxt.tag.POS == "NOUN" and "gent" in nxt.tag:
                phrase.append(words[k + 1])                 # объём экспорта
        return " ".join(phrase)
    return None
