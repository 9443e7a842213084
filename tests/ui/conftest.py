"""UI test setup: asyncio on Qt's loop, real data (unexpected Qt warnings fail every test:
``qt_log_level_fail`` in pyproject.toml).

Everything here is real: sessions log in over HTTP to the demo platform
(``demo`` in tests/conftest.py), inventories are the demo network, keyrings
are python-keyring's own backends.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

# QT_QPA_PLATFORM is chosen once for the whole run in tests/conftest.py
os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest

from controlroom.api.schema import Transport
from controlroom.demo.network import Network, build_network
from controlroom.inventory import Inventory
from controlroom.session import Session

HERE = Path(__file__).parent
T = TypeVar("T")


def demo_network() -> Network:
    """The demo platform's network, built here (URLs do not matter to the tree)."""
    return build_network(lambda cid, profile: {Transport.HTTP_TS: f"http://127.0.0.1:1/{cid}/{profile}.ts"})


@pytest.fixture
def network() -> Network:
    """The demo network (28,500 cameras), built fresh per test: tests change camera states."""
    return demo_network()


@pytest.fixture
def full_inventory(network: Network) -> Inventory:
    """An Inventory holding the whole demo network, as a dispatcher's session loads it."""
    inv = Inventory()
    inv.replace(network.sites, network.cameras, network.grids, version=1)
    return inv


@pytest.fixture
def aio(qapp) -> Iterator[asyncio.AbstractEventLoop]:  # type: ignore[no-untyped-def]
    """qasync's loop on the test QApplication, driven by whatever spins Qt's event loop.

    The app runs its coroutines on Qt's loop (ui/app.py); here Qt's loop is
    spun by ``qtbot.waitUntil`` / ``qtbot.waitSignal``, so the loop is marked as
    running for asyncio (what ``qasync.QEventLoop(already_running=True)`` does)
    and tasks advance while the test waits. Not ``already_running=True``
    itself: its ``stop()`` calls ``QApplication.exit()``, which would make every
    later ``waitSignal`` in the session return at once.
    """
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            from pytestqt.qtbot import QtBot

            QtBot(qapp).waitUntil(lambda: all(t.done() for t in pending), timeout=10_000)
        asyncio.events._set_running_loop(None)
        loop.close()  # else its __del__ runs after Qt objects are gone and complains
        asyncio.set_event_loop(None)


@pytest.fixture
def run(qtbot, aio: asyncio.AbstractEventLoop) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """``run(coro, timeout_ms)``: run a coroutine on the app's loop and wait (Qt spinning) for its result."""

    def _run(coro: Coroutine[Any, Any, T], timeout: int = 10_000) -> T:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return _run


@pytest.fixture
def login(demo, run: Callable[..., Any]) -> Iterator[Callable[..., Session]]:  # type: ignore[no-untyped-def]
    """``login(user, password)``: a real Session logged in to the demo platform; closed afterwards."""
    sessions: list[Session] = []

    def _login(username: str = "dispatcher", password: str = "dispatch123") -> Session:
        session = Session(demo.url)
        sessions.append(session)
        run(session.login(username, password))
        return session

    yield _login
    for session in sessions:
        run(session.close())
