"""corpus/*/periods.jsonl: period and duration records with spans and dates for a stated document date."""
import pytest

from extractor import extract

from .corpus import cases

KINDS = {"period", "duration"}
PERIOD_FIELDS = ("start_date", "end_date", "grain", "relative")


@pytest.mark.parametrize("row", cases("kk", "periods") + cases("ru", "periods"))
def test_periods(row, request):
    lang = request.node.callspec.id.split("/")[0]
    text = row["text"]
    doc = extract(text, lang=lang, date=row.get("date"))
    got = [r for r in doc.records if r.kind in KINDS]
    assert [(r.text, r.kind) for r in got] == [(e["text"], e["kind"]) for e in row["expect"]]
    for r, e in zip(got, row["expect"]):
        assert text[r.start:r.end] == r.text
        if r.kind == "period":
            assert {f: getattr(r, f) for f in PERIOD_FIELDS} == {f: e[f] for f in PERIOD_FIELDS}
            assert r.recurring == e.get("recurring", False)
        else:
            assert (r.value, r.unit, r.min, r.max) == (e["value"], e["unit"], e.get("min"), e.get("max"))


def test_corpus_sizes():
    assert len(cases("kk", "periods")) >= 150
    assert len(cases("ru", "periods")) >= 150
