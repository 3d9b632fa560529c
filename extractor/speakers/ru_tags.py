"""pymorphy3's tags of a Russian word as plain values, remembered per word form.

The source rules read a handful of grammemes (POS, case, number, gender, `anim`, `Name` …) of
the same words again and again; on pymorphy3's tag each read is a Python descriptor (a set
intersection and a typed string). Here they are read once per word form and kept as plain
attributes, so a later read is an attribute lookup (the memo is emptied when full, like the
other word memos, so memory stays bounded).
"""
from __future__ import annotations

from ..numerals.ru import morph, parses
from ..wordsets import WordMemo


class Tag:
    """The grammemes of one analysis of a word, as pymorphy3's tag gives them."""
    __slots__ = ("POS", "case", "number", "gender", "grammemes")

    def __init__(self, tag) -> None:
        self.POS: str | None = _plain(tag.POS)
        self.case: str | None = _plain(tag.case)
        self.number: str | None = _plain(tag.number)
        self.gender: str | None = _plain(tag.gender)
        self.grammemes: frozenset[str] = frozenset(tag.grammemes)

    def __contains__(self, grammeme: str) -> bool:
        return grammeme in self.grammemes


def _plain(grammeme) -> str | None:
    """pymorphy3's typed grammeme as a plain string (compared in C)."""
    return None if grammeme is None else str(grammeme)


# pymorphy3's tag → its Tag: the dictionary has a few thousand distinct tags, shared by all
# words, so a word first seen costs dict lookups, not a copy of every grammeme of every analysis
_VIEWS: dict = {}
VIEWS_LIMIT = 20_000


def _view(tag) -> Tag:
    view = _VIEWS.get(tag)
    if view is None:
        if len(_VIEWS) >= VIEWS_LIMIT:
            _VIEWS.clear()
        view = _VIEWS[tag] = Tag(tag)
    return view


def _all_tags(word: str) -> tuple[Tag, ...]:
    tags = tuple(_view(p.tag) for p in parses(word))
    if tags and _unknown_name(word, tags[0]):
        return (UNKNOWN_NAME,)
    return tags


def _first_tag(word: str) -> Tag:
    tag = _view(parses(word)[0].tag)
    return UNKNOWN_NAME if _unknown_name(word, tag) else tag


def _unknown_name(word: str, first: Tag) -> bool:
    """Кенбеил: a capitalized word no dictionary knows, guessed a verb, is a name."""
    return word[:1].isupper() and first.POS in GUESSED_VERB and not morph().word_is_known(word.lower())


GUESSED_VERB = frozenset({"VERB", "INFN", "GRND", "PRTS", "PRTF"})
UNKNOWN_NAME = Tag.__new__(Tag)
UNKNOWN_NAME.POS = UNKNOWN_NAME.case = UNKNOWN_NAME.number = UNKNOWN_NAME.gender = None
UNKNOWN_NAME.grammemes = frozenset({"UNKN"})


# the tags of every analysis of a word form, in pymorphy3's order (the likeliest first)
tags_of = WordMemo(_all_tags, limit=10_000).__getitem__
# the tag of a word's likeliest analysis (most rules read only that one)
first_tag = WordMemo(_first_tag, limit=10_000).__getitem__
