"""Compare what two saved documents say, not how LibreOffice happened to name things.

After an undo, the automatic styles an insertion brought stay in content.xml and the ones in
use get renumbered (P3 → P5), and split-and-joined paragraphs gain an rsid: neither is a change
a user could see. Nor are the ids LibreOffice generates for lists at each save. So office:text is
compared with each automatic style name replaced by what it stands for (parent style +
properties, rsids dropped) and list ids renamed in order of appearance.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Dict

from lxml import etree

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CONTINUE_LIST = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}continue-list"


def _describe_automatic(root: etree._Element) -> Dict[str, str]:
    described: Dict[str, str] = {}
    automatic = root.find(f"{{{OFFICE}}}automatic-styles")
    for style in automatic if automatic is not None else []:
        props = []
        for el in style:
            props.extend(f"{etree.QName(el).localname}/{etree.QName(k).localname}={v}"
                         for k, v in sorted(el.attrib.items()) if "rsid" not in k)
        for key in ("list-style-name", "master-page-name"):
            if style.get(f"{{{STYLE}}}{key}"):
                props.append(f"{key}={style.get(f'{{{STYLE}}}{key}')}")
        parent = style.get(f"{{{STYLE}}}parent-style-name") or ""
        described[style.get(f"{{{STYLE}}}name") or ""] = parent + "[" + ";".join(sorted(props)) + "]"
    return described


def normalized_body(odt: Path) -> str:
    """office:text of a saved .odt with automatic style names resolved and rsids dropped."""
    with zipfile.ZipFile(odt) as zf:
        root = etree.fromstring(zf.read("content.xml"))
    described = _describe_automatic(root)
    body = root.find(f".//{{{OFFICE}}}text")
    assert body is not None, f"{odt} has no office:text"
    list_ids: Dict[str, str] = {}
    for el in body.iter():
        for attr in list(el.attrib):
            if attr in (XML_ID, CONTINUE_LIST):
                el.attrib[attr] = list_ids.setdefault(el.attrib[attr], f"list-{len(list_ids) + 1}")
            elif "rsid" in attr:
                del el.attrib[attr]
            elif attr.endswith("style-name") and el.attrib[attr] in described:
                el.attrib[attr] = described[el.attrib[attr]]
    return etree.tostring(body, encoding="unicode")
