"""Kazakh: the suffix grammar (`morph`, no spaCy) and spaCy's `kk` Language (`Kazakh`).

`Kazakh` is imported on first use only: the rules import `extractor.lang.kk.morph`, and that
must not load spaCy (`extract()` runs without it).
"""
from __future__ import annotations


def __getattr__(name: str):
    if name in ("Kazakh", "KazakhDefaults"):
        from . import language
        return getattr(language, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Kazakh"]
