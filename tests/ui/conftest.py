"""UI test setup: offscreen Qt, fail on unexpected Qt warnings, shared inventories.

``QT_QPA_PLATFORM`` must be set before anything imports Qt, hence at the top.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CONTROLROOM_LANG", "en")

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the helpers beside the tests

from controlroom.inventory import Inventory

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # as qutebrowser does: a Qt warning nobody expected is a failure
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support propagateSizeHints\(\)",
                r"This plugin does not support raise\(\)",
            ))


def _full_inventory() -> Inventory:
    try:
        from controlroom.demo.network import build_network
    except ImportError:
        build_network = None
    if build_network is None:
        import synthetic

        return synthetic.build_inventory()
    from controlroom.api.schema import Transport

    # URLs do not matter to the tree
    net = build_network(lambda a, b: {Transport.HTTP_TS: f"http://127.0.0.1:1/{a}/{b}.ts"})
    inv = Inventory()
    inv.replace(net.sites, net.cameras, net.grids, version=1)
    return inv


@pytest.fixture
def full_inventory() -> Inventory:
    """A Pingyi-sized inventory (28,500 cameras): the demo network if it exists, else synthetic.

    Built fresh per test: tests change camera states.
    """
    return _full_inventory()


@pytest.fixture
def synthetic_inventory() -> Inventory:
    """The deterministic synthetic inventory, for tests that look for known names."""
    import synthetic

    return synthetic.build_inventory()


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:  # type: ignore[no-untyped-def]
    """qasync's loop on the test QApplication, as the app runs it."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for t in pending:
        t.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()  # else its __del__ runs after Qt objects are gone and complains
    asyncio.set_event_loop(None)
