"""The benchmarking commands: InsertBenchmark, AddBenchmarkTask, SetTaskStatus, UpdateTaskSummary."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Dict, List, Optional, Tuple

from ..dates import DateInputError, format_date, parse_meeting_time
from ..forms.arguments import check_names
from ..forms.benchmark_form import BENCHMARK_FIELDS, SEED_THEME, parse_benchmark, parse_status, parse_task
from ..forms.fields import bool_value
from ..i18n import text
from ..model.benchmark import STATUSES, TASK_HEADER, TaskState, summary
from ..odf.benchmark_writer import SUMMARY_PREFIX, render_benchmark, summary_text
from .command import Invocation, Refusal
from .insertion import check_insertable, insert_fragment
from .placement import check_editable
from .sections import section_elements
from .settings import load_profile

SECTION_PREFIX = "对标提高任务清单-"
TABLE_PREFIX = "对标任务-"


def _warned(inv: Invocation, message: str, warnings: Any) -> str:
    if warnings:
        message += text("warning_prefix", inv.lang) + " ".join(w.message(inv.lang) for w in warnings)
    return message


def insert_benchmark(inv: Invocation) -> str:
    """Insert a 对标提高任务清单 at the cursor."""
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    defaults = {"HostA": f"{profile.branch}书记{profile.secretary}" if profile.secretary else ""}
    given = check_names(inv.args, BENCHMARK_FIELDS)
    today = date.today()
    if inv.clicked or bool_value("Interactive", given.get("Interactive", False)):
        from .benchmark_dialog import BenchmarkDialog  # only a click needs the dialog's code

        values: Dict[str, object] = {**defaults, "Theme": SEED_THEME}  # shown: what would be used
        values.update({k: v for k, v in given.items() if k != "Interactive"})
        answer = BenchmarkDialog(inv.ctx, inv.frame, inv.lang, values, today,
                                 lambda v: parse_benchmark(v, today, defaults)).run()
        if answer is None:
            return text("cancelled", inv.lang)
        bench, warnings = answer
    else:
        bench, warnings = parse_benchmark(inv.args, today, defaults)
    token = uuid.uuid4().hex[:10]
    insert_fragment(inv, doc, lambda _whole: render_benchmark(bench, token, True),
                    text("undo_insert_benchmark", inv.lang))
    return _warned(inv, text("inserted_benchmark", inv.lang, {"unit": bench.unit, "count": len(bench.tasks)}),
                   warnings)


def _table_at_cursor(inv: Invocation, doc: Any) -> Tuple[Any, Any, Optional[int]]:
    """(task table, its section or None, the cursor's row number or None) — or Refusal."""
    if doc.isReadonly():
        raise Refusal("readonly")
    view = inv.frame.getController().getViewCursor()
    check_editable(view)  # a protected list (or a section around it): the API would write there anyway
    table = view.TextTable
    if table is not None and _is_task_table(table):
        cell = view.Cell
        row = int("".join(ch for ch in cell.CellName if ch.isdigit())) if cell is not None else None
        return table, view.TextSection, row
    section = view.TextSection
    while section is not None and not section.getName().startswith(SECTION_PREFIX):
        section = section.ParentSection
    if section is None:
        raise Refusal("not_in_tasks")
    token = section.getName()[len(SECTION_PREFIX):]
    return doc.getTextTables().getByName(TABLE_PREFIX + token), section, None


def _is_task_table(table: Any) -> bool:
    """By name, or (after a .docx, which keeps no table names) by its header row."""
    if table.getName().startswith(TABLE_PREFIX):
        return True
    rows = table.getDataArray()
    return bool(rows) and tuple(str(c).strip() for c in rows[0]) == TASK_HEADER


def _status_field(doc: Any, status: str) -> Any:
    field = doc.createInstance("com.sun.star.text.textfield.DropDown")
    field.Name = "完成情况"
    field.Items = STATUSES
    field.SelectedItem = status
    return field


def _put_status(doc: Any, cell: Any, status: str) -> None:
    """Replace the cell's content by a fresh drop-down: an insertion, so it is one undo step."""
    cell.setString("")
    cell.insertTextContent(cell.createTextCursor(), _status_field(doc, status), False)


def add_benchmark_task(inv: Invocation) -> str:
    """Append a numbered task (完成情况 未启动) to the task list the cursor is in."""
    doc = inv.document
    table, _, _ = _table_at_cursor(inv, doc)
    task, warnings = parse_task(inv.args, date.today())
    undo = doc.getUndoManager()
    undo.enterUndoContext(text("undo_add_task", inv.lang))
    try:
        rows = table.getRows()
        count = rows.getCount()
        rows.insertByIndex(count, 1)
        values = (str(count), task.item, task.practice, task.gap, task.measure, task.owner, task.deadline)
        for column, value in zip("ABCDEFG", values):
            table.getCellByName(f"{column}{count + 1}").setString(value)
        _put_status(doc, table.getCellByName(f"H{count + 1}"), STATUSES[0])
    finally:
        undo.leaveUndoContext()
    return _warned(inv, text("task_added", inv.lang, {"n": count, "text": task.item}), warnings)


def set_task_status(inv: Invocation) -> str:
    """Set 完成情况 of the task in the row the cursor is in."""
    doc = inv.document
    status = parse_status(inv.args)
    table, _, row = _table_at_cursor(inv, doc)
    if row is None or row < 2:
        raise Refusal("not_in_task_row")
    undo = doc.getUndoManager()
    undo.enterUndoContext(text("undo_set_status", inv.lang))
    try:
        _put_status(doc, table.getCellByName(f"H{row}"), status)
    finally:
        undo.leaveUndoContext()
    item = table.getCellByName(f"B{row}").getString()
    return text("status_set", inv.lang, {"n": row - 1, "text": item, "status": status})


def read_tasks(table: Any, today: date) -> List[TaskState]:
    """The tasks of a task table; 完成情况 from its drop-down field, or the cell's text (.docx)."""
    tasks = []
    for row in list(table.getDataArray())[1:]:
        cells = [str(c) for c in row]
        try:
            deadline: Optional[date] = parse_meeting_time(cells[6], today).day if cells[6].strip() else None
        except DateInputError:
            deadline = None
        status = cells[7].strip() if cells[7].strip() in STATUSES else STATUSES[0]
        tasks.append(TaskState(cells[0], cells[1], cells[5], deadline, status))
    return tasks


def update_task_summary(inv: Invocation) -> str:
    """Rewrite the 完成情况统计 line under the task list: counts per status and overdue tasks."""
    doc = inv.document
    table, section, _ = _table_at_cursor(inv, doc)
    today = date.today()
    counts, overdue = summary(read_tasks(table, today), today)
    line = summary_text(counts, overdue, f"统计于 {format_date(today)}")
    paragraph = _summary_paragraph(doc, section)
    if paragraph is None:
        raise Refusal("no_summary_line")
    undo = doc.getUndoManager()
    undo.enterUndoContext(text("undo_update_summary", inv.lang))
    try:
        paragraph.setString(line)
    finally:
        undo.leaveUndoContext()
    return line


def _summary_paragraph(doc: Any, section: Any) -> Any:
    if section is not None:
        elements = section_elements(doc, section)
    else:
        enum = doc.getText().createEnumeration()
        elements = []
        while enum.hasMoreElements():
            elements.append(enum.nextElement())
    found = None
    for el in elements:
        if el.supportsService("com.sun.star.text.Paragraph") and el.getString().startswith(SUMMARY_PREFIX):
            found = el
    return found
