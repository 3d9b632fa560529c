"""What the amount reader returns for one amount (token span and fields)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class QuantityMatch:
    kind: str                  # money | percent | quantity | number | ratio
    tok_start: int
    tok_end: int               # exclusive
    value: float
    unit: str | None = None
    approx: bool = False
    min: float | None = None
    max: float | None = None
    change: str | None = None
    noun: str | None = None
    per: str | None = None             # the denominator of a rate: USD per bbl, c per ha
    from_value: float | None = None    # a change from one level …
    to_value: float | None = None      # … to another (or to a target: довести до $15 млрд)
    base_value: float | None = None
    base_unit: str | None = None
