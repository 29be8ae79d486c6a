"""The forms behind the benchmarking commands: InsertBenchmark, AddBenchmarkTask, SetTaskStatus.

Rows can also come as pasted lines — one task a line, its cells separated by tabs (as a
spreadsheet copies them) or by ｜ — because the prepared list usually lives in a spreadsheet.
"""

from __future__ import annotations

import re
from datetime import date
from typing import List, Mapping, Optional, Sequence, Tuple

from ..model.benchmark import STATUSES, Benchmark, BenchmarkTask
from .arguments import check_names
from .errors import FormError, Localized
from .fields import choice_value, text_value, time_value
from .minutes_form import MAX_ITEMS, deadline_value, names

BENCHMARK_FIELDS = ("Benchmark", "Theme", "Date", "Place", "HostA", "HostB", "Teams", "Checklist", "Items",
                    "Interactive")
TASK_FIELDS = ("Item", "Practice", "Gap", "Measure", "Owner", "Deadline")
STATUS_FIELDS = ("Status",)
TASKS = Localized("field_tasks")  # Items here are tasks, not the minutes' 会议议定事项: named so
SEED_THEME = "对标“老大哥”，争当“排头兵”"
STATUS_CHOICES: Tuple[Tuple[str, str], ...] = tuple(
    zip(("not-started", "in-progress", "done", "closed"), STATUSES))


def pasted_rows(text: str) -> Tuple[Tuple[str, ...], ...]:
    """Lines pasted from a spreadsheet or typed with ｜ → rows of cells; blank lines skipped."""
    rows = []
    for line in text.splitlines():
        if line.strip():
            cells = re.split(r"\t|[｜|]", line)
            rows.append(tuple(c.strip() for c in cells))
    return tuple(rows)


def _task(cells: Sequence[str], today: date, row: Optional[int], field: str) -> Tuple[BenchmarkTask, bool]:
    padded = list(cells[:6]) + [""] * (6 - min(len(cells), 6))
    item, practice, gap, measure, owner, deadline_raw = padded
    if not item:
        if row is None:
            raise FormError("Item", "required")
        raise FormError(field, "item_without_text", row=row)
    deadline, passed = deadline_value(field if row is not None else "Deadline", deadline_raw, today, row)
    return BenchmarkTask(item, practice, gap, measure, owner, deadline), passed


def task_rows(raw: object, today: date) -> Tuple[Tuple[BenchmarkTask, ...], Tuple[FormError, ...]]:
    """The ``Items`` argument: rows of (对标事项, 标杆做法, 差距, 提升措施, 责任人, 完成时限), or pasted text."""
    if raw is None or raw == "":
        return (), ()
    if isinstance(raw, str):
        raw = pasted_rows(raw)
    if not isinstance(raw, (tuple, list)) or not all(isinstance(r, (tuple, list)) for r in raw):
        raise FormError("Items", "wrong_type", expected=Localized("type_rows"), value=str(raw)[:40], label=TASKS)
    if len(raw) > MAX_ITEMS:
        raise FormError("Items", "too_many_items", count=len(raw), limit=MAX_ITEMS, label=TASKS)
    tasks, warnings = [], []
    for number, row in enumerate(raw, start=1):
        cells = [text_value("Items", c, limit=2000) for c in row]
        if not any(cells):
            continue
        task, passed = _task(cells, today, number, "Items")
        if passed:
            warnings.append(FormError("Items", "item_deadline_passed", row=number, deadline=task.deadline,
                                      label=TASKS))
        tasks.append(task)
    return tuple(tasks), tuple(warnings)


def parse_benchmark(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None
                    ) -> Tuple[Benchmark, Tuple[FormError, ...]]:
    """InsertBenchmark's arguments with defaults (our secretary from the profile, the seed's theme)."""
    given = check_names(args, BENCHMARK_FIELDS)
    values = dict(defaults or {})
    values.update(given)
    when = time_value("Date", values.get("Date"), today)
    tasks, warnings = task_rows(values.get("Items"), today)
    hosts = tuple(h for h in (text_value("HostA", values.get("HostA"), limit=100),
                              text_value("HostB", values.get("HostB"), limit=100)) if h)
    checklist = values.get("Checklist")
    if isinstance(checklist, (tuple, list)):
        items: List[str] = [text_value("Checklist", c, limit=500) for c in checklist]
    else:
        items = list(names("Checklist", checklist))
    return Benchmark(
        unit=text_value("Benchmark", values.get("Benchmark"), limit=200) or "（标杆单位）",
        theme=text_value("Theme", values.get("Theme"), limit=200) or SEED_THEME,
        time=when.format() if when else "",
        place=text_value("Place", values.get("Place"), limit=200),
        hosts=hosts,
        groups=names("Teams", values.get("Teams")),
        checklist=tuple(i for i in items if i),
        tasks=tasks,
    ), warnings


def parse_task(args: Mapping[str, object], today: date) -> Tuple[BenchmarkTask, Tuple[FormError, ...]]:
    """AddBenchmarkTask: one task; 对标事项 required."""
    given = check_names(args, TASK_FIELDS)
    cells = [text_value(name, given.get(name), limit=2000) for name in TASK_FIELDS]
    task, passed = _task(cells, today, None, "Deadline")
    warnings = (FormError("Deadline", "deadline_passed", deadline=task.deadline),) if passed else ()
    return task, warnings


def parse_status(args: Mapping[str, object]) -> str:
    """SetTaskStatus: 未启动 / 进行中 / 已完成 / 已销号 (or not-started / in-progress / done / closed)."""
    given = check_names(args, STATUS_FIELDS)
    if given.get("Status") in (None, ""):
        raise FormError("Status", "required")
    return choice_value("Status", given.get("Status"), STATUS_CHOICES, STATUSES)
