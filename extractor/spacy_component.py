"""spaCy pipeline component: `nlp.add_pipe("sanaq")`.

Fills `doc.spans["sanaq"]` with one labelled span per record (label = kind, `span.id_` = the
record id); `span._.sanaq` is the record and `doc._.sanaq` the whole `Document`. Both are
read from plain data kept in `doc._.sanaq_data` (the document's JSON dict), so docs survive
`nlp.pipe(texts, n_process=2)`, `DocBin(store_user_data=True)` and pickling. The article's
date: the component's `date` setting, `doc.user_data["date"]`, or the context of
`nlp.pipe(((text, {"date": "2024-11-22"}), …), as_tuples=True)` (which may give `lang` too).
Works on `spacy.blank("kk")` and `spacy.blank("ru")` (or any pipeline of those languages);
other languages are detected per document. Registered through the `spacy_factories` entry
point, so installing sanaq is enough; importing `extractor.spacy_component` registers it too.
`config={"kinds": ["money", "percent"]}` asks for some kinds only.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


def _document(doc: Doc):
    from .records import Document
    data = doc._.sanaq_data
    if data is None:
        return None
    document = Document.from_dict(data)
    document.text = doc.text
    return document


def _record(span: Span):
    from .records import KINDS
    data = span.doc._.sanaq_data
    if data is None:
        return None
    for r in data["records"]:
        if r["id"] == span.id_:
            r = dict(r, sentence=tuple(r["sentence"]))
            return KINDS[r["kind"]](**r)
    return None


Doc.set_extension("sanaq_data", default=None, force=True)
Doc.set_extension("sanaq", getter=_document, force=True)
Span.set_extension("sanaq", getter=_record, force=True)


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
        context = getattr(doc, "_context", None)        # nlp.pipe(..., as_tuples=True)
        context = context if isinstance(context, dict) else {}
        date = context.get("date") or doc.user_data.get("date", self.date)
        lang = context.get("lang") or self.lang
        result = extract(doc.text, lang=lang, date=date, kinds=self.kinds)
        spans = []
        for r in result.records:
            span = doc.char_span(r.start, r.end, label=r.kind, alignment_mode="expand", span_id=r.id)
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.sanaq_data = result.to_dict()              # plain data: msgpack and pickle take it
        return doc


@Language.factory("sanaq", default_config={"spans_key": "sanaq", "date": None, "kinds": None})
def make_sanaq(nlp: Language, name: str, spans_key: str, date: str | None,
               kinds: list[str] | str | None) -> SanaqComponent:
    """`kinds`: only these record kinds (["money", "percent"]; null: all)."""
    return SanaqComponent(nlp, name, spans_key, date, kinds)
