"""What the real-window tests share: reading the document and the extension's log over the
bridge (bounded), the menu item → dialog step, and a screenshot attached to any failure."""

from __future__ import annotations

import contextlib
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
