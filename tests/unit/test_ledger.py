"""The task ledger without LibreOffice: items found in minutes and task lists, sorted by
deadline, overdue counted; hostile files refused one by one while the rest still count."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

from sanhui.cli import main
from sanhui.forms.benchmark_form import parse_benchmark
from sanhui.forms.minutes_form import parse_minutes
from sanhui.odf.benchmark_writer import render_benchmark
from sanhui.odf.ledger_reader import MAX_PART, read_items, scan
from sanhui.odf.minutes_writer import render_minutes
from tests.odf_schema import assert_valid_odt

TODAY = date(2023, 11, 15)


def _minutes(path: Path, rows: tuple) -> Path:
    minutes = parse_minutes({"BranchA": "甲支部", "BranchB": "乙支部", "Items": rows}, date(2023, 9, 1)).minutes
    path.write_bytes(render_minutes(minutes, path.stem, TODAY))  # type: ignore[arg-type]
    return path


def _tasks(path: Path, text: str) -> Path:
    bench, _ = parse_benchmark({"Benchmark": "标杆", "Items": text}, date(2023, 9, 1))
    path.write_bytes(render_benchmark(bench, path.stem))
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2023"
    (folder / "9月").mkdir(parents=True)
    _minutes(folder / "9月" / "联建纪要.odt", (("建立联合攻关小组", "张三", "2023-10-31"),
                                             ("共享培训资源", "李四", "2023-12-31")))
    _tasks(folder / "对标清单.odt", "班组建设\t积分制\t无考核\t引入积分制\t王五\t2023-11-01\n"
                                    "安全管理\t复核\t形式\t台账\t赵六\t2023-11-30")
    return folder


def test_items_from_minutes_and_task_lists_sorted_by_deadline(tmp_path: Path) -> None:
    items = [i for _, found, _ in scan(_folder(tmp_path), TODAY) for i in found or []]
    assert {(i.kind, i.item) for i in items} == {("会议纪要", "建立联合攻关小组"), ("会议纪要", "共享培训资源"),
                                                 ("对标任务", "班组建设"), ("对标任务", "安全管理")}
    task = next(i for i in items if i.item == "班组建设")
    assert (task.owner, task.status, task.days_overdue(TODAY)) == ("王五", "未启动", 14)


def test_cli_writes_csv_json_and_a_valid_odt(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    assert main(["ledger", str(folder), "--format", "json", "--today", "2023-11-15"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["item"] for r in rows] == ["建立联合攻关小组", "班组建设", "安全管理", "共享培训资源"]
    assert [r["days_overdue"] for r in rows] == [15, 14, 0, 0]
    assert main(["ledger", str(folder), "--today", "2023-11-15"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "来源,类别,序号,事项,责任人,完成时限,完成情况,逾期天数"
    out = tmp_path / "ledger.odt"
    assert main(["ledger", str(folder), "--format", "odt", "-o", str(out), "--today", "2023-11-15"]) == 0
    assert_valid_odt(out)
    assert "逾期 2 项" in zipfile.ZipFile(out).read("content.xml").decode("utf-8")


def _zip(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return path


def test_hostile_files_are_refused_each_with_a_reason_and_the_rest_still_count(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
              b"<r>&b;&b;&b;</r>")
    _zip(folder / "laughs.odt", "content.xml", laughs)
    _zip(folder / "bomb.odt", "content.xml", b"<a>" + b" " * (MAX_PART + 10) + b"</a>")
    (folder / "notzip.docx").write_bytes(b"this is not a zip file")
    _zip(folder / "empty.odt", "mimetype", b"application/vnd.oasis.opendocument.text")
    _zip(folder / "broken.odt", "content.xml", b"<office:document-content><unclosed>")
    reasons = {path.name: error for path, found, error in scan(folder, TODAY) if found is None}
    assert set(reasons) == {"laughs.odt", "bomb.odt", "notzip.docx", "empty.odt", "broken.odt"}
    assert "DTD" in reasons["laughs.odt"] and "MiB" in reasons["bomb.odt"]
    assert main(["ledger", str(folder), "--format", "json", "--today", "2023-11-15"]) == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 4 and captured.err.count("\n") == 5


def test_docx_tables_are_read_too(tmp_path: Path) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"
    body = (f'<w:document xmlns:w="{w}"><w:body><w:tbl>'
            + row("序号", "事项", "责任人", "完成时限", "跟踪反馈（办理情况）")
            + row("1", "建立小组", "张三", "2023年10月31日", "已完成") + "</w:tbl></w:body></w:document>")
    path = _zip(tmp_path / "纪要.docx", "word/document.xml", body.encode("utf-8"))
    [item] = read_items(path, TODAY)
    assert (item.item, item.status, item.done(), item.days_overdue(TODAY)) == ("建立小组", "已完成", True, 0)


# --- tables cut out of the bytes read as the whole part does ------------------------------------
# Parsing is most of the ledger's time, and the tables are a part of content.xml: the ledger cuts
# them out by their bytes and parses only them (bench/ledger.py), when that is sure to read what
# parsing the whole part would. Both ways must read the same rows; when unsure, the whole part.

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _content(tables: str) -> bytes:
    return (f'<office:document-content {ODF_NS}><office:body><office:text>{tables}'
            '</office:text></office:body></office:document-content>').encode()


def _cells(*cells: str) -> str:
    inner = "".join(f"<table:table-cell>{c}</table:table-cell>" for c in cells)
    return f"<table:table-row>{inner}</table:table-row>"


def _p(*texts: str) -> str:
    return "".join(f"<text:p>{t}</text:p>" for t in texts)


HEADER = _cells(*(_p(h) for h in ("序号", "事项", "责任人", "完成时限", "跟踪反馈（办理情况）")))
ODD_TABLES = (
    # header in table-header-rows; a second header row is not an item
    f"<table:table><table:table-header-rows>{HEADER}{HEADER}</table:table-header-rows>"
    + _cells(_p("1"), _p(" 建立<text:span>联合</text:span>小组 ", "", "第二段"), _p("张三"), _p("2023年10月31日"), "")
    + "</table:table>",
    # no header rows; a covered cell keeps the columns in place; a nested table's text counts in its cell
    f"<table:table>{HEADER}"
    + "<table:table-row><table:table-cell>" + _p("2") + "</table:table-cell><table:covered-table-cell/>"
    + "<table:table-cell>" + _p("李四") + "</table:table-cell>"
    + "<table:table-cell><table:table>" + _cells(_p("2023年12月1日")) + "</table:table></table:table-cell>"
    + "<table:table-cell/></table:table-row></table:table>",
    # someone else's table, and one starting with 序号 but not ours
    "<table:table>" + _cells(_p("姓名"), _p("签到")) + _cells(_p("王五"), _p("")) + "</table:table>"
    + "<table:table>" + _cells(_p("序号"), _p("姓名")) + _cells(_p("1"), _p("王五")) + "</table:table>",
    # XML-special and right-to-left text, a tab and a line break inside a paragraph
    f"<table:table>{HEADER}" + _cells(_p("3"), _p("A&amp;B &lt;c&gt; שלום<text:tab/>x<text:line-break/>y"),
                                      _p("赵六"), _p("明年"), _p("进行中"))
    # runs of spaces as LibreOffice writes them, and a hostile count
    + _cells(_p("4"), _p('甲<text:s text:c="3"/>乙'), _p("赵六"), _p(""), _p(""))
    + _cells(_p("5"), _p('丙<text:s text:c="1000000000"/>丁'), _p("赵六"), _p(""), _p("")) + "</table:table>",
)


def _both_ways(data: bytes) -> tuple:
    """(rows read from the tables cut out, or None when the part is not cut; rows of the whole part)."""
    from sanhui.odf.ledger_reader import _odt_tables, only_tables
    from sanhui.odf.xml import parse

    cut = only_tables(data)
    return (None if cut is None else list(_odt_tables(parse(cut)))), list(_odt_tables(parse(data)))


def test_tables_cut_out_read_the_same_rows_as_the_whole_part() -> None:
    cut, whole = _both_ways(_content("<text:p>前言</text:p>" + "".join(ODD_TABLES) + "<text:p>后记</text:p>"))
    assert cut == whole
    assert [rows[1][1] for rows in whole] == ["建立联合小组\n第二段", "", "A&B <c> שלום\tx\ny"]
    assert whole[2][2][1] == "甲   乙" and whole[2][3][1] == "丙" + " " * 10000 + "丁"  # text:s, and capped
    assert whole[1][1] == ["2", "", "李四", "2023年12月1日", ""]


def test_what_the_extension_writes_is_cut_not_parsed_whole(tmp_path: Path) -> None:
    for path in _folder(tmp_path).rglob("*.odt"):
        content = zipfile.ZipFile(path).read("content.xml")
        cut, whole = _both_ways(content)
        assert cut == whole and len(whole) == 1, path.name


OUR_TABLE = (f"<table:table>{HEADER}" + _cells(_p("1"), _p("建立小组"), _p("张三"), _p("2023年10月31日"), _p(""))
             + "</table:table>")
FAKE = OUR_TABLE.replace("建立小组", "假的")
TABLE_URI = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT_URI = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
SPELT = TABLE_URI.replace(":table:", ":&#116;able:")  # the same namespace, one letter as a reference
UNSURE = {  # parts the bytes alone cannot be cut exactly: each is parsed whole, and reads as such
    "a comment": _content(f"<!-- {FAKE} -->{OUR_TABLE}"),
    "a CDATA section": _content(f"<text:p><![CDATA[{FAKE}]]></text:p>{OUR_TABLE}"),
    "a processing instruction": _content(f"<?pi {FAKE}?>{OUR_TABLE}"),
    "a namespace declared below the root": _content(OUR_TABLE.replace(
        "<table:table>", '<table:table xmlns:text="urn:example:not-odf-text">', 1)),
    "ODF's table namespace under another prefix": _content(
        OUR_TABLE.replace("table:", "t:").replace("<t:table>", f'<t:table xmlns:t="{TABLE_URI}">', 1)),
    "another prefix for tables in the root": _content(OUR_TABLE.replace("table:", "t:")).replace(
        b"<office:document-content ", f'<office:document-content xmlns:t="{TABLE_URI}" '.encode()),
    "an empty table": _content("<table:table/>" + OUR_TABLE),
    "ODF's table namespace spelt with a character reference": _content(OUR_TABLE.replace("table:", "t:")).replace(
        b"<office:document-content ", f'<office:document-content xmlns:t="{SPELT}" '.encode()),
    "a root that is a table itself": (
        f'<t:table xmlns:t="{SPELT}" xmlns:table="{TABLE_URI}" xmlns:text="{TEXT_URI}">'
        + (HEADER + _cells(_p("1"), _p("建立小组"), _p("张三"), _p(""), _p(""))).replace("table:", "t:")
        + "</t:table>").encode(),
    "a comment before the root": f'<!-- xmlns:table="{TABLE_URI}" -->'.encode() + _content(OUR_TABLE),
    "GB18030": ('<?xml version="1.0" encoding="GB18030"?>' + _content(OUR_TABLE).decode()).encode("gb18030"),
    "UTF-16": ('<?xml version="1.0" encoding="UTF-16"?>' + _content(OUR_TABLE).decode()).encode("utf-16"),
}


def test_parts_that_cannot_be_cut_exactly_are_parsed_whole(tmp_path: Path) -> None:
    from sanhui.odf.ledger_reader import only_tables, read_one
    from sanhui.odf.xml import USING_LXML

    for why, data in UNSURE.items():
        assert only_tables(data) is None, why
        path = _zip(tmp_path / "x.odt", "content.xml", data)
        if why == "GB18030" and not USING_LXML:  # expat reads UTF-8 and UTF-16 only: a message then
            assert "encodings" in read_one(path, TODAY)[2]
            continue
        items = read_items(path, TODAY)
        expected = [] if why == "a namespace declared below the root" else ["建立小组"]  # its cells are not ODF's
        assert [i.item for i in items] == expected, why


def test_the_cut_keeps_what_may_be_ours_and_copes_with_odd_but_exact_bytes() -> None:
    from sanhui.odf.ledger_reader import only_tables

    odd = {
        "序号 as a character reference": _content(OUR_TABLE.replace("序号", "&#x5E8F;号")),
        "序号 split by a span": _content(OUR_TABLE.replace("序号", "序<text:span>号</text:span>")),
        "ours nested in a layout table": _content(
            "<table:table><table:table-row><table:table-cell>" + OUR_TABLE
            + "</table:table-cell></table:table-row></table:table>"),
        "'>' and single quotes in the root's attributes": _content(OUR_TABLE).replace(
            b"<office:document-content ", b"<office:document-content office:version='1.3' a=\"x>y\" "),
        "tags spread over lines": _content(OUR_TABLE.replace("<table:table>", "<table:table\n>", 1).replace(
            "</table:table>", "</table:table\n >")),
        "a byte-order mark and a declaration": b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>\n"
                                               + _content(OUR_TABLE),
    }
    for why, data in odd.items():
        cut, whole = _both_ways(data)
        assert cut is not None and cut == whole, why
        assert [rows[1][1] for rows in whole] == ["建立小组"], why
    someone_elses = _content("<table:table>" + _cells(_p("姓名"), _p("签到")) + "</table:table>")
    assert b"<table:table>" not in (only_tables(someone_elses) or b"<table:table>")  # not even parsed


def test_a_part_broken_only_outside_its_tables_is_still_read(tmp_path: Path) -> None:
    """What is not cut out is not parsed: the items of a part whose tables are whole are read."""
    data = _content(OUR_TABLE + "<text:p>unclosed <text:span></text:p>")
    [item] = read_items(_zip(tmp_path / "x.odt", "content.xml", data), TODAY)
    assert item.item == "建立小组"
    broken_table = _content(OUR_TABLE.replace("</table:table-row>", "", 1))
    (tmp_path / "y").mkdir()
    _, found, error = next(scan(_zip(tmp_path / "y" / "y.odt", "content.xml", broken_table).parent, TODAY))
    assert found is None and "not well-formed" in error


def test_copies_of_one_document_count_once_and_edited_copies_both_stay(tmp_path: Path) -> None:
    from sanhui.model.ledger import merge_copies, sorted_items

    rows = (("建立联合攻关小组", "张三", "2023-10-31"), ("共享培训资源", "李四", "2023-12-31"))
    _minutes(tmp_path / "纪要.odt", rows)
    (tmp_path / "纪要.docx").write_bytes(b"")  # replaced below by the same items read from a .docx
    odt_items = read_items(tmp_path / "纪要.odt", TODAY)
    docx_items = [i.__class__(**{**i.__dict__, "source": "纪要.docx"}) for i in odt_items]
    edited = _minutes(tmp_path / "纪要-改.odt", (("建立联合攻关小组", "王五", "2023-10-31"),))
    merged = sorted_items(merge_copies(docx_items + odt_items + read_items(edited, TODAY)))
    assert [(i.item, i.owner, i.source) for i in merged] == [
        ("建立联合攻关小组", "王五", "纪要-改.odt"),
        ("建立联合攻关小组", "张三", "纪要.docx、纪要.odt"),
        ("共享培训资源", "李四", "纪要.docx、纪要.odt"),
    ]
    assert merge_copies(odt_items + odt_items) == odt_items  # one file read twice is not two copies


def test_the_documents_of_a_folder_in_order_without_lock_files_or_endless_links(tmp_path: Path) -> None:
    import os

    from sanhui.odf.ledger_reader import documents

    for name in ("b/2.odt", "b/1.DOCX", "a/c/3.odt", "0.odt", "a b/4.odt", "b/.~lock.1.DOCX#", "b/~$1.docx",
                 "b/note.txt", "b/dir.odt/5.odt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    os.symlink(tmp_path, tmp_path / "b" / "up")  # a link back up: not followed
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)  # a folder one may not read (root may: then it is simply empty)
    found = [str(p.relative_to(tmp_path)) for p in documents(tmp_path)]
    assert found == ["0.odt", "a/c/3.odt", "a b/4.odt", "b/1.DOCX", "b/2.odt", "b/dir.odt/5.odt"]
