"""Numbers written in digits: decimal marks and thousands separators.

How `1.500` is read (Russian and Kazakh write the decimal comma; dots come
from English-style and scraped text):
- two different marks: the last one is the decimal mark (1.500,25 and 1,500.25);
- one mark repeated (1.500.000, 1 500 000, 1'500'000): thousands groups;
- one mark once: a decimal mark, unless it is a dot or apostrophe followed by
  exactly three digits and no scale word follows (1.500 рублей = 1500, but
  1.5 млрд and 1.500 млн are decimals). A comma is always decimal (4,100 = 4.1),
  as in Russian and Kazakh typography.
"""
from __future__ import annotations

import regex

DIGITS = regex.compile(r"[0-9]+(?:[ .,'][0-9]+)*")
MARKS = regex.compile(r"[ .,']")


MAX_DIGITS = 300      # beyond float range (1e308) a digit string has no value we can report


def parse_digits(text: str, scale_follows: bool = False) -> float | None:
    """The value of a digit string such as `4,1`, `1 500 000`, `1.500`; None if not one
    (or if it is longer than any float: 100 000 digits in a row are not a number)."""
    if len(text) > MAX_DIGITS * 2 or not DIGITS.fullmatch(text):
        return None
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    marks = [c for c in text if c in " .,'"]
    if not marks:
        return float(int(text))
    groups = MARKS.split(text)
    distinct = list(dict.fromkeys(marks))
    if len(distinct) >= 2:
        decimal = marks[-1]
        if marks.count(decimal) > 1 or decimal in " '":
            return None
        integer_part = "".join(groups[:-1])
        return float(f"{int(integer_part)}.{groups[-1]}")
    mark = distinct[0]
    if len(marks) > 1:
        # thousands groups: every group after the first has exactly 3 digits
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        return float(int("".join(groups)))
    head, tail = groups
    if mark == " ":
        if len(head) > 3 or len(tail) != 3:
            return None
        return float(int(head + tail))
    if mark in ".'" and len(tail) == 3 and not scale_follows and len(head) <= 3 and head != "0":
        return float(int(head + tail))
    if mark == "'":
        return None
    return float(f"{int(head)}.{tail}")
