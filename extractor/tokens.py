"""Tokens as the rules read them: five plain attributes, made by the fast tokenizer
(extractor/lang/fast_tokenizer.py) with the values spaCy's tokens would have."""
from __future__ import annotations


class Tok:
    """A token as the rules read it (reading spaCy's Token properties again and again was the
    largest single cost, so the rules never see a spaCy token)."""
    __slots__ = ("text", "idx", "whitespace_", "is_alpha", "is_lower")

    def __init__(self, text: str, idx: int, whitespace_: str, is_alpha: bool, is_lower: bool) -> None:
        self.text, self.idx, self.whitespace_, self.is_alpha, self.is_lower = text, idx, whitespace_, is_alpha, is_lower

    @classmethod
    def of(cls, token) -> "Tok":
        """The same attributes read from a spaCy token."""
        return cls(token.text, token.idx, token.whitespace_, token.is_alpha, token.is_lower)

    def astuple(self) -> tuple:
        return self.text, self.idx, self.whitespace_, self.is_alpha, self.is_lower

    def __repr__(self) -> str:
        return f"Tok{self.astuple()!r}"


def span_text(toks, a: int, b: int) -> str:
    """The text of tokens a..b as written (a list slice has no .text)."""
    return "".join(t.text + t.whitespace_ for t in toks[a:b]).rstrip()
