"""Read action items out of .odt and .docx files without LibreOffice, treating every file as
untrusted: no DTDs or entities, a bound on what is unzipped, one clear error per bad file.

Items are found by the tables the extension writes, recognised by their header rows: the
minutes' 序号/事项/责任人/完成时限/跟踪反馈 and the task list's 序号/对标事项/…/完成情况. A .docx
keeps those tables (LibreOffice writes the drop-down status as its text).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from ..model.benchmark import TASK_HEADER
from ..model.ledger import KIND_BENCHMARK, KIND_MINUTES, LedgerItem
from .minutes_writer import ITEM_HEADER
from .xml import NS, parse, text_transform

MAX_PART = 64 * 1024 * 1024
_HEADERS = (ITEM_HEADER, TASK_HEADER)  # a content.xml or document.xml larger than this is refused
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class BadFile(Exception):
    """A file that cannot be read as a document; the message says why, for the report."""


def _read_part(path: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(name)
            if info.file_size > MAX_PART:
                raise BadFile(f"{name} unpacks to {info.file_size // (1024 * 1024)} MiB (limit {MAX_PART >> 20})")
            with zf.open(info) as part:
                data = part.read(MAX_PART + 1)  # the header may lie: read no more than the limit
    except KeyError:
        raise BadFile(f"no {name}: not a text document") from None
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise BadFile(f"not a readable zip: {exc}") from None
    if len(data) > MAX_PART:
        raise BadFile(f"{name} is larger than {MAX_PART >> 20} MiB")
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise BadFile("declares a DTD or entities, which documents never need")
    return data


def _root(path: Path, name: str) -> Tuple[Any, bytes]:
    data = _read_part(path, name)
    try:
        return parse(data), data
    except Exception as exc:  # lxml and ElementTree raise different types
        raise BadFile(f"{name} is not well-formed XML: {exc}") from None


_T = "{" + NS["table"] + "}"
_P = "{" + NS["text"] + "}p"

# What _odt_tables_tree reads, done inside libxml2 in one call per file: with lxml the Python
# walk over every cell cost as much as the parse itself (bench/ledger.py). Rows and cells are
# marked with private-use characters; a part that contains them takes the tree walk instead.
MAX_SPACES = 10000  # a text:s claiming more is a hostile file, not a document
_FIRST_HEADER = ITEM_HEADER[0]  # 序号: both of our tables start with it
assert TASK_HEADER[0] == _FIRST_HEADER
_TABLE, _ROW, _CELL = "\ue000", "\ue002", "\ue001"
_MARKS = "\ue000".encode()[:2]  # the UTF-8 lead of U+E000–U+E03F
_TABLES_XSLT_TEXT = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:table="{NS['table']}" xmlns:text="{NS['text']}">
 <xsl:output method="text" encoding="UTF-8"/>
 <xsl:template match="/">
  <xsl:for-each select="//table:table[normalize-space(table:table-header-rows/table:table-row[1]/table:table-cell[1])
                                     = '{_FIRST_HEADER}' or normalize-space(table:table-row[1]/table:table-cell[1])
                                     = '{_FIRST_HEADER}']">
   <xsl:text>&#xE000;</xsl:text>
   <xsl:for-each select="table:table-header-rows/table:table-row[1]|table:table-row">
    <xsl:for-each select="table:table-cell|table:covered-table-cell">
     <xsl:choose>
      <xsl:when test="count(.//text:p) &gt; 1 or .//text:s or .//text:tab or .//text:line-break">
       <xsl:for-each select=".//text:p"><xsl:text>&#10;</xsl:text><xsl:apply-templates mode="t"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise><!-- plain text: the fast way -->
     </xsl:choose>
     <xsl:text>&#xE001;</xsl:text>
    </xsl:for-each>
    <xsl:text>&#xE002;</xsl:text>
   </xsl:for-each>
  </xsl:for-each>
 </xsl:template>
 <!-- a paragraph's text as written: text:s is spaces (text:c of them), text:tab a tab, text:line-break a new line -->
 <xsl:template match="text:s" mode="t">
  <xsl:call-template name="spaces"><!-- at most MAX_SPACES: a hostile text:c is not a document's -->
   <xsl:with-param name="n"
                   select="(@text:c &gt; {MAX_SPACES}) * {MAX_SPACES} + not(@text:c &gt; {MAX_SPACES}) * @text:c"/>
  </xsl:call-template>
 </xsl:template>
 <xsl:template match="text:tab" mode="t"><xsl:text>&#9;</xsl:text></xsl:template>
 <xsl:template match="text:line-break" mode="t"><xsl:text>&#10;</xsl:text></xsl:template>
 <xsl:template match="text:p" mode="t"/><!-- a nested table's paragraphs come in for-each above -->
 <xsl:template match="*" mode="t"><xsl:apply-templates mode="t"/></xsl:template>
 <xsl:template name="spaces">
  <xsl:param name="n"/>
  <xsl:choose>
   <xsl:when test="not($n &gt; 1)"><xsl:text> </xsl:text></xsl:when>
   <xsl:when test="$n &lt;= 32"><xsl:value-of select="substring('{' ' * 32}', 1, $n)"/></xsl:when>
   <xsl:otherwise>
    <xsl:text>{' ' * 32}</xsl:text>
    <xsl:call-template name="spaces"><xsl:with-param name="n" select="$n - 32"/></xsl:call-template>
   </xsl:otherwise>
  </xsl:choose>
 </xsl:template>
</xsl:stylesheet>"""
_compiled: List[Any] = []  # the XSLT compiled on first use: an office's first command need not pay for it


def _tables_xslt() -> Optional[Any]:
    if not _compiled:
        _compiled.append(text_transform(_TABLES_XSLT_TEXT.encode()))
    return _compiled[0]


def _lines(raw: str) -> str:
    """A cell's paragraphs, each stripped, empty ones left out, one per line."""
    if raw.count("\n") <= 1:  # one paragraph (or none): most cells
        return raw.strip()
    return "\n".join(t for t in (line.strip() for line in raw.split("\n")) if t)


def _cell(cell: Any) -> str:
    """A cell's text; a drop-down field's shown value is the text after its labels."""
    return _lines("\n".join(_written(p) for p in cell.iter(_P)))


_S, _TAB, _BREAK = (f"{{{NS['text']}}}{name}" for name in ("s", "tab", "line-break"))


def _written(p: Any) -> str:
    """A paragraph's text as written: text:s is text:c spaces, text:tab a tab, text:line-break a
    new line (itertext() would drop all three); nested paragraphs are read on their own."""
    out = [p.text or ""]
    for child in p:
        tag = child.tag
        if tag == _S:
            count = child.get(f"{{{NS['text']}}}c") or "1"
            out.append(" " * min(int(count) if count.isdigit() else 1, MAX_SPACES))
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BREAK:
            out.append("\n")
        elif tag != _P:
            out.append(_written(child))
        out.append(child.tail or "")
    return "".join(out)


def _odt_tables(root: Any, data: bytes) -> Iterator[List[List[str]]]:
    """Rows of the tables whose header row is one of ours (header first)."""
    transform = _tables_xslt()
    if transform is None or _MARKS in data:
        yield from _odt_tables_tree(root)
        return
    for table in str(transform(root)).split(_TABLE)[1:]:
        rows = table.split(_ROW)[:-1]
        if not rows:
            continue
        header = [_lines(c) for c in rows[0].split(_CELL)[:-1]]
        if tuple(header) in _HEADERS:
            yield [header] + [[_lines(c) for c in row.split(_CELL)[:-1]] for row in rows[1:]]


def _odt_tables_tree(root: Any) -> Iterator[List[List[str]]]:
    """Rows of the tables whose header row is one of ours; other tables cost one row each."""
    for table in root.iter(_T + "table"):
        header_rows = table.find(_T + "table-header-rows")
        first = (header_rows if header_rows is not None else table).find(_T + "table-row")
        if first is None:
            continue
        header = [_cell(c) for c in _cells(first)]
        if tuple(header) not in _HEADERS:
            continue
        body = table.findall(_T + "table-row")
        if header_rows is None:
            body = body[1:]
        yield [header] + [[_cell(c) for c in _cells(row)] for row in body]


def _cells(row: Any) -> List[Any]:
    return [c for c in row if c.tag in (_T + "table-cell", _T + "covered-table-cell")]


def _docx_tables(root: Any) -> Iterator[List[List[str]]]:
    for table in root.iter(f"{{{W}}}tbl"):
        rows = []
        for row in table.findall(f"{{{W}}}tr"):
            rows.append(["".join(t.text or "" for t in cell.iter(f"{{{W}}}t")).strip()
                         for cell in row.findall(f"{{{W}}}tc")])
        yield rows


def _items(rows: Sequence[Sequence[str]], source: str, today: date) -> List[LedgerItem]:
    if not rows:
        return []
    header = tuple(c.strip() for c in rows[0])
    if header == ITEM_HEADER:
        kind, picks = KIND_MINUTES, (0, 1, 2, 3, 4)
    elif header == TASK_HEADER:
        kind, picks = KIND_BENCHMARK, (0, 1, 5, 6, 7)
    else:
        return []
    out = []
    for row in rows[1:]:
        cells = list(row) + [""] * (len(header) - len(row))
        number, item, owner, deadline, status = (cells[i] for i in picks)
        if item:
            out.append(LedgerItem(source, kind, number, item, owner, deadline, _deadline(deadline, today), status))
    return out


_GB_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _deadline(text: str, today: date) -> Optional[date]:
    """The extension writes deadlines as 2023年10月31日: read that directly, anything else
    through the full parser (people edit the cells)."""
    from ..dates import DateInputError, parse_meeting_time

    match = _GB_DATE.fullmatch(text.strip())
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        return parse_meeting_time(text, today).day if text.strip() else None
    except DateInputError:
        return None


def read_items(path: Path, today: date) -> List[LedgerItem]:
    """Every action item in one file; BadFile when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".odt":
        tables = _odt_tables(*_root(path, "content.xml"))
    elif suffix == ".docx":
        tables = _docx_tables(_root(path, "word/document.xml")[0])
    else:
        raise BadFile("neither .odt nor .docx")
    items: List[LedgerItem] = []
    for rows in tables:
        items.extend(_items(rows, path.name, today))
    return items


def documents(folder: Path) -> List[Path]:
    """The .odt and .docx files below ``folder`` in a stable order, without the lock files
    LibreOffice (.~lock.*#) and Word (~$*) leave beside open documents."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".odt", ".docx") and p.is_file()
                  and not p.name.startswith((".~lock", "~$")))


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
