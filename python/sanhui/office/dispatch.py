"""The ``sanhui:`` protocol handler: turns a dispatch (menu click, macro, test) into a command
call, and reports back through XNotifyingDispatch — State SUCCESS/FAILURE and a message —
with a message box for people and the log for the details. Nothing fails silently.
"""

from __future__ import annotations

import time
import traceback
from typing import Any, Dict, Tuple
from urllib.parse import parse_qsl

import uno
import unohelper
from com.sun.star.frame import FeatureStateEvent, XDispatchProvider, XNotifyingDispatch
from com.sun.star.lang import XInitialization, XServiceInfo

from ..content.pack import PackError
from ..forms.arguments import SYSTEM_ARGUMENTS
from ..forms.errors import FormError
from ..i18n import text
from .command import Invocation, Refusal
from .commands import command as find_command
from .log import get_logger, log_path
from .placement import has_text_position
from .ui import message_box, ui_lang

IMPLEMENTATION = "org.sanhui.writer.ProtocolHandler"
SERVICES = ("com.sun.star.frame.ProtocolHandler",)
PROTOCOL = "sanhui:"
SUCCESS = uno.getConstantByName("com.sun.star.frame.DispatchResultState.SUCCESS")
FAILURE = uno.getConstantByName("com.sun.star.frame.DispatchResultState.FAILURE")
# Commands that work on the minutes or task list the cursor is in, and what they say when the
# keyboard focus is in a comment (the view cursor has no place then; insertions check it in
# insertion.check_insertable).
AT_CURSOR = {
    "AddMinutesItem": "not_in_minutes",
    "Countersign": "not_in_minutes",
    "AddBenchmarkTask": "not_in_tasks",
    "SetTaskStatus": "not_in_tasks",
    "UpdateTaskSummary": "not_in_tasks",
    "SavePlanTemplate": "not_in_plan",
}


def split_url(complete: str) -> Tuple[str, Dict[str, str]]:
    """``sanhui:InsertPlan?Meeting=committee`` → ("InsertPlan", {"Meeting": "committee"})."""
    rest = complete[len(PROTOCOL):] if complete.startswith(PROTOCOL) else complete
    name, _, query = rest.partition("?")
    return name, dict(parse_qsl(query, keep_blank_values=True))


class ProtocolHandler(unohelper.Base, XDispatchProvider, XNotifyingDispatch, XInitialization, XServiceInfo):
    """One instance per frame: LibreOffice passes the frame to ``initialize``."""

    def __init__(self, ctx: Any, *args: Any) -> None:
        self.ctx = ctx
        self.frame: Any = None
        if args:
            self.initialize(args)

    # XInitialization
    def initialize(self, args: Any) -> None:
        if args:
            self.frame = args[0]

    # XServiceInfo
    def getImplementationName(self) -> str:
        return IMPLEMENTATION

    def supportsService(self, name: str) -> bool:
        return name in SERVICES

    def getSupportedServiceNames(self) -> Tuple[str, ...]:
        return SERVICES

    # XDispatchProvider
    def queryDispatch(self, url: Any, target: str, flags: int) -> Any:
        return self if url.Complete.startswith(PROTOCOL) else None

    def queryDispatches(self, requests: Any) -> Tuple[Any, ...]:
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags) for r in requests)

    # XDispatch / XNotifyingDispatch
    def dispatch(self, url: Any, arguments: Any) -> None:
        self.run(url.Complete, arguments)

    def dispatchWithNotification(self, url: Any, arguments: Any, listener: Any) -> None:
        state, message = self.run(url.Complete, arguments)
        if listener is not None:
            event = uno.createUnoStruct("com.sun.star.frame.DispatchResultEvent")
            event.Source = self
            event.State = state
            event.Result = message
            listener.dispatchFinished(event)

    def addStatusListener(self, listener: Any, url: Any) -> None:
        state = FeatureStateEvent()
        state.FeatureURL = url
        state.IsEnabled = True
        state.Source = self
        listener.statusChanged(state)

    def removeStatusListener(self, listener: Any, url: Any) -> None:
        pass

    def run(self, complete: str, arguments: Any) -> Tuple[int, str]:
        """Run one command; every outcome becomes (state, message), and errors a message box."""
        started = time.perf_counter()
        log = get_logger(self.ctx)
        lang = ui_lang(self.ctx)
        name, query = split_url(complete)
        args: Dict[str, object] = dict(query)
        given = {p.Name: p.Value for p in (arguments or ())}
        args.update(given)
        clicked = not any(n not in SYSTEM_ARGUMENTS for n in given)
        try:
            command = find_command(name)
            if command is None:
                raise Refusal("unknown_command", name=name)
            if name in AT_CURSOR and self.frame is not None and not has_text_position(self.frame.getController()):
                raise Refusal(AT_CURSOR[name])
            message = command(Invocation(self.ctx, self.frame, lang, log, args, clicked))
            log.info("%s ok in %.1f ms: %s", name, (time.perf_counter() - started) * 1000, message)
            return SUCCESS, message
        except (Refusal, FormError, PackError) as exc:
            message = exc.message(lang)
            log.info("%s refused: %s", name, message)
        except Exception:
            log.error("%s failed:\n%s", complete, traceback.format_exc())
            message = text("internal_error", lang, {"log": log_path(self.ctx)})
        try:
            message_box(self.ctx, self.frame, message, lang)
        except Exception:
            log.error("message box failed:\n%s", traceback.format_exc())
        return FAILURE, message
