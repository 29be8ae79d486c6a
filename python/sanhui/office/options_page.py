"""The 支部信息 page under Tools › Options › 三会一课: fills ``dialogs/OptionsPage.xdl`` from the
saved profile and saves what the secretary typed.

The Options dialog creates the page from ``extension/OptionsDialog.xcu`` and sends our handler
``external_event`` with "initialize" (page shown first), "ok" (OK or Apply pressed) and "back"
(Reset). It cannot be told to stay open, so input that does not parse is reported twice — in the
page's status line (seen after Apply) and in a message box (seen after OK) — and nothing is saved.

LibreOffice 7.4 follows every Apply's "ok" at once with a "back" (seen under Xvfb: 10–30 ms after
"ok" returns). After a refused Apply that "back" must not wipe what the secretary typed and the
message saying what to fix, so a "back" within RESET_GRACE seconds of a refused "ok" puts the
typed text back instead; a Reset pressed later resets as it should.
"""

from __future__ import annotations

import dataclasses
import time
import traceback
from typing import Any, Dict, Optional, Tuple

import uno
import unohelper
from com.sun.star.awt import XContainerWindowEventHandler
from com.sun.star.lang import XServiceInfo

from ..forms.errors import FormError
from ..forms.profile_form import PROFILE_FIELDS, parse_profile, profile_fields
from ..i18n import text
from ..model.profile import BranchProfile
from .log import get_logger, log_path
from .settings import load_profile, save_profile
from .ui import ui_lang

IMPLEMENTATION = "org.sanhui.writer.OptionsPageHandler"
SERVICES = (IMPLEMENTATION,)
STATUS = "Status"
ERROR_COLOR = 0xC9211E
INFO_COLOR = 0x555555
RESET_GRACE = 1.0  # seconds: see the module's docstring


class OptionsPageHandler(unohelper.Base, XContainerWindowEventHandler, XServiceInfo):
    """Created by the Options dialog through ``EventHandlerService``; one per opened dialog."""

    def __init__(self, ctx: Any, *args: Any) -> None:
        self.ctx = ctx
        # (when, typed values, message) of the last refused "ok", for the "back" that follows Apply
        self.refused: Optional[Tuple[float, Dict[str, str], str]] = None

    # XServiceInfo
    def getImplementationName(self) -> str:
        return IMPLEMENTATION

    def supportsService(self, name: str) -> bool:
        return name in SERVICES

    def getSupportedServiceNames(self) -> Tuple[str, ...]:
        return SERVICES

    # XContainerWindowEventHandler
    def getSupportedMethodNames(self) -> Tuple[str, ...]:
        return ("external_event",)

    def callHandlerMethod(self, window: Any, event: Any, method: str) -> bool:
        """Never raise: an exception here would vanish in the Options dialog."""
        if method != "external_event":
            return False
        lang = ui_lang(self.ctx)
        refused, self.refused = self.refused, None
        try:
            if event == "back" and refused is not None and time.monotonic() - refused[0] < RESET_GRACE:
                fill_page(window, refused[1])
                set_status(window, refused[2], error=True)
            elif event in ("initialize", "back"):
                show_profile(window, load_profile(self.ctx), lang)
            elif event == "ok":
                self.commit(window, lang)
        except Exception:
            get_logger(self.ctx).error("options page %s failed:\n%s", event, traceback.format_exc())
            message = text("profile_save_failed", lang, {"log": log_path(self.ctx)})
            set_status(window, message, error=True)
            self.box(window, message, lang)
        return True

    def commit(self, window: Any, lang: str) -> None:
        """Parse the page; save it, or say which field is wrong and keep the saved profile."""
        typed = read_page(window)
        try:
            profile = parse_profile(typed)
        except FormError as exc:
            message = exc.message(lang)
            get_logger(self.ctx).info("branch profile not saved: %s", message)
            set_status(window, message, error=True)
            self.box(window, text("profile_not_saved", lang, {"message": message}), lang)
            self.refused = (time.monotonic(), typed, message)  # after the box: its time is the user's
            return
        kept = load_profile(self.ctx)  # what this page does not show stays as it was
        profile = dataclasses.replace(profile, members=kept.members, rules=kept.rules)
        save_profile(self.ctx, profile)
        get_logger(self.ctx).info("branch profile saved: %s", profile)
        show_status_of(window, profile, lang)

    def box(self, window: Any, message: str, lang: str) -> None:
        """A modal error box over the Options dialog (returns at once under ``--headless``)."""
        try:
            toolkit = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
            kind = uno.Enum("com.sun.star.awt.MessageBoxType", "ERRORBOX")
            buttons = uno.getConstantByName("com.sun.star.awt.MessageBoxButtons.BUTTONS_OK")
            parent = toolkit.getActiveTopWindow() or window.getPeer()
            box = toolkit.createMessageBox(parent, kind, buttons, text("box_title", lang), message)
            try:
                box.execute()
            finally:
                box.dispose()
        except Exception:
            get_logger(self.ctx).error("message box failed:\n%s", traceback.format_exc())


def read_page(window: Any) -> Dict[str, str]:
    """The text of every field control, by the form's field names."""
    return {name: window.getControl(name).getModel().Text for name in PROFILE_FIELDS}


def fill_page(window: Any, values: Dict[str, str]) -> None:
    """Set the fields' text (through their models, which the page's controls show)."""
    for name, value in values.items():
        window.getControl(name).getModel().Text = value


def show_profile(window: Any, profile: BranchProfile, lang: str) -> None:
    """Put a profile into the page's fields, and what it implies into the status line."""
    fill_page(window, profile_fields(profile))
    show_status_of(window, profile, lang)


def show_status_of(window: Any, profile: BranchProfile, lang: str) -> None:
    """A branch without committee is told so here: its month plans will differ."""
    set_status(window, "" if profile.has_committee() else text("profile_no_committee", lang), error=False)


def set_status(window: Any, message: str, error: bool) -> None:
    model = window.getControl(STATUS).getModel()
    model.TextColor = ERROR_COLOR if error else INFO_COLOR
    model.Label = message
