"""Finding joint minutes in a document and reading back what is signed.

A minutes sits in a section named 联建会议纪要-<token> (odf/minutes_writer.py). A .docx keeps
no sections, so a signed minutes is also found by its title, kept in the countersign record;
its tables are told apart by their contents (the items table's header, the 签字 row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from ..model.countersign import MinutesReading, normalize
from ..odf.minutes_writer import CODE_PREFIX, ITEM_HEADER, SIGN_LABEL
from .command import Refusal
from .sections import section_elements

SECTION_PREFIX = "联建会议纪要-"


@dataclass
class MinutesPlace:
    """Where one minutes is: its token, its section (None after a .docx) and elements in order."""

    token: str
    section: Any
    elements: List[Any]

    def items_table(self) -> Any:
        for el in self.elements:
            if _is_table(el) and _header(el) == ITEM_HEADER:
                return el
        return None

    def sign_table(self) -> Any:
        for el in self.elements:
            if _is_table(el) and _first_row(el)[0].endswith(SIGN_LABEL):
                return el
        return None

    def code_paragraph(self) -> Any:
        for el in reversed(self.elements):
            if not _is_table(el) and el.getString().startswith(CODE_PREFIX):
                return el
        return None


def _is_table(el: Any) -> bool:
    return bool(el.supportsService("com.sun.star.text.TextTable"))


def _first_row(table: Any) -> Tuple[str, ...]:
    rows = table.getDataArray()
    return tuple(str(c) for c in rows[0]) if rows else ("",)


def _header(table: Any) -> Tuple[str, ...]:
    return tuple(normalize(c) for c in _first_row(table))


def minutes_section(view_cursor: Any) -> Any:
    """The minutes section the cursor is in (also from inside its tables), or None."""
    section = view_cursor.TextSection
    while section is not None:
        if section.getName().startswith(SECTION_PREFIX):
            return section
        section = section.ParentSection
    return None


def place_at_cursor(doc: Any, view_cursor: Any) -> MinutesPlace:
    """The minutes the user's cursor is in; Refusal when it is in none."""
    section = minutes_section(view_cursor)
    if section is None:
        raise Refusal("not_in_minutes")
    return MinutesPlace(section.getName()[len(SECTION_PREFIX):], section, section_elements(doc, section))


def place_by_title(doc: Any, token: str, title: str) -> Optional[MinutesPlace]:
    """A signed minutes found by its title, from the title paragraph to its 会签校验码 line:
    what is left of it after a round trip through .docx."""
    sections = doc.getTextSections()
    if sections.hasByName(SECTION_PREFIX + token):
        section = sections.getByName(SECTION_PREFIX + token)
        return MinutesPlace(token, section, section_elements(doc, section))
    elements: List[Any] = []
    enum = doc.getText().createEnumeration()
    wanted = normalize(title)
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not elements:
            if not _is_table(el) and normalize(el.getString()) == wanted:
                elements.append(el)
            continue
        elements.append(el)
        if not _is_table(el) and el.getString().startswith(CODE_PREFIX):
            return MinutesPlace(token, None, elements)
    return None


def read_minutes(place: MinutesPlace) -> MinutesReading:
    """What is signed: every paragraph (the 校验码 line aside), the items without 跟踪反馈, and
    the names and dates in the countersign block."""
    items_table, sign_table = place.items_table(), place.sign_table()
    paragraphs: List[str] = []
    title = ""
    for el in place.elements:
        if _is_table(el):
            if el is not items_table and el is not sign_table:
                paragraphs.extend(" | ".join(str(c) for c in row) for row in el.getDataArray())
            continue
        text = el.getString()
        if text.startswith(CODE_PREFIX):
            continue
        if not title and text.strip():
            title = text
            continue
        paragraphs.append(text)
    items = tuple(tuple(str(c) for c in row[:4]) for row in items_table.getDataArray()[1:]) if items_table else ()
    return MinutesReading(title, tuple(paragraphs), items, signers(sign_table))


def signers(sign_table: Any) -> Tuple[Tuple[str, str], ...]:
    """(姓名, 日期) of both sides, from the block's 姓名： and 日期： rows."""
    if sign_table is None:
        return ()
    rows = [tuple(str(c) for c in r) for r in sign_table.getDataArray()]
    name_row = next((r for r in rows if r[0].startswith("姓名")), ("", ""))
    date_row = next((r for r in rows if r[0].startswith("日期")), ("", ""))
    return tuple((_after_colon(name_row[i]), _after_colon(date_row[i])) for i in range(2))


def _after_colon(cell: str) -> str:
    return cell.split("：", 1)[1].strip() if "：" in cell else cell.strip()
