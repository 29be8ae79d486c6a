"""The benchmarking (对标) task list: on-site learning at a benchmark unit turned into tasks,
each assigned to a person with a deadline and carried through to close-off (销号)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional, Tuple

STATUSES = ("未启动", "进行中", "已完成", "已销号")
DONE = ("已完成", "已销号")
TASK_HEADER = ("序号", "对标事项", "标杆做法/经验", "我方差距", "提升措施", "责任人", "完成时限", "完成情况")


@dataclass(frozen=True)
class BenchmarkTask:
    """One row of the 对标提高任务清单."""

    item: str
    practice: str = ""  # 标杆做法/经验
    gap: str = ""  # 我方差距
    measure: str = ""  # 提升措施
    owner: str = ""
    deadline: str = ""  # GB/T 9704 form
    status: str = STATUSES[0]


@dataclass(frozen=True)
class Benchmark:
    """What InsertBenchmark writes."""

    unit: str  # 标杆单位
    theme: str = ""
    time: str = ""
    place: str = ""
    hosts: Tuple[str, ...] = ()  # both secretaries chair (the seed's 双方书记共同主持)
    groups: Tuple[str, ...] = ()  # 按工作性质分组
    checklist: Tuple[str, ...] = ()  # the prepared 对标事项清单
    tasks: Tuple[BenchmarkTask, ...] = ()


@dataclass(frozen=True)
class TaskState:
    """A task as read back from a document, for the summary line and the ledger."""

    number: str
    item: str
    owner: str
    deadline: Optional[date]
    status: str


def summary(tasks: List[TaskState], today: date) -> Tuple[Dict[str, int], List[str]]:
    """Counts per status, and the numbers of the overdue tasks (past the deadline, not done)."""
    counts = {status: 0 for status in STATUSES}
    overdue: List[str] = []
    for task in tasks:
        counts[task.status if task.status in counts else STATUSES[0]] += 1
        if task.deadline is not None and task.deadline < today and task.status not in DONE:
            overdue.append(task.number)
    return counts, overdue
