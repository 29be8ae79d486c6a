"""Opening documents nobody vouches for: a folder's .odt/.docx files read without LibreOffice
by the task ledger (ledger_reader.py) and the meeting ledger (meeting_reader.py) alike.

Every file is untrusted: the zip may lie about sizes or be no zip at all, a part may be huge or
declare a DTD or entities (which documents never need, and which alone make a billion laughs).
Each such file is one BadFile with one line saying why; the caller goes on with the others.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any, Iterator, List, Tuple

from .xml import parse
from .zip_part import member

MAX_PART = 64 * 1024 * 1024  # a content.xml or document.xml larger than this is refused


class BadFile(Exception):
    """A file that cannot be read as a document; the message says why, for the report."""


def read_part(path: Path, name: str) -> bytes:
    """The bytes of one part of the zip at ``path``, bounded by MAX_PART whatever the zip's
    directory claims, refused when it declares a DTD or entities.

    A plain zip (what LibreOffice and Word write) is read by zip_part, in a third of zipfile's
    time; anything else by zipfile. Whatever goes wrong in a zip — a damaged deflate stream (zlib),
    a truncated one (EOFError), a method or name zipfile cannot read — is this file's BadFile,
    never the end of the folder's reading."""
    try:
        data = member(path, name, MAX_PART)
    except OSError as exc:
        raise BadFile(f"not a readable file: {exc}") from None
    except MemoryError:  # a hostile zip that got past zip_part's bounds: zipfile judges it below
        data = None
    if data is None:
        data = _by_zipfile(path, name)
    if b"!" in data and (b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data):  # "!" alone is found fastest
        raise BadFile("declares a DTD or entities, which documents never need")
    return data


def _by_zipfile(path: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(name)
            if info.file_size > MAX_PART:
                raise BadFile(f"{name} unpacks to {info.file_size // (1024 * 1024)} MiB (limit {MAX_PART >> 20})")
            with zf.open(info) as part:
                data = part.read(MAX_PART + 1)  # the header may lie: read no more than the limit
    except KeyError:
        raise BadFile(f"no {name}: not a text document") from None
    except BadFile:
        raise
    except Exception as exc:  # BadZipFile, OSError, zlib.error, EOFError, LZMAError, UnicodeDecodeError …
        raise BadFile(f"not a readable zip: {exc}") from None
    if len(data) > MAX_PART:
        raise BadFile(f"{name} is larger than {MAX_PART >> 20} MiB")
    return data


def parse_part(data: bytes, name: str) -> Any:
    """``data`` (from read_part) parsed by odf/xml.py's parser; BadFile when not well-formed."""
    try:
        return parse(data)
    except Exception as exc:  # lxml and ElementTree raise different types
        raise BadFile(f"{name} is not well-formed XML: {exc}") from None


def documents(folder: Path) -> List[Path]:
    """The .odt and .docx files below ``folder`` in a stable order (by folder and name), without
    the lock files LibreOffice (.~lock.*#) and Word (~$*) leave beside open documents. Links to
    folders are not followed: a link back up would never end."""
    return list(iter_documents(folder))


def folder_documents(folder: Path) -> List[Path]:
    """The .odt and .docx files in ``folder`` itself, not its subfolders, without lock files (as
    documents() lists them); none when the folder cannot be read."""
    return [Path(path) for path, is_dir in _listed(str(folder)) if not is_dir]


def iter_documents(folder: Path) -> Iterator[Path]:
    """documents(), one at a time: each folder is listed (its names only) when it is reached, so
    a reader of thousands of files holds no list of them; the order is the same (a folder's names
    sorted, a subfolder's files where its name sorts, as comparing the paths' parts would)."""
    stack = [iter(_listed(str(folder)))]
    while stack:
        for path, is_dir in stack[-1]:
            if is_dir:
                stack.append(iter(_listed(path)))
                break
            yield Path(path)
        else:
            stack.pop()


def _listed(folder: str) -> List[Tuple[str, bool]]:
    """(path, is a folder) of the documents and folders in ``folder``, sorted by name; a folder one
    may not read is passed over, as a file manager would."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            found.append((entry.name, entry.path, True))
        elif (entry.name.lower().endswith((".odt", ".docx")) and not entry.name.startswith((".~lock", "~$"))
              and entry.is_file()):
            found.append((entry.name, entry.path, False))
    found.sort()
    return [(path, is_dir) for _, path, is_dir in found]
