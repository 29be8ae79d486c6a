"""Zip rendered parts into an ODT held in memory: what LibreOffice inserts in one call.

Flat XML (.fodt) inserts nothing through ``insertDocumentFromURL`` in LibreOffice 7.4
(UNO-NOTES.md), so even a fragment is a real zipped package.

A document may carry embedded sub-documents (ODF 1.3 part 2, §3.2: a folder of the package
with its own content.xml and styles.xml, listed in the manifest with its own media type): the
meeting ledger's chart is one, so that the user edits it as a chart, not as a picture.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any, Dict, Sequence

from .xml import element, sub, to_bytes

MIMETYPE = "application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class SubDocument:
    """An embedded object: ``path`` is the folder (``Object 1``) a ``draw:object`` points at as
    ``./Object 1``; ``parts`` are its XML roots by file name (content.xml, styles.xml)."""

    path: str
    media_type: str
    parts: Dict[str, Any] = field(default_factory=dict)


def _manifest(parts: Sequence[str], folders: Dict[str, str]) -> bytes:
    root = element("manifest:manifest", {"manifest:version": "1.3"})
    sub(root, "manifest:file-entry", {"manifest:full-path": "/", "manifest:version": "1.3",
                                      "manifest:media-type": MIMETYPE})
    for folder, media_type in folders.items():
        sub(root, "manifest:file-entry", {"manifest:full-path": folder + "/", "manifest:version": "1.3",
                                          "manifest:media-type": media_type})
    for name in parts:
        sub(root, "manifest:file-entry", {"manifest:full-path": name, "manifest:media-type": "text/xml"})
    return to_bytes(root)


def package_odt(content: Any, styles: Any, meta: Any = None, subdocuments: Sequence[SubDocument] = ()) -> bytes:
    """The bytes of an .odt: ``mimetype`` first and stored, as the ODF package rules require."""
    parts: Dict[str, bytes] = {"content.xml": to_bytes(content), "styles.xml": to_bytes(styles)}
    if meta is not None:
        parts["meta.xml"] = to_bytes(meta)
    for document in subdocuments:
        for name, root in document.parts.items():
            parts[f"{document.path}/{name}"] = to_bytes(root)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        manifest = _manifest(list(parts), {d.path: d.media_type for d in subdocuments})
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
