"""What a secretary does to minutes before signing them: type over every <prompt>."""

from __future__ import annotations

from typing import Any


def fill_prompts(doc: Any, text: str = "已记录") -> int:
    """Replace every placeholder field (<领学内容> …) with ``text``; returns how many there were."""
    fields = doc.getTextFields().createEnumeration()
    prompts = []
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.JumpEdit"):
            prompts.append(field)
    for field in prompts:
        anchor = field.getAnchor()
        anchor.getText().insertString(anchor, text, True)
    return len(prompts)
