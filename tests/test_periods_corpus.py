"""corpus/*/periods.jsonl and periods.news.jsonl: period and duration records with spans and dates
for a stated document date. periods.news.jsonl (constructions read in real news, written anew):
composed dates, tense, comparison bases, clock times, vague spans and datelines, with their own
fields checked when a row states them."""
import pytest

from extractor import extract

from .corpus import cases

KINDS = {"period", "duration"}
PERIOD_FIELDS = ("start_date", "end_date", "grain", "relative")
OPTIONAL_FIELDS = ("approx", "start_time", "end_time", "timezone", "dateline")


def _check(row, lang):
    text = row["text"]
    doc = extract(text, lang=lang, date=row.get("date"))
    got = [r for r in doc.records if r.kind in KINDS]
    assert [(r.text, r.kind) for r in got] == [(e["text"], e["kind"]) for e in row["expect"]]
    by_id = {r.id: r for r in doc.records}
    for r, e in zip(got, row["expect"]):
        assert text[r.start:r.end] == r.text
        if r.kind == "period":
            assert {f: getattr(r, f) for f in PERIOD_FIELDS} == {f: e[f] for f in PERIOD_FIELDS}
            assert r.recurring == e.get("recurring", False)
            for f in OPTIONAL_FIELDS:
                if f in e:
                    assert getattr(r, f) == e[f], f
            compared = by_id[r.compared_to].text if r.compared_to else None
            assert compared == e.get("compared_to"), "compared_to"
        else:
            assert (r.value, r.unit, r.min, r.max) == (e["value"], e["unit"], e.get("min"), e.get("max"))
    if "doc_date" in row:
        assert doc.date == row["doc_date"]          # a dateline's date when the caller gave none


@pytest.mark.parametrize("row", cases("kk", "periods") + cases("ru", "periods"))
def test_periods(row, request):
    _check(row, request.node.callspec.id.split("/")[0])


@pytest.mark.parametrize("row", cases("kk", "periods.news") + cases("ru", "periods.news"))
def test_periods_news(row, request):
    _check(row, request.node.callspec.id.split("/")[0])


def test_corpus_sizes():
    assert len(cases("kk", "periods")) >= 150
    assert len(cases("ru", "periods")) >= 150
    assert len(cases("kk", "periods.news")) >= 60
    assert len(cases("ru", "periods.news")) >= 60
