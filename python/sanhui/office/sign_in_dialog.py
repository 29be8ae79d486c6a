"""The 插入签到表 dialog: meeting, time, 党小组, and the names the sheet will list.

The names start as the profile's roll for the meeting (the 支委 for a 支委会, the group's members
for a 党小组会) and follow the meeting and the group as they change; they stay editable, one a
line. Below them a line says where they came from, or, when the roll has nobody, how to fill it.
What the dialog reads goes through the same ``parse_sign_in`` as a script's arguments.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

from ..forms.errors import FormError
from ..forms.record_form import names_of, parse_sign_in, sign_in_roll
from ..i18n import text
from ..model.meeting import Meeting
from ..model.record import Member
from .form_dialog import FormDialog
from .notice_dialog import chosen_meeting, select_meeting

SignIn = Tuple[Meeting, str, str, Tuple[Member, ...]]


class SignInDialog(FormDialog):
    """``run()`` returns (meeting, time, group, members) as ``parse_sign_in`` does, or None."""

    def __init__(self, ctx: Any, frame: Any, lang: str, values: Mapping[str, object], today: date,
                 roll: Sequence[Member], groups: Sequence[str]) -> None:
        super().__init__(ctx, frame, lang, "SignInDialog")
        self.today = today
        self.roll = tuple(roll)
        self.result: Optional[SignIn] = None
        given_group = str(values.get("Group") or "").strip()
        self.groups = tuple(groups) + ((given_group,) if given_group and given_group not in groups else ())
        self.control("Date").getModel().Text = str(values.get("Date") or "")
        select_meeting(self, values.get("Meeting"))
        group_list = self.control("Group")
        group_list.addItems(self.groups, 0)
        if self.groups:
            index = self.groups.index(given_group) if given_group in self.groups else 0
            group_list.getModel().SelectedItems = (index,)
        self.enable_group()
        names = values.get("Members")
        if isinstance(names, (tuple, list)):  # given (Interactive=True): shown as given
            self.control("Members").getModel().Text = "\n".join(str(n) for n in names)
            self.show_hint()
        else:
            self.refill()

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onMeetingChanged": self.meeting_changed, "onGroupChanged": self.refill,
                "onDateLeft": self.date_left}

    def group(self) -> str:
        """The chosen 党小组 ("" when the meeting is not a 党小组会 or the profile has none)."""
        if chosen_meeting(self) is not Meeting.GROUP or not self.groups:
            return ""
        selected = self.control("Group").getModel().SelectedItems
        return self.groups[selected[0]] if selected else ""

    def enable_group(self) -> None:
        """The 党小组 matters for a 党小组会 only."""
        enabled = chosen_meeting(self) is Meeting.GROUP and bool(self.groups)
        self.control("Group").getModel().Enabled = enabled
        self.control("lblGroup").getModel().Enabled = enabled

    def meeting_changed(self) -> None:
        self.enable_group()
        self.refill()

    def refill(self) -> None:
        """The roll's names for the chosen meeting and group replace what the list held."""
        chosen = sign_in_roll(chosen_meeting(self), self.group(), self.roll)
        self.control("Members").getModel().Text = "\n".join(m.name for m in chosen)
        self.show_hint(len(chosen))

    def show_hint(self, count: Optional[int] = None) -> None:
        """Where the names come from, or how to get some when the roll has none."""
        if not self.roll:
            hint = text("sign_in_roll_empty", self.lang)
        elif count == 0:
            hint = text("sign_in_roll_none", self.lang)
        elif count is None:
            hint = ""
        else:
            hint = text("sign_in_roll_hint", self.lang, {"count": count})
        self.control("RollHint").getModel().Label = hint

    def date_left(self) -> None:
        self.show_time_as_gb("Date", self.today)

    def read(self) -> Dict[str, object]:
        """The controls' values as dispatch arguments (an empty list: the sheet's blank rows)."""
        return {"Meeting": chosen_meeting(self).value, "Date": self.control("Date").getModel().Text,
                "Group": self.group(), "Members": names_of(self.control("Members").getModel().Text)}

    def ok(self) -> None:
        try:
            self.result = parse_sign_in(self.read(), self.today, self.roll)
        except FormError as exc:
            self.show_message(exc.message(self.lang), exc.field)
            return
        self.close()

    def run(self) -> Optional[SignIn]:
        """Show the dialog modally; the sheet's content when confirmed, None when cancelled."""
        self.execute()
        return self.result
