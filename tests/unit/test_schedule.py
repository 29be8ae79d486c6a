"""The year's schedule: rules as people write them, rrule dates, and days moved off China's
public holidays onto the next working day (adjusted working days included)."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from sanhui.forms.annual_form import parse_annual
from sanhui.forms.errors import FormError
from sanhui.odf.annual_writer import render_annual
from sanhui.schedule import RuleError, dates, label, parse_rule, schedule
from tests.odf_schema import assert_valid_odt


@pytest.mark.parametrize("text, first", [
    ("每月第一个星期五", date(2025, 1, 3)),
    ("每月最后一个星期三", date(2025, 1, 29)),
    ("每月 第2个周四", date(2025, 1, 9)),
    ("每季度末月第二个星期三", date(2025, 3, 12)),
    ("每季度首月15日", date(2025, 1, 15)),
    ("每月三十一日", date(2025, 1, 31)),
])
def test_rules_people_write(text: str, first: date) -> None:
    assert dates(parse_rule(text), 2025)[0] == first


def test_a_31st_falls_on_a_short_months_last_day() -> None:
    assert dates(parse_rule("每月31日"), 2025)[1] == date(2025, 2, 28)


@pytest.mark.parametrize("text", ["每周一", "每月第六个星期五", "每月32日", "月初", "每月末月第一个星期一"])
def test_unreadable_rules(text: str) -> None:
    with pytest.raises(RuleError):
        parse_rule(text)


def test_holidays_move_to_the_next_working_day() -> None:
    meetings, known = schedule({"主题党日": parse_rule("每月1日")}, 2025)
    assert known
    by_month = {m.day.month: m for m in meetings["主题党日"]}
    assert (by_month[1].day, by_month[1].moved_from, by_month[1].holiday) == (date(2025, 1, 2), date(2025, 1, 1),
                                                                               "元旦")
    assert by_month[10].day == date(2025, 10, 9) and by_month[10].holiday == "国庆节"  # 1–8 Oct off
    assert by_month[3].moved_from is None  # an ordinary Saturday is not moved
    assert label(date(2025, 10, 9)) == "10月9日（星期四）"


def test_years_without_a_holiday_table_are_not_moved() -> None:
    meetings, known = schedule({"支委会": parse_rule("每月1日")}, 2099)
    assert not known and all(m.moved_from is None for m in meetings["支委会"])


def test_form_defaults_and_a_branch_without_committee() -> None:
    request = parse_annual({"Year": "2025"}, date(2024, 12, 1), has_committee=False)
    assert list(request.rules) == ["党员大会", "党小组会", "党课", "主题党日"]
    with pytest.raises(FormError) as caught:
        parse_annual({"GroupRule": "每周四"}, date(2025, 1, 1))
    assert caught.value.field == "GroupRule" and "每周四" in caught.value.message("zh")


def test_rendered_schedule_is_valid_and_explains_moved_days(tmp_path) -> None:  # type: ignore[no-untyped-def]
    request = parse_annual({"Year": 2025}, date(2025, 1, 1))
    meetings, known = schedule(request.rules, 2025)
    data = render_annual(2025, request.rules, meetings, known, "机关第一党支部")
    (tmp_path / "y.odt").write_bytes(data)
    assert_valid_odt(tmp_path / "y.odt")
    content = zipfile.ZipFile(tmp_path / "y.odt").read("content.xml").decode("utf-8")
    assert "机关第一党支部2025年“三会一课”年度安排" in content
    assert "支委会原定2月3日（星期一），逢春节顺延至2月5日（星期三）。" in content
