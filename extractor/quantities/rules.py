"""The word lists of one language and the small look-ups the amount reader asks of them.

All words are in patterns/<lang>/ (currencies, units, hedges, changes, numbers);
the generated CLDR files (`currencies_cldr.yaml`, `units_cldr.yaml`) add the long
tail, and the hand-written entries win where both name a word.
"""
from __future__ import annotations

from ..lexicon import Lexicon, WordMemo
from ..patterns import load

DATIVE = ("ға", "ге", "қа", "ке", "на", "не", "а", "е")
RATE_MARKS = ("/", "\\")          # м/с, and м\\с typed with a backslash
ABLATIVE = ("дан", "ден", "тан", "тен", "нан", "нен")


class QuantityRules:
    def __init__(self, lang: str, numerals) -> None:
        self.lang = lang
        self.numerals = numerals
        generated = load(lang, "currencies_cldr").get("currencies", {})
        hand = load(lang, "currencies").get("currencies", {})
        currencies = {**generated, **hand}
        units = load(lang, "units")
        # word → (kind, canonical unit, factor): тиын is 0.01 KZT. Generated words first, so a
        # hand-written entry for the same word wins (сом is KGS, манат is not guessed).
        entries: dict[str, tuple[str, str, float]] = {}
        for sym, e in load(lang, "units_cldr").get("units", {}).items():
            for w in e.get("words", []):
                entries[w] = (e.get("kind", "quantity"), e.get("unit", sym), e.get("factor", 1))
        for table in (generated, hand):
            for code, e in table.items():
                if len(code) == 3 and code.isalpha() and code.isupper():
                    entries[code] = ("money", code, 1)      # after the digits: 42 BYN, 100 AED
                for w in e.get("words", []):
                    entries[w] = ("money", e.get("unit", code), e.get("factor", 1))
        for w in units.get("percent", []):
            entries[w] = ("percent", "%", 1)
        for sym, e in units.get("units", {}).items():
            for w in e.get("words", []):
                entries[w] = (e.get("kind", "quantity"), e.get("unit", sym), e.get("factor", 1))
        self.units = Lexicon(lang, entries)
        # symbols, written before or after the digits: $3, 3$. An ISO code before the digits
        # (AED 100) only when the hand-written list names it: TOP 09 is a Czech party, not pa'anga
        self.symbols = {s: code for code, e in currencies.items() for s in e.get("symbols", [])}
        self.symbols.update({w: e.get("unit", code) for code, e in hand.items() for w in e.get("words", [])
                             if len(w) == 3 and w.isalpha() and w.isupper() and w.isascii()})
        self.frost = Lexicon(lang, dict.fromkeys(units.get("frost", []), True))
        self.frost_over = frozenset(w.lower() for w in units.get("frost_over", []))
        self.warmth = Lexicon(lang, dict.fromkeys(units.get("warmth", []), True))
        zero = {**dict.fromkeys(units.get("below_zero", []), -1.0), **dict.fromkeys(units.get("above_zero", []), 1.0)}
        self.zero_signs = Lexicon(lang, zero)          # ниже нуля, нөлден жоғары
        self.ratio_words = Lexicon(lang, dict.fromkeys(units.get("ratio", []), True))
        # exact forms: the lemma of днём is день, and "в тот день" is no weather report
        self.forecast = frozenset(w.lower() for w in units.get("forecast", []))
        self.per_before = frozenset(w.lower() for w in units.get("per_before", []))
        self.per_after = frozenset(w.lower() for w in units.get("per_after", []))
        self.per_time = Lexicon(lang, units.get("per_time", {}))
        self.time_units_values = frozenset(units.get("per_time", {}).values())
        self._per_stems = frozenset(self.units.words | self.per_time.words)
        # an adjective before the counted noun: 12 жас кәсіпкер (patterns/kk/periods.yaml: жас is no age there)
        self.adjectives = frozenset(load(lang, "periods").get("young_adjectives", []))
        # Kazakh finite verbs and participles (the tense endings of periods.yaml): never a counted
        # noun (15 мың адам келеді, 7 млн 200 мың болып)
        tense = load(lang, "periods").get("tense", {})
        self.verb_words = frozenset(tense.get("past_words", []) + tense.get("future_words", []))
        self.verb_endings = tuple(tense.get("past_endings", []) + tense.get("future_endings", [])
                                  + ["ып", "іп", "ады", "еді", "йды", "йді"])
        hedges = load(lang, "hedges")
        self.before = Lexicon(lang, hedges.get("before", {}))
        self.after = Lexicon(lang, hedges.get("after", {}))
        self.approx_endings = tuple(hedges.get("approx_endings", []))
        self.comparatives = {w.lower(): d for w, d in hedges.get("comparatives", {}).items()}
        changes = load(lang, "changes")
        numbers = load(lang, "numbers")
        self.signs = {w.lower(): float(v) for w, v in numbers.get("signs", {}).items()}
        self.date_words = frozenset(w.lower() for w in numbers.get("date_abbreviations", []))
        self.multipliers = {w.lower(): float(v) for w, v in numbers.get("multipliers", {}).items()}
        self.list_links = frozenset(w.lower() for w in units.get("list_links", []))
        self.ellipsis_links = frozenset(w.lower() for w in units.get("ellipsis_links", []))
        self.copulas = tuple(changes.get("copulas", []))
        # Russian: is this word's first reading a noun? (asked after every bare number; one
        # pymorphy3 look-up per distinct word)
        self._noun_first = WordMemo(_noun_first, 20_000)
        if lang == "kk":
            self.change_stems = tuple((s, d) for d in ("increase", "decrease") for s in changes.get(d, []))
            self.target_stems = tuple(changes.get("targets", []))
            self.change_words = self.target_words = None
        else:
            self.change_stems = self.target_stems = ()
            self.change_words = Lexicon(lang, {w: d for d in ("increase", "decrease") for w in changes.get(d, [])})
            self.target_words = Lexicon(lang, dict.fromkeys(changes.get("targets", []), "target"))
        # the stems amount_verb tests, joined once (it is asked after every bare Kazakh number)
        self._amount_verb_stems = self.copulas + tuple(s for s, _ in self.change_stems) + tuple(self.target_stems)

    # -- units ----------------------------------------------------------------
    def unit_at(self, doc, i: int) -> tuple[str, str, float, int] | None:
        """(kind, unit, factor, tokens) for a unit, currency or percent word starting at token i."""
        if i >= len(doc):
            return None
        text = doc[i].text
        if text in self.symbols:
            return "money", self.symbols[text], 1, 1
        got = self.units.match(doc, i)
        if got is None:
            glued = self.glued_rate(text)
            return None if glued is None else ("quantity", glued[0], 1, 1)
        (kind, unit, factor), n = got
        return kind, unit, factor, n

    def glued_rate(self, text: str) -> tuple[str, str] | None:
        """(unit, per) of a rate written as one token (5м/с, 10 м\\с): the tokenizer splits the slash
        of `5 м/с` but not of these."""
        for mark in RATE_MARKS:
            head, sep, tail = text.partition(mark)
            if not sep or not head or not tail:
                continue
            unit = self.units.contains(head)
            tail = tail.rstrip(".")
            per = self.per_time.contains(tail) if tail else None
            if unit is not None and unit[0] == "quantity" and per is not None:
                return unit[1], per
        return None

    def frost_at(self, doc, i: int) -> int:
        """Tokens of a frost word at i (13 градус аяз, 20 градусов мороза): the value is below zero."""
        if i >= len(doc):
            return 0
        got = self.frost.match(doc, i)
        return got[1] if got is not None else 0

    def warmth_at(self, doc, i: int) -> bool:
        """5 градусов тепла, 5 градус жылы: above zero, whatever frost word came before."""
        return i < len(doc) and self.warmth.match(doc, i) is not None

    def forecast_before(self, doc, start: int, floor: int) -> bool:
        """A weather report's word (ночью, днём, түнде, температура) in the few words before."""
        return any(doc[i].text.lower() in self.forecast for i in range(max(floor, start - 4), start))

    def ratio_at(self, doc, i: int) -> int:
        """Tokens of a multiplier word at i: екі есе, в 1,5 раза."""
        if i >= len(doc):
            return 0
        got = self.ratio_words.match(doc, i)
        return got[1] if got is not None else 0

    def time_unit(self, text: str) -> str | None:
        return self.per_time.contains(text)

    def per_unit_at(self, doc, i: int) -> tuple[str, int] | None:
        """The unit a rate is counted per, at token i: a unit word or a time word."""
        if i >= len(doc):
            return None
        got = self.units.match(doc, i)
        if got is not None and got[0][0] == "quantity":
            return got[0][1], got[1]
        got = self.per_time.match(doc, i)
        if got is not None:
            return got[0], got[1]
        head, dash, _ = doc[i].text.partition("-")
        if not dash and len(head) > 1 and head.endswith("."):
            head, dash = head[:-1], "."      # ц/га. at the end of a sentence
        if dash and head:                    # м/с-қа: the ending is hyphenated to the denominator
            unit = self.units.contains(head)
            if unit is not None and unit[0] == "quantity":
                return unit[1], 1
            per = self.per_time.contains(head)
            if per is not None:
                return per, 1
        return None

    def per_form(self, text: str) -> bool:
        """литріне, тоннасына, жылына, литрі: "per litre", "per tonne", "a year" (Kazakh: a unit
        with the possessive, alone or with the dative)."""
        if self.lang != "kk":
            return False
        from ..lang.kk.morph import grammar
        a = grammar().analyze(text.lower(), self._per_stems.__contains__)
        if a is None:
            return False
        if a.slots == ("possessive",):
            return True
        if a.ending("case") not in DATIVE:
            return False
        # тәулігіне: the possessive is part of the listed stem (тәулігі)
        return a.slots == ("possessive", "case") or a.slots == ("case",) and a.stem.endswith(("і", "ы"))

    def date_follows(self, doc, i: int) -> bool:
        """A month abbreviation after a bare number (9 сен): the number is a day."""
        return i < len(doc) and doc[i].text.lower().rstrip(".") in self.date_words

    def hyphen_ending(self, doc, i: int) -> bool:
        """A case ending hyphenated to a unit or percent sign: %-ға, %-ы, млн-ға."""
        if i >= len(doc) or not doc[i].text.startswith("-") or len(doc[i].text) < 2 or doc[i - 1].whitespace_:
            return False
        return self.numerals.hyphen_ending(doc[i].text[1:]) is not None

    # -- words around ---------------------------------------------------------
    def hedge_before(self, doc, start: int, floor: int) -> tuple[str, int] | None:
        for k in (3, 2, 1):
            i = start - k
            if i < floor:
                continue
            got = self.before.match(doc, i)
            if got is not None and got[1] == k:
                return got[0], k
        return None

    def verb_after(self, doc, end: int, stems) -> str | None:
        """Kazakh: the verb follows the amount (4,1%-ға артып, 5 пайызға өсті)."""
        for i in range(end, min(end + 2, len(doc))):
            low = doc[i].text.lower()
            for item in stems:
                stem, direction = item if isinstance(item, tuple) else (item, "target")
                if low.startswith(stem) and len(low) > len(stem):
                    return direction
        return None

    def verb_before(self, doc, start: int, lexicon, links=("на", "до", "в", "во", "с", "со")) -> str | None:
        """Russian: вырос на 5%, снизилась до 3%, выросли в 2 раза (verb, then на/до/в; the link
        word may already be the first word of the amount's span)."""
        if start < len(doc) and doc[start].text.lower() in links:
            link = start
        elif start > 0 and doc[start - 1].text.lower() in links:
            link = start - 1
        else:
            return None
        for i in range(max(0, link - 3), link):
            got = lexicon.match(doc, i)
            if got is not None:
                return got[0]
        return None

    def counted_word(self, word: str) -> bool:
        """Russian: an adjective or noun after a number starts what it counts (2 тысячи новых мест)."""
        if self.lang != "ru" or not word.isalpha() or not word.islower():
            return False
        from ..numerals.ru import parses
        return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word)[:1])

    def amount_verb(self, word: str) -> bool:
        """Kazakh: a verb after an amount (16,5 млрд болды, 5 млрд-қа өсті), not a counted noun."""
        return self.lang == "kk" and word.startswith(self._amount_verb_stems)

    def change_near(self, doc, start: int, end: int) -> str | None:
        if self.lang == "kk":
            return self.verb_after(doc, end, self.change_stems)
        return self.verb_before(doc, start, self.change_words)

    def target_near(self, doc, start: int, end: int) -> bool:
        """A verb that names a level to reach: довести до $15 млрд, 3 млрд долларға жеткізу."""
        if self.lang == "kk":
            return self.verb_after(doc, end, self.target_stems) is not None
        return self.verb_before(doc, start, self.target_words) is not None

    def verb(self, word: str) -> bool:
        """A finite verb (составляла, құрады, болды): no new subject between two amounts."""
        low = word.lower()
        if self.lang == "kk":
            return word.isalpha() and self._kk_verb(low)
        if not word.isalpha():
            return False
        from ..numerals.ru import parses
        return any(p.tag.POS == "VERB" for p in parses(low)[:1])

    def noun_after(self, doc, i: int) -> str | None:
        """What a bare number counts: 195 тауар түрі, 16 участников."""
        if i >= len(doc) or not doc[i].is_alpha or not doc[i].is_lower:
            return None
        if self.lang == "ru":
            return doc[i].text if self._noun_first[doc[i].text] else None
        if self._kk_verb(doc[i].text.lower()):
            return None
        words = [doc[i].text]
        if i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].is_lower \
                and (doc[i + 1].text.endswith(("і", "ы", "сі", "сы")) or words[0] in self.adjectives) \
                and not self._kk_verb(doc[i + 1].text.lower()):
            words.append(doc[i + 1].text)      # тауар түрі: noun + possessive noun; жас кәсіпкер
        return " ".join(words)

    def _kk_verb(self, word: str) -> bool:
        """A Kazakh verb form (келеді, барды, салынды, болып), by its ending: the possessive noun
        after a count ends in -ы/-і too (тауар түрі), but not in a tense ending."""
        return word in self.verb_words or self.amount_verb(word) or any(
            word.endswith(e) and len(word) > len(e) + 1 for e in self.verb_endings)


def _noun_first(word: str) -> bool:
    from ..numerals.ru import parses
    return any(p.tag.POS == "NOUN" for p in parses(word)[:1])
