"""The record contract: JSON Schema shipped in the package, every corpus output valid against it."""
import json
from pathlib import Path

import jsonschema
import pytest

import extractor
from extractor.records import json_schema

from .corpus import cases

SHIPPED = Path(extractor.__file__).parent / "document.schema.json"


def test_shipped_schema_is_current():
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == json_schema(), \
        "run: sanaq schema > extractor/document.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


ALL_ROWS = [(lang, name, p) for lang in ("kk", "ru") for name in ("quantities", "periods", "speakers", "numerals")
            for p in cases(lang, name)]


def test_every_corpus_output_validates(validator):
    for lang, name, param in ALL_ROWS:
        row = param.values[0]
        doc = extractor.extract(row["text"], lang=lang, date=row.get("date"))
        out = json.loads(json.dumps(doc.to_dict()))
        errors = list(validator.iter_errors(out))
        assert not errors, f"{lang}/{name}: {row['text'][:60]}: {errors[0].message}"
        for r in out["records"]:
            assert row["text"][r["start"]:r["end"]] == r["text"]


def test_schema_rejects_a_broken_record(validator):
    doc = extractor.extract("Тауар айналымы 1,5 млрд долларға жетті.", lang="kk").to_dict()
    doc["records"][0]["value"] = "a lot"
    assert list(validator.iter_errors(doc))
    doc = extractor.extract("Тауар айналымы 1,5 млрд долларға жетті.", lang="kk").to_dict()
    doc["records"][0]["surprise"] = 1
    assert list(validator.iter_errors(doc))


def test_offsets_point_into_the_callers_string_after_normalization():
    text = "Тауар\u00a0айналымы «1\u00ad500 млн» – долларға\u200b жетті, былтыр 4,1\uff05-ға өсті."
    doc = extractor.extract(text, lang="kk", date="2024-11-22")
    assert doc.records
    for r in doc.records:
        assert text[r.start:r.end] == r.text


def test_document_round_trips_through_its_dict():
    text = Path(extractor.__file__).parent.joinpath("samples", "kk-trade-kz-kg.txt").read_text(encoding="utf-8")
    out = extractor.extract(text, date="2024-11-22").to_dict()
    again = extractor.Document.from_dict(json.loads(json.dumps(out))).to_dict()
    assert again == out
