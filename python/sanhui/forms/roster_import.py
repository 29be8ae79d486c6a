"""Reading the member roll from a sheet the secretary already keeps: CSV (UTF-8 with or without BOM,
GBK/GB18030 as Chinese Excel writes it, UTF-16 as its “Unicode text”; comma, tab or semicolon) or XLSX
(its first sheet, read with zipfile and expat). ODS and XLS go through LibreOffice (office layer),
which hands the rows to ``roll_from_rows`` like these readers do.

The file is untrusted input: its size and every part's unpacked size are bounded (read, not taken
from the zip's headers), XML with a DTD or an entity declaration is refused before anything is
expanded, and at most MAX_ROWS rows are read.

The header row is found by its names within the first HEADER_SCAN rows (a title such as
“机关第一党支部党员名册” often sits above it): 姓名 is required; 党小组/所在党小组, 类别/党员类别/身份
(正式党员/预备党员) and 是否支委/职务 (书记, 组织委员 …) are used when present. Rows without a name are
skipped; a row whose 类别 is neither 正式 nor 预备 (入党积极分子, 发展对象) is skipped and named.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple
from xml.parsers import expat

from ..model.profile import Member
from .errors import FormError
from .roster_form import MAX_NAME, MAX_ROLL, SEPARATORS, is_committee_word

FIELD = "RosterFile"
MAX_FILE = 20 * 1024 * 1024  # bytes of the file itself
MAX_PART = 32 * 1024 * 1024  # bytes of one unpacked XLSX part
MAX_ROWS = 20000  # rows read (with empty ones) before giving up
MAX_COLUMNS = 200  # a roll's columns are within these; cells further right are ignored
HEADER_SCAN = 20
NAME_HEADER = "姓名"

Rows = List[Tuple[int, List[str]]]  # (row number in the sheet, cells)

# header names, exact first, then “contains”
_HEADERS: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    "name": (("姓名", "党员姓名", "名字", "姓名（必填）"), ("姓名",)),
    "group": (("党小组", "所在党小组", "所属党小组", "党小组名称", "小组"), ("党小组",)),
    "category": (("类别", "党员类别", "身份", "党员身份", "人员类别", "党籍状态", "党员类型"), ("类别", "身份")),
    "committee": (("是否支委", "支委", "是否支部委员", "职务", "党内职务", "支部职务"), ("支委", "职务")),
}
_YES = frozenset({"是", "√", "✓", "✔", "y", "yes", "1", "true", "是的"})
_HEADER_NOISE = re.compile(r"[\s*＊:：]")


@dataclass(frozen=True)
class ImportedRoll:
    """What a sheet gave: the members in its order, and what was left out."""

    members: Tuple[Member, ...]
    header_row: int
    no_name: int = 0  # rows below the header without a name
    other: Tuple[Tuple[int, str], ...] = ()  # (row, 类别) of rows that are no members


def read_roster(data: bytes, file: str = "") -> ImportedRoll:
    """The roll in a CSV or XLSX file's bytes; FormError (field RosterFile) naming what is wrong."""
    return roll_from_rows(read_rows(data, file), file)


def read_rows(data: bytes, file: str = "") -> Rows:
    if len(data) > MAX_FILE:
        raise FormError(FIELD, "import_too_big", file=file, size=_mib(len(data)), limit=_mib(MAX_FILE))
    if data[:4] == b"PK\x03\x04":
        return xlsx_rows(data, file)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or (b"\x00" in data[:4096] and not utf16):
        raise FormError(FIELD, "import_not_table", file=file)  # .xls or other binary: through LibreOffice
    return csv_rows(data, file)


# --- CSV ------------------------------------------------------------------------------------

def csv_rows(data: bytes, file: str = "") -> Rows:
    content = _decode(data, file)
    lines = content.splitlines()
    delimiter = _delimiter([line for line in lines if line.strip()][:5])
    rows: Rows = []
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter), 1):
            if number > MAX_ROWS:
                raise FormError(FIELD, "import_too_many", file=file, limit=MAX_ROWS)
            rows.append((number, [c.strip() for c in cells[:MAX_COLUMNS]]))
    except csv.Error as exc:
        raise FormError(FIELD, "import_broken", file=file, detail=str(exc)) from None
    return rows


def _decode(data: bytes, file: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings: Tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise FormError(FIELD, "import_encoding", file=file)


def _delimiter(lines: Sequence[str]) -> str:
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# --- XLSX -----------------------------------------------------------------------------------

class _Unsafe(Exception):
    pass


class _Enough(Exception):
    pass


def xlsx_rows(data: bytes, file: str = "") -> Rows:
    """The first sheet's rows (cells as text, numbers without a trailing .0)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise FormError(FIELD, "import_not_table", file=file)
            sheet = _first_sheet(archive, names, file)
            strings = _shared_strings(archive, file) if "xl/sharedStrings.xml" in names else []
            return _sheet_rows(_part(archive, sheet, file), strings, file)
    except FormError:
        raise
    except (zipfile.BadZipFile, zlib.error, struct.error, KeyError, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:  # whatever a damaged zip raises (a bad CRC, a cut stream …)
        raise FormError(FIELD, "import_broken", file=file, detail=str(exc)[:80] or type(exc).__name__) from None


def _part(archive: zipfile.ZipFile, name: str, file: str) -> bytes:
    """An unpacked part, read at most MAX_PART bytes far whatever the zip's header claims."""
    with archive.open(name) as stream:
        data = stream.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise FormError(FIELD, "import_too_big", file=file, size=f"{name} > {_mib(MAX_PART)}",
                        limit=_mib(MAX_PART))
    return data


def _parse(data: bytes, file: str, start: Callable[[str, Dict[str, str]], None],
           end: Callable[[str], None], chars: Callable[[str], None]) -> None:
    """expat with no DTD at all (so no entity can be declared, expanded or fetched)."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise _Unsafe()

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = lambda name, attrs: start(name.rpartition(" ")[2], attrs)
    parser.EndElementHandler = lambda name: end(name.rpartition(" ")[2])
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except _Unsafe:
        raise FormError(FIELD, "import_unsafe", file=file) from None
    except _Enough:
        return
    except expat.ExpatError as exc:
        raise FormError(FIELD, "import_broken", file=file, detail=str(exc)[:80]) from None


def _refuse_external(*_: object) -> int:
    raise _Unsafe()


def _first_sheet(archive: zipfile.ZipFile, names: Set[str], file: str) -> str:
    """The workbook's first <sheet>, through its relationship; sheet1.xml when that fails."""
    first: List[str] = []
    targets: Dict[str, str] = {}

    def on_sheet(name: str, attrs: Dict[str, str]) -> None:
        if name == "sheet" and not first:
            rid = next((v for k, v in attrs.items() if k.rpartition(" ")[2] == "id"), "")
            first.append(rid)

    def on_rel(name: str, attrs: Dict[str, str]) -> None:
        if name == "Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    _parse(_part(archive, "xl/workbook.xml", file), file, on_sheet, _ignore, _ignore)
    if "xl/_rels/workbook.xml.rels" in names:
        _parse(_part(archive, "xl/_rels/workbook.xml.rels", file), file, on_rel, _ignore, _ignore)
    target = targets.get(first[0], "") if first else ""
    path = target.lstrip("/") if target.startswith("/") else "xl/" + target
    path = re.sub(r"[^/]+/\.\./", "", path)
    if target and path in names:
        return path
    if "xl/worksheets/sheet1.xml" in names:
        return "xl/worksheets/sheet1.xml"
    raise FormError(FIELD, "import_broken", file=file, detail="no worksheet")


def _shared_strings(archive: zipfile.ZipFile, file: str) -> List[str]:
    strings: List[str] = []
    state = {"in_t": False, "skip": 0}
    parts: List[str] = []

    def start(name: str, attrs: Dict[str, str]) -> None:
        if name == "si":
            parts.clear()
        elif name in ("rPh", "phoneticPr"):  # phonetic guides (ruby) are not part of the text
            state["skip"] += 1
        elif name == "t" and not state["skip"]:
            state["in_t"] = True

    def end(name: str) -> None:
        if name == "si":
            strings.append("".join(parts))
        elif name in ("rPh", "phoneticPr"):
            state["skip"] -= 1
        elif name == "t":
            state["in_t"] = False

    def chars(data: str) -> None:
        if state["in_t"]:
            parts.append(data)

    _parse(_part(archive, "xl/sharedStrings.xml", file), file, start, end, chars)
    return strings


def _sheet_rows(data: bytes, strings: Sequence[str], file: str) -> Rows:
    reader = _SheetReader(strings, file)
    _parse(data, file, reader.start, reader.end, reader.chars)
    return reader.rows


class _SheetReader:
    """expat callbacks collecting <row>s of <c>ells: shared (t="s"), inline (<is><t>), numbers."""

    def __init__(self, strings: Sequence[str], file: str) -> None:
        self.strings = strings
        self.file = file
        self.rows: Rows = []
        self.number = 0  # the row being read (0: none)
        self.cells: Dict[int, str] = {}
        self.next_column = 0
        self.column: Optional[int] = None  # the cell being read
        self.kind = "n"
        self.text: List[str] = []
        self.take = False
        self.ruby = False

    def start(self, name: str, attrs: Dict[str, str]) -> None:
        if name == "row":
            if len(self.rows) >= MAX_ROWS:
                raise FormError(FIELD, "import_too_many", file=self.file, limit=MAX_ROWS)
            reference = attrs.get("r", "")
            previous = self.rows[-1][0] if self.rows else 0
            self.number = int(reference) if reference.isdigit() else previous + 1
            self.cells, self.next_column = {}, 0
        elif name == "c" and self.number:
            column = _column(attrs.get("r", ""))
            self.column = self.next_column if column is None else column
            self.kind, self.text = attrs.get("t", "n"), []
        elif name in ("v", "t") and self.column is not None:
            self.take = True
        elif name == "rPh":  # a phonetic guide (ruby) is no part of the cell's text
            self.ruby = True

    def end(self, name: str) -> None:
        if name in ("v", "t"):
            self.take = False
        elif name == "rPh":
            self.ruby = False
        elif name == "c" and self.column is not None:
            if self.column < MAX_COLUMNS:
                self.cells[self.column] = self.value()
            self.next_column, self.column = self.column + 1, None
        elif name == "row" and self.number:
            width = max(self.cells) + 1 if self.cells else 0
            self.rows.append((self.number, [self.cells.get(i, "") for i in range(width)]))
            self.number = 0

    def chars(self, data: str) -> None:
        if self.take and not self.ruby:
            self.text.append(data)

    def value(self) -> str:
        raw = "".join(self.text).strip()
        if self.kind == "s":
            index = int(raw) if raw.isdigit() else -1
            return self.strings[index].strip() if 0 <= index < len(self.strings) else ""
        if self.kind == "b":
            return "TRUE" if raw == "1" else "FALSE"
        if self.kind == "e":
            return ""
        if self.kind == "n" and raw:
            try:
                number = float(raw)
            except ValueError:
                return raw
            return str(int(number)) if number.is_integer() and abs(number) < 1e15 else raw
        return raw


def _column(reference: str) -> Optional[int]:
    """“C7” → 2 (columns from 0); None when the cell has no reference."""
    letters = re.match(r"[A-Z]+", reference.upper())
    if not letters:
        return None
    index = 0
    for letter in letters.group():
        index = index * 26 + ord(letter) - 64
    return index - 1


def _ignore(*_: object) -> None:
    return None


# --- rows → roll ------------------------------------------------------------------------------

def roll_from_rows(rows: Sequence[Tuple[int, Sequence[str]]], file: str = "") -> ImportedRoll:
    """Find the header, then read every row under it; FormError when there is no 姓名 column."""
    header_at, columns = _header(rows, file)
    members: List[Member] = []
    seen: Dict[str, int] = {}
    no_name = 0
    other: List[Tuple[int, str]] = []
    for number, cells in rows[header_at + 1:]:
        def cell(role: str, cells: Sequence[str] = cells) -> str:
            index = columns.get(role)
            return " ".join(cells[index].split()) if index is not None and index < len(cells) else ""

        name = cell("name")
        if not name:
            no_name += 1 if any(c.strip() for c in cells) else 0
            continue
        category = cell("category")
        if category and "预备" not in category and "正式" not in category:
            other.append((number, category))
            continue
        group = cell("group")
        for value in (name, group):
            if len(value) > MAX_NAME or SEPARATORS.search(value):
                raise FormError(FIELD, "import_bad_cell", file=file, row=number, value=value[:40])
        if name in seen:
            raise FormError(FIELD, "import_duplicate", file=file, name=name, first=seen[name], row=number)
        seen[name] = number
        members.append(Member(name, group, "预备" in category, _is_committee(cell("committee"))))
        if len(members) > MAX_ROLL:
            raise FormError(FIELD, "import_too_many", file=file, limit=MAX_ROLL)
    if not members:
        raise FormError(FIELD, "import_no_members", file=file, name=NAME_HEADER)
    return ImportedRoll(tuple(members), rows[header_at][0], no_name, tuple(other))


def _header(rows: Sequence[Tuple[int, Sequence[str]]], file: str) -> Tuple[int, Dict[str, int]]:
    for at, (_, cells) in enumerate(rows[:HEADER_SCAN]):
        names = [_HEADER_NOISE.sub("", c) for c in cells]
        columns: Dict[str, int] = {}
        for role, (exact, contains) in _HEADERS.items():
            found = next((i for i, n in enumerate(names) if n in exact), None)
            if found is None:
                found = next((i for i, n in enumerate(names) if n and any(w in n for w in contains)
                              and i not in columns.values()), None)
            if found is not None:
                columns[role] = found
        if "name" in columns:
            return at, columns
    first = next((cells for _, cells in rows if any(c.strip() for c in cells)), [])
    shown = "、".join(c for c in first if c.strip())[:60] or "—"
    raise FormError(FIELD, "import_no_name_column", file=file, rows=HEADER_SCAN, name=NAME_HEADER, found=shown)


def _is_committee(value: str) -> bool:
    value = value.strip()
    return bool(value) and (value.lower() in _YES or "支委" in value or "书记" in value
                            or value.endswith("委员") or is_committee_word(value))


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"
