"""Every integer and one-decimal number num2words writes in Kazakh and Russian parses back."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.numerals import parse_number

integers = st.one_of(st.integers(0, 1000), st.integers(0, 10**6), st.integers(0, 10**12))
one_decimal = st.builds(lambda whole, tenth: whole + tenth / 10, st.integers(0, 10**6), st.integers(0, 9))


@pytest.mark.parametrize("lang,n2w_lang", [("kk", "kz"), ("ru", "ru")])
@settings(max_examples=300, deadline=None)
@given(n=integers)
def test_integers_round_trip(lang, n2w_lang, n):
    words = num2words(n, lang=n2w_lang)
    assert parse_number(words, lang) == n, words


@pytest.mark.parametrize("lang,n2w_lang", [("kk", "kz"), ("ru", "ru")])
@settings(max_examples=300, deadline=None)
@given(x=one_decimal)
def test_one_decimal_round_trip(lang, n2w_lang, x):
    x = round(x, 1)
    words = num2words(x, lang=n2w_lang)
    assert parse_number(words, lang) == pytest.approx(x, abs=1e-9), words


@pytest.mark.parametrize("lang,n2w_lang", [("kk", "kz"), ("ru", "ru")])
@pytest.mark.parametrize("n", [0, 1, 10, 11, 100, 101, 110, 1000, 1001, 10**6, 10**6 + 1, 10**9, 10**12,
                               999_999_999_999, 2017, 81998, 3_500_000])
def test_edges_round_trip(lang, n2w_lang, n):
    assert parse_number(num2words(n, lang=n2w_lang), lang) == n
