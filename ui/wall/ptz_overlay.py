"""PTZ control on the wall's tiles: a mode per tile, its control bar, mouse, wheel and keys.

``PtzWall`` is attached to a ``WallPane`` (one line there) and keeps to
itself: a "PTZ" toggle in each tile's header, the tile menu's entry
("PTZ control"), and for each tile in PTZ mode a ``PtzBar`` at the foot of
the picture and a ``PtzDriver`` (``controlroom/ptz.py``) that talks to the
platform. In PTZ mode:

- the bar's arrows and zoom buttons move while pressed; its speed slider
  sets the speed of every gesture; presets: go to, save (where the platform
  offers them);
- a click on the picture brings that point to the centre (a short move),
  a drag moves the camera (direction and speed from the drag's vector);
- the wheel zooms optically (outside PTZ mode it stays digital zoom);
- Ctrl+arrows pan and tilt the selected tile's camera while held,
  Ctrl+Page Up / Page Down zoom; with Shift as well, at full speed.

The bar is a native window of its own, so it stacks above the native video
surfaces (gridplayer's lesson: nothing painted over a native window shows).
When the tile may not steer (a fixed camera, a platform without PTZ, a
presenter), the toggle and the menu entry are disabled with the reason in
their tooltip. When an operator of higher priority holds the camera, the bar
says who, until when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSlider,
    QToolButton,
)

from controlroom.api.schema import PtzAction, PtzHolder, PtzState, Role
from controlroom.ptz import PtzDriver, PtzProblem, PtzReport, Unavailable, availability, drag_motion

if TYPE_CHECKING:
    from controlroom.ui.wall.tile_widget import TileWidget
    from controlroom.ui.wall.wall_view import WallPane

#: one wheel notch zooms for this long
WHEEL_SECONDS = 0.3
BAR_HEIGHT = 30
DEFAULT_SPEED = 0.5

KEY_ACTIONS: dict[Qt.Key, PtzAction] = {
    Qt.Key.Key_Left: PtzAction.LEFT,
    Qt.Key.Key_Right: PtzAction.RIGHT,
    Qt.Key.Key_Up: PtzAction.UP,
    Qt.Key.Key_Down: PtzAction.DOWN,
    Qt.Key.Key_PageUp: PtzAction.ZOOM_IN,
    Qt.Key.Key_PageDown: PtzAction.ZOOM_OUT,
}


def unavailable_words(reason: Unavailable) -> str:
    return {
        Unavailable.NO_CAMERA: QCoreApplication.translate("PtzWall", "PTZ control: put a PTZ camera on this tile first"),
        Unavailable.NOT_PTZ: QCoreApplication.translate("PtzWall", "PTZ control: this camera cannot pan, tilt or zoom"),
        Unavailable.BACKEND: QCoreApplication.translate("PtzWall", "PTZ control: this platform does not offer PTZ"),
        Unavailable.VIEW_ONLY: QCoreApplication.translate("PtzWall", "PTZ control: your role only views (presenters may not steer cameras)"),
    }[reason]


def role_words(role: Role) -> str:
    return {Role.DISPATCHER: QCoreApplication.translate("PtzWall", "dispatcher"), Role.TOWN_DESK: QCoreApplication.translate("PtzWall", "town desk"),
            Role.PRESENTER: QCoreApplication.translate("PtzWall", "presenter")}.get(role, role.value)


def held_words(holder: PtzHolder) -> str:
    until = holder.until.astimezone().strftime("%H:%M:%S")
    return (QCoreApplication.translate("PtzWall", "PTZ held by {name} ({role}, higher priority) until {time}")
            .format(name=holder.display_name, role=role_words(holder.role), time=until))


def problem_words(report: PtzReport) -> str:
    if report.problem is PtzProblem.HELD and report.holder is not None:
        return held_words(report.holder)
    if report.problem is PtzProblem.VIEW_ONLY:
        return QCoreApplication.translate("PtzWall", "The platform says your account may not steer cameras.")
    if report.problem is PtzProblem.NOT_PTZ:
        return QCoreApplication.translate("PtzWall", "The platform says this camera cannot pan, tilt or zoom.")
    return QCoreApplication.translate("PtzWall", "PTZ command failed: {reason}").format(reason=report.message)


class PtzBar(QFrame):
    """The control bar of one tile in PTZ mode: arrows, zoom, speed, presets, what is wrong."""

    def __init__(self, tile: TileWidget, driver: PtzDriver) -> None:
        super().__init__(tile)
        self.tile = tile
        self.driver = driver
        self.setObjectName("ptzBar")
        # native, or it would not show above the native video surfaces
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#ptzBar { background: #1b222b; } QToolButton { color: #e3e7eb; min-width: 18px; }"
                           "QLabel { color: #c9d1d9; }")
        box = QHBoxLayout(self)
        box.setContentsMargins(4, 1, 4, 1)
        box.setSpacing(2)
        self.buttons: dict[PtzAction, QToolButton] = {}
        self._tips: dict[PtzAction, str] = {}
        for action, text, tip in (
            (PtzAction.LEFT, "◀", self.tr("Pan left (Ctrl+Left)")),
            (PtzAction.UP, "▲", self.tr("Tilt up (Ctrl+Up)")),
            (PtzAction.DOWN, "▼", self.tr("Tilt down (Ctrl+Down)")),
            (PtzAction.RIGHT, "▶", self.tr("Pan right (Ctrl+Right)")),
            (PtzAction.ZOOM_OUT, "−", self.tr("Zoom out (Ctrl+Page Down, wheel down)")),
            (PtzAction.ZOOM_IN, "+", self.tr("Zoom in (Ctrl+Page Up, wheel up)")),
        ):
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            self._tips[action] = tip
            b.pressed.connect(lambda a=action: self.driver.move(a, self.speed))
            b.released.connect(self.driver.stop)
            box.addWidget(b)
            self.buttons[action] = b
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.speed_slider.setRange(1, 10)
        self.speed_slider.setValue(round(DEFAULT_SPEED * 10))
        self.speed_slider.setFixedWidth(60)
        self.speed_slider.setToolTip(self.tr("Speed of every PTZ move"))
        self.speed_slider.setAccessibleName(self.tr("PTZ speed"))
        box.addWidget(self.speed_slider)
        self.presets = QComboBox(self)
        self.presets.setToolTip(self.tr("Presets"))
        self.presets.setMinimumContentsLength(6)
        box.addWidget(self.presets)
        self.go_button = QToolButton(self)
        self.go_button.setText(self.tr("Go"))
        self.go_button.setToolTip(self.tr("Go to the chosen preset"))
        self.go_button.clicked.connect(self.go_to_preset)
        box.addWidget(self.go_button)
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save where the camera looks now as a preset"))
        self.save_button.clicked.connect(self.ask_save_preset)
        box.addWidget(self.save_button)
        if not driver.presets_available:
            why = self.tr("This platform offers no PTZ presets")
            for w in (self.presets, self.go_button, self.save_button):
                w.setEnabled(False)
                w.setToolTip(why)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #ffb454; font-weight: bold;")
        box.addWidget(self.message, 1)
        driver.state_changed.connect(self.show_state)
        driver.problem.connect(self.show_problem)
        driver.held_changed.connect(self.show_held)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(lambda: self.show_held(self.driver.holder))

    @property
    def speed(self) -> float:
        return self.speed_slider.value() / 10

    def place(self) -> None:
        body = self.tile.body.geometry()
        h = min(BAR_HEIGHT, body.height())
        self.setGeometry(body.x(), body.y() + body.height() - h, body.width(), h)
        # a small tile keeps the arrows and zoom (and the words); speed and presets need room
        w = body.width()
        self.speed_slider.setVisible(w >= 420)
        for widget in (self.presets, self.go_button, self.save_button):
            widget.setVisible(w >= 300)
        self.raise_()

    def show_state(self, state: PtzState) -> None:
        current = self.presets.currentData()
        self.presets.clear()
        for p in state.presets:
            self.presets.addItem(f"{p.number} {p.name}".strip(), p.number)
        i = self.presets.findData(current)
        if i >= 0:
            self.presets.setCurrentIndex(i)

    def show_problem(self, report: PtzReport) -> None:
        self.message.setText(problem_words(report))
        self.message.setToolTip(self.message.text())
        if report.problem is not PtzProblem.HELD:
            self._clear_timer.start(6000)

    def show_held(self, holder: PtzHolder | None) -> None:
        words = held_words(holder) if holder is not None else ""
        self.message.setText(words)
        self.message.setToolTip(words)
        # while held, the moves are off with the reason (they would be refused); they come back after
        for action, b in self.buttons.items():
            b.setEnabled(holder is None)
            b.setToolTip(words or self._tips[action])

    def go_to_preset(self) -> None:
        number = self.presets.currentData()
        if isinstance(number, int):
            self.driver.go_to_preset(number)

    def ask_save_preset(self) -> None:
        used = {self.presets.itemData(i) for i in range(self.presets.count())}
        free = next((n for n in range(1, 256) if n not in used), 255)
        number, ok = QInputDialog.getInt(self, self.tr("Save preset"), self.tr("Preset number:"), free, 1, 255)
        if ok:
            self.save_preset(number)

    def save_preset(self, number: int, name: str = "") -> None:
        self.driver.save_preset(number, name)


class _TilePtz:
    """One tile in PTZ mode."""

    def __init__(self, tile: TileWidget, camera_id: str, driver: PtzDriver) -> None:
        self.tile = tile
        self.camera_id = camera_id
        self.driver = driver
        self.bar = PtzBar(tile, driver)
        self.press: QPointF | None = None
        self.dragging = False
        self.wheel_timer = QTimer(driver)
        self.wheel_timer.setSingleShot(True)
        self.wheel_timer.timeout.connect(driver.stop)

    def close(self) -> None:
        self.wheel_timer.stop()
        self.driver.close()
        self.bar.hide()
        self.bar.deleteLater()
        self.driver.deleteLater()


class PtzWall(QObject):
    """PTZ mode for the tiles of one ``WallPane`` (see the module's docstring)."""

    def __init__(self, pane: WallPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.modes: dict[int, _TilePtz] = {}  # tile index -> its PTZ mode
        self._decorated: set[int] = set()  # id() of tiles with a toggle
        self.key_actions: dict[PtzAction, QAction] = {}
        for action, key, text in (
            (PtzAction.LEFT, "Ctrl+Left", self.tr("PTZ: pan left")),
            (PtzAction.RIGHT, "Ctrl+Right", self.tr("PTZ: pan right")),
            (PtzAction.UP, "Ctrl+Up", self.tr("PTZ: tilt up")),
            (PtzAction.DOWN, "Ctrl+Down", self.tr("PTZ: tilt down")),
            (PtzAction.ZOOM_IN, "Ctrl+PgUp", self.tr("PTZ: zoom in")),
            (PtzAction.ZOOM_OUT, "Ctrl+PgDown", self.tr("PTZ: zoom out")),
        ):
            a = QAction(text, self)
            # with Shift: at full speed
            a.setShortcuts([QKeySequence(key), QKeySequence(key.replace("Ctrl+", "Ctrl+Shift+"))])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.setEnabled(False)
            a.triggered.connect(lambda _=False, x=action: self._key_move(x))
            pane.addAction(a)
            self.key_actions[action] = a
        self._key_moving = False
        self._synced: tuple[object, ...] | None = None
        pane.wall.installEventFilter(self)
        pane.tick_hooks.append(self._on_tick)
        self.decorate()

    # ------------------------------------------------------------------ who may

    def camera_of(self, t: int) -> str | None:
        tiles = self.pane.tiles
        return tiles[t].info.camera_id if 0 <= t < len(tiles) else None

    def unavailable(self, t: int) -> Unavailable | None:
        cid = self.camera_of(t)
        cam = self.pane.inventory.cameras.get(cid) if cid else None
        return availability(cam, self.pane.session.capabilities, self.pane.session.user)

    def active(self, t: int) -> bool:
        return t in self.modes

    # ------------------------------------------------------------------ mode

    def set_mode(self, t: int, on: bool) -> bool:
        """PTZ mode on or off for tile ``t``; False when it may not steer (the reason is in the tooltips)."""
        if not on:
            mode = self.modes.pop(t, None)
            if mode is not None:
                mode.tile.removeEventFilter(self)
                mode.close()
            self._sync()
            return True
        if t in self.modes:
            return True
        if self.unavailable(t) is not None:
            self._sync()
            return False
        tile = self.pane.tiles[t]
        cid = self.camera_of(t)
        assert cid is not None
        tile.reset_zoom()  # the wheel now zooms the camera, not the picture
        driver = PtzDriver(self.pane.session.backend, cid, self.pane.session.user, self)
        mode = _TilePtz(tile, cid, driver)
        self.modes[t] = mode
        tile.installEventFilter(self)
        mode.bar.place()
        mode.bar.show()
        driver.refresh()
        self._sync()
        return True

    def toggle(self, t: int) -> None:
        self.set_mode(t, t not in self.modes)

    def add_menu_entry(self, menu: QMenu, t: int) -> QAction:
        """The tile menu's "PTZ control" entry (checkable; disabled with the reason when it may not)."""
        a = menu.addAction(self.tr("PTZ control"))
        a.setCheckable(True)
        a.setChecked(t in self.modes)
        why = self.unavailable(t)
        if why is not None and t not in self.modes:
            a.setEnabled(False)
            a.setToolTip(unavailable_words(why))
            menu.setToolTipsVisible(True)
        a.toggled.connect(lambda on: self.set_mode(t, on))
        return a

    def decorate(self) -> None:
        """A PTZ toggle in every tile's header (tiles are made anew when the layout changes)."""
        for tile in self.pane.tiles:
            if id(tile) in self._decorated or tile.findChild(QToolButton, "ptzToggle") is not None:
                continue
            b = QToolButton(tile.header)
            b.setObjectName("ptzToggle")
            b.setText(self.tr("PTZ"))
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setStyleSheet("QToolButton { color: #9aa3ad; font-size: 8pt; padding: 0 2px; }"
                            "QToolButton:checked { color: #ffb454; }")
            b.clicked.connect(lambda on=False, tile=tile: self._toggle_clicked(tile, on))
            tile.add_header_widget(b)
            self._decorated.add(id(tile))
        self._sync()

    def toggle_button(self, t: int) -> QToolButton | None:
        return self.pane.tiles[t].findChild(QToolButton, "ptzToggle")

    def _toggle_clicked(self, tile: TileWidget, on: bool) -> None:
        if tile in self.pane.tiles:
            t = self.pane.tiles.index(tile)
            self.pane.controller.select(t)
            self.set_mode(t, on)

    def _sync(self) -> None:
        """Toggles and keys say what each tile may do now (work only when something changed)."""
        tiles = self.pane.tiles
        user = self.pane.session.user
        key = (tuple(id(t) for t in tiles), tuple(t.info.camera_id for t in tiles), self.pane.controller.selected,
               tuple(self.modes), self.pane.session.capabilities, user.role if user else None)
        if key == self._synced:
            return
        self._synced = key
        for t, tile in enumerate(tiles):
            b = tile.findChild(QToolButton, "ptzToggle")
            if b is None:
                continue
            why = self.unavailable(t)
            on = t in self.modes
            b.blockSignals(True)
            b.setChecked(on)
            b.blockSignals(False)
            b.setEnabled(on or why is None)
            b.setToolTip(self.tr("PTZ control on this tile: arrows, click to centre, drag, wheel zooms, "
                                 "Ctrl+arrows") if why is None or on else unavailable_words(why))
            b.setVisible(tile.info.camera_id is not None)
        selected = self.pane.controller.selected
        for a in self.key_actions.values():
            a.setEnabled(selected is not None and selected in self.modes)

    def _on_tick(self, now: float) -> None:
        # tiles come and go with layouts, cameras change: PTZ mode follows its camera or ends
        for t, mode in list(self.modes.items()):
            tiles = self.pane.tiles
            if t >= len(tiles) or tiles[t] is not mode.tile or self.camera_of(t) != mode.camera_id:
                self.modes.pop(t)
                mode.close()
        self.decorate()

    def shutdown(self) -> None:
        for t in list(self.modes):
            self.set_mode(t, False)

    # ------------------------------------------------------------------ keys

    def _key_move(self, action: PtzAction) -> None:
        t = self.pane.controller.selected
        mode = self.modes.get(t) if t is not None else None
        if mode is not None:
            self._key_moving = True
            fast = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
            mode.driver.move(action, 1.0 if fast else mode.bar.speed)

    def _key_stop(self) -> None:
        if self._key_moving:
            self._key_moving = False
            for mode in self.modes.values():
                mode.driver.stop()

    # ------------------------------------------------------------------ events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        et = event.type()
        if watched is self.pane.wall:
            if et == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) and not event.isAutoRepeat() \
                    and (event.key() in KEY_ACTIONS or event.key() == Qt.Key.Key_Control):
                self._key_stop()
            elif et == QEvent.Type.FocusOut:
                self._key_stop()
            return False
        mode = next((m for m in self.modes.values() if m.tile is watched), None)
        if mode is None:
            return False
        tile = mode.tile
        if et == QEvent.Type.Resize or et == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, mode.bar.place)
            return False
        if et == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            steps = event.angleDelta().y() / 120
            if steps:
                mode.driver.move(PtzAction.ZOOM_IN if steps > 0 else PtzAction.ZOOM_OUT, mode.bar.speed)
                mode.wheel_timer.start(round(WHEEL_SECONDS * abs(steps) * 1000))
            event.accept()
            return True
        if not isinstance(event, QMouseEvent) or event.button() not in (Qt.MouseButton.LeftButton,
                                                                         Qt.MouseButton.NoButton):
            return False
        pos = event.position()
        if et == QEvent.Type.MouseButtonPress:
            if tile.picture_point(pos) is None or mode.bar.geometry().contains(pos.toPoint()):
                return False  # the header: select, drag the tile as ever
            tile.clicked.emit(tile.index)
            mode.press = pos
            mode.dragging = False
            return True
        if et == QEvent.Type.MouseMove and mode.press is not None:
            delta = pos - mode.press
            if mode.dragging or delta.manhattanLength() >= QApplication.startDragDistance():
                mode.dragging = True
                body = tile.body
                motion = drag_motion(delta.x(), delta.y(), body.width(), body.height())
                if motion.moving:
                    mode.driver.move(motion.action, motion.speed)
                else:
                    mode.driver.stop()
            return True
        if et == QEvent.Type.MouseButtonRelease and mode.press is not None:
            press, mode.press = mode.press, None
            if mode.dragging:
                mode.dragging = False
                mode.driver.stop()
            else:
                p = tile.picture_point(press)
                if p is not None:
                    mode.driver.centre(p.x(), p.y(), mode.bar.speed)
            return True
        return False

    # ------------------------------------------------------------------ tests

    def click_at(self, t: int, fx: float, fy: float) -> None:
        """Click-to-centre at the body's point (fx, fy) as the mouse would (tests, scripts)."""
        tile = self.pane.tiles[t]
        body = tile.body.geometry()
        pos = QPointF(body.x() + body.width() * fx, body.y() + body.height() * fy)
        for et in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            ev = QMouseEvent(et, pos, tile.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton if et == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                             Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(tile, ev)

    def body_point(self, t: int, fx: float, fy: float) -> QPoint:
        body = self.pane.tiles[t].body.geometry()
        return QPoint(round(body.x() + body.width() * fx), round(body.y() + body.height() * fy))
