"""What the 方案模板 options page shows and allows, decided without LibreOffice.

The page (``office/options_templates.py``) only moves these decisions into controls, so they are
tested here as plain functions: the list's rows (the built-in plan always first), which buttons a
selection allows (the built-in plan can be chosen and exported, never renamed or deleted), how the
default-template field reads back, what the saved default becomes when its template is renamed or
deleted, and the file name an export offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from ..content.pack import MAX_NAME
from ..plan_templates import BUILT_IN, SUFFIX, built_in_label, reserved_names

# The page's buttons, by control name; each is allowed or greyed by ``allowed``.
SET_DEFAULT, RENAME, DELETE, EXPORT = "SetDefault", "Rename", "Delete", "Export"
BUTTONS = (SET_DEFAULT, RENAME, DELETE, EXPORT)
# Characters no file name may hold on Windows (where most branches' files travel), and controls.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Row:
    """One line of the list: what it shows and the template it stands for ("" = built-in)."""

    label: str
    name: str


def rows(names: Tuple[str, ...], lang: str) -> Tuple[Row, ...]:
    """The built-in plan first, always (a branch with no templates still has its plan), then the
    saved templates in the store's order."""
    return (Row(built_in_label(lang), ""), *(Row(name, name) for name in names))


def allowed(selected: Optional[str]) -> Dict[str, bool]:
    """Which buttons a selection enables: none without one; the built-in plan (``""``) can be the
    default and exported but not renamed or deleted, since it is part of the extension."""
    if selected is None:
        return {button: False for button in BUTTONS}
    saved = selected != ""
    return {SET_DEFAULT: True, RENAME: saved, DELETE: saved, EXPORT: True}


def default_shown(name: str, lang: str) -> str:
    """The default-template field's text: the template's name, or the built-in plan's label."""
    return name or built_in_label(lang)


def default_typed(shown: str) -> str:
    """The template a default-template field's text stands for ("" = the built-in plan). The
    built-in label in either language reads back as the built-in plan: no template may be named
    so (``plan_templates.check_name``), so the reading is never ambiguous."""
    cleaned = " ".join(shown.split())
    return "" if not cleaned or cleaned in reserved_names() else cleaned


def default_after(saved: str, old: str, new: Optional[str]) -> str:
    """The saved default once template ``old`` is renamed to ``new`` (None: deleted). A deleted
    default falls back to the built-in plan, so InsertPlan never looks for a template that is gone."""
    if not saved or saved != old:
        return saved
    return new or ""


def export_file_name(name: str) -> str:
    """The file name an export offers: the template's name made safe for any file system, the
    built-in plan under its short name."""
    stem = _UNSAFE.sub("_", name or BUILT_IN).strip(" .") or BUILT_IN
    return stem[:MAX_NAME] + SUFFIX
