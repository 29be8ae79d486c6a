"""The member roll: typed on the options page (forms/roster_form.py) and imported from the sheets
secretaries keep (forms/roster_import.py) — real CSV files in the encodings Chinese Excel writes and
real XLSX files written here byte by byte, hostile ones included."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Sequence
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanhui.forms.errors import FormError
from sanhui.forms.roster_form import (
    FULL_WORDS,
    MAX_ROLL,
    PROBATIONARY_WORDS,
    format_roll,
    is_committee_word,
    parse_roll,
    roll_counts,
    roll_summary,
    split_line,
    unknown_groups,
)
from sanhui.forms.roster_import import MAX_PART, ImportedRoll, read_roster, roll_from_rows
from sanhui.i18n import FIELD_LABELS
from sanhui.model.profile import BranchProfile, Member, PartyGroup

ROLL = (
    Member("王书记", "第一党小组", committee=True),
    Member("张三", "第一党小组"),
    Member("李四", "第二党小组", probationary=True),
    Member("赵六"),
)


def refused(raw: object) -> FormError:
    with pytest.raises(FormError) as caught:
        parse_roll(raw)
    return caught.value


# --- typed on the page --------------------------------------------------------------------------

def test_one_member_a_line_name_group_probationary_committee() -> None:
    typed = "王书记 第一党小组 支委\n张三 第一党小组\n\n李四 第二党小组 预备\n赵六\n"
    assert parse_roll(typed) == ROLL


@pytest.mark.parametrize(("line", "member"), [
    ("张三", Member("张三")),
    ("张三 第一党小组", Member("张三", "第一党小组")),
    ("张三 预备", Member("张三", probationary=True)),
    ("张三 预备党员 第一党小组", Member("张三", "第一党小组", probationary=True)),
    ("张三 正式党员 第一党小组", Member("张三", "第一党小组")),
    ("张三 第一党小组 正式", Member("张三", "第一党小组")),
    ("张三 支委 预备 第一党小组", Member("张三", "第一党小组", True, True)),
    ("张三 第一党小组 书记", Member("张三", "第一党小组", committee=True)),
    ("张三 组织委员", Member("张三", committee=True)),
    ("张三 纪检委员", Member("张三", committee=True)),
    ("  张三\u3000第一党小组  ", Member("张三", "第一党小组")),
    ("张三，第一党小组，预备", Member("张三", "第一党小组", probationary=True)),
    ("张三、第一党小组", Member("张三", "第一党小组")),
    ("张三\t第一党小组\t正式党员\t支委", Member("张三", "第一党小组", committee=True)),  # pasted from a sheet
    ("张三\t\t预备党员\t", Member("张三", probationary=True)),  # empty cells
    ("John Smith，Group 1", Member("John Smith", "Group 1")),
    ("阿依古丽·买买提 第二党小组", Member("阿依古丽·买买提", "第二党小组")),
])
def test_a_line(line: str, member: Member) -> None:
    assert parse_roll(line) == (member,)


def test_a_pasted_header_row_is_skipped_and_any_line_ending_read() -> None:
    pasted = "姓名\t党小组\t党员类别\t是否支委\r\n张三\t第一党小组\t正式党员\t是\r\n李四\t第一党小组\t预备党员\t\r\n"
    assert parse_roll(pasted.replace("\t是", "\t支委")) == (
        Member("张三", "第一党小组", committee=True), Member("李四", "第一党小组", probationary=True))
    assert parse_roll("") == parse_roll(None) == parse_roll("\n \n") == ()


def test_the_page_shows_a_roll_as_text_that_reads_back_the_same() -> None:
    shown = format_roll(ROLL)
    assert shown == "王书记 第一党小组 支委\n张三 第一党小组\n李四 第二党小组 预备\n赵六"
    assert parse_roll(shown) == ROLL
    odd = (Member("John Smith", "Group 1", True, True), Member("张三"))
    assert format_roll(odd) == "John Smith，Group 1，预备，支委\n张三"
    assert parse_roll(format_roll(odd)) == odd


def test_split_line() -> None:
    assert split_line("  张三   第一党小组 ") == ["张三", "第一党小组"]
    assert split_line("John  Smith, Group 1") == ["John Smith", "Group 1"]
    assert split_line("   ") == []


def test_a_name_twice_is_refused_naming_both_lines() -> None:
    exc = refused("张三 第一党小组\n李四\n张三 第二党小组")
    assert (exc.field, exc.key) == ("Roll", "roll_duplicate")
    assert exc.message("zh") == ("党员名册（Roll）中“张三”出现了两次（第 1 行和第 3 行）。"
                                 "如确有同名党员，请加以区分，如“张三（大）”。")
    assert exc.message("en").startswith("Member roll (Roll): “张三” appears twice (lines 1 and 3).")


def test_a_word_that_is_no_group_is_named_with_its_line() -> None:
    exc = refused("张三\n李四 第一党小组 男 1970年")
    assert (exc.field, exc.key) == ("Roll", "roll_line_unclear")
    assert exc.params["line"] == 2 and exc.params["word"] == "男"
    zh = exc.message("zh")
    assert zh.startswith("党员名册（Roll）第 2 行“李四 第一党小组 男 1970年”中的“男”无法识别。")
    assert "姓名 党小组 预备 支委" in zh
    assert exc.message("en").startswith("Member roll (Roll), line 2 “李四 第一党小组 男 1970年”: “男” cannot be read.")


def test_a_line_must_start_with_the_name() -> None:
    exc = refused("张三\n预备 李四")
    assert (exc.key, exc.params["line"]) == ("roll_name_first", 2)
    assert exc.message("zh") == "党员名册（Roll）第 2 行“预备 李四”应以姓名开头。"


@pytest.mark.parametrize(("typed", "key"), [
    ("张" * 51, "roll_line_too_long"),
    ("张三 " + "组" * 51, "roll_line_too_long"),
    ("张\x07三", "control_chars"),
    (3.5, "wrong_type"),
    ("\n".join(f"党员{i}" for i in range(MAX_ROLL + 1)), "roll_too_many"),
])
def test_limits(typed: object, key: str) -> None:
    exc = refused(typed)
    assert (exc.field, exc.key) == ("Roll", key)
    assert "党员名册（Roll）" in exc.message("zh") and "Member roll" in exc.message("en")
    assert "{" not in exc.message("zh") + exc.message("en")


def test_the_limits_themselves_are_accepted() -> None:
    assert parse_roll("张" * 50 + " " + "组" * 50)[0].group == "组" * 50
    assert len(parse_roll("\n".join(f"党员{i}" for i in range(MAX_ROLL)))) == MAX_ROLL


def test_counts_and_the_status_line() -> None:
    assert roll_counts(ROLL) == {"total": 4, "full": 3, "probationary": 1, "committee": 1}
    profile = BranchProfile(groups=(PartyGroup("第一党小组", "张三"),), member_count=5)
    assert roll_summary(ROLL, profile, "zh") == (
        "共 4 人，正式 3，预备 1，支委 1。\n"
        "注意：党小组“第二党小组”不在“支部信息”的党小组中。\n"
        "注意：“支部信息”中的正式党员人数为 5，名册中正式党员 3 人。")
    assert roll_summary(ROLL, BranchProfile(), "en") == (
        "4 members: 3 full, 1 probationary, 1 on the committee.")
    assert roll_summary((), BranchProfile(), "zh") == "名册为空：签到表将留出空白行，手写姓名。"


def test_unknown_groups_only_when_the_profile_lists_groups() -> None:
    assert unknown_groups(ROLL, ()) == []
    assert unknown_groups(ROLL, (PartyGroup("第一党小组"),)) == ["第二党小组"]
    assert unknown_groups(ROLL, (PartyGroup("第一党小组"), PartyGroup("第二党小组"))) == []


def test_the_new_fields_have_labels() -> None:
    assert FIELD_LABELS["Roll"] == {"zh": "党员名册", "en": "Member roll"}
    assert FIELD_LABELS["RosterFile"]["zh"] == "导入的表格"


# --- CSV ----------------------------------------------------------------------------------------

SHEET = [
    ["机关第一党支部党员名册", "", "", ""],  # a title above the header, as sheets have
    ["序号", "姓名", "所在党小组", "党员类别", "党内职务"],
    ["1", "王书记", "第一党小组", "正式党员", "书记"],
    ["2", "张三", "第一党小组", "正式党员", ""],
    ["3", "", "", "", ""],
    ["4", "李四", "第二党小组", "预备党员", ""],
    ["5", "赵六", "", "", "组织委员"],
    ["6", "钱七", "第二党小组", "入党积极分子", ""],
]
EXPECTED = (
    Member("王书记", "第一党小组", committee=True),
    Member("张三", "第一党小组"),
    Member("李四", "第二党小组", probationary=True),
    Member("赵六", committee=True),
)


def csv_bytes(rows: Sequence[Sequence[str]], encoding: str = "utf-8", delimiter: str = ",",
              newline: str = "\r\n") -> bytes:
    text = newline.join(delimiter.join(cells) for cells in rows) + newline
    return text.encode(encoding)


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","),
    ("utf-8-sig", ","),  # Excel's “CSV UTF-8”
    ("gbk", ","),  # Chinese Excel's plain “CSV”
    ("gb18030", "\t"),
    ("utf-8", ";"),
    ("utf-16", "\t"),  # Excel's “Unicode text”: UTF-16 with a BOM, tab-separated
])
def test_a_csv_in_the_encodings_chinese_excel_writes(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(csv_bytes(SHEET, encoding, delimiter))
    imported = read_roster(path.read_bytes(), path.name)
    assert imported.members == EXPECTED
    assert imported.header_row == 2
    assert imported.no_name == 1
    assert imported.other == ((8, "入党积极分子"),)


def test_a_gbk_file_with_rare_characters_is_read_as_gb18030() -> None:
    data = csv_bytes([["姓名", "党小组"], ["䶮张", "第一党小组"], ["𠀾", ""]], "gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    assert [m.name for m in read_roster(data).members] == ["䶮张", "𠀾"]


def test_quoted_cells_and_lf_line_ends() -> None:
    data = csv_bytes([["姓名", "党小组", "是否支委"], ['"张三"', '"第一,党小组"', "否"]], newline="\n")
    with pytest.raises(FormError) as caught:  # a comma inside a group cannot go into the roll
        read_roster(data, "a.csv")
    assert caught.value.key == "import_bad_cell"
    data = csv_bytes([["姓名", "党小组", "是否支委"], ['"张三"', '"第一党小组"', "是"], ["李四", "", "否"]],
                     newline="\n")
    assert read_roster(data).members == (Member("张三", "第一党小组", committee=True), Member("李四"))


@pytest.mark.parametrize(("header", "value", "member"), [
    ("身份", "预备", Member("张三", probationary=True)),
    ("类别", "正式", Member("张三")),
    ("是否支委", "√", Member("张三", committee=True)),
    ("是否支委", "Y", Member("张三", committee=True)),
    ("是否支委", "否", Member("张三")),
    ("职务", "党小组组长", Member("张三")),
    ("职务", "宣传委员", Member("张三", committee=True)),
    ("职务", "副书记", Member("张三", committee=True)),
    ("党小组", "退休党小组", Member("张三", "退休党小组")),
    ("*姓名", "", Member("张三")),  # a marked required column still is the name
])
def test_header_names_and_values(header: str, value: str, member: Member) -> None:
    rows = [(1, ["*姓名"]), (2, ["张三"])] if header == "*姓名" else [(1, ["姓名", header]), (2, ["张三", value])]
    assert roll_from_rows(rows).members == (member,)


def test_no_name_column_says_what_is_missing_and_what_was_found() -> None:
    data = csv_bytes([["名单", "小组"], ["张三", "第一党小组"]])
    with pytest.raises(FormError) as caught:
        read_roster(data, "名单.csv")
    exc = caught.value
    assert (exc.field, exc.key) == ("RosterFile", "import_no_name_column")
    assert exc.message("zh") == ("导入的表格（RosterFile）“名单.csv”的前 20 行中找不到“姓名”列"
                                 "（第一行是：名单、小组）。请确认表头有一列叫“姓名”。")
    assert "no column headed 姓名 (name)" in exc.message("en")


@pytest.mark.parametrize(("data", "key"), [
    (csv_bytes([["姓名"], ["张三"], ["李四"], ["张三"]]), "import_duplicate"),
    (csv_bytes([["姓名", "党小组"], ["", "第一党小组"]]), "import_no_members"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "import_not_table"),  # an .xls: through LibreOffice
    (b"\x00\x01\x02binary", "import_not_table"),
    (b"\xff\xfe\x00\xd8", "import_encoding"),  # a lone surrogate in UTF-16
    (b"x" * (20 * 1024 * 1024 + 1), "import_too_big"),
    (b"\xe5\xa7\x93\xe5\x90\x8d\n\x81", "import_encoding"),  # UTF-8 header, a byte GB18030 cannot end
])
def test_files_that_are_refused(data: bytes, key: str) -> None:
    with pytest.raises(FormError) as caught:
        read_roster(data, "x")
    assert (caught.value.field, caught.value.key) == ("RosterFile", key)
    assert "导入的表格（RosterFile）" in caught.value.message("zh") or key == "import_read_failed"


def test_duplicates_name_the_rows_of_the_sheet() -> None:
    with pytest.raises(FormError) as caught:
        read_roster(csv_bytes([["标题"], ["姓名"], ["张三"], ["张三"]]), "a.csv")
    assert caught.value.params == {"file": "a.csv", "name": "张三", "first": 3, "row": 4}


# --- XLSX ---------------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell(ref: str, value: object, strings: Optional[List[str]] = None, inline: bool = False) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if inline or strings is None:
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'
    strings.append(str(value))
    return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'


def xlsx(rows: Sequence[Sequence[object]], inline: bool = False, sheets: Optional[Dict[str, str]] = None,
         shared: Optional[str] = None, first_target: str = "worksheets/sheet1.xml") -> bytes:
    """A minimal workbook as Excel writes it: content types, workbook, its relationships, shared
    strings and sheet1 (or the parts given)."""
    strings: List[str] = []
    body = "".join(
        f'<row r="{r}">' + "".join(cell(f"{chr(65 + c)}{r}", v, strings, inline) for c, v in enumerate(cells)
                                   if v != "") + "</row>"
        for r, cells in enumerate(rows, 1))
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}"><sheetData>{body}' \
            "</sheetData></worksheet>"
    if shared is None:
        shared = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(strings)}">' + "".join(
            f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                           '<sheet name="名册" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>'
                           "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                                      'package/2006/relationships">'
                                      f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
                                      f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="{first_target}"/>'
                                      "</Relationships>",
        "xl/sharedStrings.xml": shared,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/worksheets/sheet2.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                                    "<is><t>说明</t></is></c></row></sheetData></worksheet>",
    }
    parts.update(sheets or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("inline", [False, True])
def test_an_xlsx_with_shared_or_inline_strings(tmp_path: Path, inline: bool) -> None:
    path = tmp_path / "名册.xlsx"
    path.write_bytes(xlsx(SHEET, inline=inline))
    imported = read_roster(path.read_bytes(), path.name)
    assert imported == ImportedRoll(EXPECTED, 2, 1, ((8, "入党积极分子"),))


def test_xlsx_numbers_rich_text_and_phonetic_guides() -> None:
    shared = (f'<sst xmlns="{MAIN}"><si><t>姓名</t></si><si><t>党小组</t></si>'
              "<si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r></si>"  # rich text: runs joined
              '<si><t>李四</t><rPh sb="0" eb="2"><t>リシ</t></rPh></si></sst>')  # ruby left out
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData>'
             '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row>'
             '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>1.0</v></c></row>'
             '<row r="5"><c t="s"><v>3</v></c><c><v>2</v></c></row>'  # cells without references
             '<row r="9"><c r="B9"><v>3</v></c></row>'
             "</sheetData></worksheet>")
    data = xlsx([], shared=shared, sheets={"xl/worksheets/sheet1.xml": sheet})
    imported = read_roster(data)
    assert imported.members == (Member("张三", "1"), Member("李四", "2"))
    assert (imported.header_row, imported.no_name) == (3, 1)


def test_the_first_sheet_is_found_through_the_workbook() -> None:
    moved = xlsx([["说明"]], sheets={"xl/worksheets/roll.xml": (
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c></row></sheetData></worksheet>')},
        first_target="/xl/worksheets/roll.xml")
    assert read_roster(moved).members == (Member("张三"),)


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  f'<sst xmlns="{MAIN}"><si><t>&lol3;</t></si></sst>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c>'
            "</row></sheetData></worksheet>")


@pytest.mark.parametrize("parts", [
    {"xl/sharedStrings.xml": BILLION_LAUGHS},
    {"xl/worksheets/sheet1.xml": EXTERNAL},
    {"xl/workbook.xml": f'<!DOCTYPE workbook SYSTEM "http://example.org/x.dtd"><workbook xmlns="{MAIN}"/>'},
])
def test_xml_with_a_dtd_or_entities_is_refused(parts: Dict[str, str]) -> None:
    data = xlsx(SHEET)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, parts.get(name, source.read(name)))
    with pytest.raises(FormError) as caught:
        read_roster(out.getvalue(), "bomb.xlsx")
    assert (caught.value.field, caught.value.key) == ("RosterFile", "import_unsafe")
    assert "DTD" in caught.value.message("zh")


def test_a_part_that_unpacks_too_big_is_refused_without_unpacking_it_all() -> None:
    """34 MiB of blanks compress to some 34 KiB; the zip's header could claim anything."""
    huge = f'<worksheet xmlns="{MAIN}"><sheetData>' + " " * (MAX_PART + 1024 * 1024) + "</sheetData></worksheet>"
    data = xlsx(SHEET, sheets={"xl/worksheets/sheet1.xml": huge})
    assert len(data) < 200_000
    with pytest.raises(FormError) as caught:
        read_roster(data, "huge.xlsx")
    assert caught.value.key == "import_too_big"
    assert "MiB" in caught.value.message("en")


@pytest.mark.parametrize(("data", "key"), [
    (xlsx(SHEET)[:300], "import_broken"),  # cut off
    (xlsx(SHEET, sheets={"xl/worksheets/sheet1.xml": "<worksheet><sheetData><row>"}), "import_broken"),
    (b"PK\x03\x04" + bytes(100), "import_broken"),
])
def test_broken_xlsx(data: bytes, key: str) -> None:
    with pytest.raises(FormError) as caught:
        read_roster(data, "broken.xlsx")
    assert caught.value.key == key


def test_a_zip_that_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(FormError) as caught:
        read_roster(out.getvalue(), "a.odt")
    assert caught.value.key == "import_not_table"


def test_an_imported_roll_is_what_the_page_then_reads() -> None:
    imported = read_roster(xlsx(SHEET))
    assert parse_roll(format_roll(imported.members)) == imported.members


def test_utf8_bom_is_not_part_of_the_first_header() -> None:
    data = codecs.BOM_UTF8 + "姓名,党小组\n张三,第一党小组\n".encode()
    assert read_roster(data).members == (Member("张三", "第一党小组"),)


# --- properties ---------------------------------------------------------------------------------

_WORD = st.text(alphabet=st.sampled_from("张王李赵钱孙第一二党小组退休机关 ·AbcJohn"), min_size=1, max_size=12).map(
    lambda s: " ".join(s.split())).filter(
    lambda s: bool(s) and s not in PROBATIONARY_WORDS | FULL_WORDS and not is_committee_word(s))
_MEMBER = st.builds(Member, _WORD, st.one_of(st.just(""), _WORD), st.booleans(), st.booleans())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MEMBER, max_size=12, unique_by=lambda m: m.name))
def test_any_roll_reads_back_as_it_is_shown(members: List[Member]) -> None:
    assert parse_roll(format_roll(members)) == tuple(members)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_typed_text_is_a_roll_or_refused_naming_the_field(typed: str) -> None:
    try:
        members = parse_roll(typed)
    except FormError as exc:
        assert exc.field == "Roll"
        assert "党员名册（Roll）" in exc.message("zh") and "Member roll" in exc.message("en")
    else:
        assert parse_roll(format_roll(members)) == members


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(lambda b: b"PK\x03\x04" + b),
                 st.integers(0, 3000).flatmap(lambda cut: st.just(_GOOD_XLSX[:cut] + _GOOD_XLSX[cut + 7:]))))
def test_any_bytes_are_a_roll_or_refused_naming_the_sheet(data: bytes) -> None:
    """Untrusted input: whatever the file holds, the reader answers with a roll or a FormError."""
    try:
        imported = read_roster(data, "x")
    except FormError as exc:
        assert exc.field == "RosterFile"
        exc.message("zh"), exc.message("en")
    else:
        assert imported.members


_GOOD_XLSX = xlsx(SHEET)


def test_a_damaged_deflate_stream_is_a_broken_file() -> None:
    data = bytearray(xlsx(SHEET))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 2, start + 12):
        data[offset] ^= 0x5A
    with pytest.raises(FormError) as caught:
        read_roster(bytes(data), "broken.xlsx")
    assert caught.value.key == "import_broken"
