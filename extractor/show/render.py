"""The article as HTML with every record highlighted and labelled (`sanaq show`, notebooks).

The text is cut at every record boundary; each piece is a <span> that lists the records
covering it (`data-ids`) and is coloured by the innermost one, so overlapping records (an
amount inside a quote) all stay visible; pieces inside a quote are underlined, speakers
marked where they stand. Before each record a small label names its kind: a link to the
record's row in the table, which shows its details when focused (keyboard, touch) or
hovered. The table lists every record with its value written as a reader would
(`1,2 млрд USD`), its links as anchors back into the text.
"""
from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:      # records shows itself through this module: no run-time import back
    from ..records import Document, Quote, Record
from .styles import COLOURS, stylesheet, target_rules
from .values import details, locale_for, short

TABLE_TEXT = 120          # characters of a record's text in the table (cut at a word)
LINK_FIELDS = ("period_id", "quote_id")
IN_VALUE_COLUMN = {"value", "unit", "approx", "min", "max", "change", "noun"}     # the table's value column has them


def render_html(doc: Document, title: str | None = None, locale: str | None = None) -> str:
    """A whole page (what `sanaq show` writes)."""
    head = html.escape(title or doc.id or "sanaq")
    body = render_fragment(doc, title=title, locale=locale, prefix="sanaq")
    return (f'<!doctype html><html lang="{doc.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{head}</title>'
            '<style>body { margin: 2rem auto; padding: 0 1rem; max-width: 62rem; }</style>'
            f"</head><body>{body}</body></html>\n")


def render_fragment(doc: Document, title: str | None = None, locale: str | None = None,
                    prefix: str | None = None) -> str:
    """One <div> with its own scoped styles: safe to place in a notebook or any page.
    `locale`: how values are written ('ru', 'kk', 'en'; default: the document's language);
    `prefix`: the element ids' prefix (default: unique, so several views can share a page)."""
    prefix = prefix or f"sanaq-{uuid.uuid4().hex[:8]}"
    loc = locale_for(doc.lang, locale)
    root = f"#{prefix}"
    heading = html.escape(title or doc.id or "sanaq")
    meta = f"lang {doc.lang} · date {doc.date or 'unknown'} · {len(doc.records)} records" \
        + (f" · author {doc.author}" if doc.author else "")
    if doc.text:
        text = f'<div class="text">{_marked_text(doc, prefix, loc)}</div>'
    else:
        text = ('<p class="note">The text is not in this document (read back from JSON): '
                "<code>Document.from_dict(d, text=article)</code> keeps it.</p>")
    return (f'<div class="sanaq-view" id="{prefix}" lang="{html.escape(doc.lang)}">'
            f"<style>{stylesheet(root)}{target_rules(root, prefix, [r.id for r in doc.records])}</style>"
            f'<h2>{heading}</h2><p class="meta">{html.escape(meta)}</p>{legend(doc)}{text}'
            f"{record_table(doc, prefix, loc, anchors=bool(doc.text))}</div>")


def legend(doc: Document) -> str:
    counts: dict[str, int] = {}
    for r in doc.records:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    items = [f'<li data-kind="{k}"><span class="chip k-{k}{" quote-chip" if k == "quote" else ""}"></span>'
             f"{k} <small>{counts.get(k, 0)}</small></li>" for k in COLOURS]
    items.append('<li data-kind="speaker"><span class="chip speaker-chip"></span>speaker</li>')
    return f'<ul class="legend" aria-label="kinds of records">{"".join(items)}</ul>'


def _marked_text(doc: Document, prefix: str, loc: str) -> str:
    text = doc.text
    records = sorted(doc.records, key=lambda r: (r.start, -(r.end - r.start)))
    speakers = [(q.speaker_start, q.speaker_end, q) for q in records
                if q.kind == "quote" and q.speaker_start is not None and q.speaker_end is not None]
    cuts = sorted({0, len(text)} | {r.start for r in records} | {r.end for r in records}
                  | {a for a, _, _ in speakers} | {b for _, b, _ in speakers})
    starts: dict[int, list[Record]] = {}
    for r in records:
        starts.setdefault(r.start, []).append(r)
    speaker_starts: dict[int, list[Quote]] = {}
    for a, _, q in speakers:
        speaker_starts.setdefault(a, []).append(q)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for q in speaker_starts.get(a, ()):
            out.append(f'<a class="label" href="#{prefix}-{q.id}" data-speaker-for="{q.id}" '
                       f'title="the speaker of {q.id}">speaker</a>')
        for r in starts.get(a, ()):
            out.append(_label(r, prefix, loc))
        covering = [r for r in records if r.start <= a and b <= r.end]
        speaker_of = [q for s, e, q in speakers if s <= a and b <= e]
        piece = html.escape(text[a:b])
        if not covering and not speaker_of:
            out.append(piece)
            continue
        classes, attrs = ["seg"], []
        if covering:
            inner = min(covering, key=lambda r: r.end - r.start)
            classes.append(f"k-{inner.kind}")
            if any(r.kind == "quote" for r in covering):
                classes.append("in-quote")
            attrs.append(f'data-ids="{" ".join(r.id for r in covering)}"')
            hover = " | ".join(_one_line(r, loc) for r in sorted(covering, key=lambda r: r.end - r.start))
            attrs.append(f'title="{html.escape(hover)}"')
        if speaker_of:
            classes.append("speaker")
            attrs.append(f'data-speaker-of="{" ".join(q.id for q in speaker_of)}"')
            if not covering:
                attrs.append(f'title="{html.escape("speaker of " + ", ".join(q.id for q in speaker_of))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>')
    return "".join(out)


def _label(r: Record, prefix: str, loc: str) -> str:
    tip = html.escape(f"{r.id} · {r.kind} · {short(r, loc)}") + "".join(
        f"<br>{html.escape(k)}: {html.escape(v)}" for k, v in details(r, loc))
    return (f'<span class="mark"><a class="label" id="{prefix}-{r.id}" href="#{prefix}-row-{r.id}" '
            f'data-for="{r.id}" aria-describedby="{prefix}-tip-{r.id}">{html.escape(r.kind)}</a>'
            f'<span class="tip" role="tooltip" id="{prefix}-tip-{r.id}">{tip}</span></span>')


def _one_line(r: Record, loc: str) -> str:
    return f"{r.id} {r.kind}: {short(r, loc)}" + "".join(
        f", {k}={v}" for k, v in details(r, loc) if k not in ("value", "unit", "min", "max", "approx"))


def record_table(doc: Document, prefix: str, loc: str, anchors: bool = True) -> str:
    by_id = {r.id: r for r in doc.records}
    rows = []
    for r in doc.records:
        rid = f'<a href="#{prefix}-{r.id}">{r.id}</a>' if anchors else r.id
        cells = []
        for key, value in details(r, loc):
            if key in IN_VALUE_COLUMN and r.kind != "duration":
                continue
            if key in LINK_FIELDS and value in by_id:
                target = by_id[value]
                value_html = (f'<a href="#{prefix}-{value}" data-link="{value}">{value}</a> '
                              f"({html.escape(cut_at_word(target.text, 40))})")
            else:
                value_html = html.escape(value)
            cells.append(f"{html.escape(key)}: {value_html}")
        full = html.escape(r.text)
        shown = cut_at_word(r.text, TABLE_TEXT)
        title = f' title="{full}"' if shown != r.text else ""
        rows.append(f'<tr id="{prefix}-row-{r.id}" data-record="{r.id}"><td>{rid}</td>'
                    f'<td class="kind"><span class="chip k-{r.kind}"></span> {r.kind}</td>'
                    f"<td{title}>{html.escape(shown)}</td><td class=\"value\">{html.escape(short(r, loc))}</td>"
                    f"<td>{'; '.join(cells)}</td></tr>")
    return ("<table><thead><tr><th>id</th><th>kind</th><th>text</th><th>value</th><th>details and links</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space (never inside a word), with … when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return (text[:cut] if cut > limit // 2 else text[:limit]).rstrip(" ,;:") + "…"
