"""A form error names the field at fault; the message is made in the UI language on demand."""

from __future__ import annotations

from typing import Dict, Optional

from ..i18n import field_label, text


class FormError(ValueError):
    """Input that cannot be used: ``key`` is an i18n message, ``field`` the argument's name."""

    def __init__(self, field: str, key: str, label: Optional[Localized] = None, **params: object) -> None:
        """``label`` names the field where its usual label would mislead (a task list's Items
        are tasks, not the minutes' 会议议定事项)."""
        super().__init__(f"{field}: {key} {params}")
        self.field = field
        self.key = key
        self.params: Dict[str, object] = dict(params)
        if label is not None:
            self.params["field"] = label

    def message(self, lang: str) -> str:
        """The sentence a branch secretary reads, naming the field in their language."""
        params = {k: _localize(v, lang) for k, v in self.params.items()}
        params.setdefault("field", field_label(self.field, lang))
        return text(self.key, lang, params)


class Localized:
    """A parameter that is itself a message key (e.g. the expected type's name)."""

    def __init__(self, key: str) -> None:
        self.key = key


def _localize(value: object, lang: str) -> object:
    return text(value.key, lang) if isinstance(value, Localized) else value
