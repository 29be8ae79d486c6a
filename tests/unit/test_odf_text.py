"""Plain text into ODF paragraphs: what was typed is what Writer shows, under both ElementTrees."""

from __future__ import annotations

import os
from typing import Any, List, Tuple, Union

import pytest
from lxml import etree

from sanhui.odf import xml as odf_xml
from sanhui.odf.text import append_text
from sanhui.odf.xml import NS, element, parse, qname, sub, to_bytes, xml_safe
from tests.unit.odf_reading import paragraph_text, q

Token = Union[str, Tuple[str, int]]


def rendered(text: str) -> Any:
    """``text`` appended to a fresh paragraph by the renderer, serialised, read back with lxml."""
    root = element("office:text")
    append_text(sub(root, "text:p"), text)
    return etree.fromstring(to_bytes(root))[0]


def tokens(p: Any) -> List[Token]:
    """The paragraph as character data and elements: "ab", ("s", 2), ("tab", 1), ("br", 1)."""
    out: List[Token] = [p.text] if p.text else []
    for child in p:
        name = {q("text:s"): "s", q("text:tab"): "tab", q("text:line-break"): "br"}[child.tag]
        out.append((name, int(child.get(q("text:c"), "1"))))
        if child.tail:
            out.append(child.tail)
    return out


def consumed(p: Any) -> str:
    """What a consumer shows, by ODF 1.3 §6.1.2 read strictly: in character data, tab, CR and LF
    are spaces; a space after white space (a text:tab or text:line-break too) is dropped, and so
    are spaces at the start and the end of the paragraph. Only text:s, text:tab and
    text:line-break always count."""
    out: List[str] = []
    after_white = True  # the paragraph start
    trailing = 0  # collapsible spaces at the end of ``out``
    for token in tokens(p):
        if isinstance(token, tuple):
            name, count = token
            out.append({"s": " ", "tab": "\t", "br": "\n"}[name] * count)
            after_white, trailing = True, 0
            continue
        for char in token:
            if char in " \t\r\n":
                if not after_white:
                    out.append(" ")
                    trailing += 1
                after_white = True
            else:
                out.append(char)
                after_white, trailing = False, 0
    text = "".join(out)
    return text[:len(text) - trailing] if trailing else text


@pytest.mark.parametrize(("text", "expected"), [
    ("三会一课", ["三会一课"]),
    ("张 三", ["张 三"]),
    ("张  三", ["张 ", ("s", 1), "三"]),
    ("张     三", ["张 ", ("s", 4), "三"]),
    ("甲\t乙", ["甲", ("tab", 1), "乙"]),
    ("甲\n乙", ["甲", ("br", 1), "乙"]),
    ("甲\r\n乙", ["甲", ("br", 1), "乙"]),
    ("甲\r乙", ["甲", ("br", 1), "乙"]),
    ("甲\n\n乙", ["甲", ("br", 1), ("br", 1), "乙"]),
    ("\t\t缩进", [("tab", 1), ("tab", 1), "缩进"]),
    # spaces a consumer would drop are elements: at either end, or next to a tab or break
    (" 前", [("s", 1), "前"]),
    ("   前", [("s", 3), "前"]),
    ("后 ", ["后", ("s", 1)]),
    ("后   ", ["后", ("s", 3)]),
    ("甲\n  乙", ["甲", ("br", 1), ("s", 2), "乙"]),
    ("甲 \t 乙", ["甲", ("s", 1), ("tab", 1), ("s", 1), "乙"]),
    (" ", [("s", 1)]),
    ("", []),
])
def test_spaces_tabs_and_breaks_become_elements(text: str, expected: List[Token]) -> None:
    assert tokens(rendered(text)) == expected


@pytest.mark.parametrize("text", [
    "三会一课", "张 三", "张  三", "a   b  c d", " 前导空格", "   前导", "尾随 ", "尾随   ",
    "甲\t乙", "\t缩进", "甲\n乙", "甲\n  乙", "甲 \n 乙", "  \t  ", "第一行\n第二行\n\n第四行",
    "出席：张三  李四\t王五",
])
def test_what_was_typed_is_what_a_consumer_shows(text: str) -> None:
    p = rendered(text)
    assert consumed(p) == text
    assert paragraph_text(p) == text


@pytest.mark.parametrize(("text", "shown"), [
    ("甲\r\n乙", "甲\n乙"),
    ("甲\r乙", "甲\n乙"),
])
def test_carriage_returns_are_line_breaks(text: str, shown: str) -> None:
    assert consumed(rendered(text)) == shown


@pytest.mark.parametrize("text", [
    "A&B", "<text:p>", "a < b > c", "\"引号\" 'apos'", "&amp;", "]]>", "“中文引号”《书名》",
    "&<>\"'", "emoji 🎉 and 𠀀",
])
def test_xml_special_characters_survive_as_text(text: str) -> None:
    assert paragraph_text(rendered(text)) == text


@pytest.mark.parametrize(("text", "kept"), [
    ("甲\x00乙", "甲乙"),
    ("甲\x01\x08乙", "甲乙"),
    ("甲\x0b\x0c乙", "甲乙"),
    ("甲\x1f乙", "甲乙"),
    ("甲\ufffe\uffff乙", "甲乙"),
    ("甲\ud800乙", "甲乙"),
    ("\x07响铃", "响铃"),
])
def test_characters_xml_cannot_carry_are_dropped(text: str, kept: str) -> None:
    assert paragraph_text(rendered(text)) == kept
    assert xml_safe(text) == kept


def test_attributes_are_made_xml_safe_too() -> None:
    root = element("office:text")
    sub(root, "text:p", {"text:style-name": "名\x01字&<>\"'"}, "正文\x02")
    p = etree.fromstring(to_bytes(root))[0]
    assert p.get(q("text:style-name")) == "名字&<>\"'"
    assert p.text == "正文"


def test_appending_twice_continues_the_same_paragraph() -> None:
    root = element("office:text")
    p = sub(root, "text:p")
    append_text(p, "出席：")
    append_text(p, "张三  李四")
    append_text(p, "\t王五")
    read = etree.fromstring(to_bytes(root))[0]
    assert paragraph_text(read) == consumed(read) == "出席：张三  李四\t王五"


# --- the ElementTree surface ------------------------------------------------------------------

def test_the_run_uses_the_implementation_the_environment_asks_for() -> None:
    """The Makefile runs tests/unit twice; this says which renderer each run exercised."""
    wanted = os.environ.get("SANHUI_NO_LXML") != "1"  # lxml is installed in the venv
    assert odf_xml.USING_LXML is wanted


@pytest.mark.parametrize(("name", "clark"), [
    ("text:p", "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"),
    ("style:font-name", "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}font-name"),
    ("xml:id", "{http://www.w3.org/XML/1998/namespace}id"),
    ("dc:creator", "{http://purl.org/dc/elements/1.1/}creator"),
])
def test_qname(name: str, clark: str) -> None:
    assert qname(name) == clark


def test_to_bytes_declares_utf8_and_uses_odf_prefixes() -> None:
    root = element("office:document-content", {"office:version": "1.3"})
    sub(sub(root, "office:body"), "office:text")
    data = to_bytes(root)
    assert data.startswith(b"<?xml")
    assert b"UTF-8" in data.split(b"?>")[0].upper()
    assert b"<office:document-content" in data  # LibreOffice reads any prefix, people read these
    assert f'xmlns:office="{NS["office"]}"'.encode() in data


def test_parse_reads_back_what_to_bytes_wrote() -> None:
    root = element("office:text")
    sub(root, "text:p", {"text:style-name": "SanhuiBody"}, "甲&乙")
    back = parse(to_bytes(root))
    assert back.tag == qname("office:text")
    assert back[0].get(qname("text:style-name")) == "SanhuiBody"
    assert back[0].text == "甲&乙"

