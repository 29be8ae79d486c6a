"""The countersign record: the fingerprint and the signed reading, kept in the document's
user-defined properties (they survive .odt and .docx), taken back with the Countersign step
on undo."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Tuple

import uno
import unohelper
from com.sun.star.document import XUndoAction

from ..model.countersign import MinutesReading

PREFIX = "sanhui-countersign-"
REMOVEABLE = uno.getConstantByName("com.sun.star.beans.PropertyAttribute.REMOVEABLE")


def _container(doc: Any) -> Any:
    return doc.getDocumentProperties().getUserDefinedProperties()


def records(doc: Any) -> Dict[str, Tuple[str, MinutesReading]]:
    """token → (sha256, signed reading) for every countersigned minutes in the document."""
    props = _container(doc)
    out: Dict[str, Tuple[str, MinutesReading]] = {}
    for prop in props.getPropertySetInfo().getProperties():
        if prop.Name.startswith(PREFIX):
            try:
                data = json.loads(str(props.getPropertyValue(prop.Name)))
                out[prop.Name[len(PREFIX):]] = (str(data["sha256"]), MinutesReading.from_json(data["reading"]))
            except (ValueError, KeyError, TypeError):
                continue  # not ours after all, or damaged: the minutes then count as unsigned
    return out


def record(doc: Any, token: str) -> Optional[Tuple[str, MinutesReading]]:
    return records(doc).get(token)


class RecordUndo(unohelper.Base, XUndoAction):
    """Adds the record now, removes it on undo, adds it again on redo."""

    def __init__(self, doc: Any, token: str, digest: str, reading: MinutesReading) -> None:
        self.Title = "sanhui"
        self.doc = doc
        self.name = PREFIX + token
        self.value = json.dumps({"sha256": digest, "reading": reading.to_json()}, ensure_ascii=False)

    def add(self) -> None:
        props = _container(self.doc)
        if props.getPropertySetInfo().hasPropertyByName(self.name):
            props.setPropertyValue(self.name, self.value)
        else:
            props.addProperty(self.name, REMOVEABLE, self.value)

    def undo(self) -> None:
        props = _container(self.doc)
        if props.getPropertySetInfo().hasPropertyByName(self.name):
            props.removeProperty(self.name)

    def redo(self) -> None:
        self.add()
