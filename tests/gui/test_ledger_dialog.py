"""生成任务台账 as a person meets it in a real window: the menu item, the dialog (this document or
a folder, typed with real keys), the progress window while a folder is read, and its 取消 — which
stops the reading at once and opens nothing. (tests/office/test_ledger_dialog.py checks the same
dialog's logic through its controls.)"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, List

import pytest

from devtools.xvfb import wait_for
from tests.gui.window import a_long_folder, cancel_while_reading, documents_with_table, menu_dialog
from tests.unit.test_ledger import _minutes

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(240)

MENU = "三会一课"
ITEM = "生成任务台账"
TITLE = "生成任务台账"
PROGRESS = "正在汇总事项"
FOLDER = "文件夹"


def _ledgers(office: Office) -> List[Any]:
    return documents_with_table(office, "任务台账")


def ledger_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path) -> Any:
    """三会一课 › 生成任务台账 chosen with real keys: the dialog (see window.menu_dialog)."""
    return menu_dialog(office, xvfb, doc, tmp_path, ITEM, TITLE)


@pytest.fixture
def closes_ledgers(gui_office: Office) -> Iterator[None]:
    yield
    for doc in _ledgers(gui_office):
        gui_office.close(doc)


@pytest.mark.usefixtures("closes_ledgers")
def test_a_folder_typed_in_the_dialog_gives_the_ledger_in_a_new_window(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "2023年纪要"
    folder.mkdir()
    _minutes(folder / "联建纪要.odt", (("建立联合攻关小组", "张三", "2023-10-31"),
                                       ("共享培训资源", "李四", "2030-12-31")))
    with ledger_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        assert "当前文档" in [name for _, _, name, _ in dialog._controls()]
        dialog.type_into(FOLDER, str(folder))  # typing a folder chooses the folder option
        dialog.key("Return")
        dialog.wait_closed()
    [ledger] = wait_for("the ledger's window", lambda: _ledgers(gui_office) or None, 30)
    rows = gui_office.call(lambda: ledger.getTextTables().getByName("任务台账").getDataArray(), timeout=30)
    assert [r[3] for r in rows[1:]] == ["建立联合攻关小组", "共享培训资源"]
    assert rows[1][7] not in ("", "0")  # 2023-10-31 is long past: days overdue


def test_cancel_in_the_progress_window_stops_reading_and_opens_nothing(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    folder = a_long_folder(tmp_path / "纪要", "纪要")
    with ledger_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        cancel_while_reading(gui_office, xvfb, tmp_path, dialog, FOLDER, folder, PROGRESS)
    assert not _ledgers(gui_office)
