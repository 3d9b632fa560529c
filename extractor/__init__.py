"""Sanaq: numbers, periods and speakers out of Kazakh and Russian news.

    >>> import extractor
    >>> doc = extractor.extract("Тауар айналымы 1,5 млрд долларға жетті.")
    >>> doc.records[0].value
    1500000000.0
"""
from __future__ import annotations

from .pipeline import Extractor, default_extractor
from .records import SCHEMA_VERSION, Amount, Document, Ordinal, Record

__version__ = "0.1.0"


def extract(text: str, lang: str | None = None, date=None, doc_id: str | None = None) -> Document:
    """Extract every record from one article. `lang`: 'kk', 'ru' or None (detect)."""
    return default_extractor().extract(text, lang=lang, date=date, doc_id=doc_id)


__all__ = ["Amount", "Document", "Extractor", "Ordinal", "Record", "SCHEMA_VERSION",
           "__version__", "extract"]
