"""The InsertBenchmark dialog from the INSTALLED extension's XDL: tasks pasted as lines, a bad
line named, rows removed, the list built on OK."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

import pytest

from sanhui.forms.benchmark_form import parse_benchmark
from sanhui.office.benchmark_dialog import BenchmarkDialog
from tests.office.docs import paragraphs

TODAY = date(2023, 9, 26)


@pytest.fixture
def dialog(office: Any, writer: Any) -> Iterator[BenchmarkDialog]:
    frame = writer.getCurrentController().getFrame()
    dlg = office.call(BenchmarkDialog, office.ctx, frame, "zh", {"HostA": "本支部书记王明"}, TODAY,
                      lambda values: parse_benchmark(values, TODAY))
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def test_pasted_lines_become_rows_and_a_bad_line_is_named(dialog: BenchmarkDialog) -> None:
    assert dialog.dialog.getAccessibleContext().getAccessibleName() == "插入对标提高任务清单"
    dialog.control("Paste").setText("班组建设\t积分制管理\t无量化考核\t引入积分制\t张三\t2023-10-31\n"
                                    "安全管理｜双人复核｜流于形式｜建台账｜李四｜下个月")
    dialog.callHandlerMethod(dialog.dialog, None, "onAddRows")
    assert "第 2 项的完成时限“下个月”无法识别" in dialog.control("Status").getModel().Label
    assert dialog.control("ItemList").getItemCount() == 0  # nothing of a bad paste is kept
    dialog.control("Paste").setText("班组建设\t积分制管理\t无量化考核\t引入积分制\t张三\t2023-10-31\n"
                                    "安全管理｜双人复核｜流于形式｜建台账｜李四｜2023-11-30")
    dialog.callHandlerMethod(dialog.dialog, None, "onAddRows")
    assert dialog.control("ItemList").getItems() == (
        "1. 班组建设｜张三｜2023年10月31日", "2. 安全管理｜李四｜2023年11月30日")
    dialog.control("ItemList").selectItemPos(0, True)
    dialog.callHandlerMethod(dialog.dialog, None, "onRemoveItem")
    dialog.control("Benchmark").setText("某供电公司先进党支部")
    dialog.control("Checklist").setText("班组建设\n安全管理\n")
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is not None
    bench, _ = dialog.result
    assert (bench.unit, bench.checklist, [t.item for t in bench.tasks]) == (
        "某供电公司先进党支部", ("班组建设", "安全管理"), ["安全管理"])
    assert bench.hosts == ("本支部书记王明",)


def test_a_click_under_headless_is_a_cancel(office: Any, writer: Any) -> None:
    assert office.dispatch(writer, "sanhui:InsertBenchmark") == (1, "已取消，文档未作更改。")
    assert [p.text for p in paragraphs(writer)] == [""]
