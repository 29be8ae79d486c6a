"""Any text → the recogniser keeps every character that is not numbering or a note's wrapper,
in order (the invariant of issue 13: not one character of the user's text is lost), and what it
makes is a valid content pack. Examples per test: the hypothesis profile of tests/unit/conftest.py."""

from __future__ import annotations

from typing import List

from hypothesis import given
from hypothesis import strategies as st

from sanhui.content.pack import MAX_NODES, MAX_TEXT, dump_pack, loads_pack
from sanhui.content.recognise import decode_text, recognise
from sanhui.model.plan import MAX_DEPTH, Entry
from tests.support import report
from tests.unit.test_recognise import assert_nothing_lost

# Pieces guidance is made of: every numbering form, every note wrapper, the things that look like
# numbering and are not (dates, 1.5倍, 16集), titles, addressees, signatures, brackets alone.
PIECES = [
    "一、", "二、", "三．", "十一、", "（一）", "(二)", "（三)", "1.", "2.", "3。", "1 ", "2 ", "1、", "10．", "１．",
    "（1）", "(2)", "1)", "2）", "①", "②", "⑴", "一是", "二是", "三是",
    "（备注：", "(备注:", "【备注】", "备注：", "（要求：", "(说明:", "（注意：", "（注：",
    "（", "）", "(", ")", "【", "】",
    "学习", "党课", "支委会方案", "党员大会", "主题党日", "组织生活会", "专题学习", "第一议题", "研究", "开展",
    "2023年9月", "2023年09月", "9月份", "16集", "1.5倍", "2023.9.25", "2023年", "各党支部：", "设计思路：",
    "发布时间：2023-09-01", "来源：", "特此通知。", "机关党委", "2023年9月28日", "“三会一课”方案",
    "；", ";", "。", "：", ":", "，", "、", "备注", "是", "注", " ", "\u3000", "\t", "\ufeff",
]
FRAGMENT = st.one_of(st.sampled_from(PIECES), st.text(max_size=3),
                     st.text(alphabet="一二三四五六七八九十0123456789（）().．。、：:；备注是", max_size=4))
LINE = st.lists(FRAGMENT, max_size=8).map("".join)
TEXT = st.tuples(st.lists(LINE, max_size=30), st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).map(
    lambda lines_sep: lines_sep[1].join(lines_sep[0]))


def check_pack(text: str) -> None:
    found = recognise(text)
    assert_nothing_lost(text, found)
    pack = found.pack

    def texts(entry: Entry, level: int) -> List[str]:
        assert level <= MAX_DEPTH
        out = [entry.text, *entry.notes]
        for para in entry.body:
            out += [para.text, *para.notes]
        for child in entry.children:
            out += texts(child, level + 1)
        return out

    all_texts = [n for n in pack.title_notes]
    for para in pack.preamble + pack.closing:
        all_texts += [para.text, *para.notes]
    for part in pack.parts:
        all_texts += texts(part.entry, 1)
    assert all(t and t == t.strip() for t in all_texts), all_texts
    assert pack.title == pack.title.strip()
    assert all(line.strip() for line in found.unread)
    counts = found.counts()
    assert counts.parts == len(pack.parts) and counts.unread == len(found.unread)
    if (pack.parts or pack.preamble) and len(all_texts) < MAX_NODES and max(map(len, all_texts)) <= MAX_TEXT:
        again = loads_pack(dump_pack(pack))
        assert again == pack


@given(text=TEXT)
def test_any_guidance_text_keeps_every_character_and_makes_a_valid_pack(text: str) -> None:
    report.count("inputs")
    check_pack(text)


# Lines as guidance has them: a label or none, words, maybe a note at the end, maybe unclosed.
LABEL = st.sampled_from(["", "", "一、", "二、", "（一）", "（二）", "1.", "2.", "3。", "1 ", "2 ", "（1）", "（2）",
                         "①", "②", "一是", "二是", "(一)", "1、"])
WORDS = st.lists(st.sampled_from(PIECES[PIECES.index("学习"):]), min_size=1, max_size=4).map("".join)
NOTE = st.sampled_from(["", "", "", "（备注：{}）", "（备注：{}", "(备注:{})", "（要求：{}）", "。（说明：{}）"])
GUIDANCE_LINE = st.tuples(LABEL, WORDS, NOTE, WORDS).map(lambda t: t[0] + t[1] + t[2].format(t[3]))
NOTE_LINE = st.tuples(st.sampled_from(["（备注：{}）", "（备注：{}", "【备注】{}", "备注：{}", "（要求：{}）"]),
                      WORDS).map(lambda t: t[0].format(t[1]))
GUIDANCE = st.lists(st.one_of(GUIDANCE_LINE, GUIDANCE_LINE, NOTE_LINE, st.just("")), max_size=40).map("\n".join)


@given(text=GUIDANCE)
def test_any_guidance_shaped_text_keeps_every_character_and_makes_a_valid_pack(text: str) -> None:
    report.count("inputs")
    check_pack(text)


@given(text=st.text(max_size=400))
def test_any_unicode_text_keeps_every_character(text: str) -> None:
    report.count("inputs")
    check_pack(text)


# Decoding: texts of the pieces above (Chinese, ASCII, CJK punctuation), as files are.
FILE_LINE = st.lists(st.sampled_from([p for p in PIECES if p != "\ufeff"]), max_size=8).map("".join)


@given(lines=st.lists(FILE_LINE, min_size=1, max_size=20))
def test_decoding_any_encoding_of_a_text_gives_the_text_back(lines: List[str]) -> None:
    report.count("inputs")
    text = "\n".join(lines)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"):
        data = text.encode(codec)
        if codec in ("utf-16-le", "utf-16-be") and (b"\x00" not in data or "\n" not in text):
            continue  # BOM-less UTF-16 is told by its NULs, its byte order by the line ends
        if codec == "gb18030" and _also_utf8(data):
            continue  # bytes valid as both: UTF-8 wins, as it should for files of today
        assert decode_text(data) == expected, codec


def _also_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
