"""One part of a plain zip read straight from its bytes, or None when zipfile must judge.

Why: the ledgers read one part of each of thousands of files, and zipfile builds a ZipInfo for
every entry of the directory and reads the file in several calls before it gets there: ≈ 80 µs
of a record's ≈ 280 µs (bench/meetings.py). The documents LibreOffice and Word write are the
plainest zips there are — no comment, no zip64, no encryption, stored or deflated — and those are
read here in one read of the file (its tail and the part, for large ones), ≈ 35 µs.

The answer is either exactly the bytes zipfile would give, or None: anything this module does not
read as zipfile would — a comment, data before the zip, zip64 or Unicode-path extra fields, a
name that is not plain ASCII, two entries at one offset, a part overlapping the next entry, other
flags or methods, sizes or a CRC that do not match — is left to zipfile (read_part), which then
reads the file or says why it cannot. tests/unit/test_zip_part.py checks that over damaged files.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Optional, Set, Tuple

_END = struct.Struct("<4s4H2LH")  # end of central directory: 22 bytes
_ENTRY = struct.Struct("<4s4B4HL2L5H2L")  # central directory entry: 46 bytes
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header: 30 bytes
_EXTRA = struct.Struct("<2H")
_END_SIG, _ENTRY_SIG, _LOCAL_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_ZIP64_LOCATOR = b"PK\x06\x07"
_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800  # deflate options, data descriptor, UTF-8 name
_ZIP64_EXTRA, _UNICODE_PATH_EXTRA = 0x0001, 0x7075  # zipfile reads names and sizes from these
_STORED, _DEFLATED = 0, 8
_MAX_EXTRACT_VERSION = 63  # zipfile refuses a part needing a newer version
_WHOLE = 256 * 1024  # a file up to this size is read at once; a larger one, its directory and the part
_MAX_DIRECTORY = 4 * 1024 * 1024  # a document's directory is a few KiB; a larger one is zipfile's to judge


def member(path: Path, name: str, limit: int) -> Optional[bytes]:
    """The bytes of part ``name`` (ASCII) of the zip at ``path`` when they unpack to at most
    ``limit`` bytes and the zip is plain enough to read here; None to leave it to zipfile.
    OSError when the file cannot be opened or read. Nothing is read that the file does not hold:
    no more than its size, and of a large file only its directory (when that is a document's) and
    the part (when it lies inside the file).

    Read with os.open/os.read, not open(): the file object's layers cost a third of the time
    a small file's reading takes here."""
    wanted = name.encode("ascii")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size < _END.size:
            return None
        if size <= _WHOLE:
            data, base = _read(fd, 0, size), 0
        else:  # the directory only, when the end record is one and the directory a document's
            end = _read(fd, size - _END.size, _END.size).ljust(_END.size, b"\0")
            signature, _, _, _, _, cd_size, cd_offset, comment = _END.unpack(end)
            if (signature != _END_SIG or comment or cd_size > _MAX_DIRECTORY
                    or cd_offset + cd_size + _END.size != size):
                return None
            data, base = _read(fd, cd_offset, size - cd_offset), cd_offset
        if len(data) != size - base:
            return None
        entry = _entry(data, base, size, wanted)
        if entry is None:
            return None
        header, method, crc, packed, unpacked, following = entry
        if unpacked > limit:
            return None
        local = data[header:header + _LOCAL.size + len(wanted)] if base == 0 else \
            _read(fd, header, _LOCAL.size + len(wanted))
        start = _data_start(local, header, wanted)
        if start is None or start + packed > following or start + packed > size:
            return None  # zipfile refuses a part overlapping the next entry (a zip bomb); none is past the end
        raw = data[start:start + packed] if base == 0 else _read(fd, start, packed)
    finally:
        os.close(fd)
    if len(raw) != packed:
        return None
    if method == _STORED:
        if packed != unpacked:
            return None
        out = raw
    else:
        unpacker = zlib.decompressobj(-15)
        try:
            out = unpacker.decompress(raw, unpacked + 1)
        except zlib.error:
            return None
        if not unpacker.eof:
            return None
    if len(out) != unpacked or zlib.crc32(out) != crc:
        return None
    return out


def _read(fd: int, offset: int, count: int) -> bytes:
    """``count`` bytes from ``offset`` (fewer at the end of the file)."""
    os.lseek(fd, offset, os.SEEK_SET)
    chunks = []
    while count > 0:
        chunk = os.read(fd, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_Entry = Tuple[int, int, int, int, int, int]


def _entry(data: bytes, base: int, size: int, wanted: bytes) -> Optional[_Entry]:
    """(where its local header is, method, CRC, packed and unpacked size, where the next entry or
    the directory starts) of the last entry named ``wanted`` (zipfile keeps the last of a name),
    read from the directory in ``data`` (the file's bytes from ``base`` to its end); None when
    anything in the directory is not read here as zipfile reads it, or two entries share an offset."""
    end = len(data) - _END.size
    signature, disk, cd_disk, here, count, cd_size, cd_offset, comment = _END.unpack_from(data, end)
    if (signature != _END_SIG or comment or disk or cd_disk or here != count or count == 0xFFFF
            or cd_offset + cd_size + _END.size != size or cd_offset < base or end < 20
            or data[end - 20:end - 16] == _ZIP64_LOCATOR):
        return None
    pos = cd_offset - base
    offsets: Set[int] = set()
    chosen: Optional[Tuple[int, int, int, int, int]] = None
    for _ in range(count):
        if pos + _ENTRY.size > end:
            return None
        (sig, _, _, extract_version, _, flags, method, _, _, crc, packed, unpacked, name_len, extra_len,
         comment_len, _, _, _, header) = _ENTRY.unpack_from(data, pos)
        name_end = pos + _ENTRY.size + name_len
        extra_end = name_end + extra_len
        if sig != _ENTRY_SIG or extra_end + comment_len > end or extract_version > _MAX_EXTRACT_VERSION:
            return None
        name = data[pos + _ENTRY.size:name_end]
        if (not name.isascii() or b"\x00" in name or b"\\" in name  # zipfile cuts a name at NUL, turns \ into /
                or (extra_len and not _extras_plain(data, name_end, extra_end)) or header in offsets
                or packed == 0xFFFFFFFF or unpacked == 0xFFFFFFFF or header == 0xFFFFFFFF):
            return None
        offsets.add(header)
        if name == wanted:
            if flags & ~_FLAGS or method not in (_STORED, _DEFLATED):
                return None
            chosen = (header, method, crc, packed, unpacked)
        pos = extra_end + comment_len
    if pos != end or chosen is None:
        return None
    return (*chosen, min((o for o in offsets if o > chosen[0]), default=cd_offset))


def _data_start(local: bytes, header: int, wanted: bytes) -> Optional[int]:
    """Where the part's data starts after its local header (``local``: the header and as many bytes
    as the name), when the header is one and names the same part with no other flags."""
    if len(local) != _LOCAL.size + len(wanted):
        return None
    sig, _, _, flags, _, _, _, _, _, _, name_len, extra_len = _LOCAL.unpack_from(local)
    if sig != _LOCAL_SIG or flags & ~_FLAGS or name_len != len(wanted) or local[_LOCAL.size:] != wanted:
        return None
    start: int = header + _LOCAL.size + name_len + extra_len
    return start


def _extras_plain(data: bytes, start: int, end: int) -> bool:
    """The extra fields tile their space exactly, none is zip64's or a Unicode path (which zipfile
    reads sizes and names from)."""
    while start < end:
        if start + _EXTRA.size > end:
            return False
        kind, length = _EXTRA.unpack_from(data, start)
        start += _EXTRA.size + length
        if start > end or kind in (_ZIP64_EXTRA, _UNICODE_PATH_EXTRA):
            return False
    return True
