"""A Spec on the calendar: inclusive dates for a document date."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import replace

from .spec import Spec


def floating(spec: Spec) -> bool:
    """A date with no year of its own or of a relative word (22 желтоқсанда, в понедельник):
    the document date gives it one, and the tense of its clause says which."""
    return spec.year is None and spec.year_shift is None and spec.shift is None and spec.to_year is None \
        and not spec.anaphoric and not spec.every


def resolve(spec: Spec, doc_date: dt.date | None, tense: str | None = None) -> tuple[dt.date, dt.date] | None:
    """Inclusive (start, end) dates of a Spec, or None when it needs a date we do not know.
    tense ("past" | "future" | "present" | None) places a floating date: a past event not after
    the document date, a coming one not before it; present and None keep the document's year
    (None: a span of months not yet over is a report of last year's)."""
    rng = _resolve(spec, doc_date, tense)
    if rng is None or doc_date is None or not floating(spec) or spec.weekday is not None \
            or spec.grain == "season":      # жазда балалар лагерьге барады: a habit as much as a plan
        return rng
    if tense == "past" and rng[0] > doc_date:
        return _resolve(replace(spec, year=rng[0].year - 1), doc_date, None)
    if tense not in ("future", "present") and rng[1] > doc_date and _span_of_months(spec):
        # қаңтар-желтоқсан айларында … құрады, в IV квартале ВВП вырос in a November article:
        # a result reported for a span not yet over is last year's (unknown tense reads as a report)
        return _resolve(replace(spec, year=rng[0].year - 1), doc_date, None)
    if tense == "future" and rng[1] < doc_date:
        return _resolve(replace(spec, year=rng[0].year + 1), doc_date, None)
    return rng


def _span_of_months(spec: Spec) -> bool:
    """A span of several months (қаңтар-желтоқсан, IV тоқсан, II полугодие), not a month or a day."""
    return spec.day is None and spec.part is None and (
        spec.to_month is not None or spec.quarter is not None or spec.half is not None)


def _resolve(spec: Spec, doc_date: dt.date | None, tense: str | None) -> tuple[dt.date, dt.date] | None:
    year = spec.year
    if spec.anaphoric or spec.every:
        return None
    if year is None:
        if doc_date is None:
            return None
        if spec.year_shift is not None:
            year = doc_date.year + spec.year_shift
        elif spec.shift is not None and spec.approx:      # соңғы жылдары: up to now; алдағы күндері: from now
            return (None, doc_date) if spec.shift < 0 else (doc_date, None)
        elif spec.shift is not None:
            anchor = _shift_date(doc_date, spec.grain, spec.shift)
            if anchor is None:
                return None
            return _part(_grain_range(anchor, spec.grain), spec.part)
        elif spec.weekday is not None:
            if spec.towards == 0:                       # осы сенбіде, в эту субботу: this week's
                day = doc_date + dt.timedelta(days=spec.weekday - doc_date.weekday())
            elif spec.towards == 1 or spec.towards is None and tense == "future":
                # в понедельник почувствуют, келесі сенбіде: the coming one
                day = doc_date + dt.timedelta(days=(spec.weekday - doc_date.weekday()) % 7 or 7)
            else:                                       # the last one (or today): news tells what was
                day = doc_date - dt.timedelta(days=(doc_date.weekday() - spec.weekday) % 7)
            return day, day + dt.timedelta(days=1 if spec.weekend else 0)
        else:
            year = doc_date.year
            if spec.grain == "season" and spec.month == 12 and doc_date.month <= 2:
                year -= 1                                   # in February, "this winter" began last December
    try:
        if spec.grain == "season":
            last_year, last_month = (year + 1, spec.month - 10) if spec.month > 10 else (year, spec.month + 2)
            if spec.approx and spec.part is not None:   # күздің алғашқы айларында: its first two months
                first = dt.date(year, spec.month, 1)
                second = _shift_date(first, "month", 1)
                third = _shift_date(first, "month", 2)
                return {"start": (first, _month_end(second.year, second.month)),
                        "end": (second, _month_end(third.year, third.month)),
                        "middle": (second, _month_end(second.year, second.month))}[spec.part]
            return _part((dt.date(year, spec.month, 1), _month_end(last_year, last_month)), spec.part)
        if spec.upto_month:
            rng = _upto(year, spec.upto_month)
        elif spec.day is not None and spec.month is not None:
            day = dt.date(year, spec.month, spec.day)
            rng = (day, dt.date(year, spec.month, spec.to_day) if spec.to_day else day)
        elif spec.month is not None and spec.to_month is not None:
            last_year = year + (spec.to_month < spec.month)     # желтоқсан-ақпан: into the next year
            rng = dt.date(year, spec.month, 1), _month_end(last_year, spec.to_month)
        elif spec.month is not None:
            rng = _grain_range(dt.date(year, spec.month, 1), "month")
        elif spec.quarter is not None:
            first = dt.date(year, 3 * spec.quarter - 2, 1)
            rng = (first, _month_end(year, 3 * spec.quarter))
        elif spec.half is not None:
            rng = (dt.date(year, 6 * spec.half - 5, 1), _month_end(year, 6 * spec.half))
        else:
            rng = (dt.date(year, 1, 1), dt.date(spec.to_year or year, 12, 31))
    except ValueError:
        return None                                     # 31 ақпан, year 0
    return _part(rng, spec.part)


def _upto(year: int, months: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), _month_end(year, months)


def _part(rng, part):
    """The start, middle or end of a range, approximately: of a month its first, middle or
    last ten days (в конце августа: 21–31); of a year its first or last quarter, or May to
    August (жылдың басында: January–March); of anything else its first, middle or last third."""
    if part is None:
        return rng
    a, b = rng
    if a.day == 1 and b == _month_end(a.year, a.month) and (a.year, a.month) == (b.year, b.month):
        return {"start": (a, a.replace(day=10)), "middle": (a.replace(day=11), a.replace(day=20)),
                "end": (a.replace(day=21), b)}[part]
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return {"start": (a, dt.date(a.year, 3, 31)), "middle": (dt.date(a.year, 5, 1), dt.date(a.year, 8, 31)),
                "end": (dt.date(a.year, 10, 1), b)}[part]
    third = (b - a).days // 3
    if part == "start":
        return a, a + dt.timedelta(days=third)
    if part == "end":
        return b - dt.timedelta(days=third), b
    return a + dt.timedelta(days=third + 1), b - dt.timedelta(days=third + 1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _grain_range(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    if grain == "day":
        return day, day
    if grain == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if grain == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if grain == "quarter":
        q = (day.month - 1) // 3
        return dt.date(day.year, 3 * q + 1, 1), _month_end(day.year, 3 * q + 3)
    if grain == "half":
        h = (day.month - 1) // 6
        return dt.date(day.year, 6 * h + 1, 1), _month_end(day.year, 6 * h + 6)
    if grain == "decade":
        y = day.year - day.year % 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if grain == "century":
        y = day.year - (day.year - 1) % 100
        return dt.date(y, 1, 1), dt.date(y + 99, 12, 31)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _shift_date(day: dt.date, grain: str, amount: float) -> dt.date | None:
    """`day` moved by `amount` grains; None when the result is out of the calendar."""
    try:
        if grain == "day":
            return day + dt.timedelta(days=amount)
        if grain == "week":
            return day + dt.timedelta(weeks=amount)
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}.get(grain)
        if months is None or amount != int(amount):
            return None
        total = day.year * 12 + day.month - 1 + int(amount) * months
        year, month = divmod(total, 12)
        return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
    except (ValueError, OverflowError):
        return None


def _valid_date(year, month, day) -> bool:
    try:
        dt.date(year, month, day)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str, lang: str) -> dt.date | None:
    """A full date with day, month and year as dateparser reads it, or None."""
    import dateparser
    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        got = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception:          # dateparser raises assorted errors on odd input; our parse stands
        return None
    return None if got is None else got.date()
