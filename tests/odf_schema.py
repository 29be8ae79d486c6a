"""Validate an ODT against the OASIS ODF 1.3 RelaxNG schemas, with no office running.

The schemas are the official OASIS files shipped in the PyPI package openxml-audit (a dev
dependency); lxml's RelaxNG does the validation, whichever ElementTree rendered the bytes.
Shared by tests/unit (rendered fragments) and tests/office (documents LibreOffice saved).
Embedded objects (a chart's ``Object 1/``: a sub-document listed in the manifest with its own
media type) are validated as documents too, and every ``draw:object`` must point at one.

The files are found where the package lies, without importing it: openxml-audit needs Python
3.10, and the unit tests also run under 3.8 (the Makefile installs it there for its schemas only).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import zipfile
from pathlib import Path
from typing import List, Union

from lxml import etree

SCHEMA_PACKAGE = "openxml_audit"
SCHEMA_FOLDER = ("odf", "schemas")  # openxml_audit/odf/schemas/
DOCUMENT_SCHEMA = "odf-1.3/OpenDocument-v1.3-schema.rng"
MANIFEST_SCHEMA = "odf-1.3/OpenDocument-v1.3-manifest-schema.rng"
MIMETYPE = "application/vnd.oasis.opendocument.text"
DOCUMENT_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")  # checked when present
MANIFEST = "META-INF/manifest.xml"
_MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_XLINK_NS = "http://www.w3.org/1999/xlink"


@functools.lru_cache(maxsize=None)
def schema(relative: str) -> etree.RelaxNG:
    """One bundled schema, loaded once per test session (the 1.3 schema is 700 kB)."""
    spec = importlib.util.find_spec(SCHEMA_PACKAGE)  # a top-level package: found, not imported
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location).joinpath(*SCHEMA_FOLDER, relative)
        if path.is_file():
            return etree.RelaxNG(etree.parse(str(path)))
    raise AssertionError(f"ODF schema {relative} missing from {SCHEMA_PACKAGE}: pip install openxml-audit")


def schema_errors(relative: str, part: str, data: bytes) -> List[str]:
    """The schema's complaints about one XML part, as ``part:line: message`` lines."""
    try:
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        return [f"{part}: not well-formed XML: {exc}"]
    validator = schema(relative)
    if validator.validate(tree):
        return []
    return [f"{part}:{error.line}: {error.message}" for error in validator.error_log]


def odt_errors(path_or_bytes: Union[str, Path, bytes]) -> List[str]:
    """Everything wrong with an ODT package: schema errors of each part, package rules."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [f"not a zip package: {exc}"]
    with zf:
        infos = zf.infolist()
        names = [info.filename for info in infos]
        errors: List[str] = []
        if not infos or infos[0].filename != "mimetype":
            errors.append("mimetype is not the first file of the package")
        elif infos[0].compress_type != zipfile.ZIP_STORED:
            errors.append("mimetype is compressed; it must be stored")
        elif zf.read("mimetype") != MIMETYPE.encode("ascii"):
            errors.append(f"mimetype is {zf.read('mimetype')!r}, not {MIMETYPE}")
        for part in ("content.xml", "styles.xml", MANIFEST):
            if part not in names:
                errors.append(f"{part} missing")
        for part in DOCUMENT_PARTS:
            if part in names:
                errors.extend(schema_errors(DOCUMENT_SCHEMA, part, zf.read(part)))
        if MANIFEST in names:
            manifest = zf.read(MANIFEST)
            errors.extend(schema_errors(MANIFEST_SCHEMA, MANIFEST, manifest))
            errors.extend(_unlisted(names, manifest))
            folders = _subdocuments(manifest)
            for folder in folders:
                if f"{folder}/content.xml" not in names:
                    errors.append(f"sub-document {folder}/ has no content.xml")
                for part in DOCUMENT_PARTS:
                    if f"{folder}/{part}" in names:
                        errors.extend(schema_errors(DOCUMENT_SCHEMA, f"{folder}/{part}", zf.read(f"{folder}/{part}")))
            if "content.xml" in names:
                errors.extend(_dangling_objects(zf.read("content.xml"), folders))
        return errors


def _subdocuments(manifest: bytes) -> List[str]:
    """The folders the manifest lists as embedded ODF documents (``Object 1/``, a chart), without
    the slash; "/" (the document itself) is not one of them."""
    try:
        root = etree.fromstring(manifest)
    except etree.XMLSyntaxError:
        return []
    found = []
    for entry in root.iter(f"{{{_MANIFEST_NS}}}file-entry"):
        path = entry.get(f"{{{_MANIFEST_NS}}}full-path") or ""
        media = entry.get(f"{{{_MANIFEST_NS}}}media-type") or ""
        if path != "/" and path.endswith("/") and media.startswith("application/vnd.oasis.opendocument."):
            found.append(path[:-1])
    return found


def _dangling_objects(content: bytes, folders: List[str]) -> List[str]:
    """``draw:object`` links into the package (``./Object 1``) that name no listed sub-document."""
    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []
    errors = []
    for obj in root.iter(f"{{{_DRAW_NS}}}object"):
        href = obj.get(f"{{{_XLINK_NS}}}href")
        if href is None or "://" in href or href.startswith("/"):
            continue  # an inline office:document, or a link outside the package
        target = href[2:] if href.startswith("./") else href
        if target.rstrip("/") not in folders:
            errors.append(f"content.xml: draw:object {href} is no sub-document of the package")
    return errors


def _unlisted(names: List[str], manifest: bytes) -> List[str]:
    """Files the manifest does not list (ODF 1.3 part 2, §3.2: every file but mimetype and META-INF/)."""
    try:
        root = etree.fromstring(manifest)
    except etree.XMLSyntaxError:
        return []  # already reported
    listed = {entry.get(f"{{{_MANIFEST_NS}}}full-path") for entry in root.iter(f"{{{_MANIFEST_NS}}}file-entry")}
    return [f"{name} is not listed in the manifest" for name in names
            if name != "mimetype" and not name.startswith("META-INF/") and not name.endswith("/")
            and name not in listed]


def assert_valid_odt(path_or_bytes: Union[str, Path, bytes]) -> None:
    """Raise AssertionError listing every schema and package error of an ODT (a path or its bytes)."""
    errors = odt_errors(path_or_bytes)
    if errors:
        raise AssertionError("invalid ODT:\n  " + "\n  ".join(errors))
