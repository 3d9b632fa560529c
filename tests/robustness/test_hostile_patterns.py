"""Pattern files are data: malformed or hostile YAML is refused with the file and line named."""
from pathlib import Path

import pytest

from extractor.patterns import SCHEMAS, PatternError, load_file

HOSTILE = {
    "python tag": ("hedges", "before:\n  x: !!python/name:os.system ''\n", "unsupported value"),
    "python tag on a list": ("hedges", "before:\n  x: !!python/object/apply:os.system ['echo pwned']\n",
                             "expected a string"),
    "wrong type": ("units", "percent: {a: 1}\n", "expected a list"),
    "unknown section": ("hedges", "befor:\n  x: approx\n", "unknown section"),
    "unknown field": ("currencies", "currencies:\n  USD: {words: [доллар], colour: green}\n", "unknown field"),
    "huge string": ("hedges", "before:\n  x: " + "а" * 5000 + "\n", "longer than"),
    "duplicate key": ("hedges", "before:\n  x: approx\n  x: min\n", "duplicate key"),
    "not yaml": ("hedges", "before: [unclosed\n", "not valid YAML"),
    "alias bomb": ("speakers", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                   "speech_verbs: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n", "alias"),
    "number where word": ("numbers", "units:\n  бір: один\n", "expected a number"),
    "top level list": ("hedges", "- a\n- b\n", "top level must be a mapping"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_refused_with_file_and_line(tmp_path, name):
    schema, content, message = HOSTILE[name]
    path = tmp_path / f"{schema}.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PatternError) as err:
        load_file(path, SCHEMAS[schema])
    assert str(path) in str(err.value) and message in str(err.value)
    assert ":" in str(err.value).replace(str(path), "", 1)[:6]          # file:line


def test_shipped_patterns_are_all_valid():
    root = Path(__file__).resolve().parents[2] / "patterns"
    for path in root.glob("*/*.yaml"):
        load_file(path, SCHEMAS[path.stem])
