"""Helpers to load `corpus/<lang>/<name>.jsonl` as pytest parameters."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def cases(lang: str, name: str):
    path = CORPUS / lang / f"{name}.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                out.append(pytest.param(row, id=f"{lang}/{name}:{lineno}:{row['text'][:40]}"))
    return out
