"""Pattern files are data: validated at load time, errors name the file and line."""
import pytest

from extractor.patterns import SCHEMAS, PatternError, load, load_file


def write(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,line,message", [
    ("units:\n  бір: one\n", 2, "expected a number"),
    ("unknown:\n  a: 1\n", 1, "unknown section"),
    ("units: [1, 2]\n", 1, "expected a mapping"),
    ("units:\n  бір: 1\n  бір: 2\n", 3, "duplicate key"),
    ("units:\n  бір: !!python/object:os.system 1\n", 2, ""),
    ("units: {a: 1\n", 1, "not valid YAML"),
    ("decimal_point: [" + "x" * 300 + "]\n", 1, "longer than"),
])
def test_bad_number_files_are_rejected_with_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(PatternError) as err:
        load_file(path, SCHEMAS["numbers"])
    assert f"{path}:{line}" in str(err.value) or (line == 1 and str(path) in str(err.value))
    assert message in str(err.value)


def test_unknown_entry_field(tmp_path):
    path = write(tmp_path, "currencies:\n  USD: {words: [доллар], colour: green}\n")
    with pytest.raises(PatternError, match=r"x.yaml:2: unknown field 'colour'"):
        load_file(path, SCHEMAS["currencies"])


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_patterns_load(lang, name):
    assert isinstance(load(lang, name), dict)
