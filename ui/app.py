"""Start the desktop app: Qt application, translators, asyncio on Qt's loop, login, main window.

One event loop: qasync runs asyncio on Qt's, so the platform client's
coroutines and the widgets share a thread and never need locks. The flow is
a loop of sessions: log in → main window → (log out → log in again | quit).
Whatever happens, the session is closed in ``finally`` and pending tasks are
cancelled before the loop goes away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import TYPE_CHECKING, Any

import qasync
from controlroom.ui import crash_dialog, i18n, theme
from controlroom.ui.login_dialog import LoginDialog, exec_async
from controlroom.ui.main_window import MainWindow
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

if TYPE_CHECKING:
    from controlroom.session import Session

log = logging.getLogger("controlroom.ui.app")


def run_app(
    *,
    url: str | None,
    username: str | None,
    password: str | None,
    language: str | None,
    verify: bool | str = True,
    view: str | None = None,
    layout: int | None = None,
    demo: bool = False,
) -> int:
    """Run ControlRoom until the operator quits; returns the process exit code.

    When ``url``, ``username`` and ``password`` are all given (the demo does
    this) the login starts at once; otherwise the login dialog is pre-filled
    with what was given. ``verify`` checks the platform's TLS certificate:
    True, False (``--insecure``) or the path of a CA bundle (``--ca``).
    The wall opens ``view`` (``--view``), or a wall of the first ``layout``
    cameras (``demo --layout N``), else the last view; ``demo`` makes a first
    start show a live 3x3 of demo cameras.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ControlRoom")
    app.setOrganizationName("ControlRoom")
    app.setApplicationDisplayName("ControlRoom")
    # the session loop decides when to end, not the last closed window
    app.setQuitOnLastWindowClosed(False)
    if language is None:  # --lang first, then the Settings dialog's choice, then CONTROLROOM_LANG, the system
        from controlroom import settings

        chosen = settings.shared().get("language")
        language = None if chosen == "auto" else chosen
    i18n.install_translators(language)
    theme.apply_dark_theme(app)
    crash_dialogs = crash_dialog.install(app)  # uncaught exceptions: logged, a dialog, the app goes on

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(crash_dialogs.handler.asyncio_handler)
    main = loop.create_task(run_sessions(
        url=url, username=username, password=password, verify=verify,
        wall_start={"start_view": view, "start_layout": layout, "demo": demo}))
    _let_ctrl_c_quit(app, main)
    crash_dialogs.on_quit = main.cancel  # "Quit ControlRoom" in the crash dialog: as Ctrl+C, sessions closed
    try:
        return loop.run_until_complete(main)
    except asyncio.CancelledError:  # Ctrl+C in the terminal
        return 130
    finally:
        crash_dialogs.detach()  # an error from here on ends the app: logged, no dialog
        _cancel_pending(loop)
        loop.close()
        asyncio.set_event_loop(None)


def _let_ctrl_c_quit(app: QApplication, main: asyncio.Task[int]) -> None:
    # cancelling the main task runs its finally blocks: the session still gets closed.
    # Python only sees SIGINT when Python code runs; a slow idle timer gives it the chance.
    signal.signal(signal.SIGINT, lambda *_: main.cancel())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)


def _cancel_pending(loop: asyncio.AbstractEventLoop) -> None:
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        with contextlib.suppress(Exception):
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


def _needs_no_login(url: str) -> bool:
    """A camera file (``--url cameras.toml``) opens without a user name or password."""
    from controlroom.api.errors import PlatformError
    from controlroom.backends import address

    try:
        return address.parse(url).backend == address.STATIC_FILE
    except PlatformError:
        return False


async def run_sessions(
    *, url: str | None, username: str | None, password: str | None, verify: bool | str = True,
    wall_start: dict[str, Any] | None = None,
) -> int:
    """Log in, run the main window, and again after a logout, until the operator quits; 0.

    ``run_app`` runs this on qasync's loop; the end-to-end tests run it too.
    """
    auto = bool(url and ((username and password) or _needs_no_login(url)))
    remembered = password  # kept in memory only, for a re-login within this run
    while True:
        dialog = LoginDialog(url=url, username=username, password=remembered, verify=verify)
        # with everything given (controlroom demo, --url --user and a password) log in unseen:
        # the dialog flashed up empty for a moment; it shows only if that login fails
        if auto and await dialog.attempt_login():
            result = QDialog.DialogCode.Accepted
        else:
            result = await exec_async(dialog)
        session = dialog.session
        if result != QDialog.DialogCode.Accepted or session is None:
            return 0
        url = session.base_url
        username = dialog.user.username if dialog.user is not None else username
        remembered = dialog.password if dialog.remember.isChecked() else None
        dialog.deleteLater()
        auto = False
        try:
            outcome = await _run_session(session, wall_start or {})
            wall_start = None  # after a logout the wall opens the last view
        finally:
            with contextlib.suppress(Exception):
                await session.close()
        if outcome != "logout":
            return 0


async def _run_session(session: Session, wall_start: dict[str, Any]) -> str:
    """Show the main window for a logged-in session until it closes; "logout" or "quit"."""
    window = MainWindow(session, **wall_start)
    closed = window.wait_closed()
    window.show()
    loader = asyncio.ensure_future(load_session(session, window))
    try:
        return await closed
    finally:
        loader.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await loader
        window.deleteLater()


async def load_session(session: Session, window: MainWindow) -> None:
    """Load the inventory into ``window`` with progress, then start the live events.

    The window shows "loading" from the first call here until
    ``load_inventory`` returns, whatever the session says meanwhile.
    """
    from controlroom.api.errors import PlatformError

    done = False

    def progress(n: int, total: int) -> None:
        # the camera pages may still report after a sibling request failed the load
        if not done:
            window.set_loading_progress(n, total)

    window.set_loading_progress(0, 0)
    try:
        await session.load_inventory(progress=progress)
    except PlatformError as exc:
        done = True
        window.loading_failed(str(exc))
        return
    except Exception as exc:
        done = True
        log.exception("loading the inventory failed")
        window.loading_failed(QCoreApplication.translate("App", "unexpected error: {error}").format(error=exc))
        return
    await asyncio.sleep(0)  # the inventory's listeners and the wall's start in separate turns of the loop
    window.loading_finished()
    session.start_events()
