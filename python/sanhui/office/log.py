"""A log file in the user's LibreOffice profile (``user/sanhui/sanhui.log``).

LibreOffice drops exceptions raised in Python components, so everything that goes wrong is
written here, and a message box or the dispatch result points the user to this file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from typing import Any, Optional

import uno

LOGGER_NAME = "sanhui"
_path: Optional[str] = None


def log_path(ctx: Any) -> str:
    """The log file's system path, found through the profile's ``$(user)`` variable."""
    global _path
    if _path is None:
        subst = ctx.ServiceManager.createInstanceWithContext("com.sun.star.util.PathSubstitution", ctx)
        user = uno.fileUrlToSystemPath(subst.substituteVariables("$(user)", True))
        _path = os.path.join(user, "sanhui", "sanhui.log")
    return _path


def get_logger(ctx: Any) -> logging.Logger:
    """The extension's logger, writing to the profile's log file (set up once per process)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.handlers:
        path = log_path(ctx)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=512 * 1024, backupCount=2,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger
