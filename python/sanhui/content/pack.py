"""Load and check a content pack (JSON) into model objects.

A pack is data a party-affairs worker could edit, so a malformed one is reported with the
path of the offending node (``parts[1].children[0].text``) rather than a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Tuple

from ..model.meeting import Meeting
from ..model.plan import MAX_DEPTH, Entry, Paragraph, Part

FORMAT = "sanhui-content-pack/1"
PACK_DIR = Path(__file__).resolve().parent / "packs"
DEFAULT_PACK = PACK_DIR / "month-plan.zh-CN.json"


class PackError(ValueError):
    """A content pack that cannot be used; the message names the node at fault."""


@dataclass(frozen=True)
class ContentPack:
    """The words of a monthly plan: a title template and one part per meeting."""

    title: str  # with a ``{month}`` placeholder, e.g. "{month}“三会一课”方案"
    parts: Tuple[Part, ...]
    source: str = ""

    def part(self, meeting: Meeting) -> Part:
        """The part of one meeting; every pack has all four (checked on load)."""
        for part in self.parts:
            if part.meeting is meeting:
                return part
        raise KeyError(meeting)  # unreachable for a loaded pack


def load_pack(path: Path = DEFAULT_PACK) -> ContentPack:
    """Read a pack file; raises PackError naming the file and node when it is malformed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(f"{path.name}: {exc}") from exc
    try:
        return parse_pack(raw)
    except PackError as exc:
        raise PackError(f"{path.name}: {exc}") from exc


def parse_pack(raw: Any) -> ContentPack:
    """Turn the decoded JSON of a pack into model objects, checking every node."""
    obj = _mapping(raw, "pack")
    if obj.get("format") != FORMAT:
        raise PackError(f"format must be {FORMAT!r}")
    title = _text(obj.get("title"), "title")
    if "{month}" not in title:
        raise PackError("title must contain {month}")
    parts_raw = _list(obj.get("parts"), "parts")
    parts: List[Part] = []
    for index, item in enumerate(parts_raw):
        where = f"parts[{index}]"
        node = _mapping(item, where)
        try:
            meeting = Meeting(node.get("meeting"))
        except ValueError:
            raise PackError(f"{where}.meeting: unknown meeting {node.get('meeting')!r}") from None
        parts.append(Part(meeting, _entry(node, where, 1)))
    found = [part.meeting for part in parts]
    missing = [m.value for m in Meeting if m not in found]
    repeated = [m.value for m in Meeting if found.count(m) > 1]
    if missing or repeated:
        raise PackError(f"parts must hold each meeting once; missing {missing}, repeated {repeated}")
    parts.sort(key=lambda part: part.meeting.position)
    return ContentPack(title=title, parts=tuple(parts), source=str(obj.get("source", "")))


def _entry(node: Dict[str, Any], where: str, level: int) -> Entry:
    if level > MAX_DEPTH:
        raise PackError(f"{where}: numbering goes only {MAX_DEPTH} levels deep")
    children = tuple(
        _entry(_mapping(child, f"{where}.children[{i}]"), f"{where}.children[{i}]", level + 1)
        for i, child in enumerate(_list(node.get("children", []), f"{where}.children"))
    )
    body = tuple(
        _paragraph(_mapping(p, f"{where}.body[{i}]"), f"{where}.body[{i}]")
        for i, p in enumerate(_list(node.get("body", []), f"{where}.body"))
    )
    return Entry(
        text=_text(node.get("text"), f"{where}.text"),
        notes=_notes(node, where),
        body=body,
        children=children,
    )


def _paragraph(node: Dict[str, Any], where: str) -> Paragraph:
    return Paragraph(text=_text(node.get("text"), f"{where}.text"), notes=_notes(node, where))


def _notes(node: Dict[str, Any], where: str) -> Tuple[str, ...]:
    return tuple(
        _text(n, f"{where}.notes[{i}]") for i, n in enumerate(_list(node.get("notes", []), f"{where}.notes"))
    )


def _mapping(value: Any, where: str) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise PackError(f"{where}: expected an object")
    return value


def _list(value: Any, where: str) -> List[Any]:
    if not isinstance(value, list):
        raise PackError(f"{where}: expected a list")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{where}: expected non-empty text")
    return value.strip()
