"""corpus/*/ordinals.jsonl: ordinal records through the whole pipeline (after dates, periods and
idioms have taken their numbers): span and value; `other` lists records of other kinds that must
come out too (a duration stays a duration)."""
import pytest

from extractor import extract

from .corpus import cases


@pytest.mark.parametrize("row", cases("kk", "ordinals") + cases("ru", "ordinals"))
def test_ordinals(row, request):
    lang = request.node.callspec.id.split("/")[0]
    doc = extract(row["text"], lang=lang)
    got = [(r.text, r.value) for r in doc.records if r.kind == "ordinal"]
    assert got == [(e["text"], e["value"]) for e in row["expect"]]
    for e in row.get("other", []):
        assert any((r.kind, r.text, r.value) == (e["kind"], e["text"], e["value"]) for r in doc.records), e
