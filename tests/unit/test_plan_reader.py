"""A plan read back from its paragraphs (SavePlanTemplate's pure half): every pack comes back
as it was written, whichever way its 备注 went in, and edits come back as edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import List

import pytest

from sanhui.content.pack import ContentPack, load_pack
from sanhui.content.plan_builder import NO_COMMITTEE_REMARK
from sanhui.content.plan_reader import PlanParagraph, Role, note_text, pack_from_paragraphs, title_template
from sanhui.forms.import_form import default_template_name
from sanhui.model.meeting import Meeting
from sanhui.model.plan import Entry, Paragraph, Part, note_display


def as_paragraphs(pack: ContentPack, title: str, notes_in_body: bool = False) -> List[PlanParagraph]:
    """What the renderer puts in a document for ``pack``, as the office layer reads it back."""
    out: List[PlanParagraph] = []

    def para(role: Role, text: str, notes: tuple, level: int = 0) -> None:
        shown = tuple(note_display(n) for n in notes)
        out.append(PlanParagraph(role, text, level, () if notes_in_body else shown))
        if notes_in_body:
            out.extend(PlanParagraph(Role.NOTE, f"（{n}）") for n in shown)

    def entry(e: Entry, level: int) -> None:
        para(Role.HEADING, e.text, e.notes, level)
        for p in e.body:
            para(Role.BODY, p.text, p.notes)
        for child in e.children:
            entry(child, level + 1)

    para(Role.TITLE, title, pack.title_notes)
    for p in pack.preamble:
        para(Role.ADDRESSEE if p.text.endswith("：") else Role.BODY, p.text, p.notes)
    for part in pack.parts:
        entry(part.entry, 0)
    for p in pack.closing:
        para(Role.SIGNATURE, p.text, p.notes)
    return out


@pytest.mark.parametrize("notes_in_body", [False, True])
def test_the_built_in_plan_reads_back_as_itself(notes_in_body: bool) -> None:
    pack = load_pack()
    read = pack_from_paragraphs(as_paragraphs(pack, "2023年9月“三会一课”方案", notes_in_body))
    assert read == replace(pack, source="", name="")


def test_a_plan_of_any_shape_reads_back() -> None:
    pack = ContentPack(
        title="{month}主题党日活动安排",
        title_notes=("要求：各支部认真组织。",),
        preamble=(Paragraph("各党支部："), Paragraph("设计思路：以学促干。", ("说明：可结合实际。",))),
        parts=(
            Part(Meeting.PARTY_DAY, Entry("主题党日", children=(Entry("重温入党誓词。"),))),
            Part(Meeting.LECTURE, Entry("党课", body=(Paragraph("书记讲党课。", ("每季度一次。",)),))),
        ),
        closing=(Paragraph("中共某某委员会"), Paragraph("2024年3月1日")),
    )
    assert pack_from_paragraphs(as_paragraphs(pack, "2024年3月主题党日活动安排")) == pack


def test_an_item_tabbed_two_levels_deeper_hangs_under_the_one_above() -> None:
    read = pack_from_paragraphs([
        PlanParagraph(Role.HEADING, "支委会方案", 0),
        PlanParagraph(Role.HEADING, "多按了一次 Tab 的一项", 2),
        PlanParagraph(Role.HEADING, "党课方案", 0),
    ])
    assert read.parts[0].entry.children == (Entry("多按了一次 Tab 的一项"),)
    assert [p.meeting for p in read.parts] == [Meeting.COMMITTEE, Meeting.LECTURE]


def test_what_is_not_the_branchs_text_is_left_out_and_a_stray_note_is_kept() -> None:
    read = pack_from_paragraphs([
        PlanParagraph(Role.NOTE, "（备注：放在最前面的备注）"),
        PlanParagraph(Role.BODY, NO_COMMITTEE_REMARK),
        PlanParagraph(Role.BODY, "   "),
        PlanParagraph(Role.HEADING, "党员大会方案", 0),
    ])
    assert read.preamble == (Paragraph("（备注：放在最前面的备注）"),)
    assert read.title == ""
    assert read.parts[0].entry.text == "党员大会方案"


@pytest.mark.parametrize(("shown", "kept"), [
    ("备注：有布置有落实。", "有布置有落实。"),
    ("（备注：有布置有落实。）", "有布置有落实。"),
    ("(备注:半角也行)", "半角也行"),
    ("要求：全体党员参加。", "要求：全体党员参加。"),
    ("随手写的批注", "随手写的批注"),
])
def test_a_note_is_kept_as_the_model_keeps_it(shown: str, kept: str) -> None:
    assert note_text(shown) == kept
    assert note_display(kept).endswith(kept)


@pytest.mark.parametrize(("title", "template"), [
    ("2023年9月“三会一课”方案", "{month}“三会一课”方案"),
    ("机关第一党支部2024年12月“三会一课”方案", "机关第一党支部{month}“三会一课”方案"),
    ("“三会一课”方案", "“三会一课”方案"),
])
def test_the_title_keeps_its_month_as_a_placeholder(title: str, template: str) -> None:
    assert title_template(title) == template


def test_a_template_is_named_after_its_title_without_the_month() -> None:
    today = date(2024, 3, 5)
    assert default_template_name("{month}“三会一课”方案", today) == "“三会一课”方案"
    assert default_template_name("机关党支部2024年3月主题党日安排", today) == "机关党支部主题党日安排"
    assert default_template_name("", today) == "方案模板（2024年3月5日保存）"
