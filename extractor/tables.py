"""Flat tables of records for notebooks: one row per record, links as plain columns.

    >>> import extractor
    >>> frame = extractor.to_frame(extractor.extract(text, date="2024-11-22") for text in texts)

`to_rows` needs nothing extra; `to_frame` needs pandas and `to_arrow` pyarrow
(`pip install "sanaq[tables]"`). Every row has every column, in this order,
so tables from different runs concatenate.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .records import Document

COLUMNS: dict[str, str] = {   # name → Arrow type
    "doc_id": "string", "lang": "string", "doc_date": "string", "record_id": "string", "kind": "string",
    "text": "string", "start": "int64", "end": "int64", "sentence_start": "int64", "sentence_end": "int64",
    "value": "float64", "unit": "string", "approx": "bool", "min": "float64", "max": "float64",
    "change": "string", "noun": "string", "start_date": "string", "end_date": "string", "grain": "string",
    "relative": "bool", "recurring": "bool", "speaker": "string", "speaker_title": "string", "verb": "string",
    "direct": "bool", "quote_id": "string", "subject": "string", "period_id": "string",
    "period_text": "string", "period_start": "string", "period_end": "string",
}


def to_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat dict per record; an amount's period is spelled out (period_start, period_end)."""
    by_id = {r.id: r for r in doc.records}
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
        if r.kind == "period":           # a period's own dates are its start_date/end_date
            row["period_id"], row["period_start"], row["period_end"] = r.id, d["start_date"], d["end_date"]
            row["period_text"] = r.text
        period = by_id.get(d.get("period_id"))
        if period is not None:
            row["period_text"], row["period_start"], row["period_end"] = period.text, period.start_date, period.end_date
        rows.append(row)
    return rows


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


def arrow_schema():
    import pyarrow as pa
    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])


def to_arrow(items: Iterable):
    """A pyarrow Table with the same columns as `to_frame`."""
    import pyarrow as pa
    return pa.Table.from_pylist(_rows(items), schema=arrow_schema())

