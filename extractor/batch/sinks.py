"""Where results go, and the checkpoints that make a killed or failed run resumable.

Every `FLUSH_EVERY` articles the output is flushed to disk and `OUT.progress` records how many
input positions are done, the sizes of the files written so far, and the fingerprint of the
inputs and options. `--resume` cuts the files back to those sizes (dropping whatever a killed
run wrote after its last checkpoint) and goes on from there.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orjson

from .items import Result


def sidecar(out: Path, suffix: str) -> Path:
    return out.with_name(out.name + suffix)


class Progress:
    """OUT.progress: positions done, file sizes at that point, the run's fingerprint."""

    def __init__(self, out: Path) -> None:
        self.path = sidecar(out, ".progress")

    def load(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, state: dict[str, Any]) -> None:
        tmp = sidecar(self.path, ".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, self.path)                       # atomic: a kill leaves the old or the new state

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


class _Appender:
    """A file appended to line by line, cut back to `size` first (what the checkpoint saw)."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.fh = open(path, "r+b") if size else open(path, "wb")
        self.fh.truncate(size)
        self.fh.seek(size)
        self.size = size                                 # at the last checkpoint

    def write(self, line: bytes) -> None:
        self.fh.write(line + b"\n")

    def checkpoint(self) -> int:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.size = self.fh.tell()
        return self.size

    def close(self) -> None:
        self.fh.close()

    def abandon(self) -> None:
        """After a failed write: close without flushing more, and cut the file back to the
        last checkpoint, so it ends on a whole line and --resume can finish it."""
        try:
            os.truncate(self.path, self.size)
        except OSError:
            pass
        try:
            self.fh.close()
        except OSError:
            pass
        try:
            os.truncate(self.path, self.size)            # close may have flushed a piece more
        except OSError:
            pass


class ErrorLog(_Appender):
    """OUT.errors.jsonl: {"id", "position", "source", "error"} or {…, "warning"}, in input order."""

    def add(self, result: Result) -> None:
        for warning in result.warnings:
            self.write(orjson.dumps({"id": result.id, "position": result.position, "source": result.source,
                                     "warning": warning}))
        if result.error is not None:
            self.write(orjson.dumps({"id": result.id, "position": result.position, "source": result.source,
                                     "error": result.error}))


class JsonlSink:
    """OUT.jsonl: one document per line (with its `input` object: position, source, kept fields)."""

    def __init__(self, out: Path, state: dict[str, Any], keep_fields: tuple[str, ...]) -> None:
        self.file = _Appender(out, state.get("out_bytes", 0))

    @staticmethod
    def check(out: Path, state: dict[str, Any]) -> str | None:
        return _shorter(out, state.get("out_bytes", 0))

    def write(self, result: Result) -> None:
        if result.payload is not None:
            self.file.write(result.payload)

    def checkpoint(self) -> dict[str, Any]:
        return {"out_bytes": self.file.checkpoint()}

    def close(self) -> None:
        self.file.close()

    def abandon(self) -> None:
        self.file.abandon()

    def finish(self) -> None:
        pass


class ParquetSink:
    """OUT.parquet (one row per record) and OUT.documents.parquet (one row per input article,
    errors and skipped ones too): part files per checkpoint, joined at the end."""

    def __init__(self, out: Path, state: dict[str, Any], keep_fields: tuple[str, ...]) -> None:
        from ..tables import COLUMNS, DOCUMENT_COLUMNS
        self.out = out
        self.dir = sidecar(out, ".parts")
        self.dir.mkdir(exist_ok=True)
        self.parts = state.get("parts", 0)
        for stale in self.dir.glob("*.parquet"):
            if int(stale.name.split(".")[0].split("-")[1]) >= self.parts:
                stale.unlink()                           # written after the last checkpoint
        extra = {"position": "int64", "source": "string", **{name: "string" for name in keep_fields}}
        self.record_columns = {**COLUMNS, **extra}
        self.document_columns = {"position": "int64", **DOCUMENT_COLUMNS, "source": "string",
                                 "error": "string", "warning": "string",
                                 **{name: "string" for name in keep_fields}}
        self.keep_fields = keep_fields
        self.rows: list[dict] = []
        self.documents: list[dict] = []

    @staticmethod
    def check(out: Path, state: dict[str, Any]) -> str | None:
        folder = sidecar(out, ".parts")
        have = len(list(folder.glob("part-*.records.parquet"))) if folder.is_dir() else 0
        if have < state.get("parts", 0):
            return (f"{folder} holds {have} part files but the checkpoint counted {state['parts']}: "
                    "was it moved or emptied?")
        return None

    def write(self, result: Result) -> None:
        keep = {name: None if v is None else str(v) for name, v in (result.keep or {}).items()}
        if result.payload is not None:
            rows, document = result.payload
            for row in rows:
                row.update(keep)
            self.rows += rows
            document.update(keep)
        else:
            document = {"position": result.position, "doc_id": result.id, "source": result.source, **keep}
        document["error"] = result.error
        document["warning"] = "; ".join(result.warnings) or None
        self.documents.append(document)

    def checkpoint(self) -> dict[str, Any]:
        import pyarrow as pa
        import pyarrow.parquet as pq
        from ..tables import arrow_rows, arrow_schema
        if self.documents:
            for rows, columns, name in ((self.rows, self.record_columns, "records"),
                                        (self.documents, self.document_columns, "documents")):
                tmp = self.dir / f"part-{self.parts:06d}.{name}.tmp"
                table = pa.Table.from_pylist(arrow_rows(rows, columns), schema=arrow_schema(columns))
                pq.write_table(table, tmp)
                os.replace(tmp, self.dir / f"part-{self.parts:06d}.{name}.parquet")
            self.parts += 1
            self.rows, self.documents = [], []
        return {"parts": self.parts}

    def close(self) -> None:
        pass

    def abandon(self) -> None:
        for tmp in self.dir.glob("*.tmp"):
            tmp.unlink(missing_ok=True)

    def finish(self) -> None:
        import pyarrow.parquet as pq
        from ..tables import arrow_schema
        for name, columns, target in (("records", self.record_columns, self.out),
                                      ("documents", self.document_columns, sidecar_documents(self.out))):
            schema = arrow_schema(columns)
            tmp = sidecar(target, ".tmp")
            with pq.ParquetWriter(tmp, schema) as writer:
                for part in sorted(self.dir.glob(f"part-*.{name}.parquet")):
                    writer.write_table(pq.read_table(part, schema=schema))
            os.replace(tmp, target)
        for part in self.dir.glob("part-*"):
            part.unlink()
        self.dir.rmdir()


def sidecar_documents(out: Path) -> Path:
    """OUT.parquet → OUT.documents.parquet"""
    return out.with_name(out.name[: -len(".parquet")] + ".documents.parquet")


def _shorter(path: Path, size: int) -> str | None:
    have = path.stat().st_size if path.exists() else None
    if have is None and size:
        return f"{path} is missing but the checkpoint says {size} bytes were written: was it moved?"
    if have is not None and have < size:
        return f"{path} is {have} bytes but the checkpoint says {size} were written: was it shortened or replaced?"
    return None
