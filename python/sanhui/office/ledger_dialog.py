"""The dialog of 生成任务台账, 插入上月检查 and 生成“三会一课”台账: where to read from — this
document (for the meetings ledger: this document's folder) or every document in a folder (typed,
pasted or chosen with 浏览…) — and, for the check, the month of the plan it goes into, for the
meetings ledger the year. One dialog (LedgerDialog.xdl) for the three, its labels changed for the
meetings ledger, so that they look and behave alike."""

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
# The meetings ledger's texts over the XDL's (control → message key); its 本次方案月份 row is 统计年度.
MEETINGS_LABELS = (("lblMonth", "meeting_ledger_year_label"), ("SourceLine", "meeting_ledger_source_line"),
                   ("FromDocument", "meeting_ledger_from_document"), ("Hint", "meeting_ledger_hint"))


class LedgerDialog(FormDialog):
    """``run()`` returns the arguments (Source, and Month for the check), or None when cancelled.

    ``check`` is the command's own parser of those arguments: what a script would be told, the
    dialog shows in its red line with the focus on the field.
    """

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], review: bool,
                 check: Callable[[Mapping[str, object]], object], meetings: bool = False) -> None:
        super().__init__(ctx, frame, lang, "LedgerDialog")
        self.review = review
        self.meetings = meetings
        self.check = check
        self.result: Optional[Dict[str, object]] = None
        if meetings:  # 生成“三会一课”台账: the year in the month's row, the folder of this document
            model = self.dialog.getModel()
            model.Title = text("meeting_ledger_dialog_title", lang)
            for name, key in MEETINGS_LABELS:
                model.getByName(name).Label = text(key, lang)
            model.getByName("Month").HelpText = text("meeting_ledger_year_help", lang)
            model.getByName("Folder").HelpText = text("meeting_ledger_folder_help", lang)
            self.control("Month").setText(str(values.get("Year") or ""))
        elif review:
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
        picker.setTitle(text("meeting_ledger_picker_title" if self.meetings else "folder_picker_title", self.lang))
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
            raise FormError("Folder", "meeting_ledger_folder_missing" if self.meetings else "folder_missing")
        values: Dict[str, object] = {"Source": folder if from_folder else DOCUMENT}
        if self.meetings:
            values["Year"] = self.control("Month").getText().strip()
        elif self.review:
            values["Month"] = self.control("Month").getText().strip()
        return values

    def ok(self) -> None:
        try:
            values = self.values()
            self.check(values)
        except FormError as exc:
            if exc.field == "Source":  # the dialog's field for the Source argument is 文件夹
                exc = FormError("Folder", exc.key, **exc.params)
            # the year is typed in the month's row: the message names 年度, the focus goes there
            self.show_message(exc.message(self.lang), "Month" if exc.field == "Year" else exc.field)
            return
        self.result = values
        self.close()

    def run(self) -> Optional[Dict[str, object]]:
        self.execute()
        return self.result
