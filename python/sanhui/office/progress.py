"""Progress while a folder of documents is read (TaskLedger, InsertReview, MeetingLedger), and a way out.

The frame's status indicator always shows how far it got. A person who clicked also gets a
small modeless window with 取消: the reading runs in the office's main thread, so between files
the toolkit is given the chance (XReschedule) to handle that click — at most every RESCHEDULE
seconds, which keeps the cost of the window out of the ledger's speed. Scripts (arguments, no
click) get the indicator only: nobody could press the button, and under --headless there is no
window to show.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, List, Optional, Tuple, TypeVar

import unohelper
from com.sun.star.awt import XDialogEventHandler

from ..i18n import text
from ..odf.ledger_reader import documents
from .form_dialog import dialog_url

T = TypeVar("T")

RESCHEDULE = 0.05  # seconds between chances for the 取消 click (and between screen updates)


class FolderProgress(unohelper.Base, XDialogEventHandler):
    """Use as a context manager; ``step()`` returns False once the person has cancelled."""

    def __init__(self, ctx: Any, frame: Any, lang: str, total: int, interactive: bool,
                 what: str = "ledger_progress", title: str = "") -> None:
        """``what`` is the message key of the status bar's text; ``title`` the window's, when not the XDL's."""
        self.ctx = ctx
        self.lang = lang
        self.what = what
        self.total = max(total, 1)
        self.cancelled = False
        self.last = 0.0
        self.indicator: Any = frame.createStatusIndicator() if frame is not None else None
        self.dialog: Any = None
        self.toolkit: Any = None
        if interactive and frame is not None:
            provider = ctx.ServiceManager.createInstanceWithArgumentsAndContext(
                "com.sun.star.awt.DialogProvider2", (frame.getController().getModel(),), ctx)
            self.dialog = provider.createDialogWithHandler(dialog_url(ctx, "ProgressDialog"), self)
            if title:
                self.dialog.getModel().Title = title
            bar = self.dialog.getControl("Bar").getModel()
            bar.ProgressValueMin, bar.ProgressValueMax, bar.ProgressValue = 0, self.total, 0
            self.toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)

    def __enter__(self) -> FolderProgress:
        if self.indicator is not None:
            self.indicator.start(text(self.what, self.lang), self.total)
        if self.dialog is not None:
            self.dialog.setVisible(True)
            self._reschedule()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.indicator is not None:
            self.indicator.end()
        if self.dialog is not None:
            self.dialog.setVisible(False)
            self.dialog.dispose()
            self.dialog = None

    def step(self, done: int, name: str) -> bool:
        """File ``done`` of the total was read; False when the person asked to stop."""
        now = time.monotonic()
        if now - self.last < RESCHEDULE and done < self.total:
            return not self.cancelled
        self.last = now
        if self.indicator is not None:
            self.indicator.setValue(done)
        if self.dialog is not None:
            self.dialog.getControl("What").getModel().Label = text(
                "progress_reading", self.lang, {"done": done, "total": self.total, "name": name})
            self.dialog.getControl("Bar").getModel().ProgressValue = done
            self._reschedule()
            if not self.dialog.isVisible():  # closed with the window's close box
                self.cancelled = True
        return not self.cancelled

    def _reschedule(self) -> None:
        self.toolkit.reschedule()

    # XDialogEventHandler
    def callHandlerMethod(self, dialog: Any, event: Any, method: str) -> bool:
        if method == "onStop":
            self.cancelled = True
            return True
        return False

    def getSupportedMethodNames(self) -> Tuple[str, ...]:
        return ("onStop",)



Read = Tuple[List[T], List[Tuple[Path, str]], List[Path]]  # found, (file, why) per bad file, files read


def read_folder(inv: Any, folder: Path, read: Callable[[Path], Tuple[Optional[List[T]], str]], interactive: bool,
                what: str = "ledger_progress", title: str = "") -> Optional[Read[T]]:
    """Every document below ``folder`` through ``read`` (its findings, or None and why not), file by
    file under a FolderProgress: (everything found, (file, why) per bad file, the files read), or
    None when the person cancelled. TaskLedger, InsertReview and MeetingLedger read alike."""
    files = documents(folder)
    found: List[T] = []
    bad: List[Tuple[Path, str]] = []
    with FolderProgress(inv.ctx, inv.frame, inv.lang, len(files), interactive, what, title) as progress:
        for done, path in enumerate(files, start=1):
            result, error = read(path)
            if result is None:
                bad.append((path, error))
            else:
                found.extend(result)
            if not progress.step(done, path.name):
                inv.log.info("reading %s cancelled after %d of %d files", folder, done, len(files))
                return None
    return found, bad, files
