"""An uncaught exception opens the crash dialog, and "Copy report" copies a masked report.

The hooks are installed in the test body, not in a fixture: pytest-qt puts
its own ``sys.excepthook`` in place for each test phase, and the one we test
must be the one in force when the slot raises (``qt_no_exception_capture``
keeps pytest-qt from also reporting the exception we raise on purpose).
The dialog is shown, never exec()'d, so the test inspects it as it is.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from controlroom.ui import crash_dialog
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from controlroom import crash, logs

SECRETS = ("hunter2", "SEKRET-tok", "Cam3ra!pw", "T-ticket-99")


class Emitter(QObject):
    fired = Signal()


@pytest.fixture
def crash_ui(tmp_path: Path, qapp: QApplication) -> Iterator[tuple[logs.LogSetup, crash_dialog.CrashDialogs]]:
    setup = logs.setup(level="info", directory=tmp_path, console=False, qt=False)
    quits: list[int] = []
    dialogs = crash_dialog.install(qapp, on_quit=lambda: quits.append(1))
    dialogs.quits = quits  # type: ignore[attr-defined]
    try:
        yield setup, dialogs
    finally:
        crash.uninstall()
        if dialogs.dialog is not None:
            dialogs.dialog.close()
            dialogs.dialog.deleteLater()
        dialogs.deleteLater()
        setup.close()


def _reinstall() -> crash.CrashHandler:
    # pytest-qt swapped sys.excepthook for the call phase: put ours back in force
    handler = crash.installed()
    assert handler is not None
    handler.uninstall()
    handler.install()
    return handler


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_copies_a_masked_report(qtbot, crash_ui) -> None:  # type: ignore[no-untyped-def]
    setup, dialogs = crash_ui
    _reinstall()
    logging.getLogger("controlroom.video.player").info(
        "tile 1 plays rtsp://admin:Cam3ra!pw@10.1.2.3:554/ch1?token=SEKRET-tok")
    emitter = Emitter()

    def on_fired() -> None:
        raise RuntimeError("platform refused http://op:hunter2@p.example/api?ticket=T-ticket-99")

    emitter.fired.connect(on_fired)
    QTimer.singleShot(0, emitter.fired.emit)  # from the event loop, as a real signal arrives
    qtbot.waitUntil(lambda: dialogs.dialog is not None and dialogs.dialog.isVisible())
    dialog = dialogs.dialog
    assert dialog.crash.kind is crash.CrashKind.MAIN
    assert dialog.headline.text().startswith("Something went wrong inside ControlRoom: RuntimeError: platform refused")
    assert "op:***@p.example" in dialog.headline.text()
    assert dialog.log_label.text() == f"Log file: {setup.path}"
    assert "on_fired" in dialog.details.toPlainText()
    for label in (dialog.headline.text(), dialog.details.toPlainText()):
        assert not any(s in label for s in SECRETS)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    report = QGuiApplication.clipboard().text()
    assert report == dialog.report_text
    for section in ("== What happened ==", "== Versions ==", "== Doctor (this machine) ==", "== Traceback ==",
                    "== Last "):
        assert section in report
    for version in ("ControlRoom: ", "Python: ", "PySide6 / Qt: ", "libVLC: 3.", "OS: "):
        assert f"\n{version}" in report
    assert "keyring:" in report  # the doctor's local summary
    assert f"log file: {setup.path}" in report
    assert "tile 1 plays rtsp://admin:***@10.1.2.3:554/ch1?token=***" in report  # the last log lines
    assert "uncaught exception in the Qt thread" in report
    assert 'in on_fired\n    raise RuntimeError("platform refused http://op:***@' in report
    assert not any(s in report for s in SECRETS)
    assert "The report is on the clipboard" in dialog.status.text()
    assert not any(s in setup.path.read_text() for s in SECRETS)

    # the app goes on: the event loop still runs, the dialog did not block it
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])
    assert dialog.isVisible()


@pytest.mark.qt_no_exception_capture
def test_a_thread_crash_reaches_the_qt_thread_and_repeats_do_not_pile_up_dialogs(qtbot, crash_ui) -> None:  # type: ignore[no-untyped-def]
    _setup, dialogs = crash_ui
    handler = _reinstall()

    def work() -> None:
        raise ValueError("decoder gave up on http://cam/x?token=SEKRET-tok")

    t = threading.Thread(target=work, name="bridge-thread")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: dialogs.dialog is not None and dialogs.dialog.isVisible())
    first = dialogs.dialog
    assert first.crash.kind is crash.CrashKind.THREAD and first.crash.thread == "bridge-thread"
    assert first.explanation.text().startswith("It happened in a background task (bridge-thread).")

    # the same error again: counted and logged, no second dialog
    t = threading.Thread(target=work, name="bridge-thread")
    t.start()
    t.join()
    # a different error while the dialog is open: noted on it
    emitter = Emitter()
    emitter.fired.connect(lambda: 1 / 0)
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: first.later == 1)
    assert dialogs.dialog is first and first.later_label.isVisible()
    assert "1 more errors since this one" in first.later_label.text()
    assert sorted(handler.counts.values()) == [1, 2]

    # Quit asks the app to end (run_app cancels its main task: the session is closed)
    qtbot.mouseClick(first.quit_button, Qt.MouseButton.LeftButton)
    assert dialogs.quits == [1] and not first.isVisible()  # type: ignore[attr-defined]


def _raise(exc: BaseException) -> None:
    raise exc


@pytest.mark.qt_no_exception_capture
def test_asyncio_errors_open_the_dialog_network_errors_only_log_and_no_dialog_once_detached(qtbot, crash_ui) -> None:  # type: ignore[no-untyped-def]
    setup, dialogs = crash_ui
    handler = _reinstall()
    loop = asyncio.new_event_loop()  # run_app sets the same handler on qasync's loop
    loop.set_exception_handler(handler.asyncio_handler)
    try:
        loop.call_soon(_raise, ConnectionResetError("peer http://u:hunter2@p/ went away"))
        loop.run_until_complete(asyncio.sleep(0))
        assert dialogs.dialog is None and not handler.counts  # a transport's error: logged only
        loop.call_soon(_raise, KeyError("no camera 37132601051310000001"))
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        loop.close()
    assert dialogs.dialog is not None and dialogs.dialog.isVisible()
    assert dialogs.dialog.crash.kind is crash.CrashKind.ASYNC
    assert "talking to the platform" in dialogs.dialog.explanation.text()
    dialogs.dialog.close()

    dialogs.detach()  # run_app does this when its loop ends
    emitter = Emitter()
    emitter.fired.connect(lambda: _raise(LookupError("after the end")))
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: len(handler.counts) == 2)
    assert not dialogs.dialog.isVisible()
    text = setup.path.read_text()
    assert "peer http://u:***@p/ went away" in text and "LookupError: after the end" in text
    assert "hunter2" not in text
