"""Files the user points at: LibreOffice's file dialog, paths shown as people read them, and a
document opened unseen to be read (a sheet for the roll, a .docx of guidance for ImportPlan).

One place for what the roll import, the template page and the import dialog each need, so the
three behave alike: the same picker, the same path shown back, the same safe way of opening.
"""

from __future__ import annotations

import contextlib
from typing import Any, Optional, Sequence, Tuple

import uno
from com.sun.star.beans import PropertyValue


def pick_file(ctx: Any, title: str, filters: Sequence[Tuple[str, str]], *, save: bool = False,
              default_name: str = "", start_folder: str = "") -> Optional[str]:
    """LibreOffice's open (or save) dialog; the URL chosen, or None. ``filters`` are (label,
    patterns) pairs, the first one current. Under ``--headless`` it returns at once, cancelled."""
    picker = ctx.ServiceManager.createInstanceWithContext("com.sun.star.ui.dialogs.FilePicker", ctx)
    try:
        kind = "FILESAVE_AUTOEXTENSION" if save else "FILEOPEN_SIMPLE"
        picker.initialize((uno.getConstantByName(f"com.sun.star.ui.dialogs.TemplateDescription.{kind}"),))
        picker.setTitle(title)
        for label, patterns in filters:
            picker.appendFilter(label, patterns)
        if filters:
            picker.setCurrentFilter(filters[0][0])
        if start_folder:
            with contextlib.suppress(Exception):  # a half-typed path: start where the picker likes
                picker.setDisplayDirectory(start_folder)
        if save:
            picker.setDefaultName(default_name)
            auto = uno.getConstantByName(
                "com.sun.star.ui.dialogs.ExtendedFilePickerElementIds.CHECKBOX_AUTOEXTENSION")
            with contextlib.suppress(Exception):  # a picker without the checkbox adds the extension itself
                picker.setValue(auto, 0, True)
        if picker.execute() != 1:
            return None
        urls = picker.getSelectedFiles()
        return str(urls[0]) if urls else None
    finally:
        picker.dispose()


def shown_path(source: str) -> str:
    """A file or folder as people read it: /home/… or C:\\…, not file:///…"""
    if source.startswith("file:"):
        try:
            return str(uno.fileUrlToSystemPath(source))
        except Exception:
            return source
    return source


def open_hidden(ctx: Any, url: str, filter_name: str = "") -> Any:
    """The document at ``url`` opened unseen and read-only, its macros never run and its links
    not updated: a file from outside is read, never run. ``filter_name`` forces an import filter
    (a web page as a Writer text document, not a Writer/Web one). The caller closes it."""
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    never = uno.getConstantByName("com.sun.star.document.MacroExecMode.NEVER_EXECUTE")
    values = [("Hidden", True), ("ReadOnly", True), ("MacroExecutionMode", never), ("UpdateDocMode", 0)]
    if filter_name:
        values.append(("FilterName", filter_name))
    return desktop.loadComponentFromURL(url, "_blank", 0, tuple(PropertyValue(Name=k, Value=v) for k, v in values))
