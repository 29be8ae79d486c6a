"""The year's 三会一课 schedule as a table, month by month, with moved days explained."""

from __future__ import annotations

from typing import Dict, List

from ..schedule import Meeting, Rule, label
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text
from .xml import sub


def render_annual(year: int, rules: Dict[str, Rule], meetings: Dict[str, List[Meeting]], holidays_known: bool,
                  branch: str = "", sentinels: bool = True) -> bytes:
    """Title, the rules, one row per month, the notes on moved days and on the holiday table."""
    root, automatic, text = content_skeleton()
    columns = ["月份", *rules]
    table_style = sub(automatic, "style:style", {"style:name": "SanhuiAnnual", "style:family": "table"})
    sub(table_style, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    cell_style = sub(automatic, "style:style", {"style:name": "SanhuiAnnualCell", "style:family": "table-cell"})
    sub(cell_style, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.8mm"})
    if sentinels:
        sub(text, "text:p")
    append_text(sub(text, "text:p", {"text:style-name": StyleName.TITLE}), f"{branch}{year}年“三会一课”年度安排")
    append_text(sub(text, "text:p", {"text:style-name": StyleName.BODY}),
                "安排规则：" + "；".join(f"{name}{rule.text}" for name, rule in rules.items()) + "。")
    table = sub(text, "table:table", {"table:name": f"{year}年三会一课安排", "table:style-name": "SanhuiAnnual"})
    sub(table, "table:table-column", {"table:number-columns-repeated": str(len(columns))})
    header = sub(sub(table, "table:table-header-rows"), "table:table-row")
    for title in columns:
        cell = sub(header, "table:table-cell", {"table:style-name": "SanhuiAnnualCell", "office:value-type": "string"})
        append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_LABEL}), title)
    notes: List[str] = []
    for month in range(1, 13):
        row = sub(table, "table:table-row")
        cells = [f"{month}月"]
        for name in rules:
            in_month = [m for m in meetings[name] if m.day.month == month]
            parts = []
            for m in in_month:
                parts.append(label(m.day) + ("*" if m.moved_from else ""))
                if m.moved_from:
                    notes.append(f"{name}原定{label(m.moved_from)}，逢{m.holiday}顺延至{label(m.day)}。")
            cells.append("、".join(parts))
        for value in cells:
            cell = sub(row, "table:table-cell", {"table:style-name": "SanhuiAnnualCell", "office:value-type": "string"})
            append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_TEXT}), value)
    for note in notes:
        append_text(sub(text, "text:p", {"text:style-name": StyleName.NOTE}), "* " + note)
    if not holidays_known:
        append_text(sub(text, "text:p", {"text:style-name": StyleName.NOTE}),
                    f"注：节假日表未覆盖{year}年，以上日期未按法定节假日调整，请对照国务院办公厅公布的放假安排核对。")
    if sentinels:
        sub(text, "text:p")
    return package_odt(root, build_styles())
