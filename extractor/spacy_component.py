"""spaCy pipeline component: `nlp.add_pipe("sanaq")`.

Fills `doc.spans["sanaq"]` with one labelled span per record (label = kind)
and `span._.sanaq` with the record itself; `doc._.sanaq` holds the whole
`Document`. `config={"kinds": ["money", "percent"]}` asks for some kinds only. Works on `spacy.blank("kk")` and `spacy.blank("ru")` (or any
pipeline of those languages); other languages are detected per document.
Registered through the `spacy_factories` entry point, so installing sanaq is
enough; importing `extractor.spacy_component` registers it too.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

if not Span.has_extension("sanaq"):
    Span.set_extension("sanaq", default=None)
if not Doc.has_extension("sanaq"):
    Doc.set_extension("sanaq", default=None)


class SanaqComponent:
    def __init__(self, nlp: Language, name: str, spans_key: str, date: str | None,
                 kinds: list[str] | str | None = None) -> None:
        from .pipeline import parse_kinds
        self.lang = nlp.lang if nlp.lang in ("kk", "ru") else None
        self.spans_key = spans_key
        self.date = date
        self.kinds = None if kinds is None else parse_kinds(kinds)     # refused at add_pipe if unknown

    def __call__(self, doc: Doc) -> Doc:
        from .api import extract
        date = doc.user_data.get("date", self.date)
        result = extract(doc.text, lang=self.lang, date=date, kinds=self.kinds)
        spans = []
        for r in result.records:
            span = doc.char_span(r.start, r.end, label=r.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.sanaq = r
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.sanaq = result
        return doc


@Language.factory("sanaq", default_config={"spans_key": "sanaq", "date": None, "kinds": None})
def make_sanaq(nlp: Language, name: str, spans_key: str, date: str | None,
               kinds: list[str] | str | None) -> SanaqComponent:
    """`kinds`: only these record kinds (["money", "percent"]; null: all)."""
    return SanaqComponent(nlp, name, spans_key, date, kinds)
