"""What every command dialog shares: loading its XDL from the installed extension with this
object as the event handler, finding controls, the red message line, modal run."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

import unohelper
from com.sun.star.awt import XDialogEventHandler

from ..dates import DateInputError, parse_meeting_time
from ..forms.errors import FormError
from ..i18n import text

EXTENSION_ID = "org.sanhui.writer"
MESSAGE_RED = 0xC9211E


def dialog_url(ctx: Any, name: str) -> str:
    """The XDL's URL inside the installed extension, as a plain location URL.

    LibreOffice finds a dialog's .properties strings beside the XDL by taking the URL apart;
    with a vnd.sun.star.extension:// URL that fails and the labels show their &keys.
    """
    info = ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
    return f"{info.getPackageLocation(EXTENSION_ID)}/dialogs/{name}.xdl"


class FormDialog(unohelper.Base, XDialogEventHandler):
    """A modal dialog whose events (``vnd.sun.star.UNO:onX``) call the methods in ``handlers``."""

    def __init__(self, ctx: Any, frame: Any, lang: str, name: str) -> None:
        self.ctx = ctx
        self.frame = frame
        self.lang = lang
        provider = ctx.ServiceManager.createInstanceWithArgumentsAndContext(
            "com.sun.star.awt.DialogProvider2", (frame.getController().getModel(),), ctx)
        self.dialog = provider.createDialogWithHandler(dialog_url(ctx, name), self)
        # Red like LibreOffice's own warnings; set here because the XDL's textcolor is not applied
        # to a label whose text is set later (7.4).
        self.control("Status").getModel().TextColor = MESSAGE_RED
        self.warned: Optional[Dict[str, object]] = None  # the values whose warnings were shown

    def handlers(self) -> Dict[str, Callable[[], None]]:
        """Event name (as in the XDL) → method; subclasses name theirs."""
        return {}

    def control(self, name: str) -> Any:
        return self.dialog.getControl(name)

    def show_message(self, message: str, field: str = "") -> None:
        """The red line under the form; the focus goes to the field at fault."""
        self.control("Status").getModel().Label = message
        if field and self.dialog.getControl(field) is not None:
            self.control(field).setFocus()

    def refuse(self, error: FormError) -> None:
        """Input that cannot be used: say so, naming the field; warnings start over."""
        self.warned = None
        self.show_message(error.message(self.lang), error.field)

    def warn_once(self, values: Mapping[str, object], warnings: Sequence[FormError]) -> bool:
        """Show the warnings (a 党员大会 without a quorum …) the first time these values are
        confirmed and keep the dialog open (True); a second OK on the same values goes on."""
        if not warnings or self.warned == dict(values):
            return False
        self.warned = dict(values)
        lines = [w.message(self.lang) for w in warnings]
        self.show_message(text("warning_prefix", self.lang) + " ".join(lines) + " " + text("confirm_again", self.lang),
                          warnings[0].field)
        return True

    def close(self) -> None:
        self.dialog.endDialog(1)

    def show_time_as_gb(self, name: str, today: date) -> None:
        """Rewrite the meeting time typed in field ``name`` in GB/T 9704 form as the field is
        left, so the user sees what was understood; a time that cannot be read stays as typed
        (OK names it)."""
        field = self.control(name).getModel()
        with contextlib.suppress(DateInputError):
            field.Text = parse_meeting_time(field.Text, today).format() if field.Text.strip() else ""

    # XDialogEventHandler
    def callHandlerMethod(self, dialog: Any, event: Any, method: str) -> bool:
        handler = self.handlers().get(method)
        if handler is None:
            return False
        handler()
        return True

    def getSupportedMethodNames(self) -> Tuple[str, ...]:
        return tuple(self.handlers())

    def execute(self) -> None:
        """Show modally until closed (OK with valid input, Cancel, or the window's close box)."""
        try:
            self.dialog.execute()
        finally:
            self.dialog.dispose()
