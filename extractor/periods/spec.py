"""What a time expression says, before the document date is applied."""
from __future__ import annotations

from dataclasses import dataclass

import regex

GRAINS = ("day", "week", "month", "quarter", "half", "year", "decade", "century")
DIGITAL_DATE = regex.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_UPPER = frozenset(r.upper() for r in ROMAN)
PLURAL_YEARS = ("жылдар", "годы", "годах", "годов", "годам", "годами", "гг")   # 90-жылдары, 90-е годы
LIST_JOINERS = frozenset({",", "и", "және", "мен", "бен", "пен"})
DASHES = frozenset("-–—")
KK_FROM = ("дан", "ден", "тан", "тен", "нан", "нен")   # Kazakh ablative: "from"
DAY_TIME_GLUE = frozenset({",", "күні"})   # 22 қараша күні сағат 15:00-де, 2 декабря, в 10:00


@dataclass(frozen=True)
class Spec:
    """What a time expression says, before the document date is applied."""
    grain: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    to_day: int | None = None          # a span of days in one month: 2023 жылдың 5-10 қазанында
    quarter: int | None = None
    half: int | None = None
    upto_month: int | None = None      # the first N months of the year
    to_month: int | None = None        # a span of months: қаңтар-қыркүйек, январь–октябрь
    shift: int | None = None           # relative to the document date, in grains
    weekday: int | None = None
    towards: int | None = None         # a weekday's direction: 1 the coming one (келесі сенбіде,
                                       # в следующий понедельник), -1 the last one, 0 this week's
    weekend: bool = False              # the Saturday and Sunday of that week (в ближайшие выходные)
    part: str | None = None            # start | end | middle
    ten_days: bool = False             # the part is a ten-day part of a month (екінші онкүндігінде: 11–20), sharp
    to_year: int | None = None         # a span of years: 2020-2024 жылдары
    year_shift: int | None = None      # the year relative to the document's: былтыр, в мае прошлого года
    anaphoric: bool = False            # сол күні, в тот же день: a time named earlier, not resolved
    every: bool = False                # жыл сайын, ежегодно: recurs, no dates
    approx: bool = False               # vague bounds: соңғы жылдары, в ближайшие дни
    compare: int | None = None         # a comparison base, this many grains from the period reported
                                       # (с аналогичным периодом прошлого года: year, -1)


@dataclass(frozen=True)
class Duration:
    value: float | None                # None: бірнеше жыл, несколько дней
    unit: str
    min: float | None = None
    max: float | None = None


@dataclass
class PeriodMatch:
    kind: str                  # period | duration | age (an age gives no record)
    tok_start: int
    tok_end: int               # exclusive
    start_date: str | None = None
    end_date: str | None = None
    grain: str | None = None
    relative: bool = False
    recurring: bool = False
    value: float | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    approx: bool = False
    start_time: str | None = None
    end_time: str | None = None
    timezone: str | None = None
    compare: tuple[str, int] | None = None   # (grain, shift) from the period the sentence reports
    weekday: int | None = None               # a weekday's number: a dated day of that weekday nearby is it
    clock_from: int | None = None            # a day with its clock time (12 января в 10:00): the time's first token
    upto_month: int | None = None            # a cumulative count of months (10 айда): a year named in the
                                             # sentence is its year (cumulative.anchor_cumulative)
