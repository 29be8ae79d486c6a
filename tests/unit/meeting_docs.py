"""Meeting documents for the meeting ledger's tests: made by the extension's own renderers (as the
commands write them), signed in (a sign-in sheet with names typed in 签到), copied as .docx the
way LibreOffice writes one (title paragraphs, tables without names), or hand-made from blocks.

Also used by tools/make_meeting_samples.py, which has LibreOffice save them for tests/data/meetings.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union
from xml.sax.saxutils import escape

from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.model.meeting import Absence, Meeting, MeetingDetails
from sanhui.model.record import Member, Notice, Record
from sanhui.odf.plan_writer import RenderOptions
from sanhui.odf.record_writer import render_notice, render_record, render_sign_in
from sanhui.odf.render import render_plan

BRANCH = "机关第一党支部"
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def details(time: str = "2023年9月25日 15:00", expected: Optional[int] = 22, present: Optional[int] = 20,
            absent: Sequence[Tuple[str, str]] = (("王五", "出差"), ("赵六", "病假")), **more: str) -> MeetingDetails:
    values: Dict[str, Any] = {"time": time, "place": "三楼会议室", "host": "张三", "recorder": "李四",
                              "expected": expected, "present": present, "topic": "学习贯彻党的二十大精神",
                              "absent": tuple(Absence(n, r) for n, r in absent)}
    values.update(more)
    return MeetingDetails(**values)


def record(meeting: Meeting, d: Optional[MeetingDetails] = None, branch: str = BRANCH) -> bytes:
    """A record as InsertRecord writes it."""
    return render_record(Record(meeting, branch, d or details(), ("学习", "研究工作")), "t1")


def notice(meeting: Meeting, time: str = "2023年9月25日 15:00", topic: str = "学习贯彻党的二十大精神") -> bytes:
    return render_notice(Notice(meeting, "全体党员", topic, time, "三楼会议室", BRANCH, "2023年9月20日"))


def sign_in(meeting: Meeting, title: str, when: str, names: Sequence[str],
            signed: Mapping[str, str] = {}, notes: Mapping[str, str] = {}) -> bytes:
    """A sign-in sheet as InsertSignIn writes it, then ``signed`` (name → what was typed in 签到)
    and ``notes`` (name → 备注) filled in as a secretary types them after the meeting."""
    data = render_sign_in(meeting, title, when, [Member(n) for n in names])
    return _fill_sign_in(data, signed, notes) if signed or notes else data


def _fill_sign_in(data: bytes, signed: Mapping[str, str], notes: Mapping[str, str]) -> bytes:
    from lxml import etree

    parts = unzip(data)
    root = etree.fromstring(parts["content.xml"])
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    for row in root.iterfind(".//table:table-row", ns):
        cells = row.findall("table:table-cell", ns)
        name = "".join(cells[1].itertext()).replace("（预备党员）", "") if len(cells) > 1 else ""
        for column, values in ((2, signed), (3, notes)):
            if name in values:
                cells[column].find("text:p", ns).text = values[name]
    parts["content.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return zipped(parts)


def plan_with_details(month: str, by_meeting: Mapping[Meeting, MeetingDetails]) -> bytes:
    """A month plan (the built-in one) whose parts have their 会议要素 filled in."""
    plan = build_plan(load_pack(), None, month, BRANCH)
    parts = tuple(replace(p, details=by_meeting[p.meeting]) if p.meeting in by_meeting else p for p in plan.parts)
    return render_plan(replace(plan, parts=parts), RenderOptions(stamp=datetime(2023, 9, 1)))


def unzip(data: bytes) -> Dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def zipped(parts: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- hand-made documents ---------------------------------------------------------------------------

Block = Union[str, Sequence[Sequence[str]]]  # a paragraph, or a table's rows


def odt(blocks: Iterable[Block], table_name: str = "") -> bytes:
    """content.xml of paragraphs and tables (rows of cell texts) as LibreOffice might save it:
    spans and a text:s in every paragraph, a soft page break, the tables unnamed unless given."""
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<text:p>{_odt_text(block)}</text:p><text:soft-page-break/>")
        else:
            rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell office:value-type=\"string\"><text:p>{_odt_text(c)}</text:p></table:table-cell>"
                for c in row) + "</table:table-row>" for row in block)
            name = f' table:name="{escape(table_name)}"' if table_name else ""
            body.append(f"<table:table{name}>{rows}</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}><office:body><office:text>'
               + "".join(body) + "</office:text></office:body></office:document-content>")
    return zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content.encode()})


def _odt_text(text: str) -> str:
    """The text in a span, its first space (if any) as text:s, as LibreOffice writes runs."""
    if " " in text:
        head, tail = text.split(" ", 1)
        return f'<text:span text:style-name="T1">{escape(head)}</text:span><text:s/>{escape(tail)}'
    return f'<text:span text:style-name="T1">{escape(text)}</text:span>' if text else ""


def docx(blocks: Iterable[Block]) -> bytes:
    """word/document.xml of paragraphs and tables as LibreOffice writes a .docx: runs split,
    content controls around some paragraphs, no table names."""
    def p(text: str) -> str:
        half = len(text) // 2
        runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>'
                       for t in (text[:half], text[half:]) if t)
        return f"<w:p><w:pPr/>{runs}</w:p>"
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(p(block))
        else:
            body.append("<w:tbl><w:tblPr/>" + "".join(
                "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{p(c)}</w:tc>" for c in row) + "</w:tr>" for row in block)
                + "</w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    return zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": document.encode()})


def detail_rows(d: MeetingDetails, group: str = "") -> Tuple[Tuple[str, str], ...]:
    """The 会议要素 rows as the writer makes them (odf/details_table.detail_rows)."""
    from sanhui.odf.details_table import detail_rows as rows

    found = tuple(rows(d))
    return ((("党小组", group),) if group and not any(r[0] == "党小组" for r in found) else ()) + found
