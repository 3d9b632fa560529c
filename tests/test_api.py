"""Library API: extract_many streams in order, with processes too; tables; spaCy component; show."""
from pathlib import Path

import pytest
import spacy

import extractor

SAMPLE = Path(__file__).resolve().parent.parent / "extractor" / "samples" / "kk-trade-kz-kg.txt"
TEXTS = ["Тауар айналымы 1,5 млрд долларға жетті.", "Экспорт вырос на 5% в 2023 году.",
         {"text": "Былтыр 3 млн тонна астық жиналды.", "id": "a3", "date": "2024-11-22"}] * 4


def test_extract_many_keeps_order_and_fields():
    docs = list(extractor.extract_many(TEXTS))
    assert [d.lang for d in docs[:3]] == ["kk", "ru", "kk"]
    assert docs[2].id == "a3" and docs[2].date == "2024-11-22"
    assert docs[2].records_of("period")[0].start_date == "2023-01-01"


def test_extract_many_with_processes_equals_one_process():
    one = [d.to_dict() for d in extractor.extract_many(TEXTS)]
    two = [d.to_dict() for d in extractor.extract_many(TEXTS, n_process=2, chunk_size=2)]
    assert one == two


def test_extract_many_reports_a_bad_item():
    with pytest.raises(KeyError, match="text"):
        list(extractor.extract_many([{"body": "x"}]))


def test_pipeline_is_loaded_once():
    assert extractor.default_extractor() is extractor.default_extractor()
    ex = extractor.default_extractor()
    extractor.extract("Экспорт вырос на 5%.", lang="ru")
    rules = ex.rules("ru")
    extractor.extract("Импорт упал на 3%.", lang="ru")
    assert ex.rules("ru") is rules


def test_frame_of_the_sample_in_two_calls():
    frame = extractor.to_frame(extractor.extract(SAMPLE.read_text(encoding="utf-8"), date="2024-11-22"))
    row = frame[frame.text == "3 млн тоннаға"].iloc[0]
    assert (row.kind, row.value, row.unit) == ("quantity", 3e6, "t")
    assert (row.period_start, row.period_end) == ("2024-01-01", "2024-08-31")
    row = frame[frame.text == "шамамен 2 млрд долларға"].iloc[0]
    assert row.speaker == "Қасым-Жомарт Тоқаев" and bool(row.approx)
    assert list(frame.columns) == list(extractor.tables.COLUMNS)


def test_arrow_table_has_stable_columns():
    table = extractor.to_arrow(["Экспорт вырос на 5% в 2023 году.", "Нет чисел."])
    assert table.schema == extractor.tables.arrow_schema()
    assert table.num_rows == 2


def test_spacy_component_fills_spans():
    nlp = spacy.blank("kk")
    nlp.add_pipe("sanaq", config={"date": "2024-11-22"})
    doc = nlp("Былтыр тауар айналымы 1,5 млрд долларға жетті.")
    spans = doc.spans["sanaq"]
    assert [(s.text, s.label_) for s in spans] == [("Былтыр", "period"), ("1,5 млрд долларға", "money")]
    assert spans[1]._.sanaq.value == 1.5e9 and spans[0]._.sanaq.start_date == "2023-01-01"


def test_show_renders_every_record(tmp_path):
    from extractor.show import render_html
    doc = extractor.extract(SAMPLE.read_text(encoding="utf-8"), date="2024-11-22")
    page = render_html(doc)
    for r in doc.records:
        assert f'data-record="{r.id}"' in page
        assert any(r.id in chunk.split('"')[0].split() for chunk in page.split('data-ids="')[1:])
