"""The X server's own pointer, moved and pressed through XTEST (libXtst, ctypes): a real drag.

Qt's drag and drop on X11 runs its own loop on the server's pointer events, so events made
inside Qt (QTest) cannot drive it; XTEST makes the server itself move and press, as a hand
on a mouse would. Each step runs from a Qt timer, so the steps go on inside ``QDrag.exec``.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer

STEP_MS = 120


class Pointer:
    def __init__(self) -> None:
        self._x11 = ctypes.CDLL("libX11.so.6")
        self._xt = ctypes.CDLL("libXtst.so.6")
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XFlush.argtypes = [ctypes.c_void_p]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xt.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                                  ctypes.c_ulong]
        self._xt.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self._d = self._x11.XOpenDisplay(None)
        if not self._d:
            raise RuntimeError("no X display for XTEST")

    def close(self) -> None:
        if self._d:
            self._x11.XCloseDisplay(self._d)
            self._d = None

    def move(self, p: QPoint) -> None:
        self._xt.XTestFakeMotionEvent(self._d, -1, p.x(), p.y(), 0)
        self._x11.XFlush(self._d)

    def button(self, down: bool) -> None:
        self._xt.XTestFakeButtonEvent(self._d, 1, int(down), 0)
        self._x11.XFlush(self._d)

    def drag(self, start: QPoint, end: QPoint, done: Callable[[], None] | None = None) -> None:
        """Press at ``start``, move in steps to ``end``, release there (timers: returns at once)."""
        steps: list[Callable[[], None]] = [lambda: self.move(start), lambda: self.button(True)]
        for k in (1, 2, 3):  # past the drag distance, then across
            steps.append(lambda k=k: self.move(start + QPoint(8 * k, 4 * k)))
        for f in (0.25, 0.5, 0.75, 1.0):
            steps.append(lambda f=f: self.move(start + (end - start) * f))
        steps += [lambda: self.move(end + QPoint(2, 2)), lambda: self.move(end), lambda: self.button(False)]
        if done is not None:
            steps.append(done)

        def run(i: int = 0) -> None:
            if i < len(steps):
                steps[i]()
                QTimer.singleShot(STEP_MS, lambda: run(i + 1))

        QTimer.singleShot(0, run)
