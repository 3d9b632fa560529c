"""What flows through a batch: the options, one article as read, one article's outcome, the totals."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fields:
    """Names of the input fields (JSON keys, CSV columns, Parquet columns)."""
    text: str = "text"
    id: str = "id"
    date: str = "date"
    lang: str = "lang"
    kinds: str | None = None          # record kinds to extract, "money,percent" (None: all)


@dataclass
class Options:
    """Everything that changes what a batch writes; part of the resume fingerprint."""
    fields: Fields = field(default_factory=Fields)
    keep_fields: tuple[str, ...] = ()      # input fields passed through to the output
    date: str | None = None                # the date of articles that have none (a .txt folder)
    lang: str | None = None                # force kk or ru; None: per article, skipping other languages
    time_limit: float = 60.0               # seconds per article


@dataclass
class Item:
    """One article as read: its input position, id, text/date/lang, or why it could not be read."""
    position: int
    id: str | None
    data: dict[str, Any] | None            # text, date, lang
    error: str | None = None
    source: str | None = None              # the input file (and line or row), for people
    keep: dict[str, Any] | None = None     # the --keep-fields values
    warnings: list[str] = field(default_factory=list)
    bytes_read: int = 0                    # input bytes consumed so far (all inputs), for the ETA


@dataclass
class Result:
    """One article's outcome: a JSON document or table rows (payload), or an error; never both."""
    position: int
    id: str | None
    payload: Any = None
    error: str | None = None
    size: int = 0                          # UTF-8 bytes of the text
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False                  # not Kazakh or Russian: a warning, no document
    source: str | None = None
    keep: dict[str, Any] | None = None


@dataclass
class Summary:
    done: int = 0
    errors: int = 0
    warnings: int = 0
    skipped: int = 0                       # done in an earlier run (--resume)
    bytes_in: int = 0
    seconds: float = 0.0
    error_counts: dict[str, int] = field(default_factory=dict)
