"""The recogniser (content/recognise.py) over the seed and over texts in every common form."""

from __future__ import annotations

import dataclasses

from sanhui.content.pack import load_pack
from sanhui.content.recognise import decode_text, recognise
from tests.unit.seed import SEED, seed_text


def test_the_seed_recognises_as_the_built_in_pack() -> None:
    seed_text()  # fails clearly when the seed is missing
    found = recognise(decode_text(SEED.read_bytes()))
    assert dataclasses.replace(load_pack(), source="", name="") == found.pack
    assert found.month == (2023, 9)
    assert found.unread == ()
