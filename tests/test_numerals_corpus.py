"""corpus/*/numerals.jsonl: every number expression in the text, with its value and kind."""
import pytest

from extractor.normalize import normalize
from extractor.numerals import find_numbers, numerals_for
from extractor.lang.tokenizers import tokenizer_for

from .corpus import cases


def found(text: str, lang: str):
    norm = normalize(text)
    doc = tokenizer_for(lang)(norm.text)
    out = []
    for n in find_numbers(doc, numerals_for(lang)):
        end = n.end - 1 if n.tok_end == len(doc) and doc[n.tok_end - 1].text.endswith(".") else n.end
        start, end = norm.to_original(n.start, end)   # a sentence-final "млн." keeps its dot out
        out.append((text[start:end], "ordinal" if n.ordinal else "number", n.value))
    return out


@pytest.mark.parametrize("row", cases("kk", "numerals") + cases("ru", "numerals"))
def test_numerals(row, request):
    lang = request.node.callspec.id.split("/")[0]
    got = found(row["text"], lang)
    want = [(e["text"], e["kind"], e["value"]) for e in row["expect"]]
    assert [(t, k) for t, k, _ in got] == [(t, k) for t, k, _ in want]
    for (_, _, g), (_, _, w) in zip(got, want):
        assert g == pytest.approx(w, rel=1e-9)


def test_corpus_sizes():
    assert len(cases("kk", "numerals")) >= 150
    assert len(cases("ru", "numerals")) >= 150
