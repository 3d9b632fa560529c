"""Extraction in worker processes, so one slow article does not hold up the others.

Each worker loads the pipeline once. An article gets `time_limit` seconds (an alarm in
the worker stops it, as in `sanaq batch`); a worker that dies takes its pool with it,
so the pool is made anew and the request that met it gets an error.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import orjson

_TIME_LIMIT = 0.0


class ArticleTimeout(BaseException):
    """Raised by the alarm; not an Exception, so no `except Exception` in the rules swallows it."""


def _init_worker(time_limit: float) -> None:
    global _TIME_LIMIT
    _TIME_LIMIT = time_limit
    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C is the server's to handle
    from ..pipeline import default_extractor
    ex = default_extractor()
    for lang in ("kk", "ru"):                           # the first request should not pay for loading
        ex.rules(lang)


def _on_alarm(signum, frame):
    raise ArticleTimeout


def extract_json(args: dict[str, Any]) -> tuple[str | None, bytes]:
    """(error or None, the document as JSON) for one article; runs in a worker, never raises."""
    signal.signal(signal.SIGALRM, _on_alarm)
    if _TIME_LIMIT > 0:
        signal.setitimer(signal.ITIMER_REAL, _TIME_LIMIT)
    try:
        from ..api import extract
        doc = extract(args["text"], lang=args["lang"], date=args["date"], doc_id=args["doc_id"],
                      kinds=args["kinds"])
        return None, orjson.dumps(doc.to_dict())
    except ArticleTimeout:
        return "timeout", f"the article took more than the time limit of {_TIME_LIMIT:g} s".encode()
    except Exception as err:                            # a defect in the rules: say so, keep serving
        return "error", f"extraction failed: {type(err).__name__}: {err}".encode()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _ping() -> bool:
    return True


class Workers:
    """A process pool for `extract_json`, made anew if a worker dies."""

    def __init__(self, n: int, time_limit: float) -> None:
        self.n = n
        self.time_limit = time_limit
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server process runs an event loop and threads
        return ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.time_limit,))

    async def start(self) -> None:
        """Start every worker and load the pipeline in each before the first request."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ping) for _ in range(self.n)))

    async def extract(self, args: dict[str, Any]) -> tuple[str | None, bytes]:
        loop = asyncio.get_running_loop()
        pool = self._pool
        future = loop.run_in_executor(pool, extract_json, args)
        try:
            # the alarm in the worker is the limit; this is the backstop for a worker stuck in C code
            return await asyncio.wait_for(future, self.time_limit + 10 if self.time_limit > 0 else None)
        except asyncio.TimeoutError:
            self._replace(pool)
            return "timeout", f"the article took more than the time limit of {self.time_limit:g} s".encode()
        except BrokenProcessPool:
            self._replace(pool)
            return "crash", b"the worker processing this article died (out of memory?); try again"

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._pool is broken:
            self._pool = self._new_pool()
            _end(broken)

    def close(self) -> None:
        _end(self._pool, grace=5.0)


def _end(pool: ProcessPoolExecutor, grace: float = 0.0) -> None:
    """Stop a pool and its workers: let them finish for `grace` seconds, then end them (a
    worker may be stuck in an article; shutdown alone would leave it running after the
    server has gone)."""
    processes = list((pool._processes or {}).values())
    if grace > 0:
        closing = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True)
        closing.start()
        closing.join(grace)
    else:
        pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
