"""Every article of every input, in order, each with its input position; what cannot be read
becomes an error item that names the input (and line or row) and says why, and reading goes on
with the next input.

Formats, by extension (any case): .txt (one article per file), .jsonl/.ndjson (one object per
line), .json (an array of objects, or JSON lines), .csv/.tsv (a header row; the delimiter is
guessed from it; the encoding from the first 64 KB), .parquet; compressed .gz, .zst, .bz2, .xz.
Folders are read recursively in name order (hidden files skipped); a file of any other type in
a folder is an "unsupported format" error, not silently skipped.
"""
from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from .dates import DateError, parse_date
from .items import Fields, Item, Options
from .streams import Broken, Meter, read_chunks, read_lines, file_format

CSV_FIELD_LIMIT = 50 << 20          # a field this long is an unbalanced quote, not an article
NO_TEXT_ROWS = 5                    # rows without the text field before an input is given up


def read_items(inputs: list[str], options: Options | Fields = Options(), meter: Meter | None = None) -> Iterator[Item]:
    """Every article of every input, in order, numbered 0, 1, 2, …; warns once per input about
    missing ids and at every repeated id, and dates the articles that have no date of their own."""
    if isinstance(options, Fields):
        options = Options(fields=options)
    meter = meter or Meter()
    position = 0
    seen: dict[str, int] = {}
    for source in inputs:
        warned_no_id = False
        for item in _read_source(Path(source), options, meter):
            item.position = position
            item.bytes_read = meter.now
            if item.error is None:
                if not item.id:
                    item.id = None
                    if not warned_no_id:
                        item.warnings.append(f"{item.source}: no {options.fields.id!r}: articles without an id "
                                             "are identified by their position (the position column)")
                        warned_no_id = True
                elif item.id in seen:
                    item.warnings.append(f"{item.source}: duplicate id {item.id!r} (also at position {seen[item.id]})")
                else:
                    seen[item.id] = position
                if item.data.get("date") is None and options.date:
                    item.data["date"] = options.date
            yield item
            position += 1


def _read_source(path: Path, options: Options, meter: Meter) -> Iterator[Item]:
    if path.is_dir():
        yield from _folder(path, path, options, meter)
    elif not path.exists():
        yield _error(str(path), f"{path}: no such file or folder")
    else:
        fmt, _ = file_format(path.name)
        yield from _read_file(path, path.name, fmt or "txt", options, meter)


def _folder(root: Path, folder: Path, options: Options, meter: Meter) -> Iterator[Item]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield _error(str(folder), f"{folder}: cannot read this folder: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _folder(root, path, options, meter)
            continue
        fmt, _ = file_format(entry.name)
        rel = str(path.relative_to(root))
        if fmt is None:
            yield _error(str(path), f"{path}: unsupported format; sanaq reads .txt, .jsonl, .json, .csv, .tsv "
                                    "and .parquet files, plain or .gz, .zst, .bz2, .xz")
            continue
        yield from _read_file(path, rel, fmt, options, meter)


def _read_file(path: Path, rel: str, fmt: str, options: Options, meter: Meter) -> Iterator[Item]:
    try:
        size = path.stat().st_size
    except OSError as err:
        yield _error(str(path), f"{path}: cannot read: {err.strerror or err}")
        return
    try:
        if fmt == "txt":
            yield _text_file(path, rel)
        elif fmt == "parquet":
            yield from _parquet(path, options, meter, size)
        elif fmt == "csv":
            yield from _csv(path, options, meter)
        elif fmt == "json":
            yield from _json(path, options, meter)
        else:
            yield from _no_text_guard(_jsonl(path, options, meter), path, options.fields.text)
    except Broken as err:
        yield _error(f"{path}:{err.line}", f"{path}:{err.line}: {err}; the rest of this input is not read")
    except OSError as err:
        yield _error(str(path), f"{path}: cannot read: {err.strerror or err}")
    meter.finish(size)


def _error(source: str, message: str) -> Item:
    return Item(0, None, None, message, source=source)


# -- rows ----------------------------------------------------------------------
def row_item(row: Any, options: Options, where: str) -> Item:
    """An item from one input row (a JSON object, CSV row or Parquet row)."""
    fields = options.fields
    if not isinstance(row, dict):
        return _error(where, f"{where}: not an object but {type(row).__name__}")
    item_id = row.get(fields.id)
    item_id = None if item_id is None or item_id == "" else str(item_id)
    keep = {name: row.get(name) for name in options.keep_fields} if options.keep_fields else None
    text = row.get(fields.text)
    if not isinstance(text, str):
        missing = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Item(0, item_id, None, f"{where}: field {fields.text!r} {missing}", source=where, keep=keep)
    item = Item(0, item_id, {"text": text, "date": None, "lang": row.get(fields.lang) or None}, source=where,
                keep=keep)
    try:
        item.data["date"] = parse_date(row.get(fields.date))
    except DateError as err:
        item.warnings.append(f"{where}: {err}; the article is read without a date")
    return item


def _no_text_guard(pairs: Iterator[tuple[Item, Any]], path: Path, text_field: str) -> Iterator[Item]:
    """Give up on an input whose first rows all lack the text field (a wrong --text-field):
    one error listing the fields found, instead of one error per row. `pairs`: (item, row)."""
    first: list[tuple[Item, Any]] = []
    for item, row in pairs:
        first.append((item, row))
        if not (item.data is None and item.error and item.error.endswith(f"field {text_field!r} missing")):
            break
        if len(first) == NO_TEXT_ROWS:
            names = sorted({str(k) for _, r in first if isinstance(r, dict) for k in r})
            yield _error(str(path), f"{path}: no {text_field!r} field in the first {NO_TEXT_ROWS} rows (fields "
                                    f"found: {', '.join(names) or 'none'}); give the right --text-field; "
                                    "the rest of this input is not read")
            return
    yield from (item for item, _ in first)
    yield from (item for item, _ in pairs)


def _jsonl(path: Path, options: Options, meter: Meter) -> Iterator[tuple[Item, Any]]:
    for lineno, line in read_lines(path, meter):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as err:
            yield _error(where, f"{where}: not valid JSON: {err}"), None
            continue
        yield row_item(row, options, where), row


def _json(path: Path, options: Options, meter: Meter) -> Iterator[Item]:
    """A JSON array of objects (or one object); a file that is not one JSON value is read as JSON lines."""
    data = b"".join(read_chunks(path, meter, lambda: 0))
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        yield from _no_text_guard(_jsonl(path, options, meter), path, options.fields.text)
        return
    rows = value if isinstance(value, list) else [value]
    pairs = ((row_item(row, options, f"{path}[{index}]"), row) for index, row in enumerate(rows))
    yield from _no_text_guard(pairs, path, options.fields.text)


def _csv(path: Path, options: Options, meter: Meter) -> Iterator[Item]:
    from ..textio import guess_encoding
    csv.field_size_limit(CSV_FIELD_LIMIT)
    chunks = read_chunks(path, meter, lambda: reader.line_num + 1 if reader is not None else 0)
    reader = None
    first = next(chunks, b"")
    encoding = guess_encoding(first[:65536])
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")

    def text_lines():
        rest = ""
        for chunk in _prepend(first, chunks):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                raise Broken((reader.line_num if reader else 0) + 2,
                             f"bytes that are not {encoding} (the encoding guessed from the start of the file)") from None
            parts = (rest + text).split("\n")
            rest = parts.pop()
            for part in parts:
                yield part + "\n"
        if rest:
            yield rest

    lines = text_lines()
    header_line = next(lines, "")
    delimiter = max(",;\t|", key=header_line.count) if any(d in header_line for d in ",;\t|") else ","
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    if options.fields.text not in header:
        yield _error(str(path), f"{path}: no {options.fields.text!r} column (columns found with delimiter "
                                f"{delimiter!r}: {', '.join(header) or 'none'}); give the right --text-field; "
                                "this input is not read")
        return
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        line = reader.line_num + 2                  # where this row starts (the header is line 1)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            hint = "; an unbalanced quote?" if "expected" in str(err) or "end of data" in str(err) else ""
            raise Broken(line, f"malformed CSV ({err}{hint})") from None
        if not row:
            continue
        where = f"{path}:{line}"
        if len(row) != len(header):
            yield _error(where, f"{where}: {len(row)} fields where the header has {len(header)} "
                                "(an unbalanced quote or a stray delimiter?)")
            continue
        yield row_item(dict(zip(header, row)), options, where)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _parquet(path: Path, options: Options, meter: Meter, size: int) -> Iterator[Item]:
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:                        # pyarrow raises its own ArrowInvalid
        raise Broken(0, f"not a readable Parquet file ({err})") from None
    if options.fields.text not in pf.schema_arrow.names:
        yield _error(str(path), f"{path}: no {options.fields.text!r} column (columns found: "
                                f"{', '.join(pf.schema_arrow.names)}); give the right --text-field")
        return
    total = max(pf.metadata.num_rows, 1)
    row = 0
    for batch in pf.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            meter.at(size * row // total)
            yield row_item(record, options, f"{path}: row {row}")


def _text_file(path: Path, item_id: str) -> Item:
    from ..textio import InputError, decode
    try:
        raw = b"".join(read_chunks(path, Meter(), lambda: 0))
        return Item(0, item_id, {"text": decode(raw, str(path)), "date": None, "lang": None}, source=str(path))
    except Broken as err:
        return _error(str(path), f"{path}: {err}")
    except (InputError, OSError) as err:
        return Item(0, item_id, None, str(err), source=str(path))
