"""Benchmark: a keystroke in the resource tree's search over the 28,500 demo cameras.

Goal: well under 100 ms per keystroke on this machine (the search is applied
at once, no debounce). The baseline, measured in the same run, is a bare
Python substring scan over the same camera and site names: the ratio says
what the model's filtering (keys, parents, Qt's reset) costs on top.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_search.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from controlroom.api.schema import Transport
from controlroom.demo.network import build_network
from controlroom.inventory import Inventory

TEXTS = ("北", "北武", "北武台", "3713", "卡口", "村口1号")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from controlroom.ui.tree_model import ResourceTreeModel

    net = build_network(lambda cid, p: {Transport.HTTP_TS: f"http://127.0.0.1:1/{cid}/{p}.ts"})
    inv = Inventory()
    inv.replace(net.sites, net.cameras, net.grids, version=1)
    model = ResourceTreeModel(inv)
    model.set_filter("x")  # builds the search keys once, as the first keystroke does
    model.set_filter("")
    names = [c.name.casefold() for c in net.cameras] + [s.name.casefold() for s in net.sites]

    worst_model: list[float] = []
    worst_scan: list[float] = []
    for _ in range(args.rounds):
        per_model, per_scan = [], []
        for text in TEXTS:
            t = time.perf_counter()
            model.set_filter(text)
            per_model.append(time.perf_counter() - t)
            needle = text.casefold()
            t = time.perf_counter()
            _ = [n for n in names if needle in n]
            per_scan.append(time.perf_counter() - t)
        model.set_filter("")
        worst_model.append(max(per_model))
        worst_scan.append(max(per_scan))
    m, b = statistics.median(worst_model), statistics.median(worst_scan)
    print(f"resource tree keystroke (worst of {len(TEXTS)} texts, median of {args.rounds} rounds): "
          f"{m * 1000:.1f} ms; bare substring scan {b * 1000:.1f} ms; ratio {m / b:.1f}x "
          f"(goal: well under 100 ms)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
