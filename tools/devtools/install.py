"""`make install` / `make uninstall`: put the extension into the user's own LibreOffice profile.

    python -m devtools.install add build/sanhui.oxt [--profile DIR]
    python -m devtools.install remove org.sanhui.writer [--profile DIR]

A normal user gets `unopkg`. Root cannot (unopkg refuses without --shared), so as root a headless
office is started on the profile and asked through its ExtensionManager. Either way LibreOffice must
not be running on that profile: a second start would hand our work to the running session.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

from devtools import process

IDENTIFIER = "org.sanhui.writer"

CLOSE_FIRST = "请先关闭 LibreOffice，再重试。 / Please close LibreOffice first, then try again."


def default_profile() -> Path:
    """Where LibreOffice keeps this user's profile (it honours $XDG_CONFIG_HOME like LibreOffice does)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "libreoffice" / "4"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.install", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("add", "remove"))
    parser.add_argument("target", help=f"the .oxt to add, or the identifier to remove ({IDENTIFIER})")
    parser.add_argument("--profile", type=Path, default=None, help="LibreOffice user profile directory")
    args = parser.parse_args(argv)
    profile_dir = (args.profile or default_profile()).expanduser().absolute()

    if process.office_running(profile_dir):
        print(
            f"LibreOffice 正在使用 {profile_dir} / LibreOffice is running on {profile_dir}.", file=sys.stderr
        )
        print(CLOSE_FIRST, file=sys.stderr)
        return 1
    if args.action == "add" and not Path(args.target).is_file():
        print(f"找不到扩展文件 / extension file not found: {args.target}", file=sys.stderr)
        return 1
    try:
        if os.geteuid() == 0:
            _with_office(args.action, args.target, profile_dir)
        else:
            _with_unopkg(args.action, args.target, profile_dir)
    except (RuntimeError, LookupError, OSError, subprocess.CalledProcessError) as exc:
        print(f"失败 / failed: {exc}", file=sys.stderr)
        return 1
    done = "已安装 / installed" if args.action == "add" else "已卸载 / removed"
    print(f"{done}: {args.target} ({profile_dir})")
    return 0


def _with_unopkg(action: str, target: str, profile_dir: Path) -> None:
    command = ["unopkg", action, *(["--force"] if action == "add" else [])]
    if action == "add":
        target = str(Path(target).resolve())
    command += [f"-env:UserInstallation={profile_dir.as_uri()}", target]
    subprocess.run(command, check=True, timeout=300)


def _with_office(action: str, target: str, profile_dir: Path) -> None:
    """Install through a headless office on the profile; leave the profile's settings untouched.

    seed=False: the quiet test settings (no auto-recovery, no format warnings) have no place in a
    real user's profile, new or not.
    """
    from devtools.office import Office  # needs uno; keep it out of the unopkg path

    existing = _first_existing(profile_dir)
    owner = existing.stat()
    office = Office(profile_dir, locale=None, strict_odf=False, seed=False)
    try:
        office.start()
        if action == "add":
            office.install_extension(Path(target))
        else:
            office.remove_extension(target)
    finally:
        office.stop()
        if owner.st_uid != 0:
            _give_back(profile_dir, existing, owner.st_uid, owner.st_gid)


def _first_existing(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def _give_back(profile_dir: Path, existing: Path, uid: int, gid: int) -> None:
    """Hand what root just created in someone else's profile back to them (`sudo make install`).

    Only the profile's contents and the folders created above it, never `existing` or its parents.
    """
    created = [p for p in profile_dir.parents if existing in p.parents]
    for path in [*created, profile_dir, *profile_dir.rglob("*")]:
        try:
            if path.lstat().st_uid == 0:
                os.lchown(path, uid, gid)
        except OSError:
            continue


if __name__ == "__main__":
    sys.exit(main())
