"""Huge and pathological inputs: bounded time, no catastrophic backtracking, sane numbers.
Set SANAQ_STRESS=1 for the 200 MB single text (minutes; not in CI)."""
import os
import time

import pytest
import regex

import extractor
from extractor import normalize as norm_mod
from extractor import sentences as sent_mod
from extractor import speakers as spk_mod
from extractor.numerals import digits as digits_mod

from .conftest import check_invariants


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


PATHOLOGICAL = [
    ("5M chars without spaces", "а" * 5_000_000),
    ("100k digits in a row", "9" * 100_000),
    ("10k nested quotes", "«" * 10_000 + "Экспорт 5%-ға өсті" + "»" * 10_000),
    ("100k dots", "." * 100_000),
    ("100k quotes and dots", '".' * 50_000),
    ("combining marks", "е" + "\u0301" * 50_000),
    ("200k tag-like", "<" * 200_000 + ">"),
    ("ampersands", "&" * 100_000 + ";"),
]


@pytest.mark.parametrize("name,text", PATHOLOGICAL, ids=[name for name, _ in PATHOLOGICAL])
def test_pathological_input_is_fast(name, text, validator):
    doc, seconds = timed(extractor.extract, text, "kk")
    assert seconds < 30, f"{name}: {seconds:.1f} s"
    check_invariants(text, doc, validator)


def test_time_is_linear_in_size():
    base = "Былтыр тауар айналымы 1,5 млрд долларға жетті. Бұл жақсы нәтиже. " * 200
    extractor.extract(base, lang="kk")
    _, small = timed(extractor.extract, base, "kk")
    _, big = timed(extractor.extract, base * 8, "kk")
    assert big < small * 8 * 2.5, f"8x text took {big / small:.1f}x the time"


def test_many_quotes_and_records_stay_linear():
    """Linking, quotes and speakers once had loops over all records per record (quadratic)."""
    article = ("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев сөйледі. Былтыр экспорт 5 пайызға өсті.\n"
               "«Тауар айналымы 2 млрд долларға жетті», – деді Тоқаев.\n")
    extractor.extract(article * 50, lang="kk")
    small_doc, small = timed(extractor.extract, article * 500, "kk")
    big_doc, big = timed(extractor.extract, article * 4000, "kk")
    assert len(big_doc.records_of("quote")) == 4000
    assert big_doc.records_of("money")[-1].speaker == "Қасым-Жомарт Тоқаев"
    assert big < small * 8 * 2.5, f"8x the quotes took {big / small:.1f}x the time"


def test_absurd_numbers_give_a_sane_record_or_none(validator):
    for text in ["1" + "0" * 400 + " долларов", "5 " + "млрд " * 60 + "рублей", "9" * 5000 + "%",
                 "1e309 долларов", "0," + "0" * 500 + "1%"]:
        doc = extractor.extract(text, lang="ru")
        check_invariants(text, doc, validator)


# Every module-level regex runs on adversarial strings in bounded time (a catastrophic
# pattern added later fails here).
ADVERSARIAL = ["a" * 50_000, "1 " * 25_000, "1." * 25_000, "«" * 20_000, '"' * 20_000, ". " * 25_000,
               "<a " * 10_000, "&#" * 20_000, "-" * 50_000, "е\u0301" * 20_000]
PATTERNS = [(name, p) for module in (norm_mod, sent_mod, spk_mod, digits_mod)
            for name, p in vars(module).items() if isinstance(p, regex.Pattern)]


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_catastrophic_backtracking(name, pattern):
    for s in ADVERSARIAL:
        start = time.perf_counter()
        for _ in pattern.finditer(s, timeout=10):
            pass
        assert time.perf_counter() - start < 2, f"{name} on {s[:10]!r}…"


@pytest.mark.skipif(not os.environ.get("SANAQ_STRESS"), reason="set SANAQ_STRESS=1 (minutes, ~GBs)")
def test_200_mb_single_text():
    import resource
    text = ("Бұл жаңалық мәтіні, онда сан жоқ. " * 64 + "Былтыр экспорт 5%-ға өсті.\n") * 95_000
    assert len(text.encode()) > 200e6
    doc, seconds = timed(extractor.extract, text, "kk")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"200 MB: {seconds:.0f} s, {len(doc.records)} records, peak RSS {peak:.0f} MB")
    assert len(doc.records_of("percent")) == 95_000
