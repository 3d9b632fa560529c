"""Shared helpers for the robustness suite: invariants every output must satisfy."""
import json
import math

import pytest

from extractor.records import json_schema


@pytest.fixture(scope="session")
def validator():
    import jsonschema
    return jsonschema.Draft202012Validator(json_schema())


def check_invariants(text, doc, validator):
    """Offsets point into the caller's string, records sorted, no two of a kind overlap
    (quotes aside: a quote may hold others), valid JSON, valid against the schema, no inf/nan."""
    out = doc.to_dict()
    dumped = json.dumps(out, ensure_ascii=False, allow_nan=False)     # raises on inf / nan
    errors = list(validator.iter_errors(json.loads(dumped)))
    assert not errors, errors[0].message
    starts = [(r.start, r.end) for r in doc.records]
    assert starts == sorted(starts)
    last_end: dict[str, int] = {}
    for r in doc.records:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
        assert r.sentence[0] <= r.start and r.end <= r.sentence[1] or r.kind == "quote"
        group = "amount" if r.kind in ("money", "percent", "quantity", "number") else r.kind
        assert r.start >= last_end.get(group, 0), f"overlapping {group} records at {r.start}"
        last_end[group] = r.end
        for name in ("value", "min", "max"):
            v = getattr(r, name, None)
            assert v is None or math.isfinite(v)
