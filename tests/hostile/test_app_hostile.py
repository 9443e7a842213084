"""The whole app (main window, every plugin) against hostile platforms.

What must hold in every case: the GUI thread never blocks for more than
100 ms and the process stays under 600 MB of RSS, measured from inside the
app by ``Heartbeat`` (a 5 ms QTimer on the GUI thread) while it loads the
hostile inventory; the failure, if any, is said in words; platform text
never reaches a widget as rich text.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator

import pytest
from controlroom.ui.app import load_session
from controlroom.ui.main_window import MainWindow
from controlroom.ui.tree_model import ItemIdRole
from heartbeat import Heartbeat, rss_mb
from hostile_platform import BAD_URLS, BIDI_NAME, MARKUP_NAMES, hostile_server
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGraphicsView, QLabel

from controlroom.session import Session
from controlroom.textsafe import MARK

BLOCK_LIMIT_S = 0.100
RSS_LIMIT_MB = 600
# What the app adds while it opens and loads: the limit less a bare process with Qt, libVLC and the
# app's modules imported (166 MB measured). Growth, not the absolute RSS, is the verdict because in a
# full test run this process also holds what earlier tests left (1.7 GB seen); alone, peaks were 306-404 MB.
BARE_PROCESS_MB = 166
GROWTH_LIMIT_MB = RSS_LIMIT_MB - BARE_PROCESS_MB
# the markup each hostile name carries, by the word inside it
MARKERS = {"H1-": "<h1>", "LINK-CAMERA": "<a href", "IMG-": "<img"}


@pytest.fixture
def open_app(qtbot, run) -> Iterator[Callable[..., tuple[MainWindow, Heartbeat]]]:  # type: ignore[no-untyped-def]
    """``open_app(url)``: log in, show the main window (every plugin on), start the heartbeat, load."""
    opened: list[tuple[MainWindow, Session]] = []

    def _open(url: str) -> tuple[MainWindow, Heartbeat]:
        # what earlier tests left in this process is not the app's: a full collection walking their
        # objects (1.7 GB of them in a whole test run) would be counted as the app's GUI-thread block
        gc.collect()
        gc.freeze()
        before = rss_mb()
        session = Session(url)
        run(session.login("dispatcher", "x"))
        win = MainWindow(session)
        opened.append((win, session))
        win.show()
        qtbot.waitExposed(win)
        beat = Heartbeat(baseline_mb=before)
        beat.start()
        task = asyncio.ensure_future(load_session(session, win))
        qtbot.waitUntil(task.done, timeout=120_000)
        task.result()
        # the tree and the panes are built from the inventory in the same turns; one more turn for the wall
        qtbot.waitUntil(lambda: beat.ticks > 10, timeout=5000)
        beat.stop()
        return win, beat

    yield _open
    for win, session in opened:
        win.close()
        run(session.close())
    gc.unfreeze()


def _assert_held(beat: Heartbeat) -> None:
    assert beat.ticks > 10, str(beat)
    assert beat.max_cpu_gap < BLOCK_LIMIT_S, str(beat)
    assert beat.max_rss_mb - beat.baseline_mb < GROWTH_LIMIT_MB, str(beat)


def _shown(text: str) -> str:
    """What Qt shows for ``text`` in a property that may be rich text."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _model_strings(model: QAbstractItemModel, limit: int = 3000) -> Iterator[str]:
    """Tooltips of a model's items, breadth first (as a view would ask for them)."""
    queue = [QModelIndex()]
    seen = 0
    while queue and seen < limit:
        parent = queue.pop(0)
        for row in range(model.rowCount(parent)):
            try:
                cols = max(1, model.columnCount(parent))
            except TypeError:  # a list model keeps columnCount private: one column
                cols = 1
            for col in range(cols):
                idx = model.index(row, col, parent)
                tip = model.data(idx, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    yield tip
                seen += 1
            queue.append(model.index(row, 0, parent))


def _rich_capable_strings(grid_ids: list[str]) -> Iterator[tuple[str, str]]:
    """(where, text) for every tooltip and rich-capable label text in the running app."""
    for w in QApplication.allWidgets():
        where = f"{type(w).__name__} {w.objectName()}"
        if w.toolTip():
            yield where + " tooltip", w.toolTip()
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText and w.text():
            yield where + " text", w.text()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            for tip in _model_strings(w.model()):
                yield where + " item tooltip", tip
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if item.toolTip():
                    yield where + " item tooltip", item.toolTip()
        tooltip_for = getattr(w, "tooltip_for", None)
        if callable(tooltip_for):  # the grid map words its hover itself
            from controlroom.plugins.grid_map.api import plain_tooltip

            for gid in grid_ids[:50]:
                yield where + " hover", plain_tooltip(tooltip_for(gid))


def test_a_hostile_inventory_loads_safely(open_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    with hostile_server(cameras=28_500, markup=True, bidi=True, bad_urls=True, long_name=True) as srv:
        win, beat = open_app(srv.url)
        print(beat)
        _assert_held(beat)
        inv = win.session.inventory
        # one 10,000-character name among 28,500: that camera is left out and said, the rest load
        assert len(inv.cameras) == 28_499
        assert len(win.session.skipped) == 1
        message = win.statusBar().currentMessage()
        assert message.startswith("Left out 1 record(s) the platform sent in a form ControlRoom cannot read"), message
        assert "length <= 200" in message

        cams = list(inv.cameras.values())
        markup = [c.id for c in cams if any(m in c.name for m in MARKERS)]
        bidi = next(c.id for c in cams if c.name == BIDI_NAME)
        refused = [c.id for c in cams if c.streams and c.streams[0].urls.get("http-ts") in BAD_URLS]
        assert len(markup) == len(MARKUP_NAMES) and len(refused) == len(BAD_URLS)
        wall = win.video_wall
        for tile, cid in enumerate([*markup, bidi, *refused[:4]]):
            wall.controller.assign(tile, cid)

        # a local-file URL is refused before libVLC, and the tile says so in words
        file_tile = wall.tiles[len(markup) + 1]
        qtbot.waitUntil(lambda: file_tile.state == "failed", timeout=10_000)
        assert file_tile.status_words()[1] == "Refused: the platform gave a local-file URL."
        player = wall.videos[len(markup) + 1].front
        assert player.attempts == 0

        # a bidi override is neutralised and marked in the tree and on the tile
        bidi_tile = wall.tiles[len(markup)]
        assert bidi_tile.name_label.text() == f"{MARK} gate TIXE 12"
        tree = win.resources.model
        idx = tree.index_for_camera(bidi)
        assert idx.isValid() and tree.data(idx) == f"{MARK} gate TIXE 12"
        assert tree.data(idx, ItemIdRole) == bidi

        # no platform text reaches a rich-text property as markup
        for tile in wall.tiles[: len(markup)]:
            tile._refresh()
        checked = 0
        for where, text in _rich_capable_strings(list(inv.grids)):
            for word, tag in MARKERS.items():
                if word in text:
                    checked += 1
                    assert tag in _shown(text), f"{where}: {text[:200]!r} is shown as markup"
        assert checked >= 6, "the walk saw the hostile names (tiles, tree, alerts, user)"


def test_an_endless_inventory_is_cut_off(open_app) -> None:  # type: ignore[no-untyped-def]
    with hostile_server(endless_cameras=True) as srv:
        win, beat = open_app(srv.url)
        print(beat)
        _assert_held(beat)
        words = win.wall.loading_line.text()
        assert words == "Could not load the inventory: The platform sent more than 64 MB for GET /api/v1/cameras.", words
        assert win.connection.state == "failed"


def test_an_absurd_total_is_not_believed(open_app) -> None:  # type: ignore[no-untyped-def]
    with hostile_server(cameras=300, total=1_000_000_000) as srv:
        seen: list[str] = []
        original = MainWindow.set_loading_progress

        def spy(self: MainWindow, done: int, total: int) -> None:
            original(self, done, total)
            seen.append(self.wall.loading_line.text())

        MainWindow.set_loading_progress = spy  # type: ignore[method-assign]
        try:
            win, beat = open_app(srv.url)
        finally:
            MainWindow.set_loading_progress = original  # type: ignore[method-assign]
        print(beat)
        _assert_held(beat)
        assert len(win.session.inventory.cameras) == 300
        assert "Loading cameras: 300 received" in seen, seen
        assert not any("1,000,000,000" in s for s in seen), seen
