"""Worker processes the batch can survive: each is given one article at a time, so when one
dies (the OOM killer, a crash in C code) or stops answering, the parent knows which article
it held, makes that article an error, starts a new worker and goes on. Results come back in
input order; at most `ahead` articles are in flight, so memory does not grow with the archive.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Iterator
from multiprocessing.connection import wait

from .items import Item, Options, Result
from .work import init_worker, process

READY = "ready"
STARTUP_FAILURES = 3          # workers dying before their first article: the setup is broken


def _worker_main(conn, options: Options, output: str) -> None:
    init_worker(options, output)
    conn.send(READY)
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        conn.send(process(item))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        why = " (out of memory?)" if name == "SIGKILL" else ""
        return f"killed by {name}{why}"
    return f"exit code {exitcode}"


class _Worker:
    def __init__(self, ctx, options: Options, output: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, options, output), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.task: tuple[int, Item] | None = None
        self.since = 0.0

    def give(self, seq: int, item: Item) -> None:
        self.task, self.since = (seq, item), time.monotonic()
        self.conn.send(item)

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Pool:
    def __init__(self, workers: int, options: Options, output: str, ahead: int = 0, grace: float = 10.0) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.options, self.output = options, output
        self.size = workers
        self.ahead = ahead or workers * 64
        # the worker's own alarm ends a slow article; this catches one stuck where no alarm reaches
        self.hard_limit = options.time_limit * 2 + grace if options.time_limit > 0 else None
        self.workers: list[_Worker] = []
        self.restarts = 0

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers]

    def _start(self) -> _Worker:
        worker = _Worker(self.ctx, self.options, self.output)
        self.workers.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self.workers.remove(worker)
        self.restarts += 1
        self._start()

    def map(self, items: Iterator[Item]) -> Iterator[Result]:
        """process(item) for every item, in input order."""
        done: dict[int, Result] = {}
        sent = emitted = failures = 0
        exhausted = False
        try:
            for _ in range(self.size):
                self._start()
            while True:
                for worker in self.workers:                # feed every idle worker
                    while worker.ready and worker.task is None and not exhausted and sent - emitted < self.ahead:
                        item = next(items, None)
                        if item is None:
                            exhausted = True
                        elif item.error is not None:       # nothing to do: pass it through in order
                            done[sent] = process(item)
                            sent += 1
                        else:
                            try:
                                worker.give(sent, item)
                            except OSError:                # it died while idle: the next one takes it
                                items = _prepend(item, items)
                                worker.task = None
                                break
                            sent += 1
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                if exhausted and emitted == sent:
                    return
                waiting = list(self.workers)               # an idle one may die too
                timeout = None
                if self.hard_limit is not None:
                    busy = [w.since for w in waiting if w.task is not None]
                    if busy:
                        timeout = max(0.0, min(busy) + self.hard_limit - time.monotonic())
                ready = wait([w.conn for w in waiting] + [w.proc.sentinel for w in waiting], timeout)
                for worker in waiting:
                    if worker.conn in ready or worker.proc.sentinel in ready:
                        try:
                            if worker.conn.poll():
                                message = worker.conn.recv()
                                if message == READY:
                                    worker.ready, failures = True, 0
                                else:
                                    done[worker.task[0]] = message
                                    worker.task = None
                                continue
                        except (EOFError, OSError):
                            pass
                        worker.proc.join(1)
                        if not worker.ready:
                            failures += 1
                            if failures >= STARTUP_FAILURES:
                                raise RuntimeError(f"worker processes die while starting "
                                                   f"({_death(worker.proc.exitcode)}); try --workers 1 to see why")
                        elif worker.task is not None:
                            done[worker.task[0]] = self._failed(worker.task[1], "the worker process died on this "
                                                                f"article ({_death(worker.proc.exitcode)})")
                        self._replace(worker)
                    elif worker.task is not None and self.hard_limit is not None \
                            and time.monotonic() - worker.since > self.hard_limit:
                        done[worker.task[0]] = self._failed(worker.task[1], f"timeout: no answer in "
                                                            f"{self.hard_limit:g} s; the worker was stopped")
                        self._replace(worker)
        finally:
            for worker in self.workers:
                worker.stop()
            self.workers = []

    @staticmethod
    def _failed(item: Item, message: str) -> Result:
        return Result(item.position, item.id, error=message, warnings=list(item.warnings),
                      size=len(item.data["text"].encode("utf-8", "surrogatepass")), source=item.source, keep=item.keep)


def _prepend(item: Item, items: Iterator[Item]) -> Iterator[Item]:
    yield item
    yield from items
