"""One small ElementTree surface over lxml (when present) or the standard library.

LibreOffice's bundled Python on Windows and macOS has no lxml, so every renderer goes through
this module; ``SANHUI_NO_LXML=1`` forces the fallback so both are tested on one machine.
"""

from __future__ import annotations

import os
import re
from typing import Any, Dict, Optional

NS: Dict[str, str] = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",  # the frame of an embedded chart
    "chart": "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}

XML_NS = "http://www.w3.org/XML/1998/namespace"  # xml:id; predeclared, never in a nsmap

_etree: Any
if os.environ.get("SANHUI_NO_LXML") != "1":
    try:
        from lxml import etree as _etree

        USING_LXML = True
    except ImportError:  # LibreOffice's own Python: no compiled packages
        import xml.etree.ElementTree as _etree

        USING_LXML = False
else:
    import xml.etree.ElementTree as _etree

    USING_LXML = False

if not USING_LXML:
    for _prefix, _uri in NS.items():
        _etree.register_namespace(_prefix, _uri)

# XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF in text and attributes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def qname(name: str) -> str:
    """``text:p`` → ``{urn:…text:1.0}p``: the Clark name both ElementTree flavours take."""
    prefix, _, local = name.partition(":")
    uri = XML_NS if prefix == "xml" else NS[prefix]
    return f"{{{uri}}}{local}"


def xml_safe(value: str) -> str:
    """Drop characters XML 1.0 cannot carry, so no input can make the output unreadable."""
    return _NOT_XML.sub("", value)


def element(name: str, attrs: Optional[Dict[str, str]] = None, text: Optional[str] = None) -> Any:
    """A new root element; with lxml it declares every ODF prefix as LibreOffice expects."""
    el = _etree.Element(qname(name), nsmap=NS) if USING_LXML else _etree.Element(qname(name))
    _fill(el, attrs, text)
    return el


def sub(parent: Any, name: str, attrs: Optional[Dict[str, str]] = None, text: Optional[str] = None) -> Any:
    """A child element appended to ``parent``; attribute names are prefixed (``style:name``)."""
    el = _etree.SubElement(parent, qname(name))
    _fill(el, attrs, text)
    return el


def _fill(el: Any, attrs: Optional[Dict[str, str]], text: Optional[str]) -> None:
    for key, value in (attrs or {}).items():
        el.set(qname(key), xml_safe(value))
    if text is not None:
        el.text = xml_safe(text)


def to_bytes(root: Any) -> bytes:
    """Serialise a document part with its XML declaration, UTF-8."""
    if USING_LXML:
        data: bytes = _etree.tostring(root, encoding="UTF-8", xml_declaration=True)
        return data
    body: bytes = _etree.tostring(root, encoding="utf-8")
    if not body.startswith(b"<?xml"):
        body = b"<?xml version='1.0' encoding='UTF-8'?>\n" + body
    return body


_PARSER: Any = None


def parse(data: bytes) -> Any:
    """Parse a document part (already size-checked by the caller), without network or DTDs.

    One lxml parser serves every call (making one costs as much as parsing a small part; the
    ledger parses thousands); parsing is single-threaded here, which is all lxml asks."""
    global _PARSER
    if USING_LXML:
        if _PARSER is None:
            _PARSER = _etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, collect_ids=False)
        return _etree.fromstring(data, _PARSER)
    return _etree.fromstring(data)
