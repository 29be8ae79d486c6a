"""The default content pack is the seed plan, every line and 备注 of it as typed (labels and
wrappers off); packs of format 2 hold parts of any kind, format 1 files still load; a broken or
oversized pack is refused with a message naming the node at fault."""

from __future__ import annotations

import codecs
import copy
import dataclasses
import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from sanhui.content.pack import (
    DEFAULT_PACK,
    FORMAT,
    FORMAT_V1,
    MAX_NODES,
    MAX_PACK_BYTES,
    MAX_TEXT,
    ContentPack,
    PackError,
    dump_pack,
    load_pack,
    loads_pack,
    parse_pack,
)
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import MAX_DEPTH, Entry, Paragraph
from tests.unit.seed import LABELS, read_seed

Line = Tuple[str, int, str]  # ("line", level (0 = unnumbered body paragraph), text) or ("note", 0, text)


def seed_lines() -> Tuple[str, List[Line]]:
    title, lines = read_seed()
    return title, [(line.kind, line.level, line.text) for line in lines]


def pack_lines(pack: ContentPack) -> List[Line]:
    """The pack in reading order: each entry, its 备注, its body paragraphs (with theirs), its children."""
    out: List[Line] = []

    def visit(entry: Entry, level: int) -> None:
        out.append(("line", level, entry.text))
        out.extend(("note", 0, note) for note in entry.notes)
        for para in entry.body:
            out.append(("line", 0, para.text))
            out.extend(("note", 0, note) for note in para.notes)
        for child in entry.children:
            visit(child, level + 1)

    for part in pack.parts:
        visit(part.entry, 1)
    return out


def show(lines: List[Line]) -> List[str]:
    """Readable failure diffs: “L3 研究…”, “   备注 …”, “B 学习…”."""
    return [f"   备注 {text}" if kind == "note" else (f"L{level} {text}" if level else f"B {text}")
            for kind, level, text in lines]


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack()


def raw_pack() -> Dict[str, Any]:
    return json.loads(DEFAULT_PACK.read_text(encoding="utf-8"))


# --- the seed, line by line -----------------------------------------------------------------

def test_every_seed_line_and_note_is_in_the_pack_in_order(pack: ContentPack) -> None:
    _, seed = seed_lines()
    assert show(pack_lines(pack)) == show(seed)


def test_pack_title_is_the_seed_title_with_the_month_left_open(pack: ContentPack) -> None:
    title, _ = seed_lines()
    assert pack.title.replace("{month}", "2023年9月") == title == "2023年9月“三会一课”方案"


def test_every_seed_note_is_attached_to_the_paragraph_it_follows(pack: ContentPack) -> None:
    _, seed = seed_lines()
    expected: List[Tuple[str, str]] = []
    owner = ""
    for kind, _, text in seed:
        if kind == "note":
            expected.append((owner, text))
        else:
            owner = text
    attached: List[Tuple[str, str]] = []

    def visit(entry: Entry) -> None:
        attached.extend((entry.text, note) for note in entry.notes)
        for para in entry.body:
            attached.extend((para.text, note) for note in para.notes)
        for child in entry.children:
            visit(child)

    for part in pack.parts:
        visit(part.entry)
    assert attached == expected
    assert len(attached) == 12


def test_the_four_parts_are_the_four_meetings_in_plan_order(pack: ContentPack) -> None:
    assert [part.meeting for part in pack.parts] == list(PLAN_ORDER)
    assert [part.entry.text for part in pack.parts] == ["支委会方案", "党员大会方案", "党小组会方案", "党课方案"]
    assert [pack.part(m).meeting for m in PLAN_ORDER] == list(PLAN_ORDER)
    assert Meeting.PARTY_DAY not in pack.meetings()  # a meeting of its own, in no built-in plan


@pytest.mark.parametrize(("meeting", "headings"), [
    (Meeting.COMMITTEE, ["第一议题", "第一行动", "党务工作"]),
    (Meeting.GENERAL, ["第一议题", "党员行动", "党务工作"]),
    (Meeting.GROUP, ["第一议题", "第一行动", "党务工作"]),
    (Meeting.LECTURE, ["主题：对标“老大哥”，争当“排头兵”。", "方式：现场学习", "内容："]),
])
def test_each_part_has_its_three_sections(pack: ContentPack, meeting: Meeting, headings: List[str]) -> None:
    assert [child.text for child in pack.part(meeting).entry.children] == headings


# --- the seed's typos: labels read, words kept ---------------------------------------------

def all_texts(pack: ContentPack) -> List[str]:
    return [text for _, _, text in pack_lines(pack)]


def test_the_typed_number_3_with_a_chinese_full_stop_is_gone(pack: ContentPack) -> None:
    committee = pack.part(Meeting.COMMITTEE).entry
    assert committee.children[1].children[2].text == "研究开展党支部/党小组联建活动方案。"


def test_no_text_starts_with_a_typed_number(pack: ContentPack) -> None:
    numbered = [text for text in all_texts(pack) if any(label.match(text) for _, label in LABELS)]
    assert numbered == []


def test_no_stray_spaces(pack: ContentPack) -> None:
    assert [t for t in all_texts(pack) if t != t.strip() or "  " in t or "\u3000" in t] == []


def test_notes_hold_only_their_text_with_brackets_balanced(pack: ContentPack) -> None:
    notes = [text for kind, _, text in pack_lines(pack) if kind == "note"]
    assert len(notes) == 12
    for note in notes:
        assert not note.startswith(("（备注", "备注")), note
        assert note.count("（") == note.count("）"), note
        assert note.count("“") == note.count("”"), note
    assert [n for n in notes if not n.endswith("。")] == [notes[0]]  # the one the seed left unfinished


def test_the_two_unclosed_seed_notes_end_as_typed(pack: ContentPack) -> None:
    """Nothing added, nothing lost: the seed leaves their bracket open and one without a full
    stop, and so does the pack."""
    notes = [text for kind, _, text in pack_lines(pack) if kind == "note"]
    assert notes[0].endswith("第一议题的学习就会更加有形有感有效")
    assert any(note.endswith("做到“联系实际学”。") for note in notes)


def test_pack_depth_is_within_the_four_numbering_levels(pack: ContentPack) -> None:
    assert max(part.entry.depth() for part in pack.parts) == MAX_DEPTH


# --- loading errors name the node -----------------------------------------------------------

def broken(edit: Any) -> Dict[str, Any]:
    raw = copy.deepcopy(raw_pack())
    edit(raw)
    return raw


def _set(path: str, value: Any) -> Any:
    """An edit that sets raw[a][0][b]… (dotted path, integers index lists)."""
    def edit(raw: Any) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        node = raw
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return edit


def _del(path: str) -> Any:
    def edit(raw: Any) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        node = raw
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]
    return edit


def _too_deep(raw: Any) -> None:
    node = raw["parts"][0]
    for _ in range(MAX_DEPTH):
        node["children"] = [{"text": "更深一级"}]
        node = node["children"][0]


def refused(raw: Any) -> PackError:
    with pytest.raises(PackError) as caught:
        parse_pack(raw)
    return caught.value


@pytest.mark.parametrize(("edit", "where", "key"), [
    (_set("format", "sanhui-content-pack/3"), "format", "pack_format"),
    (_del("format"), "format", "pack_format"),
    (_set("title", 7), "title", "pack_expected_text"),
    (_set("parts", {}), "parts", "pack_expected_list"),
    (_del("parts"), "parts", "pack_expected_list"),
    (_set("parts.1", "党员大会"), "parts[1]", "pack_expected_object"),
    (_set("parts.1.children.0.text", ""), "parts[1].children[0].text", "pack_expected_text"),
    (_set("parts.1.children.0.text", 7), "parts[1].children[0].text", "pack_expected_text"),
    (_del("parts.2.children.1.text"), "parts[2].children[1].text", "pack_expected_text"),
    (_set("parts.0.children.0.body.0.notes", "备注"), "parts[0].children[0].body[0].notes", "pack_expected_list"),
    (_set("parts.0.children.0.body.0.notes.0", " "), "parts[0].children[0].body[0].notes[0]", "pack_expected_text"),
    (_set("parts.1.children.1.children.0.children.2", None), "parts[1].children[1].children[0].children[2]",
     "pack_expected_object"),
    (_set("parts.3.children", "内容"), "parts[3].children", "pack_expected_list"),
    (_set("parts.0.body", {"text": "x"}), "parts[0].body", "pack_expected_list"),
    (_set("parts.0.meeting", "支委会"), "parts[0].meeting", "pack_meeting"),
    (_set("parts.0.meeting", ["committee"]), "parts[0].meeting", "pack_meeting"),
    (_too_deep, "parts[0]" + ".children[0]" * MAX_DEPTH, "pack_depth"),
    (_set("preamble", "各党支部："), "preamble", "pack_expected_list"),
    (_set("preamble", [{"text": ""}]), "preamble[0].text", "pack_expected_text"),
    (_set("closing", [{"text": "机关党委", "notes": [3]}]), "closing[0].notes[0]", "pack_expected_text"),
    (_set("title_notes", ["备注", {}]), "title_notes[1]", "pack_expected_text"),
    (_set("name", 3), "name", "pack_expected_text"),
])
def test_a_broken_pack_names_the_node(edit: Any, where: str, key: str) -> None:
    error = refused(broken(edit))
    assert (error.where, error.key) == (where, key)
    assert str(error) == error.message("zh") and f"（位置：{where}）" in str(error)
    assert f"(at {where})" in error.message("en")


def test_the_pack_itself_must_be_an_object() -> None:
    error = refused([])
    assert (error.where, error.key) == ("", "pack_expected_object")
    assert str(error) == "此处应为一个对象。"


def test_a_pack_with_nothing_in_it_is_refused() -> None:
    error = refused({"format": FORMAT, "title": "标题", "parts": []})
    assert (error.where, error.key) == ("parts", "pack_empty")


def test_text_is_trimmed_on_load() -> None:
    pack = parse_pack(broken(_set("parts.0.text", "  支委会方案 \n")))
    assert pack.part(Meeting.COMMITTEE).entry.text == "支委会方案"


# --- format 2: parts of any kind and count -------------------------------------------------------

def test_a_format_2_pack_holds_parts_of_any_kind_in_the_order_written() -> None:
    raw = {
        "format": FORMAT, "title": "关于开展主题党日活动的通知", "title_notes": ["标题的备注"],
        "preamble": [{"text": "各党支部：", "notes": ["称呼的备注"]}, {"text": "设计思路：结合实际。"}],
        "parts": [
            {"text": "主题党日", "children": [{"text": "重温入党誓词"}]},
            {"meeting": "lecture", "text": "党课"},
            {"text": "组织生活会", "body": [{"text": "对照检查。"}]},
            {"meeting": "lecture", "text": "又一次党课"},
        ],
        "closing": [{"text": "机关党委"}, {"text": "2023年9月28日"}],
    }
    pack = parse_pack(raw)
    assert [p.meeting for p in pack.parts] == [None, Meeting.LECTURE, None, Meeting.LECTURE]
    assert [p.entry.text for p in pack.parts] == ["主题党日", "党课", "组织生活会", "又一次党课"]
    assert pack.meetings() == (Meeting.LECTURE, Meeting.LECTURE)
    assert pack.part(Meeting.LECTURE).entry.text == "党课"
    with pytest.raises(KeyError):
        pack.part(Meeting.COMMITTEE)
    assert pack.title_notes == ("标题的备注",)
    assert pack.preamble == (Paragraph("各党支部：", ("称呼的备注",)), Paragraph("设计思路：结合实际。"))
    assert [p.text for p in pack.closing] == ["机关党委", "2023年9月28日"]
    assert loads_pack(dump_pack(pack)) == pack


def test_a_format_2_pack_needs_no_month_title_or_parts() -> None:
    pack = parse_pack({"format": FORMAT, "parts": [], "preamble": [{"text": "只有一段正文。"}]})
    assert pack.title == "" and pack.parts == ()
    pack = parse_pack({"format": FORMAT, "title": "无月份的标题", "parts": [{"text": "一部分"}]})
    assert pack.title == "无月份的标题" and pack.parts[0].meeting is None


def test_dump_pack_leaves_out_what_is_empty() -> None:
    pack = parse_pack({"format": FORMAT, "title": "标题", "parts": [{"text": "一部分"}]})
    assert json.loads(dump_pack(pack)) == {"format": FORMAT, "language": "zh-CN", "title": "标题",
                                           "parts": [{"text": "一部分"}]}


def test_the_built_in_pack_is_format_2() -> None:
    assert raw_pack()["format"] == FORMAT


# --- format 1 still loads ------------------------------------------------------------------------

FORMAT1_FILE = Path(__file__).resolve().parents[1] / "data" / "month-plan.format1.zh-CN.json"


def test_a_format_1_file_still_loads() -> None:
    """The built-in pack of the first releases (a copy in tests/data): the same plan as today's,
    but for the full stop it added to a seed note the seed left without one."""
    old = load_pack(FORMAT1_FILE)
    assert json.loads(FORMAT1_FILE.read_bytes())["format"] == FORMAT_V1
    new = load_pack()
    assert [p.meeting for p in old.parts] == list(PLAN_ORDER)
    assert old.title == new.title and old.source == new.source
    first = new.parts[0].entry.children[0].body[0]
    mended = dataclasses.replace(first, notes=(first.notes[0] + "。",))
    assert old.parts[0].entry.children[0].body[0] == mended
    assert old.parts[1:] == new.parts[1:]


def v1() -> Dict[str, Any]:
    raw = json.loads(FORMAT1_FILE.read_bytes())
    assert raw["format"] == FORMAT_V1
    return raw


def test_format_1_parts_are_put_in_plan_order_whatever_the_file_order() -> None:
    raw = v1()
    raw["parts"].reverse()
    assert [part.meeting for part in parse_pack(raw).parts] == list(PLAN_ORDER)


@pytest.mark.parametrize(("edit", "where", "key"), [
    (lambda r: r["parts"].pop(3), "parts", "pack_v1_meetings"),
    (lambda r: r["parts"].append(copy.deepcopy(r["parts"][0])), "parts", "pack_v1_meetings"),
    (_set("title", "“三会一课”方案"), "title", "pack_title_month"),
    (_set("title", "  "), "title", "pack_expected_text"),
    (_del("parts.0.meeting"), "parts[0].meeting", "pack_meeting"),
])
def test_format_1_rules_still_hold_for_format_1_files(edit: Any, where: str, key: str) -> None:
    raw = v1()
    edit(raw)
    error = refused(raw)
    assert (error.where, error.key) == (where, key)


# --- bounds: a pack from outside is untrusted input ----------------------------------------------

def load_error(data: bytes, tmp_path: Path) -> PackError:
    path = tmp_path / "收到的模板.json"
    path.write_bytes(data)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    with pytest.raises(PackError) as again:
        loads_pack(data, path.name)
    assert (again.value.where, again.value.key) == (caught.value.where, caught.value.key)
    return caught.value


def minimal(**extra: Any) -> Dict[str, Any]:
    raw: Dict[str, Any] = {"format": FORMAT, "title": "标题", "parts": [{"text": "一部分"}]}
    raw.update(extra)
    return raw


def test_a_file_over_2_mib_is_refused_before_it_is_read(tmp_path: Path) -> None:
    data = json.dumps(minimal(source="x" * MAX_PACK_BYTES)).encode()
    error = load_error(data, tmp_path)
    assert error.key == "pack_too_large" and "收到的模板.json" in str(error) and "2048 KB" in str(error)


def test_a_pack_of_too_many_nodes_is_refused_at_the_first_node_too_many() -> None:
    error = refused(minimal(parts=[{"text": "一部分", "notes": ["备注"] * MAX_NODES}]))
    assert (error.where, error.key) == (f"parts[0].notes[{MAX_NODES - 1}]", "pack_too_many")


def test_a_pack_nested_too_deep_for_json_is_refused(tmp_path: Path) -> None:
    data = ('{"format": "' + FORMAT + '", "parts": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    assert load_error(data, tmp_path).key == "pack_too_deep"


def test_a_text_too_long_is_refused_and_named() -> None:
    error = refused(minimal(parts=[{"text": "一部分", "body": [{"text": "字" * (MAX_TEXT + 1)}]}]))
    assert (error.where, error.key) == ("parts[0].body[0].text", "pack_text_too_long")
    assert parse_pack(minimal(parts=[{"text": "字" * MAX_TEXT}])).parts[0].entry.text == "字" * MAX_TEXT


def test_a_file_not_in_utf8_is_refused(tmp_path: Path) -> None:
    data = json.dumps(minimal(), ensure_ascii=False).encode("gbk")
    error = load_error(data, tmp_path)
    assert error.key == "pack_not_utf8" and "收到的模板.json" in str(error)
    assert loads_pack(codecs.BOM_UTF8 + json.dumps(minimal()).encode()).title == "标题"  # a BOM is fine


@pytest.mark.parametrize(("content", "key"), [
    (b"{not json", "pack_not_json"),
    (b"", "pack_not_json"),
])
def test_a_file_that_is_not_json_is_refused_naming_it(tmp_path: Path, content: bytes, key: str) -> None:
    error = load_error(content, tmp_path)
    assert error.key == key and "收到的模板.json" in str(error) and "收到的模板.json" in error.message("en")


def test_load_pack_of_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "nowhere.json")
    assert caught.value.key == "pack_unreadable" and "nowhere.json" in str(caught.value)


def test_the_default_pack_says_where_its_words_come_from(pack: ContentPack) -> None:
    assert "2023年9月“三会一课”方案" in pack.source
