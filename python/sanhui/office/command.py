"""What every command gets (the frame it was invoked in, its document, the UI language) and
how it says no: a Refusal carries an i18n key, so the handler can show it in the UI language."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict

from ..i18n import text


class Refusal(Exception):
    """The command cannot do what was asked; nothing has been changed."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params: Dict[str, object] = dict(params)

    def message(self, lang: str) -> str:
        """The sentence shown to the user and returned to scripts."""
        params = {k: (text(v[1:], lang) if isinstance(v, str) and v.startswith("@") else v)
                  for k, v in self.params.items()}
        return text(self.key, lang, params)


@dataclass
class Invocation:
    """One command call: the context, the frame it came from, and its arguments.

    ``clicked`` is True for a menu click (no arguments of the user's own): later commands
    open their dialog then.
    """

    ctx: Any
    frame: Any
    lang: str
    log: logging.Logger
    args: Dict[str, object]
    clicked: bool

    @property
    def document(self) -> Any:
        """The frame's own document — never ``desktop.getCurrentComponent()``, which may be
        another window's."""
        controller = self.frame.getController() if self.frame is not None else None
        model = controller.getModel() if controller is not None else None
        if model is None or not model.supportsService("com.sun.star.text.TextDocument"):
            raise Refusal("not_writer")
        return model
