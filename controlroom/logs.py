"""Logging for a support call: set up once at start, masked everywhere, kept on disk and in memory.

``setup()`` runs once, at the start of the app (``controlroom.cli``). It gives

- a rotating log file in the platform's log folder (``paths.log_dir()``:
  ``~/.local/state/ControlRoom/log`` on Linux, ``%LOCALAPPDATA%`` on Windows,
  ``~/Library/Logs`` on macOS), a few MiB in a few files;
- a ring buffer of the last lines in memory, which goes into crash reports
  (``controlroom.crash``);
- warnings and errors on stderr as before (everything with ``--debug``);
- Qt's own messages routed into logging (``qInstallMessageHandler``);
- libVLC's own log routed into logging (``attach_libvlc``), at a level that
  does not flood: warnings and errors only, unless the level is debug, and at
  most a few lines a minute of any one kind of message.

One masking filter (``MaskingFilter``) sees every record before any handler
does: it is installed as the log-record factory, so no logger, call site or
handler (ours, a library's, pytest's) can forget it. It formats the message
with its arguments, formats the exception and the stack, and masks all three
with ``controlroom.logsafe.mask_text`` (tokens, ``user:pass@``, ``token=`` /
``ticket=`` query values, ``Authorization`` headers). The raw exception is
then dropped from the record: only its masked text travels on. Our own
handlers carry the same filter too, for records made without the factory
(``logging.makeLogRecord``). Masking is idempotent, so twice does no harm.

qutebrowser's ``utils/log.py`` (categories, a RAM handler, the Qt message
handler) is the model.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import ctypes
import logging
import logging.handlers
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from controlroom import paths
from controlroom.logsafe import mask_text

LOG_FILE = "controlroom.log"
MAX_BYTES = 5 * 1024 * 1024  # per file; with BACKUPS, at most 25 MiB of history on disk
BACKUPS = 4
RING_LINES = 500  # kept in memory for a crash report
FORMAT = "%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s"

#: ``log.level`` setting values -> logging levels
LEVELS: dict[str, int] = {"warning": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}

#: Libraries that say too much for a support log: their floor at each level.
#: qasync logs every callback at debug; httpx logs every request at info.
_NOISY: dict[str, Callable[[int], int]] = {
    "qasync": lambda level: max(level, logging.INFO),
    "httpcore": lambda level: max(level, logging.INFO),
    "hpack": lambda level: max(level, logging.INFO),
    "httpx": lambda level: level if level <= logging.DEBUG else max(level, logging.WARNING),
}

_MASKED = "_controlroom_masked"


# ---------------------------------------------------------------------- masking


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask ``record`` in place (message with its args, exception, stack); idempotent."""
    if record.__dict__.get(_MASKED):
        return record
    try:
        message = record.getMessage()
    except Exception:  # bad %-args: keep what there is, masked, instead of an error later
        message = f"{record.msg!r} (unformattable arguments: {record.args!r})"
    record.msg = mask_text(message)
    record.args = ()
    if record.exc_info and record.exc_info[0] is not None:
        if not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
    record.exc_info = None  # only the masked text goes on (Formatter prints exc_text)
    if record.exc_text:
        record.exc_text = mask_text(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_text(record.stack_info)
    record.__dict__[_MASKED] = True
    return record


class MaskingFilter(logging.Filter):
    """The one masking filter: every record passes through ``mask_record`` (see the module doc)."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


# ---------------------------------------------------------------------- the ring buffer


class RingBuffer(logging.Handler):
    """The last ``capacity`` formatted lines, in memory, for crash reports (qutebrowser's RAMHandler)."""

    def __init__(self, capacity: int = RING_LINES) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(self.format(record))
        except Exception:
            self.handleError(record)

    def lines(self, n: int | None = None) -> list[str]:
        with self.lock or contextlib.nullcontext():
            out = list(self._lines)
        return out if n is None else out[-n:]


# ---------------------------------------------------------------------- libVLC's log


class RateLimiter:
    """At most ``per_window`` messages of one kind per ``window`` seconds; counts the rest.

    Time is passed in (tests need no sleeps). ``allow(key, now)`` answers
    whether to log, and how many of this kind were held back in the window
    that just ended (reported with the next one that passes).
    """

    def __init__(self, per_window: int = 5, window: float = 600.0, max_keys: int = 2048) -> None:
        self.per_window = per_window
        self.window = window
        self.max_keys = max_keys
        self._state: dict[object, list[float]] = {}  # key -> [window start, passed, held back]
        self._lock = threading.Lock()

    def allow(self, key: object, now: float) -> tuple[bool, int]:
        with self._lock:
            st = self._state.get(key)
            if st is None or now - st[0] >= self.window:
                held = int(st[2]) if st is not None else 0
                if st is None and len(self._state) >= self.max_keys:
                    self._state.clear()  # bounded: a storm of distinct messages cannot grow this
                self._state[key] = [now, 1, 0]
                return True, held
            if st[1] < self.per_window:
                st[1] += 1
                return True, 0
            st[2] += 1
            return False, 0


# libvlc_log_level: LIBVLC_DEBUG=0, LIBVLC_NOTICE=2, LIBVLC_WARNING=3, LIBVLC_ERROR=4
_VLC_LEVELS = {0: logging.DEBUG, 1: logging.DEBUG, 2: logging.INFO, 3: logging.WARNING, 4: logging.ERROR}
_VLC_LINE = 1024  # bytes; a longer libVLC message is cut (its format string names it anyway)


def _find_vsnprintf() -> Any:
    """libc's ``vsnprintf`` (``_vsnprintf`` from msvcrt on Windows), or None."""
    candidates: list[tuple[str | None, str]] = (
        [("msvcrt", "_vsnprintf"), ("ucrtbase", "_vsnprintf")] if sys.platform == "win32" else [(None, "vsnprintf")]
    )
    for lib, name in candidates:
        try:
            fn = getattr(ctypes.CDLL(lib), name)
        except (OSError, AttributeError):
            continue
        fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
        fn.restype = ctypes.c_int
        return fn
    return None


def _find_get_context(vlc: Any) -> Any:
    """``libvlc_log_get_context`` with a plain prototype (python-vlc's wrapper takes odd arguments)."""
    try:
        proto = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                 ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_uint))
        return proto(("libvlc_log_get_context", vlc.dll))
    except (AttributeError, OSError):
        return None


class LibVlcLog:
    """libVLC's own log into Python logging (logger ``libvlc``), through the same masking filter.

    libVLC calls ``_on_message`` on its own threads, for every message of
    every level (debug too: about 170 per player opened, none while a stream
    plays steadily, measured on Debian's 3.0.21). So the callback first drops
    what is below ``threshold`` (WARNING unless the log level is debug), then
    formats the message with libc's ``vsnprintf`` (the ``va_list`` is
    consumed once, into a fixed buffer), and rate-limits by message kind
    (module + format string): each tile that opens says about a dozen
    harmless warnings (no VDPAU, no XVideo, no PulseAudio under Xvfb), and a
    tour of 16 tiles must not push a day of history out of the rotation. At
    most 5 of a kind per 10 minutes pass (200 a minute at debug, where one
    wants each tile's "creating access" line); the count of the rest comes
    with the next one that does.

    The cost: a libVLC thread that logs waits for the GIL, so a message
    logged while the Qt thread holds the GIL for long can hold that libVLC
    thread up; messages come at open and close, not while a stream plays
    (none in 10 s of four steady streams, measured), which is why this is
    acceptable. ``libvlc_log_set_file`` would avoid the GIL but gives neither
    level nor module, so nothing could be filtered or rate-limited.

    Rules kept here: the callback never calls back into libVLC (the only
    libVLC function used, ``libvlc_log_get_context``, is the documented
    accessor of the message being delivered: it reads the message's context
    and takes no lock), never raises into C, and stays referenced as long as
    an instance may call it (``self._cb``; ``detach`` unsets it first).
    """

    def __init__(self, debug: bool = False) -> None:
        import vlc

        self.logger = logging.getLogger("libvlc")
        self.limiter = RateLimiter()
        self.threshold = logging.WARNING
        self.set_debug(debug)
        self._vsnprintf = _find_vsnprintf()
        self._get_context = _find_get_context(vlc)
        self._cb = vlc.CallbackDecorators.LogCb(self._on_message)
        self._instances: list[Any] = []

    def set_debug(self, debug: bool) -> None:
        """Debug: libVLC's debug messages too, and a looser rate limit; else warnings and errors only."""
        self.threshold = logging.DEBUG if debug else logging.WARNING
        self.limiter.per_window, self.limiter.window = (200, 60.0) if debug else (5, 600.0)

    def attach(self, instance: Any) -> None:
        if any(i is instance for i in self._instances):
            return
        instance.log_set(self._cb, None)
        self._instances.append(instance)

    def detach(self) -> None:
        """Unset the callback on every instance (libVLC waits for callbacks in flight)."""
        for instance in self._instances:
            with contextlib.suppress(Exception):
                instance.log_unset()
        self._instances.clear()

    def _format(self, fmt: bytes | None, args: int | None) -> str:
        if not fmt:
            return ""
        if self._vsnprintf is None or args is None:
            return fmt.decode("utf-8", "replace")  # no libc to format with: the format is still useful
        buf = ctypes.create_string_buffer(_VLC_LINE)
        n = self._vsnprintf(buf, _VLC_LINE, fmt, args)
        text = buf.value.decode("utf-8", "replace")
        return text + "…" if n >= _VLC_LINE else text

    def _on_message(self, _data: Any, level: int, ctx: Any, fmt: bytes | None, args: int | None) -> None:
        try:
            py_level = _VLC_LEVELS.get(level, logging.DEBUG)
            if py_level < self.threshold or not self.logger.isEnabledFor(py_level):
                return
            module = ""
            if self._get_context is not None and ctx:
                raw = ctypes.c_char_p()
                self._get_context(ctypes.cast(ctx, ctypes.c_void_p), ctypes.byref(raw), None, None)
                module = (raw.value or b"").decode("ascii", "replace")
            text = self._format(fmt, args)
            ok, held = self.limiter.allow((module, fmt), time.monotonic())
            if not ok:
                return
            logger = self.logger.getChild(module) if module.isidentifier() else self.logger
            if held:
                logger.log(py_level, "%d more messages like the next were not logged in the last %g s",
                           held, self.limiter.window)
            logger.log(py_level, "%s", text)
        except Exception:
            pass


# ---------------------------------------------------------------------- Qt's messages


def _qt_level(mode: Any) -> int:
    from PySide6.QtCore import QtMsgType

    return {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)


# ---------------------------------------------------------------------- the set-up


class LogSetup:
    """What ``setup()`` installed; ``close()`` takes it all back (tests; the app just exits)."""

    def __init__(self, *, path: Path | None, ring: RingBuffer, level: int, debug: bool, problem: str | None) -> None:
        #: the log file, or None when it could not be opened (``problem`` says why)
        self.path = path
        self.ring = ring
        self.level = level
        #: ``--debug``: the level stays at debug whatever the setting says
        self.debug = debug
        self.problem = problem
        self.filter = MaskingFilter()
        self.handlers: list[logging.Handler] = []
        self.libvlc: LibVlcLog | None = None
        self._old_factory: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()
        self._old_root_level = logging.getLogger().level
        self._old_levels: dict[str, int] = {}
        self._old_qt_handler: Any = None
        self._qt_installed = False
        self._unsubscribe: Callable[[], None] | None = None

    # -- levels

    def set_level(self, level: int | str) -> None:
        """Change the level now (``log.level`` takes effect at once); ``--debug`` keeps debug."""
        if isinstance(level, str):
            level = LEVELS[level]
        if self.debug:
            level = logging.DEBUG
        self.level = level
        logging.getLogger().setLevel(level)
        for name, floor in _NOISY.items():
            logging.getLogger(name).setLevel(floor(level))
        if self.libvlc is not None:
            self.libvlc.set_debug(level <= logging.DEBUG)

    def follow(self, settings: Any) -> None:
        """Follow the ``log.level`` setting of ``settings`` (a ``controlroom.settings.Settings``)."""

        def changed(name: str, value: Any) -> None:
            if name == "log.level" and value in LEVELS:
                self.set_level(value)
                logging.getLogger("controlroom.logs").info("log level: %s", logging.getLevelName(self.level))

        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = settings.on_change(changed)

    # -- libVLC and Qt

    def attach_libvlc(self, instance: Any) -> None:
        if self.libvlc is None:
            self.libvlc = LibVlcLog(debug=self.level <= logging.DEBUG)
        self.libvlc.attach(instance)

    def _qt_message(self, mode: Any, context: Any, message: str) -> None:
        category = getattr(context, "category", None) or "default"
        name = "qt" if category == "default" else f"qt.{category}"
        level = _qt_level(mode)
        logging.getLogger(name).log(level, "%s", message)
        if level >= logging.CRITICAL:  # Qt aborts after a fatal message: get it onto disk first
            for h in self.handlers:
                with contextlib.suppress(Exception):
                    h.flush()
        if callable(self._old_qt_handler):  # pytest-qt's capture, when a test set this up
            self._old_qt_handler(mode, context, message)

    def install_qt_handler(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        if not self._qt_installed:
            self._old_qt_handler = qInstallMessageHandler(self._qt_message)
            self._qt_installed = True

    # -- teardown

    def detach_libvlc(self) -> None:
        if self.libvlc is not None:
            self.libvlc.detach()

    def close(self) -> None:
        global _current
        atexit.unregister(self.detach_libvlc)
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.detach_libvlc()
        if self._qt_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._old_qt_handler)
            self._qt_installed = False
        root = logging.getLogger()
        for h in self.handlers:
            root.removeHandler(h)
            h.close()
        self.handlers.clear()
        logging.setLogRecordFactory(self._old_factory)
        root.setLevel(self._old_root_level)
        for name, level in self._old_levels.items():
            logging.getLogger(name).setLevel(level)
        if _current is self:
            _current = None


_current: LogSetup | None = None


def current() -> LogSetup | None:
    """The set-up in force, if ``setup()`` ran."""
    return _current


def setup(
    *,
    level: int | str = "info",
    debug: bool = False,
    directory: Path | None = None,
    console: bool = True,
    qt: bool = True,
    ring_lines: int = RING_LINES,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> LogSetup:
    """Set logging up for this process (once: a second call returns the first set-up).

    ``level`` is the ``log.level`` setting (or a logging level); ``debug``
    (``--debug``) forces debug. ``directory`` defaults to ``paths.log_dir()``.
    When the folder cannot be written the app still runs: the ring buffer
    and stderr keep working and ``problem`` says why there is no file.
    """
    global _current
    if _current is not None:
        return _current
    ring = RingBuffer(ring_lines)
    directory = directory if directory is not None else paths.log_dir()
    file_path = directory / LOG_FILE
    path: Path | None = file_path
    problem = None
    file_handler: logging.Handler | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)  # the operator's own: names, cameras
        file_handler = logging.handlers.RotatingFileHandler(
            file_path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError as exc:
        problem = f"the log file {file_path} cannot be written: {exc.strerror or exc}"
        path = None
    numeric = LEVELS[level] if isinstance(level, str) else level
    s = LogSetup(path=path, ring=ring, level=numeric, debug=debug, problem=problem)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [ring]
    if file_handler is not None:
        handlers.append(file_handler)
    if console:
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(logging.DEBUG if debug else logging.WARNING)
        handlers.append(stderr)
    for h in handlers:
        h.setFormatter(formatter)
        h.addFilter(s.filter)
    s.handlers = handlers

    old_factory = s._old_factory

    def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return mask_record(old_factory(*args, **kwargs))

    logging.setLogRecordFactory(masked_record)
    root = logging.getLogger()
    s._old_levels = {name: logging.getLogger(name).level for name in _NOISY}
    for h in handlers:
        root.addHandler(h)
    s.set_level(numeric)
    _current = s
    # before the interpreter goes away, no libVLC thread may call into Python any more
    atexit.register(s.detach_libvlc)
    if qt:
        s.install_qt_handler()
    # libVLC instances made before the set-up (none in the app; maybe in a test run)
    vlc_options = sys.modules.get("controlroom.video.vlc_options")
    for inst in list(getattr(vlc_options, "_instances", {}).values()):
        with contextlib.suppress(Exception):
            s.attach_libvlc(inst)
    log = logging.getLogger("controlroom.logs")
    log.info("ControlRoom starting (pid %d); log level %s; log file %s",
             os.getpid(), logging.getLevelName(s.level), path)
    if problem:
        log.warning("%s; logging to memory and stderr only", problem)
    return s


def attach_libvlc(instance: Any) -> None:
    """Route ``instance``'s own log through logging, if ``setup()`` ran (else libVLC stays ``--quiet``)."""
    if _current is not None:
        try:
            _current.attach_libvlc(instance)
        except Exception:
            logging.getLogger("controlroom.logs").exception("libVLC's log cannot be routed into the log file")
