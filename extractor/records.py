"""The record contract as code: one small dataclass per record shape.

Every record has `id`, `kind`, `text` (exactly `source[start:end]`), `start`,
`end` (offsets into the caller's original string) and `sentence`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "0.1"


@dataclass(kw_only=True)
class Record:
    kind: str
    text: str
    start: int
    end: int
    sentence: tuple[int, int]
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.metadata.get("omit_none") and value is None:
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


def _link():
    return field(default=None, metadata={"omit_none": True})


@dataclass(kw_only=True)
class Amount(Record):
    """money, percent, quantity and number: a value, perhaps with a unit."""
    value: float
    unit: str | None = None
    approx: bool = False
    min: float | None = None
    max: float | None = None
    change: str | None = None      # "increase" | "decrease" | None
    noun: str | None = _link()     # number: what it counts (195 тауар түрі)
    period_id: str | None = _link()
    speaker: str | None = _link()
    quote_id: str | None = _link()
    subject: str | None = _link()


@dataclass(kw_only=True)
class Ordinal(Record):
    value: int


@dataclass(kw_only=True)
class Period(Record):
    """A stretch of calendar time: inclusive ISO dates, null when open or unknown."""
    start_date: str | None
    end_date: str | None
    grain: str | None              # day | week | month | quarter | half | year | decade | century
    relative: bool = False         # resolved against the document date (былтыр, в прошлом году)
    recurring: bool = False        # жыл сайын, ежегодно: every such period, no dates


@dataclass(kw_only=True)
class Duration(Record):
    """A length of time, not placed on the calendar: 14 күн, 5 жыл бойы, три месяца."""
    value: float
    unit: str                      # day | week | month | quarter | year | hour | minute | …
    min: float | None = None
    max: float | None = None


@dataclass(kw_only=True)
class Quote(Record):
    """Words attributed to someone: the quoted words (direct) or the reported clause (indirect)."""
    speaker: str | None            # the fullest name in the article, or the office / organization
    speaker_text: str | None       # as written in the attribution (Тоқаев, Президенттің, он)
    speaker_start: int | None
    speaker_end: int | None
    speaker_title: str | None = None
    verb: str | None = None        # деді, заявить, айтуынша, по словам
    direct: bool = True


@dataclass
class Document:
    id: str | None
    lang: str
    date: str | None
    records: list[Record]
    text: str = field(repr=False, default="")
    author: str | None = None      # from a byline (Материалды дайындаған: …, Автор: …)

    def to_dict(self) -> dict[str, Any]:
        out = {"schema_version": SCHEMA_VERSION, "id": self.id, "lang": self.lang, "date": self.date}
        if self.author is not None:
            out["author"] = self.author
        out["records"] = [r.to_dict() for r in self.records]
        return out

    def records_of(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]
