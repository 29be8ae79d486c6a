"""Regenerate the built-in content pack from the seed plan, by the recogniser.

The built-in pack (python/sanhui/content/packs/month-plan.zh-CN.json) is not written by hand:
it is what ``recognise`` reads from the seed (tests/data/2023-09-sanhui-yike-plan.txt), so the
seed's words go in exactly as given — not one character added or lost — and the pack changes
only when the seed or the recogniser does. ``--check`` fails when the file is out of date
(tests/unit/test_recognise.py asserts the same).

    .venv/bin/python tools/make_seed_pack.py [--check]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from sanhui.content.pack import DEFAULT_PACK, ContentPack, dump_pack  # noqa: E402
from sanhui.content.recognise import decode_text, recognise  # noqa: E402

SEED = ROOT / "tests" / "data" / "2023-09-sanhui-yike-plan.txt"
SOURCE = "2023年9月“三会一课”方案（项目种子方案）"
TITLE = "{month}“三会一课”方案"


def seed_pack(seed: Path = SEED) -> ContentPack:
    """The pack the seed file recognises as, with where its words come from."""
    found = recognise(decode_text(seed.read_bytes()))
    if found.pack.title != TITLE or found.unread:
        raise SystemExit(f"the seed no longer reads as expected: title {found.pack.title!r}, unread {found.unread}")
    return dataclasses.replace(found.pack, source=SOURCE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the pack file is out of date")
    parser.add_argument("--out", type=Path, default=DEFAULT_PACK)
    args = parser.parse_args()
    data = dump_pack(seed_pack())
    if args.check:
        if args.out.read_bytes() != data:
            print(f"{args.out} is out of date: run tools/make_seed_pack.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
