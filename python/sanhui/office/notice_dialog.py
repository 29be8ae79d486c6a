"""The 插入会议通知 dialog: a way of filling the InsertNotice form, nothing more.

Control names are the dispatch arguments, so what the dialog reads goes through the same
``parse_notice`` as a script's arguments. 主送 follows the meeting type until the user writes
their own; 有关要求 shows what the notice will ask (a 党员大会: 佩戴党员徽章、确缴党费). 党小组 is
for a 党小组会 only (see ``GroupChoice``): typed, or chosen from the profile's groups.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Sequence

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


class GroupChoice:
    """The 党小组 combo box of the notice and record dialogs: the profile's groups to choose from,
    any other name typed (groups are not always in the profile). It starts on the group given,
    else the profile's first (as the sign-in dialog does), and counts only for a 党小组会: it is
    greyed out for the other meetings, whose notice or record names no group."""

    def __init__(self, dialog: FormDialog, groups: Sequence[str], given: object) -> None:
        self.dialog = dialog
        combo = dialog.control("Group")
        combo.addItems(tuple(groups), 0)
        start = str(given or "").strip() or (groups[0] if groups else "")
        combo.getModel().Text = start
        self.follow()

    def follow(self) -> None:
        """Enable the box for a 党小组会 only (called when the meeting changes)."""
        enabled = chosen_meeting(self.dialog) is Meeting.GROUP
        self.dialog.control("Group").getModel().Enabled = enabled
        self.dialog.control("lblGroup").getModel().Enabled = enabled

    def value(self) -> str:
        """The Group argument: the text shown for a 党小组会, "" otherwise."""
        if chosen_meeting(self.dialog) is not Meeting.GROUP:
            return ""
        return str(self.dialog.control("Group").getModel().Text)


class NoticeDialog(FormDialog):
    """Create with the values to show; ``run()`` returns the checked notice, or None."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 groups: Sequence[str] = ()) -> None:
        super().__init__(ctx, frame, lang, "NoticeDialog")
        self.today = today
        self.result: Optional[Notice] = None
        for name in TEXT_FIELDS:
            value = values.get(name)
            self.control(name).getModel().Text = "" if value is None else str(value)
        select_meeting(self, values.get("Meeting"))
        self.meeting = chosen_meeting(self)
        self.group = GroupChoice(self, groups, values.get("Group"))
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
        self.group.follow()

    def date_left(self) -> None:
        self.show_time_as_gb("Date", self.today)

    def read(self) -> Dict[str, object]:
        """The controls' values as dispatch arguments."""
        values: Dict[str, object] = {name: self.control(name).getModel().Text for name in TEXT_FIELDS}
        values["Meeting"] = chosen_meeting(self).value
        values["Group"] = self.group.value()
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
