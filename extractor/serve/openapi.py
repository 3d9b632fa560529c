"""The service's OpenAPI 3.1 description. The document schema is the record contract itself
(`records.json_schema()`, the same as `sanaq schema`), so the two cannot drift apart."""
from __future__ import annotations

from typing import Any

from .. import __version__
from ..records import KINDS, json_schema
from .requests import LANGS

KINDS_SCHEMA = {"anyOf": [{"type": "array", "items": {"enum": list(KINDS)}, "minItems": 1},
                          {"type": "string", "description": "comma-separated: \"money,percent\""},
                          {"type": "null"}],
                "description": "only these record kinds; the rules of other kinds do not run (default: all)"}
ARTICLE = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "the article"},
        "lang": {"anyOf": [{"enum": list(LANGS)}, {"type": "null"}], "description": "default: detect"},
        "date": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                 "description": "the article's date, YYYY-MM-DD: relative periods are resolved against it"},
        "kinds": KINDS_SCHEMA,
        "id": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
               "description": "copied to the document's id"},
    },
}
ERROR = {"type": "object", "required": ["error", "message"],
         "properties": {"error": {"type": "string", "description": "a code: bad_request, too_large, invalid, "
                                                                    "timeout, not_found, internal, …"},
                        "message": {"type": "string"},
                        "position": {"type": "integer", "description": "/batch: the item's position"},
                        "id": {"type": ["string", "null"], "description": "/batch: the item's id"}}}


def _errors(*statuses: int) -> dict[str, Any]:
    what = {400: "not UTF-8 or not JSON", 413: "body or batch over the limit",
            422: "a field missing or of the wrong type, or the article took longer than the time limit",
            500: "a defect in the rules", 503: "a worker died"}
    return {str(s): {"description": what[s], "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            for s in statuses}


def openapi(limits) -> dict[str, Any]:
    document = {k: v for k, v in json_schema().items() if k not in ("$schema", "$id")}
    batch = {"oneOf": [{"type": "array", "items": {"anyOf": [{"$ref": "#/components/schemas/Article"},
                                                            {"type": "string"}]}},
                       {"type": "object", "required": ["items"], "additionalProperties": False,
                        "properties": {"items": {"type": "array", "items": {"anyOf": [
                            {"$ref": "#/components/schemas/Article"}, {"type": "string"}]}},
                            "lang": ARTICLE["properties"]["lang"], "date": ARTICLE["properties"]["date"],
                            "kinds": KINDS_SCHEMA}}],
             "description": f"at most {limits.max_items} articles; lang, date and kinds of the object form are "
                           "defaults for items that do not set them"}
    json_doc = {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Sanaq", "version": __version__,
                 "description": "Numbers, periods and quotes out of Kazakh and Russian news, as JSON records. "
                                f"Limits: {limits.max_bytes:,} bytes a request, {limits.time_limit:g} s an article."},
        "paths": {
            "/extract": {"post": {
                "summary": "one article → its document",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Article"}}}},
                "responses": {"200": {"description": "the document", "content": json_doc},
                              **_errors(400, 413, 422, 500, 503)}}},
            "/batch": {"post": {
                "summary": "many articles → one JSON line each, in input order",
                "requestBody": {"required": True, "content": {"application/json": {"schema": batch}}},
                "responses": {"200": {"description": "JSON lines: a document, or an Error with position and id",
                                      "content": {"application/x-ndjson": {"schema": {"anyOf": [
                                          {"$ref": "#/components/schemas/Document"},
                                          {"$ref": "#/components/schemas/Error"}]}}}},
                              **_errors(400, 413, 422)}}},
            "/schema": {"get": {"summary": "the record contract (JSON Schema 2020-12)",
                                "responses": {"200": {"description": "JSON Schema of a document",
                                                      "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/health": {"get": {"summary": "is the service up, and its limits",
                                "responses": {"200": {"description": "ok",
                                                      "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {"Document": document, "Article": ARTICLE, "Error": ERROR}},
    }
