"""`sanaq show`: the article as HTML with every record highlighted and labelled.

The text is cut at every record boundary; each piece is a <span> that lists
the records covering it (`data-ids`) and is coloured by the innermost one, so
overlapping records (an amount inside a quote) all stay visible. A small
label before each record names its kind; hovering shows its normalized value,
unit, dates, speaker and links. A table of all records follows the text.
"""
from __future__ import annotations

import html

from .records import Document, Record

COLOURS = {"money": "#ffd54f", "percent": "#aed581", "quantity": "#4fc3f7", "number": "#e0e0e0",
           "ordinal": "#d7ccc8", "period": "#ce93d8", "duration": "#f48fb1", "quote": "#fff3e0"}
STYLE = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.text { white-space: pre-wrap; }
.seg { border-radius: 3px; padding: 1px 0; }
.label { font-size: 0.65em; font-weight: 600; vertical-align: super; margin: 0 2px; color: #555; }
table { border-collapse: collapse; margin-top: 2rem; font-size: 0.9em; }
td, th { border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
""" + "".join(f".k-{k} {{ background: {c}; }}\n" for k, c in COLOURS.items())


def describe(r: Record) -> str:
    """The record's normalized content in one line (the hover text)."""
    d = r.to_dict()
    skip = {"kind", "text", "start", "end", "sentence", "id", "speaker_start", "speaker_end"}
    parts = [f"{k}={v}" for k, v in d.items() if k not in skip and v not in (None, False)]
    return f"{r.id} {r.kind}: " + ", ".join(parts)


def render_html(doc: Document, title: str | None = None) -> str:
    text = doc.text
    records = sorted(doc.records, key=lambda r: (r.start, -(r.end - r.start)))
    cuts = sorted({0, len(text)} | {r.start for r in records} | {r.end for r in records})
    starts: dict[int, list[Record]] = {}
    for r in records:
        starts.setdefault(r.start, []).append(r)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for r in starts.get(a, ()):
            out.append(f'<span class="label" data-for="{r.id}">{html.escape(r.kind)}</span>')
        covering = [r for r in records if r.start <= a and b <= r.end]
        piece = html.escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda r: r.end - r.start)
        ids = " ".join(r.id for r in covering)
        hover = html.escape(" | ".join(describe(r) for r in sorted(covering, key=lambda r: r.end - r.start)))
        out.append(f'<span class="seg k-{inner.kind}" data-ids="{ids}" title="{hover}">{piece}</span>')
    rows = "".join(
        f'<tr data-record="{r.id}"><td>{r.id}</td><td>{r.kind}</td><td>{html.escape(r.text[:120])}</td>'
        f"<td>{html.escape(describe(r).split(': ', 1)[-1])}</td></tr>" for r in doc.records)
    head = html.escape(title or doc.id or "sanaq")
    meta = html.escape(f"lang {doc.lang} · date {doc.date or 'unknown'} · {len(doc.records)} records"
                       + (f" · author {doc.author}" if doc.author else ""))
    return (f'<!doctype html><html lang="{doc.lang}"><head><meta charset="utf-8"><title>{head}</title>'
            f"<style>{STYLE}</style></head><body><h1>{head}</h1><p>{meta}</p>"
            f'<div class="text">{"".join(out)}</div>'
            f"<table><tr><th>id</th><th>kind</th><th>text</th><th>values and links</th></tr>{rows}</table>"
            "</body></html>\n")
