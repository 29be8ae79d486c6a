"""Tools › Options › 三会一课 › 方案模板 in a real LibreOffice: the page made from the installed XDL with
the installed handler, driven by the events the Options dialog and the page's own list and buttons
send; the templates are the files of the office's profile, the default its configuration.

The file pickers and the 删除 question return at once under --headless (cancelled, unanswered), so
what follows them — export to a file, import from one, the deletion asked for — is called here as
the handler calls it, with the file's URL or the answer given (as test_settings does for the roll's
import).
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Tuple

import pytest

from sanhui.content.pack import MAX_PACK_BYTES, ContentPack, dump_pack, load_pack
from sanhui.model.plan import Entry, Part
from sanhui.office.settings import load_default_template, save_default_template, templates_folder
from sanhui.plan_templates import TemplateStore
from tests.support import IDENTIFIER, writer_document

if TYPE_CHECKING:
    from devtools.office import Office

HANDLER = "org.sanhui.writer.OptionsPageHandler"
XDL = f"vnd.sun.star.extension://{IDENTIFIER}/dialogs/OptionsTemplatesPage.xdl"
LEAF = ("/org.openoffice.Office.OptionsDialog/Nodes/org.sanhui.writer.PartyMeetings/Leaves/"
        "org.sanhui.writer.PlanTemplates")
BUILT_IN = "内置方案（2023年9月种子方案）"
BUTTONS = ("SetDefault", "Rename", "Delete", "Export")
INFO, ERROR = 0x555555, 0xC9211E


def small_pack(word: str) -> ContentPack:
    return ContentPack(title="{month}主题党日方案",
                       parts=(Part(None, Entry(text="主题党日", children=(Entry(text=word, notes=("备注",)),))),))


@pytest.fixture
def store(office: Office) -> Iterator[TemplateStore]:
    """The office's template folder, emptied, and the built-in plan the default, before and after.
    (The folder is found from the profile here: settings.templates_folder goes through log_path,
    which keeps the first office's path for the process — one office in LibreOffice, several here.)"""
    folder = office.profile_dir / "user" / "sanhui" / "templates"

    def reset() -> None:
        if folder.exists():
            for path in folder.iterdir():
                path.unlink()
        office.call(save_default_template, office.ctx, "")

    reset()
    yield TemplateStore(folder)
    if office.alive:
        reset()


def files(store: TemplateStore) -> Dict[str, bytes]:
    """Every file of the folder with its bytes: what “nothing changed” is checked against."""
    return {p.name: p.read_bytes() for p in store.folder.iterdir()} if store.folder.exists() else {}


class Page:
    """The 方案模板 page as the Options dialog creates it, with the installed handler."""

    def __init__(self, office: Office, doc: Any) -> None:
        self.office = office
        self.handler = office.create(HANDLER)
        provider = office.create("com.sun.star.awt.ContainerWindowProvider")

        def create() -> Any:
            parent = doc.getCurrentController().getFrame().getContainerWindow()
            return provider.createContainerWindow(XDL, "", parent, self.handler)

        self.window = office.call(create, timeout=60)
        assert self.window is not None

    def event(self, name: str) -> bool:
        return bool(self.office.call(self.handler.callHandlerMethod, self.window, name, "external_event"))

    def press(self, method: str) -> bool:
        """What a button (or a click in the list) sends: its method, through the handler."""
        return bool(self.office.call(self.handler.callHandlerMethod, self.window, None, method))

    def model(self, control: str) -> Any:
        return self.office.call(lambda: self.window.getControl(control).getModel())

    def rows(self) -> List[str]:
        return list(self.office.call(lambda: self.model("Templates").StringItemList))

    def selected(self) -> List[str]:
        def read() -> List[str]:
            model = self.model("Templates")
            return [model.StringItemList[i] for i in model.SelectedItems]

        return self.office.call(read)

    def select(self, label: str) -> None:
        """Click a row: the list selects it, then tells the handler."""
        index = self.rows().index(label)
        self.office.call(lambda: setattr(self.model("Templates"), "SelectedItems", (index,)))
        assert self.press("template_selected")

    def enabled(self) -> Dict[str, bool]:
        return {name: bool(self.office.call(lambda n=name: self.model(n).Enabled)) for name in BUTTONS}

    def text(self, control: str) -> str:
        return str(self.office.call(lambda: self.model(control).Text))

    def enter(self, control: str, value: str) -> None:
        self.office.call(lambda: setattr(self.model(control), "Text", value))

    def shown(self, control: str) -> str:
        """What a control shows (its peer's text: the model keeps `&key` for a localized string)."""
        return str(self.office.call(lambda: self.window.getControl(control).getPeer().getProperty("Text")))

    def status(self) -> Tuple[str, int]:
        return self.office.call(lambda: (self.model("Status").Label, self.model("Status").TextColor))

    def call(self, function: Any, *args: Any) -> Any:
        """A function of options_templates as the handler calls it, on this page's window."""
        return self.office.call(function, self.office.ctx, self.window, *args, timeout=60)


@pytest.fixture
def page(office: Office, store: TemplateStore) -> Iterator[Page]:
    with writer_document(office) as doc:
        yield Page(office, doc)


def _default(office: Office) -> str:
    return str(office.call(load_default_template, office.ctx))


def _log(office: Office) -> str:
    path = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


# --- the page in the Options dialog ----------------------------------------------------------

def test_the_templates_live_in_the_profile(office: Office, store: TemplateStore) -> None:
    assert office.call(templates_folder, office.ctx) == store.folder


def test_the_options_dialog_knows_the_fourth_page(office: Office) -> None:
    from com.sun.star.beans import PropertyValue

    def read() -> Tuple[Any, ...]:
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        arg = PropertyValue(Name="nodepath", Value=LEAF)
        leaf = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))
        return tuple(leaf.getByName(n) for n in ("Label", "GroupIndex", "EventHandlerService", "GroupId", "Id"))

    label, index, handler, group, ident = office.call(read)
    assert (label, index, handler, group, ident) == ("方案模板", 3, HANDLER, "org.sanhui.writer.PartyMeetings",
                                                    IDENTIFIER)


def test_the_page_is_localized(page: Page) -> None:
    assert page.shown("lblTemplates") == "方案模板"
    assert [page.shown(b) for b in (*BUTTONS, "Import")] == ["设为默认", "重命名", "删除", "导出…", "导入…"]
    assert page.shown("lblDefault") == "默认模板"
    assert page.shown("lblIntro").startswith("插入方案时默认使用“默认模板”。")


def test_without_templates_the_built_in_plan_is_listed_and_is_the_default(page: Page) -> None:
    assert page.event("initialize")
    assert page.rows() == [BUILT_IN]
    assert page.selected() == [BUILT_IN]
    assert page.text("Default") == BUILT_IN
    assert page.status() == ("还没有保存的方案模板。可按“导入…”导入上级发来的模板文件，"
                             "或把文档中改好的方案保存为模板。", INFO)
    # The built-in plan can be made the default and exported, never renamed or deleted.
    assert page.enabled() == {"SetDefault": True, "Rename": False, "Delete": False, "Export": True}


def test_the_page_lists_the_saved_templates_with_the_default_chosen(page: Page, store: TemplateStore) -> None:
    store.save("十月方案", small_pack("十月"))
    store.save("九月方案", small_pack("九月"))
    page.office.call(save_default_template, page.office.ctx, "十月方案")
    page.event("initialize")
    assert page.rows() == [BUILT_IN, *sorted(["九月方案", "十月方案"])]
    assert page.selected() == ["十月方案"] and page.text("Default") == "十月方案"
    assert page.status() == ("已保存 2 个方案模板。", INFO)
    assert page.enabled() == dict.fromkeys(BUTTONS, True)
    assert page.text("NewName") == "十月方案"  # rename starts from the name
    page.select(BUILT_IN)
    assert page.enabled()["Rename"] is False and page.enabled()["Delete"] is False
    assert page.text("NewName") == ""


def test_a_default_chosen_is_saved_with_ok_and_apply(page: Page, store: TemplateStore) -> None:
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.select("九月方案")
    assert page.press("template_default")
    assert page.text("Default") == "九月方案"
    assert page.status() == ("已选“九月方案”为默认模板，按“确定”或“应用”后保存。", INFO)
    assert _default(page.office) == ""  # not before OK or Apply (Cancel forgets it)
    assert page.event("ok")
    assert _default(page.office) == "九月方案"
    assert page.status() == ("默认模板已保存：九月方案。插入方案时默认使用它。", INFO)
    assert "default template saved: 默认模板已保存：九月方案" in _log(page.office)
    page.event("back")  # Apply's own "back": the line saying what was saved stays
    assert page.status()[0] == "默认模板已保存：九月方案。插入方案时默认使用它。"
    assert page.text("Default") == "九月方案"
    # The built-in plan chosen again: stored as "".
    page.select(BUILT_IN)
    page.press("template_default")
    page.event("ok")
    assert _default(page.office) == ""


def test_a_reset_forgets_the_default_chosen(page: Page, store: TemplateStore) -> None:
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.select("九月方案")
    page.press("template_default")
    time.sleep(1.1)  # a Reset, not Apply's own "back"
    page.event("back")
    assert page.text("Default") == BUILT_IN and page.selected() == [BUILT_IN]


def test_a_default_chosen_whose_template_went_away_is_refused(page: Page, store: TemplateStore) -> None:
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.select("九月方案")
    page.press("template_default")
    store.delete("九月方案")  # (from another window, say)
    page.event("ok")
    message, color = page.status()
    assert message.startswith("没有名为“九月方案”的方案模板") and color == ERROR
    assert _default(page.office) == ""


def test_a_saved_default_that_is_gone_is_said(page: Page) -> None:
    page.office.call(save_default_template, page.office.ctx, "去年的方案")
    page.event("initialize")
    assert page.text("Default") == BUILT_IN
    assert page.status()[0].endswith("原默认模板“去年的方案”已不存在，插入方案时将使用内置方案。")


# --- rename and delete: at once ---------------------------------------------------------------

def test_rename_acts_at_once_and_the_default_follows(page: Page, store: TemplateStore) -> None:
    store.save("九月方案", small_pack("九月"))
    page.office.call(save_default_template, page.office.ctx, "九月方案")
    page.event("initialize")
    page.select("九月方案")
    page.enter("NewName", " 九月 主题党日 ")
    assert page.press("template_rename")
    assert store.names() == ["九月 主题党日"]  # no OK needed
    assert _default(page.office) == "九月 主题党日"  # InsertPlan does not look for the old name
    assert page.rows() == [BUILT_IN, "九月 主题党日"] and page.selected() == ["九月 主题党日"]
    assert page.text("Default") == "九月 主题党日"
    assert page.status() == ("已将方案模板“九月方案”改名为“九月 主题党日”（立即生效）。", INFO)


@pytest.mark.parametrize(("typed", "message"), [
    ("十月方案", "已有名为“十月方案”的方案模板。"),
    ("  ", "请填写模板名称（Name）。"),
    ("内置方案", "模板名称“内置方案”不能使用，请换一个名称。"),
])
def test_a_rename_refused_changes_nothing(page: Page, store: TemplateStore, typed: str, message: str) -> None:
    store.save("九月方案", small_pack("九月"))
    store.save("十月方案", small_pack("十月"))
    before = files(store)
    page.event("initialize")
    page.select("九月方案")
    page.enter("NewName", typed)
    page.press("template_rename")
    assert page.status() == (message, ERROR)
    assert files(store) == before


def test_the_built_in_plan_is_not_renamed_or_deleted_even_if_asked(page: Page, store: TemplateStore) -> None:
    page.event("initialize")
    page.enter("NewName", "我的方案")
    page.press("template_rename")
    assert page.status() == ("内置方案不能改名或删除。", ERROR)
    page.press("template_delete")
    assert page.status() == ("内置方案不能改名或删除。", ERROR)
    assert files(store) == {}


def test_delete_asks_first_and_headless_nothing_is_deleted(page: Page, store: TemplateStore) -> None:
    """Under --headless the 是/否 box returns unanswered: that is no."""
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.select("九月方案")
    since = len(_log(page.office))
    assert page.press("template_delete")
    assert page.status() == ("没有删除方案模板“九月方案”。", INFO)
    assert store.names() == ["九月方案"]
    assert "ERROR" not in _log(page.office)[since:]


def test_deleting_the_default_makes_the_built_in_plan_the_default(page: Page, store: TemplateStore) -> None:
    from sanhui.office.options_templates import delete

    store.save("九月方案", small_pack("九月"))
    store.save("十月方案", small_pack("十月"))
    page.office.call(save_default_template, page.office.ctx, "九月方案")
    page.event("initialize")
    page.select("九月方案")
    message, error = page.call(delete, "九月方案", "zh")  # what 是 in the box leads to
    assert not error
    assert message == "已删除方案模板“九月方案”（立即生效）。它原是默认模板，现在默认使用内置方案。"
    assert store.names() == ["十月方案"]
    assert _default(page.office) == ""
    assert page.rows() == [BUILT_IN, "十月方案"] and page.selected() == [BUILT_IN]
    assert page.text("Default") == BUILT_IN
    message, _ = page.call(delete, "十月方案", "zh")
    assert message == "已删除方案模板“十月方案”（立即生效，“取消”不能撤销）。"


# --- export and import ------------------------------------------------------------------------

def test_export_writes_a_file_that_imports_back_equal(page: Page, store: TemplateStore, tmp_path: Path) -> None:
    from sanhui.office.options_templates import export_to, import_from

    store.save("九月方案", load_pack())
    page.event("initialize")
    target = tmp_path / "九月方案.json"
    message, error = page.office.call(export_to, page.office.ctx, "九月方案", target.as_uri(), "zh")
    assert not error
    assert message == "已将“九月方案”导出到“九月方案.json”。可把这个文件发给各党支部，在此页按“导入…”导入。"
    assert json.loads(target.read_text(encoding="utf-8"))["name"] == "九月方案"
    message, error = page.call(import_from, target.as_uri(), "zh")
    assert not error
    assert message == "已从“九月方案.json”导入方案模板。已有同名模板，新模板保存为“九月方案（2）”（立即生效）。"
    assert store.names() == ["九月方案", "九月方案（2）"]
    assert store.load("九月方案（2）") == replace(store.load("九月方案"), name="九月方案（2）")
    assert page.selected() == ["九月方案（2）"]


def test_the_built_in_plan_can_be_exported(page: Page, tmp_path: Path) -> None:
    from sanhui.office.options_templates import export_to

    target = tmp_path / "内置方案.json"
    message, error = page.office.call(export_to, page.office.ctx, "", target.as_uri(), "zh")
    assert not error and message.startswith(f"已将“{BUILT_IN}”导出到“内置方案.json”。")
    assert target.read_bytes() == dump_pack(load_pack())


def test_a_good_file_is_imported_at_once(page: Page, store: TemplateStore, tmp_path: Path) -> None:
    from sanhui.office.options_templates import import_from

    sent = tmp_path / "党委发来的方案.json"
    sent.write_bytes(dump_pack(replace(small_pack("学习党章"), name="2024年3月方案")))
    page.event("initialize")
    message, error = page.call(import_from, sent.as_uri(), "zh")
    assert (message, error) == ("已从“党委发来的方案.json”导入方案模板“2024年3月方案”（立即生效）。", False)
    assert store.names() == ["2024年3月方案"]
    assert store.load("2024年3月方案").parts == small_pack("学习党章").parts
    assert page.rows() == [BUILT_IN, "2024年3月方案"] and page.selected() == ["2024年3月方案"]
    assert _default(page.office) == ""  # importing does not change the default


GOOD = {"format": "sanhui-content-pack/2", "name": "三月", "title": "{month}方案",
        "parts": [{"text": "主题党日", "children": [{"text": "学习"}, {"text": "讨论", "notes": ["备注"]}]}]}


def _bad(edit: Any) -> bytes:
    pack = json.loads(json.dumps(GOOD))
    edit(pack)
    return json.dumps(pack, ensure_ascii=False).encode("utf-8")


# (content, the Chinese message after the lead line, where the English one says the node is)
@pytest.mark.parametrize(("content", "zh", "en"), [
    (b"<html>not a template</html>", "方案模板文件“bad.json”不是有效的模板（JSON 格式错误：", ""),
    (_bad(lambda p: p.update(format="sanhui-content-pack/9")),
     "这不是“三会一课”方案模板（format 为“sanhui-content-pack/9”，应为“sanhui-content-pack/2”）。（位置：format）",
     "(at format)"),
    (_bad(lambda p: p["parts"][0]["children"][1].update(text=7)),
     "此处应为非空文字。（位置：parts[0].children[1].text）", "(at parts[0].children[1].text)"),
    (_bad(lambda p: p["parts"][0]["children"][1].update(notes="备注")),
     "此处应为一个列表（[…]）。（位置：parts[0].children[1].notes）", "(at parts[0].children[1].notes)"),
    (_bad(lambda p: p["parts"][0].update(meeting="party")),
     "不认识的会议类型“party”（可用：committee、general、group、lecture、partyday）。（位置：parts[0].meeting）",
     "(at parts[0].meeting)"),
])
def test_a_bad_file_is_refused_naming_the_node_and_nothing_changes(
    page: Page, store: TemplateStore, tmp_path: Path, content: bytes, zh: str, en: str
) -> None:
    from sanhui.office.options_templates import import_from

    store.save("九月方案", small_pack("九月"))
    page.office.call(save_default_template, page.office.ctx, "九月方案")
    before = files(store)
    sent = tmp_path / "bad.json"
    sent.write_bytes(content)
    page.event("initialize")
    message, error = page.call(import_from, sent.as_uri(), "zh")
    assert error and message.startswith("没有导入“bad.json”，已保存的模板没有改变：\n" + zh), message
    message, error = page.call(import_from, sent.as_uri(), "en")  # the English UI's words, the same node
    assert error and message.startswith("“bad.json” was not imported; the saved templates are unchanged:\n")
    assert message.endswith(en), message
    assert files(store) == before
    assert _default(page.office) == "九月方案"
    assert page.rows() == [BUILT_IN, "九月方案"]


def test_a_file_over_2_mib_is_refused_unread(page: Page, store: TemplateStore, tmp_path: Path) -> None:
    from sanhui.office.options_templates import import_from

    sent = tmp_path / "big.json"
    with sent.open("wb") as big:
        big.truncate(MAX_PACK_BYTES + 1024)
    message, error = page.call(import_from, sent.as_uri(), "zh")
    assert error
    assert message == ("没有导入“big.json”，已保存的模板没有改变：\n"
                       "方案模板文件“big.json”有 2049 KB，超过了 2048 KB 的上限。")
    missing, error = page.call(import_from, (tmp_path / "没有.json").as_uri(), "zh")
    assert error and "无法读取方案模板文件“没有.json”：" in missing
    assert files(store) == {}


def test_the_file_buttons_without_a_window_are_cancelled_pickers(page: Page, store: TemplateStore) -> None:
    """Headless, the file pickers return at once as cancelled: nothing changes, nothing fails."""
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.select("九月方案")
    before, since = files(store), len(_log(page.office))
    assert page.press("template_import") and page.press("template_export")
    assert files(store) == before
    assert page.status() == ("已保存 1 个方案模板。", INFO)  # the line as it was
    assert "ERROR" not in _log(page.office)[since:]


def test_nothing_selected_asks_for_a_choice(page: Page, store: TemplateStore) -> None:
    store.save("九月方案", small_pack("九月"))
    page.event("initialize")
    page.office.call(lambda: setattr(page.model("Templates"), "SelectedItems", ()))
    page.press("template_selected")
    assert not any(page.enabled().values())
    page.press("template_default")
    assert page.status() == ("请先在列表中选择一个方案模板。", ERROR)


def test_the_page_in_english(tmp_path: Path) -> None:
    """An English UI: the page's words, the built-in plan's row and the lines it writes."""
    from tests.support import office_with_extension

    with office_with_extension(tmp_path / "profile", locale="en-US") as other, writer_document(other) as doc:
        page = Page(other, doc)
        assert [page.shown(b) for b in (*BUTTONS, "Import")] == ["Set as default", "Rename", "Delete", "Export…",
                                                                 "Import…"]
        page.event("initialize")
        assert page.rows() == ["Built-in plan (September 2023 seed)"]
        assert page.status()[0].startswith("No templates saved yet. Import a file sent by the party committee")
        page.press("template_rename")
        assert page.status()[0] == "The built-in plan cannot be renamed or deleted."
        page.press("template_default")
        page.event("ok")
        assert page.status()[0] == ("Default template saved: Built-in plan (September 2023 seed). "
                                    "Inserting a plan uses it.")
        assert other.call(load_default_template, other.ctx) == ""
