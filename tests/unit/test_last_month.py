"""Last month's missing meetings when this month's plan is written (issue 15's closed loop):
which meetings count, when a month is judged, and where the 支委会's line goes."""

from __future__ import annotations

from datetime import date
from typing import List

from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.dates import Month
from sanhui.last_month import gaps_before, gaps_sentence, with_review_line
from sanhui.model.meeting import Meeting
from sanhui.model.meeting_ledger import MeetingFact
from sanhui.model.profile import BranchProfile, Member, PartyGroup

PROFILE = BranchProfile(
    branch="机关第一党支部", member_count=9,
    groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四")),
    members=tuple(Member(f"党员{n}", "第一党小组" if n % 2 else "第二党小组", committee=n < 3) for n in range(9)),
)


def held(kind: str, day: date, group: str = "") -> MeetingFact:
    return MeetingFact(kind=kind, evidence="record", day=day, group=group, expected=9, present=8,
                       sources=(f"{kind}{day}.odt",))


def august(except_group: str = "") -> List[MeetingFact]:
    facts = [held("支委会", date(2023, 8, 7)), held("主题党日", date(2023, 8, 4))]
    facts += [held("党小组会", date(2023, 8, 10), g) for g in ("第一党小组", "第二党小组") if g != except_group]
    return facts


def test_a_group_without_a_record_last_month_is_named() -> None:
    gaps = gaps_before(august(except_group="第二党小组"), PROFILE, Month(2023, 9), date(2023, 9, 1))
    assert gaps_sentence(gaps) == "8月 党小组会（第二党小组）未见记录"


def test_a_quarters_meetings_are_judged_in_its_last_month() -> None:
    facts = [*august(), held("支委会", date(2023, 9, 4)), held("主题党日", date(2023, 9, 1))]
    facts += [held("党小组会", date(2023, 9, 12), g) for g in ("第一党小组", "第二党小组")]
    gaps = gaps_before(facts, PROFILE, Month(2023, 10), date(2023, 10, 8))
    assert {g.kind for g in gaps} == {"党员大会", "党课"}  # the third quarter had neither
    assert all(g.period == "第三季度" for g in gaps)


def test_nothing_is_said_before_the_month_is_over_or_without_any_record() -> None:
    assert gaps_before(august(except_group="第二党小组"), PROFILE, Month(2023, 9), date(2023, 8, 28)) == []
    assert gaps_before([], PROFILE, Month(2023, 9), date(2023, 9, 2)) == []


def test_the_line_goes_under_the_committees_party_affairs() -> None:
    gaps = gaps_before(august(except_group="第二党小组"), PROFILE, Month(2023, 9), date(2023, 9, 1))
    plan = build_plan(load_pack(), None, "2023年9月")
    done = with_review_line(plan, gaps)
    committee = done.parts[0]
    assert committee.meeting is Meeting.COMMITTEE
    duty = committee.entry.children[-1]
    assert duty.text == "党务工作"
    assert duty.children[-1].text == "研究补开上月未见记录的会议：8月 党小组会（第二党小组）未见记录。"
    assert done.parts[1:] == plan.parts[1:]
    assert len(done.lines()) == len(plan.lines()) + 1


def test_a_plan_without_a_committee_is_left_as_it_is() -> None:
    gaps = gaps_before(august(except_group="第二党小组"), PROFILE, Month(2023, 9), date(2023, 9, 1))
    plan = build_plan(load_pack(), None, "2023年9月", has_committee=False)
    assert with_review_line(plan, gaps) == plan
