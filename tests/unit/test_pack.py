"""The default content pack is the seed plan, every line and 备注 of it, typos mended; a broken
pack is refused with a message naming the node at fault."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from sanhui.content.pack import DEFAULT_PACK, FORMAT, ContentPack, PackError, load_pack, parse_pack
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import MAX_DEPTH, Entry
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
    assert [pack.part(m).meeting for m in Meeting] == list(Meeting)


@pytest.mark.parametrize(("meeting", "headings"), [
    (Meeting.COMMITTEE, ["第一议题", "第一行动", "党务工作"]),
    (Meeting.GENERAL, ["第一议题", "党员行动", "党务工作"]),
    (Meeting.GROUP, ["第一议题", "第一行动", "党务工作"]),
    (Meeting.LECTURE, ["主题：对标“老大哥”，争当“排头兵”。", "方式：现场学习", "内容："]),
])
def test_each_part_has_its_three_sections(pack: ContentPack, meeting: Meeting, headings: List[str]) -> None:
    assert [child.text for child in pack.part(meeting).entry.children] == headings


# --- the seed's typos, mended ---------------------------------------------------------------

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
    assert notes
    for note in notes:
        assert not note.startswith(("（备注", "备注")), note
        assert note.count("（") == note.count("）"), note
        assert note.count("“") == note.count("”"), note
        assert note.endswith("。"), note


def test_the_two_unclosed_seed_notes_are_whole_sentences(pack: ContentPack) -> None:
    notes = [text for kind, _, text in pack_lines(pack) if kind == "note"]
    assert notes[0].endswith("第一议题的学习就会更加有形有感有效。")
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


@pytest.mark.parametrize(("edit", "message"), [
    (_set("format", "sanhui-content-pack/2"), f"format must be {FORMAT!r}"),
    (_del("format"), "format must be"),
    (_set("title", "“三会一课”方案"), "title must contain {month}"),
    (_set("title", "  "), "title: expected non-empty text"),
    (_set("parts", {}), "parts: expected a list"),
    (_set("parts.1", "党员大会"), "parts[1]: expected an object"),
    (_set("parts.1.children.0.text", ""), "parts[1].children[0].text: expected non-empty text"),
    (_set("parts.1.children.0.text", 7), "parts[1].children[0].text: expected non-empty text"),
    (_del("parts.2.children.1.text"), "parts[2].children[1].text: expected non-empty text"),
    (_set("parts.0.children.0.body.0.notes", "备注"), "parts[0].children[0].body[0].notes: expected a list"),
    (_set("parts.0.children.0.body.0.notes.0", " "), "parts[0].children[0].body[0].notes[0]: expected non-empty"),
    (_set("parts.1.children.1.children.0.children.2", None),
     "parts[1].children[1].children[0].children[2]: expected an object"),
    (_set("parts.3.children", "内容"), "parts[3].children: expected a list"),
    (_set("parts.0.body", {"text": "x"}), "parts[0].body: expected a list"),
    (_set("parts.0.meeting", "支委会"), "parts[0].meeting: unknown meeting '支委会'"),
    (_set("parts.0.meeting", ["committee"]), "parts[0].meeting: unknown meeting"),
    (_del("parts.0.meeting"), "parts[0].meeting: unknown meeting None"),
    (_too_deep, "parts[0]" + ".children[0]" * MAX_DEPTH + ": numbering goes only 4 levels deep"),
])
def test_a_broken_pack_names_the_node(edit: Any, message: str) -> None:
    with pytest.raises(PackError) as caught:
        parse_pack(broken(edit))
    assert message in str(caught.value)


def test_a_pack_without_a_meeting_says_which() -> None:
    raw = broken(lambda r: r["parts"].pop(3))
    with pytest.raises(PackError, match=r"missing \['lecture'\]"):
        parse_pack(raw)


def test_a_pack_with_a_meeting_twice_says_which() -> None:
    raw = broken(lambda r: r["parts"].append(copy.deepcopy(r["parts"][0])))
    with pytest.raises(PackError, match=r"repeated \['committee'\]"):
        parse_pack(raw)


def test_the_pack_itself_must_be_an_object() -> None:
    with pytest.raises(PackError, match="pack: expected an object"):
        parse_pack([])


def test_parts_are_put_in_plan_order_whatever_the_file_order() -> None:
    pack = parse_pack(broken(lambda r: r["parts"].reverse()))
    assert [part.meeting for part in pack.parts] == list(PLAN_ORDER)


def test_text_is_trimmed_on_load() -> None:
    pack = parse_pack(broken(_set("parts.0.text", "  支委会方案 \n")))
    assert pack.part(Meeting.COMMITTEE).entry.text == "支委会方案"


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "broken.json: "),
    ('{"format": "other"}', "broken.json: format must be"),
    ("[]", "broken.json: pack: expected an object"),
])
def test_load_pack_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value).startswith(message)


def test_load_pack_of_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"nowhere\.json"):
        load_pack(tmp_path / "nowhere.json")


def test_the_default_pack_says_where_its_words_come_from(pack: ContentPack) -> None:
    assert "2023年9月“三会一课”方案" in pack.source
