"""The branch's own plan templates: content packs kept as files in a folder of the user profile.

SavePlanTemplate writes one from the plan the secretary edited; InsertPlan reads one back by
name; the 方案模板 options page lists, renames, deletes, exports and imports them (a 党委 sends
its month's plan to all its branches as one file). Each template is one JSON pack whose file
name is derived from nothing the user typed (a name may hold any character a file name may
not), with the template's name inside it; a file that does not read as a pack is passed over
in the list, not fatal to it.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .content.pack import MAX_NAME, MAX_PACK_BYTES, ContentPack, PackError, dump_pack, load_pack, loads_pack
from .forms.errors import FormError
from .i18n import LANGS, text

MAX_TEMPLATES = 200  # a branch keeps a few dozen; the list is read at every InsertPlan dialog
SUFFIX = ".json"
BUILT_IN = "内置方案"  # how the seed pack is named where a name is shown (options page, dialog)


def built_in_label(lang: str) -> str:
    """The built-in plan's row on the 方案模板 page: 内置方案（2023年9月种子方案）."""
    return text("template_built_in", lang)


def reserved_names() -> Tuple[str, ...]:
    """Names no saved template may have: they stand for the built-in plan where names are shown,
    so a template called so could not be told from it."""
    return (BUILT_IN, *(built_in_label(lang) for lang in LANGS))


def _cleaned(name: str) -> str:
    return " ".join(name.split())


def check_name(name: str, field: str = "Name") -> str:
    """A template's name as typed, trimmed; FormError naming ``field`` when it is unusable."""
    cleaned = _cleaned(name)
    if not cleaned:
        raise FormError(field, "required")
    if len(cleaned) > MAX_NAME:
        raise FormError(field, "too_long", limit=MAX_NAME)
    if any(ord(c) < 32 for c in cleaned) or cleaned in reserved_names():
        raise FormError(field, "template_name_bad", name=cleaned)
    return cleaned


class TemplateStore:
    """The templates in ``folder`` (made on first save)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _files(self) -> Dict[str, Path]:
        """Name → file, for every file that reads as a named pack (newest wins a name clash)."""
        found: Dict[str, Path] = {}
        try:
            entries = sorted(self.folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime)
        except OSError:
            return found
        for path in entries[-MAX_TEMPLATES:]:
            if path.name.startswith("."):  # a save cut short (.saving-…): never a template
                continue
            try:
                pack = load_pack(path)
            except PackError:
                continue
            if pack.name:
                found[pack.name] = path
        return found

    def names(self) -> List[str]:
        """The saved templates' names, in the order a person looks for them."""
        return sorted(self._files())

    def load(self, name: str) -> ContentPack:
        """The template called ``name``; FormError(Template) when there is none."""
        path = self._files().get(name)
        if path is None:
            raise FormError("Template", "template_missing", name=name)
        return load_pack(path)

    def find(self, name: str) -> Optional[Path]:
        """The file of ``name``, or None."""
        return self._files().get(name)

    def save(self, name: str, pack: ContentPack) -> Path:
        """Store ``pack`` as ``name``, replacing a template of that name (atomically: a crash
        leaves the old file or the new one, never half of one)."""
        name = check_name(name)
        existing = self.find(name)
        target = existing or self.folder / f"{uuid.uuid4().hex}{SUFFIX}"
        data = dump_pack(replace(pack, name=name))
        if len(data) > MAX_PACK_BYTES:
            raise FormError("Name", "template_too_large", limit=MAX_PACK_BYTES // 1024)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".saving-", suffix=SUFFIX, dir=str(self.folder))
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, target)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
        return target

    def rename(self, old: str, new: str) -> None:
        """Give a template another name; refused when the new name is taken."""
        new = check_name(new)
        if new == old:
            return
        if self.find(new) is not None:
            raise FormError("Name", "template_exists", name=new)
        pack = self.load(old)
        path = self._files()[old]
        self.save(new, pack)
        path.unlink()

    def delete(self, name: str) -> None:
        """Remove a template (a missing one is already gone)."""
        path = self.find(name)
        if path is not None:
            path.unlink()

    def export(self, name: str, target: Path) -> None:
        """Write the template to ``target``, a file to send to other branches."""
        target.write_bytes(dump_pack(self.load(name)))

    def import_file(self, source: Path) -> str:
        """Add the template in ``source`` (untrusted: bounded and checked, PackError naming the
        node at fault); returns the name it was stored under — its own, else the file's, with
        “（2）” added when a template of that name exists already (or the name is the built-in
        plan's). The name is the sender's choice, not a mistake of the person importing: one too
        long is shortened, not refused."""
        pack = load_pack(source)
        base = _cleaned(pack.name or source.stem)[:MAX_NAME]
        taken = set(self.names()) | set(reserved_names())
        name, n = base, 2
        while name in taken:
            suffix = f"（{n}）"
            name = f"{base[:MAX_NAME - len(suffix)]}{suffix}"
            n += 1
        self.save(check_name(name, "Source"), pack)
        return name

    def import_bytes(self, data: bytes, file_name: str) -> str:
        """As ``import_file``, from bytes already read (the options page's file picker)."""
        pack = loads_pack(data, file_name)
        handle, temp = tempfile.mkstemp(suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(dump_pack(replace(pack, name=pack.name or Path(file_name).stem)))
            return self.import_file(Path(temp))
        finally:
            os.unlink(temp)
