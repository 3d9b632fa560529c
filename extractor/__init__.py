"""Sanaq: numbers, periods and speakers out of Kazakh and Russian news.

    >>> import extractor
    >>> doc = extractor.extract("Тауар айналымы 1,5 млрд долларға жетті.")
    >>> doc.records[0].value
    1500000000.0
"""
from __future__ import annotations

from .api import extract, extract_many, extract_one
from .pipeline import Extractor, default_extractor
from .records import SCHEMA_VERSION, Amount, Document, Duration, Ordinal, Period, Quote, Record, json_schema
from .show import render_html, view
from .tables import to_arrow, to_frame, to_rows

__version__ = "0.2.0"

__all__ = ["Amount", "Document", "Duration", "Extractor", "Ordinal", "Period", "Quote", "Record",
           "SCHEMA_VERSION", "__version__", "default_extractor", "extract", "extract_many", "extract_one",
           "json_schema", "render_html", "to_arrow", "to_frame", "to_rows", "view"]
