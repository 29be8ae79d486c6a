"""Zip rendered parts into an ODT held in memory: what LibreOffice inserts in one call.

Flat XML (.fodt) inserts nothing through ``insertDocumentFromURL`` in LibreOffice 7.4
(UNO-NOTES.md), so even a fragment is a real zipped package.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Dict

from .xml import element, sub, to_bytes

MIMETYPE = "application/vnd.oasis.opendocument.text"


def _manifest(parts: Dict[str, bytes]) -> bytes:
    root = element("manifest:manifest", {"manifest:version": "1.3"})
    sub(root, "manifest:file-entry", {"manifest:full-path": "/", "manifest:version": "1.3",
                                      "manifest:media-type": MIMETYPE})
    for name in parts:
        sub(root, "manifest:file-entry", {"manifest:full-path": name, "manifest:media-type": "text/xml"})
    return to_bytes(root)


def package_odt(content: Any, styles: Any, meta: Any = None) -> bytes:
    """The bytes of an .odt: ``mimetype`` first and stored, as the ODF package rules require."""
    parts: Dict[str, bytes] = {"content.xml": to_bytes(content), "styles.xml": to_bytes(styles)}
    if meta is not None:
        parts["meta.xml"] = to_bytes(meta)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", _manifest(parts), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
