"""Article dates as archives write them: ISO, 22.11.2024, 2024/11/22, RSS/e-mail dates, epoch seconds.

Only unambiguous forms are read; 03/04/2024 (day or month first?) is not guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[T ,])")        # 22.11.2024 (day first)
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:$|[T ])")          # 2024/11/22
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")                         # 20241122


class DateError(ValueError):
    pass


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) for a date value, None for an empty one; DateError if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 < value < 1e10:                       # seconds since 1970
            return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()
        if 1e11 < value < 1e13:                    # milliseconds
            return dt.datetime.fromtimestamp(value / 1000, dt.timezone.utc).date().isoformat()
        raise DateError(f"cannot read the date {value!r}")
    text = str(value).strip()
    for pattern, order in ((_ISO, "ymd"), (_DOTTED, "dmy"), (_SLASHED, "ymd"), (_COMPACT, "ymd")):
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, map(int, m.groups())))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"]).isoformat()
            except ValueError as err:
                raise DateError(f"cannot read the date {text!r}: {err}") from None
    try:
        return parsedate_to_datetime(text).date().isoformat()          # Fri, 22 Nov 2024 10:00:00 +0300
    except (TypeError, ValueError, IndexError):
        pass
    raise DateError(f"cannot read the date {text!r} (give YYYY-MM-DD, DD.MM.YYYY, YYYY/MM/DD or an RSS date)")
