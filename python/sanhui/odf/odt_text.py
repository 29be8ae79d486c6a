"""The text of ODF paragraphs and table rows as a reader sees it on the page.

Shared by the task ledger and the meeting ledger: LibreOffice re-saves what the extension wrote
with spans, text:s runs of spaces, tabs and line breaks, and both must read it back as written.
"""

from __future__ import annotations

from typing import Any, List

from .xml import NS

_T = "{" + NS["table"] + "}"
CELLS = (_T + "table-cell", _T + "covered-table-cell")
P, H = f"{{{NS['text']}}}p", f"{{{NS['text']}}}h"
_S, _TAB, _BREAK = (f"{{{NS['text']}}}{name}" for name in ("s", "tab", "line-break"))
_C = f"{{{NS['text']}}}c"
_ANNOTATION = f"{{{NS['office']}}}annotation"
MAX_SPACES = 10000  # a text:s claiming more is a hostile file, not a document


def row_texts(row: Any) -> List[str]:
    """The texts of a row's cells, covered ones too (as empty) so columns stay in place.

    Most cells hold one paragraph of plain text on one line: that is read here, as cheaply as
    the tree allows (the ledgers read thousands of files); anything else by cell_text."""
    out = []
    for cell in row:
        if cell.tag not in CELLS:
            continue
        if len(cell) == 1:
            p = cell[0]
            if p.tag == P and not len(p):
                text = p.text
                if not text:
                    out.append("")
                    continue
                if "\n" not in text:
                    out.append(text.strip())
                    continue
        out.append(cell_text(cell))
    return out


def cell_text(cell: Any) -> str:
    """A cell's text: its paragraphs, each line stripped, empty ones left out, one per line; a
    drop-down field reads as the value it shows (the text after its labels)."""
    lines = (line.strip() for p in cell.iter(P) for line in written(p).split("\n"))
    return "\n".join(line for line in lines if line)


def written(p: Any) -> str:
    """A paragraph's text as written: text:s is text:c spaces, text:tab a tab, text:line-break a
    new line (itertext() would drop all three); nested paragraphs are read on their own, and a
    comment (office:annotation: its author, date and text) is not the paragraph's text."""
    out = [p.text or ""]
    for child in p:
        tag = child.tag
        if tag == _S:
            count = child.get(_C) or "1"
            out.append(" " * min(int(count) if count.isdigit() else 1, MAX_SPACES))
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BREAK:
            out.append("\n")
        elif tag != P and tag != _ANNOTATION:
            out.append(written(child))
        out.append(child.tail or "")
    return "".join(out)
