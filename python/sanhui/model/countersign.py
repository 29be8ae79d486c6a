"""What the two secretaries sign, and how a later change to it is found and named.

The signed content is read back from the document (the minutes' paragraphs, the agreed
items, the signers' names and dates), normalised so that a save as .odt or .docx and a
reload do not count as a change, and fingerprinted with SHA-256. The whole signed reading is
kept beside the fingerprint, so verification can say *what* changed: which item, which field.
The 跟踪反馈 column is not signed: it is filled in as the items are followed up.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

ITEM_FIELDS = ("序号", "事项", "责任人", "完成时限")
FORMAT = "sanhui-countersign/1"


def normalize(text: str) -> str:
    """NFC, no-break and ideographic spaces as spaces, runs of white space as one, trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u3000", " ")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class MinutesReading:
    """The signed content of one minutes, as read from a document."""

    title: str
    paragraphs: Tuple[str, ...]
    items: Tuple[Tuple[str, ...], ...]  # one (序号, 事项, 责任人, 完成时限) per agreed item
    signers: Tuple[Tuple[str, str], ...]  # (姓名, 日期) of secretary A, then B

    def normalized(self) -> MinutesReading:
        return MinutesReading(
            title=normalize(self.title),
            paragraphs=tuple(p for p in (normalize(x) for x in self.paragraphs) if p),
            items=tuple(tuple(normalize(c) for c in row) for row in self.items),
            signers=tuple((normalize(n), normalize(d)) for n, d in self.signers),
        )

    def to_json(self) -> str:
        data = {"format": FORMAT, "title": self.title, "paragraphs": list(self.paragraphs),
                "items": [list(r) for r in self.items], "signers": [list(s) for s in self.signers]}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    @staticmethod
    def from_json(text: str) -> MinutesReading:
        data: Dict[str, Any] = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("not a sanhui countersign record")
        return MinutesReading(
            title=str(data["title"]),
            paragraphs=tuple(str(p) for p in data["paragraphs"]),
            items=tuple(tuple(str(c) for c in row) for row in data["items"]),
            signers=tuple((str(n), str(d)) for n, d in data["signers"]),
        )


def fingerprint(reading: MinutesReading) -> str:
    """SHA-256 (hex) of the normalised reading: the same minutes give the same fingerprint."""
    return hashlib.sha256(reading.normalized().to_json().encode("utf-8")).hexdigest()


def short_code(digest: str) -> str:
    """The first 16 hex digits in groups of four, printed in the countersign block."""
    head = digest[:16].upper()
    return "-".join(head[i:i + 4] for i in range(0, 16, 4))


Change = Tuple[str, Dict[str, object]]  # an i18n key and its parameters


def changes(signed: MinutesReading, now: MinutesReading) -> List[Change]:
    """What differs between the signed reading and the current one, item by item, field by
    field; paragraphs by their first difference. Empty when they are the same."""
    a, b = signed.normalized(), now.normalized()
    out: List[Change] = []
    if a.title != b.title:
        out.append(("change_title", {"old": a.title, "new": b.title}))
    for index in range(max(len(a.items), len(b.items))):
        if index >= len(b.items):
            out.append(("change_item_removed", {"n": index + 1, "text": a.items[index][1]}))
        elif index >= len(a.items):
            out.append(("change_item_added", {"n": index + 1, "text": b.items[index][1]}))
        else:
            for field, old, new in zip(ITEM_FIELDS, a.items[index], b.items[index]):
                if old != new:
                    out.append(("change_item_field", {"n": index + 1, "field": field, "old": old, "new": new}))
    for index, (was, now_signer) in enumerate(zip(a.signers, b.signers)):
        if was != now_signer:
            out.append(("change_signer", {"side": "AB"[index], "old": "，".join(was), "new": "，".join(now_signer)}))
    if a.paragraphs != b.paragraphs:
        old_set, new_set = list(a.paragraphs), list(b.paragraphs)
        removed = [p for p in old_set if p not in new_set]
        added = [p for p in new_set if p not in old_set]
        if removed or added:
            out.append(("change_text", {"old": removed[0] if removed else "", "new": added[0] if added else "",
                                        "count": max(len(removed), len(added))}))
        else:
            out.append(("change_order", {}))
    return out
