"""`sanaq batch`: every input format, order, error file, resume after a kill, time limit."""
import datetime
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from extractor import batch

ROOT = Path(__file__).resolve().parent.parent
KK = "Былтыр тауар айналымы {n} млрд долларға жетті."
RU = "В 2023 году экспорт вырос на {n}%."


def articles(n):
    return [{"id": f"a{i}", "text": (KK if i % 2 else RU).format(n=i % 90 + 1), "date": "2024-11-22"}
            for i in range(n)]


def write_jsonl(path, rows, opener=open):
    with opener(path, "wb") as fh:
        for r in rows:
            fh.write(orjson.dumps(r) + b"\n")


def read_out(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def sanaq(*args, **kw):
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, **kw)


def test_jsonl_in_order_with_errors(tmp_path):
    rows = articles(30)
    src = tmp_path / "in.jsonl"
    with open(src, "wb") as fh:
        for i, r in enumerate(rows):
            fh.write(orjson.dumps(r) + b"\n")
            if i == 4:
                fh.write(b"{broken\n")
            if i == 9:
                fh.write(orjson.dumps({"id": "no-text"}) + b"\n")
    out = tmp_path / "out.jsonl"
    result = sanaq("batch", str(src), "--out", str(out), "--workers", "2")
    assert result.returncode == 1, result.stderr           # errors occurred
    docs = read_out(out)
    assert [d["id"] for d in docs] == [r["id"] for r in rows]
    assert docs[1]["records"][0]["kind"] == "period" and docs[1]["date"] == "2024-11-22"
    errors = read_out(str(out) + ".errors.jsonl")
    assert [(e["position"], e["id"]) for e in errors] == [(5, None), (11, "no-text")]   # no id made up
    assert "not valid JSON" in errors[0]["error"] and "'text' missing" in errors[1]["error"]


def test_every_input_format(tmp_path):
    rows = articles(6)
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "b.txt").write_text(rows[0]["text"], encoding="cp1251")      # Russian in cp1251
    (folder / "a.txt").write_text(rows[1]["text"], encoding="utf-8-sig")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    write_jsonl(tmp_path / "x.jsonl.gz", rows[:2], gzip.open)
    zstandard = pytest.importorskip("zstandard")
    with open(tmp_path / "x.jsonl.zst", "wb") as fh, zstandard.ZstdCompressor().stream_writer(fh) as w:
        for r in rows[2:4]:
            w.write(orjson.dumps(r) + b"\n")
    (tmp_path / "x.csv").write_text("body,key\n\"" + rows[4]["text"] + "\",k4\n", encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.Table.from_pylist([{"text": rows[5]["text"], "id": "p5"}]), tmp_path / "x.parquet")

    items = list(batch.read_items([str(folder), str(tmp_path / "x.jsonl.gz"), str(tmp_path / "x.jsonl.zst")]))
    assert [i.id for i in items] == ["a.txt", "blob.txt", "empty.txt", "sub/b.txt", "a0", "a1", "a2", "a3"]
    assert items[0].data["text"] == rows[1]["text"] and items[3].data["text"] == rows[0]["text"]
    assert "binary" in items[1].error and "empty" in items[2].error
    csv_items = list(batch.read_items([str(tmp_path / "x.csv")], batch.Fields(text="body", id="key")))
    assert csv_items[0].id == "k4" and csv_items[0].data["text"] == rows[4]["text"]
    pq_items = list(batch.read_items([str(tmp_path / "x.parquet")]))
    assert pq_items[0].id == "p5"


def test_parquet_records_out(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, articles(10))
    out = tmp_path / "records.parquet"
    summary = batch.run([str(src)], str(out), workers=1)
    assert summary.errors == 0 and summary.done == 10
    import pyarrow.parquet as pq
    table = pq.read_table(out).to_pandas()
    money = table[table.kind == "money"]
    assert len(money) == 5 and set(money.period_start) == {datetime.date(2023, 1, 1)}   # a real date column
    assert list(table.doc_id.drop_duplicates()) == [f"a{i}" for i in range(10)]
    assert not out.with_name(out.name + ".parts").exists()


def test_time_limit_turns_a_slow_article_into_an_error(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "slow", "text": "Экспорт вырос на 5%. " * 4000}, {"id": "ok", "text": "Нет."}])
    out = tmp_path / "out.jsonl"
    summary = batch.run([str(src)], str(out), workers=1, time_limit=0.01)
    errors = read_out(str(out) + ".errors.jsonl")
    assert [e["id"] for e in errors] == ["slow"] and errors[0]["error"].startswith("timeout")
    assert [d["id"] for d in read_out(out)] == ["ok"] and summary.errors == 1


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_killed_run_resumes_with_every_input_exactly_once(tmp_path, suffix):
    rows = articles(3000)
    src = tmp_path / "in.jsonl"
    write_jsonl(src, rows)
    out = tmp_path / f"out{suffix}"
    progress = out.with_name(out.name + ".progress")
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "batch", str(src), "--out", str(out),
                             "--workers", "2", "--quiet"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("done", 0) >= 400:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)                      # no chance to clean up
    proc.wait()
    done_before = json.loads(progress.read_text())["done"]
    assert 0 < done_before < len(rows)
    result = sanaq("batch", str(src), "--out", str(out), "--workers", "2", "--resume", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "already done" in result.stderr
    if suffix == ".jsonl":
        ids = [d["id"] for d in read_out(out)]
    else:
        import pyarrow.parquet as pq
        ids = list(pq.read_table(out).to_pandas().doc_id.drop_duplicates())
    assert ids == [r["id"] for r in rows]
    assert not progress.exists()


def test_bad_out_extension(tmp_path):
    result = sanaq("batch", str(ROOT / "extractor" / "samples"), "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 2 and ".jsonl" in result.stderr


def test_every_batch_option_says_what_it_does_and_its_default():
    from extractor.cli import build_parser
    parser = build_parser()
    batch_parser = next(a for a in parser._subparsers._group_actions[0].choices.items() if a[0] == "batch")[1]
    options = [a for a in batch_parser._actions if a.option_strings and a.dest != "help"]
    assert {a.dest for a in options} >= {"text_field", "id_field", "date_field", "lang_field", "engine", "keep_fields",
                                         "date", "lang", "workers", "resume", "time_limit", "quiet", "out"}
    for action in options:
        assert action.help and ("default" in action.help or action.required), action.dest
