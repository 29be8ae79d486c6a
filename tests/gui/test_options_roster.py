"""Tools › Options › 三会一课 › 党员名册 and 会议日程 as a person sees them: the real Options dialog in a
real window, opened on the page, typed into with real keys, a sheet chosen in LibreOffice's own file
picker by typing its path, confirmed or applied with real clicks; the profile is then read back from
the configuration and the sign-in sheet made from it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from devtools.options_dialog import ROLL_LEAF, RULES_LEAF
from devtools.xvfb import wait_for
from sanhui.forms.annual_form import DEFAULT_RULES
from sanhui.model.profile import BranchProfile, Member, PartyGroup
from sanhui.office.settings import load_profile
from tests.gui.window import options_dialog, profile_saved

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(300)

SAVED = BranchProfile(branch="机关第一党支部", secretary="王书记", groups=(PartyGroup("第一党小组", "张三"),))
BAD_RULE = ("党员大会安排规则（GeneralRule）“每月第八个星期五”无法识别。可写成如“每月第一个星期五”“每月最后一个星期三”"
            "“每季度末月第二个星期三”“每月15日”。")


@pytest.fixture
def saved(gui_office: Office) -> Iterator[BranchProfile]:
    """SAVED as the profile during the test, an empty one after it (other dialogs' tests read it)."""
    with profile_saved(gui_office, SAVED) as profile:
        yield profile


def _profile(office: Office) -> BranchProfile:
    return office.call(load_profile, office.ctx)


def _sign_in_names(office: Office, writer: Any) -> list[str]:
    state, result = office.dispatch(writer, "sanhui:InsertSignIn", {"Meeting": "general"})
    assert state == 1, result

    def names() -> list[str]:
        rows = writer.getTextTables().getByIndex(0).getDataArray()
        return [str(row[1]) for row in rows[1:] if str(row[0]).isdigit() and str(row[1])]

    return office.call(names)


def test_a_roll_typed_on_the_page_is_saved_and_lists_the_sign_in_sheet(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path, ROLL_LEAF) as options:
        assert options.title() == "选项 - 三会一课 - 党员名册"
        assert options.status() == "名册为空：签到表将留出空白行，手写姓名。"
        options.type_into("党员名册", "王书记 第一党小组 支委\n张三 第一党小组\n李四 第一党小组 预备")
        for _ in range(3):  # a click on Apply can be lost (see devtools.options_dialog)
            options.press("应用")
            with contextlib.suppress(TimeoutError):
                wait_for("the counts on the status line",
                         lambda: options.status().startswith("共 3 人，正式 2，预备 1，支委 1。") or None, 5)
                break
        assert options.status() == "共 3 人，正式 2，预备 1，支委 1。"
        options.press("确定")
        options.wait_closed()
    assert _profile(gui_office).members == (
        Member("王书记", "第一党小组", committee=True), Member("张三", "第一党小组"),
        Member("李四", "第一党小组", probationary=True))
    assert _profile(gui_office).branch == "机关第一党支部"  # the other page's values kept
    assert _sign_in_names(gui_office, writer) == ["王书记", "张三", "李四（预备党员）"]


def test_a_csv_chosen_in_the_file_picker_fills_the_page(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    sheet = tmp_path / "roster.csv"  # as Chinese Excel saves “CSV”: GBK, a title row above the header
    sheet.write_bytes("党员名册,,,\r\n姓名,所在党小组,党员类别,是否支委\r\n赵一,第一党小组,正式党员,是\r\n"
                      "钱二,第一党小组,预备党员,否\r\n,,,\r\n孙三,,正式党员,\r\n".encode("gbk"))
    with options_dialog(gui_office, xvfb, writer, tmp_path, ROLL_LEAF) as options:
        options.choose_file("从表格导入…", str(sheet))
        wait_for("the import's message", lambda: options.status().startswith("已从“roster.csv”读入 3 人") or None, 15)
        assert options.status() == ("已从“roster.csv”读入 3 人（正式 2，预备 1，支委 1）。"
                                    "核对无误后按“确定”或“应用”保存。")
        assert _profile(gui_office).members == ()  # not saved before OK
        # (The page's text is not read back here: after a modal window under Xvfb the page takes
        # clicks only now and then; OK saves exactly what the page holds, checked below.)
        options.press("确定")
        options.wait_closed()
    assert _profile(gui_office).members == (Member("赵一", "第一党小组", committee=True),
                                            Member("钱二", "第一党小组", probationary=True), Member("孙三"))
    assert _sign_in_names(gui_office, writer) == ["赵一", "钱二（预备党员）", "孙三"]


def test_a_bad_rule_is_refused_naming_its_field(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path, RULES_LEAF) as options:
        assert options.title() == "选项 - 三会一课 - 会议日程"
        assert options.fields() == {"支委会": DEFAULT_RULES["CommitteeRule"], "党员大会": DEFAULT_RULES["GeneralRule"],
                                    "党小组会": DEFAULT_RULES["GroupRule"], "党课": DEFAULT_RULES["LectureRule"],
                                    "主题党日": DEFAULT_RULES["PartyDayRule"]}
        options.type_into("党员大会", "每月第八个星期五")
        before = xvfb.windows()
        options.press("应用")
        box, message = options.message_box(before)
        assert message == f"三会一课: {BAD_RULE}\n会议日程规则未保存，仍为原来的设置。"
        options.close_box(box)
        assert options.status() == BAD_RULE
        assert options.fields()["党员大会"] == "每月第八个星期五"  # still there to correct
        assert _profile(gui_office) == SAVED
        options.press("取消")  # (under Xvfb the page takes no click after a message box)
        options.wait_closed()
    assert _profile(gui_office) == SAVED
    # Opened again: the rules in use, and a rule the reader knows is saved.
    with options_dialog(gui_office, xvfb, writer, tmp_path, RULES_LEAF) as options:
        assert options.fields()["党员大会"] == DEFAULT_RULES["GeneralRule"]
        options.type_into("党员大会", "每季度首月15日")
        options.press("确定")
        options.wait_closed()
    assert _profile(gui_office).rules == (("GeneralRule", "每季度首月15日"),)
    assert _profile(gui_office).branch == "机关第一党支部"


def test_an_ods_chosen_in_the_file_picker_is_read_through_libreoffice(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    """An .ods is opened by LibreOffice itself, hidden, while the Options dialog is up."""
    from devtools.office import props

    sheet = tmp_path / "roster.ods"
    doc = gui_office.call(lambda: gui_office.desktop.loadComponentFromURL(
        "private:factory/scalc", "_blank", 0, props(Hidden=True)))
    try:
        def fill() -> None:
            cells = doc.getSheets().getByIndex(0)
            for r, row in enumerate([["姓名", "党小组", "身份", "职务"], ["周八", "第一党小组", "预备党员", ""],
                                     ["吴九", "", "正式党员", "组织委员"]]):
                for c, value in enumerate(row):
                    cells.getCellByPosition(c, r).setString(value)

        gui_office.call(fill)
        gui_office.store(doc, sheet, "calc8")
    finally:
        gui_office.close(doc)
    with options_dialog(gui_office, xvfb, writer, tmp_path, ROLL_LEAF) as options:
        options.choose_file("从表格导入…", str(sheet))
        wait_for("the import's message", lambda: options.status().startswith("已从“roster.ods”读入 2 人") or None, 20)
        options.press("确定")
        options.wait_closed()
    assert _profile(gui_office).members == (Member("周八", "第一党小组", probationary=True),
                                            Member("吴九", committee=True))
