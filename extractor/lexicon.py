"""Word lists matched the way each language inflects.

Kazakh: a token matches a stem when the rest is a valid chain of endings
(тоннаға → тонна, долларына → доллар). Russian: a token matches by any of its
pymorphy3 lemmas (долларов → доллар, тонн → тонна). Phrases of several words
(АҚШ доллары, шаршы метр, кв. м) match token by token; the longest wins.
"""
from __future__ import annotations

import functools
from itertools import compress
from operator import attrgetter
from typing import Generic, TypeVar

from .wordsets import StemPrefixes, WordMemo  # noqa: F401  (re-exported: the word lists' building blocks)

V = TypeVar("V")
NO_KEYS: frozenset[str] = frozenset()

CACHE_SIZE = 20_000          # per word list; only words that pass the set test are cached


def _phrase_tokens(phrase: str, lang: str) -> tuple[str, ...]:
    from .lang.fast_tokenizer import tokenizer_for
    return tuple(t.text.lower() for t in tokenizer_for(lang)(phrase))


class Lexicon(Generic[V]):
    def __init__(self, lang: str, entries: dict[str, V]) -> None:
        self.lang = lang
        self.phrases: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self.words: set[str] = set()
        written: set[str] = set()        # the listed forms themselves (драмов: no lexeme of драм has it)
        for phrase, value in entries.items():
            toks = _phrase_tokens(phrase, lang)
            written.update(t.replace("ё", "е") for t in toks)
            if lang == "ru":
                toks = tuple(_ru_lemma(t) for t in toks)   # шведская крона → шведский крона
            self.phrases.setdefault(toks[0], []).append((toks, value))
            self.words.update(toks)
        # Most tokens are no form of any word here: a set test says so without an analysis and
        # without a cache entry, so the cache holds only real candidates and stays small however
        # many different words an archive brings (Russian: every form pymorphy3 knows; Kazakh: a
        # known stem at the start of the word).
        if lang == "ru":
            from .numerals.ru import forms_of
            self.forms = forms_of(self.words) | written
            self.stems = None
        else:
            self.forms = None
            self.stems = StemPrefixes(self.words)
        for options in self.phrases.values():
            options.sort(key=lambda item: -len(item[0]))
        self._cached_keys = functools.lru_cache(maxsize=CACHE_SIZE)(self._keys)
        # keys() is asked of the same token text again and again (by match, by each rule): once
        # seen, a plain dict lookup in C, with no lowering and no set test
        self.keys = WordMemo(self._keys_of_text).__getitem__
        # can a phrase start with this token (as written)? asked of nearly every token
        self.may_start = WordMemo(lambda text: any(k in self.phrases for k in self.keys(text)))
        # match() at a token: every phrase that may start with its text, in the order tried (keys
        # sorted, longest phrase first), each as (the words after the first, value)
        self._phrases_from = WordMemo(self._phrases_starting)
        # contains() too is asked of the same words again and again: a dict lookup once seen
        self.contains = WordMemo(self._contains).__getitem__

    def keys(self, text: str) -> frozenset[str]:
        """The dictionary words this token can be a form of (replaced by its memo per instance)."""
        return self._keys_of_text(text)

    def _keys_of_text(self, text: str) -> frozenset[str]:
        low = text.lower()
        if self.forms is not None:
            if low.replace("ё", "е") not in self.forms:
                return NO_KEYS
        elif not self.stems(low):
            return NO_KEYS
        return self._cached_keys(low)

    def _keys(self, low: str) -> frozenset[str]:
        keys = {low} & self.words
        if self.lang == "kk":
            from .lang.kk.morph import grammar
            a = grammar().analyze(low, self.words.__contains__)
            if a is not None:
                keys.add(a.stem)
        elif low.isalpha():                  # keys() let only forms of listed words through
            from .numerals.ru import parses
            keys.update(k for p in parses(low) if (k := _ru_key(p.normal_form)) in self.words)
        return frozenset(keys)

    def starts_in(self, doc, lo: int, hi: int):
        """The token indices in lo..hi where a phrase may start: one pass in C, since most
        tokens start none."""
        return compress(range(lo, hi), map(self.may_start.__getitem__, map(attrgetter("text"), doc[lo:hi])))

    def match(self, doc, i: int) -> tuple[V, int] | None:
        """The longest phrase starting at token i: (value, tokens covered)."""
        if i >= len(doc):
            return None
        second = None           # the keys of the next token, read once for all the phrases tried
        for rest, value in self._phrases_from[doc[i].text]:
            if not rest:
                return value, 1
            if i + len(rest) < len(doc):
                if second is None:
                    second = self.keys(doc[i + 1].text)
                if rest[0] in second and (len(rest) == 1 or all(
                        t in self.keys(doc[i + j].text) for j, t in enumerate(rest[1:], 2))):
                    return value, len(rest) + 1
        return None

    def _phrases_starting(self, text: str) -> tuple[tuple[tuple[str, ...], V], ...]:
        keys = self.keys(text)
        # a word may be a form of two listed words (признает: признать, признавать): try them in a
        # fixed order, not the set's, which changes with the hash seed from run to run
        return tuple((toks[1:], value) for key in (sorted(keys) if len(keys) > 1 else keys)
                     for toks, value in self.phrases.get(key, ()))

    def contains(self, word: str) -> V | None:
        """The value of a one-word entry this word is a form of, or None (replaced by its memo
        per instance)."""
        return self._contains(word)

    def _contains(self, word: str) -> V | None:
        keys = self.keys(word)
        for key in sorted(keys) if len(keys) > 1 else keys:       # a fixed order, as in match()
            for toks, value in self.phrases.get(key, ()):
                if len(toks) == 1:
                    return value
        return None


def _ru_key(word: str) -> str:
    return word.replace("ё", "е")


def _ru_lemma(word: str) -> str:
    if not word.isalpha():
        return _ru_key(word)
    from .numerals.ru import parses
    return _ru_key(parses(word)[0].normal_form)
