"""The same extraction on a Dask cluster: `sanaq batch --engine dask --scheduler tcp://HOST:PORT`.

Python API:
- `extract_bag(bag)`: a dask.bag of texts or mappings → a bag of document dicts
  (or `{"error", "id", "partition", "index"}` for an item that failed; `run_dask`
  writes these with the input position, as the local engine does);
- `extract_dataframe(ddf)`: a dask.dataframe with a text column → a dask
  dataframe of records, one row per record, the columns of `extractor.tables`.
Inputs are read from any fsspec path (local, s3://, gs://, hdfs://, … with
the matching fsspec package); output is a folder of Parquet partitions (or of
JSON-lines parts). Each worker process loads the pipeline once (the
module-level cache in extractor.pipeline). Needs `pip install "sanaq[dask]"`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from .batch import Fields, Summary
from .batch.guard import OUTPUT_MARK, Lock, check_folder_output


def _extract_item(item: Any, fields: Fields) -> dict:
    from .api import extract_one
    item_id = item.get(fields.id) if isinstance(item, dict) else None
    item_id = None if item_id is None else str(item_id)
    if isinstance(item, dict) and "__error__" in item:      # could not be read
        return {"error": item["__error__"], "id": item_id}
    try:
        doc = extract_one(item, text_field=fields.text, id_field=fields.id, date_field=fields.date,
                          lang_field=fields.lang, kinds=fields.kinds)
        out = doc.to_dict()
        out["_bytes"] = len(doc.text.encode("utf-8", "surrogatepass"))
        out["_text"] = doc.text                          # for the sentence_text and in_headline columns
        return out
    except Exception as err:                             # one bad article must not stop the batch
        return {"error": f"{type(err).__name__}: {err}", "id": item_id}


def extract_bag(bag, fields: Fields = Fields()):
    """A bag of texts or mappings → a bag of document dicts (or error dicts), in the bag's order;
    a document dict carries its text in `_text` and its size in `_bytes` (not written out).
    An error dict carries `partition` and `index` (its place in that partition); `run_dask`
    turns them into the input position, as the local engine writes it."""
    import dask.bag as db
    numbers = db.range(bag.npartitions, npartitions=bag.npartitions)      # partition k holds [k]
    return bag.map_partitions(_extract_partition, numbers, fields)


def _extract_partition(items, partition: list[int], fields: Fields) -> list[dict]:
    out = []
    for index, item in enumerate(items):
        doc = _extract_item(item, fields)
        if "error" in doc:
            doc["partition"], doc["index"] = partition[0], index
        out.append(doc)
    return out


def _with_positions(errors: list[dict], sizes: list[int]) -> list[dict]:
    """id, position (0, 1, 2, … over all inputs in order, as the local engine counts), error."""
    starts = [0]
    for size in sizes[:-1]:
        starts.append(starts[-1] + size)
    out = []
    for e in errors:
        position = starts[e["partition"]] + e["index"]
        out.append({"id": e["id"], "position": position, "error": e["error"]})     # no id made up
    return out


def extract_dataframe(ddf, fields: Fields = Fields()):
    """A dask dataframe with a text column (and optional id/date/lang) → a dask dataframe of records."""
    import pandas as pd
    from .tables import COLUMNS

    meta = _empty_frame()

    def partition(frame: pd.DataFrame) -> pd.DataFrame:
        from .api import extract_one
        from .tables import to_rows
        rows = []
        for item in frame.to_dict("records"):
            try:
                rows += to_rows(extract_one(item, text_field=fields.text, id_field=fields.id,
                                            date_field=fields.date, lang_field=fields.lang))
            except Exception:                            # counted by run_dask through the bag path
                continue
        return _typed(pd.DataFrame(rows, columns=list(COLUMNS)))

    return ddf.map_partitions(partition, meta=meta)


def _empty_frame():
    import pandas as pd
    from .tables import COLUMNS
    return _typed(pd.DataFrame({name: [] for name in COLUMNS}))


def _typed(frame):
    """The columns of `extractor.tables`, typed as the local engine's Parquet has them."""
    import datetime as dt

    import pandas as pd
    import pyarrow as pa
    from .tables import COLUMNS
    types = {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean"}
    frame = frame.astype({name: types[kind] for name, kind in COLUMNS.items() if kind != "date"})
    for name in (name for name, kind in COLUMNS.items() if kind == "date"):
        frame[name] = pd.array([dt.date.fromisoformat(v) if isinstance(v, str) else None for v in frame[name]],
                               dtype=pd.ArrowDtype(pa.date32()))
    return frame


def read_bag(inputs: list[str], fields: Fields = Fields(), blocksize: str = "16MiB"):
    """A dask bag of items from JSON lines (compression inferred), CSV, Parquet or text folders."""
    import dask.bag as db
    import dask.dataframe as dd
    parts = []
    for source in inputs:
        low = source.lower()
        if low.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")):
            parts.append(db.read_text(source, compression="infer", blocksize=None if low.endswith((".gz", ".zst"))
                                      else blocksize).filter(str.strip).map(_loads))
        elif low.endswith(".csv"):
            parts.append(dd.read_csv(source, dtype=str, blocksize=blocksize).to_bag(format="dict"))
        elif low.endswith(".parquet") or low.endswith(".parquet/"):
            parts.append(dd.read_parquet(source).to_bag(format="dict"))
        else:
            import fsspec
            fs, _, paths = fsspec.get_fs_token_paths(source.rstrip("/") + "/**/*.txt")
            parts.append(db.from_sequence(sorted(paths), partition_size=64).map(_read_text_file, fs))
    return db.concat(parts) if len(parts) > 1 else parts[0]


def _loads(line: str):
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as err:
        return {"__error__": f"not valid JSON: {err}"}


def _read_text_file(path: str, fs) -> dict:
    from .textio import InputError, decode
    with fs.open(path, "rb") as fh:
        data = fh.read()
    try:
        return {"id": path.rsplit("/", 1)[-1], "text": decode(data, path)}
    except InputError as err:
        return {"id": path.rsplit("/", 1)[-1], "__error__": str(err)}


def run_dask(inputs: list[str], out: str, scheduler: str | None = None, fields: Fields = Fields()) -> Summary:
    """Extract on a Dask cluster; OUT.parquet → a folder of Parquet partitions of records,
    OUT.jsonl → a folder of JSON-lines parts of documents; errors → OUT.errors.jsonl.
    A local OUT is checked as the local engine checks it (never an input; a folder only sanaq
    wrote) and locked for the run (OUT.lock)."""

    if not out.rstrip("/").endswith((".parquet", ".jsonl")):
        raise ValueError(f"--out must end in .jsonl or .parquet, got {out}")
    out = out.rstrip("/")
    errors_path = out + ".errors.jsonl"
    local = "://" not in out
    if local:                 # never an input, nor a folder of other files: the parts below replace it
        check_folder_output(inputs, Path(out), [Path(errors_path), Path(out + ".lock")])
        lock = Lock(Path(out))
        lock.acquire()
    try:
        return _run_dask(inputs, out, errors_path, scheduler, fields, local)
    finally:
        if local:
            lock.release()


def _run_dask(inputs: list[str], out: str, errors_path: str, scheduler: str | None, fields: Fields,
              local: bool) -> Summary:
    import time

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        bag = read_bag(inputs, fields)
        results = extract_bag(bag, fields).persist()
        errors = results.filter(lambda d: "error" in d).compute()
        if errors:
            errors = _with_positions(errors, results.map_partitions(lambda p: [len(p)]).compute())
        docs = results.filter(lambda d: "error" not in d)
        stats = docs.map(lambda d: d["_bytes"]).fold(lambda a, b: a + b, initial=0).compute()
        done = results.count().compute()
        if local:
            _clear_parts(Path(out))
        if out.endswith(".parquet"):
            rows = docs.map_partitions(_rows_partition)
            frame = rows.to_dataframe(meta=_empty_frame())
            dd.to_parquet(frame, out, write_index=False, overwrite=not local)
        else:
            docs.map(lambda d: orjson.dumps({k: v for k, v in d.items() if not k.startswith("_")}).decode()) \
                .to_textfiles(out + "/part-*.jsonl")
        if local:
            (Path(out) / OUTPUT_MARK).touch()
        client.close()
    if cluster is not None:
        cluster.close()
    with open(errors_path, "wb") as fh:
        for e in errors:
            fh.write(orjson.dumps(e) + b"\n")
    return Summary(done=done, errors=len(errors), bytes_in=stats, seconds=time.perf_counter() - started)


def _clear_parts(out: Path) -> None:
    """The parts of an earlier run (check_folder_output let only a folder sanaq wrote through), so
    that a run with fewer partitions leaves none of them behind."""
    out.mkdir(exist_ok=True)
    (out / OUTPUT_MARK).touch()
    for part in out.iterdir():
        if part.is_file() and part.name != OUTPUT_MARK:
            part.unlink()


def _rows_partition(docs) -> list[dict]:
    from .records import Document
    from .tables import to_rows
    rows = []
    for d in docs:
        doc = Document.from_dict(d)
        doc.text = d.get("_text", "")
        rows += to_rows(doc)
    return rows
