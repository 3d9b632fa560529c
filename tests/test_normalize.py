"""Normalization keeps every offset pointing into the caller's original string."""
import pytest

from extractor import extract
from extractor.normalize import normalize


@pytest.mark.parametrize("original,normalized", [
    ("1\u00a0500\u202f000", "1 500 000"),
    ("1\u00ad500", "1500"),
    ("a\u200bb\u200c\u200dc\u2060d\ufeffe", "abcde"),
    ("Kaзахстан", "Казахстан"),
    ("млрд with Latin о: млрд", "млрд with Latin о: млрд"),
    ("10 \u2013 15", "10 - 15"),
    ("\u201cцитата\u201d", '"цитата"'),
    ("\uff14\uff0c\uff11\uff05", "4,1%"),
    ("\u0664\u0662", "42"),
    ("и\u0306", "й"),
])
def test_normalized_text(original, normalized):
    assert normalize(original).text == normalized


def test_latin_lookalike_inside_cyrillic_word_only():
    assert normalize("Mосква и 2 млpд").text == "Москва и 2 млрд"   # Latin M, p
    assert normalize("Apple Inc. и Сбер").text == "Apple Inc. и Сбер"


@pytest.mark.parametrize("text,number", [
    ("Бағасы 1\u00ad500 теңге", "1\u00ad500 теңге"),
    ("Саны 1\u00a0500\u00a0000 адам", "1\u00a0500\u00a0000"),
    ("\u200bСаны ж\u0306 1\u200b500 адам", "1\u200b500"),
    ("Барлығы \uff12 млрд", "\uff12 млрд"),
])
def test_record_offsets_point_into_original(text, number):
    doc = extract(text, lang="kk")
    assert [r.text for r in doc.records] == [number]
    r = doc.records[0]
    assert text[r.start:r.end] == r.text


def test_span_mapping_round_trip_after_deletions():
    original = "x\u00ady\u0306z\u200b\u200bw"
    n = normalize(original)
    assert n.text == "xy\u0306zw"   # no precomposed y-breve: NFC keeps it
    for s in range(len(n.text) + 1):
        for e in range(s, len(n.text) + 1):
            a, b = n.to_original(s, e)
            assert 0 <= a <= b <= len(original)


def test_script_classes_match_regex_properties():
    """extractor/scripts.py's hard-coded `re` classes are the characters `regex` gives each script."""
    import re

    import regex

    from extractor.scripts import CYRILLIC_LETTERS, CYRILLIC_SCRIPT, LATIN_LETTERS
    every = "".join(map(chr, range(0x110000)))
    for ours, prop in ((LATIN_LETTERS, r"(?V1)[\p{Latin}&&[\p{L}\p{M}]]"),
                       (CYRILLIC_LETTERS, r"(?V1)[\p{Cyrillic}&&[\p{L}\p{M}]]"), (CYRILLIC_SCRIPT, r"\p{Cyrillic}")):
        assert re.findall(f"[{ours}]", every) == regex.findall(prop, every)


@pytest.mark.parametrize("original,normalized", [
    ("\u216bа", "\u216bа"),            # a Roman numeral (Latin script, not a letter) beside Cyrillic
    ("Bа\u216bв", "Ва\u216bв"),
    ("\u0482b", "\u0482b"),            # the Cyrillic thousands sign
])
def test_script_neighbours_that_are_not_letters(original, normalized):
    assert normalize(original).text == normalized
