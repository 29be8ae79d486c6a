"""Every string a person reads exists in Chinese and English, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Set

import pytest

from sanhui.dates import REASONS
from sanhui.forms.plan_form import FIELDS
from sanhui.i18n import FIELD_LABELS, LANGS, MESSAGES, field_label, lang_of_locale, text

PACKAGE = Path(__file__).resolve().parents[2] / "python" / "sanhui"


def placeholders(template: str) -> Set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert placeholders(entry["zh"]) == placeholders(entry["en"])


@pytest.mark.parametrize("key", sorted(MESSAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_every_message_formats_with_its_placeholders(key: str, lang: str) -> None:
    params = {name: f"<{name}>" for name in placeholders(MESSAGES[key][lang])}
    shown = text(key, lang, params)
    assert "{" not in shown and "}" not in shown
    for value in params.values():
        assert value in shown


# English messages that must quote Chinese input syntax (the rules are written in Chinese).
QUOTES_CHINESE_INPUT = {"bad_rule"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_chinese_messages_are_in_chinese_and_english_ones_in_english(key: str) -> None:
    assert re.search("[\u4e00-\u9fff]", MESSAGES[key]["zh"])
    english = re.sub(r"\{[^}]*\}", "", MESSAGES[key]["en"])
    if key in QUOTES_CHINESE_INPUT:
        english = re.sub(r"[\u4e00-\u9fff]+ \(", "(", english)  # “每月第一个星期五 (first Friday …)”
    assert not re.search("[\u4e00-\u9fff]", english)


@pytest.mark.parametrize("name", sorted(FIELD_LABELS))
def test_every_field_label_has_both_languages(name: str) -> None:
    labels = FIELD_LABELS[name]
    assert set(labels) == set(LANGS)
    assert all(labels[lang].strip() for lang in LANGS)
    assert field_label(name, "zh") == f"{labels['zh']}（{name}）"
    assert name in field_label(name, "en")


def test_every_plan_argument_has_a_label() -> None:
    assert set(FIELDS) <= set(FIELD_LABELS)


@pytest.mark.parametrize(("name", "lang", "label"), [
    ("Month", "zh", "月份（Month）"),
    ("Month", "en", "Month"),
    ("Absent", "zh", "缺席人员及原因（Absent）"),
    ("Unlabelled", "zh", "Unlabelled"),
    ("Unlabelled", "en", "Unlabelled"),
])
def test_field_label(name: str, lang: str, label: str) -> None:
    assert field_label(name, lang) == label


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_every_date_error_has_a_message(reason: str) -> None:
    assert f"date_{reason}" in MESSAGES


def used_keys() -> Set[str]:
    """Message keys the code names literally: text("key" …), FormError(field, "key" …), Localized("key")."""
    patterns = (r'\btext\(\s*"([a-z_]+)"', r'FormError\(\s*[\w"]+,\s*"([a-z_]+)"', r'Localized\(\s*"([a-z_]+)"\)')
    keys: Set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in patterns:
            keys.update(re.findall(pattern, source))
    return keys


def test_every_key_the_code_uses_has_a_message() -> None:
    keys = used_keys()
    assert {"wrong_type", "bad_choice", "type_int", "inserted_plan"} <= keys  # the scan finds them
    assert keys - set(MESSAGES) == set()


@pytest.mark.parametrize(("locale", "lang"), [
    ("zh-CN", "zh"), ("zh-TW", "zh"), ("zh", "zh"), ("ZH-cn", "zh"),
    ("en-US", "en"), ("de-DE", "en"), ("", "en"),
])
def test_ui_language_from_locale(locale: str, lang: str) -> None:
    assert lang_of_locale(locale) == lang


def test_unknown_language_falls_back_to_chinese() -> None:
    assert text("box_title", "fr") == MESSAGES["box_title"]["zh"]


def test_text_without_params_is_the_template() -> None:
    assert text("readonly", "en") == MESSAGES["readonly"]["en"]
