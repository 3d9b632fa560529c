"""`sanaq batch`: archives in, documents or records out; parallel, resumable, bounded memory.

Inputs (`read_items`): folders of .txt files (recursive, sorted), JSON lines
(.jsonl, .jsonl.gz, .jsonl.zst), CSV, Parquet, or single .txt files; every
item gets its input `position` (0, 1, 2, … across all inputs, in order).
Outputs, by the extension of `--out`: `.jsonl` (one document per line) or
`.parquet` (one row per record, the columns of `extractor.tables`).

Nothing is lost: an item that cannot be read or processed (bad JSON, missing
text, binary, timeout, a crash in the rules) becomes a line of
`OUT.errors.jsonl` (`id`, `position`, `error`) and the batch goes on.

Resumable: every `FLUSH_EVERY` items the output is flushed and `OUT.progress`
records how many positions are done and the byte sizes of the output and
error files at that point. `--resume` truncates both files back to those sizes
(dropping whatever a killed run wrote after its last checkpoint) and skips the
done positions, so every input appears in the output exactly once.

Parallel: worker processes each load the pipeline once; results come back in
input order; a semaphore keeps at most a few chunks in flight, so memory does
not grow with the archive.
"""
from __future__ import annotations

import csv
import gc
import gzip
import io
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

FLUSH_EVERY = 200


@dataclass
class Fields:
    text: str = "text"
    id: str = "id"
    date: str = "date"
    lang: str = "lang"
    kinds: str | None = None          # record kinds to extract, "money,percent" (None: all)


@dataclass
class Item:
    position: int
    id: str
    data: dict[str, Any] | None       # text, date, lang
    error: str | None = None


@dataclass
class Summary:
    done: int = 0
    errors: int = 0
    skipped: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    error_counts: dict[str, int] = field(default_factory=dict)


# -- reading ------------------------------------------------------------------
def read_items(inputs: list[str], fields: Fields = Fields()) -> Iterator[Item]:
    """Every article of every input, in order, with its position; unreadable ones as errors."""
    position = 0
    for source in inputs:
        for item in _read_source(Path(source), fields):
            item.position = position
            if not item.id:
                item.id = str(position)
            yield item
            position += 1


def _read_source(path: Path, fields: Fields) -> Iterator[Item]:
    name = path.name.lower()
    if path.is_dir():
        for p in sorted(path.rglob("*.txt")):
            yield _text_file(p, str(p.relative_to(path)))
    elif not path.exists():
        yield Item(0, str(path), None, f"{path}: no such file or folder")
    elif name.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".json.gz")):
        yield from _jsonl(path, fields)
    elif name.endswith((".csv", ".csv.gz")):
        yield from _csv(path, fields)
    elif name.endswith(".parquet"):
        yield from _parquet(path, fields)
    else:
        yield _text_file(path, path.name)


def _text_file(path: Path, item_id: str) -> Item:
    from .textio import InputError, decode
    try:
        return Item(0, item_id, {"text": decode(path.read_bytes(), str(path))})
    except (InputError, OSError) as err:
        return Item(0, item_id, None, str(err))


def _open_binary(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    if path.name.lower().endswith(".zst"):
        try:
            import zstandard
        except ImportError as err:
            raise SystemExit(f"sanaq: {path}: reading .zst needs the zstandard package "
                             "(pip install zstandard)") from err
        return zstandard.ZstdDecompressor().stream_reader(open(path, "rb"))
    return open(path, "rb")


def _row_item(row: Any, fields: Fields, where: str) -> Item:
    if not isinstance(row, dict):
        return Item(0, "", None, f"{where}: not an object but {type(row).__name__}")
    item_id = row.get(fields.id)
    item_id = "" if item_id is None else str(item_id)
    text = row.get(fields.text)
    if not isinstance(text, str):
        missing = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Item(0, item_id, None, f"{where}: field {fields.text!r} {missing}")
    return Item(0, item_id, {"text": text, "date": row.get(fields.date) or None, "lang": row.get(fields.lang) or None})


def _jsonl(path: Path, fields: Fields) -> Iterator[Item]:
    with _open_binary(path) as raw:
        for lineno, line in enumerate(io.BufferedReader(raw) if not hasattr(raw, "peek") else raw, 1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError as err:
                yield Item(0, "", None, f"{path}:{lineno}: not valid JSON: {err}")
                continue
            yield _row_item(row, fields, f"{path}:{lineno}")


def _csv(path: Path, fields: Fields) -> Iterator[Item]:
    csv.field_size_limit(1 << 30)
    with _open_binary(path) as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline=""))
        for lineno, row in enumerate(reader, 2):
            yield _row_item(row, fields, f"{path}:{lineno}")


def _parquet(path: Path, fields: Fields) -> Iterator[Item]:
    import pyarrow.parquet as pq
    pf = pq.ParquetFile(path)
    row = 0
    for batch in pf.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield _row_item(record, fields, f"{path}: row {row}")


# -- working ------------------------------------------------------------------
_TIME_LIMIT = 0.0


class ArticleTimeout(Exception):
    pass


def _set_time_limit(time_limit: float) -> None:
    global _TIME_LIMIT
    _TIME_LIMIT = time_limit


def _tune_gc() -> None:
    """Collect cycles less often: extraction makes millions of short-lived tokens and records
    and almost no cycles, and the default threshold (700) spent 5–10 % of a batch in the GC."""
    gc.set_threshold(50_000, 20, 100)


def _init_worker(time_limit: float) -> None:
    _set_time_limit(time_limit)
    _tune_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent handles Ctrl-C
    from .pipeline import default_extractor
    default_extractor()


def _on_alarm(signum, frame):
    raise ArticleTimeout


def process(item: Item, kinds: str | None = None) -> tuple[int, str, bytes | None, str | None, int]:
    """(position, id, JSON document, error, input bytes) for one item; never raises."""
    if item.error is not None:
        return item.position, item.id, None, item.error, 0
    data = item.data
    size = len(data["text"].encode("utf-8", "surrogatepass"))
    use_alarm = _TIME_LIMIT > 0 and threading.current_thread() is threading.main_thread()
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, _TIME_LIMIT)
    try:
        from .api import extract
        doc = extract(data["text"], lang=data.get("lang"), date=data.get("date"), doc_id=item.id, kinds=kinds)
        return item.position, item.id, orjson.dumps(doc.to_dict()), None, size
    except ArticleTimeout:
        return item.position, item.id, None, f"timeout: more than {_TIME_LIMIT:g} s", size
    except Exception as err:                            # one bad article must not stop the batch
        return item.position, item.id, None, f"{type(err).__name__}: {err}", size
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _results(items: Iterator[Item], workers: int, time_limit: float, chunk: int = 8, kinds: str | None = None):
    import functools
    process_item = functools.partial(process, kinds=kinds)
    if workers <= 1:
        _set_time_limit(time_limit)
        threshold = gc.get_threshold()            # this process may be a notebook's: put it back
        _tune_gc()
        try:
            for item in items:
                yield process_item(item)
        finally:
            gc.set_threshold(*threshold)
        return
    from .parallel import ordered_map
    yield from ordered_map(process_item, items, workers, chunk, initializer=_init_worker, initargs=(time_limit,))


# -- writing ------------------------------------------------------------------
class Progress:
    """OUT.progress: positions done and the output/error file sizes at that point."""

    def __init__(self, out: Path) -> None:
        self.path = out.with_name(out.name + ".progress")

    def load(self) -> dict[str, int]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"done": 0, "out_bytes": 0, "err_bytes": 0, "parts": 0}

    def save(self, state: dict[str, int]) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, self.path)                       # atomic: a kill leaves the old or the new state

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


class JsonlSink:
    def __init__(self, out: Path, size: int) -> None:
        self.fh = open(out, "r+b") if size and out.exists() else open(out, "wb")
        self.fh.truncate(size)                           # drop what a killed run wrote after its checkpoint
        self.fh.seek(size)

    def write(self, doc_json: bytes) -> None:
        self.fh.write(doc_json + b"\n")

    def checkpoint(self) -> dict[str, int]:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        return {"out_bytes": self.fh.tell()}

    def close(self) -> None:
        self.fh.close()


class ParquetSink:
    """Record rows in part files (one per checkpoint), joined into OUT at the end."""

    def __init__(self, out: Path, parts: int) -> None:
        self.out = out
        self.dir = out.with_name(out.name + ".parts")
        self.dir.mkdir(exist_ok=True)
        for stale in self.dir.glob("part-*.parquet"):
            if int(stale.stem.split("-")[1]) >= parts:
                stale.unlink()                           # written after the last checkpoint
        self.parts = parts
        self.rows: list[dict] = []

    def write(self, doc_json: bytes) -> None:
        from .records import Document
        from .tables import to_rows
        self.rows += to_rows(Document.from_dict(orjson.loads(doc_json)))

    def checkpoint(self) -> dict[str, int]:
        import pyarrow as pa
        import pyarrow.parquet as pq
        from .tables import arrow_schema
        if self.rows:
            tmp = self.dir / f"part-{self.parts:06d}.tmp"
            pq.write_table(pa.Table.from_pylist(self.rows, schema=arrow_schema()), tmp)
            os.replace(tmp, self.dir / f"part-{self.parts:06d}.parquet")
            self.parts += 1
            self.rows = []
        return {"parts": self.parts}

    def close(self) -> None:
        pass

    def finish(self) -> None:
        import pyarrow.parquet as pq
        from .tables import arrow_schema
        with pq.ParquetWriter(self.out, arrow_schema()) as writer:
            for part in sorted(self.dir.glob("part-*.parquet")):
                writer.write_table(pq.read_table(part, schema=arrow_schema()))
        for part in self.dir.glob("part-*.parquet"):
            part.unlink()
        self.dir.rmdir()


def run(inputs: list[str], out: str, workers: int | None = None, fields: Fields = Fields(), resume: bool = False,
        time_limit: float = 60.0, progress_bar: bool | None = None) -> Summary:
    """The whole batch; returns what happened. Output order is input order."""
    out_path = Path(out)
    if not out_path.name.endswith((".jsonl", ".parquet")):
        raise ValueError(f"--out must end in .jsonl (documents) or .parquet (records), got {out}")
    workers = workers or os.cpu_count() or 1
    progress = Progress(out_path)
    state = progress.load() if resume else {"done": 0, "out_bytes": 0, "err_bytes": 0, "parts": 0}
    if not resume:
        progress.clear()
    err_path = out_path.with_name(out_path.name + ".errors.jsonl")
    if out_path.name.endswith(".parquet"):
        sink = ParquetSink(out_path, state.get("parts", 0))
    else:
        sink = JsonlSink(out_path, state.get("out_bytes", 0))
    errors = open(err_path, "r+b" if resume and err_path.exists() else "wb")
    errors.truncate(state.get("err_bytes", 0))
    errors.seek(state.get("err_bytes", 0))

    summary = Summary(skipped=state["done"])
    items = read_items(inputs, fields)
    for _ in range(state["done"]):                       # done in an earlier run
        next(items, None)
    bar = _progress_bar(progress_bar)
    started = time.perf_counter()
    done = state["done"]
    try:
        for position, item_id, doc_json, error, size in _results(items, workers, time_limit, kinds=fields.kinds):
            if error is None:
                sink.write(doc_json)
            else:
                errors.write(orjson.dumps({"id": item_id, "position": position, "error": error}) + b"\n")
                summary.errors += 1
                kind = error.split(":")[0]
                summary.error_counts[kind] = summary.error_counts.get(kind, 0) + 1
            summary.done += 1
            summary.bytes_in += size
            done = position + 1
            if bar is not None:
                bar.update(1)
            if done % FLUSH_EVERY == 0:
                _checkpoint(sink, errors, progress, done)
        _checkpoint(sink, errors, progress, done)
    finally:
        sink.close()
        errors.close()
        if bar is not None:
            bar.close()
    if isinstance(sink, ParquetSink):
        sink.finish()
    progress.clear()
    summary.seconds = time.perf_counter() - started
    return summary


def _checkpoint(sink, errors, progress: Progress, done: int) -> None:
    state = sink.checkpoint()
    errors.flush()
    os.fsync(errors.fileno())
    state.update(done=done, err_bytes=errors.tell())
    progress.save(state)


def _progress_bar(wanted: bool | None):
    if wanted is None:
        wanted = sys.stderr.isatty()
    if not wanted:
        return None
    from tqdm import tqdm
    return tqdm(unit=" articles", file=sys.stderr, smoothing=0.1)
