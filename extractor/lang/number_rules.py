"""Tokenizer rules for number formats, shared by Kazakh and Russian.

spaCy's defaults split `4,1%-ға` badly and `1 500 000` into three tokens. These
rules make numbers whole and split off what is glued to them:
  4,1%-ға → 4,1 | % | -ға      2024-жылы → 2024 | -жылы     3млрд → 3 | млрд
  7:00-ден → 7:00 | -ден       $3 → $ | 3                  1 500 000 → one token
"""
from __future__ import annotations

import regex
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

CYRILLIC_LOWER = "а-яёәғқңөұүһі"
CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"

EXTRA_SUFFIXES = [
    # a Kazakh case ending or Russian ordinal ending hyphenated to a number,
    # a percent sign or an abbreviation: 4,1%-ға, 2024-жылы, 7-й, АҚШ-тың
    rf"(?<=[0-9%{CYRILLIC_UPPER}A-Z])-[{CYRILLIC_LOWER}]+",
    # a word glued to digits: 3млрд, 5тыс
    rf"(?<=[0-9])[{CYRILLIC_LOWER}{CYRILLIC_UPPER}]+",
    r"(?<=[0-9])%",
    # a sentence-final dot after an amount in symbols: 5$. 10₸. (spaCy splits a dot only
    # after a letter or punctuation, so "5$." stayed one token and the amount was lost)
    r"(?<=[0-9][$€£¥₽₸₴₺₹¢])\.",
]

# 1 500 000 (after normalization every no-break and narrow space is a space).
THOUSANDS_GROUPS = regex.compile(r"(?<![\d.,'])\d{1,3}(?: \d{3})+(?![\d]|[.,]\d)")


# a comma between two signed numbers of a weather report: -15,-20 градусов → -15 | , | -20
# (a decimal comma is followed by a digit, never by a sign)
EXTRA_INFIXES = [r"(?<=[0-9]),(?=[-−–+][0-9])"]


def number_infixes(base_infixes) -> list[str]:
    """A language's infix rules with the number rules in front."""
    return EXTRA_INFIXES + list(base_infixes)


def number_suffixes(base_suffixes) -> list[str]:
    """A language's suffix rules with the number rules in front."""
    return EXTRA_SUFFIXES + list(base_suffixes)


# Russian abbreviations that stay one token, so "20 млн. долларов" is not cut at the dot.
RUSSIAN_ABBREVIATIONS = ["тыс.", "млн.", "млрд.", "трлн.", "руб.", "долл.", "коп.", "г.", "гг.", "кв.",
                         "куб.", "т.", "км.", "кг.", "тг.", "грн.", "проц.", "мин.", "мес."]


def add_number_rules(nlp) -> None:
    """Give an existing pipeline (spaCy's Russian) the number rules, in place."""
    from spacy.symbols import ORTH
    nlp.tokenizer.suffix_search = compile_suffix_regex(number_suffixes(nlp.Defaults.suffixes)).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(number_infixes(nlp.Defaults.infixes)).finditer
    for abbr in RUSSIAN_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    if not isinstance(nlp.tokenizer, NumberTokenizer):
        nlp.tokenizer = NumberTokenizer(nlp.tokenizer)


class NumberTokenizer:
    """Wraps a spaCy tokenizer and merges digit groups into one token."""

    def __init__(self, base) -> None:
        self.base = base

    def __call__(self, text: str) -> Doc:
        doc = self.base(text)
        if " " not in text:
            return doc
        spans = []
        for m in THOUSANDS_GROUPS.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) > 1:
                spans.append(span)
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        return doc

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.base, name)
