"""The benchmarking task list in the pure layers: pasted rows, status choices, the summary
line's counts and overdue tasks, and a valid fragment with drop-down statuses."""

from __future__ import annotations

from datetime import date

import pytest

from sanhui.forms.benchmark_form import SEED_THEME, parse_benchmark, parse_status, parse_task, pasted_rows
from sanhui.forms.errors import FormError
from sanhui.model.benchmark import STATUSES, TaskState, summary
from sanhui.odf.benchmark_writer import render_benchmark, summary_text
from tests.odf_schema import assert_valid_odt
from tests.unit.odf_reading import office_text, q, read_odt

TODAY = date(2023, 10, 15)


def test_pasted_lines_split_on_tabs_or_bars_and_skip_blank_lines() -> None:
    assert pasted_rows("甲\t乙\t丙\n\n  \n丁｜戊|己") == (("甲", "乙", "丙"), ("丁", "戊", "己"))


def test_the_seed_theme_is_the_default_and_rows_are_checked() -> None:
    bench, warnings = parse_benchmark({"Items": "班组建设\t积分制\t无考核\t引入积分制\t张三\t2023-10-01"}, TODAY)
    assert bench.theme == SEED_THEME and bench.unit == "（标杆单位）"
    assert bench.tasks[0].deadline == "2023年10月1日" and [w.key for w in warnings] == ["item_deadline_passed"]
    with pytest.raises(FormError) as caught:
        parse_benchmark({"Items": (("", "做法", "", "", "张三", ""),)}, TODAY)
    assert caught.value.key == "item_without_text"


def test_status_accepts_chinese_and_english_names_only() -> None:
    assert parse_status({"Status": "进行中"}) == "进行中"
    assert parse_status({"Status": "closed"}) == "已销号"
    for bad in ({"Status": "差不多"}, {}, {"State": "已完成"}):
        with pytest.raises(FormError):
            parse_status(bad)


def test_a_task_needs_its_item() -> None:
    with pytest.raises(FormError) as caught:
        parse_task({"Owner": "张三"}, TODAY)
    assert caught.value.message("zh") == "请填写事项（Item）。"


def test_summary_counts_and_overdue() -> None:
    tasks = [TaskState("1", "甲", "张三", date(2023, 10, 1), "进行中"),
             TaskState("2", "乙", "李四", date(2023, 10, 1), "已完成"),
             TaskState("3", "丙", "王五", None, "未启动"),
             TaskState("4", "丁", "赵六", date(2023, 12, 1), "已销号")]
    counts, overdue = summary(tasks, TODAY)
    assert counts == {"未启动": 1, "进行中": 1, "已完成": 1, "已销号": 1} and overdue == ["1"]
    line = summary_text(counts, overdue, "统计于 2023年10月15日")
    assert line == ("完成情况统计：未启动 1 项，进行中 1 项，已完成 1 项，已销号 1 项；逾期 1 项（第 1 项）。"
                    "（统计于 2023年10月15日）")


def test_fragment_is_valid_with_a_drop_down_per_task(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bench, _ = parse_benchmark({"Benchmark": "标杆", "Items": "甲\t\t\t\t张三\t2023-11-01\n乙"}, TODAY)
    data = render_benchmark(bench, "t9")
    (tmp_path / "b.odt").write_bytes(data)
    assert_valid_odt(tmp_path / "b.odt")
    fields = list(office_text(read_odt(data).content).iter(q("text:drop-down")))
    assert len(fields) == 2
    labels = [label.get(q("text:value")) for label in fields[0].iter(q("text:label"))]
    assert tuple(labels) == STATUSES and fields[0][-1].tail == "未启动"
