"""A private X server (Xvfb) for real-window tests and screenshots, and the X tools that drive it.

`Xvfb` lets the server pick a free display itself (`-displayfd`), so parallel runs never race for a
number; every wait is bounded and `stop()` always ends the server. There is no window manager: a
window gets the keyboard only through `focus()` (xdotool windowfocus), see UNO-NOTES.md "Dialogs".
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple, TypeVar

T = TypeVar("T")


class XvfbError(RuntimeError):
    """Xvfb or an X tool is missing, did not start, or did not answer in time."""


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise XvfbError(f"{name} not found: install {package} (tools/setup-system.sh)")
    return found


class Xvfb:
    """One Xvfb server; `display` is ":N" once started. Use as a context manager."""

    def __init__(self, size: str = "1280x1024x24", start_timeout: float = 15.0) -> None:
        self.size = size
        self.start_timeout = start_timeout
        self.display: Optional[str] = None
        self._proc: Optional[subprocess.Popen[bytes]] = None

    def __enter__(self) -> Xvfb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Xvfb:
        """Start the server on the first free display; raise XvfbError if it is not up in time."""
        if self._proc is not None:
            raise XvfbError("Xvfb already started")
        binary = _tool("Xvfb", "xvfb")
        read_fd, write_fd = os.pipe()
        try:
            self._proc = subprocess.Popen(
                [binary, "-displayfd", str(write_fd), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_fd,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            os.close(write_fd)
            write_fd = -1
            number = self._read_display(read_fd)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read_fd)
            if write_fd >= 0:
                os.close(write_fd)
        self.display = f":{number}"
        return self

    def _read_display(self, read_fd: int) -> int:
        """Xvfb writes the display number it chose to the fd once it accepts connections."""
        assert self._proc is not None
        deadline = time.monotonic() + self.start_timeout
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise XvfbError(f"Xvfb did not start within {self.start_timeout:g} s")
            ready, _, _ = select.select([read_fd], [], [], min(left, 0.2))
            if ready:
                chunk = os.read(read_fd, 64)
                if not chunk:  # the server closed the pipe: it exited
                    break
                data += chunk
            elif self._proc.poll() is not None:
                break
        if not data.strip().isdigit():
            self._proc.wait(5)
            err = self._proc.stderr.read().decode("utf-8", "replace")[-2000:] if self._proc.stderr else ""
            raise XvfbError(f"Xvfb exited during start (code {self._proc.returncode}):\n{err}")
        return int(data.strip())

    def stop(self, timeout: float = 5.0) -> None:
        """End the server (SIGTERM, then SIGKILL after `timeout`). Safe to repeat."""
        proc, self._proc = self._proc, None
        self.display = None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        if proc.stderr is not None:
            proc.stderr.close()

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- X tools on this display ------------------------------------------------------------------

    def _env(self) -> Dict[str, str]:
        if self.display is None:
            raise XvfbError("Xvfb not started")
        return {**os.environ, "DISPLAY": self.display}

    def run(self, *command: str, timeout: float = 10.0, check: bool = True) -> str:
        """Run an X client (xdotool, import, xwininfo …) on this display, bounded; its stdout."""
        try:
            done = subprocess.run(
                list(command), env=self._env(), capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL
            )
        except FileNotFoundError:
            raise XvfbError(f"{command[0]} not found: install xdotool, x11-utils, imagemagick") from None
        except subprocess.TimeoutExpired:
            raise XvfbError(f"{' '.join(command)} did not finish within {timeout:g} s") from None
        if check and done.returncode != 0:
            raise XvfbError(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}"
            )
        return done.stdout.decode("utf-8", "replace")

    def xdotool(self, *args: str, timeout: float = 10.0, check: bool = True) -> str:
        return self.run(_tool("xdotool", "xdotool"), *args, timeout=timeout, check=check)

    def windows(self, name: str = "") -> List[int]:
        """Ids of the visible windows whose title matches the regular expression `name`."""
        out = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
        return [int(line) for line in out.split()]

    def window_name(self, window: int) -> str:
        return self.xdotool("getwindowname", str(window), check=False).strip()

    def geometry(self, window: int) -> Tuple[int, int, int, int]:
        """(x, y, width, height) of a window on the screen."""
        out = self.xdotool("getwindowgeometry", "--shell", str(window))
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def focus(self, window: int) -> None:
        """Give `window` the keyboard (there is no window manager to do it)."""
        self.xdotool("windowfocus", "--sync", str(window))

    def key(self, window: int, *keys: str, delay_ms: int = 60) -> None:
        """Focus `window` and press `keys` (xdotool key names: F10, Right, Down, Return …) one by one."""
        self.focus(window)
        self.xdotool("key", "--delay", str(delay_ms), *keys)

    def screenshot(self, path: Path, crop: Optional[Tuple[int, int, int, int]] = None) -> Path:
        """Save the whole screen (or the (x, y, width, height) `crop` of it) as a PNG."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        command = [_tool("import", "imagemagick"), "-window", "root"]
        if crop is not None:
            x, y, width, height = crop
            command += ["-crop", f"{width}x{height}+{x}+{y}", "+repage"]
        self.run(*command, str(path), timeout=30.0)
        return path


def wait_for(what: str, probe: Callable[[], Optional[T]], timeout: float = 10.0, interval: float = 0.1) -> T:
    """Poll `probe` until it returns something other than None/False; TimeoutError naming `what`."""
    deadline = time.monotonic() + timeout
    last_error: Optional[BaseException] = None
    while True:
        try:
            value = probe()
        except Exception as exc:  # a probe may fail while the thing it looks at is still coming up
            value, last_error = None, exc
        if value is not None and value is not False:
            return value
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error!r})" if last_error is not None else ""
            raise TimeoutError(f"{what}: not seen within {timeout:g} s{detail}")
        time.sleep(interval)

