"""Cutting a part of an ODF document out of content.xml's bytes, so that only that part is
parsed: parsing is most of what reading a folder of documents costs (bench/ledger.py,
bench/meetings.py), and the ledgers read a part of each file — the task ledger its tables, the
meeting ledger its body without the styles before it.

A cut is only made when it reads exactly as parsing the whole part would (exact_root); else the
caller parses the whole part. LibreOffice and this extension write content.xml so that it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional, Tuple

from .xml import NS

DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml\s[^?]*\?>)?\s*")  # BOM and declaration
_UTF8 = re.compile(rb"encoding\s*=\s*[\"']utf-?8[\"']", re.IGNORECASE)
START_TAG = re.compile(rb"<([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")
_OFFICE_URI, _TEXT_URI, _TABLE_URI = (NS[prefix].encode() for prefix in ("office", "text", "table"))
_BODY_END = b"</office:body>"
_DELIMITERS = (b">", b" ", b"\t", b"\n", b"\r")


def exact_root(data: bytes, prefix: bytes, uri: bytes) -> Optional[Tuple[int, bytes, bytes]]:
    """(where the root's start tag ends, that tag, the root's name) when a cut of ``data`` reads
    as the whole part: every "<" after the root's start tag starts a tag (no comment, CDATA
    section or processing instruction; a DTD is refused before), no namespace is declared below the
    root, so each prefix means what the root says, and the part is UTF-8 with ``prefix`` bound to
    ``uri`` and no other prefix bound to it (the root's start tag holds no reference, which could
    spell that namespace otherwise). None otherwise."""
    start = DECLARATION.match(data).end()  # type: ignore[union-attr]  # matches "" at least
    if start and b"encoding" in data[:start] and not _UTF8.search(data, 0, start):
        return None
    end = data.find(b">", start) + 1  # the root's start tag ends there, unless that ">" is quoted
    root_tag = data[start:end]
    name = _root_name(root_tag, prefix, uri) if len(root_tag) <= _CACHED_TAG else _name(root_tag, prefix, uri)
    if name == _QUOTED:  # that ">" may be inside a quoted value: the tag read as XML reads it
        root = START_TAG.match(data, start)
        if root is None:
            return None
        end, root_tag = root.end(), root.group(0)
        name = _judged(root_tag, prefix, uri)
    if not name:
        return None
    if data.find(b"xmlns", end) >= 0:
        return None
    if b"!" in data and data.find(b"<!", end) >= 0:  # a comment or CDATA
        return None
    if data.find(b"?", end) >= 0 and data.find(b"<?", end) >= 0:  # a processing instruction
        return None
    return end, root_tag, name


_QUOTED = b""  # _name's answer when a quote is open at the first ">" (not a name: names are not empty)
_CACHED_TAG = 4096  # a root's start tag up to this long is judged once (a folder's files share a few)


def _name(root_tag: bytes, prefix: bytes, uri: bytes) -> Optional[bytes]:
    """The root's name when ``root_tag`` (up to the first ">") is a root element's start tag with no
    reference, binding ``prefix`` to ``uri`` and no other prefix to it; _QUOTED when a quote is open
    there (that ">" may be inside a value); else None."""
    if root_tag.count(b'"') % 2 or b"'" in root_tag:
        return _QUOTED
    return _judged(root_tag, prefix, uri)


def _judged(root_tag: bytes, prefix: bytes, uri: bytes) -> Optional[bytes]:
    """The root's name when ``root_tag`` (all of it) is a root element's start tag with no reference,
    binding ``prefix`` to ``uri`` and no other prefix to it; else None."""
    name = root_tag[1:-1].split(None, 1)[:1]
    if not root_tag.startswith(b"<") or root_tag.endswith(b"/>") or not name or name[0][:1] in (b"!", b"?"):
        return None  # not a root element's start tag: a comment or instruction before it, say
    if b"&" in root_tag or not binds(root_tag, prefix, uri):
        return None
    return name[0]


_root_name = lru_cache(maxsize=32)(_name)  # the files of one folder mostly share their root's start tag


def binds(root_tag: bytes, prefix: bytes, uri: bytes) -> bool:
    """The root's start tag binds ``prefix`` to ``uri`` and no other prefix to it."""
    return root_tag.count(uri) == 1 and b"xmlns:" + prefix + b'="' + uri + b'"' in root_tag


def body_only(data: bytes) -> Optional[bytes]:
    """The root element holding only office:body (the styles and fonts before it left out), cut
    out of the bytes; None when the cut might read otherwise than parsing the whole part."""
    found = body_range(data)
    if found is None:
        return None
    root_tag, name, body, close = found
    return b"".join((root_tag, data[body:close], b"</", name, b">"))


def body_range(data: bytes) -> Optional[Tuple[bytes, bytes, int, int]]:
    """(the root's start tag, its name, where office:body starts, where it ends) when the body can be
    cut out exactly (exact_root, office bound to ODF's namespace) and is the root's office:body:
    its only start tag in the part, its end tag right before the root's."""
    found = exact_root(data, b"office", _OFFICE_URI)
    if found is None:
        return None
    end, root_tag, name = found
    body = data.find(b"<office:body", end)
    if body < 0 or data[body + 12:body + 13] not in _DELIMITERS or data.find(b"<office:body", body + 12) >= 0:
        return None
    close = data.rfind(_BODY_END) + len(_BODY_END)
    if close < body or data[close:].strip() != b"</" + name + b">":
        return None
    return root_tag, name, body, close


def body_cuts(data: bytes) -> Iterator[bytes]:
    """The body as body_only cuts it: first under a root that declares only office, text and
    table (unless the body has pictures or comments, whose draw: and dc: that root would not
    declare), then under the root's own start tag; nothing when the cut might read otherwise than
    the whole part (body_only), or text and table are not bound to ODF's namespaces as office is.
    Each is made only when asked for: the caller parses the next when one does not parse.

    The slim root saves libxml2 the root's declarations (LibreOffice's declares 44 namespaces,
    which cost more than a record's paragraphs). A prefix it does not declare makes the parse
    fail, never read otherwise: an unprefixed name is in no ODF namespace under either root, as no
    other prefix is bound to those three."""
    found = body_range(data)
    if found is None:
        return
    root_tag, name, body, close = found
    if not (_text_and_table(root_tag) if len(root_tag) <= _CACHED_TAG else _binds_text_and_table(root_tag)):
        return
    content = memoryview(data)[body:close]
    if (name.startswith((b"office:", b"text:", b"table:")) and data.find(b"<draw:", body, close) < 0
            and data.find(b"<dc:", body, close) < 0):
        yield b"".join((_slim_root(name), content, b"</", name, b">"))
    yield b"".join((root_tag, content, b"</", name, b">"))


def _binds_text_and_table(root_tag: bytes) -> bool:
    return binds(root_tag, b"text", _TEXT_URI) and binds(root_tag, b"table", _TABLE_URI)


_text_and_table = lru_cache(maxsize=32)(_binds_text_and_table)


@lru_cache(maxsize=8)
def _slim_root(name: bytes) -> bytes:
    return b'<%s xmlns:office="%s" xmlns:text="%s" xmlns:table="%s">' % (name, _OFFICE_URI, _TEXT_URI, _TABLE_URI)
