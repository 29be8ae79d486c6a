"""The “三会一课”台账 document from a hand-made ledger: its parts in order, the month tables, the
findings, the members, the summary and the chart — a real chart object, valid strict ODF 1.3
(the sub-document too), under lxml and the standard library alike (SANHUI_NO_LXML=1)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date
from typing import Any, Dict, List, Optional

import pytest

from sanhui.model.meeting_ledger import (
    COMMITTEE,
    GENERAL,
    GROUP,
    LECTURE,
    MISSING,
    NO_QUORUM,
    PARTY_DAY,
    PLAN,
    PLANNED_ONLY,
    RECORD,
    Finding,
    KindSummary,
    MeetingFact,
    MeetingLedger,
    MemberAbsence,
    MemberAttendance,
)
from sanhui.odf.chart import CHART_MIMETYPE, BarChart, chart_content
from sanhui.odf.meeting_ledger_writer import (
    CHART_NAME,
    attendance_chart,
    percent,
    render_meeting_ledger,
    rows,
)
from tests.odf_schema import assert_valid_odt, odt_errors
from tests.unit.odf_reading import office_text, paragraph_text, parse, q, unzip

YEAR = 2024


def _meeting(kind: str, month: int, day: int, group: str = "", expected: Optional[int] = 10,
             present: Optional[int] = 9, topic: str = "学习党的二十届三中全会精神", host: str = "王书记",
             sources: tuple = ()) -> MeetingFact:
    return MeetingFact(kind, RECORD, date(YEAR, month, day), f"{YEAR}年{month}月{day}日", group, host, topic,
                       "党员活动室", expected, present, sources=sources or (f"{kind}{group}{month}月.odt",))


def _ledger(**changes: Any) -> MeetingLedger:
    meetings: List[MeetingFact] = []
    for month in range(1, 13):
        if month != 10:
            meetings.append(_meeting(COMMITTEE, month, 5, expected=5, present=5))
        meetings.append(_meeting(GROUP, month, 12, "第一党小组", expected=6, present=5))
        if month != 10:
            meetings.append(_meeting(GROUP, month, 13, "第二党小组", expected=4, present=4))
        meetings.append(_meeting(PARTY_DAY, month, 20, expected=10, present=8))
    for quarter_month, present in ((3, 9), (6, 4), (9, 10), (12, 8)):
        meetings.append(_meeting(GENERAL, quarter_month, 25, expected=10, present=present))
        meetings.append(_meeting(LECTURE, quarter_month, 26, expected=10, present=present, host="",
                                 topic="党课：践行初心使命"))
    copy = _meeting(COMMITTEE, 1, 5, expected=5, present=5, sources=("1月支委会.odt", "1月支委会.docx"))
    meetings[0] = copy
    undated = MeetingFact(LECTURE, RECORD, None, "本月下旬", sources=("党课记录.odt",))
    planned = MeetingFact(GENERAL, PLAN, date(YEAR, 12, 25), sources=("12月方案.odt",))
    findings = (
        Finding("10月", 10, COMMITTEE, MISSING, "10月 支委会未见记录"),
        Finding("10月", 10, GROUP, MISSING, "10月 党小组会（第二党小组）未见记录", group="第二党小组"),
        Finding("6月", 6, GENERAL, NO_QUORUM, "6月25日 党员大会应到10人、实到4人，未超过半数，会议无效",
                day=date(YEAR, 6, 25)),
        Finding("第四季度", 12, LECTURE, PLANNED_ONLY, "第四季度 党课只见方案，未见记录"),
    )
    members = (
        MemberAttendance("王书记", "第一党小组", 40, 40, committee=True),
        MemberAttendance("李四", "第二党小组", 30, 28, (
            MemberAbsence(date(YEAR, 3, 25), GENERAL, "出差"),
            MemberAbsence(date(YEAR, 5, 13), GROUP, "病假", "第二党小组"))),
        MemberAttendance("赵六", "第二党小组", 0, 0, probationary=True),
    )
    summary = (
        KindSummary(COMMITTEE, 11, 12, 11, 1.0),
        KindSummary(GENERAL, 4, 4, 4, 0.775),
        KindSummary(GROUP, 23, 24, 22, 0.9),
        KindSummary(LECTURE, 4, 4, 4, None),
        KindSummary(PARTY_DAY, 12, 12, 11, 0.8),
    )
    monthly = tuple(0.875 if m != 8 else None for m in range(1, 13))
    facts = (*meetings, undated, planned)
    ledger = MeetingLedger("第一党支部", YEAR, date(YEAR, 12, 20), facts, tuple(meetings), findings, members,
                           summary, monthly, read=(*sorted({s for f in facts for s in f.sources}), "坏.docx"),
                           unreadable=(("坏.docx", "不是有效的压缩包"), ("空.odt", "没有正文")))
    return replace(ledger, **changes)


def _texts(data: bytes) -> List[str]:
    content = parse(unzip(data)["content.xml"])
    return [paragraph_text(p) for p in office_text(content).iter(q("text:p"), q("text:h"))]


def _tables(data: bytes) -> Dict[str, List[List[str]]]:
    """Each table by name: its rows, each cell's paragraphs joined with “/”."""
    content = parse(unzip(data)["content.xml"])
    out: Dict[str, List[List[str]]] = {}
    for table in office_text(content).iter(q("table:table")):
        out[table.get(q("table:name"))] = [
            ["/".join(paragraph_text(p) for p in cell.iter(q("text:p"))) for cell in row.iter(q("table:table-cell"))]
            for row in table.iter(q("table:table-row"))]
    return out


def test_the_ledger_is_valid_strict_odf_with_its_chart_sub_document() -> None:
    data = render_meeting_ledger(_ledger(), "/home/书记/2024台账")
    assert_valid_odt(data)
    files = unzip(data)
    assert {"Object 1/content.xml", "Object 1/styles.xml"} <= set(files)
    manifest = parse(files["META-INF/manifest.xml"])
    media = {e.get(q("manifest:full-path")): e.get(q("manifest:media-type")) for e in manifest}
    assert media["Object 1/"] == CHART_MIMETYPE
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.infolist()[0].filename == "mimetype"


def test_title_then_what_was_read_unreadable_files_copies_and_undated_records() -> None:
    texts = _texts(render_meeting_ledger(_ledger(), "/home/书记/2024台账"))
    assert texts[0] == "第一党支部2024年“三会一课”台账"
    assert "统计范围：/home/书记/2024台账" in texts[1]
    assert "无法读取的文件 2 个" in texts[2] and "会议记录" in texts[2] and "方案会议要素 1 份" in texts[2]
    assert "1月支委会.odt、1月支委会.docx 为同一文档的副本，按一份计。" in texts
    assert any("党课记录.odt" in t and "本月下旬" in t and "未计入各月" in t for t in texts)
    assert "无法读取：坏.docx：不是有效的压缩包" in texts
    assert "无法读取：空.odt：没有正文" in texts
    assert texts.index("无法读取：空.odt：没有正文") < texts.index("各月会议召开情况")


def test_one_table_per_quarter_a_row_per_kind_and_group_a_column_per_month() -> None:
    tables = _tables(render_meeting_ledger(_ledger()))
    quarters = [f"2024年第{n}季度" for n in "一二三四"]
    assert all(name in tables for name in quarters)
    fourth = tables["2024年第四季度"]
    assert fourth[0] == ["会议", "10月", "11月", "12月"]
    assert [row[0] for row in fourth[1:]] == ["支委会", "党员大会", "党小组会/（第一党小组）",
                                              "党小组会/（第二党小组）", "党课", "主题党日"]  # group: own line
    committee = fourth[1]
    assert committee[1] == "未见记录"
    assert committee[2] == "11月5日/主持人：王书记/主题：学习党的二十届三中全会精神/应到5，实到5，有效"
    assert fourth[4][1] == "未见记录"  # 第二党小组, October
    assert "党课：践行初心使命" in fourth[5][3] and "仅见计划或通知，未见记录" in fourth[5][3]
    assert "主持人" not in fourth[5][3]  # no host read: no empty 主持人 line
    second = tables["2024年第二季度"]
    assert second[2][3].endswith("应到10，实到4，未过半数，无效")  # 党员大会 in June
    assert second[6][1].endswith("应到10，实到8")  # 主题党日: no quorum rule, no verdict


def test_flagged_cells_are_shaded() -> None:
    content = parse(unzip(render_meeting_ledger(_ledger()))["content.xml"])
    table = next(t for t in office_text(content).iter(q("table:table"))
                 if t.get(q("table:name")) == "2024年第四季度")
    october_committee = list(list(table.iter(q("table:table-row")))[1].iter(q("table:table-cell")))[1]
    assert october_committee.get(q("table:style-name")) == "SanhuiMeetingFlagged"


def test_findings_sentences_in_month_order_and_the_inquorate_meetings_apart() -> None:
    texts = _texts(render_meeting_ledger(_ledger()))
    start = texts.index("缺漏、逾期及未达法定人数的会议")
    end = texts.index("党员参加组织生活情况")
    section = texts[start + 1:end]
    assert section[:3] == ["10月 支委会未见记录。", "10月 党小组会（第二党小组）未见记录。",
                           "第四季度 党课只见方案，未见记录。"]
    assert section[3] == "到会人数未超过应到人数半数的会议："
    assert section[4].startswith("6月25日 党员大会") and section[4].endswith("。")


def test_no_findings_says_so() -> None:
    texts = _texts(render_meeting_ledger(_ledger(findings=())))
    assert any("未发现缺漏或逾期" in t for t in texts)
    assert "到会人数未超过应到人数半数的会议：" not in texts


def test_members_expected_attended_rate_and_absences_with_reasons() -> None:
    table = _tables(render_meeting_ledger(_ledger()))["2024年党员参加组织生活情况"]
    assert table[0] == ["姓名", "党小组", "应参加", "实参加", "出席率", "缺席及原因"]
    assert table[1] == ["王书记/（支委）", "第一党小组", "40", "40", "100%", ""]  # the role on a line of its own
    assert table[2] == ["李四", "第二党小组", "30", "28", "93.3%",
                        "3月25日 党员大会（出差）；5月13日 党小组会（第二党小组）（病假）"]
    assert table[3][0] == "赵六/（预备党员）" and table[3][4] == "—"


def test_no_members_says_why_there_is_no_table() -> None:
    data = render_meeting_ledger(_ledger(members=()))
    assert "2024年党员参加组织生活情况" not in _tables(data)
    assert any("无法逐人统计" in t for t in _texts(data))
    assert_valid_odt(data)


def test_summary_counts_against_required_and_the_average() -> None:
    data = render_meeting_ledger(_ledger())
    table = _tables(data)["2024年会议统计"]
    assert table[0] == ["会议", "全年应开", "截至统计日应开", "已开", "平均出席率"]
    assert table[1] == ["支委会", "12", "11", "11", "100%"]
    assert table[2] == ["党员大会", "4", "4", "4", "77.5%"]
    assert table[4] == ["党课", "4", "4", "4", "—"]
    total = next(t for t in _texts(data) if t.startswith("全年已召开各类会议"))
    assert "54 次" in total and "会议平均出席率" in total


def test_the_chart_is_a_frame_with_an_object_and_its_data_in_a_local_table() -> None:
    data = render_meeting_ledger(_ledger())
    files = unzip(data)
    content = parse(files["content.xml"])
    frames = list(office_text(content).iter(q("draw:frame")))
    assert len(frames) == 1 and frames[0].get(q("draw:name")) == CHART_NAME
    objects = list(frames[0].iter(q("draw:object")))
    assert [o.get(q("xlink:href")) for o in objects] == ["./Object 1"]
    assert not list(content.iter(q("draw:image")))  # not a picture
    chart = parse(files["Object 1/content.xml"])
    node = chart.find(f"{q('office:body')}/{q('office:chart')}/{q('chart:chart')}")
    assert node.get(q("chart:class")) == "chart:bar"
    plot = node.find(q("chart:plot-area"))
    assert [a.get(q("chart:dimension")) for a in plot.iter(q("chart:axis"))] == ["x", "y"]
    series = plot.find(q("chart:series"))
    assert series.get(q("chart:values-cell-range-address")) == "local-table.$B$2:.$B$13"
    table = node.find(q("table:table"))
    assert table.get(q("table:name")) == "local-table"
    body_rows = list(table.find(q("table:table-rows")))
    assert len(body_rows) == 12
    cells = [list(r) for r in body_rows]
    assert [paragraph_text(c[0][0]) for c in cells] == [f"{m}月" for m in range(1, 13)]
    assert cells[0][1].get(q("office:value")) == "87.5" and cells[0][1].get(q("office:value-type")) == "float"
    assert cells[7][1].get(q("office:value")) is None  # August: no numbers, a gap rather than 0


def test_chart_values_round_to_a_tenth_of_a_percent() -> None:
    chart = attendance_chart(_ledger(monthly_attendance=(2 / 3,) + (None,) * 11))
    assert chart.values[0] == 66.7 and chart.values[1:] == (None,) * 11
    assert chart.maximum == 100.0 and len(chart.categories) == 12


def test_rows_without_committee_or_groups() -> None:
    summary = (KindSummary(GENERAL, 4, 4, 4), KindSummary(GROUP, 0, 0, 0), KindSummary(LECTURE, 4, 4, 4),
               KindSummary(PARTY_DAY, 12, 12, 12))
    meetings = (_meeting(GENERAL, 3, 1), _meeting(LECTURE, 3, 2), _meeting(PARTY_DAY, 3, 3))
    ledger = _ledger(summary=summary, meetings=meetings, facts=meetings, findings=(), members=())
    assert rows(ledger) == [(GENERAL, ""), (LECTURE, ""), (PARTY_DAY, "")]
    grouped = replace(ledger, meetings=(*meetings, _meeting(GROUP, 4, 1)))
    assert rows(grouped) == [(GENERAL, ""), (GROUP, ""), (LECTURE, ""), (PARTY_DAY, "")]
    assert_valid_odt(render_meeting_ledger(ledger))


def test_an_empty_year_still_makes_a_valid_ledger_with_an_empty_chart() -> None:
    empty = MeetingLedger("", YEAR, date(YEAR, 1, 2), (), (), (), (), ())
    data = render_meeting_ledger(empty)
    assert_valid_odt(data)
    texts = _texts(data)
    assert texts[0] == "2024年“三会一课”台账"
    assert "会议平均出席率 —" in next(t for t in texts if t.startswith("全年已召开"))


def test_hostile_text_cannot_break_the_document() -> None:
    nasty = "<主题>&\x00\x07\ud800 ]]>"
    ledger = _ledger(meetings=(_meeting(COMMITTEE, 1, 5, topic=nasty, host="\x1b王"),), branch="支部\x0c")
    assert_valid_odt(render_meeting_ledger(ledger, "C:\\台账\x01"))


def test_percent() -> None:
    assert (percent(0.875), percent(1.0), percent(0.0), percent(None)) == ("87.5%", "100%", "0%", "—")


def test_a_bar_chart_needs_a_value_per_category() -> None:
    with pytest.raises(ValueError):
        BarChart("t", "s", ("1月",), (1.0, 2.0))
    with pytest.raises(ValueError):
        BarChart("t", "s", (), ())
    assert chart_content(BarChart("t", "s", ("1月",), (5.0,))) is not None


def test_the_schema_check_validates_sub_documents_and_dangling_objects() -> None:
    """tests/odf_schema.py looks inside Object 1/ too: a broken chart or a frame pointing nowhere fails."""
    data = render_meeting_ledger(_ledger())
    files = unzip(data)

    def repack(changed: Dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr(zipfile.ZipInfo("mimetype"), files["mimetype"])
            for name, body in {**files, **changed}.items():
                if name != "mimetype":
                    zf.writestr(name, body, zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    broken_chart = files["Object 1/content.xml"].replace(b' chart:class="chart:bar" svg:width', b" svg:width", 1)
    assert broken_chart != files["Object 1/content.xml"]
    errors = odt_errors(repack({"Object 1/content.xml": broken_chart}))
    assert any(e.startswith("Object 1/content.xml:") for e in errors)
    dangling = files["content.xml"].replace(b'"./Object 1"', b'"./Object 2"')
    assert any("Object 2" in e for e in odt_errors(repack({"content.xml": dangling})))


def test_group_rows_come_in_the_profiles_order_not_the_rolls() -> None:
    """The roll may list a member of the second group first; the 台账 still reads 第一, 第二."""
    from sanhui.meeting_rules import build_ledger
    from sanhui.model.profile import BranchProfile, Member, PartyGroup
    from sanhui.odf.meeting_ledger_writer import rows

    profile = BranchProfile(branch="机关第一党支部", groups=(PartyGroup("第一党小组"), PartyGroup("第二党小组")),
                            members=(Member("王明", "第二党小组"), Member("李强", "第一党小组")))
    ledger = build_ledger([], profile, 2023, date(2024, 1, 5))
    assert [g for kind, g in rows(ledger) if kind == "党小组会"] == ["第一党小组", "第二党小组"]
