"""The branch profile: the model's committee rule, the options page's form (fields, group lines,
messages that name the field in both languages) and the stored format of the settings."""

from __future__ import annotations

from typing import Dict, Optional

import pytest

from sanhui.forms.annual_form import DEFAULT_RULES
from sanhui.forms.errors import FormError
from sanhui.forms.profile_form import (
    MAX_GROUPS,
    PROFILE_FIELDS,
    format_groups,
    parse_groups,
    parse_profile,
    parse_rules,
    profile_fields,
    rules_fields,
)
from sanhui.i18n import FIELD_LABELS
from sanhui.model.profile import (
    RECENT_FIELDS,
    RULE_NAMES,
    BranchProfile,
    Member,
    PartyGroup,
    Recent,
    profile_from_settings,
    profile_to_settings,
)

FULL = BranchProfile(
    branch="机关第一党支部",
    secretary="王书记",
    organizer="李委员",
    member_count=23,
    groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四"), PartyGroup("退休党小组")),
    place="三楼党员活动室",
)


def error(values: Dict[str, object]) -> FormError:
    with pytest.raises(FormError) as caught:
        parse_profile(values)
    return caught.value


# --- the committee rule (条例: fewer than 7 full members → no 支委会) -------------------------

@pytest.mark.parametrize(("count", "committee"), [
    (None, True),  # not known: keep the committee rather than drop it on a guess
    (0, True),  # 0 is "not known" in the settings
    (1, False),
    (3, False),
    (6, False),
    (7, True),
    (8, True),
    (500, True),
])
def test_has_committee(count: Optional[int], committee: bool) -> None:
    assert BranchProfile(member_count=count).has_committee() is committee


def test_an_empty_profile_is_the_default() -> None:
    assert BranchProfile() == BranchProfile("", "", "", None, (), "")
    assert parse_profile({}) == BranchProfile()
    assert parse_profile({name: "" for name in PROFILE_FIELDS}) == BranchProfile()


# --- the form -------------------------------------------------------------------------------

def test_every_field_of_the_page() -> None:
    values = {
        "Branch": " 机关第一党支部 ",
        "Secretary": "王书记",
        "Organizer": "李委员",
        "MemberCount": "23",
        "Groups": "第一党小组 张三\n第二党小组：李四\n\n退休党小组\n",
        "UsualPlace": "三楼党员活动室",
    }
    assert parse_profile(values) == FULL


def test_the_page_shows_a_profile_as_text_that_reads_back_the_same() -> None:
    shown = profile_fields(FULL)
    assert set(shown) == set(PROFILE_FIELDS)
    assert shown["MemberCount"] == "23"
    assert shown["Groups"] == "第一党小组 张三\n第二党小组 李四\n退休党小组"
    assert parse_profile(shown) == FULL
    assert profile_fields(BranchProfile())["MemberCount"] == ""


@pytest.mark.parametrize("raw", ["23", " 23 ", "２３", 23, "+23"])
def test_member_count_as_people_type_it(raw: object) -> None:
    assert parse_profile({"MemberCount": raw}).member_count == 23


@pytest.mark.parametrize("raw", ["", "  ", "0", 0, None])
def test_member_count_empty_or_zero_is_not_known(raw: object) -> None:
    assert parse_profile({"MemberCount": raw}).member_count is None


@pytest.mark.parametrize("raw", ["abc", "七", "-3", "10001", "6.5", "1e3", True])
def test_member_count_must_be_a_whole_number_up_to_10000(raw: object) -> None:
    exc = error({"MemberCount": raw})
    assert exc.field == "MemberCount"
    assert exc.key == "number_range"
    assert exc.message("zh").startswith("正式党员人数（MemberCount）应为 0 到 10000 之间的整数，收到的是“")
    assert exc.message("en").startswith("Full members (MemberCount) must be a whole number from 0 to 10000")


@pytest.mark.parametrize(("line", "group"), [
    ("第一党小组 张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组：张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组:张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组,张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组，张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组\t张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组\u3000张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组 ： 张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组，组长：张三", PartyGroup("第一党小组", "张三")),
    ("第一党小组 组长 张三", PartyGroup("第一党小组", "张三")),
    ("  第一党小组   张三  ", PartyGroup("第一党小组", "张三")),
    ("第一党小组", PartyGroup("第一党小组", "")),
    ("第一党小组：", PartyGroup("第一党小组", "")),
    ("Group 1: John  Smith", PartyGroup("Group", "1: John Smith")),  # a name ends at its first space
])
def test_a_group_line(line: str, group: PartyGroup) -> None:
    assert parse_groups(line) == (group,)


def test_group_lines_in_order_empty_lines_ignored_any_line_ending() -> None:
    typed = "\r\n第一党小组 张三\r\n\r\n第二党小组\r第三党小组，王五\n   \n"
    assert parse_groups(typed) == (
        PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组"), PartyGroup("第三党小组", "王五"))
    assert parse_groups("") == parse_groups(None) == parse_groups(" \n \n") == ()


def test_format_groups_is_what_the_page_asks_for() -> None:
    groups = (PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组"))
    assert format_groups(groups) == "第一党小组 张三\n第二党小组"
    assert parse_groups(format_groups(groups)) == groups


def test_a_group_named_twice_is_refused_naming_both_lines() -> None:
    exc = error({"Groups": "第一党小组 张三\n第二党小组 李四\n第一党小组：王五"})
    assert (exc.field, exc.key) == ("Groups", "group_duplicate")
    assert exc.message("zh") == "党小组（Groups）中“第一党小组”出现了两次（第 1 行和第 3 行），请删去一行。"
    assert exc.message("en") == "Party groups (Groups): “第一党小组” appears twice (lines 1 and 3); please remove one."


def test_a_group_line_too_long_is_refused_naming_its_line() -> None:
    exc = error({"Groups": "第一党小组 张三\n" + "很" * 51 + " 李四"})
    assert (exc.field, exc.key) == ("Groups", "group_line_too_long")
    assert exc.params["line"] == 2
    assert "党小组（Groups）第 2 行" in exc.message("zh")
    assert "Party groups (Groups), line 2" in exc.message("en")
    assert parse_groups("小组 " + "长" * 50)[0].leader == "长" * 50


def test_too_many_groups() -> None:
    lines = "\n".join(f"第{n}党小组" for n in range(1, MAX_GROUPS + 2))
    exc = error({"Groups": lines})
    assert (exc.field, exc.key) == ("Groups", "groups_too_many")
    assert len(parse_groups("\n".join(f"第{n}党小组" for n in range(1, MAX_GROUPS + 1)))) == MAX_GROUPS


@pytest.mark.parametrize(("values", "field", "key"), [
    ({"Branch": "支" * 101}, "Branch", "too_long"),
    ({"Branch": "第一\n支部"}, "Branch", "control_chars"),
    ({"Secretary": "王" * 51}, "Secretary", "too_long"),
    ({"Secretary": "王\t书记"}, "Secretary", "control_chars"),
    ({"Organizer": "李" * 51}, "Organizer", "too_long"),
    ({"Organizer": 3.5}, "Organizer", "wrong_type"),
    ({"MemberCount": "x"}, "MemberCount", "number_range"),
    ({"Groups": "第一党小组 张\x07三"}, "Groups", "control_chars"),
    ({"Groups": "第一党小组\n第一党小组"}, "Groups", "group_duplicate"),
    ({"Groups": "党" * 51}, "Groups", "group_line_too_long"),
    ({"UsualPlace": "室" * 201}, "UsualPlace", "too_long"),
    ({"UsualPlace": "三楼\x00"}, "UsualPlace", "control_chars"),
])
def test_every_message_names_its_field_in_chinese_and_english(values: Dict[str, object], field: str,
                                                                 key: str) -> None:
    exc = error(values)
    assert (exc.field, exc.key) == (field, key)
    assert f"{FIELD_LABELS[field]['zh']}（{field}）" in exc.message("zh")
    assert FIELD_LABELS[field]["en"] in exc.message("en")
    assert "{" not in exc.message("zh") + exc.message("en")


def test_every_field_has_a_label_in_both_languages() -> None:
    assert set(PROFILE_FIELDS) <= set(FIELD_LABELS)
    assert FIELD_LABELS["UsualPlace"]["zh"] == "常用会议地点"
    assert FIELD_LABELS["MemberCount"]["zh"] == "正式党员人数"


# --- the stored form ----------------------------------------------------------------------------

def test_profile_to_settings_and_back() -> None:
    stored = profile_to_settings(FULL)
    assert stored == {
        "Branch": "机关第一党支部",
        "Secretary": "王书记",
        "Organizer": "李委员",
        "MemberCount": 23,
        "Groups": ("第一党小组\t张三", "第二党小组\t李四", "退休党小组"),
        "Place": "三楼党员活动室",
        "Members": (),
        "CommitteeRule": "", "GeneralRule": "", "GroupRule": "", "LectureRule": "", "PartyDayRule": "",
    }
    assert profile_from_settings(stored) == FULL
    assert profile_to_settings(BranchProfile())["MemberCount"] == 0
    assert profile_from_settings(profile_to_settings(BranchProfile())) == BranchProfile()


def test_stored_values_edited_by_hand_do_not_break_the_profile() -> None:
    odd = {"Branch": None, "MemberCount": -4, "Groups": ["", " 第一党小组 \t 张三 ", "第二党小组\t"], "Other": 1}
    assert profile_from_settings(odd) == BranchProfile(
        groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组")))
    assert profile_from_settings({"MemberCount": True}).member_count is None
    assert profile_from_settings({"Groups": "第一党小组\t张三"}).groups == (PartyGroup("第一党小组", "张三"),)


def test_recent_values() -> None:
    assert RECENT_FIELDS == ("place", "attendees", "host", "recorder", "notes")
    recent = Recent().updated(place="三楼党员活动室", notes="body")
    assert recent == Recent(place="三楼党员活动室", notes="body")
    assert recent.updated(attendees="联建支部书记") == Recent("三楼党员活动室", "联建支部书记", "", "", "body")
    with pytest.raises(TypeError, match="Place"):
        Recent().updated(Place="x")


ROLL = (Member("王书记", "第一党小组", committee=True), Member("张三", "第一党小组"),
        Member("李四", "第二党小组", probationary=True), Member("赵六"))


def test_the_roll_and_the_rules_are_stored_as_a_person_would_read_them() -> None:
    profile = BranchProfile(members=ROLL, rules=(("PartyDayRule", "每月第一个星期五"),))
    stored = profile_to_settings(profile)
    assert stored["Members"] == ("王书记\t第一党小组\t正式\t支委", "张三\t第一党小组\t正式\t",
                                 "李四\t第二党小组\t预备\t", "赵六\t\t正式\t")
    assert stored["PartyDayRule"] == "每月第一个星期五" and stored["CommitteeRule"] == ""
    assert profile_from_settings(stored) == profile
    assert profile.rule_values() == {"PartyDayRule": "每月第一个星期五"}


def test_a_hand_edited_roll_entry_keeps_what_can_be_read() -> None:
    assert profile_from_settings({"Members": [" 张三 ", "", "李四\t二组\t预备"]}).members == (
        Member("张三"), Member("李四", "二组", probationary=True))


def test_the_committee_rule_counts_full_members_on_the_roll_when_no_count_is_given() -> None:
    six = (*tuple(Member(f"党员{i}") for i in range(6)), Member("预备甲", probationary=True))
    assert not BranchProfile(members=six).has_committee()
    assert BranchProfile(members=(*six, Member("党员6"))).has_committee()
    assert BranchProfile(members=six, member_count=9).has_committee()  # the count given wins
    assert BranchProfile().has_committee()


# --- the schedule rules (Tools › Options › 三会一课 › 会议日程) ----------------------------------

def test_the_rules_page_shows_the_defaults_for_rules_not_set() -> None:
    shown = rules_fields(BranchProfile(rules=(("PartyDayRule", "每月最后一个星期五"),)))
    assert shown == {**DEFAULT_RULES, "PartyDayRule": "每月最后一个星期五"}
    assert tuple(shown) == RULE_NAMES


def test_rules_left_at_the_default_or_empty_are_not_stored() -> None:
    assert parse_rules(dict(DEFAULT_RULES)) == ()
    assert parse_rules({}) == ()
    assert parse_rules({name: " " for name in RULE_NAMES}) == ()
    assert parse_rules({"CommitteeRule": "每月 第一个 星期一"}) == ()  # the default, with blanks


def test_rules_changed_are_stored_as_read() -> None:
    typed = {**DEFAULT_RULES, "GeneralRule": "每季度首月15日", "PartyDayRule": "每月 最后一个星期五 "}
    rules = parse_rules(typed)
    assert rules == (("GeneralRule", "每季度首月15日"), ("PartyDayRule", "每月最后一个星期五"))
    profile = BranchProfile(rules=rules)
    assert profile_from_settings(profile_to_settings(profile)) == profile
    assert rules_fields(profile)["GeneralRule"] == "每季度首月15日"


@pytest.mark.parametrize(("name", "label"), [
    ("CommitteeRule", "支委会安排规则"), ("GeneralRule", "党员大会安排规则"), ("GroupRule", "党小组会安排规则"),
    ("LectureRule", "党课安排规则"), ("PartyDayRule", "主题党日安排规则"),
])
def test_a_bad_rule_is_refused_naming_its_field(name: str, label: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_rules({**DEFAULT_RULES, name: "每月第八个星期五"})
    exc = caught.value
    assert (exc.field, exc.key) == (name, "bad_rule")
    assert exc.message("zh").startswith(f"{label}（{name}）“每月第八个星期五”无法识别。")
    assert exc.message("en").startswith(f"{FIELD_LABELS[name]['en']} ({name}) “每月第八个星期五” cannot be read.")


def test_a_rule_too_long_or_with_control_characters() -> None:
    with pytest.raises(FormError) as caught:
        parse_rules({"GroupRule": "每月" * 30})
    assert (caught.value.field, caught.value.key) == ("GroupRule", "too_long")
    with pytest.raises(FormError) as caught:
        parse_rules({"GroupRule": "每月\n15日"})
    assert caught.value.key == "control_chars"
