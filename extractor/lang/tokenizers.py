"""The spaCy tokenizer of each language, with the number rules, built once per process.

Here and not in the pipeline: the word lists (`lexicon`) and the numeral scanner need a
tokenizer too, and a low-level module must never import the pipeline.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

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


# one spaCy tokenizer per language: the reference the fast tokenizer is generated from and
# tested against (extract() itself uses `fast_tokenizer.tokenizer_for`)
tokenizer_for = functools.lru_cache(maxsize=None)(new_tokenizer)

RULES_DIR = Path(__file__).resolve().parent / "tokenizer_rules"


def tokenizer_rules(lang: str) -> dict:
    """The data of `lang`'s spaCy tokenizer (affix, infix and URL patterns, the special cases)
    and the thousands-group rule of the number rules, as the fast tokenizer loads them."""
    from spacy.attrs import ORTH
    from .number_rules import THOUSANDS_GROUPS
    base = tokenizer_for(lang).base
    if base.token_match is not None or not base.faster_heuristics:
        raise ValueError("the fast tokenizer knows no token_match and only spaCy's faster heuristics")

    def pattern(method) -> dict:
        compiled = method.__self__
        return {"pattern": compiled.pattern, "flags": int(compiled.flags)}
    return {
        "prefix": pattern(base.prefix_search), "suffix": pattern(base.suffix_search),
        "infix": pattern(base.infix_finditer), "url": pattern(base.url_match),
        # string → the texts of its tokens (NORM is never read by the rules)
        "specials": {key: [sub[ORTH] for sub in subs] for key, subs in sorted(base.rules.items())},
        "thousands": {"pattern": THOUSANDS_GROUPS.pattern, "flags": int(THOUSANDS_GROUPS.flags)},
    }


def write_rules() -> None:
    """Regenerate extractor/lang/tokenizer_rules/*.json (after a change to spaCy or the number rules)."""
    RULES_DIR.mkdir(exist_ok=True)
    for lang in LANGS:
        path = RULES_DIR / f"{lang}.json"
        path.write_text(json.dumps(tokenizer_rules(lang), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    write_rules()
