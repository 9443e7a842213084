"""Uncaught exceptions: logged (masked), announced to the UI, and turned into a report for support.

``CrashHandler.install()`` runs at start and takes ``sys.excepthook`` (the
main thread, and under PySide6 every exception raised in a Qt slot or a
virtual method override), ``threading.excepthook``, ``sys.unraisablehook``
(``__del__`` and finalizers: logged only, never a dialog) and, for qasync,
the asyncio loop's exception handler (``asyncio_handler``). Each uncaught
exception is logged with its traceback through the masking filter
(``controlroom.logs``) and announced once per kind (same type, same place)
on ``crashed``, which the UI turns into a dialog (``ui/crash_dialog.py``),
queued to the Qt thread when it came from another thread. The app goes on.

``build_report`` makes the text of the "Copy report" button: versions, the
doctor's local summary, the error and the last log lines, all masked.
qutebrowser's ``misc/crashsignal.py`` and ``misc/crashdialog.py`` are the model.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import enum
import io
import logging
import platform as pyplatform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

from controlroom import __version__
from controlroom.logsafe import mask_text

log = logging.getLogger("controlroom.crash")

#: A kind of error logged in full this many times; after that one line at 10, 100, 1000... occurrences
FULL_LOGS = 3
REPORT_LINES = 200  # last log lines in a report


class CrashKind(enum.Enum):
    """Where an uncaught exception came from (the UI words it)."""

    MAIN = "main"  # the Qt thread: a slot, an event handler, a timer
    THREAD = "thread"  # another Python thread
    ASYNC = "async"  # an asyncio task or callback on qasync's loop


@dataclass(frozen=True)
class Crash:
    """One uncaught exception, already masked."""

    kind: CrashKind
    thread: str
    type_name: str
    message: str
    traceback: str
    when: dt.datetime
    #: (exception type, innermost file:line): the same bug, seen again
    signature: tuple[str, str]
    context: str = ""  # asyncio's message ("Task exception was never retrieved")

    @property
    def summary(self) -> str:
        return f"{self.type_name}: {self.message}" if self.message else self.type_name


def make_crash(
    kind: CrashKind, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
    thread: str | None = None, context: str = "",
) -> Crash:
    text = "".join(traceback.format_exception(exc_type, exc, tb)).rstrip("\n")
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    try:
        message = str(exc) if exc is not None else ""
    except Exception:  # an exception whose __str__ raises
        message = "(message cannot be shown)"
    return Crash(
        kind=kind, thread=thread or threading.current_thread().name, type_name=exc_type.__qualname__,
        message=mask_text(message)[:2000], traceback=mask_text(text), when=dt.datetime.now().astimezone(),
        signature=(f"{exc_type.__module__}.{exc_type.__qualname__}", where), context=mask_text(context),
    )


class CrashHandler(QObject):
    """The process's crash hooks; create it on the Qt thread (queued signals land there)."""

    #: a Crash, once per signature; queued to the Qt thread from other threads
    crashed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[tuple[str, str], int] = {}
        self.crashes: list[Crash] = []  # the first of each signature, in order
        self.presenters: list[Callable[[Crash], None]] = []
        self._lock = threading.Lock()
        self._old: dict[str, Any] = {}

    # ------------------------------------------------------------------ hooks

    def install(self) -> None:
        if self._old:
            return
        self._old = {"excepthook": sys.excepthook, "threading": threading.excepthook,
                     "unraisable": sys.unraisablehook}
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        sys.unraisablehook = self._unraisablehook

    def uninstall(self) -> None:
        if not self._old:
            return
        sys.excepthook = self._old["excepthook"]
        threading.excepthook = self._old["threading"]
        sys.unraisablehook = self._old["unraisable"]
        self._old = {}

    def connect_presenter(self, slot: Callable[[Crash], None]) -> None:
        """``slot`` (a bound method of a QObject on the Qt thread) shows each new crash."""
        self.crashed.connect(slot)
        self.presenters.append(slot)

    def disconnect_presenter(self, slot: Callable[[Crash], None]) -> None:
        if slot in self.presenters:
            self.presenters.remove(slot)
            self.crashed.disconnect(slot)

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._old.get("excepthook", sys.__excepthook__)(exc_type, exc, tb)
            return
        kind = CrashKind.MAIN if threading.current_thread() is threading.main_thread() else CrashKind.THREAD
        self.handle(make_crash(kind, exc_type, exc, tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # threading's own rule: a thread may end with SystemExit
        name = args.thread.name if args.thread is not None else None
        self.handle(make_crash(CrashKind.THREAD, args.exc_type, args.exc_value, args.exc_traceback, name))

    def _unraisablehook(self, args: Any) -> None:
        # an exception in __del__ or a finalizer: worth a log line, not a dialog
        try:
            what = f"{args.err_msg or 'Exception ignored in'}: {args.object!r}"
        except Exception:
            what = "Exception ignored in an object that cannot be shown"
        log.error("%s", what, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    def asyncio_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """For ``loop.set_exception_handler``: asyncio's log line, plus a dialog for a real bug.

        Network errors a transport reports (``OSError``) are logged only.
        """
        exc = context.get("exception")
        if not isinstance(exc, BaseException) or isinstance(exc, OSError | asyncio.CancelledError):
            loop.default_exception_handler(context)
            return
        message = str(context.get("message") or "")
        self.handle(make_crash(CrashKind.ASYNC, type(exc), exc, exc.__traceback__, context=message))

    # ------------------------------------------------------------------ the one path

    def handle(self, crash: Crash) -> None:
        """Log ``crash`` and announce it to the UI the first time its signature is seen."""
        try:
            with self._lock:
                n = self.counts.get(crash.signature, 0) + 1
                self.counts[crash.signature] = n
                if n == 1:
                    self.crashes.append(crash)
            where = {CrashKind.MAIN: "in the Qt thread", CrashKind.THREAD: f"in thread {crash.thread}",
                     CrashKind.ASYNC: "in an asyncio task or callback"}[crash.kind]
            if n <= FULL_LOGS:
                seen = "first time" if n == 1 else f"seen {n} times"
                log.error("uncaught exception %s%s (%s)\n%s", where,
                          f" ({crash.context})" if crash.context else "", seen, crash.traceback)
            elif _power_of_ten(n):
                log.error("uncaught exception %s again: %s (seen %d times)", where, crash.summary, n)
            if n == 1:
                if self.presenters:
                    self.crashed.emit(crash)
                elif crash.kind is not CrashKind.ASYNC:
                    # no window to tell (before the app starts, after it ends): the terminal
                    print(crash.traceback, file=sys.stderr)
        except Exception:  # the crash hook itself must not crash
            with contextlib.suppress(Exception):
                print(crash.traceback, file=sys.stderr)

    def report(self, crash: Crash | None = None) -> str:
        from controlroom import logs

        setup = logs.current()
        return build_report(
            crash,
            log_path=setup.path if setup else None,
            last_lines=setup.ring.lines(REPORT_LINES) if setup else [],
            doctor=doctor_summary(),
            versions=versions(),
            seen=self.counts,
        )


def _power_of_ten(n: int) -> bool:
    while n >= 10 and n % 10 == 0:
        n //= 10
    return n == 1


# ---------------------------------------------------------------------- the report


def versions() -> dict[str, str]:
    """What support asks first: which versions of everything."""
    out: dict[str, str] = {
        "ControlRoom": __version__ + (" (installed bundle)" if getattr(sys, "frozen", False) else ""),
        "Python": f"{pyplatform.python_version()} ({pyplatform.python_implementation()})",
    }
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        out["PySide6 / Qt"] = f"{PySide6.__version__} / {qVersion()}"
    except Exception as exc:
        out["PySide6 / Qt"] = f"unknown ({type(exc).__name__})"
    try:
        import vlc

        raw = vlc.libvlc_get_version()
        version = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        out["libVLC"] = f"{version} (python-vlc {vlc.__version__})"
    except Exception as exc:
        out["libVLC"] = f"not loaded ({type(exc).__name__}: {exc})"
    out["OS"] = pyplatform.platform()
    return out


def doctor_summary() -> str:
    """``controlroom doctor``'s local checks (no platform), as it prints them."""
    try:
        from controlroom import doctor

        report = doctor.collect(None, None)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            doctor._print_human(report)
        return buf.getvalue().rstrip("\n")
    except Exception as exc:
        return f"the doctor's checks failed: {type(exc).__name__}: {exc}"


@dataclass
class _Section:
    title: str
    lines: list[str] = field(default_factory=list)


def build_report(
    crash: Crash | None,
    *,
    log_path: Path | None,
    last_lines: list[str],
    doctor: str,
    versions: dict[str, str],
    seen: dict[tuple[str, str], int] | None = None,
) -> str:
    """The text that "Copy report" puts on the clipboard: plain text, masked as a whole."""
    sections = [_Section("ControlRoom error report", [
        f"time: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"log file: {log_path if log_path is not None else 'none (not written)'}",
    ])]
    if crash is not None:
        what = _Section("What happened", [
            f"{crash.summary}",
            f"where: {crash.kind.value} ({crash.thread}), at {crash.when.isoformat(timespec='seconds')}",
        ])
        if crash.context:
            what.lines.append(f"asyncio: {crash.context}")
        if seen:
            others = sum(n for sig, n in seen.items()) - 1
            if others > 0:
                what.lines.append(f"uncaught exceptions in this run besides this one: {others}")
        sections.append(what)
    sections.append(_Section("Versions", [f"{k}: {v}" for k, v in versions.items()]))
    sections.append(_Section("Doctor (this machine)", doctor.splitlines()))
    if crash is not None:
        sections.append(_Section("Traceback", crash.traceback.splitlines()))
    sections.append(_Section(f"Last log lines ({len(last_lines)} records)", last_lines))
    text = "\n\n".join(f"== {s.title} ==\n" + "\n".join(s.lines) for s in sections) + "\n"
    return mask_text(text)


# ---------------------------------------------------------------------- one per process

_handler: CrashHandler | None = None


def install() -> CrashHandler:
    """The process's crash hooks, installed on first call (at start: ``controlroom.cli``)."""
    global _handler
    if _handler is None:
        _handler = CrashHandler()
        _handler.install()
    return _handler


def installed() -> CrashHandler | None:
    return _handler


def uninstall() -> None:
    """Give the hooks back (tests; the app keeps them until it exits)."""
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None
