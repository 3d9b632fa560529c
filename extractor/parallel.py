"""One ordered, memory-bounded process map, shared by `extract_many` and `sanaq batch`."""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def ordered_map(fn: Callable, items: Iterable, n_process: int, chunk_size: int = 8,
                initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[Any]:
    """fn(item) for every item, in input order, on n_process processes.

    Pool.imap reads its input as fast as it can; a semaphore released per result
    keeps at most a few chunks per process in flight, so an endless stream uses
    bounded memory."""
    in_flight = threading.BoundedSemaphore(n_process * chunk_size * 4)

    def feed():
        for item in items:
            in_flight.acquire()
            yield item

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(n_process, initializer=initializer, initargs=initargs) as pool:
        for result in pool.imap(fn, feed(), chunksize=chunk_size):
            in_flight.release()
            yield result
