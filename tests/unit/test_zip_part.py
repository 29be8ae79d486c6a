"""odf/zip_part.py reads one part of a plain zip as zipfile would, or leaves the file to zipfile.

The promise checked here: for any file, member() gives exactly the bytes zipfile reads, or None
(then read_part asks zipfile, which reads the file or says why it cannot). It never gives bytes
zipfile would refuse, never other bytes, never raises but OSError.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import List, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanhui.model.meeting import Meeting
from sanhui.odf import zip_part
from sanhui.odf.untrusted import BadFile, read_part
from sanhui.odf.zip_part import member
from tests.unit import meeting_docs as docs

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "meetings"
LIMIT = 64 * 1024 * 1024


def _zipfile(path: Path, name: str) -> Optional[bytes]:
    """What zipfile reads, or None when it cannot."""
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read(name)
    except Exception:  # every way zipfile says no
        return None


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(entries: list, comment: bytes = b"", **options: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data, *how in entries:
            if how and how[0] == "zip64":
                with zf.open(name, "w", force_zip64=True) as part:
                    part.write(data)
            else:
                zf.writestr(zipfile.ZipInfo(name) if not how else name, data,
                            compress_type=how[0] if how else zipfile.ZIP_DEFLATED)
        zf.comment = comment
    return buffer.getvalue()


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.od[tsp]")) + sorted(SAMPLES.glob("*.docx")),
                         ids=lambda p: p.name)
def test_files_libreoffice_saved_are_read_here_as_zipfile_reads_them(path: Path) -> None:
    name = "word/document.xml" if path.suffix == ".docx" else "content.xml"
    data = member(path, name, LIMIT)
    assert data is not None  # read here, not left to zipfile: these are the files the ledgers meet
    assert data == _zipfile(path, name)


def test_records_the_extension_writes_and_a_large_file_are_read_here(tmp_path: Path) -> None:
    record = _write(tmp_path / "r.odt", docs.record(Meeting.COMMITTEE))
    assert member(record, "content.xml", LIMIT) == _zipfile(record, "content.xml") is not None
    parts = docs.unzip(docs.record(Meeting.LECTURE))
    picture = os.urandom(400 * 1024)  # a photo in the record: the file is read by its directory
    big = _write(tmp_path / "big.odt", _zip([("mimetype", b"x", zipfile.ZIP_STORED), ("Pictures/1.jpg", picture),
                                             ("content.xml", parts["content.xml"])]))
    assert big.stat().st_size > 256 * 1024
    assert member(big, "content.xml", LIMIT) == parts["content.xml"]
    assert member(big, "Pictures/1.jpg", LIMIT) == picture
    first = _write(tmp_path / "first.odt", _zip([("content.xml", parts["content.xml"]), ("Pictures/1.jpg", picture)]))
    assert member(first, "content.xml", LIMIT) == parts["content.xml"]  # its local header at offset 0


def test_what_is_not_read_here_is_left_to_zipfile(tmp_path: Path) -> None:
    content = b"<office:document-content/>"
    cases = {
        "comment": _zip([("content.xml", content)], comment=b"written by hand"),
        "bzip2": _zip([("content.xml", content, zipfile.ZIP_BZIP2)]),
        "data before": b"#!/bin/sh\nexit 0\n" + _zip([("content.xml", content)]),
        "missing": _zip([("styles.xml", content)]),
        "too small": b"PK\x05\x06",
    }
    for case, data in cases.items():
        path = _write(tmp_path / f"{case}.odt", data)
        assert member(path, "content.xml", LIMIT) is None, case
    assert member(_write(tmp_path / "big.odt", _zip([("content.xml", content * 100)])), "content.xml", 100) is None
    # zipfile reads those it can, and read_part gives what it gives
    assert read_part(tmp_path / "comment.odt", "content.xml") == content
    assert read_part(tmp_path / "data before.odt", "content.xml") == content
    # a part written with zip64 sizes in its local header only: the directory is plain, both read it
    zip64 = _write(tmp_path / "zip64.odt", _zip([("content.xml", content, "zip64")]))
    assert member(zip64, "content.xml", LIMIT) == _zipfile(zip64, "content.xml") == content


def test_the_last_of_two_parts_of_one_name_is_read_as_zipfile_reads_it(tmp_path: Path) -> None:
    with pytest.warns(UserWarning):  # zipfile warns of the duplicate name, and keeps the last
        data = _zip([("content.xml", b"<a>first</a>"), ("content.xml", b"<a>second</a>")])
    path = _write(tmp_path / "twice.odt", data)
    assert member(path, "content.xml", LIMIT) == _zipfile(path, "content.xml") == b"<a>second</a>"


def test_a_damaged_part_is_one_bad_file_not_the_end_of_the_folder(tmp_path: Path) -> None:
    """A damaged deflate stream once escaped read_part as zlib.error and ended the whole reading."""
    data = bytearray(docs.record(Meeting.COMMITTEE))
    start = data.index(b"content.xml", 30) + len(b"content.xml")  # the local header's name, then its data
    data[start + 10:start + 50] = b"\xff" * 40
    path = _write(tmp_path / "damaged.odt", bytes(data))
    assert member(path, "content.xml", LIMIT) is None
    with pytest.raises(BadFile, match="not a readable zip"):
        read_part(path, "content.xml")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> List[int]:
    """How many bytes each os.read of zip_part asks for (a request is allocated before it is read)."""
    asked: List[int] = []
    real = os.read

    def counted(fd: int, count: int) -> bytes:
        asked.append(count)
        return real(fd, count)

    monkeypatch.setattr(zip_part.os, "read", counted)
    return asked


def _local(name: bytes, method: int, crc: int, packed: int, unpacked: int) -> bytes:
    header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, method, 0, 0x21, crc, packed, unpacked, len(name), 0)
    return header + name


def _central(name: bytes, method: int, crc: int, packed: int, unpacked: int, offset: int) -> bytes:
    return struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, method, 0, 0x21, crc, packed, unpacked,
                       len(name), 0, 0, 0, 0, 0, offset) + name


def test_a_part_said_to_run_past_the_end_of_the_file_is_not_asked_for(tmp_path: Path, reads: List[int]) -> None:
    """A large file whose directory gives its small part a compressed size of 4 GiB, and a bogus
    entry far beyond it so that the part seems to overlap nothing: reading it would allocate 4 GiB
    (a MemoryError where memory is short). Found by a review; zipfile reads the file."""
    content, pad = b"<a/>", os.urandom(300 * 1024)
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = packer.compress(content) + packer.flush()
    data = _local(b"p.bin", 0, zlib.crc32(pad), len(pad), len(pad)) + pad
    part = len(data)
    data += _local(b"content.xml", 8, zlib.crc32(content), len(raw), len(content)) + raw
    bogus = 0xFFFFFF00
    directory = (_central(b"p.bin", 0, zlib.crc32(pad), len(pad), len(pad), 0)
                 + _central(b"content.xml", 8, zlib.crc32(content), bogus - (part + 41), len(content), part)
                 + _central(b"x", 0, 0, 0, 0, bogus))
    data += directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(directory), len(data), 0)
    path = _write(tmp_path / "huge.odt", data)
    assert member(path, "content.xml", LIMIT) is None
    assert max(reads) <= len(data)
    assert read_part(path, "content.xml") == _zipfile(path, "content.xml") == content


def test_a_large_file_without_an_end_record_is_not_read_whole(tmp_path: Path, reads: List[int]) -> None:
    """A 64 MiB file (a video renamed .odt, say) whose last bytes claim a directory from its first
    byte: only the end record is read, then zipfile says it is no zip."""
    path = tmp_path / "video.odt"
    size = 64 * 1024 * 1024
    with open(path, "wb") as f:  # sparse: no disk used
        f.truncate(size - 22)
        f.seek(size - 22)
        f.write(struct.pack("<4s4H2LH", b"NOPE", 0, 0, 1, 1, size - 22, 0, 0))
    assert member(path, "content.xml", LIMIT) is None
    assert max(reads) <= 22
    with pytest.raises(BadFile, match="not a readable zip"):
        read_part(path, "content.xml")


def _mutations() -> st.SearchStrategy:
    change = st.tuples(st.sampled_from(["set", "cut", "insert", "delete"]), st.floats(0, 1),
                       st.binary(min_size=1, max_size=8))
    return st.lists(change, min_size=1, max_size=4)


def _mutated(data: bytes, changes: list) -> bytes:
    out = bytearray(data)
    for how, where, what in changes:
        at = int(where * len(out))
        if how == "set":
            out[at:at + len(what)] = what
        elif how == "cut":
            del out[at:]
        elif how == "insert":
            out[at:at] = what
        else:
            del out[at:at + len(what)]
    return bytes(out)


def _header_fields(data: bytes, changes: list) -> bytes:
    """Damage aimed at the directory and headers, where random bytes seldom land: sizes, offsets,
    flags, methods and name lengths set to other numbers."""
    out = bytearray(data)
    places = [i for i in range(len(out) - 4) if out[i:i + 2] == b"PK" and out[i + 2] in (1, 3, 5)]
    for _, where, what in changes:
        if not places:
            break
        at = places[int(where * (len(places) - 1))] + 4 + (what[0] % 40)
        value = int.from_bytes(what[1:5].ljust(4, b"\0"), "little")
        if at + 4 <= len(out):
            wide = struct.pack("<L", value)
            out[at:at + 4] = wide if what[0] % 2 else wide[:2] + out[at + 2:at + 4]
    return bytes(out)


_ORIGINAL = {
    "record": docs.record(Meeting.GENERAL),
    "saved": (SAMPLES / "general-record.odt").read_bytes(),
    "docx": (SAMPLES / "notice.docx").read_bytes(),
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(sorted(_ORIGINAL)), changes=_mutations(), aimed=st.booleans())
def test_any_damaged_zip_is_read_as_zipfile_reads_it_or_left_to_it(tmp_path: Path, which: str, changes: list,
                                                                     aimed: bool) -> None:
    original = _ORIGINAL[which]
    data = _header_fields(original, changes) if aimed else _mutated(original, changes)
    path = _write(tmp_path / "damaged.zip", data)
    name = "word/document.xml" if which == "docx" else "content.xml"
    got = member(path, name, LIMIT)
    if got is not None:
        assert got == _zipfile(path, name)
