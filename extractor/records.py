"""The record contract as code: one small dataclass per record shape.

Every record has `id`, `kind`, `text` (exactly `source[start:end]`), `start`,
`end` (offsets into the caller's original string) and `sentence`.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "0.3"    # 0.3: ratio records; per, base_value, from/to on amounts; times, approx, comparison
                          # bases and datelines on periods; speaker_kind and via on quotes; document text and input
                          # (0.2: period, duration and quote records; author; links)


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
    per: str | None = _link()      # a rate's denominator: USD per bbl, c per ha, km per h
    from_value: float | None = _link()   # с 430 до 605,5 млрд: the level it changed from …
    to_value: float | None = _link()     # … and to (also a target: довести до $15 млрд)
    base_value: float | None = _link()   # quantity in its base unit (16,4 млн т → 16.4e9 kg)
    base_unit: str | None = _link()
    period_id: str | None = _link()
    speaker: str | None = _link()
    quote_id: str | None = _link()
    subject: str | None = _link()


@dataclass(kw_only=True)
class Ratio(Record):
    """A multiplier: екі есе, в 1,5 раза, вдвое (value 2, 1.5, 2), with the change it describes."""
    value: float
    approx: bool = False
    min: float | None = None
    max: float | None = None
    change: str | None = None      # "increase" | "decrease" | None
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
    approx: bool = False           # vague bounds: соңғы жылдары, в ближайшие дни, күздің алғашқы айларында
    start_time: str | None = _link()   # clock time "HH:MM" on start_date (сағат 15:00-де, с 10:00)
    end_time: str | None = _link()     # clock time "HH:MM" on end_date (до 18:00)
    timezone: str | None = _link()     # IANA name when the text names one (по времени Астаны)
    compared_to: str | None = _link()  # a comparison base: the id of the period it is compared with
    dateline: bool | None = _link()    # the article's own date in its dateline (АСТАНА. 18 декабря. KAZINFORM)


@dataclass(kw_only=True)
class Duration(Record):
    """A length of time, not placed on the calendar: 14 күн, 5 жыл бойы, три месяца."""
    value: float | None            # null: бірнеше жыл, несколько дней
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
    speaker_kind: str | None = None  # person, office, organization, group, pronoun
    via: str | None = None         # the outlet that credits the statement (…, сообщает ТАСС; деп хабарлайды BAQ.KZ тілшісі)
    via_start: int | None = None
    via_end: int | None = None


@dataclass
class Document:
    id: str | None
    lang: str
    date: str | None
    records: list[Record]
    text: str = field(repr=False, default="")
    author: str | None = None      # from a byline (Материалды дайындаған: …, Автор: …)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The JSON contract; `with_text`: the article's text too (for a view read back later)."""
        out = {"schema_version": SCHEMA_VERSION, "id": self.id, "lang": self.lang, "date": self.date}
        if self.author is not None:
            out["author"] = self.author
        if with_text:
            out["text"] = self.text
        out["records"] = [r.to_dict() for r in self.records]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str | None = None) -> "Document":
        """The inverse of `to_dict`. `text`: the article the records point into (the JSON holds it
        only when written `with_text`); without it the document cannot be shown highlighted."""
        records = []
        for r in d["records"]:
            r = dict(r)
            r["sentence"] = tuple(r["sentence"])
            records.append(KINDS[r["kind"]](**r))
        return cls(id=d["id"], lang=d["lang"], date=d["date"], records=records, author=d.get("author"),
                   text=text if text is not None else d.get("text") or "")

    def _repr_html_(self) -> str:
        """Jupyter shows a document as the highlighted article (the view of `sanaq show`)."""
        from .show import render_fragment
        return render_fragment(self)

    def records_of(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]


# -- the contract as JSON Schema --------------------------------------------------
KINDS: dict[str, type[Record]] = {"money": Amount, "percent": Amount, "quantity": Amount, "number": Amount,
                                  "ratio": Ratio, "ordinal": Ordinal, "period": Period, "duration": Duration, "quote": Quote}
_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _json_type(hint) -> dict[str, Any]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [_json_type(a) for a in args if a is not type(None)]
        schema = inner[0] if len(inner) == 1 else {"anyOf": inner}
        return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
    if typing.get_origin(hint) is tuple:
        return {"type": "array", "items": _json_type(args[0]), "minItems": len(args), "maxItems": len(args)}
    if hint is float:
        return {"type": "number"}        # JSON has one number type; 7 is a valid float
    return {"type": _JSON_TYPES[hint]}


def _record_schema(cls: type[Record], kinds: list[str]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required = []
    for f in fields(cls):
        props[f.name] = {"enum": kinds} if f.name == "kind" else _json_type(hints[f.name])
        if not f.metadata.get("omit_none"):
            required.append(f.name)
    props["text"]["minLength"] = 1
    for name in ("start", "end"):
        props[name]["minimum"] = 0
    return {"type": "object", "title": cls.__name__, "description": (cls.__doc__ or "").strip(),
            "properties": props, "required": required, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of `Document.to_dict()`; shipped as extractor/document.schema.json."""
    by_class: dict[type[Record], list[str]] = {}
    for kind, cls in KINDS.items():
        by_class.setdefault(cls, []).append(kind)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sanaq.example/schema/document-{SCHEMA_VERSION}.json",
        "title": "Sanaq document",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "id": {"type": ["string", "null"]},
            "lang": {"enum": ["kk", "ru"]},
            "date": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            "author": {"type": "string"},
            "input": {"type": "object", "description": "sanaq batch only: the article's input position, "
                                                       "source (file and line) and --keep-fields values"},
            "text": {"type": "string", "description": "the article, only when written with_text"},
            "records": {"type": "array", "items": {"oneOf": [_record_schema(c, k) for c, k in by_class.items()]}},
        },
        "required": ["schema_version", "id", "lang", "date", "records"],
        "additionalProperties": False,
    }
