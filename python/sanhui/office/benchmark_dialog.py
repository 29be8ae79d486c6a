"""The 插入对标提高任务清单 dialog: the benchmark unit and the meeting, the prepared checklist,
and the tasks — pasted as lines from a spreadsheet (or typed with ｜), listed, removed."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ..forms.benchmark_form import pasted_rows, task_rows
from ..forms.errors import FormError
from ..model.benchmark import Benchmark, BenchmarkTask
from .form_dialog import FormDialog

TEXT_FIELDS = ("Benchmark", "Theme", "Date", "Place", "HostA", "HostB", "Teams")


class BenchmarkDialog(FormDialog):
    """``run()`` returns (the list, its warnings), or None when cancelled."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 parse: Callable[[Mapping[str, object]], Tuple[Benchmark, Tuple[FormError, ...]]]) -> None:
        super().__init__(ctx, frame, lang, "BenchmarkDialog")
        self.today = today
        self.parse = parse
        self.result: Optional[Tuple[Benchmark, Tuple[FormError, ...]]] = None
        self.tasks: List[BenchmarkTask] = []
        for name in TEXT_FIELDS:
            value = values.get(name)
            self.control(name).setText("" if value is None else str(value))
        checklist = values.get("Checklist") or ()
        self.control("Checklist").setText("\n".join(checklist) if isinstance(checklist, (tuple, list))
                                          else str(checklist))
        self.refresh()

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onAddRows": self.add_rows, "onRemoveItem": self.remove_item}

    def refresh(self) -> None:
        items = self.control("ItemList")
        items.removeItems(0, items.getItemCount())
        items.addItems(tuple(f"{n}. {t.item}｜{t.owner or '（责任人待定）'}｜{t.deadline or '（时限待定）'}"
                             for n, t in enumerate(self.tasks, start=1)), 0)

    def add_rows(self) -> bool:
        """Every pasted line becomes a task; a bad line is named and nothing of the paste is kept."""
        try:
            tasks, _ = task_rows(pasted_rows(self.control("Paste").getText()), self.today)
        except FormError as exc:
            self.show_message(exc.message(self.lang), "Paste")
            return False
        self.tasks.extend(tasks)
        self.control("Paste").setText("")
        self.show_message("")
        self.refresh()
        return True

    def remove_item(self) -> None:
        selected = self.control("ItemList").getSelectedItemPos()
        if 0 <= selected < len(self.tasks):
            del self.tasks[selected]
            self.refresh()

    def ok(self) -> None:
        if self.control("Paste").getText().strip() and not self.add_rows():
            return
        values: Dict[str, object] = {name: self.control(name).getText() for name in TEXT_FIELDS}
        values["Checklist"] = tuple(line.strip() for line in self.control("Checklist").getText().splitlines()
                                    if line.strip())
        values["Items"] = tuple((t.item, t.practice, t.gap, t.measure, t.owner, t.deadline) for t in self.tasks)
        try:
            self.result = self.parse(values)
        except FormError as exc:
            self.show_message(exc.message(self.lang), exc.field if exc.field != "Items" else "Paste")
            return
        self.close()

    def run(self) -> Optional[Tuple[Benchmark, Tuple[FormError, ...]]]:
        self.execute()
        return self.result
