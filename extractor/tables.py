"""Flat tables of records for notebooks: one row per record, links as plain columns.

    >>> import extractor
    >>> frame = extractor.to_frame(extractor.extract(text, date="2024-11-22") for text in texts)

`to_rows` needs nothing extra; `to_frame` needs pandas and `to_arrow` pyarrow
(`pip install "sanaq[tables]"`). Every row has every column, in this order,
so tables from different runs concatenate. Date columns hold ISO strings in
rows and frames and are real dates (date32) in Arrow tables and Parquet files.
Fields that records do not have yet (`per`, `base_value`, `base_unit`,
`speaker_kind`) are null until the records carry them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .records import Document

COLUMNS: dict[str, str] = {   # name → Arrow type
    "doc_id": "string", "lang": "string", "doc_date": "date", "record_id": "string", "kind": "string",
    "text": "string", "start": "int64", "end": "int64", "sentence_start": "int64", "sentence_end": "int64",
    "value": "float64", "unit": "string", "approx": "bool", "min": "float64", "max": "float64",
    "change": "string", "noun": "string", "start_date": "date", "end_date": "date", "grain": "string",
    "relative": "bool", "recurring": "bool", "speaker": "string", "speaker_title": "string", "verb": "string",
    "direct": "bool", "quote_id": "string", "subject": "string", "period_id": "string",
    "period_text": "string", "period_start": "date", "period_end": "date",
    "speaker_text": "string", "speaker_kind": "string", "per": "string", "base_value": "float64",
    "base_unit": "string", "sentence_text": "string", "in_headline": "bool",
}
# one row per document, so that articles without records are still counted
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": "string", "lang": "string", "doc_date": "date", "author": "string", "chars": "int64",
    "records": "int64", "headline": "string",
}
HEADLINE_MAX = 300


def headline_end(text: str) -> int:
    """Where the headline ends: the first line, when more text follows it and it is short
    (under 300 characters, no paragraph of prose); 0 when the text has no headline."""
    stripped = text.lstrip()
    first = stripped.find("\n")
    if first <= 0 or first > HEADLINE_MAX or not stripped[first:].strip():
        return 0
    return len(text) - len(stripped) + first


def to_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat dict per record; an amount's period is spelled out (period_start, period_end);
    the sentence text when the document has its text (not after Document.from_dict)."""
    by_id = {r.id: r for r in doc.records}
    head = headline_end(doc.text) if doc.text else None
    rows = []
    for r in doc.records:
        d = r.to_dict()
        row = dict.fromkeys(COLUMNS)
        row.update(doc_id=doc.id, lang=doc.lang, doc_date=doc.date, record_id=r.id,
                   sentence_start=r.sentence[0], sentence_end=r.sentence[1])
        for key, value in d.items():
            if key in row and key not in ("id", "sentence"):
                row[key] = value
        if "value" in d and d["value"] is not None:
            row["value"] = float(d["value"])
        if row["base_value"] is not None:
            row["base_value"] = float(row["base_value"])
        if r.kind == "period":           # a period's own dates are its start_date/end_date
            row["period_id"], row["period_start"], row["period_end"] = r.id, d["start_date"], d["end_date"]
            row["period_text"] = r.text
        period = by_id.get(d.get("period_id"))
        if period is not None:
            row["period_text"], row["period_start"], row["period_end"] = period.text, period.start_date, period.end_date
        if doc.text:
            row["sentence_text"] = doc.text[r.sentence[0]:r.sentence[1]]
            row["in_headline"] = r.start < head
        rows.append(row)
    return rows


def document_row(doc: Document) -> dict[str, Any]:
    """The document's own row: id, language, date, author, length, how many records, headline."""
    head = headline_end(doc.text)
    return {"doc_id": doc.id, "lang": doc.lang, "doc_date": doc.date, "author": doc.author,
            "chars": len(doc.text), "records": len(doc.records),
            "headline": doc.text[:head].strip() or None if head else None}


def _rows(items: Iterable) -> list[dict[str, Any]]:
    """Rows of every record of Documents, texts or mappings (one item is accepted too)."""
    from .api import extract_one
    items = [items] if isinstance(items, (Document, str, dict)) else items
    return [row for item in items
            for row in to_rows(item if isinstance(item, Document) else extract_one(item))]


def to_frame(items: Iterable):
    """A pandas DataFrame of every record of every document (Documents, texts or mappings)."""
    import pandas as pd
    frame = pd.DataFrame(_rows(items), columns=list(COLUMNS))
    for name, kind in COLUMNS.items():
        if kind == "bool":
            frame[name] = frame[name].astype("boolean")
        elif kind == "int64":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float64":
            frame[name] = frame[name].astype("Float64")
    return frame


def arrow_type(kind: str):
    import pyarrow as pa
    return {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
            "date": pa.date32()}[kind]


def arrow_schema(columns: dict[str, str] = COLUMNS):
    import pyarrow as pa
    return pa.schema([(name, arrow_type(kind)) for name, kind in columns.items()])


def arrow_rows(rows: list[dict[str, Any]], columns: dict[str, str] = COLUMNS) -> list[dict[str, Any]]:
    """The rows with ISO date strings turned into dates, as Arrow's date32 columns take them."""
    dates = [name for name, kind in columns.items() if kind == "date"]
    for row in rows:
        for name in dates:
            value = row.get(name)
            if isinstance(value, str):
                row[name] = dt.date.fromisoformat(value)
    return rows


def to_arrow(items: Iterable):
    """A pyarrow Table with the same columns as `to_frame` (dates as date32)."""
    import pyarrow as pa
    return pa.Table.from_pylist(arrow_rows(_rows(items)), schema=arrow_schema())
