"""Camera names in the trees: the camera's own part first, cut in the middle.

``CameraNameDelegate`` paints a camera row as "村口1号 · 北武台社区" (see
``controlroom.names``) where the model says "北武台社区村口1号": the model's
``DisplayRole`` stays the platform's full name (search, drag and drop and
tests read it), the tooltip keeps the full name too. Views using it elide in
the middle, so what is cut is never the distinctive end.
"""

from __future__ import annotations

import heapq

from controlroom.ui.tree_model import ItemIdRole, ItemTypeRole
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from controlroom.inventory import Inventory
from controlroom.names import camera_name

ELIDE = Qt.TextElideMode.ElideMiddle


class CameraNameDelegate(QStyledItemDelegate):
    """Shows camera rows own name first; everything else as the model says."""

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inventory = inventory
        self._cache: dict[tuple[str, str], str] = {}

    def label(self, camera_id: str) -> str | None:
        cam = self._inventory.cameras.get(camera_id)
        if cam is None:
            return None
        key = (cam.id, cam.name)
        text = self._cache.get(key)
        if text is None:
            if len(self._cache) > 50_000:  # renames over a long shift: start afresh
                self._cache.clear()
            text = self._cache[key] = camera_name(self._inventory, cam).own_first
        return text

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == 0 and index.data(ItemTypeRole) == "camera":
            text = self.label(str(index.data(ItemIdRole)))
            if text is not None:
                option.text = text  # type: ignore[attr-defined]


def visible_text(view: QAbstractItemView, index: QModelIndex) -> str:
    """The text a row shows at the view's current width (after eliding), as painted."""
    delegate = view.itemDelegateForIndex(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)  # type: ignore[attr-defined]
    option.rect = view.visualRect(index)  # type: ignore[attr-defined]
    option.textElideMode = view.textElideMode()  # type: ignore[attr-defined]
    delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text: str = option.text  # type: ignore[attr-defined]
    return view.fontMetrics().elidedText(text, view.textElideMode(), rect.width() - 2 * margin)


def preferred_name_width(view: QAbstractItemView, inventory: Inventory, delegate: CameraNameDelegate,
                         depth: int = 3, sample: int = 300) -> int:
    """Pixels the name column wants so that the longest names (sites and cameras) show whole.

    Cameras sit ``depth`` levels deep (county, town, village); only the
    ``sample`` longest names are measured: 28,500 cameras need no measuring.
    """
    fm = view.fontMetrics()
    indent = view.indentation() if hasattr(view, "indentation") else 20
    icon = view.iconSize().width() if view.iconSize().width() > 0 else 16
    cams = heapq.nlargest(sample, inventory.cameras.values(), key=lambda c: len(c.name))
    widest_cam = max((fm.horizontalAdvance(delegate.label(c.id) or c.name) for c in cams), default=0)
    sites = heapq.nlargest(sample, inventory.sites.values(), key=lambda s: len(s.name))
    widest_site = max((fm.horizontalAdvance(s.name) for s in sites), default=0)
    return max(widest_cam + indent * depth, widest_site + indent * (depth - 1)) + icon + 24
