"""corpus/*/speakers.jsonl: every quote found, attributed to the right person, amounts tied to it."""
import pytest

from extractor import extract

from .corpus import cases


@pytest.mark.parametrize("row", cases("kk", "speakers") + cases("ru", "speakers"))
def test_speakers(row, request):
    lang = request.node.callspec.id.split("/")[0]
    text = row["text"]
    doc = extract(text, lang=lang)
    got = doc.records_of("quote")
    assert [(q.text, q.speaker, q.direct) for q in got] == \
        [(e["text"], e["speaker"], e["direct"]) for e in row["expect"]]
    for q, e in zip(got, row["expect"]):                 # kind and office, where the passage gives them
        assert q.speaker_kind == e.get("kind", q.speaker_kind)
        assert q.speaker_title == e.get("title", q.speaker_title)
        assert q.via == e.get("via", q.via)              # the outlet crediting someone else's statement
    for q in got:
        assert text[q.start:q.end] == q.text
        if q.speaker_text is not None:                   # (говорится в пресс-релизе: no speaker)
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        else:
            assert q.speaker is None and q.speaker_start is None
    for want in row.get("amounts", []):
        amount = next(r for r in doc.records if r.text == want["text"] and r.kind != "quote")
        assert amount.speaker == want["speaker"]
        assert amount.quote_id in {q.id for q in got}
    assert doc.author == row.get("author")


def test_corpus_sizes():
    assert len(cases("kk", "speakers")) >= 60
    assert len(cases("ru", "speakers")) >= 60
