"""Comparable values: an amount in its base unit (t → kg, km → m, ha → m², MWh → kWh, GW → W),
from the factor table patterns/base_units.yaml, multiplied exactly (no float noise)."""
from __future__ import annotations

import functools

from ..numerals.words import exact_mul
from ..patterns import load_file, patterns_dir

SCHEMA = {"factors": "entry_map"}


@functools.lru_cache(maxsize=1)
def factors() -> dict[str, tuple[str, float]]:
    """unit → (base unit, factor), e.g. t → (kg, 1000)."""
    path = patterns_dir() / "base_units.yaml"
    if not path.is_file():
        return {}
    data = load_file(path, SCHEMA)
    return {unit: (e["unit"], float(e.get("factor", 1))) for unit, e in data.get("factors", {}).items()}


def to_base(unit: str | None, value: float) -> tuple[float | None, str | None]:
    """(base value, base unit), or (None, None) for a unit with no entry."""
    got = factors().get(unit) if unit is not None else None
    if got is None:
        return None, None
    base, factor = got
    return exact_mul(value, factor), base
