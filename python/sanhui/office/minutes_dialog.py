"""The 插入联建会议纪要 dialog: the two branches and secretaries, theme, time, place,
attendance, and the agreed items, added and removed as rows (each row checked as it is added:
a deadline that cannot be read is said at once, naming the field)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ..forms.errors import FormError
from ..forms.minutes_form import MinutesRequest, parse_item, parse_minutes
from .form_dialog import FormDialog

TEXT_FIELDS = ("BranchA", "SecretaryA", "BranchB", "SecretaryB", "Theme", "Date", "Place", "Present", "Leave",
               "Attending")


class MinutesDialog(FormDialog):
    """``run()`` returns the checked request, or None when cancelled."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date) -> None:
        super().__init__(ctx, frame, lang, "MinutesDialog")
        self.today = today
        self.result: Optional[MinutesRequest] = None
        self.rows: List[Tuple[str, str, str]] = []
        for name in TEXT_FIELDS:
            value = values.get(name)
            self.control(name).setText("" if value is None else str(value))
        for row in values.get("Items") or ():  # type: ignore[attr-defined]
            cells = [str(c) for c in row] + ["", "", ""]
            self.rows.append((cells[0], cells[1], cells[2]))
        self.refresh()

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onAddItem": self.add_item, "onRemoveItem": self.remove_item,
                "onDateLeft": lambda: self.show_time_as_gb("Date", self.today)}

    def refresh(self) -> None:
        items = self.control("ItemList")
        items.removeItems(0, items.getItemCount())
        lines = tuple(f"{n}. {text}　{owner or '（责任人待定）'}　{deadline or '（时限待定）'}"
                      for n, (text, owner, deadline) in enumerate(self.rows, start=1))
        items.addItems(lines, 0)

    def add_item(self) -> None:
        raw = {"Item": self.control("ItemText").getText(), "Owner": self.control("ItemOwner").getText(),
               "Deadline": self.control("ItemDeadline").getText()}
        try:
            item, _ = parse_item(raw, self.today)
        except FormError as exc:
            self.show_message(exc.message(self.lang), {"Item": "ItemText", "Owner": "ItemOwner",
                                                       "Deadline": "ItemDeadline"}.get(exc.field, ""))
            return
        self.rows.append((item.text, item.owner, item.deadline))
        for name in ("ItemText", "ItemOwner", "ItemDeadline"):
            self.control(name).setText("")
        self.show_message("", "ItemText")
        self.refresh()

    def remove_item(self) -> None:
        selected = self.control("ItemList").getSelectedItemPos()
        if 0 <= selected < len(self.rows):
            del self.rows[selected]
            self.refresh()

    def values(self) -> Dict[str, object]:
        values: Dict[str, object] = {name: self.control(name).getText() for name in TEXT_FIELDS}
        values["Items"] = tuple(self.rows)
        return values

    def ok(self) -> None:
        if self.control("ItemText").getText().strip():  # typed but not added yet: add it for the user
            self.add_item()
            if self.control("ItemText").getText().strip():
                return
        try:
            self.result = parse_minutes(self.values(), self.today)
        except FormError as exc:
            self.show_message(exc.message(self.lang), exc.field if exc.field != "Items" else "ItemText")
            return
        self.close()

    def run(self) -> Optional[MinutesRequest]:
        self.execute()
        return self.result
