"""Render joint-construction minutes (联建会议纪要) as an ODT fragment.

Layout after GB/T 9704 §10.3: the title centred; 时间/地点/主持 lines; the seed's flow as
numbered headings with click-to-fill prompts (Writer placeholder fields); the agreed items
table (序号, 事项, 责任人, 完成时限, 跟踪反馈); one blank line, then 出席/请假/列席 in the
standard's hanging layout; the two secretaries' countersign block, side by side, never split
across pages. All of it sits in one section, which Countersign protects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, List, Sequence, Tuple

from ..model.minutes import Minutes
from .outline import Outline
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text, field_line
from .xml import sub

ITEM_HEADER = ("序号", "事项", "责任人", "完成时限", "跟踪反馈（办理情况）")
SIGN_LABEL = "书记（签字）："
CODE_PREFIX = "会签校验码："
CODE_UNSIGNED = "会签校验码：（会签后生成）"
_CELL = "SanhuiMinutesCell"
_SIGN_CELL = "SanhuiSignCell"
_SIGN_ROW = "SanhuiSignRow"


def section_name(token: str) -> str:
    """The section that holds one minutes; Countersign protects it."""
    return f"联建会议纪要-{token}"


def items_table_name(token: str) -> str:
    return f"联建事项-{token}"


def sign_table_name(token: str) -> str:
    return f"联建会签-{token}"


def _styles(automatic: Any) -> None:
    items = sub(automatic, "style:style", {"style:name": "SanhuiItemsTable", "style:family": "table"})
    sub(items, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    for name, width in (("SanhuiItemsC1", "12mm"), ("SanhuiItemsC2", "60mm"), ("SanhuiItemsC3", "24mm"),
                        ("SanhuiItemsC4", "28mm"), ("SanhuiItemsC5", "32mm"), ("SanhuiSignC", "78mm")):
        column = sub(automatic, "style:style", {"style:name": name, "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    cell = sub(automatic, "style:style", {"style:name": _CELL, "style:family": "table-cell"})
    sub(cell, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "1mm"})
    sign = sub(automatic, "style:style", {"style:name": "SanhuiSignTable", "style:family": "table"})
    # never split across pages; kept with the 出席 lines above it
    sub(sign, "style:table-properties", {"style:width": "156mm", "table:align": "margins",
                                         "style:may-break-between-rows": "false", "fo:margin-top": "14pt"})
    sign_cell = sub(automatic, "style:style", {"style:name": _SIGN_CELL, "style:family": "table-cell"})
    sub(sign_cell, "style:table-cell-properties", {"fo:border": "none", "fo:padding": "1mm"})
    row = sub(automatic, "style:style", {"style:name": _SIGN_ROW, "style:family": "table-row"})
    sub(row, "style:table-row-properties", {"style:min-row-height": "18mm"})  # room to sign by hand
    blank = sub(automatic, "style:style", {"style:name": "SanhuiBlankLine", "style:family": "paragraph",
                                           "style:parent-style-name": StyleName.BODY})
    sub(blank, "style:paragraph-properties", {"fo:keep-with-next": "always"})


def _prompt(parent: Any, style: str, lead: str, prompt: str) -> None:
    """A paragraph with a click-to-fill placeholder: Writer selects it on a click, typing replaces it."""
    p = sub(parent, "text:p", {"text:style-name": style})
    append_text(p, lead)
    sub(p, "text:placeholder", {"text:placeholder-type": "text", "text:description": prompt}, f"<{prompt}>")


def _cell(row: Any, style: str, para_style: str, content: str) -> None:
    cell = sub(row, "table:table-cell", {"table:style-name": style, "office:value-type": "string"})
    append_text(sub(cell, "text:p", {"text:style-name": para_style}), content)


def items_table(parent: Any, token: str, rows: Sequence[Tuple[str, str, str, str]]) -> None:
    """序号, 事项, 责任人, 完成时限, 跟踪反馈; the header row repeats on every page."""
    table = sub(parent, "table:table", {"table:name": items_table_name(token), "table:style-name": "SanhuiItemsTable"})
    for n in range(1, 6):
        sub(table, "table:table-column", {"table:style-name": f"SanhuiItemsC{n}"})
    header = sub(sub(table, "table:table-header-rows"), "table:table-row")
    for title in ITEM_HEADER:
        _cell(header, _CELL, StyleName.TABLE_LABEL, title)
    for number, (text, owner, deadline, feedback) in enumerate(rows, start=1):
        row = sub(table, "table:table-row")
        for content in (str(number), text, owner, deadline, feedback):
            _cell(row, _CELL, StyleName.TABLE_TEXT, content)


def _sign_block(parent: Any, token: str, minutes: Minutes) -> None:
    table = sub(parent, "table:table", {"table:name": sign_table_name(token), "table:style-name": "SanhuiSignTable"})
    sub(table, "table:table-column", {"table:style-name": "SanhuiSignC", "table:number-columns-repeated": "2"})
    rows: List[Tuple[str, str]] = [
        (f"{minutes.branch_a}{SIGN_LABEL}", f"{minutes.branch_b}{SIGN_LABEL}"),
        ("", ""),  # the handwritten signatures
        ("姓名：", "姓名："),
        ("日期：", "日期："),
    ]
    for index, (left, right) in enumerate(rows):
        row = sub(table, "table:table-row", {"table:style-name": _SIGN_ROW} if index == 1 else {})
        _cell(row, _SIGN_CELL, StyleName.SIGN_TEXT, left)
        _cell(row, _SIGN_CELL, StyleName.SIGN_TEXT, right)
    append_text(sub(parent, "text:p", {"text:style-name": StyleName.SIGN_TEXT}), CODE_UNSIGNED)


def _body(out: Outline, minutes: Minutes) -> None:
    a, b, theme = minutes.branch_a, minutes.branch_b, minutes.theme or "本次联建主题"
    heading, sub_heading = StyleName.HEADING[0], StyleName.HEADING[1]
    sections = (
        ("第一议题", (
            (f"{a}书记领学习近平总书记最新重要讲话、文章、指示批示精神：", "领学内容"),
            (f"{b}书记领学总书记讲话中与{theme}有关的章节内容：", "领学内容"),
            ("两个支部党员重点发言：", "发言人及主要观点"),
        )),
        ("工作研讨", (
            (f"{a}提出需{b}协调解决或配合完成的工作、问题：", "事项"),
            (f"{b}提出需{a}协调解决或配合完成的工作、问题：", "事项"),
            ("头脑风暴形成的解决方案、破题之策：", "方案"),
            ("两位支部书记总结：", "总结要点"),
        )),
    )
    for n, (title, prompts) in enumerate(sections):
        append_text(sub(out.item(0, 1 if n == 0 else None), "text:p", {"text:style-name": heading}), title)
        for lead, prompt in prompts:
            _prompt(out.item(1), sub_heading, lead, prompt)
    append_text(sub(out.item(0), "text:p", {"text:style-name": heading}), "工作落实")
    append_text(sub(out.close(), "text:p", {"text:style-name": StyleName.BODY}),
                "会议达成以下共识，明确责任人和完成时限，由两位支部书记会签，跟踪办理、逐条落实、定期反馈。")


def render_minutes(minutes: Minutes, token: str, stamp: datetime, sentinels: bool = False) -> bytes:
    """The zipped fragment; ``token`` names the section and tables of this one minutes."""
    del stamp  # minutes carry no comments; kept for the same signature as render_plan
    root, automatic, text = content_skeleton()
    _styles(automatic)
    if sentinels:
        sub(text, "text:p")
    section = sub(text, "text:section", {"text:name": section_name(token)})
    append_text(sub(section, "text:p", {"text:style-name": StyleName.TITLE}), minutes.title())
    for label, value in (("时间：", minutes.time), ("地点：", minutes.place), ("主持：", minutes.hosts())):
        field_line(section, label, value)
    _body(Outline(section, f"sanhui-{token}-list"), minutes)
    items_table(section, token, [(i.text, i.owner, i.deadline, i.feedback) for i in minutes.items])
    sub(section, "text:p", {"text:style-name": "SanhuiBlankLine"})  # one blank line below the body
    for label, names in (("出席：", minutes.present), ("请假：", minutes.leave), ("列席：", minutes.attending)):
        if names or label == "出席：":
            field_line(section, label, "、".join(names))
    _sign_block(section, token, minutes)
    if sentinels:
        sub(text, "text:p")
    return package_odt(root, build_styles())
