"""Tests for sanhui.dates: every accepted form, every rejection with its reason."""

from __future__ import annotations

from datetime import date, time
from typing import Optional

import pytest

from sanhui.dates import (
    REASONS,
    DateInputError,
    MeetingTime,
    Month,
    format_date,
    parse_meeting_time,
    parse_month,
    today_month,
)

TODAY = date(2023, 9, 20)
SEP_25 = date(2023, 9, 25)  # a Monday


# --- months ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2023-09", "2023-9", "2023/09", "2023.9", "202309", "2023年9月", "2023年09月", "2023年9月份",
    "２０２３－０９", "  2023-09  ", "2023 年 9 月", "二〇二三年九月", "2023年九月",
])
def test_parse_month_accepts(text: str) -> None:
    assert parse_month(text) == Month(2023, 9)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("   ", "empty"),
    ("\u3000", "empty"),
    ("garbage", "unreadable"),
    ("23-09", "unreadable"),
    ("2023", "unreadable"),
    ("2023-09-25", "unreadable"),
    ("2023年9", "unreadable"),
    ("二二十年九月", "unreadable"),
    ("2023-13", "month_out_of_range"),
    ("2023-0", "month_out_of_range"),
    ("202313", "month_out_of_range"),
    ("二〇二三年十三月", "month_out_of_range"),
    ("0000-09", "year_out_of_range"),
])
def test_parse_month_rejects(text: str, reason: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_month(text)
    assert caught.value.reason == reason
    assert caught.value.text == text


def test_month_format_has_no_padding_and_iso_has() -> None:
    assert Month(2023, 9).format() == "2023年9月"
    assert Month(2023, 9).iso() == "2023-09"
    assert Month(2023, 12).format() == "2023年12月"


@pytest.mark.parametrize("month", [Month(2023, 1), Month(2023, 9), Month(2023, 12), Month(2024, 2)])
def test_month_round_trips_through_both_forms(month: Month) -> None:
    assert parse_month(month.iso()) == month
    assert parse_month(month.format()) == month


def test_month_days() -> None:
    assert Month(2023, 9).first_day() == date(2023, 9, 1)
    assert Month(2023, 9).last_day() == date(2023, 9, 30)
    assert Month(2024, 2).last_day() == date(2024, 2, 29)  # leap year
    assert Month(2023, 2).last_day() == date(2023, 2, 28)


@pytest.mark.parametrize(("month", "following"), [
    (Month(2023, 9), Month(2023, 10)),
    (Month(2023, 12), Month(2024, 1)),  # year boundary
    (Month(2024, 1), Month(2024, 2)),
])
def test_month_next_and_previous(month: Month, following: Month) -> None:
    assert month.next() == following
    assert following.previous() == month


def test_months_order_by_time() -> None:
    assert Month(2023, 12) < Month(2024, 1) < Month(2024, 2)


@pytest.mark.parametrize(("year", "month", "reason"), [
    (2023, 0, "month_out_of_range"), (2023, 13, "month_out_of_range"), (0, 9, "year_out_of_range"),
])
def test_month_refuses_impossible_values(year: int, month: int, reason: str) -> None:
    with pytest.raises(DateInputError) as caught:
        Month(year, month)
    assert caught.value.reason == reason


def test_today_month() -> None:
    assert today_month(TODAY) == Month(2023, 9)
    assert Month.of(date(2024, 2, 29)) == Month(2024, 2)


# --- meeting times: accepted ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "day", "clock"), [
    # numeric forms
    ("2023-09-25 15:00", SEP_25, time(15, 0)),
    ("2023/9/25 15:00", SEP_25, time(15, 0)),
    ("2023.9.25 15:00", SEP_25, time(15, 0)),
    ("2023-09-25T15:00", SEP_25, time(15, 0)),
    ("2023-09-25T15:00:00", SEP_25, time(15, 0)),
    ("20230925 15:00", SEP_25, time(15, 0)),
    ("2023-09-25", SEP_25, None),
    ("  2023-09-25 15:00  ", SEP_25, time(15, 0)),
    ("9/25 15:00", SEP_25, time(15, 0)),
    ("9.25下午3点", SEP_25, time(15, 0)),
    # Chinese forms
    ("2023年9月25日 15:00", SEP_25, time(15, 0)),
    ("2023年9月25日15:00", SEP_25, time(15, 0)),
    ("2023年9月25日", SEP_25, None),
    ("2023年09月25日", SEP_25, None),
    ("2023年9月25日，下午3点", SEP_25, time(15, 0)),
    ("9月25日下午3点", SEP_25, time(15, 0)),
    ("9月25号下午3点", SEP_25, time(15, 0)),
    ("9月25日 下午3点半", SEP_25, time(15, 30)),
    ("9月25日上午9:30", SEP_25, time(9, 30)),
    ("9月25日上午9点", SEP_25, time(9, 0)),
    ("9月25日早8点", SEP_25, time(8, 0)),
    ("9月25日凌晨5点", SEP_25, time(5, 0)),
    ("2023年9月25日晚上7点", SEP_25, time(19, 0)),
    ("9月25日傍晚6点", SEP_25, time(18, 0)),
    ("2023年9月25日中午12点", SEP_25, time(12, 0)),
    ("9月25日中午1点", SEP_25, time(13, 0)),
    ("9月25日中午12点半", SEP_25, time(12, 30)),
    ("9月25日下午15点", SEP_25, time(15, 0)),
    ("9月25日15点30分", SEP_25, time(15, 30)),
    ("9月25日15点05", SEP_25, time(15, 5)),
    ("2023-09-25 15时", SEP_25, time(15, 0)),
    ("9月25日15时30分", SEP_25, time(15, 30)),
    ("9月25日下午3点整", SEP_25, time(15, 0)),
    ("9月25日下午3点钟", SEP_25, time(15, 0)),
    ("9月25日 8:00", SEP_25, time(8, 0)),
    # Chinese numerals
    ("九月二十五日下午三点", SEP_25, time(15, 0)),
    ("二〇二三年九月二十五日", SEP_25, None),
    ("二〇二三年九月二十五日下午两点", SEP_25, time(14, 0)),
    ("九月廿五日", SEP_25, None),
    ("9月25日下午三点一刻", SEP_25, time(15, 15)),
    ("9月25日下午三点三刻", SEP_25, time(15, 45)),
    ("9月25日上午十点零五分", SEP_25, time(10, 5)),
    ("9月25日十五点", SEP_25, time(15, 0)),
    # full-width digits, colon and spaces
    ("２０２３－０９－２５　１５：００", SEP_25, time(15, 0)),
    ("9月25日１５：００", SEP_25, time(15, 0)),
    # a weekday that agrees with the date
    ("2023年9月25日（星期一）下午3点", SEP_25, time(15, 0)),
    ("2023年9月25日 周一 15:00", SEP_25, time(15, 0)),
    ("2023年9月25日(礼拜一)", SEP_25, None),
    ("2023年10月1日 星期日", date(2023, 10, 1), None),
    ("2023年10月1日（星期天）", date(2023, 10, 1), None),
    # leap day
    ("2024-02-29 09:00", date(2024, 2, 29), time(9, 0)),
    ("2024年2月29日", date(2024, 2, 29), None),
    # English and am/pm forms, read by dateutil
    ("Sep 25, 2023 3:30 PM", SEP_25, time(15, 30)),
    ("2023-09-25 3pm", SEP_25, time(15, 0)),
    ("25 September 2023", SEP_25, None),
    ("Sep 25 15:00", SEP_25, time(15, 0)),
    ("2023-09-25T15:00:00+08:00", SEP_25, time(15, 0)),
    ("Sep 25 2023 0:00am", SEP_25, time(0, 0)),
])
def test_parse_meeting_time_accepts(text: str, day: date, clock: Optional[time]) -> None:
    assert parse_meeting_time(text, TODAY) == MeetingTime(day, clock)


@pytest.mark.parametrize(("text", "today", "day"), [
    ("9月25日", date(2023, 9, 20), date(2023, 9, 25)),
    ("1月8日", date(2023, 12, 28), date(2024, 1, 8)),  # next month's plan, written in December
    ("12月28日", date(2024, 1, 3), date(2023, 12, 28)),  # last month's record, written in January
    ("2月29日", date(2023, 9, 20), date(2024, 2, 29)),  # the coming leap day
    ("Feb 29", date(2024, 1, 10), date(2024, 2, 29)),
    ("Jan 8", date(2023, 12, 28), date(2024, 1, 8)),
])
def test_year_left_out_is_the_one_nearest_today(text: str, today: date, day: date) -> None:
    assert parse_meeting_time(text, today).day == day


# --- meeting times: rejected ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("  ", "empty"),
    ("\u3000", "empty"),
    ("hello", "unreadable"),
    ("会议", "unreadable"),
    ("2023-09-25 下午", "unreadable"),
    ("2023-09-25 blah", "unreadable"),
    ("9月二二十日", "unreadable"),
    ("23-9-25", "unreadable"),
    ("1 2 3", "unreadable"),
    ("2023年9月25日 星期一 星期一", "unreadable"),
    ("下午3点", "missing_day"),
    ("15:00", "missing_day"),
    ("15点30分", "missing_day"),
    ("2023年9月", "missing_day"),
    ("2023-09", "missing_day"),
    ("3pm", "missing_day"),
    ("Monday", "missing_day"),
    ("周一下午3点", "missing_day"),
    ("2023-02-30", "no_such_day"),
    ("2023-02-29", "no_such_day"),
    ("2023年2月30日", "no_such_day"),
    ("2023-09-31 15:00", "no_such_day"),
    ("9月31日", "no_such_day"),
    ("9月0日", "no_such_day"),
    ("Feb 30 2023", "no_such_day"),
    ("2023-13-01", "month_out_of_range"),
    ("十三月五日", "month_out_of_range"),
    ("0000-09-25", "year_out_of_range"),
    ("2023-09-25 25:00", "time_out_of_range"),
    ("2023-09-25 24:00", "time_out_of_range"),
    ("2023-09-25 15:60", "time_out_of_range"),
    ("Sep 25 2023 25:00", "time_out_of_range"),
    ("9月25日上午15点", "time_out_of_range"),
    ("9月25日晚上12点", "time_out_of_range"),
    ("9月25日下午0点", "time_out_of_range"),
    ("9月25日中午5点", "time_out_of_range"),
    ("9月25日3点4刻", "time_out_of_range"),
    ("9月25日15点60分", "time_out_of_range"),
    ("2023年9月25日（星期二）", "weekday_mismatch"),
    ("2023-09-25 周日 15:00", "weekday_mismatch"),
])
def test_parse_meeting_time_rejects(text: str, reason: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_meeting_time(text, TODAY)
    assert caught.value.reason == reason
    assert caught.value.text == text
    assert isinstance(caught.value, ValueError)


def test_leap_day_more_than_half_a_year_away_is_no_such_day() -> None:
    with pytest.raises(DateInputError) as caught:
        parse_meeting_time("2月29日", date(2023, 5, 1))
    assert caught.value.reason == "no_such_day"


def test_every_reason_is_documented_and_unknown_ones_are_refused() -> None:
    import sanhui.dates

    assert sanhui.dates.__doc__ is not None
    for reason in REASONS:
        assert f"``{reason}``" in sanhui.dates.__doc__
    with pytest.raises(ValueError, match="unknown reason"):
        DateInputError("misspelt")


# --- formatting ------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "text"), [
    (date(2023, 9, 25), "2023年9月25日"),
    (date(2023, 1, 5), "2023年1月5日"),  # GB/T 9704: never 2023年01月05日
    (date(2023, 12, 31), "2023年12月31日"),
    (date(2024, 2, 29), "2024年2月29日"),
])
def test_format_date_has_no_zero_padding(day: date, text: str) -> None:
    assert format_date(day) == text


@pytest.mark.parametrize(("meeting", "text", "iso"), [
    (MeetingTime(SEP_25, time(15, 0)), "2023年9月25日 15:00", "2023-09-25T15:00"),
    (MeetingTime(date(2023, 1, 5), time(9, 5)), "2023年1月5日 09:05", "2023-01-05T09:05"),
    (MeetingTime(SEP_25), "2023年9月25日", "2023-09-25"),
])
def test_meeting_time_format_and_round_trip(meeting: MeetingTime, text: str, iso: str) -> None:
    assert meeting.format() == text
    assert meeting.iso() == iso
    assert parse_meeting_time(meeting.format(), TODAY) == meeting
    assert parse_meeting_time(meeting.iso(), TODAY) == meeting


@pytest.mark.parametrize(("day", "name"), [
    (date(2023, 9, 25), "星期一"), (date(2023, 9, 30), "星期六"), (date(2023, 10, 1), "星期日"),
])
def test_weekday_name(day: date, name: str) -> None:
    assert MeetingTime(day).weekday_name() == name
