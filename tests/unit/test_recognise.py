"""The recogniser (content/recognise.py) over the seed and over texts in every common form:
numbering variants, half-width punctuation, notices, run-together items, missing parts, each 备注
form, preamble and closing, the title's month; and .txt decoding. The property tests are in
test_properties_recognise.py; the invariant they check (nothing the user typed is lost) is
``assert_nothing_lost`` below, used here on every example too."""

from __future__ import annotations

import dataclasses
import textwrap
from typing import List, Optional, Tuple

import pytest

from make_seed_pack import seed_pack
from sanhui.content.pack import DEFAULT_PACK, dump_pack, load_pack
from sanhui.content.recognise import INVISIBLE, MARKUP, Counts, Recognised, decode_text, recognise
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import Entry
from tests.unit.seed import SEED, seed_text


def read(text: str) -> Recognised:
    """Recognise a dedented example, checking the invariant on the way."""
    text = textwrap.dedent(text).strip("\n")
    found = recognise(text)
    assert_nothing_lost(text, found)
    return found


def outline(found: Recognised) -> List[str]:
    """The plan as lines: T title, P preamble, L<level> entry, B body, C closing; notes as “ N …”
    under their paragraph."""
    pack = found.pack
    out: List[str] = []

    def put(tag: str, text: str, notes: Tuple[str, ...]) -> None:
        out.append(f"{tag} {text}")
        out.extend(f" N {note}" for note in notes)

    if pack.title:
        put("T", pack.title, pack.title_notes)
    for para in pack.preamble:
        put("P", para.text, para.notes)

    def visit(entry: Entry, level: int) -> None:
        put(f"L{level}", entry.text, entry.notes)
        for para in entry.body:
            put("B", para.text, para.notes)
        for child in entry.children:
            visit(child, level + 1)

    for part in pack.parts:
        visit(part.entry, 1)
    for para in pack.closing:
        put("C", para.text, para.notes)
    return out


# --- the seed ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> Recognised:
    seed_text()  # fails clearly when the seed is missing
    found = recognise(decode_text(SEED.read_bytes()))
    assert_nothing_lost(SEED.read_text(encoding="utf-8"), found)
    return found


def test_the_seed_recognises_as_the_built_in_pack(seed: Recognised) -> None:
    assert dataclasses.replace(load_pack(), source="", name="") == seed.pack
    assert seed.month == (2023, 9) and seed.month_text == "2023年9月"
    assert seed.unread == ()


def test_the_built_in_pack_file_is_what_tools_make_seed_pack_writes() -> None:
    assert DEFAULT_PACK.read_bytes() == dump_pack(seed_pack()), "run tools/make_seed_pack.py"


def test_the_seed_counts(seed: Recognised) -> None:
    assert seed.counts() == Counts(parts=4, headings=13, items=27, notes=12, unread=0)


def test_all_57_lines_and_12_notes_of_the_seed_are_in_the_plan(seed: Recognised) -> None:
    lines = [line for line in seed_text() if line.strip()]
    plan = outline(seed)
    assert len(lines) == 57 == len(plan)
    assert sum(1 for line in plan if line.startswith(" N ")) == 12
    assert [part.meeting for part in seed.pack.parts] == list(PLAN_ORDER)


def test_the_seed_typos_are_read_and_its_words_kept_exactly(seed: Recognised) -> None:
    committee = seed.pack.part(Meeting.COMMITTEE).entry
    assert committee.children[1].children[2].text == "研究开展党支部/党小组联建活动方案。"  # “3。”
    general = seed.pack.part(Meeting.GENERAL).entry
    assert general.children[1].children[0].children[1].text.startswith("B支部书记领学")  # “（2） B…”
    # The two notes whose bracket is never closed end as typed: nothing added, nothing lost.
    assert committee.children[0].body[0].notes[0].endswith("第一议题的学习就会更加有形有感有效")
    assert general.children[0].body[0].notes[0].endswith("做到“联系实际学”。")


# --- numbering -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    ("1.", "2."), ("1、", "2、"), ("1．", "2．"), ("1 ", "2 "), ("１．", "２．"), ("1)", "2)"), ("1）", "2）"),
    ("（1）", "（2）"), ("(1)", "(2)"), ("（1)", "(2）"), ("⑴", "⑵"), ("①", "②"), ("（一）", "（二）"),
    ("(一)", "(二)"),
    ("一是", "二是"), ("1. ", "2.  "), ("（1） ", "（2）\u3000"), ("10.", "11."), ("（十一）", "（十二）"),
])
def test_every_numbering_form_makes_entries(first: str, second: str) -> None:
    found = read(f"一、部分\n{first}甲项\n{second}乙项")
    assert outline(found) == ["L1 部分", "L2 甲项", "L2 乙项"]


@pytest.mark.parametrize(("first", "second"), [
    ("一、", "二、"), ("一.", "二."), ("一．", "二．"), ("十一、", "十二、"), ("1.", "2."), ("（一）", "（二）"),
])
def test_a_notice_numbered_in_one_form_has_a_part_for_each_number(first: str, second: str) -> None:
    found = read(f"各党支部：\n{first}学习安排\n{second}工作要求")
    assert outline(found) == ["P 各党支部：", "L1 学习安排", "L1 工作要求"]
    assert [part.meeting for part in found.pack.parts] == [None, None]


def test_levels_follow_the_order_in_which_styles_first_appear() -> None:
    found = read("""
        （一）第一部分
        一、其下一级
        1.再下一级
        （1）第四级
        一、回到第二级
        （二）回到第一级
        """)
    assert outline(found) == ["L1 第一部分", "L2 其下一级", "L3 再下一级", "L4 第四级", "L2 回到第二级",
                              "L1 回到第一级"]


def test_numbering_below_four_levels_is_body_text_with_its_label_and_listed_unread() -> None:
    found = read("""
        一、部分
        （一）标题
        1.项目
        （1）细项
        ①更细一项
        ②再一项
        （2）细项二
        """)
    assert outline(found) == ["L1 部分", "L2 标题", "L3 项目", "L4 细项", "B ①更细一项", "B ②再一项", "L4 细项二"]
    assert found.unread == ("①更细一项", "②再一项")
    assert found.counts().unread == 2


def test_headings_may_end_in_a_colon_or_a_full_stop() -> None:
    found = read("一、主题：对标先进。\n（一）内容：\n1.学习。")
    assert outline(found) == ["L1 主题：对标先进。", "L2 内容：", "L3 学习。"]


def test_the_typo_3_with_a_chinese_full_stop_continues_a_list() -> None:
    found = read("一、部分\n1.甲\n2.乙\n3。丙\n4.丁")
    assert outline(found) == ["L1 部分", "L2 甲", "L2 乙", "L2 丙", "L2 丁"]


@pytest.mark.parametrize("line", [
    "2023.9.25前完成", "1.5倍速观看", "10.1前报送", "16集专题片", "2023年工作总结", "3。丙", "5 名党员请假",
    "1 个支部", "二是要求", "12月份安排", "2023-09-25召开",
])
def test_text_that_merely_starts_with_digits_is_not_numbering(line: str) -> None:
    found = read(f"一、部分\n1.甲\n{line}")
    assert outline(found) == ["L1 部分", "L2 甲", f"B {line}"]


def test_a_number_followed_by_a_year_is_numbering() -> None:
    assert outline(read("1.2023年工作回顾\n2.2024年工作打算")) == ["L1 2023年工作回顾", "L1 2024年工作打算"]


def test_a_loose_1_is_numbering_only_when_a_2_follows() -> None:
    assert outline(read("一、部分\n1 甲\n2 乙")) == ["L1 部分", "L2 甲", "L2 乙"]
    assert outline(read("一、部分\n1 名党员请假")) == ["L1 部分", "B 1 名党员请假"]


def test_yi_shi_never_opens_the_first_level() -> None:
    found = read("一是加强学习；\n二是严格管理。")
    assert outline(found) == ["P 一是加强学习；", "P 二是严格管理。"]


def test_a_label_alone_on_its_line_takes_the_next_line_as_its_text() -> None:
    assert outline(read("一、\n支委会方案\n（一）\n第一议题")) == ["L1 支委会方案", "L2 第一议题"]
    found = read("一、部分\n（一）")
    assert outline(found) == ["L1 部分", "B （一）"] and found.unread == ("（一）",)


# --- parts ---------------------------------------------------------------------------------------

def test_parts_of_other_kinds_have_no_meeting_and_fewer_parts_are_fine() -> None:
    """A 主题党日 part is one (Meeting.PARTY_DAY: InsertPlan's partyday finds it); 组织生活会 and
    专题学习 are not meetings of ours."""
    found = read("""
        一、主题党日
        （一）重温入党誓词
        二、组织生活会
        （一）开展批评与自我批评
        三、专题学习
        四、党课
        （一）书记讲党课
        """)
    assert [part.meeting for part in found.pack.parts] == [Meeting.PARTY_DAY, None, None, Meeting.LECTURE]
    assert [part.entry.text for part in found.pack.parts] == ["主题党日", "组织生活会", "专题学习", "党课"]


def test_a_plan_with_two_of_the_four_meetings() -> None:
    found = read("一、党员大会方案\n（一）第一议题\n二、党课方案\n（一）主题：学党章")
    assert found.pack.meetings() == (Meeting.GENERAL, Meeting.LECTURE)
    assert found.counts() == Counts(parts=2, headings=0, items=2, notes=0, unread=0)


# --- 备注 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "（备注：按时召开。）", "(备注:按时召开。)", "（备注:按时召开。)", "( 备注 ： 按时召开。 )", "【备注】按时召开。",
    "【备注】：按时召开。", "备注：按时召开。", "备注:按时召开。", "（备注：按时召开。",
])
def test_every_form_of_a_note_on_its_own_line(note: str) -> None:
    assert outline(read(f"一、部分\n1.甲\n{note}\n2.乙")) == ["L1 部分", "L2 甲", " N 按时召开。", "L2 乙"]


@pytest.mark.parametrize("line", ["1.甲。（备注：按时召开。）", "1.甲。(备注:按时召开。)", "1.甲。（备注：按时召开。"])
def test_a_note_at_the_end_of_an_items_line(line: str) -> None:
    assert outline(read(f"一、部分\n{line}\n2.乙")) == ["L1 部分", "L2 甲。", " N 按时召开。", "L2 乙"]


def test_a_note_whose_bracket_closes_on_a_later_line_takes_the_lines_between() -> None:
    found = read("""
        一、部分
        1.甲
        （备注：第一行
        第二行（含括号）
        第三行。）
        2.乙
        """)
    assert outline(found) == ["L1 部分", "L2 甲", " N 第一行\n第二行（含括号）\n第三行。", "L2 乙"]


def test_an_unclosed_note_stops_at_its_line_when_a_numbered_line_comes_first() -> None:
    found = read("一、部分\n（备注：没有右括号\n1.甲（附件）。）")
    assert outline(found) == ["L1 部分", " N 没有右括号", "L2 甲（附件）。）"]


def test_an_unclosed_note_that_never_closes_runs_to_its_lines_end() -> None:
    found = read("一、部分\n（备注：没有右括号\n正文一段。")
    assert outline(found) == ["L1 部分", " N 没有右括号", "B 正文一段。"]


def test_a_bracket_inside_a_sentence_is_text_not_a_note() -> None:
    found = read("一、部分\n1.学习（备注：见附件）并讨论。")
    assert outline(found) == ["L1 部分", "L2 学习（备注：见附件）并讨论。"]


@pytest.mark.parametrize(("line", "note"), [
    ("（要求：全体党员参加。）", "要求：全体党员参加。"),
    ("(要求:全体党员参加。)", "要求:全体党员参加。"),
    ("（说明：可调整。）", "说明：可调整。"),
    ("（注：可调整。）", "注：可调整。"),
    ("（注意 ：可调整。）", "注意：可调整。"),
])
def test_notes_of_other_names_keep_their_name(line: str, note: str) -> None:
    assert outline(read(f"一、部分\n{line}")) == ["L1 部分", f" N {note}"]


def test_a_named_note_at_a_lines_end_needs_a_finished_sentence_before_it() -> None:
    assert outline(read("一、部分\n1.甲。（要求：按时）")) == ["L1 部分", "L2 甲。", " N 要求：按时"]
    assert outline(read("一、部分\n1.开展活动（要求：按时）")) == ["L1 部分", "L2 开展活动（要求：按时）"]


def test_notes_belong_to_the_paragraph_just_before_them() -> None:
    found = read("""
        2023年9月“三会一课”方案
        （备注：标题的备注）
        各党支部：
        （备注：称呼的备注）
        一、部分
        （备注：部分的备注）
        正文。
        （备注：正文的备注）
        1.项目
        （备注：项目的备注）（备注：又一条）
        机关党委
        （备注：落款的备注）
        2023年8月28日
        """)
    assert outline(found) == [
        "T {month}“三会一课”方案", " N 标题的备注", "P 各党支部：", " N 称呼的备注", "L1 部分", " N 部分的备注",
        "B 正文。", " N 正文的备注", "L2 项目", " N 项目的备注", " N 又一条", "C 机关党委", " N 落款的备注",
        "C 2023年8月28日",
    ]
    assert found.counts().notes == 7


def test_a_note_with_nothing_before_it_is_kept_whole_and_listed_unread() -> None:
    found = read("（备注：开头就是备注）\n一、部分")
    assert outline(found) == ["P （备注：开头就是备注）", "L1 部分"]
    assert found.unread == ("（备注：开头就是备注）",)


def test_a_note_followed_by_text_on_its_line_and_an_empty_note() -> None:
    assert outline(read("一、部分\n（备注：甲）1.乙")) == ["L1 部分", " N 甲", "L2 乙"]
    assert outline(read("一、部分\n（备注：）")) == ["L1 部分"]


# --- preamble and closing ------------------------------------------------------------------------

def test_title_meta_lines_addressee_and_opening_paragraph_are_the_preamble() -> None:
    found = read("""
        关于开展2023年10月主题党日活动的通知
        发布时间：2023-09-28  来源：机关党委
        各党支部：
        设计思路：以“学思想、强党性”为主线，结合实际开展。
        一、主题党日
        （一）重温入党誓词
        特此通知。
        中共某某公司机关委员会
        二〇二三年九月二十八日
        """)
    assert outline(found) == [
        "T 关于开展{month}主题党日活动的通知", "P 发布时间：2023-09-28  来源：机关党委", "P 各党支部：",
        "P 设计思路：以“学思想、强党性”为主线，结合实际开展。", "L1 主题党日", "L2 重温入党誓词",
        "C 特此通知。", "C 中共某某公司机关委员会", "C 二〇二三年九月二十八日",
    ]
    assert found.month == (2023, 10)


def test_without_a_date_the_last_lines_stay_body_text() -> None:
    assert outline(read("一、部分\n（一）标题\n机关党委")) == ["L1 部分", "L2 标题", "B 机关党委"]


def test_a_first_line_that_is_no_title_is_preamble() -> None:
    for first in ("各党支部：", "发布时间：2023-09-01", "为规范组织生活，现通知如下。", "2023年9月1日"):
        found = read(f"{first}\n一、部分")
        assert found.pack.title == "" and outline(found)[0] == f"P {first}"


def test_a_text_without_numbering_is_all_preamble_and_an_empty_text_is_empty() -> None:
    assert outline(read("学习安排\n\n本月集中学习党章。\n")) == ["T 学习安排", "P 本月集中学习党章。"]
    empty = recognise(" \n\n\u3000")
    assert empty.pack.title == "" and empty.pack.parts == () and empty.pack.preamble == ()


# --- items run together ---------------------------------------------------------------------------

def test_items_run_together_after_a_colon_are_split() -> None:
    found = read("一、支委会\n（三）党务工作：1.完成党费收缴；2.开展党员发展工作。\n3.其他工作")
    assert outline(found) == ["L1 支委会", "L2 党务工作：", "L3 完成党费收缴；", "L3 开展党员发展工作。", "L3 其他工作"]


def test_numbered_items_run_together_on_one_line_are_split() -> None:
    found = read("一、部分\n1.完成收缴；2.开展发展；(备注:按时)")
    assert outline(found) == ["L1 部分", "L2 完成收缴；", "L2 开展发展；", " N 按时"]


def test_items_run_together_in_a_body_line_become_children_of_its_entry() -> None:
    found = read("一、部分\n（一）标题\n工作要求：（1）按时召开；（2）做好记录。")
    assert outline(found) == ["L1 部分", "L2 标题", "B 工作要求：", "L3 按时召开；", "L3 做好记录。"]


def test_a_numbered_line_whose_colon_opens_a_run_of_its_own_style_is_not_split() -> None:
    """“1.党务工作：1.…；2.…”: the 2. may be the line's sibling or the colon's second item."""
    line = "1.党务工作：1.完成收缴；2.开展发展。"
    assert outline(read(f"一、部分\n{line}")) == ["L1 部分", f"L2 {line[2:]}"]


@pytest.mark.parametrize("line", [
    "工作要求：1.按时召开，2.做好记录。",  # a comma is no item's end
    "工作要求：1.按时召开；3.做好记录。",  # not consecutive
    "工作要求：1.5倍速；2.做好记录。",  # 1.5 is a number
    "工作要求1.按时召开；2.做好记录。",  # no colon: the first number might be text
])
def test_run_together_items_are_split_only_when_unambiguous(line: str) -> None:
    assert outline(read(f"一、部分\n（一）标题\n{line}")) == ["L1 部分", "L2 标题", f"B {line}"]


# --- the title's month ---------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "rest", "pack_title", "month"), [
    ("2023年9月“三会一课”方案", "", "{month}“三会一课”方案", (2023, 9)),
    ("2023年09月“三会一课”方案", "", "{month}“三会一课”方案", (2023, 9)),
    ("2023年 9 月份“三会一课”安排", "", "{month}份“三会一课”安排", (2023, 9)),
    ("9月份主题党日安排", "发布时间：2023-08-28", "{month}份主题党日安排", (2023, 9)),
    ("1月份主题党日安排", "发布时间：2023年12月28日", "{month}份主题党日安排", (2024, 1)),
    ("9月份主题党日安排", "", "9月份主题党日安排", None),
    ("“三会一课”方案", "", "“三会一课”方案", None),
    ("2023年9月1日支部会议安排", "", "2023年9月1日支部会议安排", None),
])
def test_the_titles_month_becomes_the_placeholder(title: str, rest: str, pack_title: str,
                                                   month: Optional[Tuple[int, int]]) -> None:
    found = read(f"{title}\n{rest}\n一、部分")
    assert found.pack.title == pack_title and found.month == month
    assert found.pack.title.replace("{month}", found.month_text) == title


# --- counts --------------------------------------------------------------------------------------

def test_counts_parts_headings_items_notes_and_lines_not_read() -> None:
    found = read("""
        标题
        一、部分
        （一）有子项的标题
        1.叶子项
        （备注：甲）
        （二）有正文的标题
        正文段落
        （三）叶子标题
        ①
        """)
    # parts: 一、; headings: （一）（二）; items: 1. （三） and the body paragraph; the label alone unread
    assert found.counts() == Counts(parts=1, headings=3, items=3, notes=1, unread=1)


# --- decoding .txt files --------------------------------------------------------------------------

TEXT = "一、支委会方案\n（备注：按时召开。）\n1. 学习16集专题片"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030",
                                   "utf-32"])
def test_decode_text_reads_every_encoding_a_txt_file_comes_in(codec: str) -> None:
    assert decode_text(TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_decode_text_makes_line_ends_newlines(ending: str) -> None:
    assert decode_text(TEXT.replace("\n", ending).encode("gbk")) == TEXT


def test_decode_text_never_fails() -> None:
    assert "\ufffd" in decode_text(b"\xff\xfe\x00\xd8" + "一".encode("gbk") + b"\x81")
    assert decode_text(b"") == ""
    assert decode_text("学习".encode("gbk") + b"\x81").startswith("学习")


# --- the invariant: nothing the user typed is lost -----------------------------------------------

def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in INVISIBLE)


def plan_texts(found: Recognised) -> List[str]:
    """The plan's text in reading order: title (its month as typed), its notes, preamble, parts
    depth-first (entry, its notes, body paragraphs with theirs, children), closing."""
    pack = found.pack
    title = pack.title.replace("{month}", found.month_text) if found.month_text else pack.title
    out = [title, *pack.title_notes]
    for para in pack.preamble:
        out += [para.text, *para.notes]

    def visit(entry: Entry) -> None:
        out.extend([entry.text, *entry.notes])
        for para in entry.body:
            out.extend([para.text, *para.notes])
        for child in entry.children:
            visit(child)

    for part in pack.parts:
        visit(part.entry)
    for para in pack.closing:
        out += [para.text, *para.notes]
    return out


def assert_nothing_lost(text: str, found: Recognised) -> None:
    """The plan's text (whitespace removed) is a subsequence of the input's, and every character
    skipped is markup (MARKUP: numbering labels and notes' wrappers). Greedy matching is enough:
    matching a character as early as possible never skips one a later match would keep."""
    model = _visible("".join(plan_texts(found)))
    source = _visible(text)
    i = 0
    skipped: List[str] = []
    for char in model:
        while i < len(source) and source[i] != char:
            skipped.append(source[i])
            assert source[i] in MARKUP, f"{source[i]!r} lost at {i}: …{source[max(0, i - 20):i + 20]}…"
            i += 1
        assert i < len(source), f"{char!r} is in the plan but not in the text (or out of order)"
        i += 1
    rest = source[i:]
    assert all(c in MARKUP for c in rest), f"lost at the end: {rest!r}"
