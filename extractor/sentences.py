"""Split text into sentences: fast, rule-based, good enough for news.

A sentence ends at . ! ? … (with any closing quotes or brackets) before a
space and a capital letter, a digit or an opening quote; or at a line break.
Abbreviations before a lowercase word (млрд. доллар, т.б. және) never end one.
"""
from __future__ import annotations

import regex

_BOUNDARY = regex.compile(
    r"""(?<=[.!?…]["»")\]]*)\s+(?=["«(\-]?[\p{Lu}\d])"""
    r"""|\n\s*""")
# Abbreviations that stay inside a sentence even before a capital or digit.
_NO_BREAK_AFTER = regex.compile(r"(?:\b(?:ж|жж|г|гг|т\.б|т\.е|им|ул|д|т|проф|акад|тыс|млн|млрд|трлн|руб|долл|тг|см|стр|рис|Ж|Г)\.|\b\p{Lu}\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, covering every non-space character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().find("\n") < 0 and _NO_BREAK_AFTER.search(text, max(0, m.start() - 8), m.start()):
            continue
        _add(text, start, m.start(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
