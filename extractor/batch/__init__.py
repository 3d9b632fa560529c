"""`sanaq batch`: archives in, documents or tables out; parallel, resumable, bounded memory.

What it guarantees (docs/batch.md says it for users):
- no input is destroyed: an output that is an input, or inside an input folder, is refused
  before anything is opened for writing; a lock beside the output refuses a second run;
- nothing is lost silently: every input position ends up in the output or as an error row of
  `OUT.errors.jsonl` (warnings too: unreadable dates, repeated or missing ids, other languages);
- never hung: a worker that dies or stops answering is replaced and its article becomes an
  error; reading goes on after a truncated archive or a malformed CSV;
- resumable: `--resume` continues from the last checkpoint, only with the same inputs and
  options and an output that is still whole.

Modules: readers (inputs → items), work (item → result), pool (worker processes), sinks
(outputs and checkpoints), guard (paths, lock, fingerprint), dates (article dates).
"""
from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .dates import DateError, parse_date
from .guard import Lock, Refused, check_paths, differences, fingerprint, input_bytes
from .items import Fields, Item, Options, Result, Summary
from .readers import Meter, read_items
from .sinks import ErrorLog, JsonlSink, ParquetSink, Progress, sidecar, sidecar_documents
from .work import configure, process, tune_gc, warm_up

__all__ = ["FLUSH_EVERY", "Fields", "Item", "Options", "Refused", "Result", "Summary", "WriteFailed",
           "process", "read_items", "run"]

FLUSH_EVERY = 200
RESERVED = {"position", "source", "error", "warning", "chars", "records", "headline", "author"}


class WriteFailed(OSError):
    """The output could not be written (disk full, file size limit); it was cut back to its last
    checkpoint, so it ends on a whole line and --resume finishes it."""


def run(inputs: list[str], out: str, workers: int | None = None, fields: Fields = Fields(), resume: bool = False,
        time_limit: float = 60.0, progress_bar: bool | None = None, keep_fields: tuple[str, ...] = (),
        date: str | None = None, lang: str | None = None) -> Summary:
    """The whole batch; returns what happened. Output order is input order.
    Raises Refused (nothing written) or WriteFailed (output cut back to its last checkpoint)."""
    out_path = Path(out)
    if not out_path.name.endswith((".jsonl", ".parquet")):
        raise Refused(f"--out must end in .jsonl (documents) or .parquet (records), got {out}")
    output = "parquet" if out_path.name.endswith(".parquet") else "jsonl"
    options = _options(fields, keep_fields, date, lang, time_limit)
    err_path = sidecar(out_path, ".errors.jsonl")
    written = [err_path, sidecar(out_path, ".progress"), sidecar(out_path, ".lock")]
    if output == "parquet":
        written.append(sidecar_documents(out_path))
    check_paths(inputs, out_path, written)
    lock = Lock(out_path)
    lock.acquire()
    try:
        return _run(inputs, out_path, err_path, output, options, workers or os.cpu_count() or 1, resume, progress_bar)
    finally:
        lock.release()


def _options(fields, keep_fields, date, lang, time_limit) -> Options:
    if lang not in (None, "auto", "kk", "ru"):
        raise Refused(f"--lang must be kk or ru, got {lang!r}")
    bad = sorted(set(keep_fields) & (RESERVED | set(_record_columns())))
    if bad:
        raise Refused(f"--keep-fields {', '.join(bad)}: the tables have columns of that name already")
    try:
        iso = parse_date(date)
    except DateError as err:
        raise Refused(f"--date: {err}") from None
    return Options(fields=fields, keep_fields=tuple(keep_fields), date=iso,
                   lang=None if lang == "auto" else lang, time_limit=time_limit)


def _record_columns():
    from ..tables import COLUMNS, DOCUMENT_COLUMNS
    return [*COLUMNS, *DOCUMENT_COLUMNS]


def _run(inputs, out_path: Path, err_path: Path, output: str, options: Options, workers: int, resume: bool,
         progress_bar) -> Summary:
    progress = Progress(out_path)
    sink_type = ParquetSink if output == "parquet" else JsonlSink
    fp = fingerprint(inputs, options, output)
    state = {"done": 0, "out_bytes": 0, "err_bytes": 0, "parts": 0}
    if resume:
        state = _resumable(progress, out_path, err_path, fp, sink_type) or state
    else:
        progress.clear()
    sink = sink_type(out_path, state, options.keep_fields)
    errors = ErrorLog(err_path, state.get("err_bytes", 0))

    summary = Summary(skipped=state["done"])
    meter = Meter()
    items = read_items(inputs, options, meter)
    for _ in range(state["done"]):                       # done in an earlier run
        next(items, None)
    bar = _progress_bar(progress_bar, input_bytes(fp), meter.now)
    started = time.perf_counter()
    done = state["done"]
    try:
        for result in _results(items, workers, options, output, bar, meter):
            try:
                sink.write(result)
                errors.add(result)
            except OSError as err:
                raise _failed(err, out_path, sink, errors) from None
            summary.errors += result.error is not None
            summary.warnings += len(result.warnings)
            if result.error is not None:
                message = result.error.removeprefix(f"{result.source}: ") if result.source else result.error
                kind = message.split(":")[0]                 # timeout, not valid JSON, field 'text' missing …
                summary.error_counts[kind] = summary.error_counts.get(kind, 0) + 1
            summary.done += 1
            summary.bytes_in += result.size
            done = result.position + 1
            if done % FLUSH_EVERY == 0:
                _checkpoint(sink, errors, progress, done, fp, out_path)
        _checkpoint(sink, errors, progress, done, fp, out_path)
        sink.close()
        errors.close()
        try:
            sink.finish()
        except OSError as err:
            raise WriteFailed(f"cannot write {out_path}: {err.strerror or err}; the work so far is kept: "
                              "free space and run again with --resume") from None
    finally:
        for file in (sink, errors):                      # after Ctrl-C too; --resume cuts what is past the checkpoint
            try:
                file.close()
            except OSError:
                pass
        if bar is not None:
            bar.close()
    progress.clear()
    summary.seconds = time.perf_counter() - started
    return summary


def _resumable(progress: Progress, out_path: Path, err_path: Path, fp, sink_type) -> dict | None:
    """The checkpoint to continue from; Refused when it cannot be trusted."""
    state = progress.load()
    if state is None:
        if out_path.exists() or sidecar(out_path, ".parts").exists():
            raise Refused(f"--resume: {out_path} has no {progress.path.name} (the run finished, or never "
                          "checkpointed); run without --resume to do it again")
        return None
    changed = differences(state.get("fingerprint", {}), fp)
    if changed:
        raise Refused("--resume: this is not the run that was interrupted: " + "; ".join(changed)
                      + ". Run without --resume to start again")
    for problem in (sink_type.check(out_path, state), _shorter_errors(err_path, state)):
        if problem:
            raise Refused(f"--resume: {problem}; run without --resume to start again")
    return state


def _shorter_errors(err_path: Path, state) -> str | None:
    from .sinks import _shorter
    return _shorter(err_path, state.get("err_bytes", 0))


def _failed(err: OSError, out_path: Path, sink, errors: ErrorLog) -> WriteFailed:
    sink.abandon()
    errors.abandon()
    return WriteFailed(f"cannot write {out_path}: {err.strerror or err}; it is kept up to its last checkpoint: "
                       "make room and run again with --resume")


def _checkpoint(sink, errors: ErrorLog, progress: Progress, done: int, fp, out_path: Path) -> None:
    try:
        state = sink.checkpoint()
        state.update(done=done, err_bytes=errors.checkpoint(), fingerprint=fp)
        progress.save(state)
    except OSError as err:
        raise _failed(err, out_path, sink, errors) from None


def _results(items: Iterator[Item], workers: int, options: Options, output: str, bar, meter: Meter):
    results = _local(items, options, output) if workers <= 1 else _pooled(items, workers, options, output)
    for result in results:
        if bar is not None:
            bar.update(meter.now - bar.n)
        yield result


def _local(items, options, output):
    configure(options, output)
    warm_up()
    threshold = gc.get_threshold()                       # this process may be a notebook's: put it back
    tune_gc()
    try:
        for item in items:
            yield process(item)
    finally:
        gc.set_threshold(*threshold)


def _pooled(items, workers, options, output):
    from .pool import Pool
    yield from Pool(workers, options, output).map(items)


def _progress_bar(wanted: bool | None, total: int, initial: int):
    """Input bytes read, with the total and an ETA when the input sizes are known."""
    if wanted is None:
        wanted = sys.stderr.isatty()
    if not wanted:
        return None
    from tqdm import tqdm
    tqdm.monitor_interval = 0                            # no monitor thread: workers are forked
    return tqdm(total=total or None, initial=initial, unit="B", unit_scale=True, file=sys.stderr,
                smoothing=0.1, desc="sanaq batch")
