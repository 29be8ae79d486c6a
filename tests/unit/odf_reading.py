"""Reading a rendered fragment back the way Writer would show it: paragraphs, styles, numbers.

Test helpers only. They parse with lxml whatever implementation rendered the bytes, so the
same assertions check the lxml and the stdlib renderer.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional

from lxml import etree

from sanhui.odf.xml import NS, XML_NS

CN_DIGITS = "零一二三四五六七八九"


def q(name: str) -> str:
    """``text:p`` → Clark name."""
    prefix, _, local = name.partition(":")
    return f"{{{XML_NS if prefix == 'xml' else NS[prefix]}}}{local}"


def unzip(data: bytes) -> Dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def parse(data: bytes) -> Any:
    return etree.fromstring(data)


@dataclass
class Part:
    """The parsed parts of one rendered ODT."""

    content: Any
    styles: Any
    manifest: Any
    names: List[str]


def read_odt(data: bytes) -> Part:
    files = unzip(data)
    return Part(parse(files["content.xml"]), parse(files["styles.xml"]),
                parse(files["META-INF/manifest.xml"]), list(files))


def office_text(content: Any) -> Any:
    return content.find(f"{q('office:body')}/{q('office:text')}")


def inside_annotation(el: Any) -> bool:
    return any(a.tag == q("office:annotation") for a in el.iterancestors())


def paragraph_text(p: Any) -> str:
    """The characters a paragraph shows: text:s/tab/line-break expanded, comments left out."""
    out: List[str] = [p.text or ""]
    for child in p:
        if child.tag == q("text:s"):
            out.append(" " * int(child.get(q("text:c"), "1")))
        elif child.tag == q("text:tab"):
            out.append("\t")
        elif child.tag == q("text:line-break"):
            out.append("\n")
        elif child.tag in (q("office:annotation"), q("office:annotation-end")):
            pass
        else:
            out.append(paragraph_text(child))
        out.append(child.tail or "")
    return "".join(out)


@dataclass
class Para:
    """One body paragraph as Writer lays it out."""

    style: str
    text: str
    depth: int  # text:list elements around it; 0 for an unnumbered paragraph
    element: Any


def paragraphs(content: Any) -> List[Para]:
    """Every paragraph of the body in order (a comment's own paragraphs are not the body's)."""
    out: List[Para] = []
    for p in office_text(content).iter(q("text:p"), q("text:h")):
        if inside_annotation(p):
            continue
        depth = sum(1 for a in p.iterancestors() if a.tag == q("text:list"))
        out.append(Para(p.get(q("text:style-name"), ""), paragraph_text(p), depth, p))
    return out


def annotations(content: Any) -> List[Any]:
    return list(office_text(content).iter(q("office:annotation")))


def level_formats(styles: Any, list_style: str) -> Dict[int, Dict[str, str]]:
    """num-format, prefix and suffix per level of a list style in styles.xml."""
    for lst in styles.iter(q("text:list-style")):
        if lst.get(q("style:name")) == list_style:
            return {
                int(lvl.get(q("text:level"))): {
                    "format": lvl.get(q("style:num-format"), ""),
                    "prefix": lvl.get(q("style:num-prefix"), ""),
                    "suffix": lvl.get(q("style:num-suffix"), ""),
                }
                for lvl in lst.iter(q("text:list-level-style-number"))
            }
    raise AssertionError(f"list style {list_style} not in styles.xml")


def numeral(fmt: str, n: int) -> str:
    if fmt == "1":
        return str(n)
    if fmt.startswith("一"):
        assert 0 < n < 100, n
        tens, ones = divmod(n, 10)
        return ("" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")) + (
            CN_DIGITS[ones] if ones else "")
    raise AssertionError(f"unexpected num-format {fmt!r}")


def numbered(content: Any, styles: Any) -> List[str]:
    """Each body paragraph with the label Writer draws before it (一、 （一） 1. （1）).

    Follows ODF's list rules as Writer applies them: one counter per level; a list item
    counts only when it holds a paragraph; an item at one level restarts the levels below;
    ``text:start-value`` sets the counter; a top-level list continues the numbering only with
    ``text:continue-list`` naming an earlier list's xml:id, otherwise it starts again.
    """
    counters = [0] * 10
    seen_ids: List[str] = []
    current_top: Optional[Any] = None
    out: List[str] = []
    for para in paragraphs(content):
        lists = [a for a in para.element.iterancestors() if a.tag == q("text:list")][::-1]
        if not lists:
            out.append(para.text)
            continue
        top = lists[0]
        if top is not current_top:
            current_top = top
            continues = top.get(q("text:continue-list"))
            if continues is None or continues not in seen_ids:
                counters = [0] * 10
            if top.get(q("xml:id")):
                seen_ids.append(top.get(q("xml:id")))
        level = len(lists)
        item = para.element.getparent()
        assert item.tag == q("text:list-item"), "a numbered paragraph sits directly in its list item"
        start = item.get(q("text:start-value"))
        counters[level - 1] = int(start) if start else counters[level - 1] + 1
        counters[level:] = [0] * (10 - level)
        fmt = level_formats(styles, top.get(q("text:style-name")))[level]
        out.append(fmt["prefix"] + numeral(fmt["format"], counters[level - 1]) + fmt["suffix"] + para.text)
    return out


def canonical(el: Any) -> Any:
    """A tree as nested tuples (tag, attributes, text, tail, children): comparable across parsers."""
    return (el.tag, tuple(sorted(el.attrib.items())), el.text or "", el.tail or "",
            tuple(canonical(child) for child in el))


def iter_styles(root: Any, family: str) -> Iterator[Any]:
    for style in root.iter(q("style:style")):
        if style.get(q("style:family")) == family:
            yield style
