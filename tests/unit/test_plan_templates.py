"""The branch's plan templates as files (plan_templates.TemplateStore) and the 方案模板 page's pure
decisions (forms/template_list.py), without LibreOffice: names, replacing, renaming, deleting,
exporting and importing, what a broken file in the folder does (nothing), and which names are refused.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Dict

import pytest

from sanhui.content.pack import MAX_NAME, MAX_PACK_BYTES, ContentPack, PackError, dump_pack, load_pack
from sanhui.forms.errors import FormError
from sanhui.forms.template_list import (
    DELETE,
    EXPORT,
    RENAME,
    SET_DEFAULT,
    Row,
    allowed,
    default_after,
    default_shown,
    default_typed,
    export_file_name,
    rows,
)
from sanhui.model.plan import Entry, Part
from sanhui.plan_templates import BUILT_IN, TemplateStore, check_name, reserved_names

BUILT_IN_ZH = "内置方案（2023年9月种子方案）"


def small_pack(word: str = "学习") -> ContentPack:
    """A plan of one part with one item: enough to tell templates apart."""
    return ContentPack(title="{month}主题党日方案",
                       parts=(Part(None, Entry(text="主题党日", children=(Entry(text=word, notes=("备注一",)),))),))


@pytest.fixture
def store(tmp_path: Path) -> TemplateStore:
    return TemplateStore(tmp_path / "templates")  # not made yet: the first save makes it


def raw(pack: ContentPack) -> Dict[str, Any]:
    return json.loads(dump_pack(pack).decode("utf-8"))


# --- the store ------------------------------------------------------------------------------

def test_a_store_without_a_folder_is_empty(store: TemplateStore) -> None:
    assert store.names() == []
    assert store.find("九月") is None
    with pytest.raises(FormError) as caught:
        store.load("九月")
    assert caught.value.message("zh").startswith("没有名为“九月”的方案模板")


def test_saved_templates_are_listed_by_name_and_read_back(store: TemplateStore) -> None:
    store.save("十月方案", small_pack("十月"))
    store.save("九月方案", load_pack())
    assert store.names() == sorted(["九月方案", "十月方案"])
    assert store.load("十月方案") == replace(small_pack("十月"), name="十月方案")
    seed = store.load("九月方案")
    assert seed.parts == load_pack().parts and seed.name == "九月方案"
    # The files are named by the store, never after what the user typed.
    assert all(len(p.stem) == 32 for p in store.folder.glob("*.json"))


def test_saving_a_name_again_replaces_the_template(store: TemplateStore) -> None:
    first = store.save("十月方案", small_pack("旧"))
    second = store.save(" 十月方案 ", small_pack("新"))  # trimmed: the same name
    assert first == second
    assert store.names() == ["十月方案"]
    assert store.load("十月方案").parts == small_pack("新").parts
    assert [p.name for p in store.folder.iterdir()] == [first.name]  # no temporary file left


def test_rename(store: TemplateStore) -> None:
    store.save("十月方案", small_pack("十月"))
    store.rename("十月方案", "  十月 主题党日 ")
    assert store.names() == ["十月 主题党日"]
    assert store.load("十月 主题党日").parts == small_pack("十月").parts
    store.rename("十月 主题党日", "十月 主题党日")  # the same name: nothing to do
    assert store.names() == ["十月 主题党日"]


def test_rename_to_a_name_taken_is_refused_and_changes_nothing(store: TemplateStore) -> None:
    store.save("九月", small_pack("九"))
    store.save("十月", small_pack("十"))
    with pytest.raises(FormError) as caught:
        store.rename("十月", "九月")
    assert caught.value.message("zh") == "已有名为“九月”的方案模板。"
    assert store.names() == ["九月", "十月"]
    assert store.load("九月").parts == small_pack("九").parts


def test_rename_of_a_template_that_is_gone(store: TemplateStore) -> None:
    with pytest.raises(FormError) as caught:
        store.rename("没有", "有")
    assert caught.value.key == "template_missing"


def test_delete(store: TemplateStore) -> None:
    store.save("九月", small_pack())
    store.save("十月", small_pack())
    store.delete("九月")
    assert store.names() == ["十月"]
    store.delete("九月")  # already gone: nothing to do, no error
    assert store.names() == ["十月"]


def test_export_writes_a_file_that_imports_back_equal(store: TemplateStore, tmp_path: Path) -> None:
    store.save("九月方案", load_pack())
    sent = tmp_path / "发给各支部.json"
    store.export("九月方案", sent)
    assert raw(store.load("九月方案")) == json.loads(sent.read_text(encoding="utf-8"))
    other = TemplateStore(tmp_path / "another-branch")
    assert other.import_file(sent) == "九月方案"
    assert other.load("九月方案") == store.load("九月方案")


def test_an_import_named_as_a_template_there_gets_a_number(store: TemplateStore, tmp_path: Path) -> None:
    store.save("九月方案", small_pack("本支部的"))
    sent = tmp_path / "sent.json"
    sent.write_bytes(dump_pack(replace(small_pack("党委的"), name="九月方案")))
    assert store.import_file(sent) == "九月方案（2）"
    assert store.import_file(sent) == "九月方案（3）"
    assert store.names() == ["九月方案", "九月方案（2）", "九月方案（3）"]
    assert store.load("九月方案").parts == small_pack("本支部的").parts  # the branch's own one kept
    assert store.load("九月方案（2）").parts == small_pack("党委的").parts


def test_an_import_without_a_name_takes_the_files(store: TemplateStore, tmp_path: Path) -> None:
    sent = tmp_path / "2024年3月方案.json"
    sent.write_bytes(dump_pack(small_pack()))
    assert store.import_file(sent) == "2024年3月方案"
    assert store.import_bytes(dump_pack(small_pack()), "2024年3月方案.json") == "2024年3月方案（2）"


def test_an_import_named_as_the_built_in_plan_is_numbered_not_refused(store: TemplateStore, tmp_path: Path) -> None:
    """The built-in plan exported is a file called 内置方案.json without a name inside."""
    sent = tmp_path / "内置方案.json"
    sent.write_bytes(dump_pack(load_pack()))
    assert store.import_file(sent) == "内置方案（2）"
    named = tmp_path / "x.json"
    named.write_bytes(dump_pack(replace(small_pack(), name=BUILT_IN_ZH)))
    assert store.import_file(named) == f"{BUILT_IN_ZH}（2）"


def test_an_imports_long_name_is_shortened_to_fit(store: TemplateStore, tmp_path: Path) -> None:
    long = "很" * MAX_NAME
    sent = tmp_path / "sent.json"
    sent.write_bytes(dump_pack(replace(small_pack(), name=long)))
    assert store.import_file(sent) == long
    again = store.import_file(sent)
    assert again == "很" * (MAX_NAME - 3) + "（2）" and len(again) == MAX_NAME


@pytest.mark.parametrize(("content", "where", "key"), [
    (b"not json at all", "", "pack_not_json"),
    ("模板".encode("gbk"), "", "pack_not_utf8"),
    (b'{"format": "sanhui-content-pack/9", "parts": []}', "format", "pack_format"),
    (json.dumps({"format": "sanhui-content-pack/2", "title": "x",
                 "parts": [{"text": "主题党日", "children": [{"text": "学习"}, {"text": ""}]}]}).encode(),
     "parts[0].children[1].text", "pack_expected_text"),
])
def test_a_bad_import_names_its_fault_and_stores_nothing(store: TemplateStore, tmp_path: Path, content: bytes,
                                                         where: str, key: str) -> None:
    store.save("九月", small_pack())
    sent = tmp_path / "bad.json"
    sent.write_bytes(content)
    for attempt in (lambda: store.import_file(sent), lambda: store.import_bytes(content, "bad.json")):
        with pytest.raises(PackError) as caught:
            attempt()
        assert (caught.value.where, caught.value.key) == (where, key)
        if where:
            assert f"（位置：{where}）" in caught.value.message("zh")
            assert f"(at {where})" in caught.value.message("en")
    assert store.names() == ["九月"]
    assert len(list(store.folder.iterdir())) == 1


def test_an_import_larger_than_any_pack_is_refused_unread(store: TemplateStore, tmp_path: Path) -> None:
    sent = tmp_path / "big.json"
    with sent.open("wb") as big:
        big.truncate(MAX_PACK_BYTES + 1)
    with pytest.raises(PackError) as caught:
        store.import_file(sent)
    assert caught.value.key == "pack_too_large"
    assert "超过了 2048 KB 的上限" in caught.value.message("zh")
    with pytest.raises(PackError):
        store.import_bytes(b" " * (MAX_PACK_BYTES + 1), "big.json")
    assert store.names() == []


def test_a_broken_file_in_the_folder_is_passed_over(store: TemplateStore) -> None:
    store.save("九月", small_pack())
    (store.folder / "broken.json").write_text("{", encoding="utf-8")
    (store.folder / "wrong.json").write_text('{"format": "x"}', encoding="utf-8")
    (store.folder / "nameless.json").write_bytes(dump_pack(small_pack()))  # a pack, but nobody's template
    (store.folder / "notes.txt").write_text("不是模板", encoding="utf-8")
    # A save cut short by a crash leaves a hidden temporary file: never a template.
    (store.folder / ".saving-x.json").write_bytes(dump_pack(replace(small_pack(), name="半个")))
    assert store.names() == ["九月"]
    store.save("十月", small_pack())
    assert store.names() == ["九月", "十月"]


@pytest.mark.parametrize(("name", "key"), [
    ("", "required"),
    ("   ", "required"),
    ("很" * (MAX_NAME + 1), "too_long"),
    ("九月\x07方案", "template_name_bad"),
    (BUILT_IN, "template_name_bad"),
    (BUILT_IN_ZH, "template_name_bad"),
    ("Built-in plan (September 2023 seed)", "template_name_bad"),
])
def test_bad_names_are_refused(store: TemplateStore, name: str, key: str) -> None:
    with pytest.raises(FormError) as caught:
        check_name(name)
    assert (caught.value.field, caught.value.key) == ("Name", key)
    with pytest.raises(FormError):
        store.save(name, small_pack())
    assert store.names() == []


def test_a_good_name_is_trimmed() -> None:
    assert check_name("  九月\t 主题党日  ") == "九月 主题党日"
    assert check_name("很" * MAX_NAME) == "很" * MAX_NAME
    assert check_name("内置方案二") == "内置方案二"  # only the built-in plan's own names are taken


# --- the page's decisions (forms/template_list.py) ---------------------------------------------

def test_the_built_in_plan_is_always_the_first_row() -> None:
    assert rows((), "zh") == (Row(BUILT_IN_ZH, ""),)
    assert rows(("九月", "十月"), "en") == (Row("Built-in plan (September 2023 seed)", ""), Row("九月", "九月"),
                                          Row("十月", "十月"))
    assert BUILT_IN_ZH in reserved_names()


def test_the_built_in_plan_cannot_be_renamed_or_deleted() -> None:
    assert allowed("") == {SET_DEFAULT: True, RENAME: False, DELETE: False, EXPORT: True}
    assert allowed("九月") == {SET_DEFAULT: True, RENAME: True, DELETE: True, EXPORT: True}
    assert not any(allowed(None).values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_default_field_reads_back_as_shown(lang: str) -> None:
    assert default_typed(default_shown("", lang)) == ""
    assert default_typed(default_shown("九月 方案", lang)) == "九月 方案"
    assert default_typed(BUILT_IN_ZH) == default_typed("Built-in plan (September 2023 seed)") == ""
    assert default_typed("  ") == ""


def test_the_saved_default_follows_a_rename_and_falls_back_after_a_delete() -> None:
    assert default_after("九月", "九月", "九月（改）") == "九月（改）"
    assert default_after("九月", "九月", None) == ""  # deleted: the built-in plan
    assert default_after("十月", "九月", None) == "十月"  # another template: unchanged
    assert default_after("", "九月", None) == ""


@pytest.mark.parametrize(("name", "file"), [
    ("九月方案", "九月方案.json"),
    ("", "内置方案.json"),
    ('a/b\\c:d*e?"f"<g>|h', "a_b_c_d_e__f__g__h.json"),
    ("...", "内置方案.json"),
])
def test_export_offers_a_safe_file_name(name: str, file: str) -> None:
    assert export_file_name(name) == file
