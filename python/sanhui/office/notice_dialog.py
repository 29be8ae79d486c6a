"""The 插入会议通知 dialog: a way of filling the InsertNotice form, nothing more.

Control names are the dispatch arguments, so what the dialog reads goes through the same
``parse_notice`` as a script's arguments. 主送 follows the meeting type until the user writes
their own; 有关要求 shows what the notice will ask (a 党员大会: 佩戴党员徽章、确缴党费).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional

from ..forms.errors import FormError
from ..forms.record_form import SINGLE, default_to, meeting_value, parse_notice, prepare_text
from ..model.meeting import Meeting
from ..model.record import Notice
from .form_dialog import FormDialog

TEXT_FIELDS = ("Date", "Place", "Topic", "To", "Issuer")
MEETINGS = tuple(name for name, _ in SINGLE)  # the Meeting list's entries, in order


def select_meeting(dialog: FormDialog, value: object) -> None:
    """Choose ``value`` (committee … or 支委会 …) in the Meeting list; 党员大会 when unreadable."""
    try:
        meeting = meeting_value(value or "general")
    except FormError:
        meeting = Meeting.GENERAL
    dialog.control("Meeting").getModel().SelectedItems = (MEETINGS.index(meeting.value),)


def chosen_meeting(dialog: FormDialog) -> Meeting:
    selected = dialog.control("Meeting").getModel().SelectedItems
    return Meeting(MEETINGS[selected[0] if selected else 1])


class NoticeDialog(FormDialog):
    """Create with the values to show; ``run()`` returns the checked notice, or None."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date) -> None:
        super().__init__(ctx, frame, lang, "NoticeDialog")
        self.today = today
        self.result: Optional[Notice] = None
        for name in TEXT_FIELDS:
            value = values.get(name)
            self.control(name).getModel().Text = "" if value is None else str(value)
        select_meeting(self, values.get("Meeting"))
        self.meeting = chosen_meeting(self)
        if not self.control("To").getModel().Text.strip():
            self.control("To").getModel().Text = default_to(self.meeting)
        self.control("Prepare").getModel().Text = prepare_text(self.meeting)

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onMeetingChanged": self.meeting_changed, "onDateLeft": self.date_left}

    def meeting_changed(self) -> None:
        """主送 and 有关要求 follow the meeting, unless the user wrote their own 主送."""
        meeting = chosen_meeting(self)
        to = self.control("To").getModel()
        if to.Text.strip() in ("", default_to(self.meeting)):
            to.Text = default_to(meeting)
        self.control("Prepare").getModel().Text = prepare_text(meeting)
        self.meeting = meeting

    def date_left(self) -> None:
        self.show_time_as_gb("Date", self.today)

    def read(self) -> Dict[str, object]:
        """The controls' values as dispatch arguments."""
        values: Dict[str, object] = {name: self.control(name).getModel().Text for name in TEXT_FIELDS}
        values["Meeting"] = chosen_meeting(self).value
        return values

    def ok(self) -> None:
        try:
            self.result = parse_notice(self.read(), self.today)
        except FormError as exc:
            self.show_message(exc.message(self.lang), exc.field)
            return
        self.close()

    def run(self) -> Optional[Notice]:
        """Show the dialog modally; the notice when confirmed, None when cancelled."""
        self.execute()
        return self.result
