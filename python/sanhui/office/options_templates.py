"""The 方案模板 page under Tools › Options › 三会一课 (``dialogs/OptionsTemplatesPage.xdl``): the branch's
saved plan templates, the built-in plan always first.

Two kinds of change, kept apart because they differ in what can be taken back:

- the **default template** (设为默认) is a setting like any other page's: the choice shows in the
  page's 默认模板 field and is saved with OK or Apply, and Cancel forgets it;
- **rename, delete and import** change files in the profile's template folder at once (a file
  cannot wait for OK the way a setting can, and a 党委's file imported should not vanish because
  the secretary then pressed Cancel); the status line says "立即生效" each time. When such a change
  touches the *saved* default (it is renamed or deleted), the saved default follows at once too, so
  InsertPlan never looks for a template that is gone.

A file to import is untrusted: its size is checked before it is read, at most MAX_PACK_BYTES are
read, and ``TemplateStore.import_bytes`` checks every node; what is wrong is said on the status
line in the UI language (PackError names the node) and nothing is stored. The pure decisions —
rows, which buttons a selection allows, how the default field reads back — are in
``forms/template_list.py``; this module moves them into controls and calls the store.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import uno

from ..content.pack import MAX_NAME, MAX_PACK_BYTES, PackError, dump_pack, load_pack, loads_pack
from ..forms.errors import FormError
from ..forms.template_list import (
    Row,
    allowed,
    default_after,
    default_shown,
    default_typed,
    export_file_name,
    rows,
)
from ..i18n import text
from ..plan_templates import check_name
from .files import pick_file
from .log import get_logger
from .settings import load_default_template, save_default_template, template_store

CONTROL = "Templates"  # the list: the control that tells this page from the others
DEFAULT = "Default"  # the read-only field showing the default chosen (saved with OK/Apply)
NEW_NAME = "NewName"
FIELDS = (DEFAULT,)
SELECTED, SET_DEFAULT, RENAMING, DELETING, EXPORTING, IMPORTING = METHODS = (
    "template_selected", "template_default", "template_rename", "template_delete", "template_export",
    "template_import")
Outcome = Optional[Tuple[str, bool]]  # (status line, is it an error); None leaves the line as it is


# --- showing and saving (the page's "initialize"/"back" and "ok") -------------------------------

def show(ctx: Any, window: Any, lang: str) -> str:
    """The list with the saved default selected, the default field, the buttons; the status line."""
    names = tuple(template_store(ctx).names())
    saved = load_default_template(ctx)
    lines = [text("templates_count", lang, {"count": len(names)}) if names else text("templates_none", lang)]
    if saved and saved not in names:
        lines.append(text("template_default_gone", lang, {"name": saved}))
        saved = ""
    fill_list(window, rows(names, lang), saved)
    window.getControl(DEFAULT).getModel().Text = default_shown(saved, lang)
    return "\n".join(lines)


def commit(ctx: Any, typed: Dict[str, str], lang: str) -> str:
    """Save the default chosen (FormError when that template is gone since); the status line."""
    name = default_typed(typed.get(DEFAULT, ""))
    if name and template_store(ctx).find(name) is None:
        raise FormError(DEFAULT, "template_missing", name=name)
    save_default_template(ctx, name)
    return text("template_default_saved", lang, {"name": default_shown(name, lang)})


# --- the list and its buttons -------------------------------------------------------------------

def fill_list(window: Any, shown: Tuple[Row, ...], selected: Optional[str]) -> None:
    """Put the rows in the list, each carrying its template's name as item data (a label is not a
    name: the built-in plan's row is a sentence), select ``selected`` and set the buttons."""
    model = window.getControl(CONTROL).getModel()
    model.StringItemList = tuple(row.label for row in shown)
    for index, row in enumerate(shown):
        model.setItemData(index, row.name)
    index = next((i for i, row in enumerate(shown) if row.name == selected), None)
    model.SelectedItems = () if index is None else (index,)
    on_selected(window)


def selected(window: Any) -> Optional[str]:
    """The template of the selected row ("" = the built-in plan), or None when none is selected."""
    model = window.getControl(CONTROL).getModel()
    chosen = tuple(model.SelectedItems)
    if not chosen or not 0 <= chosen[0] < len(model.StringItemList):
        return None
    data = model.getItemData(chosen[0])
    return data if isinstance(data, str) else None


def on_selected(window: Any) -> None:
    """Buttons and the new-name field follow the selection: the built-in plan is greyed for
    rename and delete; the new-name field starts from the template's own name. (The field itself
    stays enabled: a greyed field would take no click, and the greyed 重命名 says it all.)"""
    name = selected(window)
    for button, on in allowed(name).items():
        window.getControl(button).getModel().Enabled = on
    window.getControl(NEW_NAME).getModel().Text = name or ""


def act(ctx: Any, window: Any, method: str, lang: str) -> Outcome:
    """One of the page's buttons (or a new selection in the list); what the status line says."""
    if method == SELECTED:
        on_selected(window)
        return None
    if method == IMPORTING:
        url = pick_template_file(ctx, lang, save=False)
        return None if url is None else import_from(ctx, window, url, lang)
    name = selected(window)
    if name is None:
        return text("template_choose_first", lang), True
    if method == SET_DEFAULT:
        window.getControl(DEFAULT).getModel().Text = default_shown(name, lang)
        return text("template_chosen", lang, {"name": default_shown(name, lang)}), False
    if method == EXPORTING:
        url = pick_template_file(ctx, lang, save=True, default_name=export_file_name(name))
        return None if url is None else export_to(ctx, name, url, lang)
    if not name:
        return text("template_built_in_fixed", lang), True
    if method == RENAMING:
        return rename(ctx, window, name, window.getControl(NEW_NAME).getModel().Text, lang)
    if method == DELETING:
        if not confirm(ctx, window, text("template_delete_confirm", lang, {"name": name}), lang):
            return text("template_delete_kept", lang, {"name": name}), False
        return delete(ctx, window, name, lang)
    return None


def rename(ctx: Any, window: Any, old: str, typed: str, lang: str) -> Tuple[str, bool]:
    """Rename at once; the saved default and the default chosen on the page follow the template."""
    try:
        new = check_name(typed)
        template_store(ctx).rename(old, new)
    except FormError as exc:
        return exc.message(lang), True
    _follow(ctx, window, old, new, lang)
    get_logger(ctx).info("plan template renamed: %s → %s", old, new)
    refresh(ctx, window, new, lang)
    return text("template_renamed", lang, {"old": old, "new": new}), False


def delete(ctx: Any, window: Any, name: str, lang: str) -> Tuple[str, bool]:
    """Delete at once (asked for before); a deleted default makes the built-in plan the default."""
    was_default = load_default_template(ctx) == name
    template_store(ctx).delete(name)
    _follow(ctx, window, name, None, lang)
    get_logger(ctx).info("plan template deleted: %s", name)
    refresh(ctx, window, "", lang)
    key = "template_deleted_default" if was_default else "template_deleted"
    return text(key, lang, {"name": name}), False


def _follow(ctx: Any, window: Any, old: str, new: Optional[str], lang: str) -> None:
    """The saved default and the page's chosen one after ``old`` became ``new`` (None: deleted)."""
    saved = load_default_template(ctx)
    after = default_after(saved, old, new)
    if after != saved:
        save_default_template(ctx, after)
    field = window.getControl(DEFAULT).getModel()
    chosen = default_typed(field.Text)
    field.Text = default_shown(default_after(chosen, old, new), lang)


def refresh(ctx: Any, window: Any, select: str, lang: str) -> None:
    """The list read again from the store, ``select`` selected."""
    fill_list(window, rows(tuple(template_store(ctx).names()), lang), select)


# --- files: export and import -------------------------------------------------------------------

def _file_name(url: str) -> str:
    return os.path.basename(uno.fileUrlToSystemPath(url)) if url.startswith("file:") else url.rsplit("/", 1)[-1]


def export_to(ctx: Any, name: str, url: str, lang: str) -> Tuple[str, bool]:
    """Write template ``name`` ("" = the built-in plan) to the file at ``url``."""
    file = _file_name(url)
    try:
        pack = template_store(ctx).load(name) if name else load_pack()
        Path(uno.fileUrlToSystemPath(url)).write_bytes(dump_pack(pack))
    except (FormError, PackError) as exc:  # the template went away, or its file broke, since shown
        return exc.message(lang), True
    except OSError as exc:
        return text("template_export_failed", lang, {"file": file, "detail": exc.strerror or str(exc)}), True
    get_logger(ctx).info("plan template %s exported to %s", name or "(built-in)", url)
    return text("template_exported", lang, {"name": default_shown(name, lang), "file": file}), False


def import_from(ctx: Any, window: Any, url: str, lang: str) -> Tuple[str, bool]:
    """Add the template in the file at ``url``, read bounded and checked; on any fault the store
    is unchanged and the status line says what is wrong and where."""
    file = _file_name(url)
    try:
        data = read_bounded(url, file)
        pack = loads_pack(data, file)
        name = template_store(ctx).import_bytes(data, file)
    except (PackError, FormError) as exc:
        get_logger(ctx).info("plan template not imported from %s: %s", url, exc)
        return text("template_import_failed", lang, {"file": file, "message": exc.message(lang)}), True
    get_logger(ctx).info("plan template imported from %s as %s", url, name)
    refresh(ctx, window, name, lang)
    own = " ".join((pack.name or Path(file).stem).split())[:MAX_NAME]
    key = "template_imported" if name == own else "template_imported_as"
    return text(key, lang, {"file": file, "name": name}), False


def read_bounded(url: str, file: str) -> bytes:
    """The file's bytes, refused unread when larger than any pack (and never more read than that,
    should it grow meanwhile); PackError for what cannot be read."""
    try:
        path = uno.fileUrlToSystemPath(url)
        size = os.path.getsize(path)
        if size > MAX_PACK_BYTES:
            raise PackError("", "pack_too_large", name=file, size=size // 1024, limit=MAX_PACK_BYTES // 1024)
        with open(path, "rb") as stream:
            return stream.read(MAX_PACK_BYTES + 1)
    except OSError as exc:
        raise PackError("", "pack_unreadable", name=file, detail=exc.strerror or str(exc)) from None


# --- LibreOffice's own windows ------------------------------------------------------------------

def pick_template_file(ctx: Any, lang: str, save: bool, default_name: str = "") -> Optional[str]:
    """LibreOffice's file dialog for a template file (.json); the URL chosen, or None. Under
    ``--headless`` it returns at once as cancelled."""
    templates = (f"{text('template_filter', lang)} (*.json)", "*.json")
    filters = (templates,) if save else (templates, (f"{text('import_filter_all', lang)} (*.*)", "*.*"))
    return pick_file(ctx, text("template_export_title" if save else "template_import_title", lang), filters,
                     save=save, default_name=default_name)


def confirm(ctx: Any, window: Any, message: str, lang: str) -> bool:
    """A 是/否 question over the Options dialog, 否 the default (deleting cannot be undone); True
    only for 是. Under ``--headless`` the box returns at once, unanswered: nothing is deleted."""
    toolkit = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", ctx)
    kind = uno.Enum("com.sun.star.awt.MessageBoxType", "QUERYBOX")
    buttons = (uno.getConstantByName("com.sun.star.awt.MessageBoxButtons.BUTTONS_YES_NO")
               | uno.getConstantByName("com.sun.star.awt.MessageBoxButtons.DEFAULT_BUTTON_NO"))
    parent = toolkit.getActiveTopWindow() or window.getPeer()
    box = toolkit.createMessageBox(parent, kind, buttons, text("box_title", lang), message)
    try:
        return int(box.execute()) == uno.getConstantByName("com.sun.star.awt.MessageBoxResults.YES")
    finally:
        box.dispose()

