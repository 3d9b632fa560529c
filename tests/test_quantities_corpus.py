"""corpus/*/quantities.jsonl: money, percent, quantity and number records with values, units, spans."""
import pytest

from extractor import extract

from .corpus import cases

KINDS = {"money", "percent", "quantity", "number", "ratio"}
FIELDS = ("unit", "approx", "min", "max", "change", "noun", "per", "from_value", "to_value", "base_value",
          "base_unit")
CHECKED_WHEN_GIVEN = ("noun", "base_value", "base_unit")    # others: absent means None (approx: False)


@pytest.mark.parametrize("row", cases("kk", "quantities") + cases("ru", "quantities")
                         + cases("kk", "quantities.newsroom") + cases("ru", "quantities.newsroom"))
def test_quantities(row, request):
    lang = request.node.callspec.id.split("/")[0]
    text = row["text"]
    doc = extract(text, lang=lang)
    got = [r for r in doc.records if r.kind in KINDS]
    assert [(r.text, r.kind) for r in got] == [(e["text"], e["kind"]) for e in row["expect"]]
    for r, e in zip(got, row["expect"]):
        assert text[r.start:r.end] == r.text
        assert r.value == pytest.approx(e["value"], rel=1e-9)
        for f in FIELDS:
            want = e.get(f, False if f == "approx" else None)
            if f in CHECKED_WHEN_GIVEN and f not in e:
                continue
            assert getattr(r, f, None) == (pytest.approx(want, rel=1e-12) if isinstance(want, float) else want), f


def test_corpus_sizes():
    assert len(cases("kk", "quantities")) >= 200
    assert len(cases("ru", "quantities")) >= 200
    assert len(cases("kk", "quantities.newsroom")) >= 80
    assert len(cases("ru", "quantities.newsroom")) >= 80
