"""A heartbeat inside the app: how long its GUI thread was ever blocked, and its peak RSS."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Heartbeat(QObject):
    """A 5 ms timer on the GUI thread: the longest gap between two ticks is the longest block.

    The gap is measured in the GUI thread's own CPU time (``time.thread_time``):
    what the thread did between two ticks. On a shared 2-core machine the
    wall-clock gap also counts the time the OS gave other processes, which
    says nothing about the app; both are kept, the CPU gap is the verdict.
    RSS is sampled at every fourth tick.
    """

    def __init__(self, baseline_mb: float | None = None) -> None:
        super().__init__()
        self.baseline_mb = rss_mb() if baseline_mb is None else baseline_mb  # RSS before the app opened
        self.max_cpu_gap = 0.0
        self.max_wall_gap = 0.0
        self.max_rss_mb = rss_mb()
        self.ticks = 0
        self._cpu = time.thread_time()
        self._wall = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._cpu, self._wall = time.thread_time(), time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        cpu, wall = time.thread_time(), time.monotonic()
        self.max_cpu_gap = max(self.max_cpu_gap, cpu - self._cpu)
        self.max_wall_gap = max(self.max_wall_gap, wall - self._wall)
        self._cpu, self._wall = cpu, wall
        self.ticks += 1
        if self.ticks % 4 == 0:
            self.max_rss_mb = max(self.max_rss_mb, rss_mb())

    def __str__(self) -> str:
        return (f"longest GUI-thread block {self.max_cpu_gap * 1000:.0f} ms CPU "
                f"({self.max_wall_gap * 1000:.0f} ms wall), peak RSS {self.max_rss_mb:.0f} MB ({self.max_rss_mb - self.baseline_mb:+.0f} MB), {self.ticks} ticks")
