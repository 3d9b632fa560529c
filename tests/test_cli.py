"""`sanaq extract` as a user runs it: JSON out, clear errors for bad input."""
import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "extractor" / "samples" / "kk-trade-kz-kg.txt"
RU_TEXT = "Выручка компании составила 1,5 млрд рублей, что на двадцать процентов больше."


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_extract_sample_prints_contract_json():
    res = run("extract", str(SAMPLE), "--date", "2024-11-22", "--pretty")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["lang"] == "kk" and doc["date"] == "2024-11-22" and doc["schema_version"]
    text = SAMPLE.read_text(encoding="utf-8")
    for r in doc["records"]:
        assert text[r["start"]:r["end"]] == r["text"]


def test_jsonl_is_one_line():
    res = run("extract", "-", "--format", "jsonl", stdin=RU_TEXT.encode())
    assert res.returncode == 0
    assert res.stdout.count(b"\n") == 1
    assert json.loads(res.stdout)["lang"] == "ru"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1251", "koi8-r"])
def test_encodings_are_decoded(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(RU_TEXT.encode(encoding))
    res = run("extract", str(path))
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    texts = [r["text"] for r in doc["records"]]
    assert "двадцать" in " ".join(texts) and any("1,5 млрд" in t for t in texts)
    for r in doc["records"]:
        assert RU_TEXT[r["start"]:r["end"]] == r["text"]


@pytest.mark.parametrize("content,message", [
    (b"", b"empty"),
    (b"  \n\t ", b"empty"),
    (bytes(range(256)) * 4, b"binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"binary"),
])
def test_bad_input_gets_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    res = run("extract", str(path))
    assert res.returncode == 2
    assert message in res.stderr and b"Traceback" not in res.stderr


def test_missing_file_and_bad_date(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.returncode == 2 and b"cannot read" in res.stderr and b"Traceback" not in res.stderr
    res = run("extract", "-", "--date", "22/11/2024", stdin=RU_TEXT.encode())
    assert res.returncode == 2 and b"ISO date" in res.stderr
