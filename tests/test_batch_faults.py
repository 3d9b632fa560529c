"""`sanaq batch` under the faults real archives and machines produce (issue 18): every row of
the fault table, by fault injection — truncated archives, a worker killed by pid, a held lock,
a changed fingerprint, a file size limit. Small inputs, one or two workers."""
import bz2
import gzip
import json
import lzma
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from extractor import batch
from extractor.batch import guard, readers

RU = "В 2023 году экспорт вырос на {n}%."
KK = "Былтыр тауар айналымы {n} млрд долларға жетті."


def articles(n, prefix="a"):
    return [{"id": f"{prefix}{i}", "text": (KK if i % 2 else RU).format(n=i + 1), "date": "2024-11-22"}
            for i in range(n)]


def jsonl_bytes(rows):
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


def read_lines(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def errors_of(out):
    path = Path(str(out) + ".errors.jsonl")
    return read_lines(path) if path.exists() else []


def sanaq(*args, **kw):
    return subprocess.run([sys.executable, "-m", "extractor", "batch", *map(str, args)],
                          capture_output=True, text=True, **kw)


def one_line(stderr):
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sanaq: ") and "Traceback" not in stderr, stderr
    return lines[0]


# -- never destroy input -----------------------------------------------------------
def test_out_that_is_an_input_is_refused_before_writing(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(articles(3)))
    before = src.read_bytes()
    result = sanaq(src, "--out", src, "--quiet")
    assert result.returncode == 2 and "would overwrite the input" in one_line(result.stderr)
    assert src.read_bytes() == before
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(RU.format(n=5), encoding="utf-8")
    result = sanaq(folder, "--out", folder / "out.jsonl", "--quiet")
    assert result.returncode == 2 and "inside the input folder" in one_line(result.stderr)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_second_run_on_the_same_out_is_refused(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(articles(3)))
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"first run's work\n")
    holder = guard.Lock(out)
    holder.acquire()                                   # the first run, still writing
    try:
        result = sanaq(src, "--out", out, "--quiet")
        assert result.returncode == 2 and "another sanaq batch is writing" in one_line(result.stderr)
        assert out.read_bytes() == b"first run's work\n"
    finally:
        holder.release()
    assert sanaq(src, "--out", out, "--quiet").returncode == 0          # the lock went with its holder
    assert [d["id"] for d in read_lines(out)] == ["a0", "a1", "a2"]


@pytest.fixture
def interrupted(tmp_path, monkeypatch):
    """A run of 25 articles stopped (Ctrl-C) at position 12, with checkpoints every 5."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(articles(25)))
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(batch, "FLUSH_EVERY", 5)
    real = batch.process

    def stop_at_12(item):
        if item.position == 12:
            raise KeyboardInterrupt
        return real(item)
    monkeypatch.setattr(batch, "process", stop_at_12)
    with pytest.raises(KeyboardInterrupt):
        batch.run([str(src)], str(out), workers=1)
    monkeypatch.setattr(batch, "process", real)
    state = json.loads((tmp_path / "out.jsonl.progress").read_text())
    assert state["done"] == 10
    return src, out


def test_resume_with_other_inputs_or_options_is_refused(interrupted, tmp_path):
    src, out = interrupted
    kept = out.read_bytes()
    other = tmp_path / "other.jsonl"
    other.write_bytes(jsonl_bytes(articles(25, "b")))
    with pytest.raises(batch.Refused, match="inputs were"):
        batch.run([str(other)], str(out), workers=1, resume=True)
    with pytest.raises(batch.Refused, match="option --text-field was 'text', now 'body'"):
        batch.run([str(src)], str(out), workers=1, resume=True, fields=batch.Fields(text="body"))
    with src.open("ab") as fh:
        fh.write(jsonl_bytes(articles(1, "c")))
    with pytest.raises(batch.Refused, match="in.jsonl changed"):
        batch.run([str(src)], str(out), workers=1, resume=True)
    assert out.read_bytes() == kept                  # nothing was written by the refused runs


def test_resume_after_the_output_was_shortened_or_moved_is_refused(interrupted, tmp_path):
    src, out = interrupted
    kept = out.read_bytes()
    out.write_bytes(kept[: len(kept) // 2])
    with pytest.raises(batch.Refused, match="was it shortened"):
        batch.run([str(src)], str(out), workers=1, resume=True)
    out.rename(tmp_path / "moved.jsonl")
    with pytest.raises(batch.Refused, match="missing .* was it moved"):
        batch.run([str(src)], str(out), workers=1, resume=True)
    (tmp_path / "moved.jsonl").write_bytes(kept)
    (tmp_path / "moved.jsonl").rename(out)
    summary = batch.run([str(src)], str(out), workers=1, resume=True)     # the same run: it finishes
    assert summary.skipped == 10 and summary.done == 15
    assert [d["id"] for d in read_lines(out)] == [f"a{i}" for i in range(25)]
    assert b"\x00" not in out.read_bytes()
    with pytest.raises(batch.Refused, match="has no out.jsonl.progress"):
        batch.run([str(src)], str(out), workers=1, resume=True)    # finished: nothing to resume


# -- never hang --------------------------------------------------------------------
def test_a_killed_worker_becomes_an_error_row_and_the_batch_goes_on():
    from extractor.batch.items import Item, Options
    from extractor.batch.pool import Pool
    items = [Item(i, f"a{i}", {"text": RU.format(n=i), "date": None, "lang": None}) for i in range(40)]
    items[10].data["text"] = "Экспорт вырос на 5%. " * 3000          # keeps its worker busy for a while
    pool = Pool(2, Options(), "jsonl")
    results, killed = [], None
    for result in pool.map(iter(items)):
        results.append(result)
        if result.position == 9:                                   # 10 is being worked on now
            victim = next(w for w in pool.workers if w.task is not None and w.task[0] == 10)
            killed = victim.proc.pid
            os.kill(killed, signal.SIGKILL)                        # as the OOM killer does
    assert killed is not None and killed not in pool.pids()
    assert [r.position for r in results] == list(range(40))
    failed = [r for r in results if r.error]
    assert [(r.position, r.id) for r in failed] == [(10, "a10")]
    assert "worker process died on this article (killed by SIGKILL" in failed[0].error
    assert all(r.payload for r in results if r.position != 10)


def test_a_worker_that_stops_answering_is_replaced():
    from extractor.batch.items import Item, Options
    from extractor.batch.pool import Pool
    items = [Item(i, f"a{i}", {"text": RU.format(n=i), "date": None, "lang": None}) for i in range(30)]
    items[10].data["text"] = "Экспорт вырос на 5%. " * 3000
    pool = Pool(2, Options(time_limit=1), "jsonl", grace=0.5)       # no answer in 2.5 s: stuck
    results = []
    for result in pool.map(iter(items)):
        results.append(result)
        if result.position == 9:
            victim = next(w for w in pool.workers if w.task is not None and w.task[0] == 10)
            os.kill(victim.proc.pid, signal.SIGSTOP)               # stuck where no alarm reaches it
    assert [r.position for r in results] == list(range(30))
    [failed] = [r for r in results if r.error]
    assert failed.position == 10 and failed.error == "timeout: no answer in 2.5 s; the worker was stopped"


# -- never lose silently: archives -----------------------------------------------------
@pytest.mark.parametrize("suffix", [".gz", ".zst", ".bz2", ".xz"])
def test_truncated_archive_is_an_error_row_then_the_next_input(tmp_path, suffix):
    rows = [{"id": f"a{i}", "text": RU.format(n=i), "pad": os.urandom(1500).hex()} for i in range(200)]  # 600 KB
    data = jsonl_bytes(rows)
    if suffix == ".zst":
        zstandard = pytest.importorskip("zstandard")
        packed = zstandard.ZstdCompressor().compress(data)
    else:
        packed = {".gz": gzip.compress, ".bz2": lambda d: bz2.compress(d, 1),          # 100 KB blocks
                  ".xz": lzma.compress}[suffix](data)
    cut = tmp_path / f"cut.jsonl{suffix}"
    cut.write_bytes(packed[: len(packed) * 6 // 10])
    after = tmp_path / "after.jsonl"
    after.write_bytes(jsonl_bytes(articles(3, "b")))
    out = tmp_path / "out.jsonl"
    summary = batch.run([str(cut), str(after)], str(out), workers=1)
    ids = [d["id"] for d in read_lines(out)]
    read = [i for i in ids if i.startswith("a")]
    assert read == [f"a{i}" for i in range(len(read))] and 0 < len(read) < 200
    assert ids[len(read):] == ["b0", "b1", "b2"]                   # the next input was read
    [error] = errors_of(out)
    assert error["error"].startswith(f"{cut}:{len(read) + 1}: archive truncated")
    assert error["position"] == len(read) and summary.errors == 1


# -- never lose silently: CSV ---------------------------------------------------------
def test_cp1251_csv_is_decoded(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("id,text\nr1,\"Экспорт вырос на 7%, до 3 млрд долларов.\"\n".encode("cp1251"))
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1)
    [doc] = read_lines(out)
    money = [r for r in doc["records"] if r["kind"] == "money"]
    assert [(r["value"], r["unit"]) for r in money] == [(3e9, "USD")] and errors_of(out) == []


def test_csv_with_an_unbalanced_quote_is_reported(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text\nr1,"Экспорт вырос на 1%."\nr2,"Экспорт вырос на 2%.\nr3,"Экспорт вырос на 3%."\n'
                   'r4,"Экспорт вырос на 4%."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1)
    assert [d["id"] for d in read_lines(out)] == ["r1"]
    [error] = errors_of(out)
    assert error["error"].startswith(f"{src}:3: malformed CSV") and "unbalanced quote" in error["error"]


def test_csv_row_with_a_stray_field_is_reported(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text\nr1,"Рост на 1%."\nr2,"Рост на 2%.",extra\nr3,"Рост на 3%."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1)
    assert [d["id"] for d in read_lines(out)] == ["r1", "r3"]
    [error] = errors_of(out)
    assert error["error"] == f"{src}:3: 3 fields where the header has 2 (an unbalanced quote or a stray delimiter?)"


def test_semicolon_csv_is_read_and_a_wrong_text_field_stops_early(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id;body\n" + "".join(f"r{i};Рост на {i}%.\n" for i in range(30)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1, fields=batch.Fields(text="body"))
    assert len(read_lines(out)) == 30
    batch.run([str(src)], str(out), workers=1)                 # --text-field text: not there
    [error] = errors_of(out)
    assert error["error"] == (f"{src}: no 'text' column (columns found with delimiter ';': id, body); "
                              "give the right --text-field; this input is not read")
    rows = tmp_path / "in.jsonl"
    rows.write_bytes(jsonl_bytes([{"id": i, "body": "Рост на 1%.", "title": "t"} for i in range(30)]))
    batch.run([str(rows)], str(out), workers=1)
    [error] = errors_of(out)
    assert "no 'text' field in the first 5 rows (fields found: body, id, title)" in error["error"]


# -- never lose silently: dates, languages, formats ----------------------------------------
def test_article_dates_in_common_forms(tmp_path):
    dates = ["22.11.2024", "Fri, 22 Nov 2024 10:00:00 +0300", "2024/11/22", "2024-11-22T08:00:00Z", "вчера"]
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes([{"id": f"d{i}", "text": KK.format(n=2), "date": d} for i, d in enumerate(dates)]))
    out = tmp_path / "out.jsonl"
    summary = batch.run([str(src)], str(out), workers=1)
    docs = read_lines(out)
    assert [d["date"] for d in docs] == ["2024-11-22"] * 4 + [None]
    assert docs[0]["records"][0]["start_date"] == "2023-01-01"      # Былтыр resolved against the date
    [warning] = errors_of(out)
    assert warning["id"] == "d4" and "cannot read the date 'вчера'" in warning["warning"]
    assert summary.errors == 0 and summary.warnings == 1


def test_english_article_is_skipped_with_a_warning_unless_forced(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes([{"id": "en", "text": "The company raised $3 billion in 2024, its chief said."},
                                 {"id": "ru", "text": RU.format(n=4)}]))
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1)
    assert [d["id"] for d in read_lines(out)] == ["ru"]
    [warning] = errors_of(out)
    assert warning["id"] == "en" and "neither in Kazakh nor in Russian" in warning["warning"]
    batch.run([str(src)], str(out), workers=1, lang="ru")
    assert [d["id"] for d in read_lines(out)] == ["en", "ru"] and errors_of(out) == []


def test_folder_of_every_format(tmp_path):
    folder = tmp_path / "archive"
    (folder / "deep").mkdir(parents=True)
    (folder / "A.TXT").write_text(RU.format(n=1), encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(articles(2, "gz"))))
    (folder / "c.json").write_bytes(orjson.dumps(articles(2, "arr")))
    (folder / "deep" / "d.jsonl.bz2").write_bytes(bz2.compress(jsonl_bytes(articles(1, "bz"))))
    (folder / "deep" / "e.jsonl.xz").write_bytes(lzma.compress(jsonl_bytes(articles(1, "xz"))))
    (folder / "f.docx").write_bytes(b"PK\x03\x04")
    (folder / ".DS_Store").write_bytes(b"\x00")
    out = tmp_path / "out.jsonl"
    batch.run([str(folder)], str(out), workers=1)
    assert [d["id"] for d in read_lines(out)] == ["A.TXT", "gz0", "gz1", "arr0", "arr1", "bz0", "xz0"]
    [error] = errors_of(out)
    assert error["error"].startswith(f"{folder / 'f.docx'}: unsupported format") and error["position"] == 7


def test_unreadable_subfolder_is_an_error_row(tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text(RU.format(n=1), encoding="utf-8")
    (folder / "z.txt").write_text(RU.format(n=2), encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":                  # as chmod 000 does for a user other than root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(readers.os, "scandir", scandir)
    items = list(batch.read_items([str(folder)]))
    assert [(i.position, i.id, i.error) for i in items] == [
        (0, None, f"{folder / 'locked'}: cannot read this folder: Permission denied"), (1, "z.txt", None)]


# -- output failures ------------------------------------------------------------------
def test_missing_output_folder_is_one_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes(articles(1)))
    result = sanaq(src, "--out", tmp_path / "nowhere" / "out.jsonl", "--quiet")
    assert result.returncode == 2 and "does not exist" in one_line(result.stderr)


def test_write_failure_leaves_whole_lines_and_resume_finishes(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = articles(400)
    src.write_bytes(jsonl_bytes(rows))
    out = tmp_path / "out.jsonl"

    def small_files():                                   # a file size limit, as a full disk would stop it
        resource.setrlimit(resource.RLIMIT_FSIZE, (160_000, 160_000))
    result = subprocess.run([sys.executable, "-m", "extractor", "batch", str(src), "--out", str(out),
                             "--workers", "1", "--quiet"], capture_output=True, text=True, preexec_fn=small_files)
    assert result.returncode == 3
    assert "cannot write" in one_line(result.stderr) and "--resume" in result.stderr
    data = out.read_bytes()
    assert data.endswith(b"\n") and 0 < len(data) <= 160_000
    kept = read_lines(out)                               # every line whole
    assert [d["id"] for d in kept] == [r["id"] for r in rows[: len(kept)]]
    result = sanaq(src, "--out", out, "--workers", "1", "--resume", "--quiet")
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in read_lines(out)] == [r["id"] for r in rows]


def test_duplicate_and_missing_ids_are_warned_and_positions_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl_bytes([{"id": "x", "text": RU.format(n=1)}, {"id": "x", "text": RU.format(n=2)},
                                 {"text": RU.format(n=3)}, {"id": "", "text": RU.format(n=4)}]))
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1)
    docs = read_lines(out)
    assert [(d["id"], d["input"]["position"]) for d in docs] == [("x", 0), ("x", 1), (None, 2), (None, 3)]
    warnings = [(w["position"], w["warning"]) for w in errors_of(out)]
    assert warnings == [(1, f"{src}:2: duplicate id 'x' (also at position 0)"),
                        (2, f"{src}:3: no 'id': articles without an id are identified by their position "
                            "(the position column)")]
    table = tmp_path / "out.parquet"
    batch.run([str(src)], str(table), workers=1)
    import pyarrow.parquet as pq
    records = pq.read_table(table).to_pandas()
    assert list(records.position.drop_duplicates()) == [0, 1, 2, 3]
