"""The 插入“三会一课”方案 dialog: a way of filling the InsertPlan form, nothing more.

Control names are the dispatch arguments, so what the dialog reads goes through the same
``parse_plan`` as a script's arguments. The dialog stays open until the input is valid or the
user cancels; a warning (e.g. a 党员大会 without a quorum) is shown once, and a second 确定
with the same input goes on.

方案模板 lists 内置方案 and the branch's saved templates (the 方案模板 options page keeps them),
preselected with the ``Template`` argument, else the default template, else 内置方案. A saved
template may lack a meeting (a 党委's notice with a 主题党日 instead of a 党课): choosing that
meeting says so in the red line here, before anything is written, instead of after the dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ..content.pack import ContentPack, PackError, load_pack
from ..forms.errors import FormError
from ..forms.plan_form import DETAIL_FIELDS, MEETING_CHOICES, NOTES_CHOICES, PlanRequest, parse_plan, plan_warnings
from ..i18n import text
from ..plan_templates import BUILT_IN, built_in_label, reserved_names
from .form_dialog import FormDialog
from .settings import load_default_template, template_store

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
        self.templates = self.list_templates(str(values.get("Template") or ""))
        self.fill(values)

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onMeetingChanged": self.meeting_changed, "onDateLeft": self.date_left,
                "onTemplateChanged": self.template_changed}

    # the 方案模板 list
    def list_templates(self, wanted: str) -> List[str]:
        """Fill 方案模板: 内置方案 first, then the saved templates; select ``wanted`` (the argument),
        else the default template, else 内置方案. A name given that is not saved (any more) is
        listed as gone, so 确定 names it rather than silently inserting another plan. Returns the
        Template value of each entry (BUILT_IN for the first)."""
        names = template_store(self.ctx).names()
        shown = [built_in_label(self.lang), *names]
        values = [BUILT_IN, *names]
        chosen = wanted or load_default_template(self.ctx)
        if chosen in reserved_names() or not chosen:
            index = 0
        elif chosen in names:
            index = names.index(chosen) + 1
        elif wanted:
            shown.append(text("template_gone_in_list", self.lang, {"name": wanted}))
            values.append(wanted)
            index = len(values) - 1
        else:  # a default deleted by hand from the profile: InsertPlan falls back to the built-in plan too
            index = 0
        model = self.control("Template").getModel()
        model.StringItemList = tuple(shown)
        model.SelectedItems = (index,)
        return values

    def chosen_template(self) -> str:
        selected = self.control("Template").getModel().SelectedItems
        return self.templates[selected[0] if selected else 0]

    def chosen_pack(self) -> ContentPack:
        """The pack of the template chosen; FormError(Template) when it cannot be read."""
        name = self.chosen_template()
        if name == BUILT_IN:
            return load_pack()
        try:
            return template_store(self.ctx).load(name)
        except PackError as exc:  # the file was damaged since it was listed
            raise FormError("Template", "template_unusable", name=name, message=exc.message(self.lang)) from None

    def template_changed(self) -> None:
        """A new template: the red line starts over (it may have been about the old one)."""
        self.show_message("")

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
        values["Template"] = self.chosen_template()
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
            pack = self.chosen_pack()
            if request.meeting is not None and request.meeting not in pack.meetings():
                raise FormError("Meeting", "template_lacks_meeting", meeting=request.meeting.label,
                                name=pack.name or BUILT_IN)
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
