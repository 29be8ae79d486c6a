"""Build ``build/sanhui.oxt`` from the tree: identity, configuration, the component file, the
package under ``pythonpath/``, the content packs, and the vendored pure-Python dependencies.

Usage: python tools/build_oxt.py VENDOR_DIR OUT.oxt
(VENDOR_DIR holds python-dateutil 2.9 and six, installed there by the Makefile.)
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_PARTS = {"__pycache__", ".mypy_cache"}


def _files(base: Path):  # type: ignore[no-untyped-def]
    for path in sorted(base.rglob("*")):
        if path.is_file() and not SKIP_PARTS.intersection(path.parts) and path.suffix != ".pyc":
            yield path


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
    for name in ("dateutil", "six.py"):
        src = vendor / name
        if not src.exists():
            sys.exit(f"missing vendored dependency {src}: run make vendor")
        for path in [src] if src.is_file() else list(_files(src)):
            entries.append(("pythonpath/" + path.relative_to(vendor).as_posix(), path))
    for path in _files(ROOT / "dialogs"):
        entries.append(("dialogs/" + path.relative_to(ROOT / "dialogs").as_posix(), path))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=(2023, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(entries)} files)")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
