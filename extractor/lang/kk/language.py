"""Kazakh for spaCy (`spacy.blank("kk")` once sanaq is installed; entry point `spacy_languages`)."""
from __future__ import annotations

from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.language import BaseDefaults, Language

from ..number_rules import NumberTokenizer, number_infixes, number_suffixes
from .lex_attrs import LEX_ATTRS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    lex_attr_getters = LEX_ATTRS
    prefixes = TOKENIZER_PREFIXES
    suffixes = number_suffixes(TOKENIZER_SUFFIXES)
    infixes = number_infixes(TOKENIZER_INFIXES)
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not isinstance(self.tokenizer, NumberTokenizer):
            self.tokenizer = NumberTokenizer(self.tokenizer)


__all__ = ["Kazakh"]
