"""Camera names in the trees: the camera's own part first, cut in the middle.

``CameraNameDelegate`` paints a camera row as "村口1号 · 北武台社区" (see
``controlroom.names``) where the model says "北武台社区村口1号": the model's
``DisplayRole`` stays the platform's full name (search, drag and drop and
tests read it), the tooltip keeps the full name too. Views using it elide in
the middle, so what is cut is never the distinctive end.
"""

from __future__ import annotations

import heapq
from typing import Any

from controlroom.ui.tree_model import ItemIdRole, ItemTypeRole
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from controlroom.inventory import Inventory
from controlroom.names import CameraName, camera_name

ELIDE = Qt.TextElideMode.ElideMiddle


class CameraNameDelegate(QStyledItemDelegate):
    """Shows camera rows own name first; everything else as the model says."""

    def __init__(self, inventory: Inventory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inventory = inventory
        self._cache: dict[tuple[str, str], CameraName] = {}

    def name(self, camera_id: str) -> CameraName | None:
        cam = self._inventory.cameras.get(camera_id)
        if cam is None:
            return None
        key = (cam.id, cam.name)
        name = self._cache.get(key)
        if name is None:
            if len(self._cache) > 50_000:  # renames over a long shift: start afresh
                self._cache.clear()
            name = self._cache[key] = camera_name(self._inventory, cam)
        return name

    def label(self, camera_id: str) -> str | None:
        name = self.name(camera_id)
        return name.own_first if name is not None else None

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == 0 and index.data(ItemTypeRole) == "camera":
            name = self.name(str(index.data(ItemIdRole)))
            if name is not None:
                o: Any = option
                widget = o.widget
                style = widget.style() if widget is not None else None
                o.text = name.own_first
                if style is not None:
                    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget).width()
                    room -= 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)
                    o.text = fit_own_first(o.fontMetrics, name, room)


def fit_own_first(fm: QFontMetrics, name: CameraName, width: int) -> str:
    """The camera's label cut to ``width`` px: the place goes first ("村口2号 · 北武…"), then the
    middle of the camera's own part; what tells cameras apart is kept longest."""
    if fm.horizontalAdvance(name.own_first) <= width:
        return name.own_first
    if name.place:
        head = f"{name.own} · "
        room = width - fm.horizontalAdvance(head)
        if room >= fm.horizontalAdvance(name.place[:1] + "…"):
            return head + fm.elidedText(name.place, Qt.TextElideMode.ElideRight, room)
    return fm.elidedText(name.own, ELIDE, width)


def visible_text(view: QAbstractItemView, index: QModelIndex) -> str:
    """The text a row shows at the view's current width (after eliding), as painted."""
    delegate = view.itemDelegateForIndex(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)  # type: ignore[attr-defined]
    option.widget = view  # type: ignore[attr-defined]  # as the view paints: the delegate measures with it
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
