"""Joint minutes in the pure layers: the form's rules, the rendered fragment, and what the
fingerprint notices (and what it must not: a round trip's white space)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sanhui.forms.errors import FormError
from sanhui.forms.minutes_form import parse_item, parse_minutes, parse_signing
from sanhui.model.countersign import MinutesReading, changes, fingerprint, short_code
from sanhui.odf.minutes_writer import ITEM_HEADER, render_minutes
from tests.odf_schema import assert_valid_odt
from tests.unit.odf_reading import office_text, q, read_odt

TODAY = date(2023, 9, 26)
ARGS = {"BranchA": "机关第一党支部", "SecretaryA": "王明", "BranchB": "生产一线党支部", "SecretaryB": "李强",
        "Items": (("建立联合攻关小组", "张三", "2023-10-31"), ("", "", ""), ("共享培训资源", "李四", "10月8日"))}


def test_items_skip_blank_rows_and_write_deadlines_in_gb_form() -> None:
    minutes = parse_minutes(ARGS, TODAY).minutes
    assert [(i.text, i.owner, i.deadline) for i in minutes.items] == [
        ("建立联合攻关小组", "张三", "2023年10月31日"), ("共享培训资源", "李四", "2023年10月8日")]
    assert minutes.title() == "机关第一党支部与生产一线党支部联建会议纪要"


@pytest.mark.parametrize("change, field, key", [
    ({"SecretaryB": "王明"}, "SecretaryB", "same_secretary"),
    ({"BranchB": "机关第一党支部"}, "BranchB", "same_branch"),
    ({"Items": (("甲", "张三", "明年"),)}, "Items", "item_deadline"),
    ({"Items": (("", "张三", "2023-10-31"),)}, "Items", "item_without_text"),
    ({"Items": "甲"}, "Items", "wrong_type"),
    ({"Date": "2023-02-30"}, "Date", "date_no_such_day"),
])
def test_bad_minutes_input_names_the_field(change: dict, field: str, key: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_minutes(dict(ARGS, **change), TODAY)
    assert (caught.value.field, caught.value.key) == (field, key)


def test_a_past_deadline_is_a_warning_not_an_error() -> None:
    request = parse_minutes(dict(ARGS, Items=(("补报", "张三", "2023-01-31"),)), TODAY)
    assert [w.key for w in request.warnings] == ["item_deadline_passed"]


def test_own_branch_comes_from_the_defaults() -> None:
    minutes = parse_minutes({"BranchB": "乙支部", "SecretaryB": "李强"}, TODAY,
                            {"BranchA": "甲支部", "SecretaryA": "王明"}).minutes
    assert (minutes.branch_a, minutes.secretary_a) == ("甲支部", "王明")


def test_add_item_and_signing_forms() -> None:
    item, warnings = parse_item({"Item": "互派骨干", "Owner": "王五", "Deadline": "2023/12/31"}, TODAY)
    assert (item.deadline, warnings) == ("2023年12月31日", ())
    with pytest.raises(FormError):
        parse_item({"Owner": "王五"}, TODAY)
    signing = parse_signing({}, TODAY, ("王明", "李强"))
    assert (signing.signer_a, signing.date_b) == ("王明", "2023年9月26日")
    with pytest.raises(FormError) as caught:
        parse_signing({"SignerB": "王明"}, TODAY, ("王明", ""))
    assert caught.value.key == "same_secretary"


def test_rendered_minutes_are_valid_with_section_tables_and_prompts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = render_minutes(parse_minutes(ARGS, TODAY).minutes, "t1", datetime(2023, 9, 26))
    (tmp_path / "m.odt").write_bytes(data)
    assert_valid_odt(tmp_path / "m.odt")
    body = office_text(read_odt(data).content)
    section = body.find(q("text:section"))
    assert section.get(q("text:name")) == "联建会议纪要-t1"
    tables = {t.get(q("table:name")): t for t in section.iter(q("table:table"))}
    assert set(tables) == {"联建事项-t1", "联建会签-t1"}
    header = ["".join(c.itertext()) for c in tables["联建事项-t1"].find(q("table:table-header-rows")).iter(
        q("table:table-cell"))]
    assert tuple(header) == ITEM_HEADER
    assert len(list(section.iter(q("text:placeholder")))) == 7  # 3 under 第一议题, 4 under 工作研讨


READING = MinutesReading("甲与乙联建会议纪要", ("时间：2023年9月25日", "一、第一议题"),
                         (("1", "建立小组", "张三", "2023年10月31日"), ("2", "共享资源", "李四", "2023年11月30日")),
                         (("王明", "2023年9月26日"), ("李强", "2023年9月26日")))


def test_fingerprint_ignores_white_space_a_round_trip_may_change() -> None:
    spaced = MinutesReading(" 甲与乙联建会议纪要", ("时间：2023年9月25日\u00a0", "", "一、第一议题"), READING.items,
                            READING.signers)
    assert fingerprint(spaced) == fingerprint(READING)
    assert MinutesReading.from_json(READING.to_json()) == READING
    assert short_code("0123456789abcdef" * 4) == "0123-4567-89AB-CDEF"


def test_changes_name_the_item_and_field() -> None:
    now = MinutesReading(READING.title, READING.paragraphs,
                         (READING.items[0], ("2", "共享资源", "赵六", "2023年11月30日"), ("3", "新增", "", "")),
                         READING.signers)
    assert fingerprint(now) != fingerprint(READING)
    assert changes(READING, now) == [
        ("change_item_field", {"n": 2, "field": "责任人", "old": "李四", "new": "赵六"}),
        ("change_item_added", {"n": 3, "text": "新增"}),
    ]
    assert changes(READING, READING) == []
