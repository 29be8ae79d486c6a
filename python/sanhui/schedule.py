"""The year's meetings from rules people write (“每月第一个星期五”, “每季度末月第二个星期三”,
“每月15日”), computed with dateutil's rrule and moved off Chinese public holidays.

Holidays come from the chinese-calendar package (vendored; it covers 2004–2026, the State
Council announces each year's in the November before). Outside its years no date is moved,
and the schedule says so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Dict, List, Optional, Tuple

from dateutil.rrule import FR, MO, MONTHLY, SA, SU, TH, TU, WE, rrule

from .cn_numerals import cn_to_int as to_int

WEEKDAYS = {"一": MO, "二": TU, "三": WE, "四": TH, "五": FR, "六": SA, "日": SU, "天": SU}
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_RULE = re.compile(
    r"^每(?P<period>月|季度)"
    r"(?:(?P<which>末月|首月|第一个月|第二个月|第三个月))?"
    r"(?:(?:第(?P<nth>[一二三四五1-5])个|(?P<last>最后一个))(?:星期|周)(?P<weekday>[一二三四五六日天])"
    r"|(?P<day>[0-9一二三四五六七八九十廿]+)[日号])$")
_MONTH_IN_QUARTER = {None: 3, "末月": 3, "第三个月": 3, "首月": 1, "第一个月": 1, "第二个月": 2}


class RuleError(ValueError):
    """A rule that cannot be read; the forms layer names the field."""


@dataclass(frozen=True)
class Rule:
    text: str
    months: Tuple[int, ...]  # the months it falls in
    weekday: Optional[int] = None  # 0 = Monday
    nth: int = 0  # 1..5, or -1 for the last
    day: int = 0  # a day of the month instead of a weekday


def parse_rule(text: str) -> Rule:
    """“每月第一个星期五” → Rule; RuleError for anything else."""
    cleaned = re.sub(r"\s+", "", text)
    match = _RULE.match(cleaned)
    if not match:
        raise RuleError(text)
    if match.group("period") == "月":
        if match.group("which"):
            raise RuleError(text)
        months: Tuple[int, ...] = tuple(range(1, 13))
    else:
        offset = _MONTH_IN_QUARTER[match.group("which")]
        months = tuple(q * 3 + offset for q in range(4))
    if match.group("day"):
        day = to_int(match.group("day")) if not match.group("day").isdigit() else int(match.group("day"))
        if not 1 <= day <= 31:
            raise RuleError(text)
        return Rule(cleaned, months, day=day)
    weekday = WEEKDAYS[match.group("weekday")].weekday
    nth = -1 if match.group("last") else (int(match.group("nth")) if match.group("nth").isdigit()
                                         else to_int(match.group("nth")))
    return Rule(cleaned, months, weekday=weekday, nth=nth)


def dates(rule: Rule, year: int) -> List[date]:
    """The rule's days in ``year`` (a 31st in a short month falls on its last day)."""
    if rule.day:
        return [date(year, m, min(rule.day, calendar.monthrange(year, m)[1])) for m in rule.months]
    weekday = (MO, TU, WE, TH, FR, SA, SU)[rule.weekday or 0]
    found = rrule(MONTHLY, dtstart=date(year, 1, 1), until=date(year, 12, 31), bymonth=rule.months,
                  byweekday=weekday(rule.nth))
    return [d.date() for d in found]


Holidays = Callable[[date], Optional[str]]  # the holiday's name, or None for an ordinary day


def chinese_holidays() -> Tuple[Holidays, Callable[[date], bool], Tuple[int, int]]:
    """(holiday name of a day, is it a working day, the years covered), from chinese-calendar."""
    import chinese_calendar

    def name(day: date) -> Optional[str]:
        on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
        return holiday if on_holiday and holiday else None

    years = sorted({d.year for d in chinese_calendar.holidays})
    return name, chinese_calendar.is_workday, (years[0], years[-1])


@dataclass(frozen=True)
class Meeting:
    day: date
    moved_from: Optional[date] = None
    holiday: str = ""


def schedule(rules: Dict[str, Rule], year: int) -> Tuple[Dict[str, List[Meeting]], bool]:
    """Every meeting of ``year`` per rule; days that fall on a public holiday move to the next
    working day (an adjusted working day counts). The flag says whether holidays were known."""
    holiday_name, is_workday, covered = chinese_holidays()
    known = covered[0] <= year <= covered[1]
    out: Dict[str, List[Meeting]] = {}
    for key, rule in rules.items():
        meetings = []
        for day in dates(rule, year):
            name = holiday_name(day) if known else None
            if name:
                moved = day + timedelta(days=1)
                while not is_workday(moved):
                    moved += timedelta(days=1)
                meetings.append(Meeting(moved, day, _HOLIDAY_NAMES.get(name, name)))
            else:
                meetings.append(Meeting(day))
        out[key] = meetings
    return out, known


def label(day: date) -> str:
    """“3月3日（星期五）”."""
    return f"{day.month}月{day.day}日（{WEEKDAY_NAMES[day.weekday()]}）"


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
