"""The Dask engine gives the local engine's records, record for record (on a LocalCluster)."""
import orjson
import pytest

from extractor import batch

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

ROWS = [{"id": f"a{i}", "text": t.format(n=i + 1), "date": "2024-11-22"} for i, t in enumerate(
    ["Былтыр тауар айналымы {n} млрд долларға жетті.", "В 2023 году экспорт вырос на {n}%.",
     "«Инфляция {n} пайызға төмендейді», – деді министр Әлихан Смайылов.", "Нет чисел."] * 6)]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def _plain(frame):
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _input(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "wb") as fh:
        for r in ROWS:
            fh.write(orjson.dumps(r) + b"\n")
        fh.write(b"{not json\n")
    return src


def test_dask_parquet_equals_local(tmp_path, cluster):
    import pandas as pd
    from extractor.dask_engine import run_dask
    src = _input(tmp_path)
    local = tmp_path / "local.parquet"
    batch.run([str(src)], str(local), workers=1)
    remote = tmp_path / "remote.parquet"
    summary = run_dask([str(src)], str(remote), scheduler=cluster.scheduler_address)
    assert summary.done == len(ROWS) + 1 and summary.errors == 1
    from extractor.tables import COLUMNS
    a = pd.read_parquet(local).reset_index(drop=True)[list(COLUMNS)]    # not the batch's own columns
    b = pd.read_parquet(remote).reset_index(drop=True)
    assert len(a) > 20
    assert _plain(a) == _plain(b)                              # record for record
    errors = (tmp_path / "remote.parquet.errors.jsonl").read_text(encoding="utf-8")
    assert "not valid JSON" in errors
    # the same error entries as the local engine: id, input position, message
    local_errors = (tmp_path / "local.parquet.errors.jsonl").read_text(encoding="utf-8")
    got = [{k: e[k] for k in ("id", "position")} for e in map(orjson.loads, errors.splitlines())]
    assert got == [{k: e[k] for k in ("id", "position")} for e in map(orjson.loads, local_errors.splitlines())]
    assert got == [{"id": None, "position": len(ROWS)}]


def test_dask_dataframe_api(cluster):
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client
    from extractor.dask_engine import extract_bag, extract_dataframe
    with Client(cluster.scheduler_address):
        ddf = dd.from_pandas(pd.DataFrame(ROWS), npartitions=3)
        records = extract_dataframe(ddf).compute()
        assert set(records.kind) >= {"money", "percent", "period", "quote"}
        assert list(records.doc_id.drop_duplicates()) == [r["id"] for r in ROWS if r["text"] != "Нет чисел."]
        import dask.bag as db
        docs = extract_bag(db.from_sequence(ROWS, npartitions=2)).compute()
        assert [d["id"] for d in docs] == [r["id"] for r in ROWS]


def test_dask_error_positions_across_partitions(cluster):
    import dask.bag as db
    from distributed import Client
    from extractor.dask_engine import _with_positions, extract_bag
    items = ROWS[:5] + [{"__error__": "not valid JSON"}] + ROWS[5:9] + [{"id": "x", "__error__": "bad bytes"}]
    with Client(cluster.scheduler_address):
        results = extract_bag(db.from_sequence(items, npartitions=3))
        assert results.npartitions == 3
        errors = [d for d in results.compute() if "error" in d]
        sizes = results.map_partitions(lambda p: [len(p)]).compute()
    assert _with_positions(errors, sizes) == [
        {"id": None, "position": 5, "error": "not valid JSON"},
        {"id": "x", "position": 10, "error": "bad bytes"}]


# -- the dask engine never destroys input (the local engine's guard, for a folder of parts) ----------
def _parquet_input(folder):
    import pandas as pd
    folder.mkdir()
    pd.DataFrame({"id": ["a"], "text": ["Экспорт вырос на 5%."]}).to_parquet(folder / "part.0.parquet")
    return folder


@pytest.mark.parametrize("where", ["same", "inside", "holds"])
def test_dask_refuses_an_output_that_is_holds_or_sits_in_an_input(tmp_path, where):
    from extractor.batch import Refused
    from extractor.dask_engine import run_dask
    if where == "holds":                         # the input folder is inside the output folder
        (tmp_path / "all.parquet").mkdir()
        src = _parquet_input(tmp_path / "all.parquet" / "arc.parquet")
        out = tmp_path / "all.parquet"
    else:
        src = _parquet_input(tmp_path / "arc.parquet")
        out = src if where == "same" else src / "out.parquet"
    before = (src / "part.0.parquet").read_bytes()
    with pytest.raises(Refused, match="overwrite the input"):
        run_dask([str(src)], str(out), scheduler="tcp://127.0.0.1:1")
    assert (src / "part.0.parquet").read_bytes() == before
    assert sorted(p.name for p in src.iterdir()) == ["part.0.parquet"]


def test_dask_refuses_an_existing_file_and_a_folder_of_other_files(tmp_path):
    from extractor.batch import Refused
    from extractor.dask_engine import run_dask
    src = _input(tmp_path)
    existing = tmp_path / "old.jsonl"
    existing.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(Refused, match="is a file"):
        run_dask([str(src)], str(existing), scheduler="tcp://127.0.0.1:1")
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    other = tmp_path / "photos.parquet"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(Refused, match="did not write"):
        run_dask([str(src)], str(other), scheduler="tcp://127.0.0.1:1")
    assert (other / "cat.jpg").read_bytes() == b"\xff\xd8"


def test_dask_output_is_locked_for_the_run(tmp_path):
    from pathlib import Path

    from extractor.batch import Refused
    from extractor.batch.guard import Lock
    from extractor.dask_engine import run_dask
    src = _input(tmp_path)
    out = tmp_path / "out.jsonl"
    held = Lock(Path(out))
    held.acquire()
    try:
        with pytest.raises(Refused, match="another sanaq batch"):
            run_dask([str(src)], str(out), scheduler="tcp://127.0.0.1:1")
    finally:
        held.release()


def test_dask_replaces_its_own_earlier_output(tmp_path, cluster):
    from extractor.dask_engine import run_dask
    src = _input(tmp_path)
    out = tmp_path / "docs.jsonl"
    run_dask([str(src)], str(out), scheduler=cluster.scheduler_address)
    (out / "part-99.jsonl").write_text("{}\n", encoding="utf-8")     # a part an earlier, larger run left
    summary = run_dask([str(src)], str(out), scheduler=cluster.scheduler_address)
    assert summary.done == len(ROWS) + 1
    assert not (out / "part-99.jsonl").exists()
    docs = [orjson.loads(line) for part in sorted(out.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == len(ROWS)
