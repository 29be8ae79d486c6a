"""The 插入“三会一课”方案 dialog: a way of filling the InsertPlan form, nothing more.

Control names are the dispatch arguments, so what the dialog reads goes through the same
``parse_plan`` as a script's arguments. The dialog stays open until the input is valid or the
user cancels; a warning (e.g. a 党员大会 without a quorum) is shown once, and a second 确定
with the same input goes on.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from ..forms.errors import FormError
from ..forms.plan_form import DETAIL_FIELDS, MEETING_CHOICES, NOTES_CHOICES, PlanRequest, parse_plan, plan_warnings
from .form_dialog import FormDialog

TEXT_FIELDS = ("Month", "Branch", *DETAIL_FIELDS)
LISTS: Dict[str, Tuple[str, ...]] = {
    "Meeting": tuple(name for name, _ in MEETING_CHOICES),
    "Notes": tuple(name for name, _ in NOTES_CHOICES),
}


class PlanDialog(FormDialog):
    """Create with the values to show; ``run()`` returns the checked request, or None."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 has_committee: bool = True) -> None:
        super().__init__(ctx, frame, lang, "PlanDialog")
        self.today = today
        self.has_committee = has_committee
        self.result: Optional[PlanRequest] = None
        self.template = str(values.get("Template") or "")  # chosen by argument; kept through the dialog
        self.fill(values)

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onMeetingChanged": self.meeting_changed, "onDateLeft": self.date_left}

    # what the user sees
    def fill(self, values: Mapping[str, object]) -> None:
        """Put values (argument name → value) into the controls."""
        for name in TEXT_FIELDS:
            value = values.get(name)
            self.control(name).getModel().Text = "" if value is None else str(value)
        for name, choices in LISTS.items():
            wanted = str(values.get(name) or choices[-1 if name == "Meeting" else 0]).lower()
            index = choices.index(wanted) if wanted in choices else 0
            self.control(name).getModel().SelectedItems = (index,)
        self.meeting_changed()

    def read(self) -> Dict[str, str]:
        """The controls' values as dispatch arguments (details only for a single meeting)."""
        values = {name: self.control(name).getModel().Text for name in TEXT_FIELDS}
        for name, choices in LISTS.items():
            selected = self.control(name).getModel().SelectedItems
            values[name] = choices[selected[0] if selected else 0]
        if values["Meeting"] == "month":
            for name in DETAIL_FIELDS:
                values[name] = ""
        if self.template:
            values["Template"] = self.template
        return values

    def meeting_changed(self) -> None:
        """The 会议要素 belong to one meeting: greyed out for the whole month."""
        single = self.read_meeting() != "month"
        for name in DETAIL_FIELDS:
            self.control(name).getModel().Enabled = single
            self.control("lbl" + name).getModel().Enabled = single

    def read_meeting(self) -> str:
        selected = self.control("Meeting").getModel().SelectedItems
        return LISTS["Meeting"][selected[0] if selected else 0]

    # what the user does
    def ok(self) -> None:
        values = self.read()
        try:
            request = parse_plan(values, self.today, has_committee=self.has_committee)
        except FormError as exc:
            self.refuse(exc)
            return
        if self.warn_once(values, plan_warnings(request)):
            return
        self.result = request
        self.close()

    def date_left(self) -> None:
        """Show what was understood, in GB/T 9704 form, as soon as the field is left."""
        self.show_time_as_gb("Date", self.today)

    def run(self) -> Optional[PlanRequest]:
        """Show the dialog modally; the request when confirmed, None when cancelled."""
        self.execute()
        return self.result
