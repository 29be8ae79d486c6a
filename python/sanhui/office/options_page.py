"""The 支部信息 page under Tools › Options › 三会一课: fills ``dialogs/OptionsPage.xdl`` from the
saved profile and saves what the secretary typed. The other pages of the node (党员名册, 会议日程,
方案模板) come here too and are handed to their modules.

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
from types import ModuleType
from typing import Any, Dict, Optional, Tuple

import uno
import unohelper
from com.sun.star.awt import XContainerWindowEventHandler
from com.sun.star.lang import XServiceInfo

from ..forms.errors import FormError
from ..forms.profile_form import PROFILE_FIELDS, parse_profile, profile_fields
from ..i18n import text
from ..model.profile import BranchProfile
from . import options_roster, options_rules, options_templates
from .log import get_logger, log_path
from .settings import load_profile, save_profile
from .ui import ui_lang

IMPLEMENTATION = "org.sanhui.writer.OptionsPageHandler"
SERVICES = (IMPLEMENTATION,)
STATUS = "Status"
ERROR_COLOR = 0xC9211E
INFO_COLOR = 0x555555
RESET_GRACE = 1.0  # seconds: see the module's docstring
PROFILE_PAGE, ROLL_PAGE, RULES_PAGE, TEMPLATES_PAGE = "profile", "roll", "rules", "templates"
LOGGED = {PROFILE_PAGE: "branch profile", ROLL_PAGE: "member roll", RULES_PAGE: "schedule rules",
          TEMPLATES_PAGE: "default template"}
NOT_SAVED = {PROFILE_PAGE: "profile_not_saved", ROLL_PAGE: "roll_not_saved", RULES_PAGE: "rules_not_saved",
             TEMPLATES_PAGE: "template_default_not_saved"}
METHODS = ("external_event", "import_roster", *options_templates.METHODS)


class OptionsPageHandler(unohelper.Base, XContainerWindowEventHandler, XServiceInfo):
    """Created by the Options dialog through ``EventHandlerService``; one per opened dialog."""

    def __init__(self, ctx: Any, *args: Any) -> None:
        self.ctx = ctx
        # page → (when, typed values, message) of its last refused "ok", for the "back" after Apply
        self.refused: Dict[str, Tuple[float, Dict[str, str], str]] = {}
        # page → (when, status line) of its last saving "ok": Apply's "back" keeps that line
        self.saved: Dict[str, Tuple[float, str]] = {}

    # XServiceInfo
    def getImplementationName(self) -> str:
        return IMPLEMENTATION

    def supportsService(self, name: str) -> bool:
        return name in SERVICES

    def getSupportedServiceNames(self) -> Tuple[str, ...]:
        return SERVICES

    # XContainerWindowEventHandler
    def getSupportedMethodNames(self) -> Tuple[str, ...]:
        return METHODS

    def callHandlerMethod(self, window: Any, event: Any, method: str) -> bool:
        """Never raise: an exception here would vanish in the Options dialog."""
        if method not in METHODS:
            return False
        lang = ui_lang(self.ctx)
        page = page_of(window)
        try:
            if method == "import_roster":
                self.import_roster(window, lang)
                return True
            if method in options_templates.METHODS:  # the 方案模板 page's list and buttons
                outcome = options_templates.act(self.ctx, window, method, lang)
                if outcome is not None:
                    set_status(window, outcome[0], error=outcome[1])
                return True
            refused, saved = self.refused.pop(page, None), self.saved.pop(page, None)
            if event == "back" and refused is not None and time.monotonic() - refused[0] < RESET_GRACE:
                fill_page(window, refused[1])
                set_status(window, refused[2], error=True)
            elif event in ("initialize", "back"):
                status = show_page(window, page, load_profile(self.ctx), lang, self.ctx)
                if event == "back" and saved is not None and time.monotonic() - saved[0] < RESET_GRACE:
                    status = saved[1]  # Apply's own "back": the line saying what was saved stays
                set_status(window, status, error=False)
            elif event == "ok":
                self.commit(window, page, lang)
        except Exception:
            get_logger(self.ctx).error("options page %s %s failed:\n%s", page, event, traceback.format_exc())
            message = text("profile_save_failed", lang, {"log": log_path(self.ctx)})
            set_status(window, message, error=True)
            self.box(window, message, lang)
        return True

    def commit(self, window: Any, page: str, lang: str) -> None:
        """Parse the page; save it, or say which field is wrong and keep the saved profile."""
        typed = read_page(window)
        try:
            status = commit_page(self.ctx, page, typed, lang)
        except FormError as exc:
            message = exc.message(lang)
            get_logger(self.ctx).info("%s not saved: %s", LOGGED[page], message)
            set_status(window, message, error=True)
            self.box(window, text(NOT_SAVED[page], lang, {"message": message}), lang)
            self.refused[page] = (time.monotonic(), typed, message)  # after the box: its time is the user's
            return
        get_logger(self.ctx).info("%s saved: %s", LOGGED[page], status.replace("\n", " "))
        set_status(window, status, error=False)
        self.saved[page] = (time.monotonic(), status)

    def import_roster(self, window: Any, lang: str) -> None:
        """从表格导入…: the file picker, then the sheet into the page (not saved yet)."""
        url = options_roster.pick_sheet(self.ctx, lang)
        if not url:
            return
        message, error = options_roster.import_into(self.ctx, window, url, lang)
        get_logger(self.ctx).info("roll import from %s: %s", url, message)
        set_status(window, message, error=error)

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


def page_of(window: Any) -> str:
    """Which of the node's pages ``window`` is, by a control only that page has."""
    if window.getControl(options_roster.CONTROL) is not None:
        return ROLL_PAGE
    if window.getControl(options_rules.CONTROL) is not None:
        return RULES_PAGE
    if window.getControl(options_templates.CONTROL) is not None:
        return TEMPLATES_PAGE
    return PROFILE_PAGE


def _module(page: str) -> Optional[ModuleType]:
    return {ROLL_PAGE: options_roster, RULES_PAGE: options_rules, TEMPLATES_PAGE: options_templates}.get(page)


def show_page(window: Any, page: str, profile: BranchProfile, lang: str, ctx: Any = None) -> str:
    """Fill the page from the profile (the 方案模板 page from the template store and the saved
    default, hence ``ctx``); the status line that goes with it."""
    if page == TEMPLATES_PAGE:
        return options_templates.show(ctx, window, lang)
    module = _module(page)
    if module is not None:
        return str(module.show(window, profile, lang))
    fill_page(window, profile_fields(profile))
    return status_of(profile, lang)


def commit_page(ctx: Any, page: str, typed: Dict[str, str], lang: str) -> str:
    """Save what the page shows into the saved profile, keeping the rest; the status line.
    FormError (nothing saved) when the page's text does not read."""
    module = _module(page)
    if module is not None:
        return str(module.commit(ctx, typed, lang))
    profile = parse_profile(typed)
    kept = load_profile(ctx)  # the roll and the rules are the other pages'
    profile = dataclasses.replace(profile, members=kept.members, rules=kept.rules)
    save_profile(ctx, profile)
    return status_of(profile, lang)


def read_page(window: Any) -> Dict[str, str]:
    """The text of every field control of the page, by the form's field names."""
    module = _module(page_of(window))
    names = module.FIELDS if module is not None else PROFILE_FIELDS
    return {name: window.getControl(name).getModel().Text for name in names}


def fill_page(window: Any, values: Dict[str, str]) -> None:
    """Set the fields' text (through their models, which the page's controls show)."""
    for name, value in values.items():
        window.getControl(name).getModel().Text = value


def status_of(profile: BranchProfile, lang: str) -> str:
    """A branch without committee is told so here: its month plans will differ."""
    return "" if profile.has_committee() else text("profile_no_committee", lang)


def set_status(window: Any, message: str, error: bool) -> None:
    model = window.getControl(STATUS).getModel()
    model.TextColor = ERROR_COLOR if error else INFO_COLOR
    model.Label = message
