"""The 插入会议记录 dialog: the meeting and its 会议要素, as the plan dialog asks them.

It opens on the meeting of the plan part at the cursor, filled from that part's 会议要素 table
when the plan has one, else from the profile and the last values used. The checks are the plan
dialog's (``parse_details``); a warning (no quorum, absentees that do not add up) is shown once,
and a second 确定 with the same input goes on. For a 党小组会 the 党小组 box names the group that
met (chosen from the profile's or typed), which the record's title then says.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

from ..forms.errors import FormError
from ..forms.plan_form import DETAIL_FIELDS
from ..forms.record_form import parse_record, record_warnings
from ..model.meeting import Meeting, MeetingDetails
from .form_dialog import FormDialog
from .notice_dialog import GroupChoice, chosen_meeting, select_meeting


class RecordDialog(FormDialog):
    """``run()`` returns the checked (meeting, details), or None when cancelled."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 groups: Sequence[str] = ()) -> None:
        super().__init__(ctx, frame, lang, "RecordDialog")
        self.today = today
        self.result: Optional[Tuple[Meeting, MeetingDetails]] = None
        for name in DETAIL_FIELDS:
            value = values.get(name)
            self.control(name).getModel().Text = "" if value is None else str(value)
        select_meeting(self, values.get("Meeting"))
        self.group = GroupChoice(self, groups, values.get("Group"))

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onDateLeft": self.date_left, "onMeetingChanged": self.meeting_changed}

    def meeting_changed(self) -> None:
        self.group.follow()

    def date_left(self) -> None:
        self.show_time_as_gb("Date", self.today)

    def read(self) -> Dict[str, str]:
        """The controls' values as dispatch arguments."""
        values = {name: self.control(name).getModel().Text for name in DETAIL_FIELDS}
        values["Meeting"] = chosen_meeting(self).value
        values["Group"] = self.group.value()
        return values

    def ok(self) -> None:
        values = self.read()
        try:
            meeting, details = parse_record(values, self.today)
        except FormError as exc:
            self.refuse(exc)
            return
        if self.warn_once(values, record_warnings(meeting, details)):
            return
        self.result = (meeting, details)
        self.close()

    def run(self) -> Optional[Tuple[Meeting, MeetingDetails]]:
        """Show the dialog modally; (meeting, details) when confirmed, None when cancelled."""
        self.execute()
        return self.result
