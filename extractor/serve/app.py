"""The HTTP service: a Starlette app whose requests are extracted in worker processes.

    POST /extract   {"text", "lang", "date", "kinds", "id"}  → the document (as `sanaq extract`)
    POST /batch     a list of such objects (or {"items": [...], defaults}) → JSON lines, in order
    GET  /schema    the record contract (JSON Schema)
    GET  /health    {"status": "ok", ...}
    GET  /openapi.json

Every refusal is JSON {"error": code, "message": text} with a 4xx status; never a traceback.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from dataclasses import dataclass

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from .. import __version__
from ..records import SCHEMA_VERSION, json_schema
from .openapi import openapi
from .requests import BadRequest, parse_batch, parse_body, parse_item
from .workers import Workers

log = logging.getLogger("sanaq.serve")

# the status of each error a worker reports
WORKER_ERRORS = {"timeout": 422, "error": 500, "crash": 503}


@dataclass
class Limits:
    workers: int = 2
    max_bytes: int = 10_000_000          # request body
    time_limit: float = 30.0             # seconds per article
    max_items: int = 1000                # articles per batch


def json_response(data, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def error_response(status: int, code: str, message: str) -> Response:
    return json_response({"error": code, "message": message}, status)


ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
               422: "invalid", 500: "internal", 503: "unavailable"}


def create_app(limits: Limits | None = None) -> Starlette:
    limits = limits or Limits()
    state: dict[str, Workers] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app):
        workers = Workers(limits.workers, limits.time_limit)
        await workers.start()
        state["workers"] = workers
        log.info("sanaq: %d workers ready", limits.workers)
        try:
            yield
        finally:
            workers.close()

    async def read_json(request: Request):
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limits.max_bytes:
            raise BadRequest(413, f"the body is {int(declared):,} bytes; the limit is {limits.max_bytes:,}")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_bytes:
                raise BadRequest(413, f"the body is over the limit of {limits.max_bytes:,} bytes")
            chunks.append(chunk)
        if not size:
            raise BadRequest(400, "the body is empty; send a JSON object with a \"text\" field")
        return parse_body(b"".join(chunks))

    async def extract(request: Request) -> Response:
        item = parse_item(await read_json(request))
        error, body = await state["workers"].extract(item)
        if error is not None:
            return error_response(WORKER_ERRORS[error], error, body.decode())
        return Response(body, media_type="application/json")

    async def batch(request: Request) -> Response:
        items, defaults = parse_batch(await read_json(request), limits.max_items)
        return StreamingResponse(_stream(state["workers"], items, defaults, 2 * limits.workers),
                                 media_type="application/x-ndjson")

    async def schema(request: Request) -> Response:
        return json_response(json_schema())

    async def health(request: Request) -> Response:
        return json_response({"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION,
                              "workers": limits.workers, "max_bytes": limits.max_bytes,
                              "time_limit": limits.time_limit, "max_items": limits.max_items})

    async def openapi_json(request: Request) -> Response:
        return json_response(openapi(limits))

    async def refused(request: Request, exc: BadRequest) -> Response:
        return error_response(exc.status, ERROR_CODES.get(exc.status, "invalid"), exc.message)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(exc.status_code, ERROR_CODES.get(exc.status_code, "error"), exc.detail)

    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("sanaq: internal error")            # the traceback goes to the log, not the caller
        return error_response(500, "internal", f"internal error ({type(exc).__name__})")

    routes = [Route("/extract", extract, methods=["POST"]), Route("/batch", batch, methods=["POST"]),
              Route("/schema", schema), Route("/health", health), Route("/openapi.json", openapi_json)]
    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={BadRequest: refused, HTTPException: http_error, Exception: internal})


async def _stream(workers: Workers, items: list, defaults: dict, window: int):
    """One JSON line per item, in input order; at most `window` articles in the workers at once."""
    pending: deque[tuple[int, str | None, asyncio.Future | None, bytes]] = deque()

    def submit(position: int, obj) -> None:
        item_id = obj.get("id") if isinstance(obj, dict) else None
        item_id = None if item_id is None else str(item_id)
        try:
            args = parse_item(obj, defaults, where=f"item {position}")
        except BadRequest as err:
            pending.append((position, item_id, None, err.message.encode()))
            return
        pending.append((position, item_id, asyncio.ensure_future(workers.extract(args)), b""))

    def error_line(position: int, item_id, code: str, message: bytes) -> bytes:
        return orjson.dumps({"error": code, "message": message.decode(), "position": position, "id": item_id}) + b"\n"

    it = iter(enumerate(items))
    try:
        for position, obj in it:
            submit(position, obj)
            while len(pending) >= window or (pending and pending[0][2] is None):
                yield await _next_line(pending, error_line)
        while pending:
            yield await _next_line(pending, error_line)
    finally:                                   # the client went away: drop what has not started
        for _, _, future, _ in pending:
            if future is not None:
                future.cancel()


async def _next_line(pending, error_line) -> bytes:
    position, item_id, future, message = pending.popleft()
    if future is None:
        return error_line(position, item_id, "invalid", message)
    error, body = await future
    if error is not None:
        return error_line(position, item_id, error, body)
    return body + b"\n"
