"""Several documents open: a command dispatched through document A's frame writes into A only,
while document B — with the same kind of content, its cursor in the same kind of place — is the
desktop's current component. B's office:body stays byte-identical (normalised as in
tests/support/odf_body.py), its undo list untouched, and it stays the current component.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterator, Tuple

import pytest

from tests.office.docs import saved_body
from tests.office.test_every_place import (
    CONTEXT,
    INSERTS,
    MINUTES_ARGS,
    SUCCESS,
    _add_context,
    _components,
    _context_table,
    _undo_titles,
)
from tests.support import report

OTHER_ITEMS = (("乙文档的事项", "乙", "2030-01-31"),)


def _props(args: Dict[str, Any]) -> Tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue

    return tuple(PropertyValue(Name=k, Value=v) for k, v in args.items())


def dispatch_through(office: Any, frame: Any, url: str, args: Dict[str, Any]) -> Tuple[int, str]:
    """frame.queryDispatch(url) → dispatchWithNotification, as a menu click on that frame does."""
    import unohelper
    from com.sun.star.frame import XDispatchResultListener

    class Listener(unohelper.Base, XDispatchResultListener):
        def __init__(self) -> None:
            self.result: Tuple[int, str] = (2, "")

        def dispatchFinished(self, event: Any) -> None:
            self.result = (int(event.State), str(event.Result or ""))

        def disposing(self, source: Any) -> None:
            pass

    def run() -> Tuple[int, str]:
        import uno

        transformer = office.create("com.sun.star.util.URLTransformer")
        parsed = uno.createUnoStruct("com.sun.star.util.URL")
        parsed.Complete = url
        _, parsed = transformer.parseStrict(parsed)
        dispatcher = frame.queryDispatch(parsed, "_self", 0)
        assert dispatcher is not None, f"frame A has no dispatch for {url}"
        listener = Listener()
        dispatcher.dispatchWithNotification(parsed, _props(args), listener)
        return listener.result

    report.count("commands")
    return office.call(run, timeout=60)


@pytest.fixture
def two_documents(office: Any) -> Iterator[Tuple[Any, Any]]:
    a = office.new_writer()
    b = None
    try:
        b = office.new_writer()
        yield a, b
    finally:
        for doc in (a, b):
            if doc is not None:
                office.close(doc)


COMMANDS = [*INSERTS, *CONTEXT, "TaskLedger"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_writes_only_into_its_own_frames_document(office: Any, two_documents: Tuple[Any, Any],
                                                           tmp_path: Path, command: str) -> None:
    a, b = two_documents
    report.count("places", "another document is current")
    kind = CONTEXT[command][0] if command in CONTEXT else ("minutes" if command == "TaskLedger" else None)
    for doc, text in ((a, "甲文档"), (b, "乙文档")):
        doc.getText().setString(text)
        if kind == "minutes":
            args = dict(MINUTES_ARGS) if doc is a else dict(MINUTES_ARGS, Items=OTHER_ITEMS)
            doc.getCurrentController().getViewCursor().gotoStart(False)
            assert office.dispatch(doc, "sanhui:InsertMinutes", args)[0] == SUCCESS
            from devtools.prompts import fill_prompts

            fill_prompts(doc)
        elif kind == "tasks":
            _add_context(office, doc, "tasks")
        if kind is not None:
            table = _context_table(doc, kind)
            doc.getCurrentController().getViewCursor().gotoRange(table.getCellByName("B2").getEnd(), False)
    b.getCurrentController().getFrame().activate()
    assert office.desktop.getCurrentComponent().RuntimeUID == b.RuntimeUID, "B is not the current component"
    before_a = saved_body(office, a, tmp_path / "a-before.odt")
    before_b = saved_body(office, b, tmp_path / "b-before.odt")
    titles_b = _undo_titles(b)
    known = _components(office)
    args = INSERTS.get(command) or (CONTEXT[command][1] if command in CONTEXT else {"Source": "document"})
    frame_a = a.getCurrentController().getFrame()
    state, result = dispatch_through(office, frame_a, f"sanhui:{command}", args)
    new = {uid: comp for uid, comp in _components(office).items() if uid not in known}
    try:
        assert state == SUCCESS, result
        if command == "TaskLedger":
            assert len(new) == 1
            ledger = next(iter(new.values()))
            rows = ledger.getTextTables().getByIndex(0).getDataArray()
            assert [str(r[3]) for r in rows[1:]] == [i[0] for i in MINUTES_ARGS["Items"]], "not A's items"
            assert saved_body(office, a, tmp_path / "a-after.odt") == before_a
        else:
            assert not new
            assert saved_body(office, a, tmp_path / "a-after.odt") != before_a, "A was not written"
    finally:
        for comp in new.values():
            office.close(comp)
    assert saved_body(office, b, tmp_path / "b-after.odt") == before_b, "B was written"
    assert _undo_titles(b) == titles_b
    if command != "TaskLedger":  # the ledger's new document is current now, as it should be
        assert office.desktop.getCurrentComponent().RuntimeUID == b.RuntimeUID
