"""The branch profile in a real LibreOffice: the settings schema of the installed extension, what is
saved surviving a restart (and a crash), and the Tools › Options page built from the installed XDL
with its handler from the installed component, driven through its "initialize" / "ok" / "back" events
as the Options dialog sends them.

The office code is imported here too: pyuno works over the bridge, so `load_profile(office.ctx)` reads
the office's configuration exactly as the extension does inside it.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, Tuple

import pytest

from devtools import process
from devtools.office import props
from sanhui.forms.annual_form import DEFAULT_RULES
from sanhui.forms.profile_form import PROFILE_FIELDS
from sanhui.model.profile import RECENT_FIELDS, RULE_NAMES, BranchProfile, Member, PartyGroup, Recent
from sanhui.office.settings import load_profile, load_recent, save_profile, save_recent
from tests.support import IDENTIFIER, office_with_extension, writer_document

if TYPE_CHECKING:
    from devtools.office import Office

HANDLER = "org.sanhui.writer.OptionsPageHandler"
PAGE_XDL = f"vnd.sun.star.extension://{IDENTIFIER}/dialogs/OptionsPage.xdl"
OPTIONS_NODE = "/org.openoffice.Office.OptionsDialog/Nodes/org.sanhui.writer.PartyMeetings"
FULL = BranchProfile(
    branch="机关第一党支部",
    secretary="王书记",
    organizer="李委员",
    member_count=23,
    groups=(PartyGroup("第一党小组", "张三"), PartyGroup("退休党小组")),
    place="三楼党员活动室",
)


@pytest.fixture
def clean(office: Office) -> Iterator[None]:
    """An empty profile and no recent values before and after: other tests' dialogs read them."""
    def reset() -> None:
        save_profile(office.ctx, BranchProfile())
        save_recent(office.ctx, **{name: "" for name in RECENT_FIELDS})

    office.call(reset, timeout=30)
    yield
    if office.alive:
        office.call(reset, timeout=30)


def _config(office: Office, path: str) -> Any:
    from com.sun.star.beans import PropertyValue

    provider = office.create("com.sun.star.configuration.ConfigurationProvider")
    arg = PropertyValue(Name="nodepath", Value=path)
    return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))


def _registry(office: Office) -> str:
    return (office.profile_dir / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")


def _log(office: Office) -> str:
    path = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


# --- the settings -------------------------------------------------------------------------------

def test_an_unfilled_profile_is_empty(office: Office, clean: None) -> None:
    assert office.call(load_profile, office.ctx) == BranchProfile()
    assert office.call(load_recent, office.ctx) == Recent()


def test_the_schema_is_the_installed_extensions(office: Office) -> None:
    node = office.call(_config, office, "/org.sanhui.writer.Settings/Profile")
    assert sorted(node.getElementNames()) == sorted([
        "Branch", "Groups", "MemberCount", "Organizer", "Place", "Secretary", "Members",
        "CommitteeRule", "GeneralRule", "GroupRule", "LectureRule", "PartyDayRule"])
    recent = office.call(_config, office, "/org.sanhui.writer.Settings/Recent")
    assert sorted(recent.getElementNames()) == ["Attendees", "Host", "Notes", "Place", "Recorder"]


def test_a_profile_is_saved_and_read_back(office: Office, clean: None) -> None:
    started = time.perf_counter()
    office.call(save_profile, office.ctx, FULL)
    saved_ms = (time.perf_counter() - started) * 1000
    assert office.call(load_profile, office.ctx) == FULL
    # Typed as the schema says (a long, a string list), and flushed to the profile at once.
    node = office.call(_config, office, "/org.sanhui.writer.Settings/Profile")
    assert node.getByName("MemberCount") == 23
    assert tuple(node.getByName("Groups")) == ("第一党小组\t张三", "退休党小组")
    registry = _registry(office)
    assert '<item oor:path="/org.sanhui.writer.Settings/Profile"><prop oor:name="Branch" oor:op="fuse">' \
           "<value>机关第一党支部</value>" in registry
    assert "<it>第一党小组\t张三</it><it>退休党小组</it>" in registry
    assert saved_ms < 500


def test_a_smaller_profile_replaces_the_whole_old_one(office: Office, clean: None) -> None:
    office.call(save_profile, office.ctx, FULL)
    smaller = BranchProfile(branch="第二党支部", member_count=5)
    office.call(save_profile, office.ctx, smaller)
    assert office.call(load_profile, office.ctx) == smaller
    assert not smaller.has_committee()


def test_recent_values_are_remembered_one_by_one(office: Office, clean: None) -> None:
    office.call(lambda: save_recent(office.ctx, place="三楼党员活动室", attendees="联建支部书记"))
    office.call(lambda: save_recent(office.ctx, notes="body", host="王书记"))
    assert office.call(load_recent, office.ctx) == Recent(
        place="三楼党员活动室", attendees="联建支部书记", host="王书记", recorder="", notes="body")
    with pytest.raises(TypeError, match="Bogus"):
        office.call(lambda: save_recent(office.ctx, place="二楼", Bogus="x"))
    assert office.call(load_recent, office.ctx).place == "三楼党员活动室"  # nothing of that call was written


def test_settings_survive_a_restart_and_a_crash(tmp_path: Path) -> None:
    """Saved in one office, read in the next one on the same profile: after a normal quit, and after
    the office was killed with no chance to write anything (the save flushed at once)."""
    from devtools.office import Office

    profile_dir = tmp_path / "profile"
    with office_with_extension(profile_dir) as first:
        first.call(save_profile, first.ctx, FULL)
        first.call(lambda: save_recent(first.ctx, place="三楼党员活动室", notes="none"))
    with Office(profile_dir) as second:  # started again, the extension not installed again
        assert IDENTIFIER in second.installed_extensions()
        assert second.call(load_profile, second.ctx) == FULL
        assert second.call(load_recent, second.ctx) == Recent(place="三楼党员活动室", notes="none")
        crashed = BranchProfile(branch="机关第二党支部", member_count=6, groups=(PartyGroup("第一党小组"),))
        second.call(save_profile, second.ctx, crashed)
        assert second.pid is not None
        process.kill_group(second.pid)  # SIGKILL: no terminate(), no shutdown flush
        second.stop()
    with Office(profile_dir) as third:
        assert third.call(load_profile, third.ctx) == crashed


# --- the options page ---------------------------------------------------------------------------

def test_the_options_dialog_knows_the_page(office: Office) -> None:
    node = office.call(_config, office, OPTIONS_NODE)
    assert node.getByName("Label") == "三会一课"  # the zh-CN UI's label
    leaf = node.getByName("Leaves").getByName("org.sanhui.writer.BranchProfile")
    assert leaf.getByName("Label") == "支部信息"
    assert leaf.getByName("Id") == IDENTIFIER
    assert leaf.getByName("EventHandlerService") == HANDLER
    url = leaf.getByName("OptionsPage")  # %origin% became the installed package's folder
    assert url.startswith("vnd.sun.star.expand:$UNO_USER_PACKAGES_CACHE/")
    assert url.endswith(".oxt/dialogs/OptionsPage.xdl")


def test_the_node_has_four_pages_in_order(office: Office) -> None:
    leaves = office.call(_config, office, OPTIONS_NODE).getByName("Leaves")
    pages = sorted((leaves.getByName(n).getByName("GroupIndex"), leaves.getByName(n).getByName("Label"),
                    leaves.getByName(n).getByName("OptionsPage").rsplit("/", 1)[-1],
                    leaves.getByName(n).getByName("EventHandlerService"),
                    leaves.getByName(n).getByName("GroupId")) for n in leaves.getElementNames())
    assert pages == [
        (0, "支部信息", "OptionsPage.xdl", HANDLER, "org.sanhui.writer.PartyMeetings"),
        (1, "党员名册", "OptionsRosterPage.xdl", HANDLER, "org.sanhui.writer.PartyMeetings"),
        (2, "会议日程", "OptionsRulesPage.xdl", HANDLER, "org.sanhui.writer.PartyMeetings"),
        (3, "方案模板", "OptionsTemplatesPage.xdl", HANDLER, "org.sanhui.writer.PartyMeetings"),
    ]


def test_the_handler_is_the_installed_component(office: Office) -> None:
    names = office.call(lambda: office.smgr.getAvailableServiceNames(), timeout=30)
    assert HANDLER in names
    handler = office.create(HANDLER)
    assert handler is not None
    assert handler.getImplementationName() == HANDLER
    assert handler.supportsService(HANDLER)
    assert tuple(handler.getSupportedMethodNames()) == (
        "external_event", "import_roster", "template_selected", "template_default", "template_rename",
        "template_delete", "template_export", "template_import")
    assert not hasattr(handler, "ctx")  # a proxy of the office's object, not a local Python one


class Page:
    """An options page created from the installed XDL as the Options dialog creates it, with the
    installed handler; `event` sends what the dialog's buttons send."""

    def __init__(self, office: Office, doc: Any, xdl: str = PAGE_XDL, names: Tuple[str, ...] = PROFILE_FIELDS) -> None:
        self.office = office
        self.names = names
        self.handler = office.create(HANDLER)
        provider = office.create("com.sun.star.awt.ContainerWindowProvider")

        def create() -> Any:
            parent = doc.getCurrentController().getFrame().getContainerWindow()
            return provider.createContainerWindow(xdl, "", parent, self.handler)

        self.window = office.call(create, timeout=60)
        assert self.window is not None

    def event(self, name: str) -> bool:
        return bool(self.office.call(self.handler.callHandlerMethod, self.window, name, "external_event"))

    def fields(self) -> Dict[str, str]:
        return self.office.call(
            lambda: {name: self.window.getControl(name).getModel().Text for name in self.names})

    def enter(self, **values: str) -> None:
        def set_texts() -> None:
            for name, value in values.items():
                self.window.getControl(name).getModel().Text = value

        self.office.call(set_texts)

    def shown(self, control: str) -> str:
        """What a control shows (its peer's text: the model keeps `&key` for a localized string)."""
        return str(self.office.call(lambda: self.window.getControl(control).getPeer().getProperty("Text")))

    def status(self) -> Tuple[str, int]:
        return self.office.call(lambda: (self.window.getControl("Status").getModel().Label,
                                         self.window.getControl("Status").getModel().TextColor))


@pytest.fixture
def page(office: Office, clean: None) -> Iterator[Page]:
    with writer_document(office) as doc:
        yield Page(office, doc)


def test_the_page_is_localized_from_its_properties(page: Page) -> None:
    assert page.shown("lblBranch") == "支部名称"
    assert page.shown("lblMemberCount") == "正式党员人数"
    assert page.shown("lblGroupsHint") == "每行一个，如：第一党小组 张三"
    assert page.shown("lblIntro").startswith("这里填写的支部信息用于预填“三会一课”各对话框")


def test_initialize_fills_the_page_from_the_saved_profile(page: Page) -> None:
    page.office.call(save_profile, page.office.ctx, FULL)
    assert page.event("initialize") is True
    assert page.fields() == {
        "Branch": "机关第一党支部",
        "Secretary": "王书记",
        "Organizer": "李委员",
        "MemberCount": "23",
        "Groups": "第一党小组 张三\n退休党小组",
        "UsualPlace": "三楼党员活动室",
    }
    assert page.status()[0] == ""


def test_ok_saves_what_was_typed(page: Page) -> None:
    page.office.call(save_profile, page.office.ctx, FULL)
    page.event("initialize")
    page.enter(Secretary="赵书记", MemberCount="6", Groups="第一党小组：张三\n\n第二党小组,李四\n")
    assert page.event("ok") is True
    saved = page.office.call(load_profile, page.office.ctx)
    assert saved == BranchProfile("机关第一党支部", "赵书记", "李委员", 6,
                                  (PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四")),
                                  "三楼党员活动室")
    message, color = page.status()  # a branch this small has no committee: the page says what follows
    assert message == "正式党员不足7人的支部不设支委会：整月方案将不含支委会方案。"
    assert color == 0x555555
    assert "branch profile saved" in _log(page.office)
    # Apply's own "back" shows the profile as it was saved (the group lines in their usual form).
    page.event("back")
    assert page.fields()["Groups"] == "第一党小组 张三\n第二党小组 李四"


def test_a_bad_member_count_is_shown_and_nothing_is_saved(page: Page) -> None:
    page.office.call(save_profile, page.office.ctx, FULL)
    page.event("initialize")
    page.enter(Secretary="赵书记", MemberCount="二十三")
    assert page.event("ok") is True
    message, color = page.status()
    assert message == "正式党员人数（MemberCount）应为 0 到 10000 之间的整数，收到的是“二十三”。"
    assert color == 0xC9211E
    assert page.office.call(load_profile, page.office.ctx) == FULL  # the old profile, whole
    assert "branch profile not saved: 正式党员人数（MemberCount）" in _log(page.office)
    # LibreOffice 7.4 follows Apply's "ok" with a "back": what was typed and the message stay.
    page.event("back")
    assert page.fields()["MemberCount"] == "二十三"
    assert page.fields()["Secretary"] == "赵书记"
    assert page.status()[0] == message
    # A Reset pressed later resets.
    time.sleep(1.1)
    page.event("back")
    assert page.fields()["MemberCount"] == "23"
    assert page.fields()["Secretary"] == "王书记"
    assert page.status()[0] == ""


def test_a_group_named_twice_is_refused(page: Page) -> None:
    page.event("initialize")
    page.enter(Branch="机关第一党支部", Groups="第一党小组 张三\n第一党小组 李四")
    page.event("ok")
    assert page.status()[0] == "党小组（Groups）中“第一党小组”出现了两次（第 1 行和第 2 行），请删去一行。"
    assert page.office.call(load_profile, page.office.ctx) == BranchProfile()


def test_other_methods_are_not_handled(page: Page) -> None:
    assert page.office.call(page.handler.callHandlerMethod, page.window, "ok", "something_else") is False


@pytest.mark.parametrize(("locale", "label", "message"), [
    ("en-US", "Full members", "Full members (MemberCount) must be a whole number from 0 to 10000; got “x”."),
    # no OptionsPage_de_DE.properties: OptionsPage_en_US.default makes English the fallback
    ("de-DE", "Full members", "Full members (MemberCount) must be a whole number from 0 to 10000; got “x”."),
])
def test_the_page_in_other_ui_languages(tmp_path: Path, locale: str, label: str, message: str) -> None:
    with office_with_extension(tmp_path / "profile", locale=locale) as other, writer_document(other) as doc:
        page = Page(other, doc)
        assert page.shown("lblMemberCount") == label
        page.event("initialize")
        page.enter(MemberCount="x")
        page.event("ok")
        assert page.status()[0] == message
        roll = Page(other, doc, ROLL_XDL, ("Roll",))  # the other pages speak the same language
        assert roll.shown("lblRoll") == "Member roll" and roll.shown("Import") == "Import from sheet…"
        roll.event("initialize")
        roll.enter(Roll="张三\n张三")
        roll.event("ok")
        assert roll.status()[0].startswith("Member roll (Roll): “张三” appears twice (lines 1 and 2).")
        rules = Page(other, doc, RULES_XDL, RULE_NAMES)
        assert rules.shown("lblGeneralRule") == "General meeting"
        rules.event("initialize")
        rules.enter(GroupRule="x")
        rules.event("ok")
        assert rules.status()[0].startswith("Party group rule (GroupRule) “x” cannot be read.")


# --- the member roll page (党员名册) ---------------------------------------------------------------

ROLL_XDL = f"vnd.sun.star.extension://{IDENTIFIER}/dialogs/OptionsRosterPage.xdl"
RULES_XDL = f"vnd.sun.star.extension://{IDENTIFIER}/dialogs/OptionsRulesPage.xdl"
ROLL = (Member("王书记", "第一党小组", committee=True), Member("张三", "第一党小组"),
        Member("李四", "退休党小组", probationary=True), Member("赵六"))
ROLL_TEXT = "王书记 第一党小组 支委\n张三 第一党小组\n李四 退休党小组 预备\n赵六"
SHEET = [["机关第一党支部党员名册", "", "", ""], ["姓名", "所在党小组", "党员类别", "党内职务"],
         ["王书记", "第一党小组", "正式党员", "书记"], ["张三", "第一党小组", "正式党员", ""], ["", "", "", ""],
         ["李四", "退休党小组", "预备党员", ""], ["赵六", "", "正式党员", "否"]]


@pytest.fixture
def roll_page(office: Office, clean: None) -> Iterator[Page]:
    with writer_document(office) as doc:
        yield Page(office, doc, ROLL_XDL, ("Roll",))


@pytest.fixture
def rules_page(office: Office, clean: None) -> Iterator[Page]:
    with writer_document(office) as doc:
        yield Page(office, doc, RULES_XDL, RULE_NAMES)


def test_the_roll_page_is_localized(roll_page: Page) -> None:
    assert roll_page.shown("lblRoll") == "党员名册"
    assert roll_page.shown("Import") == "从表格导入…"
    assert roll_page.shown("lblIntro").startswith("每行一人：姓名 党小组 预备 支委。")


def test_the_roll_page_shows_the_saved_roll_and_its_counts(roll_page: Page) -> None:
    roll_page.office.call(save_profile, roll_page.office.ctx, dataclasses.replace(FULL, members=ROLL))
    roll_page.event("initialize")
    assert roll_page.fields() == {"Roll": ROLL_TEXT}
    assert roll_page.status() == ("共 4 人，正式 3，预备 1，支委 1。\n"
                                  "注意：“支部信息”中的正式党员人数为 23，名册中正式党员 3 人。", 0x555555)


def test_ok_on_the_roll_page_saves_the_roll_and_keeps_the_rest(roll_page: Page) -> None:
    office = roll_page.office
    office.call(save_profile, office.ctx, dataclasses.replace(FULL, member_count=None))
    roll_page.event("initialize")
    assert roll_page.status()[0] == "名册为空：签到表将留出空白行，手写姓名。"
    roll_page.enter(Roll="王书记\t第一党小组\t正式党员\t支委\n张三 第一党小组\n\n李四 退休党小组 预备\n赵六\n")
    assert roll_page.event("ok") is True
    saved = office.call(load_profile, office.ctx)
    assert saved == dataclasses.replace(FULL, member_count=None, members=ROLL)
    assert roll_page.status() == ("共 4 人，正式 3，预备 1，支委 1。", 0x555555)
    node = office.call(_config, office, "/org.sanhui.writer.Settings/Profile")
    assert tuple(node.getByName("Members"))[:2] == ("王书记\t第一党小组\t正式\t支委", "张三\t第一党小组\t正式\t")
    roll_page.event("back")  # Apply's own "back": the roll as saved, the counts kept
    assert roll_page.fields() == {"Roll": ROLL_TEXT}
    assert roll_page.status()[0] == "共 4 人，正式 3，预备 1，支委 1。"
    assert "member roll saved: 共 4 人" in _log(office)


def test_a_group_not_in_the_profile_is_noted_not_refused(roll_page: Page) -> None:
    roll_page.office.call(save_profile, roll_page.office.ctx, FULL)
    roll_page.event("initialize")
    roll_page.enter(Roll="张三 第三党小组")
    roll_page.event("ok")
    assert roll_page.office.call(load_profile, roll_page.office.ctx).members == (Member("张三", "第三党小组"),)
    assert "注意：党小组“第三党小组”不在“支部信息”的党小组中。" in roll_page.status()[0]


def test_a_bad_roll_is_refused_naming_the_line_and_kept_on_the_page(roll_page: Page) -> None:
    office = roll_page.office
    office.call(save_profile, office.ctx, dataclasses.replace(FULL, members=ROLL))
    roll_page.event("initialize")
    roll_page.enter(Roll="张三\n李四 第一党小组\n张三 第二党小组")
    roll_page.event("ok")
    message = "党员名册（Roll）中“张三”出现了两次（第 1 行和第 3 行）。如确有同名党员，请加以区分，如“张三（大）”。"
    assert roll_page.status() == (message, 0xC9211E)
    assert office.call(load_profile, office.ctx).members == ROLL
    assert "member roll not saved: 党员名册（Roll）" in _log(office)
    roll_page.event("back")  # Apply's "back": what was typed stays to be corrected
    assert roll_page.fields()["Roll"] == "张三\n李四 第一党小组\n张三 第二党小组"
    assert roll_page.status()[0] == message
    time.sleep(1.1)
    roll_page.event("back")  # Reset, later: the saved roll
    assert roll_page.fields()["Roll"] == ROLL_TEXT


def test_the_profile_page_and_the_roll_page_save_one_after_the_other(office: Office, clean: None) -> None:
    """OK sends "ok" to every page shown: each keeps what the other saved."""
    with writer_document(office) as doc:
        profile_page, roll_page = Page(office, doc), Page(office, doc, ROLL_XDL, ("Roll",))
        profile_page.event("initialize")
        roll_page.event("initialize")
        profile_page.enter(Branch="机关第二党支部", MemberCount="3")
        roll_page.enter(Roll="张三\n李四 预备")
        profile_page.event("ok")
        roll_page.event("ok")
        saved = office.call(load_profile, office.ctx)
        assert (saved.branch, saved.member_count) == ("机关第二党支部", 3)
        assert saved.members == (Member("张三"), Member("李四", probationary=True))
        profile_page.enter(Secretary="王书记")
        profile_page.event("ok")
        assert office.call(load_profile, office.ctx).members == saved.members


def test_the_saved_roll_is_the_sign_in_sheet(roll_page: Page, office: Office, writer: Any) -> None:
    roll_page.event("initialize")
    roll_page.enter(Roll=ROLL_TEXT)
    roll_page.event("ok")
    state, result = office.dispatch(writer, "sanhui:InsertSignIn", {"Meeting": "general"})
    assert state == 1, result
    rows = [tuple(str(c) for c in r) for r in writer.getTextTables().getByIndex(0).getDataArray()]
    assert [r[1] for r in rows[1:5]] == ["王书记", "张三", "李四（预备党员）", "赵六"]


# --- importing a sheet --------------------------------------------------------------------------

def _calc_sheet(office: Office, path: Path, filter_name: str) -> Path:
    """SHEET written by LibreOffice Calc itself in the format of `filter_name`."""
    doc = office.call(lambda: office.desktop.loadComponentFromURL(
        "private:factory/scalc", "_blank", 0, props(Hidden=True)))
    try:
        def fill() -> None:
            sheet = doc.getSheets().getByIndex(0)
            for r, cells in enumerate(SHEET):
                for c, value in enumerate(cells):
                    if value:
                        sheet.getCellByPosition(c, r).setString(value)
            sheet.getCellByPosition(4, 1).setString("序号")
            sheet.getCellByPosition(4, 2).setValue(1)
            sheet.getCellByPosition(4, 4).setValue(3)  # a numbered row without a name

        office.call(fill)
        if filter_name.startswith("Text"):  # CSV in UTF-8 (FilterOptions: comma, quote, UTF-8)
            office.call(lambda: doc.storeToURL(path.as_uri(), props(FilterName=filter_name,
                                                                    FilterOptions="44,34,76")))
            return path
        return office.store(doc, path, filter_name)
    finally:
        office.close(doc)


def _import(page: Page, path: Path) -> Tuple[str, bool]:
    from sanhui.office.options_roster import import_into

    return page.office.call(import_into, page.office.ctx, page.window, path.as_uri(), "zh", timeout=60)


IMPORTED = "王书记 第一党小组 支委\n张三 第一党小组\n李四 退休党小组 预备\n赵六"


@pytest.mark.parametrize(("name", "filter_name"), [
    ("名册.xlsx", "Calc MS Excel 2007 XML"),  # read by forms/roster_import.py
    ("名册.ods", "calc8"),  # read through LibreOffice
    ("名册.xls", "MS Excel 97"),
    ("名册.csv", "Text - txt - csv (StarCalc)"),
])
def test_a_sheet_saved_by_calc_is_imported_into_the_page(roll_page: Page, tmp_path: Path, name: str,
                                                         filter_name: str) -> None:
    office = roll_page.office
    office.call(save_profile, office.ctx, dataclasses.replace(FULL, members=ROLL[:1]))
    roll_page.event("initialize")
    path = _calc_sheet(office, tmp_path / name, filter_name)
    message, error = _import(roll_page, path)
    assert not error, message
    assert message == (f"已从“{name}”读入 4 人（正式 3，预备 1，支委 1）。核对无误后按“确定”或“应用”保存。\n"
                       "已跳过 1 行没有姓名的行。")
    assert roll_page.fields() == {"Roll": IMPORTED}
    assert office.call(load_profile, office.ctx).members == ROLL[:1]  # not saved before OK
    roll_page.event("ok")
    assert office.call(load_profile, office.ctx).members == ROLL


def test_a_gbk_csv_is_imported(roll_page: Page, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes("\r\n".join(",".join(r) for r in SHEET).encode("gbk"))
    roll_page.event("initialize")
    message, error = _import(roll_page, path)
    assert not error, message
    assert roll_page.fields() == {"Roll": IMPORTED}


def test_a_sheet_that_cannot_be_read_leaves_the_page_as_it_was(roll_page: Page, tmp_path: Path) -> None:
    roll_page.event("initialize")
    roll_page.enter(Roll="张三")
    path = tmp_path / "名单.csv"
    path.write_text("名单,小组\n张三,一组\n", encoding="utf-8")
    message, error = _import(roll_page, path)
    assert error and message.startswith("导入的表格（RosterFile）“名单.csv”的前 20 行中找不到“姓名”列")
    missing, error = _import(roll_page, tmp_path / "没有.csv")
    assert error and missing.startswith("无法读取“没有.csv”：")
    assert roll_page.fields() == {"Roll": "张三"}


@pytest.mark.parametrize("name", ["名册.ods", "名册.xls", "名册.xlsx"])
def test_a_sheet_larger_than_any_roll_is_refused_unopened(roll_page: Page, tmp_path: Path, name: str) -> None:
    roll_page.event("initialize")
    roll_page.enter(Roll="张三")
    path = tmp_path / name
    with path.open("wb") as big:  # 21 MiB: no LibreOffice filter gets to read it
        big.truncate(21 * 1024 * 1024)
    message, error = _import(roll_page, path)  # before, LibreOffice opened .ods/.xls of any size
    assert error and message == f"导入的表格（RosterFile）“{name}”太大（21.0 MiB），最多 20.0 MiB。", message
    assert roll_page.fields() == {"Roll": "张三"}


def test_the_import_button_without_a_window_is_a_cancelled_picker(roll_page: Page) -> None:
    """Headless, the file picker returns at once as cancelled: nothing changes, nothing fails."""
    roll_page.event("initialize")
    roll_page.enter(Roll="张三")
    since = len(_log(roll_page.office))  # the office's log is the whole session's: only what comes now
    assert roll_page.office.call(roll_page.handler.callHandlerMethod, roll_page.window, None, "import_roster")
    assert roll_page.fields() == {"Roll": "张三"}
    assert "ERROR" not in _log(roll_page.office)[since:]


# --- the schedule rules page (会议日程) ----------------------------------------------------------

def test_the_rules_page_shows_the_defaults_and_the_branchs_rules(rules_page: Page) -> None:
    assert rules_page.shown("lblGeneralRule") == "党员大会"
    rules_page.office.call(save_profile, rules_page.office.ctx,
                           BranchProfile(rules=(("PartyDayRule", "每月最后一个星期五"),)))
    rules_page.event("initialize")
    assert rules_page.fields() == {**DEFAULT_RULES, "PartyDayRule": "每月最后一个星期五"}


def test_a_branch_without_committee_sees_its_rule_greyed_and_why(rules_page: Page) -> None:
    office = rules_page.office
    enabled = lambda: office.call(lambda: rules_page.window.getControl("CommitteeRule").getModel().Enabled)  # noqa: E731
    rules_page.event("initialize")
    assert enabled() and rules_page.status()[0] == ""  # nothing known yet: the committee stays
    office.call(save_profile, office.ctx, dataclasses.replace(FULL, member_count=5))
    rules_page.event("initialize")
    assert not enabled()
    assert rules_page.status()[0] == "正式党员不足7人的支部不设支委会：年度安排不排支委会，支委会一项不使用。"
    office.call(save_profile, office.ctx, FULL)
    rules_page.event("initialize")
    assert enabled() and rules_page.status()[0] == ""


def test_ok_on_the_rules_page_saves_what_differs_from_the_default(rules_page: Page) -> None:
    office = rules_page.office
    office.call(save_profile, office.ctx, dataclasses.replace(FULL, members=ROLL))
    rules_page.event("initialize")
    rules_page.enter(GeneralRule="每季度首月15日", GroupRule="", PartyDayRule="每月 第一个星期五")
    rules_page.event("ok")
    saved = office.call(load_profile, office.ctx)
    assert saved == dataclasses.replace(FULL, members=ROLL, rules=(("GeneralRule", "每季度首月15日"),))
    node = office.call(_config, office, "/org.sanhui.writer.Settings/Profile")
    assert (node.getByName("GeneralRule"), node.getByName("GroupRule"), node.getByName("PartyDayRule")) == (
        "每季度首月15日", "", "")
    assert rules_page.status() == (
        "会议日程规则已保存（1 项自定义，其余为默认）。插入年度安排时使用这些规则。", 0x555555)
    rules_page.event("back")
    assert rules_page.fields()["GroupRule"] == DEFAULT_RULES["GroupRule"]  # emptied: the default again


def test_a_bad_rule_is_refused_naming_its_field(rules_page: Page) -> None:
    office = rules_page.office
    office.call(save_profile, office.ctx, BranchProfile(rules=(("LectureRule", "每季度末月最后一个星期五"),)))
    rules_page.event("initialize")
    rules_page.enter(GeneralRule="每季度首月15日", LectureRule="每月第八个星期五")
    rules_page.event("ok")
    message, color = rules_page.status()
    assert message.startswith("党课安排规则（LectureRule）“每月第八个星期五”无法识别。")
    assert color == 0xC9211E
    assert office.call(load_profile, office.ctx).rules == (("LectureRule", "每季度末月最后一个星期五"),)
    rules_page.event("back")
    assert rules_page.fields()["LectureRule"] == "每月第八个星期五"


def test_the_saved_rules_make_the_years_schedule(rules_page: Page, office: Office, writer: Any) -> None:
    rules_page.event("initialize")
    rules_page.enter(GeneralRule="每季度首月15日")
    rules_page.event("ok")
    state, result = office.dispatch(writer, "sanhui:InsertAnnualPlan", {"Year": 2025})
    assert state == 1, result
    rows = [tuple(str(c) for c in r) for r in writer.getTextTables().getByName("2025年三会一课安排").getDataArray()]
    assert rows[0][2] == "党员大会"
    assert [r[2] for r in rows[1:5]] == ["1月15日（星期三）", "", "", "4月15日（星期二）"]
