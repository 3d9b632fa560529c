"""A time-bounded fuzz run of the whole `extract` call: random byte-level and token-level
mutations of the corpus, decoded the way the CLI decodes files. SANAQ_FUZZ_SECONDS sets
the budget (CI: 60 s); every crash it finds becomes a case in REGRESSIONS below."""
import os
import random
import time

import pytest

import extractor
from extractor.textio import InputError, decode

from ..corpus import cases
from .conftest import check_invariants

SEEDS = [p.values[0]["text"] for lang in ("kk", "ru") for name in ("quantities", "periods", "speakers", "numerals")
         for p in cases(lang, name)]
PIECES = ["млрд", "%-ға", "«", "»", "&amp;", "<br>", "\u0301", "\u00ad", "1 500", "1.500,5", "—", "деді", "году",
          "2024-жылы", "бүтін оннан", "полтора", "\n\n", "Тоқаевтың", "жыл сайын", "(", ")", "0" * 40]
# Inputs that once crashed (found by this fuzzer or the property tests), kept forever.
REGRESSIONS = [
    "1" + "0" * 400 + " долларов",               # OverflowError: int too large to convert to float
    "9" * 100_000,                                # int() digit limit
    "\x00\x01binary",                             # NULs decoded as UTF-8
    "0$ млрд",                                    # one $ taken by two amounts (hypothesis found it)
]


def mutate(rng: random.Random, text: str) -> str:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(data))
        if op == 0 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)          # flip a byte
        elif op == 1:
            data[pos:pos] = rng.choice(PIECES).encode()
        elif op == 2 and data:
            del data[pos:pos + rng.randint(1, 8)]
        elif op == 3:
            other = rng.choice(SEEDS).encode()
            data[pos:pos] = other[: rng.randint(0, len(other))]          # splice
        elif op == 4:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
        else:
            data = data * 2
    return bytes(data[:20_000])


def test_regressions(validator):
    for text in REGRESSIONS:
        try:
            text = decode(text.encode())
        except InputError:
            continue
        check_invariants(text, extractor.extract(text), validator)


def test_fuzz_extract(validator):
    budget = float(os.environ.get("SANAQ_FUZZ_SECONDS", "60"))
    rng = random.Random(int(os.environ.get("SANAQ_FUZZ_SEED", "20261125")))
    deadline = time.monotonic() + budget
    runs = refused = 0
    while time.monotonic() < deadline:
        raw = mutate(rng, rng.choice(SEEDS))
        try:
            text = decode(raw, "fuzz")
        except InputError:
            refused += 1
            continue
        try:
            doc = extractor.extract(text, lang=rng.choice(["kk", "ru", None]),
                                    date=rng.choice([None, "2024-11-22"]))
            check_invariants(text, doc, validator)
        except Exception as err:
            pytest.fail(f"fuzz input {raw!r} → {type(err).__name__}: {err}")
        runs += 1
    print(f"\nfuzz: {runs} executions, {refused} inputs refused as binary/empty, {budget:.0f} s, 0 failures")
    assert runs > 0
