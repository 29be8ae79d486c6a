"""A private LibreOffice for tests, the demo and benchmarks, started and stopped reliably.

Every blocking UNO call goes through `Office.call`, which bounds it: a wedged office is killed and the
caller fails instead of hanging CI. `stop()` ends the whole process group, because `soffice` is only
the `oosplash` wrapper and killing it alone leaves `soffice.bin` running.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import IO, Any, Callable, Dict, List, Optional, Tuple, TypeVar

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import ConnectionSetupException, NoConnectException
from com.sun.star.uno import RuntimeException as UnoRuntimeException

from devtools import extensions, process, profile

T = TypeVar("T")


def props(**values: Any) -> Tuple[Any, ...]:
    """A UNO PropertyValue sequence from keyword arguments."""
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


FONT_ALIASES = Path(__file__).resolve().parents[2] / "extension" / "fontconfig" / "60-sanhui-gbt9704.conf"


def fontconfig_file(profile_dir: Path) -> Path:
    """A fontconfig file = the system's + the GB/T 9704 font aliases that `make install` puts in
    ~/.config/fontconfig; tests and the demo see the fonts a user's machine would."""
    profile_dir.parent.mkdir(parents=True, exist_ok=True)
    path = profile_dir.parent / (profile_dir.name + "-fonts.conf")
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f'  <include ignore_missing="yes">{FONT_ALIASES}</include>\n</fontconfig>\n',
        encoding="utf-8")
    return path


class Office:
    """One LibreOffice process on its own profile, reached over a private pipe."""

    def __init__(
        self,
        profile_dir: Path,
        *,
        headless: bool = True,
        display: Optional[str] = None,
        locale: Optional[str] = "zh-CN",
        strict_odf: bool = True,
        seed: bool = True,
        soffice: Optional[str] = None,
        start_timeout: float = 60.0,
    ) -> None:
        """Nothing starts yet. `seed=False` leaves the profile as it is (a real user's profile must
        keep its settings); with `seed=True` an existing registrymodifications.xcu is still not touched.
        """
        self.profile_dir = Path(profile_dir).resolve()
        self.headless = headless
        self.display = display
        self.locale = locale
        self.strict_odf = strict_odf
        self.seed = seed
        self.soffice = soffice
        self.start_timeout = start_timeout
        self.pipe = f"sanhui_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        self._proc: Optional[subprocess.Popen[bytes]] = None
        self._log: Optional[IO[bytes]] = None
        self._ctx: Any = None
        self._desktop: Any = None

    def __enter__(self) -> Office:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- life cycle -------------------------------------------------------------------------------

    def start(self) -> Office:
        """Seed the profile, start soffice and connect; on failure raise with soffice's output."""
        if self._proc is not None:
            raise RuntimeError("office already started")
        binary = process.find_soffice(self.soffice)
        if process.office_running(self.profile_dir):
            raise RuntimeError(f"a LibreOffice is already running on the profile {self.profile_dir}")
        if self.seed:
            version = profile.product_version(binary)
            profile.seed(self.profile_dir, profile.settings(self.locale, self.strict_odf, version))
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the office
        self._proc = subprocess.Popen(
            [binary, *self._arguments()],
            env=self._environment(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        atexit.register(self._kill)  # a crashed test run must not leave offices behind
        try:
            self._connect()
        except BaseException:
            self._kill()
            raise
        return self

    def _arguments(self) -> List[str]:
        mode = ["--headless", "--invisible"] if self.headless else []
        return [
            *mode,
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={self.profile_dir.as_uri()}",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]

    def _environment(self) -> Dict[str, str]:
        env = dict(os.environ)
        if not self.headless:
            display = self.display or env.get("DISPLAY")
            if not display:
                raise ValueError("a visible office needs an X display: start Xvfb and pass display=':N'")
            env["DISPLAY"] = display
            env["SAL_USE_VCLPLUGIN"] = "gen"
        env["FONTCONFIG_FILE"] = str(fontconfig_file(self.profile_dir))
        return env

    def _connect(self) -> None:
        """Retry the pipe until the office answers, exits, or the start timeout passes."""
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + self.start_timeout
        while True:
            assert self._proc is not None
            code = self._proc.poll()
            if code is not None:
                hint = " (code 0: another office on this profile took the start over)" if code == 0 else ""
                raise RuntimeError(f"LibreOffice exited during start, code {code}{hint}:\n{self.output()}")
            try:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                self._ctx = process.bounded(resolver.resolve, (url,), left)
                break
            except TimeoutError:
                raise TimeoutError(
                    f"LibreOffice did not answer within {self.start_timeout:g} s:\n{self.output()}"
                ) from None
            except (NoConnectException, ConnectionSetupException, UnoRuntimeException):
                time.sleep(0.1)  # not listening yet, or the bridge went down while it was starting
        self._desktop = self.create("com.sun.star.frame.Desktop")

    def output(self) -> str:
        """The tail of what soffice printed (stdout and stderr), for error messages."""
        if self._log is None or self._log.closed:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-4000:]

    def stop(self, timeout: float = 20.0) -> None:
        """Ask the office to quit, then end its process group whatever it answered. Safe to repeat."""
        proc = self._proc
        if proc is None:
            return
        desktop = self._desktop
        if desktop is not None and proc.poll() is None:
            # terminate() often "fails" with a disposed bridge because the office is already gone.
            with contextlib.suppress(Exception):
                process.bounded(lambda: desktop.terminate(), (), timeout)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout)
        self._kill()

    def _kill(self) -> None:
        """Kill whatever is left of the process group and forget the connection."""
        proc, self._proc = self._proc, None
        self._ctx = self._desktop = None
        atexit.unregister(self._kill)
        if proc is None:
            return
        process.kill_group(proc.pid)
        proc.wait()
        if self._log is not None:
            self._log.close()
        process.remove_stale_pipes(self.pipe, process.single_instance_pipe(self.profile_dir.as_uri()))

    @property
    def alive(self) -> bool:
        """Whether the office process is still running (it may have been killed or have crashed)."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> Optional[int]:
        """Process (and process group) id of the soffice wrapper; None when stopped."""
        return self._proc.pid if self._proc is not None else None

    # -- access -----------------------------------------------------------------------------------

    @property
    def ctx(self) -> Any:
        """The office's component context."""
        if self._ctx is None:
            raise RuntimeError("office not started")
        return self._ctx

    @property
    def smgr(self) -> Any:
        return self.ctx.ServiceManager

    @property
    def desktop(self) -> Any:
        if self._desktop is None:
            raise RuntimeError("office not started")
        return self._desktop

    def create(self, service: str) -> Any:
        """An instance of `service`, created in the office."""
        return self.smgr.createInstanceWithContext(service, self.ctx)

    def call(self, fn: Callable[..., T], *args: Any, timeout: float = 60.0) -> T:
        """`fn(*args)` in a worker thread; past `timeout` kill the office and raise TimeoutError."""
        try:
            return process.bounded(fn, args, timeout)
        except TimeoutError as exc:
            self._kill()
            raise TimeoutError(f"{exc}; the office was killed") from None

    # -- extensions -------------------------------------------------------------------------------
    # All UNO work of a method runs inside one bounded call: even an attribute lookup on a remote
    # object is a round trip that a wedged office can leave unanswered.

    def install_extension(self, oxt: Path, timeout: float = 120.0) -> None:
        """Install (or replace) `oxt` in the user repository; it is usable at once, no restart."""
        oxt = Path(oxt).resolve()
        if not oxt.is_file():
            raise FileNotFoundError(f"extension not found: {oxt}")
        self.call(extensions.add, self.ctx, oxt, timeout=timeout)

    def remove_extension(self, identifier: str, timeout: float = 120.0) -> None:
        """Remove a user extension; LookupError if it is not installed."""
        self.call(extensions.remove, self.ctx, identifier, timeout=timeout)

    def installed_extensions(self, timeout: float = 60.0) -> List[str]:
        """Identifiers of the extensions in the user repository."""
        return self.call(extensions.identifiers, self.ctx, timeout=timeout)

    # -- documents --------------------------------------------------------------------------------

    def new_writer(self, hidden: bool = False, timeout: float = 60.0) -> Any:
        """A new Writer document; Hidden=False gives it a frame and controller (no window when headless)."""
        return self._load_url("private:factory/swriter", props(Hidden=hidden), timeout)

    def load(self, path: Path, readonly: bool = False, hidden: bool = False, timeout: float = 60.0) -> Any:
        path = Path(path).resolve()
        if not path.is_file():
            raise FileNotFoundError(path)
        return self._load_url(path.as_uri(), props(Hidden=hidden, ReadOnly=readonly), timeout)

    def _load_url(self, url: str, args: Tuple[Any, ...], timeout: float) -> Any:
        def loadComponentFromURL() -> Any:
            return self.desktop.loadComponentFromURL(url, "_blank", 0, args)

        doc = self.call(loadComponentFromURL, timeout=timeout)
        if doc is None:
            raise RuntimeError(f"LibreOffice could not load {url}")
        return doc

    def store(self, doc: Any, path: Path, filter_name: str, timeout: float = 60.0) -> Path:
        """Write a copy ("writer8", "MS Word 2007 XML", "writer_pdf_Export"); the document keeps its URL."""
        path = Path(path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        args = props(FilterName=filter_name, Overwrite=True)

        def storeToURL() -> None:
            doc.storeToURL(path.as_uri(), args)

        self.call(storeToURL, timeout=timeout)
        return path

    def documents(self, timeout: float = 60.0) -> List[Any]:
        """Every document the office has open (the desktop's components)."""
        def read() -> List[Any]:
            found = []
            components = self.desktop.getComponents().createEnumeration()
            while components.hasMoreElements():
                found.append(components.nextElement())
            return found

        return self.call(read, timeout=timeout)

    def close(self, doc: Any, timeout: float = 30.0) -> None:
        """Close without saving; a document that is already gone (or an office already stopped) is fine."""
        if self._proc is None:
            return

        def close() -> None:
            with contextlib.suppress(Exception):  # disposed or vetoed: nothing left for the caller
                doc.close(True)

        self.call(close, timeout=timeout)

    def dispatch(
        self, doc_or_frame: Any, url: str, args: Optional[Dict[str, Any]] = None, timeout: float = 60.0
    ) -> Tuple[int, str]:
        """Dispatch `url` on the document's frame; return the (State, Result) the command reported.

        State is a DispatchResultState: 1 success, 0 failure, 2 unknown (also when nothing reported).
        """
        arguments = props(**(args or {}))

        def executeDispatch() -> Tuple[int, str]:
            frame = doc_or_frame
            if hasattr(doc_or_frame, "getCurrentController"):
                frame = doc_or_frame.getCurrentController().getFrame()
            helper = self.create("com.sun.star.frame.DispatchHelper")
            event = helper.executeDispatch(frame, url, "", 0, arguments)
            if event is None:
                return 2, ""
            return int(event.State), "" if event.Result is None else str(event.Result)

        return self.call(executeDispatch, timeout=timeout)
