"""The InsertPlan dialog, created from the INSTALLED extension's XDL over the bridge, filled
through its controls and confirmed through its event handler as LibreOffice calls it.
(The whole click path, with real keys in a real window, is in tests/gui.)"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

import pytest

from sanhui.office.plan_dialog import PlanDialog
from tests.office.docs import paragraphs

TODAY = date(2023, 9, 1)


@pytest.fixture
def dialog(office: Any, writer: Any) -> Iterator[PlanDialog]:
    frame = writer.getCurrentController().getFrame()
    dlg = office.call(PlanDialog, office.ctx, frame, "zh", {"Meeting": "general", "Month": "2023-09",
                                                           "Branch": "机关第一党支部", "Place": "三楼会议室"}, TODAY)
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def _set(dlg: PlanDialog, **values: str) -> None:
    for name, value in values.items():
        dlg.control(name).setText(value)


def test_labels_are_localized_and_values_prefilled(dialog: PlanDialog) -> None:
    # what the window shows (the model keeps the &keys; the peers show the resolved strings)
    assert dialog.dialog.getAccessibleContext().getAccessibleName() == "插入“三会一课”方案"
    assert dialog.control("lblMeeting").getPeer().getText() == "会议类型"
    assert dialog.control("Meeting").getSelectedItem() == "党员大会"
    assert dialog.control("Notes").getSelectedItem() == "以批注插入"
    assert (dialog.control("Month").getText(), dialog.control("Place").getText()) == ("2023-09", "三楼会议室")


def test_confirmed_input_becomes_the_request(dialog: PlanDialog) -> None:
    _set(dialog, Date="9月25日下午3点", Expected="30", Present="28", Absent="张三（出差）；李四（病假）")
    dialog.callHandlerMethod(dialog.dialog, None, "onDateLeft")
    assert dialog.control("Date").getText() == "2023年9月25日 15:00"  # shown back in GB/T 9704 form
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is not None
    details = dialog.result.details
    got = (details.time, details.place, details.expected, details.present)
    assert got == ("2023年9月25日 15:00", "三楼会议室", 30, 28)


def test_bad_input_keeps_the_dialog_open_with_the_message(dialog: PlanDialog) -> None:
    _set(dialog, Date="2023年2月30日")
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is None
    assert dialog.control("Status").getModel().Label == "会议时间（Date）“2023年2月30日”不是日历上的日期。"


def test_a_warning_is_shown_once_then_a_second_ok_goes_on(dialog: PlanDialog) -> None:
    _set(dialog, Expected="30", Present="12")
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is None and "第十一条" in dialog.control("Status").getModel().Label
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is not None


def test_details_are_greyed_out_for_the_whole_month(dialog: PlanDialog) -> None:
    dialog.control("Meeting").selectItemPos(4, True)
    dialog.callHandlerMethod(dialog.dialog, None, "onMeetingChanged")
    assert not dialog.control("Place").getModel().Enabled
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is not None and dialog.result.meeting is None and dialog.result.details.is_empty()


def test_interactive_dispatch_under_headless_is_a_cancel_and_changes_nothing(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Interactive": True, "Meeting": "group"})
    assert (state, result) == (1, "已取消，文档未作更改。")
    assert [p.text for p in paragraphs(writer)] == [""]
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Interactive": True, "Month": "2023-13"})
    assert state == 0 and "月份（Month）" in result  # named, not shown in the dialog as something else
    assert [p.text for p in paragraphs(writer)] == [""]


def test_read_only_is_said_before_the_dialog(office: Any, writer: Any, tmp_path: Any) -> None:
    path = office.store(writer, tmp_path / "ro.odt", "writer8")
    doc = office.load(path, readonly=True)
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan")
        assert state == 0 and "只读" in result
    finally:
        office.close(doc)
