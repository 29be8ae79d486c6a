"""In an English LibreOffice the same commands speak English (Chinese stays the content)."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from tests.office.docs import paragraphs
from tests.support import office_with_extension, writer_document


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with office_with_extension(tmp_path_factory.mktemp("english-profile"), locale="en-US") as office:
        yield office


def test_messages_follow_the_ui_language(english: Any) -> None:
    with writer_document(english) as doc:
        state, result = english.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-13"})
        assert state == 0
        assert result == "Month “2023-13”: the month must be 1 to 12."
        state, result = english.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09", "Meeting": "general"})
        assert state == 1 and result.startswith("Inserted the 党员大会 plan")
        assert paragraphs(doc)[0].text == "党员大会方案"  # the document's content is Chinese in any UI


def test_undo_step_is_named_in_english(english: Any) -> None:
    with writer_document(english) as doc:
        english.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
        assert doc.getUndoManager().getCurrentUndoActionTitle() == "Insert party meeting plan"
