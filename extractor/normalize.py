"""Normalize news text before matching, keeping a map back to the caller's offsets.

What is changed, and why:
- one-for-one replacements (str.translate, length kept): no-break, narrow and
  other Unicode spaces → space; typographic dashes → "-"; typographic double
  quotes → '"'; apostrophe variants → "'"; full-width and Arabic-Indic digits
  → ASCII digits; "％" → "%";
- Latin look-alike letters inside Cyrillic words (Kaзахстан, Latin "o" in
  млрд) → Cyrillic, also one-for-one;
- deletions: soft hyphens and zero-width characters (1­500 → 1500);
- NFC: a base letter with combining marks is composed (и + ̆ → й).
Only the last two change lengths; each such edit is kept as an `Edit`, and
`to_original` maps a normalized span back through them.
"""
from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field

import regex

from .scripts import CYRILLIC_LETTERS, LATIN_LETTERS

_ONE_TO_ONE = {
    **{ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\v\f"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u02bc\u2032\uff07"},
    ord("\uff05"): "%", ord("\u066a"): "%", ord("\uff0c"): ",", ord("\uff0e"): ".",
    ord("\u066b"): ",", ord("\u066c"): "'",   # Arabic decimal and thousands separators
    **{0xFF10 + d: str(d) for d in range(10)},   # full-width digits
    **{0x0660 + d: str(d) for d in range(10)},   # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},   # Eastern Arabic-Indic digits
}

# The stdlib `re` finds a character class ten times faster than str.translate rewrites a text;
# news has only a few dashes and quotes per paragraph, so each match is replaced on its own.
_ONE_TO_ONE_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _ONE_TO_ONE) + "]")
_ONE_TO_ONE_STR = {chr(c): v for c, v in _ONE_TO_ONE.items()}


def _one_to_one(text: str) -> str:
    return _ONE_TO_ONE_CHARS.sub(lambda m: _ONE_TO_ONE_STR[m.group()], text)


# Latin letters that look like Cyrillic ones; replaced only inside words that
# mix the two scripts, so English words and brand names stay as written.
_LOOKALIKES = str.maketrans({
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "I": "І",
})
# A Latin letter with a Cyrillic one just before or just after it: both are word characters,
# so the word around the match is the word that mixes the scripts. The stdlib `re` finds it
# 3-5x faster than `regex` \p{Latin}\p{Cyrillic}.
_MIXED_SCRIPT = re.compile(f"[{LATIN_LETTERS}](?:(?<=[{CYRILLIC_LETTERS}].)|(?=[{CYRILLIC_LETTERS}]))")
_WORD_AROUND = regex.compile(r"[\p{L}\p{M}]+")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}]")
# Deleted outright: soft hyphen, zero-width space/joiners, word joiner, BOM.
# HTML left in scraped text: entities are decoded (&nbsp; → space, &laquo; → «),
# block tags become a line break (a sentence boundary), other tags are deleted.
# Every pattern is linear: bounded repeats, no nested quantifiers.
_HTML_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
_HTML_TAG = r"</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,2000})?/?>"
_LENGTH_CHANGING = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]+|\P{M}\p{M}+|"
                                 + _HTML_ENTITY + "|" + _HTML_TAG)
# cheap first look: most articles hold none of these, and one full search costs more than both
_MAY_CHANGE_LENGTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff&<]")
_MARK = regex.compile(r"\p{M}")
_TAG_NAME = regex.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_BLOCK_TAGS = frozenset("p br div li ul ol tr td th h1 h2 h3 h4 h5 h6 blockquote section article table".split())


@dataclass(frozen=True)
class Edit:
    """Normalized text [norm_start, norm_end) replaced original [orig_start, orig_end)."""
    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass
class Normalized:
    original: str
    text: str
    edits: list[Edit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._norm_starts = [e.norm_start for e in self.edits]

    def _shift(self, pos: int, i: int) -> int:
        """Offset of `pos` after edit i (or before all edits when i < 0)."""
        if i < 0:
            return pos
        e = self.edits[i]
        return pos - e.norm_end + e.orig_end

    def original_start(self, pos: int) -> int:
        # last edit starting at or before pos; a deletion at pos is skipped over
        i = bisect.bisect_right(self._norm_starts, pos) - 1
        if i >= 0 and self.edits[i].norm_start <= pos < self.edits[i].norm_end:
            return self.edits[i].orig_start
        return self._shift(pos, i)

    def original_end(self, pos: int) -> int:
        i = bisect.bisect_left(self._norm_starts, pos) - 1
        if i >= 0:
            e = self.edits[i]
            if e.norm_start < pos <= e.norm_end:
                return e.orig_end
        return self._shift(pos, i)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the caller's original string."""
        if not self.edits:
            return start, end
        return self.original_start(start), max(self.original_start(start), self.original_end(end))


def _fix_lookalikes(text: str) -> str:
    """Cyrillic letters for Latin look-alikes, only in words that mix the scripts."""
    out = []
    last = 0
    for m in _MIXED_SCRIPT.finditer(text):
        start = m.start()
        if start < last:
            continue  # inside a word already fixed
        while start > 0 and _WORD_CHAR.match(text[start - 1]):
            start -= 1
        word = _WORD_AROUND.match(text, start)
        out.append(text[last:start])
        out.append(word.group().translate(_LOOKALIKES))
        last = word.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _replacement(chunk: str) -> str:
    if chunk[0] in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        return ""
    if chunk[0] == "&" and chunk.endswith(";"):
        decoded = html.unescape(chunk)
        if decoded == chunk or not decoded.isprintable() and not decoded.isspace():
            return chunk                            # unknown entity or a control character: keep as written
        return _fix_lookalikes(_one_to_one(unicodedata.normalize("NFC", decoded)))
    if chunk[0] == "<" and chunk.endswith(">"):
        name = _TAG_NAME.match(chunk).group(1).lower()
        return "\n" if name in _BLOCK_TAGS else ""
    return unicodedata.normalize("NFC", chunk)


def normalize(original: str) -> Normalized:
    text = _fix_lookalikes(_one_to_one(original))
    if not (_MAY_CHANGE_LENGTH.search(text) or _MARK.search(text)) or not _LENGTH_CHANGING.search(text):
        return Normalized(original, text)
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    out_len = 0
    for m in _LENGTH_CHANGING.finditer(text):
        chunk = m.group()
        replacement = _replacement(chunk)
        if replacement == chunk:
            continue
        pieces.append(text[last:m.start()])
        out_len += m.start() - last
        edits.append(Edit(out_len, out_len + len(replacement), m.start(), m.end()))
        pieces.append(replacement)
        out_len += len(replacement)
        last = m.end()
    pieces.append(text[last:])
    return Normalized(original, "".join(pieces), edits)
