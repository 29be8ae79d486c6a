"""A command environment that says yes, for installing extensions without a person at the screen.

`XExtensionManager.addExtension` asks its environment about licences, dependencies and replacing an
installed version. With no handler (None) it fails or hangs; with this one every request is approved,
and what was asked is kept in `requests` so a failure can be explained.
"""

from __future__ import annotations

from typing import Any, List

import uno
import unohelper
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

_APPROVE = uno.getTypeByName("com.sun.star.task.XInteractionApprove")


class ApprovingEnvironment(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):  # type: ignore[misc]
    """XCommandEnvironment whose interaction handler approves and whose progress handler is silent."""

    def __init__(self) -> None:
        self.requests: List[str] = []

    # XCommandEnvironment
    def getInteractionHandler(self) -> Any:
        return self

    def getProgressHandler(self) -> Any:
        return self

    # XInteractionHandler
    def handle(self, request: Any) -> None:
        self.requests.append(_describe(request))
        for continuation in request.getContinuations():
            if continuation.queryInterface(_APPROVE) is not None:
                continuation.select()
                return

    # XProgressHandler: the office reports progress here; nobody is watching.
    def push(self, status: Any) -> None:
        pass

    def update(self, status: Any) -> None:
        pass

    def pop(self) -> None:
        pass


def _describe(request: Any) -> str:
    """Name what the office asked, as far as pyuno lets us see it.

    pyuno of LibreOffice 7.4 under Python 3.11 cannot convert the request's exception value (the
    conversion fails with "AttributeError: args"), so the description must not let that escape into
    `handle`: an exception there reaches the office as a RuntimeException and nothing gets approved.
    """
    try:
        what = request.getRequest()
    except Exception as exc:
        return f"(unreadable request: {type(exc).__name__})"
    return f"{type(what).__name__}: {getattr(what, 'Message', '')}"
