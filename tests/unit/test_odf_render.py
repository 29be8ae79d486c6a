"""The rendered fragment, unzipped and read as Writer would: a valid ODF 1.3 package whose
paragraphs, numbering, 备注 and styles are the seed plan's, set out by GB/T 9704."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional, Set

import pytest

from sanhui.content.pack import ContentPack, load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import Entry, MonthPlan, NotesMode, Paragraph, Part
from sanhui.odf import gbt9704 as gb
from sanhui.odf.package import MIMETYPE
from sanhui.odf.plan_writer import NOTE_AUTHOR, TITLE_STYLE, RenderOptions
from sanhui.odf.render import render_plan
from sanhui.odf.styles import DISPLAY_NAMES, StyleName, style_names
from tests.odf_schema import assert_valid_odt, odt_errors
from tests.unit.odf_reading import (
    annotations,
    canonical,
    iter_styles,
    level_formats,
    numbered,
    office_text,
    paragraph_text,
    paragraphs,
    parse,
    q,
    read_odt,
    unzip,
)
from tests.unit.seed import LABELS, SeedLine, read_seed, seed_part

REPO = Path(__file__).resolve().parents[2]
STAMP = datetime(2023, 9, 1, 10, 0, 5, 123456)
MONTH = "2023年9月"
MEETINGS: List[Optional[Meeting]] = [None, *PLAN_ORDER]
FREE_FONTS = {"Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai", "AR PL UKai CN", "AR PL UMing CN"}


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack()


def render(pack: ContentPack, meeting: Optional[Meeting] = None, notes: NotesMode = NotesMode.COMMENTS,
           **options: Any) -> bytes:
    plan = build_plan(pack, meeting, MONTH, notes_mode=notes)
    return render_plan(plan, RenderOptions(stamp=STAMP, **options))


def render_tree(plan: MonthPlan, **options: Any) -> bytes:
    return render_plan(plan, RenderOptions(stamp=STAMP, **options))


def expected_lines(meeting: Optional[Meeting], notes: NotesMode) -> List[str]:
    """The seed as the document should read: title (month plan only), labels, 备注 by mode."""
    title, lines = read_seed()
    if meeting is not None:
        lines = seed_part(meeting.position)
    out = [title] if meeting is None else []
    for line in lines:
        if line.kind == "note":
            if notes is NotesMode.BODY:
                out.append(f"（备注：{line.text}）")
        else:
            out.append(line.label + line.text)
    return out


# --- the package ---------------------------------------------------------------------------------

@pytest.mark.parametrize("meeting", MEETINGS)
@pytest.mark.parametrize("notes", list(NotesMode))
@pytest.mark.parametrize("sentinels", [False, True])
def test_valid_against_the_odf_13_schema(pack: ContentPack, meeting: Optional[Meeting], notes: NotesMode,
                                         sentinels: bool) -> None:
    assert_valid_odt(render(pack, meeting, notes, sentinels=sentinels))


def test_package_layout(pack: ContentPack) -> None:
    data = render(pack)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert not infos[0].extra  # readers find the media type at byte 38
        assert zf.read("mimetype") == MIMETYPE.encode("ascii")
        assert sorted(zf.namelist()) == ["META-INF/manifest.xml", "content.xml", "mimetype", "styles.xml"]
    assert data[30:38] == b"mimetype" and data[38:38 + len(MIMETYPE)] == MIMETYPE.encode()


def test_manifest_lists_every_part(pack: ContentPack) -> None:
    manifest = read_odt(render(pack)).manifest
    entries = {e.get(q("manifest:full-path")): e.get(q("manifest:media-type"))
               for e in manifest.iter(q("manifest:file-entry"))}
    assert entries == {"/": MIMETYPE, "content.xml": "text/xml", "styles.xml": "text/xml"}
    assert manifest.get(q("manifest:version")) == "1.3"


def test_schema_helper_reports_errors() -> None:
    """The helper itself: a broken part is named with the schema's complaint."""
    files = unzip(render(load_pack()))
    files["content.xml"] = files["content.xml"].replace(b'office:version="1.3"', b'office:version="1.3" bogus="1"', 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("content.xml", files["content.xml"])  # mimetype missing, too
        zf.writestr("styles.xml", files["styles.xml"])
        zf.writestr("META-INF/manifest.xml", files["META-INF/manifest.xml"])
        zf.writestr("extra.xml", b"<x/>")
    errors = odt_errors(buffer.getvalue())
    assert "mimetype is not the first file of the package" in errors
    assert any(e.startswith("content.xml:") for e in errors)
    assert "extra.xml is not listed in the manifest" in errors
    with pytest.raises(AssertionError, match=r"content\.xml"):
        assert_valid_odt(buffer.getvalue())
    assert odt_errors(b"not a zip")[0].startswith("not a zip package")


def test_schema_helper_takes_a_path(pack: ContentPack, tmp_path: Path) -> None:
    path = tmp_path / "plan.odt"
    path.write_bytes(render(pack))
    assert_valid_odt(path)
    assert_valid_odt(str(path))


# --- what the reader sees: the seed, numbered by the list style -----------------------------------

@pytest.mark.parametrize("meeting", MEETINGS)
@pytest.mark.parametrize("notes", list(NotesMode))
def test_the_document_reads_like_the_seed(pack: ContentPack, meeting: Optional[Meeting], notes: NotesMode) -> None:
    odt = read_odt(render(pack, meeting, notes))
    assert numbered(odt.content, odt.styles) == expected_lines(meeting, notes)


def test_a_single_meeting_keeps_its_number(pack: ContentPack) -> None:
    odt = read_odt(render(pack, Meeting.GENERAL))
    lines = numbered(odt.content, odt.styles)
    assert lines[0] == "二、党员大会方案"
    assert "（一）第一议题" in lines


def test_no_number_is_typed_into_the_text(pack: ContentPack) -> None:
    for notes in NotesMode:
        content = read_odt(render(pack, None, notes)).content
        typed = [p.text for p in paragraphs(content) if any(label.match(p.text) for _, label in LABELS)]
        assert typed == []


@pytest.mark.parametrize("meeting", MEETINGS)
def test_every_list_continues_the_first(pack: ContentPack, meeting: Optional[Meeting]) -> None:
    """One logical list: Writer renumbers the rest when a section is deleted."""
    body = office_text(read_odt(render(pack, meeting, NotesMode.BODY, note_prefix="sanhui-x")).content)
    tops = [el for el in body if el.tag == q("text:list")]
    assert tops[0].get(q("xml:id")) == "sanhui-x-list"
    assert all(t.get(q("text:continue-list")) == "sanhui-x-list" for t in tops[1:])
    assert {t.get(q("text:style-name")) for t in tops} == {StyleName.NUMBERING}
    starts = [item.get(q("text:start-value")) for item in body.iter(q("text:list-item"))
              if item.get(q("text:start-value"))]
    assert starts == [str(1 if meeting is None else meeting.position)]  # the first item only


@pytest.mark.parametrize("notes", list(NotesMode))
def test_paragraph_styles_follow_the_tree(pack: ContentPack, notes: NotesMode) -> None:
    content = read_odt(render(pack, None, notes)).content
    paras = paragraphs(content)
    assert paras[0].style == TITLE_STYLE and paras[0].depth == 0
    for para in paras[1:]:
        if para.depth:
            assert para.style == StyleName.HEADING[para.depth - 1], para.text
        elif para.text.startswith("（备注："):
            assert para.style == StyleName.NOTE
        else:
            assert para.style == StyleName.BODY, para.text


@pytest.mark.parametrize("meeting", MEETINGS)
@pytest.mark.parametrize("notes", list(NotesMode))
def test_paragraph_count_is_what_the_summary_reports(pack: ContentPack, meeting: Optional[Meeting],
                                                     notes: NotesMode) -> None:
    plan = build_plan(pack, meeting, MONTH, notes_mode=notes)
    content = read_odt(render_tree(plan)).content
    assert len(paragraphs(content)) == plan.paragraph_count()


# --- 备注 in the three modes ---------------------------------------------------------------------

def seed_notes(meeting: Optional[Meeting]) -> List[SeedLine]:
    lines = read_seed()[1] if meeting is None else seed_part(meeting.position)
    return [line for line in lines if line.kind == "note"]


def note_owners(meeting: Optional[Meeting]) -> List[tuple]:
    """(paragraph text, note) for each seed 备注: the paragraph it follows."""
    lines = read_seed()[1] if meeting is None else seed_part(meeting.position)
    out, owner = [], ""
    for line in lines:
        if line.kind == "note":
            out.append((owner, line.text))
        else:
            owner = line.text
    return out


@pytest.mark.parametrize("meeting", MEETINGS)
def test_comments_mode_anchors_each_note_to_its_paragraph(pack: ContentPack, meeting: Optional[Meeting]) -> None:
    content = read_odt(render(pack, meeting, NotesMode.COMMENTS, note_prefix="sanhui-1a2b")).content
    found = []
    names: List[str] = []
    for ann in annotations(content):
        p = ann.getparent()
        name = ann.get(q("office:name"))
        names.append(name)
        assert ann.findtext(q("dc:creator")) == NOTE_AUTHOR
        assert ann.findtext(q("dc:date")) == "2023-09-01T10:00:05"
        texts = [paragraph_text(x) for x in ann.iter(q("text:p"))]
        assert len(texts) == 1 and texts[0].startswith("备注：")
        # ranged: opens before the paragraph's text, closes before its last character (an end
        # mark at the very end of a full line prints as a blank line in Writer 7.4)
        assert p.index(ann) == 0 and not p.text
        ends = [e for e in p.iter(q("office:annotation-end")) if e.get(q("office:name")) == name]
        assert len(ends) == 1
        assert p.index(ends[0]) > p.index(ann)
        assert p[-1].tag == q("office:annotation-end") and p[-1].tail == paragraph_text(p)[-1]
        found.append((paragraph_text(p), texts[0][len("备注："):]))
    assert found == note_owners(meeting)
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"sanhui-1a2b-\d+", n) for n in names)
    assert not [p for p in paragraphs(content) if p.style == StyleName.NOTE]


def test_comments_mode_has_twelve_comments_for_the_month(pack: ContentPack) -> None:
    assert len(annotations(read_odt(render(pack)).content)) == 12


def test_two_notes_on_one_paragraph_nest_their_ranges() -> None:
    plan = MonthPlan(title=None, parts=(Part(Meeting.COMMITTEE, Entry("支委会方案", notes=("甲", "乙"))),))
    content = read_odt(render_tree(plan, note_prefix="n")).content
    p = paragraphs(content)[0].element
    assert [(child.tag.split("}")[1], child.get(q("office:name"))) for child in p] == [
        ("annotation", "n-1"), ("annotation", "n-2"), ("annotation-end", "n-2"), ("annotation-end", "n-1")]
    assert paragraph_text(p) == "支委会方案"
    assert p[-1].tail == "案"


def test_notes_from_comments_keep_their_author_and_date_in_order() -> None:
    """FormatAsPlan passes who wrote each comment it read as a note: the note, however its 备注：
    is written, is that person's comment again; two comments of one text keep their order; a note
    nobody wrote as a comment is the extension's."""
    from sanhui.model.plan import note_key

    child = Entry("第一议题", notes=("同上", "新写的"))
    entry = Entry("支委会方案", notes=("请写明联建单位", "同上"), children=(child,))
    plan = MonthPlan(title=None, parts=(Part(Meeting.COMMITTEE, entry),))
    origins = {note_key("备注： 请写明联建单位"): [("李书记", datetime(2023, 8, 30, 10, 5, 0, 999))],
               note_key("同上"): [("王委员", datetime(2023, 8, 29, 16, 0)), ("张委员", datetime(2023, 8, 28, 9, 0))]}
    content = read_odt(render_tree(plan, note_origins=origins)).content
    got = [(ann.findtext(q("dc:creator")), ann.findtext(q("dc:date")),
            paragraph_text(next(ann.iter(q("text:p"))))) for ann in annotations(content)]
    assert got == [("李书记", "2023-08-30T10:05:00", "备注：请写明联建单位"),
                   ("王委员", "2023-08-29T16:00:00", "备注：同上"),
                   ("张委员", "2023-08-28T09:00:00", "备注：同上"),
                   (NOTE_AUTHOR, "2023-09-01T10:00:05", "备注：新写的")]
    assert origins[note_key("同上")][0][0] == "王委员"  # the caller's lists are left as they were
    assert note_key("备注:备注： 甲 ") == note_key("甲") == "甲"


@pytest.mark.parametrize("meeting", MEETINGS)
def test_body_mode_puts_each_note_after_its_paragraph(pack: ContentPack, meeting: Optional[Meeting]) -> None:
    content = read_odt(render(pack, meeting, NotesMode.BODY)).content
    assert annotations(content) == []
    found = []
    owner = ""
    for para in paragraphs(content):
        if para.style == StyleName.NOTE:
            assert para.depth == 0  # a plain paragraph, not a numbered one
            found.append((owner, para.text))
        else:
            owner = para.text
    assert found == [(text, f"（备注：{note}）") for text, note in note_owners(meeting)]


@pytest.mark.parametrize("meeting", MEETINGS)
def test_none_mode_leaves_notes_out(pack: ContentPack, meeting: Optional[Meeting]) -> None:
    files = unzip(render(pack, meeting, NotesMode.NONE))
    content = parse(files["content.xml"])
    assert annotations(content) == []
    assert list(office_text(content).iter(q("office:annotation-end"))) == []
    assert not [p for p in paragraphs(content) if p.style == StyleName.NOTE]
    assert "备注".encode() not in files["content.xml"]
    for note in seed_notes(meeting):
        assert note.text[:12].encode() not in files["content.xml"]


# --- render options ------------------------------------------------------------------------------

@pytest.mark.parametrize("meeting", [None, Meeting.LECTURE])
def test_sentinels_add_one_empty_paragraph_at_each_end(pack: ContentPack, meeting: Optional[Meeting]) -> None:
    plain = paragraphs(read_odt(render(pack, meeting, sentinels=False)).content)
    wrapped_content = read_odt(render(pack, meeting, sentinels=True)).content
    wrapped = paragraphs(wrapped_content)
    assert len(wrapped) == len(plain) + 2
    assert [(p.style, p.text) for p in wrapped[1:-1]] == [(p.style, p.text) for p in plain]
    body = list(office_text(wrapped_content))
    for sentinel in (body[0], body[-1]):
        assert sentinel.tag == q("text:p")
        assert len(sentinel) == 0 and not sentinel.text and not sentinel.attrib
    assert [p.text for p in plain if not p.text] == []


def master_page_users(content: Any) -> List[str]:
    return [s.get(q("style:name")) for s in iter_styles(content, "paragraph") if s.get(q("style:master-page-name"))]


def test_start_page_style_puts_the_master_page_on_the_title(pack: ContentPack) -> None:
    content = read_odt(render(pack, None, start_page_style=True)).content
    assert master_page_users(content) == [TITLE_STYLE]
    style = next(iter_styles(content, "paragraph"))
    assert style.get(q("style:parent-style-name")) == StyleName.TITLE
    assert style.get(q("style:master-page-name")) == StyleName.MASTER_PAGE
    users = [p for p in paragraphs(content) if p.style == TITLE_STYLE]
    assert [p.text for p in users] == ["2023年9月“三会一课”方案"]


def test_without_start_page_style_no_paragraph_changes_the_page(pack: ContentPack) -> None:
    content = read_odt(render(pack, None, start_page_style=False)).content
    assert master_page_users(content) == []
    assert paragraphs(content)[0].style == StyleName.TITLE
    assert b"master-page-name" not in unzip(render(pack, None, start_page_style=False))["content.xml"]


def test_a_single_meeting_never_changes_the_page(pack: ContentPack) -> None:
    content = read_odt(render(pack, Meeting.COMMITTEE, start_page_style=True)).content
    assert master_page_users(content) == []


def test_comment_date_keeps_the_time_zone_and_drops_microseconds() -> None:
    stamp = datetime(2023, 9, 25, 15, 0, 0, 999, tzinfo=timezone(timedelta(hours=8)))
    plan = build_plan(load_pack(), Meeting.LECTURE, MONTH)
    data = render_plan(plan, RenderOptions(stamp=stamp))
    dates = {a.findtext(q("dc:date")) for a in annotations(read_odt(data).content)}
    assert dates == {"2023-09-25T15:00:00+08:00"}
    assert_valid_odt(data)


def test_two_renders_with_different_prefixes_share_no_names(pack: ContentPack) -> None:
    def names(prefix: str) -> Set[str]:
        content = read_odt(render(pack, note_prefix=prefix)).content
        return ({a.get(q("office:name")) for a in annotations(content)}
                | {el.get(q("xml:id")) for el in content.iter() if el.get(q("xml:id"))})

    first, second = names("sanhui-aaaa"), names("sanhui-bbbb")
    assert len(first) == 13 and len(second) == 13  # twelve comments and the list
    assert not first & second


# --- styles: defined, named, and set out by GB/T 9704 -------------------------------------------

def defined_paragraph_styles(root: Any) -> Set[str]:
    return {s.get(q("style:name")) for s in iter_styles(root, "paragraph")}


@pytest.mark.parametrize("notes", list(NotesMode))
@pytest.mark.parametrize("start_page_style", [False, True])
def test_every_style_used_is_defined(pack: ContentPack, notes: NotesMode, start_page_style: bool) -> None:
    odt = read_odt(render(pack, None, notes, start_page_style=start_page_style, sentinels=True))
    common = {s.get(q("style:name")) for s in odt.styles.find(q("office:styles")).iter(q("style:style"))}
    in_styles = defined_paragraph_styles(odt.styles)
    in_content = defined_paragraph_styles(odt.content) | common
    for root, defined in ((odt.content, in_content), (odt.styles, in_styles)):
        used = {p.get(q("text:style-name")) for p in root.iter(q("text:p"), q("text:h"))} - {None}
        assert used and used <= defined, used - defined
        parents = {s.get(q("style:parent-style-name")) for s in root.iter(q("style:style"))} - {None}
        assert parents <= common, parents - common
        fonts = {v for el in root.iter() for k, v in el.attrib.items()
                 if k in (q("style:font-name"), q("style:font-name-asian"), q("style:font-name-complex"))}
        declared = {f.get(q("style:name")) for f in root.iter(q("style:font-face"))}
        assert fonts <= declared, fonts - declared
    lists = {lst.get(q("text:style-name")) for lst in odt.content.iter(q("text:list"))} - {None}
    assert lists == {StyleName.NUMBERING}
    assert lists <= {s.get(q("style:name")) for s in odt.styles.iter(q("text:list-style"))}
    masters = {s.get(q("style:name")) for s in odt.styles.iter(q("style:master-page"))}
    assert set(master_page_users(odt.content)) <= {TITLE_STYLE}
    for s in iter_styles(odt.content, "paragraph"):
        if s.get(q("style:master-page-name")):
            assert s.get(q("style:master-page-name")) in masters
    layouts = {s.get(q("style:name")) for s in odt.styles.iter(q("style:page-layout"))}
    assert {m.get(q("style:page-layout-name")) for m in odt.styles.iter(q("style:master-page"))} <= layouts


def test_named_styles_carry_chinese_display_names(pack: ContentPack) -> None:
    styles = read_odt(render(pack)).styles
    shown = {s.get(q("style:name")): s.get(q("style:display-name"))
             for s in styles.iter(q("style:style"), q("text:list-style"), q("style:master-page"))
             if s.get(q("style:display-name"))}
    assert shown == DISPLAY_NAMES
    assert all(name.startswith("三会一课-") for name in style_names())
    assert len(set(style_names())) == len(style_names())


@pytest.mark.parametrize(("level", "num_format", "prefix", "suffix"), [
    (1, "一, 二, 三, ...", "", "、"),
    (2, "一, 二, 三, ...", "（", "）"),
    (3, "1", "", "."),
    (4, "1", "（", "）"),
])
def test_list_style_draws_chinese_numbering(pack: ContentPack, level: int, num_format: str, prefix: str,
                                           suffix: str) -> None:
    styles = read_odt(render(pack)).styles
    formats = level_formats(styles, StyleName.NUMBERING)
    assert formats[level] == {"format": num_format, "prefix": prefix, "suffix": suffix}
    assert sorted(formats) == list(range(1, 11))  # deeper levels exist for the Tab key


def test_list_labels_are_followed_by_nothing(pack: ContentPack) -> None:
    """一、支委会方案: the text starts right after the label, with no tab stop."""
    styles = read_odt(render(pack)).styles
    aligns = list(styles.iter(q("style:list-level-label-alignment")))
    assert len(aligns) == 4
    assert {a.get(q("text:label-followed-by")) for a in aligns} == {"nothing"}
    assert {a.get(q("fo:text-indent")) for a in aligns} == {gb.INDENT_TWO_CHARS}


def style_props(styles: Any, name: str, kind: str) -> Dict[str, str]:
    """One named style's properties, inherited from its parents (the way Writer resolves them)."""
    by_name = {s.get(q("style:name")): s for s in styles.iter(q("style:style"))}
    chain: List[Any] = []
    style = by_name.get(name)
    while style is not None:
        chain.append(style)
        style = by_name.get(style.get(q("style:parent-style-name")))
    props: Dict[str, str] = {}
    for style in reversed(chain):
        el = style.find(q(f"style:{kind}-properties"))
        if el is not None:
            props.update({k.split("}")[1] if "}" in k else k: v for k, v in el.attrib.items()})
    return props


def font_family(styles: Any, face: str) -> List[str]:
    for f in styles.iter(q("style:font-face")):
        if f.get(q("style:name")) == face:
            return f.get(q("svg:font-family")).split(";")
    raise AssertionError(face)


@pytest.mark.parametrize(("style", "first_font", "size"), [
    (StyleName.TITLE, "方正小标宋简体", "22pt"),
    (StyleName.HEADING[0], "黑体", "16pt"),
    (StyleName.HEADING[1], "楷体_GB2312", "16pt"),
    (StyleName.HEADING[2], "仿宋_GB2312", "16pt"),
    (StyleName.HEADING[3], "仿宋_GB2312", "16pt"),
    (StyleName.BODY, "仿宋_GB2312", "16pt"),
])
def test_gbt9704_fonts_and_sizes(pack: ContentPack, style: str, first_font: str, size: str) -> None:
    styles = read_odt(render(pack)).styles
    text = style_props(styles, style, "text")
    assert text["font-size"] == text["font-size-asian"] == text["font-size-complex"] == size
    assert text["font-name"] == text["font-name-asian"] == text["font-name-complex"]
    family = font_family(styles, text["font-name"])
    assert family[0] == first_font
    assert family[-1] in FREE_FONTS
    assert (text["language-asian"], text["country-asian"]) == ("zh", "CN")


# The Chinese fonts Windows (zh-CN) and macOS ship under the names LibreOffice sees there, where it
# tries a style's list name by name (Linux asks fontconfig for the first name only: the alias
# file in extension/fontconfig covers it). Each list must reach one of each without an alias file.
WINDOWS_FONTS = {"仿宋", "FangSong", "黑体", "SimHei", "楷体", "KaiTi", "宋体", "SimSun", "华文中宋", "STZhongsong"}
MACOS_FONTS = {"STFangsong", "STHeiti", "Heiti SC", "STKaiti", "STSong", "Songti SC", "STZhongsong"}


@pytest.mark.parametrize("key", sorted(gb.FONTS))
def test_every_font_list_reaches_a_font_windows_and_macos_have(key: str) -> None:
    family = set(gb.FONTS[key].split(";"))
    assert family & WINDOWS_FONTS, key
    assert family & MACOS_FONTS, key


def test_every_font_list_names_the_standard_first_and_a_free_font_last(pack: ContentPack) -> None:
    for root in (read_odt(render(pack)).styles, read_odt(render(pack)).content):
        faces = list(root.iter(q("style:font-face")))
        assert len(faces) == len(gb.FONTS)
        for face in faces:
            family = face.get(q("svg:font-family")).split(";")
            assert family[-1] in FREE_FONTS, family
            assert family[0] not in FREE_FONTS, family
            assert all(name == name.strip() and name for name in family)


def test_title_is_centred_and_body_justified_with_two_character_indent(pack: ContentPack) -> None:
    styles = read_odt(render(pack)).styles
    assert style_props(styles, StyleName.TITLE, "paragraph")["text-align"] == "center"
    body = style_props(styles, StyleName.BODY, "paragraph")
    assert body["text-align"] == "justify"
    assert body["text-indent"] == "32pt"  # two 16 pt characters
    assert body["line-height"] == gb.LINE_HEIGHT


def mm(value: str) -> float:
    number = float(re.fullmatch(r"([\d.]+)(mm|pt)", value).group(1))  # type: ignore[union-attr]
    return number if value.endswith("mm") else number * 25.4 / 72


def test_page_is_a4_with_the_standard_margins(pack: ContentPack) -> None:
    styles = read_odt(render(pack)).styles
    layout = styles.find(f".//{q('style:page-layout')}")
    assert layout.get(q("style:page-usage")) == "mirrored"  # 订口 inside on both sides
    page = {k.split("}")[1]: v for k, v in layout.find(q("style:page-layout-properties")).attrib.items()}
    assert (page["page-width"], page["page-height"]) == ("210mm", "297mm")
    assert (page["margin-top"], page["margin-left"], page["margin-right"]) == ("37mm", "28mm", "26mm")
    footer = layout.find(f"{q('style:footer-style')}/{q('style:header-footer-properties')}")
    # Writer counts the footer (its spacing included) into the bottom margin: 天头 37, bottom 35.
    bottom = mm(page["margin-bottom"]) + mm(footer.get(q("fo:min-height")))
    assert bottom == pytest.approx(35)
    assert mm(footer.get(q("fo:margin-top"))) == pytest.approx(7)
    type_width = 210 - mm(page["margin-left"]) - mm(page["margin-right"])
    type_height = 297 - mm(page["margin-top"]) - bottom
    assert (type_width, type_height) == pytest.approx((156, 225))
    assert int(type_height / mm(gb.LINE_HEIGHT)) == 22  # 22 lines a page


def test_page_number_is_dashed_and_on_the_outer_side(pack: ContentPack) -> None:
    styles = read_odt(render(pack)).styles
    master = styles.find(f".//{q('style:master-page')}")
    assert master.get(q("style:name")) == StyleName.MASTER_PAGE
    sides = {}
    for tag in ("style:footer", "style:footer-left"):
        p = master.find(f"{q(tag)}/{q('text:p')}")
        assert p.text == "— " and p.find(q("text:page-number")).tail == " —"
        align = style_props(styles, p.get(q("text:style-name")), "paragraph")
        sides[tag] = align["text-align"]
        text = style_props(styles, p.get(q("text:style-name")), "text")
        assert text["font-size"] == "14pt"  # 4号
        assert font_family(styles, text["font-name"])[0] == "宋体"
    assert sides == {"style:footer": "end", "style:footer-left": "start"}  # odd right, even left


# --- odd text survives -------------------------------------------------------------------------

ODD = "甲&乙 <丙> \"丁\" '戊'"


def odd_plan(notes: NotesMode) -> MonthPlan:
    return MonthPlan(
        title="支部\x01名称  &<>",
        parts=(Part(Meeting.COMMITTEE, Entry(
            ODD, notes=("备注里有 & 和 <标签>\x02",),
            body=(Paragraph("第一行\n第二行\t制表  两个空格\x0b", notes=("\"引号\"",)),),
            children=(Entry("子项 ]]> 结束"),),
        )),),
        notes_mode=notes,
    )


@pytest.mark.parametrize("notes", list(NotesMode))
def test_special_and_control_characters_survive_or_go(notes: NotesMode) -> None:
    data = render_tree(odd_plan(notes))
    assert_valid_odt(data)
    odt = read_odt(data)
    texts = [p.text for p in paragraphs(odt.content)]
    expected = ["支部名称  &<>", ODD]
    if notes is NotesMode.BODY:
        expected.append("（备注：备注里有 & 和 <标签>）")
    expected.append("第一行\n第二行\t制表  两个空格")
    if notes is NotesMode.BODY:
        expected.append("（备注：\"引号\"）")
    expected.append("子项 ]]> 结束")
    assert texts == expected
    comments = [paragraph_text(a.find(q("text:p"))) for a in annotations(odt.content)]
    assert comments == (["备注：备注里有 & 和 <标签>", "备注：\"引号\""] if notes is NotesMode.COMMENTS else [])
    body_p = next(p for p in paragraphs(odt.content) if p.text.startswith("第一行")).element
    assert [child.tag for child in body_p if child.tag != q("office:annotation")][:3] == [
        q("text:line-break"), q("text:tab"), q("text:s")]


# --- the same document from lxml and from the standard library ----------------------------------

SCRIPT = """
import base64, sys
from datetime import datetime
from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.model.meeting import Meeting
from sanhui.model.plan import NotesMode
from sanhui.odf import xml
from sanhui.odf.plan_writer import RenderOptions
from sanhui.odf.render import render_plan
meeting = None if sys.argv[1] == "month" else Meeting(sys.argv[1])
plan = build_plan(load_pack(), meeting, "2023年9月", "第一党支部", NotesMode(sys.argv[2]))
data = render_plan(plan, RenderOptions(stamp=datetime(2023, 9, 1, 10, 0, 5), note_prefix="p", sentinels=True))
print("lxml" if xml.USING_LXML else "stdlib")
print(base64.b64encode(data).decode())
"""


def render_in_subprocess(no_lxml: bool, meeting: str, notes: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "SANHUI_NO_LXML"}
    if no_lxml:
        env["SANHUI_NO_LXML"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "python"), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", SCRIPT, meeting, notes], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    implementation, encoded = done.stdout.split()
    assert implementation == ("stdlib" if no_lxml else "lxml")
    return base64.b64decode(encoded)


@pytest.mark.parametrize(("meeting", "notes"), [("month", "comments"), ("month", "body"), ("general", "none")])
def test_lxml_and_the_standard_library_write_the_same_document(meeting: str, notes: str) -> None:
    with_lxml = render_in_subprocess(False, meeting, notes)
    without = render_in_subprocess(True, meeting, notes)
    assert_valid_odt(with_lxml)
    assert_valid_odt(without)
    a, b = unzip(with_lxml), unzip(without)
    assert list(a) == list(b)
    for name in ("content.xml", "styles.xml", "META-INF/manifest.xml"):
        assert canonical(parse(a[name])) == canonical(parse(b[name])), name
    paras_a = [(p.style, p.text, p.depth) for p in paragraphs(parse(a["content.xml"]))]
    paras_b = [(p.style, p.text, p.depth) for p in paragraphs(parse(b["content.xml"]))]
    assert paras_a == paras_b
    assert paras_a[1][1].startswith("第一党支部") or meeting != "month"


def test_this_run_renders_the_same_as_the_other_implementation() -> None:
    """Whichever implementation this run uses, it matches the other one's output."""
    plan = build_plan(load_pack(), None, MONTH, "第一党支部", NotesMode.COMMENTS)
    here = unzip(render_plan(plan, RenderOptions(stamp=datetime(2023, 9, 1, 10, 0, 5), note_prefix="p",
                                                 sentinels=True)))
    other = unzip(render_in_subprocess(os.environ.get("SANHUI_NO_LXML") != "1", "month", "comments"))
    for name in ("content.xml", "styles.xml"):
        assert canonical(parse(here[name])) == canonical(parse(other[name])), name
