"""The dialog of 生成任务台账 and 插入上月检查: where to collect the items from — this document or
every document in a folder (typed, pasted or chosen with 浏览…) — and, for the check, the month
of the plan it goes into."""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Dict, Mapping, Optional

import uno

from ..forms.errors import FormError
from ..i18n import text
from .files import shown_path
from .form_dialog import FormDialog

DOCUMENT = "document"
MONTH_ROW = 18  # dialog units: the 本次方案月份 row, only the check has it


class LedgerDialog(FormDialog):
    """``run()`` returns the arguments (Source, and Month for the check), or None when cancelled.

    ``check`` is the command's own parser of those arguments: what a script would be told, the
    dialog shows in its red line with the focus on the field.
    """

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], review: bool,
                 check: Callable[[Mapping[str, object]], object]) -> None:
        super().__init__(ctx, frame, lang, "LedgerDialog")
        self.review = review
        self.check = check
        self.result: Optional[Dict[str, object]] = None
        if review:
            self.dialog.getModel().Title = text("review_dialog_title", lang)
            self.control("Month").setText(str(values.get("Month") or ""))
        else:  # no month for the ledger: its row goes, and everything below moves up
            model = self.dialog.getModel()
            for name in ("lblMonth", "Month"):
                model.removeByName(name)
            for name in model.getElementNames():
                model.getByName(name).PositionY -= MONTH_ROW
            model.Height -= MONTH_ROW
        source = str(values.get("Source") or DOCUMENT)
        if source != DOCUMENT:
            self.control("FromFolder").setState(True)
            self.control("Folder").setText(shown_path(source))

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onBrowse": self.browse, "onFolderTyped": self.folder_typed}

    def folder_typed(self) -> None:
        """Typing (or pasting) a folder means the folder is wanted: no extra click on the option."""
        if self.control("Folder").getText().strip():
            self.control("FromFolder").setState(True)

    def browse(self) -> None:
        """LibreOffice's folder picker; the chosen folder is shown as a path and selected."""
        picker = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.ui.dialogs.FolderPicker", self.ctx)
        picker.setTitle(text("folder_picker_title", self.lang))
        typed = self.control("Folder").getText().strip()
        if typed:
            with contextlib.suppress(Exception):  # a half-typed path: start where the picker likes
                picker.setDisplayDirectory(typed if typed.startswith("file:") else uno.systemPathToFileUrl(typed))
        if picker.execute() == 1 and picker.getDirectory():
            self.control("Folder").setText(shown_path(picker.getDirectory()))
            self.control("FromFolder").setState(True)

    def values(self) -> Dict[str, object]:
        folder = self.control("Folder").getText().strip()
        from_folder = bool(self.control("FromFolder").getState())
        if from_folder and not folder:
            raise FormError("Folder", "folder_missing")
        values: Dict[str, object] = {"Source": folder if from_folder else DOCUMENT}
        if self.review:
            values["Month"] = self.control("Month").getText().strip()
        return values

    def ok(self) -> None:
        try:
            values = self.values()
            self.check(values)
        except FormError as exc:
            if exc.field == "Source":  # the dialog's field for the Source argument is 文件夹
                exc = FormError("Folder", exc.key, **exc.params)
            self.show_message(exc.message(self.lang), exc.field)
            return
        self.result = values
        self.close()

    def run(self) -> Optional[Dict[str, object]]:
        self.execute()
        return self.result
