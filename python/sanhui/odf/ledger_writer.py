"""The task ledger as a document: every item with its source, owner, deadline, status and days
overdue, sorted by deadline, overdue rows shaded so they stand out on paper too."""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from ..dates import format_date
from ..model.ledger import LedgerItem
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text
from .xml import sub

LEDGER_HEADER = ("序号", "来源", "类别", "事项", "责任人", "完成时限", "完成情况", "逾期天数")
_WIDTHS = ("10mm", "30mm", "16mm", "40mm", "16mm", "18mm", "16mm", "10mm")


def _styles(automatic: Any) -> None:
    table = sub(automatic, "style:style", {"style:name": "SanhuiLedger", "style:family": "table"})
    sub(table, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    for n, width in enumerate(_WIDTHS, start=1):
        column = sub(automatic, "style:style", {"style:name": f"SanhuiLedgerC{n}", "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    for name, background in (("SanhuiLedgerCell", "transparent"), ("SanhuiLedgerLate", "#f8d7d3")):
        cell = sub(automatic, "style:style", {"style:name": name, "style:family": "table-cell"})
        sub(cell, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.8mm",
                                                  "fo:background-color": background})


def render_ledger(items: Sequence[LedgerItem], today: date, scope: str, problems: Sequence[str] = ()) -> bytes:
    """A whole .odt: title, what was read, the table, and the files that could not be read."""
    root, automatic, text = content_skeleton()
    _styles(automatic)
    append_text(sub(text, "text:p", {"text:style-name": StyleName.TITLE}), "任务台账")
    late = sum(1 for i in items if i.days_overdue(today))
    append_text(sub(text, "text:p", {"text:style-name": StyleName.BODY}),
                f"统计范围：{scope}；截至 {format_date(today)}，共 {len(items)} 项，其中逾期 {late} 项。")
    table = sub(text, "table:table", {"table:name": "任务台账", "table:style-name": "SanhuiLedger"})
    for n in range(1, len(_WIDTHS) + 1):
        sub(table, "table:table-column", {"table:style-name": f"SanhuiLedgerC{n}"})
    header = sub(sub(table, "table:table-header-rows"), "table:table-row")
    for title in LEDGER_HEADER:
        cell = sub(header, "table:table-cell", {"table:style-name": "SanhuiLedgerCell", "office:value-type": "string"})
        append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_LABEL}), title)
    for number, item in enumerate(items, start=1):
        days = item.days_overdue(today)
        style = "SanhuiLedgerLate" if days else "SanhuiLedgerCell"
        row = sub(table, "table:table-row")
        values = (str(number), item.source, item.kind, item.item, item.owner, item.deadline_text,
                  item.status or "未反馈", str(days) if days else "")
        for value in values:
            cell = sub(row, "table:table-cell", {"table:style-name": style, "office:value-type": "string"})
            append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_TEXT}), value)
    for problem in problems:
        append_text(sub(text, "text:p", {"text:style-name": StyleName.NOTE}), problem)
    return package_odt(root, build_styles())
