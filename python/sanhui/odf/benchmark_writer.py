"""Render the 对标提高任务清单: who and where, the prepared 对标事项清单, the task table whose
完成情况 is a drop-down field (未启动 / 进行中 / 已完成 / 已销号, read back reliably by the ledger),
and a summary line that UpdateTaskSummary rewrites."""

from __future__ import annotations

from typing import Any

from ..model.benchmark import STATUSES, TASK_HEADER, Benchmark, BenchmarkTask
from .outline import Outline
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text, field_line
from .xml import sub

SUMMARY_PREFIX = "完成情况统计："
_CELL = "SanhuiTaskCell"
_WIDTHS = ("10mm", "24mm", "24mm", "20mm", "24mm", "16mm", "20mm", "18mm")  # 156 mm in all


def section_name(token: str) -> str:
    return f"对标提高任务清单-{token}"


def task_table_name(token: str) -> str:
    return f"对标任务-{token}"


def summary_text(counts: Any = None, overdue: Any = (), when: str = "") -> str:
    """“完成情况统计：未启动 3 项，进行中 1 项，已完成 0 项，已销号 0 项；逾期 1 项（第 2 项）。”"""
    if counts is None:
        return SUMMARY_PREFIX + "（使用“更新完成情况统计”生成）"
    parts = "，".join(f"{status} {counts[status]} 项" for status in STATUSES)
    late = f"逾期 {len(overdue)} 项（第 {'、'.join(overdue)} 项）" if overdue else "无逾期"
    return f"{SUMMARY_PREFIX}{parts}；{late}。（{when}）"


def status_field(parent: Any, status: str) -> None:
    """A drop-down field with the four states, ``status`` selected."""
    field = sub(parent, "text:drop-down", {"text:name": "完成情况"})
    label: Any = None
    for value in STATUSES:
        attrs = {"text:value": value}
        if value == status:
            attrs["text:current-selected"] = "true"
        label = sub(field, "text:label", attrs)
    label.tail = status  # the shown value comes after the labels


def task_cells(row: Any, number: int, task: BenchmarkTask) -> None:
    values = (str(number), task.item, task.practice, task.gap, task.measure, task.owner, task.deadline)
    for value in values:
        cell = sub(row, "table:table-cell", {"table:style-name": _CELL, "office:value-type": "string"})
        append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_TEXT}), value)
    cell = sub(row, "table:table-cell", {"table:style-name": _CELL, "office:value-type": "string"})
    status_field(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_TEXT}), task.status)


def _styles(automatic: Any) -> None:
    table = sub(automatic, "style:style", {"style:name": "SanhuiTaskTable", "style:family": "table"})
    sub(table, "style:table-properties", {"style:width": "156mm", "table:align": "margins"})
    for n, width in enumerate(_WIDTHS, start=1):
        column = sub(automatic, "style:style", {"style:name": f"SanhuiTaskC{n}", "style:family": "table-column"})
        sub(column, "style:table-column-properties", {"style:column-width": width})
    cell = sub(automatic, "style:style", {"style:name": _CELL, "style:family": "table-cell"})
    sub(cell, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.8mm"})


def render_benchmark(bench: Benchmark, token: str, sentinels: bool = False) -> bytes:
    """The zipped fragment of one task list."""
    root, automatic, text = content_skeleton()
    _styles(automatic)
    if sentinels:
        sub(text, "text:p")
    section = sub(text, "text:section", {"text:name": section_name(token)})
    append_text(sub(section, "text:p", {"text:style-name": StyleName.TITLE}), "对标提高任务清单")
    for label, value in (("标杆单位：", bench.unit), ("对标主题：", bench.theme), ("时间：", bench.time),
                         ("地点：", bench.place), ("主持：", "、".join(bench.hosts)),
                         ("分组：", "；".join(bench.groups))):
        if value or label in ("标杆单位：", "时间：", "地点：", "主持："):
            field_line(section, label, value)
    out = Outline(section, f"sanhui-{token}-list")
    append_text(sub(out.item(0, 1), "text:p", {"text:style-name": StyleName.HEADING[0]}), "对标事项清单")
    for entry in bench.checklist or ("（会前梳理需要学习、了解、借鉴的做法或经验）",):
        append_text(sub(out.item(1), "text:p", {"text:style-name": StyleName.HEADING[1]}), entry)
    append_text(sub(out.item(0), "text:p", {"text:style-name": StyleName.HEADING[0]}), "对标提高任务清单")
    table = sub(out.close(), "table:table", {"table:name": task_table_name(token),
                                              "table:style-name": "SanhuiTaskTable"})
    for n in range(1, len(_WIDTHS) + 1):
        sub(table, "table:table-column", {"table:style-name": f"SanhuiTaskC{n}"})
    header = sub(sub(table, "table:table-header-rows"), "table:table-row")
    for title in TASK_HEADER:
        cell = sub(header, "table:table-cell", {"table:style-name": _CELL, "office:value-type": "string"})
        append_text(sub(cell, "text:p", {"text:style-name": StyleName.TABLE_LABEL}), title)
    for number, task in enumerate(bench.tasks, start=1):
        task_cells(sub(table, "table:table-row"), number, task)
    append_text(sub(section, "text:p", {"text:style-name": StyleName.BODY}), summary_text())
    if sentinels:
        sub(text, "text:p")
    return package_odt(root, build_styles())
