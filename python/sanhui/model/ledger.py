"""The task ledger: every action item of a year's minutes and task lists, in one place, so the
check of 布置 → 落实 → 检查 has something to check against."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Dict, Iterable, List, Optional, Tuple

from .benchmark import DONE

KIND_MINUTES = "会议纪要"
KIND_BENCHMARK = "对标任务"
COPY_SEPARATOR = "、"  # between the file names of copies of one document


@dataclass(frozen=True)
class LedgerItem:
    """One action item wherever it came from; ``status`` is the task list's 完成情况, or for a
    minutes item its 跟踪反馈 (办理情况) text, empty while nothing was reported."""

    source: str  # the file name (or 当前文档)
    kind: str
    number: str
    item: str
    owner: str
    deadline_text: str
    deadline: Optional[date]
    status: str

    def done(self) -> bool:
        """Finished: a task 已完成/已销号, or a minutes item whose feedback says 已完成/办结."""
        return self.status in DONE or any(word in self.status for word in ("已完成", "已办结", "办结", "已销号"))

    def days_overdue(self, today: date) -> int:
        """Days past the deadline for an unfinished item; 0 when not overdue or no deadline."""
        if self.deadline is None or self.done() or self.deadline >= today:
            return 0
        return (today - self.deadline).days


def merge_copies(items: Iterable[LedgerItem]) -> List[LedgerItem]:
    """One item for each item read identically from copies of one document — 纪要.odt and the
    纪要.docx saved from it for another branch — with both file names as its source; items that
    differ (someone edited one copy) all stay. Order is kept."""
    kept: Dict[Tuple[str, ...], int] = {}
    out: List[LedgerItem] = []
    for item in items:
        key = (_stem(item.source), item.kind, item.number, item.item, item.owner, item.deadline_text, item.status)
        if key in kept:
            first = out[kept[key]]
            if item.source not in first.source.split(COPY_SEPARATOR):
                out[kept[key]] = replace(first, source=first.source + COPY_SEPARATOR + item.source)
            continue
        kept[key] = len(out)
        out.append(item)
    return out


def _stem(source: str) -> str:
    return source.rsplit(".", 1)[0] if source.lower().endswith((".odt", ".docx")) else source


def sorted_items(items: Iterable[LedgerItem]) -> List[LedgerItem]:
    """By deadline (none last), then source and number: what is due first comes first."""
    return sorted(items, key=lambda i: (i.deadline is None, i.deadline or date.max, i.source, _num(i.number)))


def _num(number: str) -> int:
    return int(number) if number.isdigit() else 0
