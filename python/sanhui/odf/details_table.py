"""The 会议要素 table: the facts of one meeting under its heading, as a record book lists them.

Every row is there even when the user left it empty: in a plan a blank cell is a prompt to
fill in by hand, and a record made from the plan has the same rows in the same order.
"""

from __future__ import annotations

from typing import Any, List, Tuple

from ..model.meeting import Meeting, MeetingDetails
from .styles import StyleName
from .text import append_text
from .xml import sub

TABLE_STYLE = "SanhuiDetailsTable"
LABEL_COLUMN = "SanhuiDetailsLabelColumn"
VALUE_COLUMN = "SanhuiDetailsValueColumn"
CELL_STYLE = "SanhuiDetailsCell"


def detail_rows(details: MeetingDetails) -> List[Tuple[str, str]]:
    """(label, value) rows in the record book's order; a 党小组会 record's group first (the
    record book of a group names it on top), no such row otherwise, so a plan's table is unchanged."""
    if details.expected is None and details.present is None:
        attendance = ""
    else:
        expected = "" if details.expected is None else str(details.expected)
        present = "" if details.present is None else str(details.present)
        attendance = f"应到 {expected} 人，实到 {present} 人"
        if details.expected is not None and details.present is not None:
            attendance += f"，缺席 {details.expected - details.present} 人"
    group = [("党小组", details.group)] if details.group else []
    return [
        *group,
        ("会议时间", details.time),
        ("会议地点", details.place),
        ("主持人", details.host),
        ("记录人", details.recorder),
        ("应到/实到", attendance),
        ("缺席人员及原因", "；".join(a.text() for a in details.absent)),
        ("列席人员", details.attendees),
        ("会议主题", details.topic),
    ]


def table_styles(automatic: Any) -> None:
    """Automatic styles of the table: full type-area width, a narrow label column, thin rules."""
    table = sub(automatic, "style:style", {"style:name": TABLE_STYLE, "style:family": "table"})
    sub(table, "style:table-properties", {"style:width": "156mm", "table:align": "margins",
                                          "fo:margin-top": "0mm", "fo:margin-bottom": "4pt"})
    for name, width in ((LABEL_COLUMN, "38mm"), (VALUE_COLUMN, "118mm")):
        column = sub(automatic, "style:style", {"style:name": name, "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    cell = sub(automatic, "style:style", {"style:name": CELL_STYLE, "style:family": "table-cell"})
    sub(cell, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "1mm",
                                              "style:vertical-align": "middle"})


def details_table(parent: Any, meeting: Meeting, details: MeetingDetails) -> None:
    """Append the table for ``meeting`` to ``parent`` (office:text)."""
    table = sub(parent, "table:table", {"table:name": f"{meeting.label}会议要素", "table:style-name": TABLE_STYLE})
    sub(table, "table:table-column", {"table:style-name": LABEL_COLUMN})
    sub(table, "table:table-column", {"table:style-name": VALUE_COLUMN})
    for label, value in detail_rows(details):
        row = sub(table, "table:table-row")
        for style, content in ((StyleName.TABLE_LABEL, label), (StyleName.TABLE_TEXT, value)):
            cell = sub(row, "table:table-cell", {"table:style-name": CELL_STYLE, "office:value-type": "string"})
            append_text(sub(cell, "text:p", {"text:style-name": style}), content)
