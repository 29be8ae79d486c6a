"""Load, check and write content packs (JSON): the words of a plan as data.

A pack is data a party-affairs worker edits, saves from a plan (SavePlanTemplate) or receives
from the 党委 as a file, so it is untrusted input: size-bounded, every node checked, and a
malformed one is reported with the path of the offending node (``parts[1].children[0].text``)
in the UI language rather than a traceback.

Format 1 (the first releases) held each of the four meetings exactly once. Format 2 holds parts
of any kind and count in the order written (a part's ``meeting`` is optional), a title that
may or may not carry the ``{month}`` placeholder, and the paragraphs before the first part
(``preamble``) and after the last (``closing``). Format 1 files still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from ..i18n import text as i18n_text
from ..model.meeting import PLAN_ORDER, Meeting
from ..model.plan import MAX_DEPTH, Entry, Paragraph, Part

FORMAT_V1 = "sanhui-content-pack/1"
FORMAT = "sanhui-content-pack/2"
PACK_DIR = Path(__file__).resolve().parent / "packs"
DEFAULT_PACK = PACK_DIR / "month-plan.zh-CN.json"

# Bounds for a pack from outside: a month's plan is some 60 paragraphs of a few hundred
# characters; these are generous and still keep a hostile file from costing much.
MAX_PACK_BYTES = 2 * 1024 * 1024
MAX_TEXT = 20_000  # characters in one heading, paragraph or note
MAX_NODES = 5_000  # headings, paragraphs and notes in all
MAX_NAME = 60  # characters in a template's name


class PackError(ValueError):
    """A content pack that cannot be used; ``where`` names the node at fault, ``key`` the
    i18n message. ``str()`` is the Chinese sentence (the command line's and the log's)."""

    def __init__(self, where: str, key: str, **params: object) -> None:
        self.where = where
        self.key = key
        self.params: Dict[str, object] = dict(params)
        super().__init__(self.message("zh"))

    def message(self, lang: str) -> str:
        """The sentence a branch secretary reads: what is wrong, and where in the file."""
        what = i18n_text(self.key, lang, self.params)
        if not self.where:
            return what
        return i18n_text("pack_at", lang, {"where": self.where, "what": what})


@dataclass(frozen=True)
class ContentPack:
    """The words of a plan: a title (``{month}`` replaced by the month, when it has one), the
    paragraphs before the parts, the parts, and those after them."""

    title: str  # e.g. "{month}“三会一课”方案"; "" for a plan without a title
    parts: Tuple[Part, ...]
    source: str = ""
    name: str = ""  # a saved template's name; "" for the built-in pack
    title_notes: Tuple[str, ...] = ()
    preamble: Tuple[Paragraph, ...] = ()
    closing: Tuple[Paragraph, ...] = ()

    def part(self, meeting: Meeting) -> Part:
        """The first part of one meeting; KeyError when the pack has none (a saved template
        may lack a meeting: forms check ``meetings()`` first)."""
        for part in self.parts:
            if part.meeting is meeting:
                return part
        raise KeyError(meeting)

    def meetings(self) -> Tuple[Meeting, ...]:
        """The meetings this pack has a part for, in its order."""
        return tuple(part.meeting for part in self.parts if part.meeting is not None)


def load_pack(path: Path = DEFAULT_PACK) -> ContentPack:
    """Read a pack file; raises PackError naming the file and node when it is malformed."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackError("", "pack_too_large", name=path.name, size=size // 1024, limit=MAX_PACK_BYTES // 1024)
        data = path.read_bytes()
    except OSError as exc:
        raise PackError("", "pack_unreadable", name=path.name, detail=exc.strerror or str(exc)) from exc
    return loads_pack(data, path.name)


def loads_pack(data: bytes, name: str = "") -> ContentPack:
    """A pack from the bytes of a file (UTF-8 JSON, a BOM allowed), bounded and checked."""
    if len(data) > MAX_PACK_BYTES:
        raise PackError("", "pack_too_large", name=name, size=len(data) // 1024, limit=MAX_PACK_BYTES // 1024)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PackError("", "pack_not_utf8", name=name) from None
    except RecursionError:
        raise PackError("", "pack_too_deep", name=name) from None
    except ValueError as exc:
        raise PackError("", "pack_not_json", name=name, detail=str(exc)) from None
    return parse_pack(raw)


class _Budget:
    """Counts the nodes of one pack against MAX_NODES."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, where: str) -> None:
        self.used += 1
        if self.used > MAX_NODES:
            raise PackError(where, "pack_too_many", limit=MAX_NODES)


def parse_pack(raw: Any) -> ContentPack:
    """Turn the decoded JSON of a pack into model objects, checking every node."""
    obj = _mapping(raw, "")
    fmt = obj.get("format")
    if fmt not in (FORMAT, FORMAT_V1):
        raise PackError("format", "pack_format", found=str(fmt)[:40], expected=FORMAT)
    budget = _Budget()
    title = _text(obj.get("title", ""), "title", allow_empty=fmt == FORMAT)
    if fmt == FORMAT_V1 and "{month}" not in title:
        raise PackError("title", "pack_title_month")
    parts: List[Part] = []
    for index, item in enumerate(_list(obj.get("parts"), "parts")):
        where = f"parts[{index}]"
        node = _mapping(item, where)
        parts.append(Part(_meeting(node, where, required=fmt == FORMAT_V1), _entry(node, where, 1, budget)))
    if fmt == FORMAT_V1:
        found = [part.meeting for part in parts]
        # format 1 is the first releases' seed: the plan's four meetings once each (no 主题党日)
        if sorted(m.value for m in found if m) != sorted(m.value for m in PLAN_ORDER) or len(found) != len(PLAN_ORDER):
            raise PackError("parts", "pack_v1_meetings")
        parts.sort(key=lambda part: part.meeting.position if part.meeting else 0)
    preamble = _paragraphs(obj, "preamble", budget)
    closing = _paragraphs(obj, "closing", budget)
    if not parts and not preamble:
        raise PackError("parts", "pack_empty")
    name = obj.get("name", "")
    if not isinstance(name, str):
        raise PackError("name", "pack_expected_text")
    return ContentPack(
        title=title,
        parts=tuple(parts),
        source=str(obj.get("source", ""))[:MAX_TEXT],
        name=name.strip()[:MAX_NAME],
        title_notes=_notes(obj, "", budget, "title_notes"),
        preamble=preamble,
        closing=closing,
    )


def pack_to_json(pack: ContentPack) -> Dict[str, Any]:
    """The JSON object of a pack (format 2): what SavePlanTemplate stores and export writes.
    Empty lists and fields are left out, so a saved pack reads like the built-in one."""
    out: Dict[str, Any] = {"format": FORMAT, "language": "zh-CN"}
    if pack.name:
        out["name"] = pack.name
    if pack.source:
        out["source"] = pack.source
    out["title"] = pack.title
    if pack.title_notes:
        out["title_notes"] = list(pack.title_notes)
    if pack.preamble:
        out["preamble"] = [_paragraph_json(p) for p in pack.preamble]
    parts = []
    for part in pack.parts:
        node: Dict[str, Any] = {"meeting": part.meeting.value} if part.meeting else {}
        node.update(_entry_json(part.entry))
        parts.append(node)
    out["parts"] = parts
    if pack.closing:
        out["closing"] = [_paragraph_json(p) for p in pack.closing]
    return out


def dump_pack(pack: ContentPack) -> bytes:
    """A pack file's bytes: UTF-8 JSON, readable and diffable (one node a line)."""
    return (json.dumps(pack_to_json(pack), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _entry_json(entry: Entry) -> Dict[str, Any]:
    node: Dict[str, Any] = {"text": entry.text}
    if entry.notes:
        node["notes"] = list(entry.notes)
    if entry.body:
        node["body"] = [_paragraph_json(p) for p in entry.body]
    if entry.children:
        node["children"] = [_entry_json(c) for c in entry.children]
    return node


def _paragraph_json(para: Paragraph) -> Dict[str, Any]:
    node: Dict[str, Any] = {"text": para.text}
    if para.notes:
        node["notes"] = list(para.notes)
    return node


def _meeting(node: Dict[str, Any], where: str, required: bool) -> Optional[Meeting]:
    value = node.get("meeting")
    if value is None and not required:
        return None
    try:
        return Meeting(value)
    except ValueError:
        raise PackError(f"{where}.meeting", "pack_meeting", found=str(value)[:40]) from None


def _entry(node: Dict[str, Any], where: str, level: int, budget: _Budget) -> Entry:
    if level > MAX_DEPTH:
        raise PackError(where, "pack_depth", limit=MAX_DEPTH)
    budget.take(where)
    text = _text(node.get("text"), f"{where}.text")
    notes = _notes(node, where, budget)
    body = _paragraphs(node, "body", budget, where)
    children = tuple(
        _entry(_mapping(child, f"{where}.children[{i}]"), f"{where}.children[{i}]", level + 1, budget)
        for i, child in enumerate(_list(node.get("children", []), f"{where}.children"))
    )
    return Entry(text=text, notes=notes, body=body, children=children)


def _paragraphs(node: Dict[str, Any], key: str, budget: _Budget, where: str = "") -> Tuple[Paragraph, ...]:
    base = f"{where}.{key}" if where else key
    out = []
    for i, p in enumerate(_list(node.get(key, []), base)):
        here = f"{base}[{i}]"
        budget.take(here)
        obj = _mapping(p, here)
        out.append(Paragraph(text=_text(obj.get("text"), f"{here}.text"), notes=_notes(obj, here, budget)))
    return tuple(out)


def _notes(node: Dict[str, Any], where: str, budget: _Budget, key: str = "notes") -> Tuple[str, ...]:
    base = f"{where}.{key}" if where else key
    out = []
    for i, n in enumerate(_list(node.get(key, []), base)):
        budget.take(f"{base}[{i}]")
        out.append(_text(n, f"{base}[{i}]"))
    return tuple(out)


def _mapping(value: Any, where: str) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise PackError(where, "pack_expected_object")
    return value


def _list(value: Any, where: str) -> List[Any]:
    if not isinstance(value, list):
        raise PackError(where, "pack_expected_list")
    return value


def _text(value: Any, where: str, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or not (value.strip() or allow_empty):
        raise PackError(where, "pack_expected_text")
    if len(value) > MAX_TEXT:
        raise PackError(where, "pack_text_too_long", limit=MAX_TEXT)
    return value.strip()
