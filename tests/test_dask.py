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
