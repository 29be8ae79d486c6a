"""Render the notice, the sign-in sheet and the meeting record as ODT fragments.

The notice follows GB/T 9704: title, 主送 line flush left, body, 发文机关署名 and 成文日期 at the
right. The sign-in sheet fits 40 names on one printed page (fixed 9 mm rows) and repeats its
header row beyond that. The record takes the plan's items as its 议程, each with room for
发言摘要 and 决议, and ends with the quorum verdict and both signature lines. A 主题党日's notice
and record say 活动 where a meeting's say 会议 (model/record.py holds the words); the 会议要素
table and the section's name (会议记录-…) are the same for every kind, so readers find them alike.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..model.meeting import Meeting
from ..model.record import Member, Notice, Record
from .details_table import details_table, table_styles
from .outline import Outline
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text
from .xml import sub

SIGN_IN_HEADER = ("序号", "姓名", "签到", "备注（请假原因）")
_CN = "一二三四五六七八九十"


def _fragment() -> Any:
    root, automatic, text = content_skeleton()
    right = sub(automatic, "style:style", {"style:name": "SanhuiRight", "style:family": "paragraph",
                                           "style:parent-style-name": StyleName.BODY})
    sub(right, "style:paragraph-properties", {"fo:text-align": "end", "fo:margin-right": "64pt",
                                              "fo:text-indent": "0mm"})
    flush = sub(automatic, "style:style", {"style:name": "SanhuiFlush", "style:family": "paragraph",
                                           "style:parent-style-name": StyleName.BODY})
    sub(flush, "style:paragraph-properties", {"fo:text-indent": "0mm"})
    sub(text, "text:p")
    return root, automatic, text


def _p(parent: Any, style: str, content: str) -> None:
    append_text(sub(parent, "text:p", {"text:style-name": style}), content)


def render_notice(notice: Notice) -> bytes:
    """The words (title, opening, points) are the notice's own (model/record.py): the same for a
    script, a dialog and a test."""
    root, _, text = _fragment()
    _p(text, StyleName.TITLE, notice.title())
    _p(text, "SanhuiFlush", f"{notice.to}：")
    _p(text, StyleName.BODY, notice.opening())
    for n, (label, value) in enumerate(notice.points()):
        _p(text, StyleName.BODY, f"{_CN[n]}、{label}：{value}")
    sub(text, "text:p", {"text:style-name": StyleName.BODY})
    _p(text, "SanhuiRight", notice.issuer)
    _p(text, "SanhuiRight", notice.date)
    sub(text, "text:p")
    return package_odt(root, build_styles())


def render_sign_in(meeting: Meeting, title: str, when: str, members: Sequence[Member], attendees: int = 3) -> bytes:
    """Rows for every member (blank rows when the profile has none), then 列席 rows."""
    root, automatic, text = _fragment()
    table_style = sub(automatic, "style:style", {"style:name": "SanhuiSignIn", "style:family": "table"})
    sub(table_style, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    row_style = sub(automatic, "style:style", {"style:name": "SanhuiSignInRow", "style:family": "table-row"})
    # 40 rows of 4.6 mm-high text in 5.1 mm rows, plus header, title and time: one A4 type area
    sub(row_style, "style:table-row-properties", {"style:row-height": "5.1mm", "fo:keep-together": "always"})
    for n, width in enumerate(("14mm", "40mm", "52mm", "50mm"), start=1):
        column = sub(automatic, "style:style", {"style:name": f"SanhuiSignInC{n}", "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    cell_style = sub(automatic, "style:style", {"style:name": "SanhuiSignInCell", "style:family": "table-cell"})
    sub(cell_style, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.2mm"})
    small = sub(automatic, "style:style", {"style:name": "SanhuiSignInText", "style:family": "paragraph",
                                           "style:parent-style-name": StyleName.TABLE_TEXT})
    sub(small, "style:paragraph-properties", {"fo:line-height": "100%", "fo:text-align": "center"})
    sub(small, "style:text-properties", {"fo:font-size": "12pt", "style:font-size-asian": "12pt"})
    _p(text, StyleName.TITLE, title)
    _p(text, "SanhuiFlush", f"会议时间：{when}" if when else "会议时间：")
    table = sub(text, "table:table", {"table:name": f"{meeting.label}签到表", "table:style-name": "SanhuiSignIn"})
    for n in range(1, 5):
        sub(table, "table:table-column", {"table:style-name": f"SanhuiSignInC{n}"})
    header = sub(sub(table, "table:table-header-rows"), "table:table-row", {"table:style-name": "SanhuiSignInRow"})
    for title_cell in SIGN_IN_HEADER:
        _cell(header, title_cell, StyleName.TABLE_LABEL)
    names = [m.name + ("（预备党员）" if m.probationary else "") for m in members] or [""] * 30
    rows = [(str(i), name) for i, name in enumerate(names, start=1)]
    rows += [("列席", "")] * attendees
    for number, name in rows:
        row = sub(table, "table:table-row", {"table:style-name": "SanhuiSignInRow"})
        for value in (number, name, "", ""):
            _cell(row, value, "SanhuiSignInText")
    sub(text, "text:p")
    return package_odt(root, build_styles())


def _cell(row: Any, value: str, style: str) -> None:
    cell = sub(row, "table:table-cell", {"table:style-name": "SanhuiSignInCell", "office:value-type": "string"})
    _p(cell, style, value)


def render_record(record: Record, token: str, page_break: bool = False) -> bytes:
    root, automatic, text = _fragment()
    table_styles(automatic)
    title_style = StyleName.TITLE
    if page_break:
        title_style = "SanhuiRecordTitle"
        style = sub(automatic, "style:style", {"style:name": title_style, "style:family": "paragraph",
                                               "style:parent-style-name": StyleName.TITLE})
        sub(style, "style:paragraph-properties", {"fo:break-before": "page"})
    section = sub(text, "text:section", {"text:name": f"会议记录-{token}"})
    _p(section, title_style, record.title())
    details_table(section, record.meeting, record.details)
    out = Outline(section, f"sanhui-{token}-list")
    agenda_heading, end_heading = record.headings()
    append_text(sub(out.item(0, 1), "text:p", {"text:style-name": StyleName.HEADING[0]}), agenda_heading)
    summary, outcome = record.item_prompts()
    for item in record.agenda or ("（议题）",):
        append_text(sub(out.item(1), "text:p", {"text:style-name": StyleName.HEADING[1]}), item)
        body = out.close()
        _p(body, StyleName.BODY, summary)
        sub(body, "text:p", {"text:style-name": StyleName.BODY})
        _p(body, StyleName.BODY, outcome)
    append_text(sub(out.item(0), "text:p", {"text:style-name": StyleName.HEADING[0]}), end_heading)
    body = out.close()
    _p(body, StyleName.BODY, record.quorum_line())
    sub(body, "text:p", {"text:style-name": StyleName.BODY})
    _p(body, "SanhuiFlush", "主持人（签字）：                记录人（签字）：")
    sub(text, "text:p")
    return package_odt(root, build_styles())
