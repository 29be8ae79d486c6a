"""Reading the dates people type and writing dates the way GB/T 9704 prints them.

Pure: no UNO, no UI text.  A date that cannot be read raises `DateInputError`
whose `.reason` is one of `REASONS`; the forms layer turns the key into a
localized message that names the field.  The reasons:

- ``empty``: nothing but spaces was typed.
- ``unreadable``: the text is not a month / a date in any form we know.
- ``missing_day``: a time or a month was given where a meeting needs its day
  (``下午3点``, ``2023年9月``); guessing "today" would put a wrong date on record.
- ``no_such_day``: the calendar has no such day (``2023-02-30``, ``9月31日``).
- ``month_out_of_range`` / ``year_out_of_range``: month not 1-12, year 0.
- ``time_out_of_range``: no such clock time (``25:00``), or an hour that
  contradicts its period word (``上午15点``; ``晚上12点``, which is midnight and so
  the next day).
- ``weekday_mismatch``: a weekday was written and the date falls on another.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional, Tuple

from dateutil.relativedelta import relativedelta

from sanhui.cn_clock import CLOCK, read_clock
from sanhui.cn_numerals import replace_numerals

REASONS = frozenset({
    "empty", "unreadable", "missing_day", "no_such_day", "month_out_of_range",
    "year_out_of_range", "time_out_of_range", "weekday_mismatch",
})
WEEKDAY_NAMES: Tuple[str, ...] = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


class DateInputError(ValueError):
    """Input that cannot be read as a month or a date; `.reason` says why (see REASONS)."""

    def __init__(self, reason: str, text: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month: what a monthly plan is for (and what `Month` arguments name)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise DateInputError("month_out_of_range", f"{self.year}-{self.month}")
        if not 1 <= self.year <= 9999:
            raise DateInputError("year_out_of_range", f"{self.year}-{self.month}")

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """The month `day` falls in."""
        return cls(day.year, day.month)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        """Last day of the month: the natural deadline of the month's plan."""
        return self.first_day() + relativedelta(day=31)

    def next(self) -> Month:
        return Month.of(self.first_day() + relativedelta(months=1))

    def previous(self) -> Month:
        """The month before: InsertReview checks last month's unfinished items."""
        return Month.of(self.first_day() - relativedelta(months=1))

    def format(self) -> str:
        """As printed in a title: 2023年9月 (GB/T 9704: no zero padding)."""
        return f"{self.year}年{self.month}月"

    def iso(self) -> str:
        """As stored and passed in command arguments: 2023-09."""
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class MeetingTime:
    """The day of a meeting and, when one was given, its starting time."""

    day: dt.date
    time: Optional[dt.time] = None

    def format(self) -> str:
        """2023年9月25日 15:00, or 2023年9月25日 when no time was given."""
        if self.time is None:
            return format_date(self.day)
        return f"{format_date(self.day)} {self.time:%H:%M}"

    def weekday_name(self) -> str:
        """星期一 … 星期日, as notices print beside the date."""
        return WEEKDAY_NAMES[self.day.weekday()]

    def iso(self) -> str:
        """2023-09-25T15:00 or 2023-09-25: a stable form for settings and scripts."""
        if self.time is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.time:%H:%M}"


def format_date(day: dt.date) -> str:
    """GB/T 9704-2012 date: Arabic numerals, full year, no padding (2023年9月5日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def today_month(today: dt.date) -> Month:
    """The default `Month` of a command: the month of `today` (passed in, for tests)."""
    return Month.of(today)


_MONTH = re.compile(r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月份?|(\d{2}))")
_DATES = (
    re.compile(r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
    # One separator throughout: 2023-09-25, 2023/9/25, 2023.9.25; the year may be left out (9.25).
    re.compile(r"(?:(?P<y>\d{4})(?P<s>[-/.]))?(?P<m>\d{1,2})(?(s)(?P=s)|[-/.])(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)"),
)
_WEEKDAY = re.compile(r"\(?\s*(?:星期|礼拜|周)\s*([一二三四五六日天七])\s*\)?")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
# Two defaults that differ in every field, both leap years with 31-day months: a field
# that comes out the same under both was in the text.
_PROBES = (dt.datetime(2000, 1, 1, 0, 0), dt.datetime(2004, 3, 2, 1, 1))
# dateutil passes on the datetime module's own messages for a field out of range;
# any other failure is simply unreadable.
_DATEUTIL_REASONS = (
    ("day is out of range", "no_such_day"), ("month must be", "month_out_of_range"),
    ("hour must be", "time_out_of_range"), ("minute must be", "time_out_of_range"),
)


def _clean(text: str) -> str:
    """Fold full-width digits and punctuation (２０２３－０９，１５：００) to ASCII, trim."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise DateInputError("empty", text)
    return cleaned


def parse_month(text: str) -> Month:
    """Read a month: 2023-09, 2023/9, 2023.9, 202309, 2023年9月, 二〇二三年九月."""
    cleaned = _clean(text)
    try:
        match = _MONTH.fullmatch(replace_numerals(cleaned))
    except ValueError:
        match = None
    if match is None:
        raise DateInputError("unreadable", text)
    month = next(group for group in match.groups()[1:] if group)
    try:
        return Month(int(match.group(1)), int(month))
    except DateInputError as error:
        raise DateInputError(error.reason, text) from None


def parse_meeting_time(text: str, today: dt.date) -> MeetingTime:
    """Read a meeting's date and optional time in any of the ways people type them.

    `today` is passed in (not read from the clock) so that a year left out is
    reproducible in tests; see `_find_day` for which year that is.
    """
    cleaned, weekday = _take_weekday(_clean(text), text)
    try:
        cleaned = replace_numerals(cleaned)
    except ValueError:
        raise DateInputError("unreadable", text) from None
    found = _read_digits(cleaned, today, text)
    if found is None:
        found = _read_western(cleaned, today, text)
    if weekday is not None and found.day.weekday() != weekday:
        raise DateInputError("weekday_mismatch", text)
    return found


def _take_weekday(cleaned: str, text: str) -> Tuple[str, Optional[int]]:
    """Remove a written weekday (（星期一）, 周一), returning it to be checked against the date."""
    found = _WEEKDAY.findall(cleaned)
    if len(found) > 1:
        raise DateInputError("unreadable", text)
    weekday = _WEEKDAY_INDEX[found[0]] if found else None
    return _WEEKDAY.sub(" ", cleaned).strip(), weekday


def _read_digits(cleaned: str, today: dt.date, text: str) -> Optional[MeetingTime]:
    """The Chinese and numeric forms; None when the text has some other shape."""
    match = next((m for m in (p.match(cleaned) for p in _DATES) if m), None)
    if match is None:
        if CLOCK.fullmatch(cleaned) or _MONTH.fullmatch(cleaned):
            raise DateInputError("missing_day", text)
        return None
    rest = cleaned[match.end():].lstrip(" ,T")
    clock = CLOCK.fullmatch(rest)
    if rest and clock is None:
        return None
    year = int(match.group("y")) if match.group("y") else None
    found = _find_day(year, int(match.group("m")), int(match.group("d")), today, text)
    try:
        return MeetingTime(found, read_clock(clock) if clock else None)
    except ValueError:
        raise DateInputError("time_out_of_range", text) from None


def _find_day(year: Optional[int], month: int, day: int, today: dt.date, text: str) -> dt.date:
    """The date meant, or the reason there is none.

    A year left out is the one that puts the day within half a year of `today`
    (at most one does): 1月8日 typed on 28 December is the coming January.
    """
    if not 1 <= month <= 12:
        raise DateInputError("month_out_of_range", text)
    if year is not None and year < 1:
        raise DateInputError("year_out_of_range", text)
    for candidate in (year,) if year else (today.year - 1, today.year, today.year + 1):
        try:
            found = dt.date(candidate, month, day)
        except ValueError:
            continue  # 2月29日 outside leap years
        if year or abs((found - today).days) <= 183:
            return found
    raise DateInputError("no_such_day", text)


def _read_western(cleaned: str, today: dt.date, text: str) -> MeetingTime:
    """English and am/pm forms (Sep 25, 2023 3:30 PM; 2023-09-25 3pm) through dateutil."""
    if not cleaned.isascii():
        raise DateInputError("unreadable", text)
    # Imported here: dateutil.parser pulls in dateutil.tz, about 50 ms of the command's first use.
    from dateutil import parser

    try:
        first, second = (parser.parse(cleaned, default=probe, yearfirst=True) for probe in _PROBES)
    except (ValueError, OverflowError) as error:
        reason = next((r for key, r in _DATEUTIL_REASONS if key in str(error)), "unreadable")
        raise DateInputError(reason, text) from None
    if (first.month, first.day) != (second.month, second.day):
        raise DateInputError("missing_day", text)
    if first.year == second.year and not re.search(r"\d{4}", cleaned):
        raise DateInputError("unreadable", text)  # a two-digit year (23-9-25) is too easily misread
    day = _find_day(first.year if first.year == second.year else None, first.month, first.day, today, text)
    if first.hour != second.hour:
        return MeetingTime(day)
    return MeetingTime(day, dt.time(first.hour, first.minute if first.minute == second.minute else 0))
