"""Build ``build/sanhui.oxt`` from the tree: identity, configuration, the component file, the
package under ``pythonpath/``, the content packs, and the vendored pure-Python dependencies.

Each module under ``pythonpath/`` also gets its bytecode (``__pycache__/*.cpython-3XX.pyc``),
compiled by the Python running this build with hash-checked invalidation: LibreOffice's Python,
when it is that version (3.11 for LibreOffice 7.4 on Debian 12), loads it instead of compiling
every module at the first click — and it cannot always write its own (a read-only shared
install, PYTHONDONTWRITEBYTECODE). Another version ignores it; an edited source is recompiled,
as the hash no longer matches.

Usage: python tools/build_oxt.py VENDOR_DIR OUT.oxt
(VENDOR_DIR holds python-dateutil 2.9, six and chinese-calendar, installed there by the Makefile.)
"""

from __future__ import annotations

import py_compile
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_PARTS = {"__pycache__", ".mypy_cache"}


def _files(base: Path):  # type: ignore[no-untyped-def]
    for path in sorted(base.rglob("*")):
        if path.is_file() and not SKIP_PARTS.intersection(path.parts) and path.suffix != ".pyc":
            yield path


def _escape_properties(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    return "".join(c if ord(c) < 128 else f"\\u{ord(c):04x}" for c in text).encode("ascii")


def _bytecode(source: Path, name: str) -> bytes:
    """The .pyc of one module, checked against its source's hash (not its time: the times of
    files unpacked from an .oxt say nothing), naming the source as it lies in the package."""
    with tempfile.TemporaryDirectory() as tmp:
        cfile = Path(tmp) / "module.pyc"
        py_compile.compile(str(source), cfile=str(cfile), dfile=name, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
        return cfile.read_bytes()


def build(vendor: Path, out: Path) -> None:
    """Write the .oxt; entries are sorted so two builds of one tree are identical."""
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = [
        ("description.xml", ROOT / "description.xml"),
        ("sanhui_component.py", ROOT / "python" / "sanhui_component.py"),
    ]
    for path in _files(ROOT / "extension"):
        rel = path.relative_to(ROOT / "extension").as_posix()
        if not rel.startswith("fontconfig/"):
            entries.append((rel, path))
    for path in _files(ROOT / "python" / "sanhui"):
        entries.append(("pythonpath/" + path.relative_to(ROOT / "python").as_posix(), path))
    for name in ("dateutil", "six.py", "chinese_calendar"):
        src = vendor / name
        if not src.exists():
            sys.exit(f"missing vendored dependency {src}: run make vendor")
        for path in [src] if src.is_file() else list(_files(src)):
            entries.append(("pythonpath/" + path.relative_to(vendor).as_posix(), path))
    for path in _files(ROOT / "dialogs"):
        entries.append(("dialogs/" + path.relative_to(ROOT / "dialogs").as_posix(), path))
    # .properties are kept in UTF-8 in the tree; LibreOffice reads them as ISO-8859-1 with
    # \uXXXX escapes (like Java), so the package gets the escaped form.
    contents = {name: (_escape_properties(path) if name.endswith(".properties") else path.read_bytes())
                for name, path in entries}
    for name, path in list(entries):
        if name.startswith("pythonpath/") and name.endswith(".py"):
            folder, _, module = name.rpartition("/")
            cached = f"{folder}/__pycache__/{module[:-3]}.{sys.implementation.cache_tag}.pyc"
            entries.append((cached, path))
            contents[cached] = _bytecode(path, name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, _ in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(2023, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, contents[name])
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(entries)} files)")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
