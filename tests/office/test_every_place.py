"""Every writing command of COMMANDS.md, dispatched by URL (with arguments, so no dialog opens),
with the cursor in every kind of place a user can click: what the README says happens there
happens, and one undo gives back the office:body of content.xml byte for byte (after the
normalisation of tests/support/odf_body.py).

FormatAsPlan replaces the text it formats (with nothing selected, the whole body): it is refused
in tables and over protected text, and formats the body and the 300-page document.

Commands that act on something already in the document (AddMinutesItem, Countersign,
AddBenchmarkTask, SetTaskStatus, UpdateTaskSummary) get it first — minutes or a task list after the
document's first paragraph — and the "before" snapshot is taken after that. For them "body" and "table
cell" mean the body text and a table cell *of that context*; every other place is outside it
(refused: "not in the minutes / task list"), except the protected section, which is the context's
own section protected by hand, and the read-only, empty and 300-page documents, where the cursor
is in the context's table.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

from devtools.prompts import fill_prompts
from tests.odf_schema import assert_valid_odt
from tests.office.docs import saved_body, set_text, type_in_a_new_comment
from tests.support import office_with_extension, report

SUCCESS, FAILURE = 1, 0

PLACES = ("body", "table cell", "nested table", "header", "footer", "footnote", "frame", "comment",
          "protected section", "multi-selection", "read-only", "empty document", "300 pages")

MINUTES_ARGS: Dict[str, Any] = {
    "BranchA": "机关第一党支部", "SecretaryA": "王明", "BranchB": "生产一线党支部", "SecretaryB": "李强",
    "Theme": "科技创新", "Date": "2023-09-25 15:00", "Place": "三楼会议室", "Present": "王明、李强",
    "Items": (("建立联合攻关小组", "张三", "2030-10-31"), ("共享培训资源", "李四", "2030年11月30日")),
}
BENCHMARK_ARGS: Dict[str, Any] = {
    "Benchmark": "某供电公司先进党支部", "Date": "2023-09-28 09:00", "Place": "党员活动室",
    "Items": (("班组建设", "积分制管理", "无量化考核", "引入积分制", "张三", "2030-10-31"),
              ("安全管理", "双人复核", "复核流于形式", "建立复核台账", "李四", "2030-11-30")),
}
# Commands that insert a fragment at the cursor, with arguments that open no dialog.
INSERTS: Dict[str, Dict[str, Any]] = {
    "InsertPlan": {"Meeting": "lecture", "Month": "2023-09"},
    "InsertMinutes": MINUTES_ARGS,
    "InsertBenchmark": BENCHMARK_ARGS,
    "InsertNotice": {"Meeting": "general", "Date": "2023-09-25 15:00", "Topic": "学习党章"},
    "InsertSignIn": {"Meeting": "general", "Members": ("张三", "李四", "王五")},
    "InsertRecord": {"Meeting": "general", "Expected": "30", "Present": "28"},
    "InsertAnnualPlan": {"Year": "2024"},
    "InsertReview": {"Month": "2023-10"},
    "ImportPlan": {"Source": str(Path(__file__).resolve().parents[1] / "data" / "2024-03-guidance-notice.txt")},
}
# FormatAsPlan replaces the text it formats (the selection, or the whole body): what it does at
# each place (README's command table): None = formatted, else a piece of the refusal.
FORMAT_EXPECT: Dict[str, Optional[str]] = {
    "body": None, "table cell": "表格", "nested table": "表格",
    "header": "页眉或页脚", "footer": "页眉或页脚", "footnote": "脚注", "frame": "文本框", "comment": "正文",
    "protected section": "受保护", "multi-selection": "多处", "read-only": "只读",
    "empty document": "没有可以整理", "300 pages": None,
}
# Commands that need a context: (which context, arguments).
CONTEXT: Dict[str, Tuple[str, Dict[str, Any]]] = {
    "AddMinutesItem": ("minutes", {"Item": "新增事项", "Owner": "王五", "Deadline": "2030-12-31"}),
    "Countersign": ("minutes", {"DateA": "2023-09-26", "DateB": "2023-09-27"}),
    "AddBenchmarkTask": ("tasks", {"Item": "新增任务", "Owner": "赵六", "Deadline": "2030-12-31"}),
    "SetTaskStatus": ("tasks", {"Status": "done"}),
    "UpdateTaskSummary": ("tasks", {}),
}
OUTSIDE = {"minutes": "不在联建会议纪要中", "tasks": "不在对标提高任务清单中"}

# What the README's "Where it goes" table says for an insertion: None = inserted, else a piece
# of the message it is refused with.
INSERT_EXPECT: Dict[str, Optional[str]] = {
    "body": None, "table cell": None, "nested table": None,
    "header": "页眉或页脚", "footer": "页眉或页脚", "footnote": "脚注", "frame": "文本框", "comment": "正文",
    "protected section": "受保护", "multi-selection": None, "read-only": "只读",
    "empty document": None, "300 pages": None,
}


def _context_expect(command: str, place: str) -> Optional[str]:
    kind = CONTEXT[command][0]
    if place in ("body", "table cell", "multi-selection", "empty document", "300 pages"):
        if command == "SetTaskStatus" and place == "body":
            return "任务所在的行"  # the README: for the task in the cursor's row
        return None
    if place == "protected section":
        return "已经会签" if kind == "minutes" else "受保护"
    if place == "read-only":
        return "只读"
    return OUTSIDE[kind]


# Known bugs in modules this suite does not own: (command, place) → reason. strict: a fix
# turns them into failures, so they are taken off this list then.
KNOWN_BUGS: Dict[Tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """An office of this module's own (one more start, a few seconds): a known bug marked xfail here
    would log its traceback, which tests reading the shared office's log (test_settings) must not find."""
    with office_with_extension(tmp_path_factory.mktemp("office-profile")) as started:
        yield started


# -- the 300-page document, made once per module ----------------------------------------------------

_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">'
            '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
            'style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/>'
            '</style:style></office:automatic-styles><office:body><office:text>{}</office:text>'
            '</office:body></office:document-content>')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
             'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
             'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')
PAGES = 300


def write_long_odt(path: Path, pages: int = PAGES) -> Path:
    """A plain .odt of ``pages`` pages: each starts with a page break and holds a few lines."""
    parts = []
    for n in range(1, pages + 1):
        parts.append(f'<text:p text:style-name="P1">第{n}页</text:p>')
        parts.extend(f"<text:p>第{n}页第{k}段：支部工作记录，用于检验长文档中的插入与撤销。</text:p>"
                     for k in range(1, 4))
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", _CONTENT.format("".join(parts)), zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture(scope="module")
def long_odt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_long_odt(tmp_path_factory.mktemp("long") / "300-pages.odt")


# -- building the places ----------------------------------------------------------------------------

def _size(width: int, height: int) -> Any:
    import uno

    size = uno.createUnoStruct("com.sun.star.awt.Size")
    size.Width, size.Height = width, height
    return size


def _view(doc: Any) -> Any:
    return doc.getCurrentController().getViewCursor()


def _end_cursor(doc: Any) -> Any:
    cursor = doc.getText().createTextCursor()
    cursor.gotoEnd(False)
    return cursor


def _user_text(doc: Any) -> None:
    doc.getText().setString("前文AAA后文\n\n结尾CCC")  # \n: paragraph breaks


def _table(doc: Any, name: str) -> Any:
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(2, 2)
    doc.getText().insertTextContent(_end_cursor(doc), table, False)
    table.setName(name)
    table.getCellByName("A1").setString("姓名")
    table.getCellByName("B2").setString("张三")
    return table


def _section(doc: Any, name: str, content: str) -> Any:
    section = doc.createInstance("com.sun.star.text.TextSection")
    doc.getText().insertTextContent(_end_cursor(doc), section, False)
    section.setName(name)
    section.getAnchor().setString(content)
    return section


class Scene:
    """One document with one cursor place, the context a command needs, and how to clean up."""

    def __init__(self, office: Any, doc: Any, tmp: Path) -> None:
        self.office, self.doc, self.tmp = office, doc, tmp
        self.extra: List[Any] = []  # other documents to close

    def close(self) -> None:
        for doc in self.extra:
            self.office.close(doc)


def _build_place(office: Any, doc: Any, place: str, long_odt: Path) -> Callable[[], None]:
    """Make the user's document for ``place``; return what puts the cursor there (called after
    any context is added, since inserting moves the view cursor)."""
    view = _view(doc)
    text = doc.getText()
    if place == "body":
        _user_text(doc)
        return lambda: (view.gotoStart(False), view.goRight(3, False))
    if place in ("table cell", "nested table"):
        text.setString("表前")
        table = _table(doc, "支部名单")
        last = text.createEnumeration()
        while last.hasMoreElements():
            para = last.nextElement()
        para.setString("表后")
        if place == "table cell":
            return lambda: view.gotoRange(table.getCellByName("B2").getEnd(), False)
        cell = table.getCellByName("A2")
        inner = doc.createInstance("com.sun.star.text.TextTable")
        inner.initialize(1, 1)
        cell.insertTextContent(cell.createTextCursor(), inner, False)
        inner.getCellByName("A1").setString("内格")
        return lambda: view.gotoRange(inner.getCellByName("A1").getEnd(), False)
    if place in ("header", "footer"):
        _user_text(doc)
        page = doc.StyleFamilies.getByName("PageStyles").getByName("Standard")
        if place == "header":
            page.HeaderIsOn = True
            page.HeaderText.setString("页眉文字")
            return lambda: view.gotoRange(page.HeaderText.getEnd(), False)
        page.FooterIsOn = True
        page.FooterText.setString("页脚文字")
        return lambda: view.gotoRange(page.FooterText.getEnd(), False)
    if place == "footnote":
        _user_text(doc)
        footnote = doc.createInstance("com.sun.star.text.Footnote")
        text.insertTextContent(_end_cursor(doc), footnote, False)
        footnote.setString("脚注文字")
        return lambda: view.gotoRange(footnote.getEnd(), False)
    if place == "frame":
        _user_text(doc)
        frame = doc.createInstance("com.sun.star.text.TextFrame")
        frame.setSize(_size(4000, 2000))
        text.insertTextContent(_end_cursor(doc), frame, False)
        frame.setString("框内文字")
        return lambda: view.gotoRange(frame.getEnd(), False)
    if place == "comment":
        _user_text(doc)

        def into_comment() -> None:
            view.gotoStart(False)
            if not type_in_a_new_comment(office, doc):
                pytest.fail("the keyboard focus did not go into the comment")
        return into_comment
    if place == "protected section":
        _user_text(doc)
        section = _section(doc, "已签会议纪要", "会签后的内容")
        section.IsProtected = True
        return lambda: view.gotoRange(section.getAnchor().getStart(), False)
    if place == "multi-selection":
        text.setString("甲乙丙甲乙丙\n第二段")

        def select() -> None:
            search = doc.createSearchDescriptor()
            search.SearchString = "乙"
            found = doc.findAll(search)
            assert found.getCount() == 2
            doc.getCurrentController().select(found)
        return select
    if place == "empty document":
        return lambda: view.gotoStart(False)
    if place == "300 pages":
        return lambda: (view.gotoStart(False), view.jumpToPage(PAGES // 2))
    if place == "read-only":
        _user_text(doc)
        return lambda: (view.gotoStart(False), view.goRight(3, False))
    raise AssertionError(place)


def _add_context(office: Any, doc: Any, kind: str) -> None:
    """Minutes (prompts filled, so it can be signed) or a task list, after the first paragraph."""
    _view(doc).gotoStart(False)
    if kind == "minutes":
        state, result = office.dispatch(doc, "sanhui:InsertMinutes", MINUTES_ARGS)
        assert state == SUCCESS, result
        fill_prompts(doc)
    else:
        state, result = office.dispatch(doc, "sanhui:InsertBenchmark", BENCHMARK_ARGS)
        assert state == SUCCESS, result


def _context_section(doc: Any, kind: str) -> Any:
    prefix = "联建会议纪要-" if kind == "minutes" else "对标提高任务清单-"
    sections = doc.getTextSections()
    names = [n for n in sections.getElementNames() if n.startswith(prefix)]
    assert len(names) == 1, names
    return sections.getByName(names[0])


def _context_table(doc: Any, kind: str) -> Any:
    prefix = "联建事项-" if kind == "minutes" else "对标任务-"
    tables = doc.getTextTables()
    names = [n for n in tables.getElementNames() if n.startswith(prefix)]
    assert len(names) == 1, names
    return tables.getByName(names[0])


def _cursor_in_context(office: Any, doc: Any, kind: str, place: str) -> Callable[[], None]:
    view = _view(doc)
    if place == "body":  # a paragraph of the context's section, not a table
        section = _context_section(doc, kind)
        return lambda: view.gotoRange(section.getAnchor().getStart(), False)
    if place == "multi-selection":
        table = _context_table(doc, kind)

        def select() -> None:  # the owners of both rows
            search = doc.createSearchDescriptor()
            search.SearchRegularExpression = True
            search.SearchString = "^(张三|李四)$"
            found = doc.findAll(search)
            assert found.getCount() >= 2, found.getCount()
            doc.getCurrentController().select(found)
            assert view.TextTable is not None and view.TextTable.getName() == table.getName()
        return select
    table = _context_table(doc, kind)
    return lambda: view.gotoRange(table.getCellByName("B2").getEnd(), False)


@pytest.fixture
def scene_factory(office: Any, tmp_path: Path, long_odt: Path) -> Iterator[Callable[..., Scene]]:
    made: List[Scene] = []

    def make(command: str, place: str, items: bool = False) -> Scene:
        """``items``: minutes at the end of the document (for TaskLedger), the cursor left in the place."""
        doc = office.load(long_odt) if place == "300 pages" else office.new_writer()
        scene = Scene(office, doc, tmp_path)
        scene.extra.append(doc)
        made.append(scene)
        put = _build_place(office, doc, place, long_odt)
        kind = CONTEXT[command][0] if command in CONTEXT else None
        if items:
            _add_context(office, doc, "minutes")
        if kind is not None:
            _add_context(office, doc, kind)
            if place in ("body", "table cell", "multi-selection", "empty document", "300 pages", "read-only"):
                put = _cursor_in_context(office, doc, kind, place)
            elif place == "protected section":
                section = _context_section(doc, kind)
                section.IsProtected = True
                put = _goto(_view(doc), section.getAnchor().getStart())
        if place == "read-only":
            path = office.store(doc, tmp_path / "mine.odt", "writer8")
            ro = office.load(path, readonly=True)
            scene.extra.append(ro)
            scene.doc = ro
            if kind is not None:
                put = _cursor_in_context(office, ro, kind, "table cell")
            else:
                view = _view(ro)
                put = lambda: (view.gotoStart(False), view.goRight(3, False))  # noqa: E731
        put()
        report.count("places", place)
        return scene

    yield make
    for scene in made:
        scene.close()


def _goto(view: Any, target: Any) -> Callable[[], None]:
    return lambda: view.gotoRange(target, False)


def _undo_titles(doc: Any) -> Tuple[str, ...]:
    return tuple(doc.getUndoManager().getAllUndoActionTitles())


def _check(office: Any, scene: Scene, command: str, args: Dict[str, Any], refused: Optional[str]) -> None:
    doc, tmp = scene.doc, scene.tmp
    before = saved_body(office, doc, tmp / "before.odt")
    titles = _undo_titles(doc)
    styled = doc.getStyleFamilies().getByName("PageStyles").hasByName("三会一课-公文页面")
    state, result = office.dispatch(doc, f"sanhui:{command}", args)
    if refused is not None:
        assert state == FAILURE, f"expected a refusal with “{refused}”, got: {result}"
        assert refused in result, result
        assert "意外错误" not in result, result
        assert _undo_titles(doc) == titles, "a refusal left an undo step"
        assert saved_body(office, doc, tmp / "after.odt") == before, "a refusal changed the document"
        return
    assert state == SUCCESS, result
    after = office.store(doc, tmp / "inserted.odt", "writer8")
    assert_valid_odt(after)
    new = _undo_titles(doc)
    # The first insertion into a document without the 公文 page style loads the styles first,
    # and LibreOffice clears the undo list when a page style with a footer appears
    # (insertion.load_styles_first): the steps before it are gone, the insertion is one step.
    assert new[1:] == titles or (not styled and new[1:] == ()), f"not one undo step: {new[:3]}"
    assert new[0] != (titles[0] if titles else None) or len(new) == len(titles) + 1
    doc.getUndoManager().undo()
    assert saved_body(office, doc, tmp / "undone.odt") == before, "undo did not restore office:body"


def _cases() -> Iterator[Any]:
    for command in (*INSERTS, *CONTEXT, "FormatAsPlan"):
        for place in PLACES:
            marks = []
            if (command, place) in KNOWN_BUGS:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(command, place)]))
            yield pytest.param(command, place, id=f"{command}-{place.replace(' ', '_')}", marks=marks)


@pytest.mark.parametrize("command, place", list(_cases()))
def test_command_at_place(office: Any, scene_factory: Callable[..., Scene], command: str, place: str) -> None:
    scene = scene_factory(command, place)
    if command in INSERTS:
        expect = INSERT_EXPECT[place]
        args = INSERTS[command]
    elif command == "FormatAsPlan":
        expect, args = FORMAT_EXPECT[place], {"Notes": "comments"}
    else:
        expect = _context_expect(command, place)
        args = CONTEXT[command][1]
    _check(office, scene, command, args, expect)


def _components(office: Any) -> Dict[str, Any]:
    out = {}
    enum = office.desktop.getComponents().createEnumeration()
    while enum.hasMoreElements():
        comp = enum.nextElement()
        out[str(comp.RuntimeUID)] = comp
    return out


@pytest.mark.parametrize("place", [pytest.param(p, id=p.replace(" ", "_")) for p in PLACES])
def test_task_ledger_leaves_the_source_untouched(office: Any, scene_factory: Callable[..., Scene],
                                                 place: str) -> None:
    """TaskLedger reads the document (from anywhere the cursor is) and writes a new one."""
    scene = scene_factory("TaskLedger", place, items=True)
    doc, tmp = scene.doc, scene.tmp
    before = saved_body(office, doc, tmp / "before.odt")
    titles = _undo_titles(doc)
    known = _components(office)
    state, result = office.dispatch(doc, "sanhui:TaskLedger", {"Source": "document"})
    new = {uid: comp for uid, comp in _components(office).items() if uid not in known}
    try:
        assert state == SUCCESS, result
        assert len(new) == 1, f"{len(new)} new documents"
        ledger = next(iter(new.values()))
        assert ledger.getText().getString().startswith("任务台账")
        rows = [tuple(str(c) for c in row) for row in ledger.getTextTables().getByIndex(0).getDataArray()]
        assert [r[3] for r in rows[1:]] == ["建立联合攻关小组", "共享培训资源"]
    finally:
        for comp in new.values():
            office.close(comp)
    assert _undo_titles(doc) == titles
    assert saved_body(office, doc, tmp / "after.odt") == before


def test_the_long_document_has_300_pages(office: Any, long_odt: Path) -> None:
    doc = office.load(long_odt)
    try:
        assert doc.getCurrentController().PageCount >= PAGES
    finally:
        office.close(doc)


# -- a minutes section that ends in a table -------------------------------------------------------


@pytest.mark.parametrize("command, args", [
    pytest.param("AddMinutesItem", CONTEXT["AddMinutesItem"][1], id="AddMinutesItem"),
    pytest.param("Countersign", CONTEXT["Countersign"][1], id="Countersign"),
    pytest.param("VerifyMinutes", {"SynchronMode": True}, id="VerifyMinutes"),
    pytest.param("UpdateTaskSummary", {"SynchronMode": True}, id="UpdateTaskSummary"),
])
def test_minutes_and_task_lists_that_end_in_a_table_can_still_be_worked_on(office: Any, writer: Any, command: str,
                                                                           args: Dict[str, Any]) -> None:
    """Minutes (or a task list) inserted into an empty document end the body; a sign-in sheet
    inserted on their last line leaves their section ending in its table."""
    report.count("places", "section ending in a table")
    kind = "tasks" if command == "UpdateTaskSummary" else "minutes"
    _add_context(office, writer, kind)
    _view(writer).gotoRange(_context_section(writer, kind).getAnchor().getEnd(), False)
    assert office.dispatch(writer, "sanhui:InsertSignIn", {"Members": ("甲", "乙")})[0] == SUCCESS
    _view(writer).gotoRange(_context_table(writer, kind).getCellByName("B2").getEnd(), False)
    state, result = office.dispatch(writer, f"sanhui:{command}", args)
    assert "意外错误" not in result, result
    assert state == SUCCESS or command == "VerifyMinutes", result


def test_a_section_ending_fragment_on_the_last_line_of_minutes_keeps_them_readable(office: Any,
                                                                                    writer: Any) -> None:
    """Inserted on the minutes' last line, a fragment that ends in a section of its own (the
    review) keeps its closing empty line, so the minutes section does not end in a block
    (insertion._ends_section_after_block). One ending in a table still ends their section in it; the
    commands read such a section by walking the body (office/sections.py, tested above)."""
    report.count("places", "last line of a section")
    set_text(writer, [("文前", "Standard"), ("文后", "Standard")])
    _add_context(office, writer, "minutes")
    _view(writer).gotoRange(_context_section(writer, "minutes").getAnchor().getEnd(), False)
    assert office.dispatch(writer, "sanhui:InsertReview", {"Month": "2030-04"})[0] == SUCCESS
    _view(writer).gotoRange(_context_table(writer, "minutes").getCellByName("B2").getEnd(), False)
    state, result = office.dispatch(writer, "sanhui:AddMinutesItem", {"Item": "检查之后"})
    assert state == SUCCESS, result
