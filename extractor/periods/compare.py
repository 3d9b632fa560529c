"""Comparison bases dated from the period their sentence reports.

`с аналогичным периодом прошлого года`, `өткен жылдың сәйкес кезеңімен`, `годом ранее`
name no dates of their own: they are the reported period moved (a year back, as
patterns/<lang>/periods.yaml says). `В январе–октябре 2024 года … с аналогичным
периодом прошлого года` is January–October 2023, not the whole of 2023. The
reported period is the nearest dated period of the same sentence before the
comparison (else after it); the comparison's `compared_to` names it. With no such
period the comparison keeps no dates: a guess would move a figure to another year.
"""
from __future__ import annotations

import datetime as dt

from .dates import _month_end, _shift_date


def waiting(periods: list, pending: dict):
    """(record, what it waits for) for each period record left to date after all are read."""
    for r in periods:
        value = pending.get(id(r))
        if value is not None:
            yield r, value


def anchor_comparisons(records: list, pending: dict[int, tuple[str, int]], text: str | None = None) -> None:
    """Date each comparison period in `records` (pending: id(record) → (grain, shift)).
    With `text`, a sentence that reports no period takes the one reported by the
    sentences before it in the same paragraph (Өткен жылдың осы кезеңінде … after
    `2024 жылдың 10 айында …`)."""
    periods = [r for r in records if r.kind == "period"] if pending else []
    for r, move in waiting(periods, pending):
        reported = _reported(r, periods, pending)
        if reported is None and text is not None:
            reported = _reported_before(r, periods, pending, text)
        if reported is None:
            continue
        grain, shift = move
        if grain == "in_year":                  # 2021 жылдың сәйкес кезеңі, к аналогичному периоду 2018 года
            if reported.start_date is None:
                continue
            grain, shift = "year", shift - int(reported.start_date[:4])
        start = _move(reported.start_date, grain, shift, end=False)
        end = _move(reported.end_date, grain, shift, end=True)
        if (reported.start_date and start is None) or (reported.end_date and end is None):
            continue
        r.start_date, r.end_date, r.grain = start, end, reported.grain
        r.compared_to = reported.id or None


def _reported(comparison, periods: list, pending) -> object | None:
    same = [p for p in periods if p is not comparison and tuple(p.sentence) == tuple(comparison.sentence)
            and id(p) not in pending and not p.recurring and (p.start_date or p.end_date)]
    before = [p for p in same if p.end <= comparison.start]
    if before:
        return before[-1]
    after = [p for p in same if p.start >= comparison.end]
    return after[0] if after else None


def _reported_before(comparison, periods: list, pending, text: str) -> object | None:
    """The first dated period of the nearest earlier sentence that has one, in the same
    paragraph (no line break between)."""
    earlier = [p for p in periods if p.sentence[1] <= comparison.sentence[0] and id(p) not in pending
               and not p.recurring and not p.dateline and p.grain not in ("hour", "minute")
               and (p.start_date or p.end_date)]
    if not earlier:
        return None
    sentence = max(tuple(p.sentence) for p in earlier)
    if "\n" in text[sentence[1]:comparison.sentence[0]]:
        return None
    return next(p for p in earlier if tuple(p.sentence) == sentence)


def _move(iso: str | None, grain: str, shift: int, end: bool) -> str | None:
    if iso is None:
        return None
    day = dt.date.fromisoformat(iso)
    moved = _shift_date(day, grain, shift)
    if moved is None:
        return None
    if end and day == _month_end(day.year, day.month) and grain in ("year", "quarter", "half", "month"):
        moved = _month_end(moved.year, moved.month)        # 29 February 2024 → 28 February 2023
    return moved.isoformat()
