"""生成“三会一课”台账 as a person meets it in a real window: the menu item, the dialog (the TaskLedger
one with the year; a folder and the year typed with real keys), the ledger in a new window with its
chart, and the progress window's 取消 — which stops the reading at once and opens nothing.
(tests/office/test_meeting_ledger.py checks the command and the dialog's logic headless.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, List

import pytest

from devtools.xvfb import wait_for
from tests.gui.window import a_long_folder, cancel_while_reading, documents_with_table, menu_dialog

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(240)

ITEM = "生成“三会一课”台账"
PROGRESS = "正在汇总会议记录"
FOLDER = "文件夹"
YEAR_FIELD = "统计年度"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "meetings"  # made by our renderers, saved by LibreOffice


def _ledgers(office: Office) -> List[Any]:
    return documents_with_table(office, "2023年会议统计")


@pytest.fixture
def closes_ledgers(gui_office: Office) -> Iterator[None]:
    yield
    for doc in _ledgers(gui_office):
        gui_office.close(doc)


@pytest.mark.usefixtures("closes_ledgers")
def test_a_folder_and_year_typed_in_the_dialog_give_the_ledger_in_a_new_window(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "2023年会议记录"
    folder.mkdir()
    for name in ("group-record.odt", "general-record.docx", "sign-in.odt", "notice.odt"):
        shutil.copy(SAMPLES / name, folder / name)
    with menu_dialog(gui_office, xvfb, writer, tmp_path, ITEM) as dialog:
        labels = [name for _, _, name, _ in dialog._controls()]
        assert "当前文档所在的文件夹（含子文件夹）" in labels and YEAR_FIELD in labels
        dialog.type_into(YEAR_FIELD, "2023")
        dialog.type_into(FOLDER, str(folder))  # typing a folder chooses the folder option
        dialog.key("Return")
        dialog.wait_closed()
    [ledger] = wait_for("the ledger's window", lambda: _ledgers(gui_office) or None, 30)
    rows = gui_office.call(lambda: ledger.getTextTables().getByName("2023年第三季度").getDataArray(), timeout=30)
    general = next(r for r in rows if r[0] == "党员大会")
    assert "9月25日" in general[3] and "无效" in general[3]  # the inquorate 党员大会 of the sample
    assert gui_office.call(lambda: ledger.getEmbeddedObjects().getCount(), timeout=30) == 1  # the chart
    assert gui_office.call(lambda: writer.getText().getString(), timeout=30) == ""  # nothing changed here


def test_cancel_in_the_progress_window_stops_reading_and_opens_nothing(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    folder = a_long_folder(tmp_path / "记录", "记录")
    with menu_dialog(gui_office, xvfb, writer, tmp_path, ITEM) as dialog:
        cancel_while_reading(gui_office, xvfb, tmp_path, dialog, FOLDER, folder, PROGRESS)
