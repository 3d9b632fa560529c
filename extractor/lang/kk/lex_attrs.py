"""Lexical attributes for Kazakh: `like_num` knows digits and number words with their endings."""
from __future__ import annotations

from spacy.attrs import LIKE_NUM


def like_num(text: str) -> bool:
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    stripped = text.replace(",", "").replace(".", "").replace(" ", "").replace("'", "")
    if stripped.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    from ...numerals.kk import KAZAKH
    return KAZAKH.analyze(text.lower()) is not None


LEX_ATTRS = {LIKE_NUM: like_num}
