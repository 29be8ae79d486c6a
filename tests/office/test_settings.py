"""The branch profile in a real LibreOffice: the settings schema of the installed extension, what is
saved surviving a restart (and a crash), and the Tools › Options page built from the installed XDL
with its handler from the installed component, driven through its "initialize" / "ok" / "back" events
as the Options dialog sends them.

The office code is imported here too: pyuno works over the bridge, so `load_profile(office.ctx)` reads
the office's configuration exactly as the extension does inside it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, Tuple

import pytest

from devtools import process
from sanhui.forms.profile_form import PROFILE_FIELDS
from sanhui.model.profile import RECENT_FIELDS, BranchProfile, PartyGroup, Recent
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
    assert sorted(node.getElementNames()) == ["Branch", "Groups", "MemberCount", "Organizer", "Place", "Secretary"]
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


def test_the_handler_is_the_installed_component(office: Office) -> None:
    names = office.call(lambda: office.smgr.getAvailableServiceNames(), timeout=30)
    assert HANDLER in names
    handler = office.create(HANDLER)
    assert handler is not None
    assert handler.getImplementationName() == HANDLER
    assert handler.supportsService(HANDLER)
    assert tuple(handler.getSupportedMethodNames()) == ("external_event",)
    assert not hasattr(handler, "ctx")  # a proxy of the office's object, not a local Python one


class Page:
    """The options page created from the installed XDL as the Options dialog creates it, with the
    installed handler; `event` sends what the dialog's buttons send."""

    def __init__(self, office: Office, doc: Any) -> None:
        self.office = office
        self.handler = office.create(HANDLER)
        provider = office.create("com.sun.star.awt.ContainerWindowProvider")

        def create() -> Any:
            parent = doc.getCurrentController().getFrame().getContainerWindow()
            return provider.createContainerWindow(PAGE_XDL, "", parent, self.handler)

        self.window = office.call(create, timeout=60)
        assert self.window is not None

    def event(self, name: str) -> bool:
        return bool(self.office.call(self.handler.callHandlerMethod, self.window, name, "external_event"))

    def fields(self) -> Dict[str, str]:
        return self.office.call(
            lambda: {name: self.window.getControl(name).getModel().Text for name in PROFILE_FIELDS})

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
