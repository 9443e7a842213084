"""A private Xvfb with several screens, as RandR 1.5 monitors, for the multi-monitor tests.

Qt 6 left Xinerama behind (it reads screens from RandR only; qtbase "xcb: drop Xinerama
support", QTBUG-89364), and Xvfb's ``+xinerama`` with several ``-screen`` shows Qt one screen.
So one wide Xvfb screen is cut into monitors with RandR 1.5 ``SetMonitor`` — what
``xrandr --setmonitor`` does — through libXrandr (ctypes: the xrandr tool is not installed
here). Qt then reports one ``QScreen`` per monitor, by name, and ``screenAdded`` /
``screenRemoved`` when one is set or deleted while it runs. ``-noreset``: the server would
otherwise forget the monitors when the last client disconnects.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass


class _Monitor(ctypes.Structure):
    _fields_ = [("name", ctypes.c_ulong), ("primary", ctypes.c_int), ("automatic", ctypes.c_int),
                ("noutput", ctypes.c_int), ("x", ctypes.c_int), ("y", ctypes.c_int),
                ("width", ctypes.c_int), ("height", ctypes.c_int), ("mwidth", ctypes.c_int),
                ("mheight", ctypes.c_int), ("outputs", ctypes.POINTER(ctypes.c_ulong))]


@dataclass(frozen=True)
class Monitor:
    name: str
    x: int
    y: int
    w: int
    h: int


def _libs() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    x11 = ctypes.CDLL("libX11.so.6")
    xr = ctypes.CDLL("libXrandr.so.2")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSynchronize.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xr.XRRAllocateMonitor.restype = ctypes.POINTER(_Monitor)
    xr.XRRAllocateMonitor.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xr.XRRSetMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_Monitor)]
    xr.XRRDeleteMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    xr.XRRGetMonitors.restype = ctypes.POINTER(_Monitor)
    xr.XRRGetMonitors.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    xr.XRRFreeMonitors.argtypes = [ctypes.POINTER(_Monitor)]
    return x11, xr


@contextlib.contextmanager
def _display(display: str) -> Iterator[tuple[ctypes.CDLL, ctypes.CDLL, int, int]]:
    x11, xr = _libs()
    d = x11.XOpenDisplay(display.encode())
    if not d:
        raise RuntimeError(f"cannot open X display {display}")
    x11.XSynchronize(d, 1)  # errors now, not at some later request
    try:
        yield x11, xr, d, x11.XDefaultRootWindow(d)
    finally:
        x11.XCloseDisplay(d)


def set_monitors(display: str, monitors: list[Monitor]) -> None:
    """Cut the screen into ``monitors``; the first is primary and takes over the screen's output
    (so the output's own monitor, the whole screen, is not listed beside them)."""
    with _display(display) as (x11, xr, d, root):
        n = ctypes.c_int(0)
        listed = xr.XRRGetMonitors(d, root, 0, ctypes.byref(n))
        output = next((listed[i].outputs[0] for i in range(n.value) if listed[i].automatic and listed[i].noutput), None)
        xr.XRRFreeMonitors(listed)
        for i, m in enumerate(monitors):
            with_output = i == 0 and output is not None
            info = xr.XRRAllocateMonitor(d, 1 if with_output else 0)
            c = info.contents
            c.name = x11.XInternAtom(d, m.name.encode(), 0)
            c.primary = int(i == 0)
            c.x, c.y, c.width, c.height = m.x, m.y, m.w, m.h
            c.mwidth, c.mheight = m.w * 254 // 960, m.h * 254 // 960  # 96 dpi
            if with_output:
                c.outputs[0] = output
            xr.XRRSetMonitor(d, root, info)


def delete_monitor(display: str, name: str) -> None:
    with _display(display) as (x11, xr, d, root):
        xr.XRRDeleteMonitor(d, root, x11.XInternAtom(d, name.encode(), 0))


@dataclass
class XServer:
    display: str
    proc: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_xvfb(width: int, height: int, monitors: list[Monitor]) -> XServer:
    """An Xvfb on a display of its own (``-displayfd``) with ``monitors`` set."""
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-noreset", "-nolisten", "tcp",
                             "-screen", "0", f"{width}x{height}x24"], pass_fds=(w,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    try:
        with os.fdopen(r, "rb") as f:
            number = f.readline().strip().decode()
        if not number.isdigit():
            raise RuntimeError("Xvfb did not start")
        server = XServer(f":{number}", proc)
        set_monitors(server.display, monitors)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return server
