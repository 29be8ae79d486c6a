"""What the real-window tests share: reading the document and the extension's log over the
bridge (bounded), the menu item → dialog step, and a screenshot attached to any failure."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, List, Optional

from devtools.xvfb import DialogDriver, MenuDriver, wait_for
from sanhui.model.profile import BranchProfile
from tests.office.docs import paragraphs

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.options_dialog import OptionsDialog
    from devtools.xvfb import Xvfb

MENU = "三会一课"


def frame(office: Office, doc: Any) -> Any:
    return office.call(lambda: doc.getCurrentController().getFrame(), timeout=30)


def paragraph_texts(office: Office, doc: Any) -> List[str]:
    """The document's paragraphs' texts, in order."""
    return [p.text for p in office.call(lambda: paragraphs(doc), timeout=30)]


def log_lines(office: Office) -> List[str]:
    log = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    return log.read_text(encoding="utf-8").splitlines() if log.is_file() else []


def logged(office: Office, since: int, what: str, timeout: float = 10) -> str:
    """The first log line after line `since` that says `what`, once it is written (bounded): a
    command logs after it returns, a moment after its dialog closed or its change is seen."""
    def found() -> Optional[str]:
        return next((line for line in log_lines(office)[since:] if what in line), None)

    return wait_for(f"{what!r} in the log", found, timeout)


def screen(xvfb: Xvfb, folder: Path, name: str) -> str:
    """Save the display for a failure message (best effort)."""
    try:
        return f" (screen: {xvfb.screenshot(folder / name)})"
    except Exception as exc:
        return f" (no screenshot: {exc})"


@contextlib.contextmanager
def shown_on_failure(xvfb: Xvfb, folder: Path, name: str) -> Iterator[None]:
    """A failure inside carries a screenshot of the display at that moment."""
    try:
        yield
    except Exception as exc:
        raise AssertionError(f"{exc}{screen(xvfb, folder, name)}") from exc


def documents_with_table(office: Office, table: str) -> List[Any]:
    """The open Writer documents holding a table named ``table`` (a ledger a command opened)."""
    return [d for d in office.documents() if office.call(
        lambda d=d: d.supportsService("com.sun.star.text.TextDocument") and d.getTextTables().hasByName(table),
        timeout=60)]


def a_long_folder(folder: Path, stem: str) -> Path:
    """A folder that takes the office many seconds to read: 400 minutes of 2,000 agreed items each
    (one made by the minutes' renderer, the others copies of it)."""
    from tests.unit.test_ledger import _minutes

    folder.mkdir()
    first = _minutes(folder / f"{stem}000.odt", tuple((f"第{i}项", "张三", "2030-10-31") for i in range(2000)))
    data = first.read_bytes()
    for number in range(1, 400):
        (folder / f"{stem}{number:03d}.odt").write_bytes(data)
    return folder


def cancel_while_reading(office: Office, xvfb: Xvfb, tmp_path: Path, dialog: DialogDriver, field: str,
                         folder: Path, progress_title: str) -> None:
    """Type ``folder`` into the dialog's ``field``, press Return, and click 取消 in the progress
    window titled ``progress_title`` as soon as it shows: it must close within 10 s, having read some
    files but not all (the extension's log says how many), and open no document."""
    open_before = len(office.documents())
    since = len(log_lines(office))
    dialog.type_into(field, str(folder))
    before = xvfb.windows()
    dialog.key("Return")
    dialog.wait_closed()
    try:
        window = wait_for("the progress window", lambda: next(
            (w for w in xvfb.windows("^" + progress_title + "$") if w not in before), None), 30)
        progress = DialogDriver(xvfb, office, progress_title, window, timeout=30)
        clicked = time.monotonic()
        progress.click("取消")
        wait_for("the progress window to close", lambda: window not in xvfb.windows() or None, 15)
        stopped = time.monotonic() - clicked
    except Exception as exc:
        raise AssertionError(f"{exc}{screen(xvfb, tmp_path, 'progress.png')}") from exc
    line = wait_for("the cancel in the log", lambda: next(
        (entry for entry in log_lines(office)[since:] if "cancelled after" in entry), None), 15)
    done = int(line.split("cancelled after ")[1].split(" of ")[0])
    files = len(list(folder.iterdir()))
    assert 0 < done < files, line  # stopped part-way, not after reading everything
    assert stopped < 10
    assert len(office.documents()) == open_before


@contextlib.contextmanager
def menu_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path, item: str,
                title: Optional[str] = None) -> Iterator[DialogDriver]:
    """Choose 三会一课 › `item` with real keys and yield the dialog that opens (titled `title`,
    by default as the item); it is cancelled on the way out if still open, and a failure carries
    a screenshot."""
    driver = MenuDriver(xvfb, office, frame(office, doc))
    try:
        with shown_on_failure(xvfb, tmp_path, "menu.png"):
            before = xvfb.windows()
            driver.choose(MENU, item)
            dialog = DialogDriver.opened(xvfb, office, title or item, before)
        with dialog, shown_on_failure(xvfb, tmp_path, "dialog.png"):  # the screen while the dialog is up
            yield dialog
    finally:
        driver.close_menus()


@contextlib.contextmanager
def options_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path, leaf: Optional[str] = None
                   ) -> Iterator[OptionsDialog]:
    """Tools › Options opened on one of our pages (支部信息 by default) over `doc`'s window; a failure
    inside carries a screenshot taken before the dialog is cancelled."""
    from devtools.options_dialog import PROFILE_LEAF, OptionsDialog, page_url

    with OptionsDialog(xvfb, office, doc, page_url(office, leaf or PROFILE_LEAF)) as dialog, \
            shown_on_failure(xvfb, tmp_path, "screen.png"):
        yield dialog


@contextlib.contextmanager
def profile_saved(office: Office, profile: BranchProfile) -> Iterator[BranchProfile]:
    """`profile` saved as the branch profile while inside, an empty one after (later tests read it)."""
    from sanhui.office.settings import save_profile

    office.call(save_profile, office.ctx, profile)
    try:
        yield profile
    finally:
        if office.alive:
            office.call(save_profile, office.ctx, BranchProfile())


def choose_entry(dialog: DialogDriver, after: str, back: int, label: str, wanted: str, limit: int = 30) -> None:
    """Choose `wanted` in the drop-down `label` with real keys: Tab to the field `after` it, shift+Tab
    `back` times onto the list (a drop-down does not say it has the focus, so it is reached from a
    field that does), then Down (or Up, past the end) until the list shows `wanted`; bounded."""
    dialog.focus_field(after)
    dialog.key(*["shift+Tab"] * back)
    for key in ("Down", "Up"):
        for _ in range(limit):
            if dialog.fields().get(label) == wanted:
                return
            shown = dialog.fields().get(label)
            dialog.key(key)
            with contextlib.suppress(TimeoutError):
                wait_for(f"{label} to move from {shown!r}", lambda s=shown: dialog.fields().get(label) != s or None, 2)
            if dialog.fields().get(label) == shown:  # the end of the list: the other way
                break
    raise AssertionError(f"{label} never showed {wanted!r} (it shows {dialog.fields().get(label)!r})")
