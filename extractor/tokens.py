"""Tokens as the rules read them: plain attributes copied once from spaCy's tokens."""
from __future__ import annotations


class Tok:
    """A token as the rules read it: plain attributes, made once per sentence (reading
    spaCy's Token properties again and again was the largest single cost)."""
    __slots__ = ("text", "idx", "whitespace_", "is_alpha", "is_lower")

    def __init__(self, t) -> None:
        self.text, self.idx, self.whitespace_ = t.text, t.idx, t.whitespace_
        self.is_alpha, self.is_lower = t.is_alpha, t.is_lower


def span_text(toks, a: int, b: int) -> str:
    """The text of tokens a..b as written (a list slice has no .text)."""
    return "".join(t.text + t.whitespace_ for t in toks[a:b]).rstrip()
