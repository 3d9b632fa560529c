"""The spaCy tokenizer of each language, with the number rules, built once per process.

Here and not in the pipeline: the word lists (`lexicon`) and the numeral scanner need a
tokenizer too, and a low-level module must never import the pipeline.
"""
from __future__ import annotations

import functools

from ..patterns import LANGS


def new_tokenizer(lang: str):
    """A spaCy tokenizer for `lang`, with the number rules (kk: our Kazakh; ru: spaCy's)."""
    if lang == "kk":
        from .kk import Kazakh
        tokenizer = Kazakh().tokenizer
    elif lang == "ru":
        import spacy
        from .number_rules import add_number_rules
        nlp = spacy.blank("ru")
        add_number_rules(nlp)
        tokenizer = nlp.tokenizer
    else:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    # spaCy computes ~20 attributes (shape, like_num, like_url, stop word …) for every new word;
    # the rules read only these two, and new words are most of the cost on a real archive
    from spacy.attrs import IS_ALPHA, IS_LOWER
    getters = tokenizer.vocab.lex_attr_getters
    tokenizer.vocab.lex_attr_getters = {k: getters[k] for k in (IS_ALPHA, IS_LOWER) if k in getters}
    return tokenizer


# one tokenizer per language, shared by the word lists (short phrases) and, until it is
# replaced, by the documents (`LanguageRules.tokenize`)
tokenizer_for = functools.lru_cache(maxsize=None)(new_tokenizer)
