"""spaCy's tokenizer for kk and ru, redone with regular expressions and dicts: no spaCy at run time.

The data is spaCy's own (prefix, suffix, infix and URL patterns, the special cases of the
language, the number rules), exported by `python -m extractor.lang.tokenizers` into
tokenizer_rules/<lang>.json; tests/test_fast_tokenizer.py checks that the export is current and
that the tokens (text, idx, whitespace_, is_alpha, is_lower) equal spaCy's. The algorithm is
spaCy's (spacy/tokenizer.pyx, 3.8), step by step:
  1. the text is cut at whitespace; one space after a word belongs to the word, any other
     whitespace is a token of its own;
  2. each piece loses prefixes and suffixes until what is left is a special case or has none;
  3. the rest is a special case, a URL, or is cut at infixes;
  4. special cases that span several tokens (кв. м, в т.ч., °C.) are found in the token stream;
  5. the number rules merge digit groups (1 500 000) into one token.
Steps 2–3 give the same tokens for the same piece wherever it stands, so they run once per
distinct piece (cached); the patterns are compiled with `re`, the engine spaCy compiles them
with, so they mean exactly what they mean to spaCy.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import regex

from ..tokens import Tok

RULES_DIR = Path(__file__).resolve().parent / "tokenizer_rules"

# a word with the one space that spaCy keeps as its whitespace_, or a whitespace token
CHUNKS = re.compile(r"(\S+)( ?)|\s+")
def _unusual_space(text: str) -> bool:
    """Anything but words with one space between them (else the text is just split at spaces):
    two spaces, a space at either end, or a character str.isprintable rejects (every whitespace
    but " " is one, and a few more, such as a soft hyphen, for which the general path gives the
    same tokens). Four C tests rather than a regex alternation tried at every character."""
    return "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable()
# the thousands rule needs a space before three digits (1 500): a cheap test before it (a
# literal first character lets `re` skip ahead to each space)
SPACE_DIGITS = re.compile(r" \d{3}")
CACHE_LIMIT = 200_000        # distinct pieces kept; an archive brings new names and numbers without end


def _compiled(spec: dict, engine=re):
    return engine.compile(spec["pattern"], spec["flags"])


class FastTokenizer:
    """`tokenizer(text)` → list of `Tok`, as spaCy's tokenizer with the number rules gives them."""

    def __init__(self, rules: dict) -> None:
        self._prefix = _compiled(rules["prefix"]).search
        self._suffix = _compiled(rules["suffix"]).search
        self._infixes = _compiled(rules["infix"]).finditer
        self._url = _compiled(rules["url"]).match
        self._thousands = _compiled(rules["thousands"], regex)
        self.specials: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in rules["specials"].items()}
        # special cases that affix or infix rules would cut, or with a space: spaCy finds them in the
        # token stream by the tokens they are cut into without special cases (its "special matcher")
        self._patterns: dict[str, list[tuple[str, ...]]] = {}
        changing: set[tuple[str, ...]] = set()
        for key in self.specials:
            if self._affix_len(self._prefix, key) or self._affix_len(self._suffix, key) \
                    or any(True for _ in self._infixes(key)) or " " in key:
                pattern = tuple(self._texts(key, with_specials=False))
                self._patterns.setdefault(pattern[0], []).append(pattern)
                if self.specials[key] != pattern:
                    changing.add(pattern)
        # only these matches change tokens (the rest put back what they matched): no window
        # without one needs the matcher
        self._changing: dict[str, list[tuple[str, ...]]] = {}     # first token → the rest
        for pattern in sorted(changing):
            self._changing.setdefault(pattern[0], []).append(pattern[1:])
        self._cache: dict[str, tuple] = {}

    def __call__(self, text: str) -> list[Tok]:
        toks: list[Tok] = []
        append = toks.append
        cached = self._cache.get
        starts: list[int] = []          # tokens a changing special-case match may start at
        if not _unusual_space(text):       # words and single spaces: most windows
            pos = 0
            for chunk in text.split(" "):
                pieces, first = cached(chunk) or self._entry(chunk)
                if first:
                    starts += [len(toks) + k for k in first]
                for offset, piece, space, alpha, lower in pieces:
                    append(Tok(piece, pos + offset, space, alpha, lower))
                pos += len(chunk) + 1
            if toks:
                toks[-1].whitespace_ = ""
        else:
            for m in CHUNKS.finditer(text):
                chunk = m.group(1) or m.group()
                pieces, first = cached(chunk) or self._entry(chunk)
                if first:
                    starts += [len(toks) + k for k in first]
                pos, spaced = m.start(), m.group(2)
                for offset, piece, space, alpha, lower in pieces:
                    append(Tok(piece, pos + offset, space if spaced else "", alpha, lower))
        if starts and self._changing_match(toks, starts):
            toks = self._apply_special_matches(text, toks)
        if SPACE_DIGITS.search(text) is not None:     # what every group of thousands has
            toks = self._merge_thousands(text, toks)
        return toks

    # steps 2–3, once per distinct piece
    def _entry(self, chunk: str) -> tuple:
        """(pieces, first): each piece as (offset, text, whitespace_ if a space follows the chunk,
        is_alpha, is_lower); `first`: the pieces a changing special-case match may start at."""
        pieces, offset = [], 0
        texts = self._pieces(chunk, with_specials=True)
        for k, piece in enumerate(texts):
            pieces.append((offset, piece, " " if k == len(texts) - 1 else "", piece.isalpha(), piece.islower()))
            offset += len(piece)
        entry = (tuple(pieces), tuple(k for k, piece in enumerate(texts) if piece in self._changing))
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[chunk] = entry
        return entry

    @staticmethod
    def _affix_len(search, string: str) -> int:
        m = search(string)
        return m.end() - m.start() if m is not None else 0

    def _pieces(self, string: str, with_specials: bool) -> list[str]:
        """spaCy's `_split_affixes` and `_attach_tokens` for one whitespace-free piece."""
        specials = self.specials if with_specials else {}
        if string in specials:
            return list(specials[string])
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while string and len(string) != last_size:
            if string in specials:
                break
            last_size = len(string)
            pre_len = self._affix_len(self._prefix, string)
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._affix_len(self._suffix, string[pre_len:])
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        out = prefixes
        if string:
            if string in specials:
                out += specials[string]
            elif self._url(string):
                out.append(string)
            else:
                out += self._split_infixes(string)
        out += reversed(suffixes)
        return out

    def _split_infixes(self, string: str) -> list[str]:
        out: list[str] = []
        start = 0
        for m in self._infixes(string):
            a, b = m.start(), m.end()
            if a == 0:
                continue                  # an infix at the very start is no split
            if a != start:
                out.append(string[start:a])
            if a != b:
                out.append(string[a:b])
            start = b
        if string[start:]:
            out.append(string[start:])
        return out

    def _texts(self, text: str, with_specials: bool) -> list[str]:
        """Step 1–3 alone: the token texts of `text`."""
        out: list[str] = []
        for m in CHUNKS.finditer(text):
            out += self._pieces(m.group(1) or m.group(), with_specials)
        return out

    # step 4
    def _changing_match(self, toks: list[Tok], starts: list[int]) -> bool:
        n = len(toks)
        for i in starts:
            for tail in self._changing[toks[i].text]:
                j = i + 1
                for want in tail:
                    if j == n or toks[j].text != want:
                        break
                    j += 1
                else:
                    return True
        return False

    def _apply_special_matches(self, text: str, toks: list[Tok]) -> list[Tok]:
        texts = [t.text for t in toks]
        matches = []
        for i, t in enumerate(texts):
            for pattern in self._patterns.get(t, ()):
                if tuple(texts[i:i + len(pattern)]) == pattern:
                    matches.append((i, i + len(pattern)))
        if not matches:
            return toks
        # spaCy's filter: longest first, then leftmost; a match whose first or last token is
        # already covered by a longer one is dropped
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))
        seen: set[int] = set()
        kept = []
        for a, b in matches:
            if a not in seen and b - 1 not in seen:
                kept.append((a, b))
            seen.update(range(a, b))
        kept.sort()
        out: list[Tok] = []
        done = 0
        for a, b in kept:
            out += toks[done:a]
            done = b
            start, last = toks[a].idx, toks[b - 1]
            subs = self.specials.get(text[start:last.idx + len(last.text)])
            if subs is None:              # the tokens matched but with other whitespace between
                out += toks[a:b]
                continue
            for sub in subs:
                out.append(Tok(sub, start, "", sub.isalpha(), sub.islower()))
                start += len(sub)
            out[-1].whitespace_ = last.whitespace_
        out += toks[done:]
        return out

    # step 5
    def _merge_thousands(self, text: str, toks: list[Tok]) -> list[Tok]:
        spans: list[tuple[int, int]] = [m.span() for m in self._thousands.finditer(text)]
        if not spans:
            return toks
        at = {t.idx: k for k, t in enumerate(toks)}
        ends = {t.idx + len(t.text): k for k, t in enumerate(toks)}
        for a, b in reversed(spans):
            first, last = at.get(a), ends.get(b)
            if first is None or last is None or last == first:
                continue                  # not on token boundaries, or one token already
            merged = text[a:b]
            toks[first:last + 1] = [Tok(merged, a, toks[last].whitespace_, merged.isalpha(), merged.islower())]
        return toks


@functools.lru_cache(maxsize=None)
def tokenizer_for(lang: str) -> FastTokenizer:
    """The fast tokenizer of `lang` ('kk' or 'ru'), built once per process."""
    path = RULES_DIR / f"{lang}.json"
    if not path.exists():
        raise ValueError(f"unsupported language {lang!r}; no tokenizer rules at {path}")
    return FastTokenizer(json.loads(path.read_text(encoding="utf-8")))
