"""Any text a user can type, through the forms and the renderers: either a clear refusal
naming the field, or a document valid against the ODF 1.3 schema that shows the text as typed.
Every other writer: test_properties_writers.py. Examples per test: the hypothesis profile of
tests/unit/conftest.py."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from zipfile import ZipFile

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.forms.errors import FormError
from sanhui.forms.minutes_form import parse_minutes
from sanhui.forms.plan_form import parse_plan
from sanhui.odf.minutes_writer import render_minutes
from sanhui.odf.render import render_plan
from tests.odf_schema import assert_valid_odt
from tests.support import report
from tests.unit.odf_reading import paragraph_text, q

TODAY = date(2023, 9, 1)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


def _texts(data: bytes) -> list:
    content = etree.fromstring(ZipFile(BytesIO(data)).read("content.xml"))
    return [paragraph_text(p) for p in content.iter(q("text:p"))]


@given(branch=TEXT)
@example(branch="2")  # the month put in first made “2023年…” look as if it carried the branch
def test_any_branch_name_is_kept_or_refused(tmp_path_factory, branch: str) -> None:  # type: ignore[no-untyped-def]
    report.count("inputs")
    try:
        request = parse_plan({"Branch": branch, "Month": "2023-09"}, TODAY)
    except FormError as exc:
        assert exc.field == "Branch" and exc.message("zh").startswith("支部名称（Branch）")
        return
    data = render_plan(build_plan(load_pack(), None, "2023年9月", request.branch))
    path = tmp_path_factory.mktemp("p") / "p.odt"
    path.write_bytes(data)
    assert_valid_odt(path)
    assert _texts(data)[0] == f"{request.branch}2023年9月“三会一课”方案"


@given(rows=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5), theme=TEXT)
def test_any_minutes_items_are_kept_or_refused(tmp_path_factory, rows: list, theme: str) -> None:  # type: ignore[no-untyped-def]
    report.count("inputs")
    items = tuple((text, owner, "2030-01-31") for text, owner in rows)
    try:
        minutes = parse_minutes({"BranchA": "甲", "BranchB": "乙", "Theme": theme, "Items": items}, TODAY).minutes
    except FormError as exc:
        assert exc.field in ("Items", "Theme") and "（" in exc.message("zh")
        return
    data = render_minutes(minutes, "h", datetime(2023, 9, 1))
    path = tmp_path_factory.mktemp("m") / "m.odt"
    path.write_bytes(data)
    assert_valid_odt(path)
    shown = _texts(data)
    for item in minutes.items:
        assert item.text in shown and (not item.owner or item.owner in shown)
