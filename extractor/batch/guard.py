"""What keeps a batch from destroying data: the output is never an input, two runs never write
the same output, and --resume only continues the run it was started as."""
from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path
from typing import Any

from .items import Options


class Refused(ValueError):
    """The batch would destroy or mix data; the message says why and what to do."""


def check_paths(inputs: list[str], out: Path, written: list[Path]) -> None:
    """Refuse an output (or a file written beside it) that is an input or inside an input folder,
    and an output folder that does not exist; before anything is opened for writing."""
    if not out.parent.is_dir():
        raise Refused(f"the output folder {out.parent} does not exist; create it first")
    if out.is_dir():
        raise Refused(f"--out {out} is a folder; give a file name ending in .jsonl or .parquet")
    targets = [out.resolve(), *(p.resolve() for p in written)]
    for source in inputs:
        path = Path(source)
        if not path.exists():
            continue
        clash = _clash(path.resolve(), targets)
        if clash == "inside":
            raise Refused(f"--out {out} is inside the input folder {source}: the next run would read it "
                          "as input; write it elsewhere")
        if clash is not None:
            raise Refused(f"--out {out} would overwrite the input {source}; write it elsewhere")


def _clash(source: Path, targets: list[Path]) -> str | None:
    """How writing the targets would hit this (resolved) input: "inside" (a target lies in the input
    folder), "same" (a target is the input, or the same file by another name), "holds" (the input
    lies inside a target folder), or None."""
    for target in targets:
        if source in target.parents:
            return "inside"
        if target == source or (target.exists() and source.exists() and os.path.samefile(target, source)):
            return "same"
        if target.is_dir() and target in source.parents:
            return "holds"
    return None


OUTPUT_MARK = ".sanaq-output"           # in a folder the dask engine wrote: a later run may replace it


def check_folder_output(inputs: list[str], out: Path, written: list[Path]) -> None:
    """The dask engine writes a folder of parts (and replaces the folder's old parts): refuse a
    folder that is, holds or sits inside an input, an existing file, and a folder of files that
    sanaq did not write; before anything is opened for writing."""
    if not out.parent.is_dir():
        raise Refused(f"the output folder {out.parent} does not exist; create it first")
    targets = [out.resolve(), *(p.resolve() for p in written)]
    for source in inputs:
        if "://" not in source and _clash(Path(source).resolve(), targets) is not None:   # not s3://, gs://
            raise Refused(f"--out {out} would overwrite the input {source}; write it elsewhere")
    if out.exists() and not out.is_dir():
        raise Refused(f"--out {out} is a file; the dask engine writes a folder of parts: give a new name")
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARK).exists():
        raise Refused(f"--out {out} is a folder of files sanaq did not write; give a new name, or empty it")


class Lock:
    """An exclusive lock on OUT.lock, held for the whole run; the system releases it when the
    process ends, however it ends, so a killed run never leaves a stale lock behind."""

    def __init__(self, out: Path) -> None:
        self.path = out.with_name(out.name + ".lock")
        self.fh = None

    def acquire(self) -> None:
        self.fh = open(self.path, "a+b")
        try:
            import fcntl
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:                              # Windows
            import msvcrt
            try:
                msvcrt.locking(self.fh.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                self._busy()
        except OSError:
            self._busy()

    def _busy(self) -> None:
        self.fh.close()
        self.fh = None
        raise Refused(f"another sanaq batch is writing {self.path.name[:-5]} (it holds {self.path}); "
                      "wait for it, or write elsewhere")

    def release(self) -> None:
        if self.fh is not None:
            self.fh.close()                              # the file stays: removing it would race a waiting run
            self.fh = None


def fingerprint(inputs: list[str], options: Options, output: str) -> dict[str, Any]:
    """What the output depends on: each input (path, size, modification time; a folder by its
    files) and the options."""
    described = []
    for source in inputs:
        path = Path(source)
        entry: dict[str, Any] = {"path": str(path.resolve())}
        if path.is_dir():
            digest = hashlib.sha256()
            files = size = 0
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    try:
                        st = os.stat(os.path.join(root, name))
                    except OSError:
                        continue
                    files += 1
                    size += st.st_size
                    digest.update(f"{os.path.relpath(os.path.join(root, name), path)}\0{st.st_size}\0"
                                  f"{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
            entry.update(files=files, size=size, digest=digest.hexdigest()[:16])
        elif path.exists():
            st = path.stat()
            entry.update(size=st.st_size, mtime_ns=st.st_mtime_ns)
        described.append(entry)
    opts = {f"--{name}-field": value for name, value in dataclasses.asdict(options.fields).items()}
    opts.update({"--keep-fields": ",".join(options.keep_fields), "--date": options.date, "--lang": options.lang,
                 "output": output})                   # not the time limit: changing it changes no result
    return {"inputs": described, "options": opts}


def input_bytes(fp: dict[str, Any]) -> int:
    return sum(entry.get("size", 0) for entry in fp["inputs"])


def differences(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What changed since the interrupted run, in words."""
    out = []
    old_paths = [e["path"] for e in before.get("inputs", [])]
    new_paths = [e["path"] for e in now["inputs"]]
    if old_paths != new_paths:
        out.append(f"the inputs were {', '.join(old_paths)}; now {', '.join(new_paths)}")
    else:
        for old, new in zip(before["inputs"], now["inputs"]):
            if old != new:
                if "files" in new:
                    out.append(f"the folder {new['path']} changed ({old.get('files')} files, {old.get('size')} "
                               f"bytes then; {new['files']} files, {new['size']} bytes now)")
                else:
                    out.append(f"{new['path']} changed (size {old.get('size')} → {new.get('size')} bytes"
                               + (", modified since" if old.get("mtime_ns") != new.get("mtime_ns") else "") + ")")
    for key in sorted(set(before.get("options", {})) | set(now["options"])):
        old, new = before.get("options", {}).get(key), now["options"].get(key)
        if old != new:
            out.append(f"option {key} was {old!r}, now {new!r}")
    return out
