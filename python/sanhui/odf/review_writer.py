"""上月学习贯彻落实情况检查: last month's unfinished and overdue items, for the 支委会's
“总结检查上月学习贯彻落实的情况” — the 检查 of 布置 → 落实 → 检查."""

from __future__ import annotations

from datetime import date
from typing import List, Sequence

from ..dates import Month, format_date
from ..model.ledger import LedgerItem
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text
from .xml import sub

REVIEW_HEADER = ("序号", "事项", "来源", "责任人", "完成时限", "完成情况", "逾期天数")
_WIDTHS = ("10mm", "44mm", "30mm", "16mm", "22mm", "20mm", "14mm")


def due_for_review(items: Sequence[LedgerItem], month: Month) -> List[LedgerItem]:
    """Not finished, and due by the end of the month before ``month`` (or with no deadline)."""
    end = month.previous().last_day()
    return [i for i in items if not i.done() and (i.deadline is None or i.deadline <= end)]


def render_review(items: Sequence[LedgerItem], month: Month, today: date, token: str) -> bytes:
    """A fragment (with insertion sentinels) holding the check as its own section."""
    root, automatic, text = content_skeleton()
    table_style = sub(automatic, "style:style", {"style:name": "SanhuiReview", "style:family": "table"})
    sub(table_style, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    for n, width in enumerate(_WIDTHS, start=1):
        column = sub(automatic, "style:style", {"style:name": f"SanhuiReviewC{n}", "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    cell_style = sub(automatic, "style:style", {"style:name": "SanhuiReviewCell", "style:family": "table-cell"})
    sub(cell_style, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.8mm"})
    sub(text, "text:p")
    section = sub(text, "text:section", {"text:name": f"上月学习贯彻落实情况检查-{token}"})
    previous = month.previous()
    append_text(sub(section, "text:p", {"text:style-name": StyleName.HEADING[2]}),
                f"上月学习贯彻落实情况检查（{previous.format()}）")
    late = sum(1 for i in items if i.days_overdue(today))
    summary = (f"截至 {format_date(today)}，{previous.format()}及以前布置的事项中尚有 {len(items)} 项未完成，"
               f"其中逾期 {late} 项，逐项听取责任人汇报，督促整改、按期销号。") if items else (
        f"截至 {format_date(today)}，{previous.format()}及以前布置的事项均已完成。")
    append_text(sub(section, "text:p", {"text:style-name": StyleName.BODY}), summary)
    if items:
        table = sub(section, "table:table", {"table:name": f"上月检查-{token}", "table:style-name": "SanhuiReview"})
        for n in range(1, len(_WIDTHS) + 1):
            sub(table, "table:table-column", {"table:style-name": f"SanhuiReviewC{n}"})
        header = sub(sub(table, "table:table-header-rows"), "table:table-row")
        for title in REVIEW_HEADER:
            cell = sub(header, "table:table-cell", {"table:style-name": "SanhuiReviewCell",
                                                    "office:value-type": "string"})
            append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_LABEL}), title)
        for number, item in enumerate(items, start=1):
            row = sub(table, "table:table-row")
            days = item.days_overdue(today)
            for value in (str(number), item.item, item.source, item.owner, item.deadline_text or "（未定）",
                          item.status or "未反馈", str(days) if days else ""):
                cell = sub(row, "table:table-cell", {"table:style-name": "SanhuiReviewCell",
                                                     "office:value-type": "string"})
                append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_TEXT}), value)
    sub(text, "text:p")
    return package_odt(root, build_styles())
