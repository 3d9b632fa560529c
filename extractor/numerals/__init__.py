"""Numerals: digits and number words in Kazakh and Russian, turned into values.

`numerals_for(lang)` gives the language's word analyzer; `find_numbers(doc, …)`
finds every number expression in a tokenized sentence; `parse_number(text, lang)`
reads one expression (e.g. "үш жарым миллион" → 3500000.0).
"""
from __future__ import annotations

from .digits import parse_digits
from .scan import NumberSpan, find_numbers


def numerals_for(lang: str):
    if lang == "kk":
        from .kk import kazakh
        return kazakh()
    if lang == "ru":
        from .ru import russian
        return russian()
    raise ValueError(f"unsupported language {lang!r}; use 'kk' or 'ru'")


def parse_number(text: str, lang: str) -> float | None:
    """The value of `text` if the whole of it is one number expression, else None."""
    from ..lang.fast_tokenizer import tokenizer_for
    from ..normalize import normalize

    norm = normalize(text).text.strip()
    doc = tokenizer_for(lang)(norm)
    spans = find_numbers(doc, numerals_for(lang))
    if len(spans) == 1 and spans[0].tok_start == 0 and spans[0].tok_end == len(doc):
        return spans[0].value
    return None


__all__ = ["NumberSpan", "find_numbers", "numerals_for", "parse_digits", "parse_number"]
