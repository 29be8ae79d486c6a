"""Any month's plan (issue 13), through the dispatch URLs as a click or a script would:
ImportPlan from .txt (GBK), .docx and .odt; FormatAsPlan of the seed pasted as plain paragraphs;
SavePlanTemplate of an edited plan and InsertPlan Template=… giving back exactly the edits.

What is compared is what a secretary sees: each paragraph's text, style and number label, and
each comment's text and what it points at — the same as InsertPlan writes for the same plan.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pytest

from tests.odf_schema import assert_valid_odt
from tests.office.docs import comment_fields, comments, paragraph, paragraphs, put_cursor, saved_body, set_text

SUCCESS, FAILURE = 1, 0
SEED = Path(__file__).resolve().parents[1] / "data" / "2023-09-sanhui-yike-plan.txt"


def seed_lines() -> List[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def rows(doc: Any) -> List[Tuple[str, str, str]]:
    return [tuple(p) for p in paragraphs(doc)]  # type: ignore[misc]


def notes(doc: Any) -> List[Tuple[str, str]]:
    """(content, the text it points at) of every comment: the author is ours either way."""
    return [(content, anchor) for _, content, anchor in comments(doc)]


@pytest.fixture
def reference(office: Any) -> Iterator[Any]:
    """The seed's month plan as InsertPlan writes it into an empty document (no branch saved)."""
    doc = office.new_writer()
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
        assert state == SUCCESS, result
        yield doc
    finally:
        office.close(doc)


def test_the_seed_pasted_as_paragraphs_formats_to_what_insert_plan_writes(
        office: Any, writer: Any, reference: Any, tmp_path: Path) -> None:
    set_text(writer, [(line, "Standard") for line in seed_lines()])  # as from a web page
    before = saved_body(office, writer, tmp_path / "before.odt")
    state, result = office.dispatch(writer, "sanhui:FormatAsPlan", {})
    assert state == SUCCESS, result
    assert result.startswith("已整理为方案格式：4 部分"), result
    assert "12 条备注" in result
    assert rows(writer) == rows(reference)
    assert notes(writer) == notes(reference)
    assert_valid_odt(office.store(writer, tmp_path / "formatted.odt", "writer8"))
    writer.getUndoManager().undo()  # one step gives the text back exactly
    assert saved_body(office, writer, tmp_path / "after.odt") == before


def test_format_as_plan_changes_only_the_selected_paragraphs(office: Any, writer: Any, tmp_path: Path) -> None:
    lines = ["这一段是用户自己写的，不能动。", *seed_lines()[:9], "最后这一段也不能动。"]
    set_text(writer, [(line, "Standard") for line in lines])
    view = writer.getCurrentController().getViewCursor()
    put_cursor(writer, 2, 3)  # inside 一、支委会方案, to the middle of a later line
    cursor = writer.getText().createTextCursorByRange(view.getStart())
    for _ in range(5):
        cursor.gotoNextParagraph(False)
    cursor.goRight(2, False)
    view.gotoRange(cursor.getStart(), True)
    state, result = office.dispatch(writer, "sanhui:FormatAsPlan", {"Notes": "body"})
    assert state == SUCCESS, result
    got = rows(writer)
    assert got[0] == (lines[0], "Standard", "")
    assert got[1] == (lines[1], "Standard", "")  # the title line was not selected: left as it is
    assert got[-3:] == [(line, "Standard", "") for line in lines[-3:]]  # not selected: as they were
    assert [(text, label) for text, _, label in got[2:-3]] == [
        ("支委会方案", "一、"), ("第一议题", "（一）"), (lines[4], ""), (lines[5] + "）", ""), ("第一行动", "（二）"),
        ("传达学习上级党组织会议、文件、讲话精神及工作安排。", "1.")]  # the 备注 as a paragraph, as asked
    assert all(style.startswith("三会一课-") for _, style, _ in got[2:-3]), "\n".join(map(str, got))


def _add_comment(doc: Any, text: str, author: str, content: str, when: Tuple[int, ...]) -> None:
    """A comment as a colleague leaves one at the end of the paragraph ``text``."""
    import uno

    comment = doc.createInstance("com.sun.star.text.textfield.Annotation")
    comment.Author, comment.Content = author, content
    stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
    stamp.Year, stamp.Month, stamp.Day, stamp.Hours, stamp.Minutes = when
    comment.DateTimeValue = stamp
    body = doc.getText()
    body.insertTextContent(body.createTextCursorByRange(paragraph(doc, text).getEnd()), comment, False)


def test_format_as_plan_keeps_who_wrote_the_comments_and_when(office: Any, writer: Any, tmp_path: Path) -> None:
    """A colleague's comments on the pasted text come back as the plan's 备注, still theirs."""
    lines = seed_lines()[:11]
    set_text(writer, [(line, "Standard") for line in lines])
    _add_comment(writer, lines[10], "李书记", "请写明联建单位", (2023, 8, 30, 10, 5))
    _add_comment(writer, lines[3], "王委员", "备注：九月重点学习党的二十大报告", (2023, 8, 29, 16, 0))
    before = sorted(comments(writer))
    state, result = office.dispatch(writer, "sanhui:FormatAsPlan", {})
    assert state == SUCCESS, result
    found = {content: (author, anchor) for author, content, anchor in comments(writer)}
    assert found["备注：请写明联建单位"] == ("李书记", "研究开展党支部/党小组联建活动方案")  # the range stops before 。
    assert found["备注：九月重点学习党的二十大报告"][0] == "王委员"
    stamps = {field.Content: field.DateTimeValue for field in comment_fields(writer)}
    dates = {content: (t.Year, t.Month, t.Day, t.Hours, t.Minutes) for content, t in stamps.items()}
    assert dates["备注：请写明联建单位"] == (2023, 8, 30, 10, 5)
    assert dates["备注：九月重点学习党的二十大报告"] == (2023, 8, 29, 16, 0)
    typed = [author for author, content, _ in comments(writer) if content.startswith("备注：有布置有落实")]
    assert typed == ["三会一课助手"]  # a 备注 typed in the text is the extension's, as InsertPlan's are
    assert_valid_odt(office.store(writer, tmp_path / "formatted.odt", "writer8"))
    writer.getUndoManager().undo()
    assert sorted(comments(writer)) == before


@pytest.mark.parametrize("place", ["table", "readonly", "protected"])
def test_format_as_plan_refuses_where_insert_plan_refuses(office: Any, writer: Any, tmp_path: Path,
                                                          place: str) -> None:
    set_text(writer, [(line, "Standard") for line in seed_lines()[:5]])
    if place == "table":
        table = writer.createInstance("com.sun.star.text.TextTable")
        table.initialize(1, 1)
        writer.getText().insertTextContent(writer.getText().getEnd(), table, False)
        table.getCellByName("A1").setString("一、支委会方案")
        writer.getCurrentController().getViewCursor().gotoRange(table.getCellByName("A1").getStart(), False)
    elif place == "protected":
        section = writer.createInstance("com.sun.star.text.TextSection")
        cursor = writer.getText().createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        writer.getText().insertTextContent(cursor, section, True)
        section.IsProtected = True
    before = saved_body(office, writer, tmp_path / "before.odt")
    if place == "readonly":
        path = office.store(writer, tmp_path / "ro.odt", "writer8")
        doc = office.load(path, readonly=True)
        try:
            state, result = office.dispatch(doc, "sanhui:FormatAsPlan", {})
        finally:
            office.close(doc)
        assert (state, "只读" in result) == (FAILURE, True), result
        return
    state, result = office.dispatch(writer, "sanhui:FormatAsPlan", {})
    assert state == FAILURE, result
    assert ("表格" if place == "table" else "保护") in result, result
    assert saved_body(office, writer, tmp_path / "after.odt") == before


def _write_as(office: Any, lines: List[str], path: Path, filter_name: str) -> Path:
    doc = office.new_writer()
    try:
        set_text(doc, [(line, "Standard") for line in lines])
        return office.store(doc, path, filter_name)
    finally:
        office.close(doc)


FILTERS = {"docx": "MS Word 2007 XML", "odt": "writer8", "doc": "MS Word 97", "rtf": "Rich Text Format"}


def _web_page(lines: List[str]) -> str:
    """The seed as a browser saves a WeChat article: a page around it, paragraphs in <section>s and
    <p>s, one line broken with <br>, entities, a script and a style the text must not pick up."""
    body = "".join(f"<section><p>{html.escape(line)}</p></section>" if n % 3 else f"<p>{html.escape(line)}</p>"
                   for n, line in enumerate(lines))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>九月方案</title>"
            "<style>p{margin:0}</style><script>var x = '<p>不是正文</p>';</script></head><body>"
            f"<div id='js_content' class='rich_media_content'>{body}</div></body></html>")


@pytest.mark.parametrize("kind", ["gbk.txt", "utf16.txt", "docx", "odt", "doc", "rtf", "html"])
def test_import_plan_from_a_file_inserts_what_insert_plan_writes(
        office: Any, writer: Any, reference: Any, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "中文 文件夹"  # a user's folder: spaces and Chinese in the path
    folder.mkdir()
    if kind == "gbk.txt":
        source = folder / "九月方案.txt"
        source.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gbk"))
    elif kind == "utf16.txt":
        source = folder / "九月方案.txt"
        source.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    elif kind == "html":
        source = folder / "九月方案.html"
        source.write_text(_web_page(seed_lines()), encoding="utf-8")
    else:
        source = _write_as(office, seed_lines(), folder / f"九月方案.{kind}", FILTERS[kind])
    state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": str(source)})
    assert state == SUCCESS, result
    assert result.startswith("已导入方案：4 部分"), result
    assert rows(writer) == rows(reference)
    assert notes(writer) == notes(reference)


def test_import_plan_reads_automatic_numbering_of_a_docx(office: Any, writer: Any, reference: Any,
                                                          tmp_path: Path) -> None:
    """A .docx whose 一、（一）1. come from Word's lists (here: our own plan saved as .docx, the 备注
    as paragraphs) reads as the typed text does."""
    doc = office.new_writer()
    try:
        office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "body"})
        source = office.store(doc, tmp_path / "numbered.docx", "MS Word 2007 XML")
    finally:
        office.close(doc)
    state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": source.as_uri()})
    assert state == SUCCESS, result
    assert rows(writer) == rows(reference)
    assert notes(writer) == notes(reference)


def test_import_plan_for_another_month_titles_it_so(office: Any, writer: Any, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    shutil.copy(SEED, source)
    state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": str(source), "Month": "2024-03"})
    assert state == SUCCESS, result
    assert rows(writer)[0] == ("2024年3月“三会一课”方案", "三会一课-标题", "")


@pytest.mark.parametrize(("args", "said"), [
    ({"Notes": "body"}, "来源（Source）"),
    ({"Source": "/nowhere/plan.txt"}, "不存在"),
    ({"Source": "/etc/passwd"}, "不是可导入的文件"),
    ({"Source": "plan.txt", "Month": "2023-13"}, "月份（Month）"),
    ({"Source": "plan.txt", "Notes": "margin"}, "备注方式（Notes）"),
    ({"Source": "plan.txt", "Colour": "red"}, "Colour"),
])
def test_import_plan_names_a_bad_argument_and_changes_nothing(office: Any, writer: Any, tmp_path: Path,
                                                             args: dict, said: str) -> None:
    set_text(writer, [("用户的一段文字。", "Standard")])
    before = saved_body(office, writer, tmp_path / "before.odt")
    state, result = office.dispatch(writer, "sanhui:ImportPlan", args)
    assert state == FAILURE
    assert said in result, result
    assert saved_body(office, writer, tmp_path / "after.odt") == before


def _comment_on(doc: Any, anchor_start: str) -> Any:
    for field in comment_fields(doc):
        if field.getAnchor().getString().startswith(anchor_start):
            return field
    raise AssertionError(f"no comment on {anchor_start!r}")


def test_a_saved_template_gives_back_exactly_the_edits(office: Any, writer: Any, tmp_path: Path) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert state == SUCCESS, result
    paragraph(writer, "研究本单位宣传工作。").dispose()  # an item deleted
    paragraph(writer, "开展党务（政务）公开等日常工作。").setString("开展党务公开和“三会一课”台账整理。")  # reworded
    _comment_on(writer, "总结检查上月学习贯彻落实的情况").Content = "备注：逐项对照上月任务清单检查。"  # note edited
    added = paragraph(writer, "学习上级党组织安排的内容。")  # an item added after it, as Enter makes one
    cursor = writer.getText().createTextCursorByRange(added.getEnd())
    writer.getText().insertControlCharacter(cursor, 0, False)  # the cursor is in the new line after it
    writer.getText().insertString(cursor, "观看主题教育专题片。", False)
    edited = rows(writer)
    edited_notes = notes(writer)
    put_cursor(writer, 5, 2)
    state, result = office.dispatch(writer, "sanhui:SavePlanTemplate", {"Name": "我们支部的方案"})
    assert state == SUCCESS, result
    assert "我们支部的方案" in result
    doc = office.new_writer()
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09", "Template": "我们支部的方案"})
        assert state == SUCCESS, result
        assert rows(doc) == edited
        assert notes(doc) == edited_notes
        assert ("观看主题教育专题片。", "三会一课-三级标题", "3.") in rows(doc)
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-10", "Template": "我们支部的方案"})
        assert state == SUCCESS, result
        assert ("2023年10月“三会一课”方案", "三会一课-标题", "") in rows(doc)  # next month's title
    finally:
        office.close(doc)


def test_save_plan_template_outside_a_plan_is_refused(office: Any, writer: Any) -> None:
    set_text(writer, [("这不是方案。", "Standard")])
    state, result = office.dispatch(writer, "sanhui:SavePlanTemplate", {"Name": "x"})
    assert state == FAILURE
    assert "光标不在方案中" in result, result


def test_insert_plan_with_an_unknown_template_names_it(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Template": "没有这个模板"})
    assert state == FAILURE
    assert "没有这个模板" in result and "方案模板" in result, result
    assert rows(writer) == [("", "Standard", "")]


NOTICE = Path(__file__).resolve().parents[1] / "data" / "2024-03-guidance-notice.txt"


def test_another_months_notice_keeps_every_part_and_line(office: Any, writer: Any, tmp_path: Path) -> None:
    """A 党委's notice for March 2024 (its own parts — 主题党日 first —, an addressee, a 设计思路,
    notes in four forms, items run together, a signature and date): everything it says is in the
    document, in order, as what it is."""
    state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": str(NOTICE)})
    assert state == SUCCESS, result
    assert result.startswith("已导入方案：5 部分"), result
    got = rows(writer)
    assert got[0] == ("关于做好2024年3月“三会一课”工作的通知", "三会一课-标题", "")
    assert ("各党支部：", "三会一课-主送", "") in got
    parts = [(text, label) for text, style, label in got if style == "三会一课-一级标题"]
    assert parts == [("主题党日", "一、"), ("支委会", "二、"), ("党员大会", "三、"), ("党小组会", "四、"),
                     ("党课", "五、")]
    assert ("研究确定本月党员大会方案；", "三会一课-三级标题", "1.") in got  # split out of “党务工作：1.…；2.…”
    assert got[-2:] == [("中共某某机关委员会", "三会一课-落款", ""), ("2024年2月28日", "三会一课-落款", "")]
    shown = "".join(label + text for text, _, label in got) + "".join(c for c, _ in notes(writer))
    source = "".join(NOTICE.read_text(encoding="utf-8").split())
    missing = [c for c in source if c not in shown and c not in "()【】:"]  # half-width labels become （一）
    assert missing == [], missing  # nothing the 党委 wrote is lost
    assert_valid_odt(office.store(writer, tmp_path / "notice.odt", "writer8"))


def test_import_plan_from_the_clipboard(office: Any, writer: Any, reference: Any) -> None:
    """A plan copied from a web page or WeChat: Source=clipboard reads the clipboard's text."""
    from devtools.xvfb import set_clipboard

    set_clipboard(office, SEED.read_text(encoding="utf-8"))
    try:
        state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": "clipboard"})
    finally:
        set_clipboard(office, "")
    assert state == SUCCESS, result
    assert rows(writer) == rows(reference)
    state, result = office.dispatch(writer, "sanhui:ImportPlan", {"Source": "clipboard"})
    assert state == FAILURE and "剪贴板中没有文字" in result, result


def test_insert_plan_takes_up_last_months_missing_meeting(office: Any, writer: Any, tmp_path: Path) -> None:
    """The closed loop (issue 15): the plan's folder holds August's record of the 支委会 but none of
    the 主题党日; September's plan says so and its 支委会 takes it up under 党务工作."""
    for meeting, day in (("committee", "2023-08-07 15:00"),):
        doc = office.new_writer()
        try:
            state, result = office.dispatch(doc, "sanhui:InsertRecord", {"Meeting": meeting, "Date": day})
            assert state == SUCCESS, result
            office.store(doc, tmp_path / f"{meeting}-2023-08.odt", "writer8")
        finally:
            office.close(doc)
    office.store(writer, tmp_path / "2023-09-plan.odt", "writer8")
    path = tmp_path / "2023-09-plan.odt"
    doc = office.load(path)
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
        assert state == SUCCESS, result
        assert "上月会议未见记录：8月 主题党日未见记录" in result, result
        texts = [text for text, _, _ in rows(doc)]
        line = "研究补开上月未见记录的会议：8月 主题党日未见记录。"
        assert texts.index(line) == texts.index("研究本单位宣传工作。") + 1  # the last item of 党务工作
        assert rows(doc)[texts.index(line)] == (line, "三会一课-三级标题", "3.")
    finally:
        office.close(doc)
