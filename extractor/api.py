"""The library's entry points: one article, or a stream of them.

One `Extractor` (patterns, tokenizers, morphology) is built per process and
reused; `extract_many` with `n_process > 1` builds one per worker process.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .pipeline import default_extractor
from .records import Document

Item = str | Mapping[str, Any]


def extract(text: str, lang: str | None = None, date=None, doc_id: str | None = None, kinds=None) -> Document:
    """Extract every record from one article. `lang`: 'kk', 'ru' or None (detect per document);
    `date`: the article's date (ISO string or date), which relative periods are resolved against;
    `kinds`: only these record kinds ({"money", "percent"} or "money,percent"; None: all), and
    the rules of other kinds do not run."""
    return default_extractor().extract(text, lang=lang, date=date, doc_id=doc_id, kinds=kinds)


def extract_one(item: Item, text_field: str = "text", id_field: str = "id", date_field: str = "date",
                lang_field: str = "lang", kinds=None) -> Document:
    """A text, or a mapping with text and optional id, date and lang, → Document."""
    if isinstance(item, str):
        return extract(item, kinds=kinds)
    if not isinstance(item, Mapping):
        raise TypeError(f"expected a str or a mapping with {text_field!r}, got {type(item).__name__}")
    if text_field not in item:
        raise KeyError(f"item has no {text_field!r} field (fields: {', '.join(map(str, item)) or 'none'})")
    doc_id = item.get(id_field)
    return extract(item[text_field], lang=item.get(lang_field) or None, date=item.get(date_field) or None,
                   doc_id=None if doc_id is None else str(doc_id), kinds=kinds)


def extract_many(items: Iterable[Item], n_process: int = 1, chunk_size: int = 16, **fields) -> Iterator[Document]:
    """Documents for `items` (texts, or mappings with text/id/date/lang), streamed in input order.
    `fields`: the field names of `extract_one`, and `kinds`.

    With n_process > 1 the work is spread over that many processes (each loads
    the pipeline once); input is consumed lazily, a few chunks ahead, so memory
    stays bounded whatever the size of the stream. An item that fails raises
    (use `sanaq batch` for error files and resumable runs)."""
    if n_process <= 1:
        for item in items:
            yield extract_one(item, **fields)
        return
    import functools

    from .parallel import ordered_map
    yield from ordered_map(functools.partial(extract_one, **fields), items, n_process, chunk_size,
                           initializer=_warm_up)


def _warm_up() -> None:
    default_extractor()
