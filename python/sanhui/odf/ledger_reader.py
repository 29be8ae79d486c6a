"""Read action items out of .odt and .docx files without LibreOffice, treating every file as
untrusted: no DTDs or entities, a bound on what is unzipped, one clear error per bad file.

Items are found by the tables the extension writes, recognised by their header rows: the
minutes' 序号/事项/责任人/完成时限/跟踪反馈 and the task list's 序号/对标事项/…/完成情况. A .docx
keeps those tables (LibreOffice writes the drop-down status as its text). Of an .odt only the
tables are parsed when they can be cut out of content.xml exactly (only_tables): the ledger reads
a folder of a year's documents in about the time it takes merely to unzip and parse them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from ..model.benchmark import TASK_HEADER
from ..model.ledger import KIND_BENCHMARK, KIND_MINUTES, LedgerItem
from .cut import START_TAG as _START_TAG
from .cut import exact_root
from .minutes_writer import ITEM_HEADER
from .odt_text import MAX_SPACES as MAX_SPACES
from .odt_text import row_texts as _row
from .untrusted import MAX_PART as MAX_PART
from .untrusted import BadFile as BadFile
from .untrusted import documents as documents
from .untrusted import parse_part as _parsed
from .untrusted import read_part as _read_part
from .xml import NS, parse

_HEADERS = (ITEM_HEADER, TASK_HEADER)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _root(path: Path, name: str) -> Any:
    return _parsed(_read_part(path, name), name)


def _odt_root(path: Path) -> Any:
    """content.xml's tables under its root element: only the tables when they can be cut out
    by their bytes exactly (the parse is most of the ledger's time, and the tables are a part of
    the file), else the whole part."""
    data = _read_part(path, "content.xml")
    tables = only_tables(data)
    if tables is not None:
        try:
            return parse(tables)
        except Exception:  # the whole part is parsed below: its error is the one to report
            pass
    return _parsed(data, "content.xml")


_TABLE_URI = NS["table"].encode()
_TABLE_TAG = re.compile(rb"table:table[\s/>]")  # after "<" a start tag, after "</" an end tag
_FIRST_HEADER = ITEM_HEADER[0].encode()[:3]  # 序: a table without it anywhere is not one of ours
assert TASK_HEADER[0] == ITEM_HEADER[0]


def only_tables(data: bytes) -> Optional[bytes]:
    """The part's root element holding only those of its outermost tables that may be ours,
    cut out of the bytes; None when the cut might read otherwise than parsing the whole part.

    The cut is exact when every "<" in the part starts a tag: no comment, CDATA section or
    processing instruction after the declaration (a DTD is refused earlier), so "<table:table"
    is a table's start tag; when no namespace is declared below the root, so each prefix in a
    table means what the root says; and when the part is UTF-8 with "table" bound to ODF's table
    namespace and no other prefix bound to it (the root's start tag holds no reference, which could
    spell that namespace otherwise). LibreOffice and this extension write content.xml so; anything
    else is parsed whole.
    A table is left out when 序 is nowhere in it, nor a character reference that could be 序.
    What is not cut out is not parsed: a part broken only outside its tables is still read."""
    found = exact_root(data, b"table", _TABLE_URI)
    if found is None:
        return None
    end, root_tag, name = found
    body = data.find(b"<office:body", end)  # the styles before the body are not scanned by regex,
    if body < 0 or data.find(b"table:table", end, body) >= 0:  # only searched for the words
        body = end
    kept = [root_tag]
    depth = first = 0
    for match in _TABLE_TAG.finditer(data, body):
        at = match.start()
        if data[at - 1:at] == b"<":
            tag = _START_TAG.match(data, at - 1)
            if tag is None or tag.group(2):
                return None  # <table:table/> has no rows: not a table anyone writes
            if depth == 0:
                first = at - 1
            depth += 1
        elif data[at - 2:at] == b"</":
            if depth == 0:
                return None
            depth -= 1
            if depth == 0:
                table = data[first:data.find(b">", match.end() - 1) + 1]
                if _FIRST_HEADER in table or b"&#" in table:  # most often 序 is found at once
                    kept.append(_without_attributes(table))
    if depth:
        return None
    kept.append(b"</" + name + b">")
    return b"".join(kept)


_UNREAD = (b"<table:table-cell ", b"<text:p ")  # elements whose attributes the ledger never reads


def _without_attributes(table: bytes) -> bytes:
    """The table with the first few forms of its cells' and paragraphs' start tags stripped of
    their attributes (styles, value types): half of what libxml2 would otherwise parse, and
    nothing the ledger reads. A writer gives most cells one style and paragraphs a few, so a
    handful of exact replacements do it; as every "<" starts a tag (see only_tables), each one
    replaced is a whole tag. Other forms are only parsed as they are."""
    for opening in _UNREAD:
        at = table.find(opening)
        for _ in range(3):  # the first three forms found: most cells and paragraphs have one of them
            if at < 0:
                break
            tag = _START_TAG.match(table, at)
            if tag is None:
                break
            bare = opening[:-1] + (b"/>" if tag.group(2) else b">")
            table = table.replace(tag.group(0), bare)
            at = table.find(opening, at)
    return table


_T = "{" + NS["table"] + "}"
_TABLE, _HEADER_ROWS, _ROW = _T + "table", _T + "table-header-rows", _T + "table-row"


def _odt_tables(root: Any) -> Iterator[List[List[str]]]:
    """Rows of the tables whose header row is one of ours (header first); other tables cost
    their first row."""
    for table in root.iter(_TABLE):
        rows, header_rows = [], None
        for child in table:
            tag = child.tag
            if tag == _ROW:
                rows.append(child)
            elif tag == _HEADER_ROWS and header_rows is None:
                header_rows = child
        first = header_rows.find(_ROW) if header_rows is not None else rows[0] if rows else None
        if first is None:
            continue
        header = _row(first)
        if tuple(header) in _HEADERS:
            yield [header] + [_row(row) for row in (rows[1:] if header_rows is None else rows)]


def _docx_tables(root: Any) -> Iterator[List[List[str]]]:
    for table in root.iter(f"{{{W}}}tbl"):
        rows = []
        for row in table.findall(f"{{{W}}}tr"):
            rows.append(["".join(t.text or "" for t in cell.iter(f"{{{W}}}t")).strip()
                         for cell in row.findall(f"{{{W}}}tc")])
        yield rows


def _items(rows: Sequence[Sequence[str]], source: str, today: date) -> List[LedgerItem]:
    """The items of one table read by either reader (cells come stripped)."""
    if not rows:
        return []
    header = tuple(rows[0])
    if header == ITEM_HEADER:
        kind, (number, item, owner, deadline, status) = KIND_MINUTES, (0, 1, 2, 3, 4)
    elif header == TASK_HEADER:
        kind, (number, item, owner, deadline, status) = KIND_BENCHMARK, (0, 1, 5, 6, 7)
    else:
        return []
    out = []
    for row in rows[1:]:
        if len(row) < len(header):  # a row with cells merged away
            row = list(row) + [""] * (len(header) - len(row))
        if row[item]:
            out.append(LedgerItem(source, kind, row[number], row[item], row[owner], row[deadline],
                                  _deadline(row[deadline], today), row[status]))
    return out


_GB_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _deadline(text: str, today: date) -> Optional[date]:
    """The extension writes deadlines as 2023年10月31日: read that directly, anything else
    through the full parser (people edit the cells)."""
    match = _GB_DATE.fullmatch(text)
    if match:
        year, month, day = match.groups()
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            return None
    from ..dates import DateInputError, parse_meeting_time

    try:
        return parse_meeting_time(text, today).day if text.strip() else None
    except DateInputError:
        return None


def read_items(path: Path, today: date) -> List[LedgerItem]:
    """Every action item in one file; BadFile when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".odt":
        tables = _odt_tables(_odt_root(path))
    elif suffix == ".docx":
        tables = _docx_tables(_root(path, "word/document.xml"))
    else:
        raise BadFile("neither .odt nor .docx")
    items: List[LedgerItem] = []
    for rows in tables:
        items.extend(_items(rows, path.name, today))
    return items


def scan(folder: Path, today: date) -> Iterator[Tuple[Path, Optional[List[LedgerItem]], str]]:
    """(file, its items or None, the error) for every document below ``folder``, one at a
    time: memory stays flat however many files there are."""
    for path in documents(folder):
        yield read_one(path, today)


def read_one(path: Path, today: date) -> Tuple[Path, Optional[List[LedgerItem]], str]:
    """(file, its items, "") or (file, None, why it cannot be read)."""
    try:
        return path, read_items(path, today), ""
    except BadFile as exc:
        return path, None, str(exc)
