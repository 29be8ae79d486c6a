"""Process-level helpers for a private LibreOffice: find it, bound calls, see and end its processes.

Kept apart from `office` because none of it needs UNO, so it is cheap to test and reuse.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

T = TypeVar("T")

#: Where the osl library of LibreOffice puts its named pipes (the second when the first is not writable).
_PIPE_DIRS = (Path("/tmp"), Path("/var/tmp"))


def find_soffice(soffice: Optional[str] = None) -> str:
    """The soffice to run: the argument, else $SANHUI_SOFFICE, else `soffice` on PATH."""
    wanted = soffice or os.environ.get("SANHUI_SOFFICE") or "soffice"
    found = shutil.which(wanted)
    if found is None:
        raise FileNotFoundError(
            f"LibreOffice not found ({wanted!r}): install libreoffice-writer and python3-uno,"
            " or set SANHUI_SOFFICE to the soffice program"
        )
    return found


def bounded(fn: Callable[..., T], args: Tuple[Any, ...], timeout: float) -> T:
    """`fn(*args)` in a daemon thread; TimeoutError if it has not returned after `timeout` seconds.

    The thread is left behind on timeout: a UNO call blocked on a wedged office returns (with an
    exception) once that office is killed, which is the caller's job.
    """
    outcome: Dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = fn(*args)
        except BaseException as exc:
            outcome["error"] = exc

    name = getattr(fn, "__name__", "call")
    worker = threading.Thread(target=work, name=f"bounded-{name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"{name} did not return within {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def group_members(pgid: int) -> List[int]:
    """Live (non-zombie) processes in a process group.

    Read from /proc because `killpg(pgid, 0)` also counts zombies, and an orphaned soffice.bin can
    stay a zombie for a long time where the container's init does not reap it.
    """
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        return [pgid]
    members = []
    for entry in proc_dir.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


def kill_group(pgid: int, wait: float = 10.0) -> None:
    """SIGKILL a process group and wait (bounded) until no live member is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)


def pipe_path(name: str) -> Optional[Path]:
    """The socket file of an osl named pipe, if it exists."""
    for folder in _PIPE_DIRS:
        path = folder / f"OSL_PIPE_{os.getuid()}_{name}"
        if path.exists():
            return path
    return None


def single_instance_pipe(profile_url: str) -> str:
    """Name of the pipe through which a running office takes over later starts on the same profile.

    LibreOffice names it after the MD5 of the profile URL in UTF-16, written as hex without leading
    zeros per byte (measured with 7.4: it matches both `-env:UserInstallation` and default profiles).
    """
    digest = hashlib.md5(profile_url.encode("utf-16-le")).digest()
    return "SingleOfficeIPC_" + "".join(f"{byte:x}" for byte in digest)


def office_running(profile_dir: Path) -> bool:
    """Whether a LibreOffice is running on this profile (its single-instance pipe answers).

    A second soffice on the same profile would hand its arguments to that office and exit, so an
    --accept pipe and extension changes would land in someone else's session.
    """
    # LibreOffice hashes the URL as it got it: through a symlink (say $HOME) it is not the resolved one.
    urls = {Path(profile_dir).absolute().as_uri(), Path(profile_dir).resolve().as_uri()}
    return any(_answers(pipe_path(single_instance_pipe(url))) for url in urls)


def _answers(path: Optional[Path]) -> bool:
    if path is None:
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(str(path))
        except OSError:
            return False  # a stale socket file left by a killed office
    return True


def remove_stale_pipes(*names: str) -> None:
    """Delete socket files a killed office could not remove (they pile up in /tmp otherwise)."""
    for name in names:
        path = pipe_path(name)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
