"""Bytes of an input, decompressed: .gz, .zst, .bz2, .xz or plain; a truncated or corrupt
archive raises Broken at the line it cuts, after every whole line before the cut."""
from __future__ import annotations

import bz2
import gzip
import lzma
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

COMPRESSIONS = (".gz", ".zst", ".bz2", ".xz")
FORMATS = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
           ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}
CHUNK = 1 << 20


class Meter:
    """Input bytes consumed so far over all inputs (compressed bytes for archives)."""

    def __init__(self) -> None:
        self.base = 0
        self.now = 0

    def at(self, offset: int) -> None:
        self.now = self.base + offset

    def finish(self, size: int) -> None:
        self.base += size
        self.now = self.base


class Broken(Exception):
    """An input stopped being readable at `line`: truncated archive, bad bytes, bad CSV."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def file_format(name: str) -> tuple[str | None, str | None]:
    """(format, compression) from a file name: ('jsonl', '.gz') for x.JSONL.GZ; format None if unknown."""
    low = name.lower()
    compression = next((c for c in COMPRESSIONS if low.endswith(c)), None)
    if compression:
        low = low[: -len(compression)]
    return FORMATS.get(os.path.splitext(low)[1]), compression


class _Zstd:
    """A .zst stream that says when it ends before its end marker (a cut download)."""

    def __init__(self, raw) -> None:
        import zstandard
        self.raw, self.zstandard = raw, zstandard
        self.obj = zstandard.ZstdDecompressor().decompressobj()

    def read1(self, size: int = -1) -> bytes:
        while True:
            data = self.raw.read(CHUNK)
            if not data:
                if not self.obj.eof:
                    raise EOFError("archive truncated (the .zst stream ends before its end marker)")
                return b""
            out = self.obj.decompress(data)
            while self.obj.eof and self.obj.unused_data:     # several frames, one after another
                rest = self.obj.unused_data
                self.obj = self.zstandard.ZstdDecompressor().decompressobj()
                out += self.obj.decompress(rest)
            if out:
                return out

    def close(self) -> None:
        self.raw.close()


def _open(path: Path):
    """(decompressed stream, raw file): read() on the first, tell() on the second for progress."""
    raw = open(path, "rb")
    _, compression = file_format(path.name)
    if compression == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    if compression == ".bz2":
        return bz2.BZ2File(raw), raw
    if compression == ".xz":
        return lzma.LZMAFile(raw), raw
    if compression == ".zst":
        try:
            return _Zstd(raw), raw
        except ImportError:
            raw.close()
            raise Broken(0, "reading .zst needs the zstandard package (pip install zstandard)") from None
    return raw, raw


def _decompress_errors():
    errors = [EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile]
    try:
        import zstandard
        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


_BROKEN_ARCHIVE = _decompress_errors()


def read_chunks(path: Path, meter: Meter, lines_so_far) -> Iterator[bytes]:
    """Decompressed chunks; a truncated or corrupt archive raises Broken at the line it cuts."""
    stream, raw = _open(path)
    try:
        while True:
            try:
                chunk = stream.read1(CHUNK)        # read1: what a cut archive gave before the cut
            except _BROKEN_ARCHIVE as err:
                what = "archive truncated" if isinstance(err, EOFError) else "archive corrupt"
                raise Broken(lines_so_far() + 1, f"{what} ({err})") from None
            if not chunk:
                return
            meter.at(raw.tell())
            yield chunk
    finally:
        stream.close()
        raw.close()


def read_lines(path: Path, meter: Meter) -> Iterator[tuple[int, bytes]]:
    count = [0]
    rest = b""
    for chunk in read_chunks(path, meter, lambda: count[0]):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            count[0] += 1
            yield count[0], line
    if rest:
        yield count[0] + 1, rest
