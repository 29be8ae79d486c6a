"""What the user sees outside the document: the UI language and message boxes."""

from __future__ import annotations

import os
from typing import Any

import uno
from com.sun.star.beans import PropertyValue

from ..i18n import lang_of_locale, text


def _config(ctx: Any, path: str) -> Any:
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    arg = PropertyValue()
    arg.Name, arg.Value = "nodepath", path
    return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))


def ui_lang(ctx: Any) -> str:
    """``zh`` or ``en`` from LibreOffice's UI locale (the system's when the profile has none)."""
    try:
        locale = _config(ctx, "/org.openoffice.Setup/L10N").getByName("ooLocale") or ""
    except Exception:  # a broken profile must not stop a message from being shown
        locale = ""
    return lang_of_locale(locale or os.environ.get("LANG", "zh_CN"))


def message_box(ctx: Any, frame: Any, message: str, lang: str, error: bool = True) -> None:
    """A modal box on the document's window; under ``--headless`` it returns at once."""
    if frame is None:
        return
    toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    kind = uno.Enum("com.sun.star.awt.MessageBoxType", "ERRORBOX" if error else "INFOBOX")
    buttons = uno.getConstantByName("com.sun.star.awt.MessageBoxButtons.BUTTONS_OK")
    box = toolkit.createMessageBox(frame.getContainerWindow(), kind, buttons, text("box_title", lang), message)
    try:
        box.execute()
    finally:
        box.dispose()
