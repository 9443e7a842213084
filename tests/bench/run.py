"""Run every benchmark in tests/bench and print their figures.

    .venv/bin/python tests/bench/run.py            # all of them
    .venv/bin/python tests/bench/run.py inventory  # those whose name contains 'inventory'
    .venv/bin/python tests/bench/run.py playback   # export vs ffmpeg -c copy (bench_playback_export)
    xvfb-run -a .venv/bin/python tests/bench/run.py timeline  # timeline lag while scrubbing
    .venv/bin/python tests/bench/run.py display    # a push to a meeting display -> its first frames (under Xvfb)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
wanted = sys.argv[1:]
rc = 0
for bench in sorted(here.glob("bench_*.py")):
    if wanted and not any(w in bench.stem for w in wanted):
        continue
    print(f"== {bench.stem}", flush=True)
    rc |= subprocess.call([sys.executable, str(bench)])
sys.exit(rc)
