"""The 插入会议记录 dialog: the meeting and its 会议要素, as the plan dialog asks them.

It opens on the meeting of the plan part at the cursor, filled from that part's 会议要素 table
when the plan has one, else from the profile and the last values used. The checks are the plan
dialog's (``parse_details``); a warning (no quorum, absentees that do not add up) is shown once,
and a second 确定 with the same input goes on. For a 党小组会 the 党小组 box names the group that
met (chosen from the profile's or typed), which the record's title then says; its 组长 (the
profile's) is the 主持人 offered, following the meeting and the group chosen until the 主持人 is
typed over.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

from ..forms.errors import FormError
from ..forms.plan_form import DETAIL_FIELDS
from ..forms.record_form import chair, parse_record, record_warnings
from ..model.meeting import Meeting, MeetingDetails
from ..model.profile import PartyGroup
from .form_dialog import FormDialog
from .notice_dialog import GroupChoice, chosen_meeting, select_meeting


class RecordDialog(FormDialog):
    """``run()`` returns the checked (meeting, details), or None when cancelled."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 groups: Sequence[PartyGroup] = (), otherwise_host: str = "") -> None:
        """``otherwise_host`` chairs the meetings that are not a group's (the secretary, or who
        chaired last); ``values`` hold the 主持人 shown first."""
        super().__init__(ctx, frame, lang, "RecordDialog")
        self.today = today
        self.result: Optional[Tuple[Meeting, MeetingDetails]] = None
        for name in DETAIL_FIELDS:
            value = values.get(name)
            self.control(name).getModel().Text = "" if value is None else str(value)
        select_meeting(self, values.get("Meeting"))
        self.groups = tuple(groups)
        self.otherwise_host = otherwise_host
        self.group = GroupChoice(self, [g.name for g in self.groups], values.get("Group"))
        # The 主持人 given was offered for the group given (or none): the box may show another
        # (the profile's first), whose 组长 is then offered in its place.
        given_group = str(values.get("Group") or "") if chosen_meeting(self) is Meeting.GROUP else ""
        self.offered_host = chair(chosen_meeting(self), given_group, self.groups, otherwise_host)
        self.follow_chair()

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onDateLeft": self.date_left, "onMeetingChanged": self.meeting_changed,
                "onGroupChanged": self.follow_chair}

    def meeting_changed(self) -> None:
        self.group.follow()
        self.follow_chair()

    def chair(self) -> str:
        """Who chairs the meeting and group chosen, unless someone else is typed."""
        return chair(chosen_meeting(self), self.group.value(), self.groups, self.otherwise_host)

    def follow_chair(self) -> None:
        """The 主持人 offered follows the meeting and group while it is the one offered; a name
        typed over it (or the plan's) stays."""
        if not hasattr(self, "offered_host"):  # a change event while the dialog is being filled
            return
        offered = self.chair()
        host = self.control("Host").getModel()
        if host.Text.strip() == self.offered_host.strip():
            host.Text = offered
        self.offered_host = offered

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
