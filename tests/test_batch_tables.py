"""The tables `sanaq batch` writes for analysts: kept fields, sentence text, date columns, the
headline flag, the documents table, --date for .txt folders, the progress bar's total, and the
DuckDB query of docs/batch.md."""
import datetime
import json
import re
from pathlib import Path

import orjson
import pytest

from extractor import batch

pq = pytest.importorskip("pyarrow.parquet")
ROOT = Path(__file__).resolve().parent.parent

HEADLINE = "Экспорт зерна вырос на 12%\n"
BODY = "В 2023 году Казахстан продал зерна на 2,5 млрд долларов. «Рост продолжится», – заявил министр Ерлан Карашукеев."


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tables")
    rows = [{"id": "n1", "text": HEADLINE + BODY, "date": "22.11.2024", "title": "Зерно", "url": "https://x/1"},
            {"id": "n2", "text": "Нет чисел.", "date": "2024-11-23", "title": "Пусто", "url": "https://x/2"},
            {"id": "n3", "title": "без текста"},
            {"id": "n4", "text": "В 2022 году бюджет получил 300 млрд тенге.", "date": "2024-11-24"}]
    src = tmp / "news.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    folder = tmp / "texts"
    folder.mkdir()
    (folder / "kk.txt").write_text("Былтыр тауар айналымы 1,5 млрд долларға жетті.", encoding="utf-8")
    out = tmp / "records.parquet"
    summary = batch.run([str(src), str(folder)], str(out), workers=1, keep_fields=("title", "url"),
                        date="2024-11-22")
    return out, summary


def test_records_table_columns(tables):
    out, summary = tables
    table = pq.read_table(out)
    for name in ("position", "source", "title", "url", "sentence_text", "in_headline", "speaker_text",
                 "per", "base_value", "base_unit", "speaker_kind"):
        assert name in table.column_names
    for name in ("doc_date", "start_date", "end_date", "period_start", "period_end"):
        assert str(table.schema.field(name).type) == "date32[day]"
    records = table.to_pylist()
    head = next(r for r in records if r["text"] == "12%")
    assert head["in_headline"] is True and head["title"] == "Зерно" and head["url"] == "https://x/1"
    assert head["position"] == 0 and head["source"].endswith("news.jsonl:1")
    money = next(r for r in records if r["kind"] == "money" and r["doc_id"] == "n1")
    assert money["in_headline"] is False and money["value"] == 2.5e9 and money["unit"] == "USD"
    assert money["sentence_text"] == "В 2023 году Казахстан продал зерна на 2,5 млрд долларов."
    assert money["period_start"] == datetime.date(2023, 1, 1) and money["doc_date"] == datetime.date(2024, 11, 22)
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker_text"] == "Ерлан Карашукеев" and quote["sentence_text"].startswith("«Рост")
    kk = next(r for r in records if r["doc_id"] == "kk.txt" and r["kind"] == "period")
    assert kk["start_date"] == datetime.date(2023, 1, 1)          # --date dates the .txt article
    assert kk["position"] == 4 and kk["title"] is None


def test_documents_table_keeps_every_article(tables):
    out, _ = tables
    docs = pq.read_table(out.with_name("records.documents.parquet")).to_pylist()
    assert [(d["position"], d["doc_id"]) for d in docs] == [(0, "n1"), (1, "n2"), (2, "n3"), (3, "n4"), (4, "kk.txt")]
    first, empty, failed = docs[0], docs[1], docs[2]
    assert first["headline"] == "Экспорт зерна вырос на 12%" and first["records"] >= 4 and first["title"] == "Зерно"
    assert first["chars"] == len(HEADLINE + BODY) and first["error"] is None
    assert empty["records"] == 0 and empty["doc_date"] == datetime.date(2024, 11, 23) and empty["error"] is None
    assert "'text' missing" in failed["error"] and failed["title"] == "без текста"


def test_duckdb_query_of_the_docs(tables):
    duckdb = pytest.importorskip("duckdb")
    out, _ = tables
    doc = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    query = re.search(r"```sql\n(-- total money by currency and year\n.*?)```", doc, re.S).group(1)
    rows = duckdb.sql(query.replace("'records.parquet'", f"'{out}'")).fetchall()
    assert rows == [(s, y, t, n) for s, y, t, n in [("KZT", 2022, 300e9, 1), ("USD", 2023, 4e9, 2)]]


def test_jsonl_documents_carry_input_and_validate(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from extractor.records import json_schema
    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps({"id": "a", "text": HEADLINE + BODY, "title": "Зерно"}) + b"\n")
    out = tmp_path / "out.jsonl"
    batch.run([str(src)], str(out), workers=1, keep_fields=("title",))
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["input"] == {"position": 0, "source": f"{src}:1", "title": "Зерно"}
    jsonschema.validate(doc, json_schema())


def test_keep_fields_may_not_shadow_columns(tmp_path):
    with pytest.raises(batch.Refused, match="position"):
        batch.run([str(tmp_path)], str(tmp_path.parent / "x.parquet"), keep_fields=("position",))


def test_progress_bar_knows_the_total(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": i, "text": "Рост на 1%."}) + b"\n" for i in range(20)))
    batch.run([str(src)], str(tmp_path / "out.jsonl"), workers=1, progress_bar=True)
    bar = capsys.readouterr().err.strip().splitlines()[-1].split("\r")[-1]
    size = src.stat().st_size
    assert "100%" in bar and f"{size}/{size}" in bar.replace(".00", "")
