"""What a notebook displays: `view(doc)`, `view(docs)`, `view(frame)`.

A `Document` displays itself (`Document._repr_html_`); `view` does the same for a list of
documents (one view each, the first `limit` of them) and for a frame of records from
`extractor.to_frame` (a table, values written as a reader would, kinds in their colours).
"""
from __future__ import annotations

import html
import uuid
from collections.abc import Iterable
from typing import Any
from .render import cut_at_word, render_fragment
from .styles import stylesheet
from .values import amount, locale_for


def _is_document(obj: Any) -> bool:
    # by shape, not isinstance: records imports this package to display itself
    return hasattr(obj, "records") and hasattr(obj, "text") and hasattr(obj, "to_dict")


class View:
    """An object Jupyter (or IPython.display) shows as HTML."""

    def __init__(self, html_text: str) -> None:
        self.html = html_text

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def view(obj: Any, locale: str | None = None, limit: int = 20) -> View:
    """A Document, an iterable of Documents, or a pandas frame of records → a displayable view."""
    if _is_document(obj):
        return View(render_fragment(obj, locale=locale))
    if hasattr(obj, "to_dict") and hasattr(obj, "columns"):        # a pandas DataFrame
        return View(frame_html(obj.to_dict("records"), locale, limit=limit * 50))
    docs = list(obj)
    if not all(_is_document(d) for d in docs):
        raise TypeError("view() takes a Document, a list of Documents or a frame from extractor.to_frame")
    parts = [render_fragment(d, locale=locale) for d in docs[:limit]]
    if len(docs) > limit:
        parts.append(f"<p><em>… and {len(docs) - limit} more documents (view(docs, limit=N) shows more)</em></p>")
    return View("".join(parts))


def frame_html(rows: list[dict[str, Any]], locale: str | None = None, limit: int = 1000) -> str:
    """Rows of `to_rows` / `to_frame` as a table (the frame has no article text to highlight)."""
    prefix = f"sanaq-{uuid.uuid4().hex[:8]}"
    body = []
    for row in rows[:limit]:
        row = {k: (None if _missing(v) else v) for k, v in row.items()}
        loc = locale_for(row.get("lang"), locale)
        kind = row.get("kind") or ""
        if kind in ("money", "percent", "quantity", "number"):
            value = amount(row, loc)
        elif kind == "period":
            value = f"{row.get('start_date') or '…'} – {row.get('end_date') or '…'}"
        elif kind == "quote":
            value = row.get("speaker") or ""
        elif row.get("value") is not None:
            value = f"{row['value']:g} {row.get('unit') or ''}".strip()
        else:
            value = ""
        links = "; ".join(f"{k}: {row[k]}" for k in ("subject", "speaker", "period_text") if row.get(k)
                          and not (k == "speaker" and kind == "quote"))
        body.append(f"<tr><td>{html.escape(str(row.get('doc_id') or ''))}</td><td>{html.escape(str(row.get('record_id') or ''))}</td>"
                    f'<td><span class="chip k-{html.escape(kind)}"></span> {html.escape(kind)}</td>'
                    f"<td>{html.escape(cut_at_word(str(row.get('text') or ''), 120))}</td>"
                    f'<td class="value">{html.escape(value)}</td><td>{html.escape(links)}</td></tr>')
    more = f'<p class="note">… {len(rows) - limit} more rows</p>' if len(rows) > limit else ""
    return (f'<div class="sanaq-view" id="{prefix}"><style>{stylesheet("#" + prefix)}</style>'
            "<table><thead><tr><th>document</th><th>id</th><th>kind</th><th>text</th><th>value</th>"
            f"<th>links</th></tr></thead><tbody>{''.join(body)}</tbody></table>{more}</div>")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)      # NaN from pandas


