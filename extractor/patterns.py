"""Load the rule data in `patterns/` (YAML), validate it, cache it.

The files are data, not code: they are read with PyYAML's safe composer and
checked against a small shape description per file, so a typo names the file
and line instead of surfacing later as a wrong match.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

LANGS = ("kk", "ru")


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and line."""


# Shapes: "num_map" {word: number}, "str_map" {word: name}, "str_list" [word, ...],
# "str_list_map" {name: [word, ...]}, "entry_map" {code: {field: ...}}.
SCHEMAS: dict[str, dict[str, str]] = {
    "numbers": {
        "zero": "num_map", "units": "num_map", "teens": "num_map", "tens": "num_map",
        "hundred": "num_map", "hundreds": "num_map", "scales": "num_map", "half": "num_map",
        "one_and_half": "num_map", "decimal_point": "str_list", "denominators": "num_map",
        "ordinals": "num_map", "collective": "num_map", "ordinal_endings": "str_list",
        "not_numbers": "str_list", "not_number_slots": "str_list_map", "lone_other_slots": "str_list_map", "signs": "num_map",
        "fractions": "num_map", "multipliers": "num_map", "idioms": "str_list",
        "date_abbreviations": "str_list", "ordinal_nouns": "str_list", "roman_ordinal_nouns": "str_list",
    },
    "suffixes": {"slots": "str_list_map", "harmony_free": "str_list", "after_possessive": "str_list"},
    "periods": {"time_units": "str_map", "ages": "str_list", "months": "num_map", "weekdays": "num_map", "weekends": "str_list",
                "relative": "str_map", "shifts": "num_map", "parts": "str_map", "halves": "str_list",
                "quarters": "str_list", "after_words": "str_map", "before_words": "str_map",
                "anaphoric": "str_map", "every_after": "str_list", "every_before": "str_list",
                "recurring": "str_map", "seasons": "num_map", "not_time": "str_list",
                "ambiguous": "str_list", "vague_numbers": "str_list", "age_cues": "str_list",
                "comparisons": "str_map", "same_period": "str_list", "tense": "str_list_map",
                "clock_words": "str_map", "day_parts": "str_map", "timezones": "str_map",
                "dateline_months": "num_map", "cumulative": "str_list_map",
                "young_adjectives": "str_list", "young_noun_endings": "str_list", "young_nouns": "str_list",
                "ten_days": "str_list"},
    "speakers": {"speech_verbs": "str_list", "according_to": "str_list", "about_this": "str_list",
                 "titles": "str_list", "organization_words": "str_list", "pronouns": "str_list",
                 "byline": "str_list", "surname_endings": "str_list", "patronymic_endings": "str_list",
                 "speech_verb_stems": "str_list", "people_nouns": "str_list", "connectives": "str_list",
                 "celebrations": "str_list", "joiners": "str_list", "places": "str_list",
                 "office_synonyms": "str_map", "generic_organizations": "str_list_map",
                 "content_nouns": "str_list", "quote_verbs": "str_list"},
    "currencies": {"currencies": "entry_map"},
    "currencies_cldr": {"currencies": "entry_map"},
    "units": {"percent": "str_list", "units": "entry_map", "frost": "str_list", "frost_over": "str_list", "warmth": "str_list",
              "below_zero": "str_list", "above_zero": "str_list", "list_links": "str_list", "ellipsis_links": "str_list",
              "ratio": "str_list", "forecast": "str_list",
              "per_before": "str_list", "per_after": "str_list", "per_time": "str_map"},
    "units_cldr": {"units": "entry_map"},
    "hedges": {"before": "str_map", "after": "str_map", "approx_endings": "str_list", "comparatives": "str_map"},
    "changes": {"increase": "str_list", "decrease": "str_list", "targets": "str_list", "copulas": "str_list"},
}

MAX_ITEM_LENGTH = 200   # a "word" longer than this is a mistake, or hostile


def patterns_dir() -> Path:
    """The installed copy (wheel: extractor/patterns) or the repo's top-level patterns/."""
    packaged = resources.files("extractor") / "patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "patterns"
    if repo.is_dir():
        return repo
    raise PatternError("pattern data not found: neither extractor/patterns nor ./patterns exists")


# libyaml's parser when PyYAML has it (it nearly always does): the pure-Python one took a
# second at every start-up. Either gives the same nodes, with line numbers for errors.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _fail(path: Path, node: yaml.Node, msg: str) -> PatternError:
    return PatternError(f"{path}:{node.start_mark.line + 1}: {msg}")


def _scalar(path: Path, node: yaml.Node, want: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"expected a {want}, got a {node.id}")
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node)   # by its resolved tag
    except yaml.YAMLError as err:       # e.g. a !!python/object tag: never constructed
        raise _fail(path, node, f"unsupported value: {getattr(err, 'problem', err)}") from None
    if want == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(path, node, f"expected a number, got {value!r}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, node, f"expected a non-empty string, got {value!r}")
    if len(value) > MAX_ITEM_LENGTH:
        raise _fail(path, node, f"string longer than {MAX_ITEM_LENGTH} characters")
    return value


def _check(path: Path, node: yaml.Node, shape: str) -> Any:
    if shape == "str_list":
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(path, node, "expected a list of strings")
        return [_scalar(path, item, "string") for item in node.value]
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, "expected a mapping")
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(path, key_node, "string")
        if key in out:
            raise _fail(path, key_node, f"duplicate key {key!r}")
        if shape == "num_map":
            out[key] = _scalar(path, value_node, "number")
        elif shape == "str_map":
            out[key] = _scalar(path, value_node, "string")
        elif shape == "str_list_map":
            out[key] = _check(path, value_node, "str_list")
        elif shape == "entry_map":
            out[key] = _check_entry(path, value_node)
        else:  # pragma: no cover - programming error in SCHEMAS
            raise ValueError(shape)
    return out


ENTRY_FIELDS = {"words": "str_list", "symbols": "str_list", "unit": "string", "kind": "string",
                "factor": "number", "value": "number", "direction": "string"}


def _check_entry(path: Path, node: yaml.Node) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, "expected a mapping of fields")
    entry: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(path, key_node, "string")
        if key not in ENTRY_FIELDS:
            raise _fail(path, key_node, f"unknown field {key!r} (known: {', '.join(sorted(ENTRY_FIELDS))})")
        shape = ENTRY_FIELDS[key]
        entry[key] = (_check(path, value_node, shape) if shape == "str_list"
                      else _scalar(path, value_node, shape))
    return entry


def load_file(path: Path, schema: dict[str, str]) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.AliasEvent):       # *name can multiply a file a billion times
                raise PatternError(f"{path}:{event.start_mark.line + 1}: aliases (*{event.anchor}) "
                                   "are not allowed in pattern files")
        root = yaml.compose(text, Loader=LOADER)
    except (OSError, UnicodeDecodeError) as err:
        raise PatternError(f"{path}: cannot read: {err}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise PatternError(f"{path}{line}: not valid YAML: {getattr(err, 'problem', err)}") from err
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise _fail(path, root, "top level must be a mapping")
    data: dict[str, Any] = {}
    for key_node, value_node in root.value:
        key = _scalar(path, key_node, "string")
        if key not in schema:
            raise _fail(path, key_node, f"unknown section {key!r} (known: {', '.join(sorted(schema))})")
        data[key] = _check(path, value_node, schema[key])
    return data


@functools.lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """`patterns/<lang>/<name>.yaml`, validated; loaded once per process."""
    if lang not in LANGS:
        raise PatternError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    if name not in SCHEMAS:
        raise PatternError(f"unknown pattern file {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    path = patterns_dir() / lang / f"{name}.yaml"
    if not path.is_file():
        return {}
    return load_file(path, SCHEMAS[name])
