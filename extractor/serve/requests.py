"""What the service accepts: request bodies checked field by field, with messages a caller can act on.

Kept free of the web framework so the checks are plain functions (and the OpenAPI
description in `openapi.py` lists the same fields).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import orjson

from ..pipeline import parse_kinds

LANGS = ("auto", "kk", "ru")


class BadRequest(Exception):
    """A request the service refuses: HTTP status and a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_body(body: bytes) -> Any:
    """The JSON in a request body; 400 for invalid UTF-8 or JSON."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadRequest(400, f"the body is not valid UTF-8 (byte {err.start}); send JSON in UTF-8") from None
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as err:
        raise BadRequest(400, f"the body is not valid JSON: {err}") from None


def parse_item(obj: Any, defaults: Mapping[str, Any] | None = None, where: str = "the body") -> dict[str, Any]:
    """One article: {"text", "lang", "date", "kinds", "id"} → the arguments of `extract`; 422 if wrong.
    `defaults`: lang, date and kinds for a batch's items that do not set their own."""
    if isinstance(obj, str) and defaults is not None:
        obj = {"text": obj}                      # a batch may list bare texts
    if not isinstance(obj, Mapping):
        raise BadRequest(422, f"{where} must be a JSON object with a \"text\" field, not {_json_type(obj)}")
    unknown = sorted(set(obj) - {"text", "lang", "date", "kinds", "id"})
    if unknown:
        raise BadRequest(422, f"{where}: unknown field(s) {', '.join(unknown)}; "
                              "use text, lang, date, kinds, id")
    merged = {**(defaults or {}), **{k: v for k, v in obj.items() if v is not None}}
    text = obj.get("text")
    if text is None:
        raise BadRequest(422, f"{where} has no \"text\" (the article, a string)")
    if not isinstance(text, str):
        raise BadRequest(422, f"{where}: \"text\" must be a string, not {_json_type(text)}")
    lang = merged.get("lang") or "auto"
    if lang not in LANGS:
        raise BadRequest(422, f"{where}: \"lang\" must be one of {', '.join(LANGS)} (or null), not {lang!r}")
    date = merged.get("date")
    if date is not None and not _is_iso_date(date):
        raise BadRequest(422, f"{where}: \"date\" must be a date YYYY-MM-DD (or null), not {date!r}")
    kinds = merged.get("kinds")
    if kinds is not None:
        try:
            kinds = sorted(parse_kinds(kinds if isinstance(kinds, (str, list)) else [kinds]))
        except (TypeError, ValueError) as err:
            raise BadRequest(422, f"{where}: \"kinds\": {err}") from None
    doc_id = obj.get("id")
    if doc_id is not None and (not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool)):
        raise BadRequest(422, f"{where}: \"id\" must be a string or a number, not {_json_type(doc_id)}")
    return {"text": text, "lang": None if lang == "auto" else lang, "date": date, "kinds": kinds,
            "doc_id": None if doc_id is None else str(doc_id)}


def parse_batch(obj: Any, max_items: int) -> tuple[list[Any], dict[str, Any]]:
    """A batch: a list of articles, or {"items": [...], "lang", "date", "kinds"} (defaults for
    every item). Items are checked one by one as they are processed (a bad one is an error
    line, not a failed batch); the defaults are checked here."""
    defaults: dict[str, Any] = {}
    if isinstance(obj, Mapping):
        unknown = sorted(set(obj) - {"items", "lang", "date", "kinds"})
        if unknown:
            raise BadRequest(422, f"unknown field(s) {', '.join(unknown)}; use items, lang, date, kinds")
        defaults = {k: obj[k] for k in ("lang", "date", "kinds") if obj.get(k) is not None}
        parse_item({"text": "", **defaults}, where="the batch's defaults")
        obj = obj.get("items")
    if not isinstance(obj, list):
        raise BadRequest(422, f"a batch is a JSON list of articles (or {{\"items\": [...]}}), not {_json_type(obj)}")
    if len(obj) > max_items:
        raise BadRequest(413, f"{len(obj)} items in one batch; the limit is {max_items} (split the batch)")
    return obj, defaults


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
