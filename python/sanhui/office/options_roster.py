"""The 党员名册 page under Tools › Options › 三会一课 (``dialogs/OptionsRosterPage.xdl``): the roll as
text, saved into the profile's Members, and 从表格导入… — LibreOffice's file picker, then the sheet
read into the page (saved only with OK or Apply, like anything typed).

CSV and XLSX are read by the pure ``forms.roster_import``; ODS and XLS (and any sheet the pure reader
does not know) are opened by LibreOffice itself, hidden, read-only and with macros off, and their
first sheet's cells go through the same header finding.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Dict, List, Optional, Tuple

import uno

from ..forms.errors import FormError
from ..forms.roster_form import ROLL_FIELD, format_roll, parse_roll, roll_counts, roll_summary
from ..forms.roster_import import FIELD, MAX_COLUMNS, MAX_FILE, MAX_ROWS, ImportedRoll, read_roster, roll_from_rows
from ..i18n import text
from ..model.profile import BranchProfile
from .files import open_hidden, pick_file
from .settings import load_profile, save_profile

FIELDS = (ROLL_FIELD,)
CONTROL = ROLL_FIELD  # the control that tells this page from the others
# opened by LibreOffice rather than read here
OFFICE_SHEETS = (".ods", ".xls", ".fods", ".et", ".xlsm", ".xlsb")
FILTERS = ("*.csv;*.xlsx;*.ods;*.xls", "*.csv", "*.xlsx", "*.ods;*.xls", "*.*")


def show(window: Any, profile: BranchProfile, lang: str) -> str:
    """The saved roll into the page; its counts for the status line."""
    window.getControl(ROLL_FIELD).getModel().Text = format_roll(profile.members)
    return roll_summary(profile.members, profile, lang)


def commit(ctx: Any, typed: Dict[str, str], lang: str) -> str:
    """Save the roll typed (FormError when it does not read); the status line's counts."""
    members = parse_roll(typed.get(ROLL_FIELD, ""))
    profile = dataclasses.replace(load_profile(ctx), members=members)
    save_profile(ctx, profile)
    return roll_summary(members, profile, lang)


def pick_sheet(ctx: Any, lang: str) -> Optional[str]:
    """LibreOffice's open dialog with the sheet filters; the URL chosen, or None."""
    sheets = f"{text('import_filter_sheets', lang)} (*.csv, *.xlsx, *.ods, *.xls)"
    return pick_file(ctx, text("import_title", lang), (
        (sheets, FILTERS[0]), ("CSV (*.csv)", FILTERS[1]), ("Excel 2007-365 (*.xlsx)", FILTERS[2]),
        ("ODS, XLS (*.ods, *.xls)", FILTERS[3]), (f"{text('import_filter_all', lang)} (*.*)", FILTERS[4])))


def import_into(ctx: Any, window: Any, url: str, lang: str) -> Tuple[str, bool]:
    """Read the sheet at ``url`` into the page's roll; (status message, is it an error)."""
    name = os.path.basename(uno.fileUrlToSystemPath(url)) if url.startswith("file:") else url.rsplit("/", 1)[-1]
    try:
        imported = read_sheet(ctx, url, name)
    except FormError as exc:
        return exc.message(lang), True
    window.getControl(ROLL_FIELD).getModel().Text = format_roll(imported.members)
    return import_message(imported, name, lang), False


def import_message(imported: ImportedRoll, name: str, lang: str) -> str:
    lines = [text("import_done", lang, {"file": name, **roll_counts(imported.members)})]
    if imported.no_name:
        lines.append(text("import_skipped_no_name", lang, {"count": imported.no_name}))
    if imported.other:
        rows = "、".join(str(row) for row, _ in imported.other[:10]) + ("…" if len(imported.other) > 10 else "")
        values = "、".join(dict.fromkeys(value for _, value in imported.other))
        lines.append(text("import_skipped_category", lang, {"rows": rows, "values": values[:60]}))
    return "\n".join(lines)


def read_sheet(ctx: Any, url: str, name: str) -> ImportedRoll:
    """The roll in the sheet at ``url``: CSV/XLSX here, other sheets through LibreOffice. A file
    larger than any roll (MAX_FILE) is refused unread, whatever reads it."""
    try:
        path = uno.fileUrlToSystemPath(url)
        size = os.path.getsize(path)
        if size > MAX_FILE:
            raise FormError(FIELD, "import_too_big", file=name, size=f"{size / 1048576:.1f} MiB",
                            limit=f"{MAX_FILE / 1048576:.1f} MiB")
        if name.lower().endswith(OFFICE_SHEETS):
            return roll_from_rows(office_rows(ctx, url, name), name)
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE + 1)
    except OSError as exc:
        raise FormError(FIELD, "import_read_failed", file=name, detail=exc.strerror or str(exc)) from None
    return read_roster(data, name)


def office_rows(ctx: Any, url: str, name: str) -> List[Tuple[int, List[str]]]:
    """The first sheet's used cells, as text, from the file opened hidden in LibreOffice."""
    try:
        doc = open_hidden(ctx, url)
    except Exception as exc:
        raise FormError(FIELD, "import_read_failed", file=name, detail=type(exc).__name__) from None
    if doc is None or not hasattr(doc, "getSheets"):
        if doc is not None:
            doc.close(True)
        raise FormError(FIELD, "import_not_table", file=name)
    try:
        sheet = doc.getSheets().getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        address = cursor.getRangeAddress()
        last_row = address.EndRow
        if last_row >= MAX_ROWS:
            raise FormError(FIELD, "import_too_many", file=name, limit=MAX_ROWS)
        columns = min(address.EndColumn, MAX_COLUMNS - 1)
        data = sheet.getCellRangeByPosition(0, 0, columns, last_row).getDataArray()
    finally:
        doc.close(True)
    return [(number, [_cell_text(value) for value in cells]) for number, cells in enumerate(data, 1)]


def _cell_text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value).strip()


def read(window: Any) -> Dict[str, str]:
    return {name: window.getControl(name).getModel().Text for name in FIELDS}


def fill(window: Any, values: Dict[str, str]) -> None:
    for name, value in values.items():
        window.getControl(name).getModel().Text = value
