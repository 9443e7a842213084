"""UI test setup: real data and logged-in sessions (asyncio on Qt's loop: ``aio``/``run`` in
tests/conftest.py; unexpected Qt warnings fail every test:
``qt_log_level_fail`` in pyproject.toml).

Everything here is real: sessions log in over HTTP to the demo platform
(``demo`` in tests/conftest.py), inventories are the demo network, keyrings
are python-keyring's own backends.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# QT_QPA_PLATFORM is chosen once for the whole run in tests/conftest.py
os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest

from controlroom.api.schema import Transport
from controlroom.demo.network import Network, build_network
from controlroom.inventory import Inventory
from controlroom.session import Session

HERE = Path(__file__).parent


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
