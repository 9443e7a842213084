"""Benchmark: what a watched PTZ scene camera of the demo costs (render + libx264), per profile.

Measures process CPU time (libx264 threads included) to render and encode 10 s of video (125 frames at 12.5 fps) of a panning
camera, main (640x360) and sub (384x216), against a baseline measured in the same run: libx264
encoding the same number of frames of one unchanging picture (the encoder's floor). Prints CPU as a
% of one core at 12.5 fps and the ratio to the baseline. Four scene cameras watched on both
profiles is the worst case the demo allows.

    .venv/bin/python tests/bench/bench_ptz_scene.py
"""

from __future__ import annotations

import time

from controlroom.demo.media.ptz_scene import BITRATES, FPS, SIZES, _Encoder, render

FRAMES = 125


def _run(profile: str, moving: bool) -> float:
    w, h = SIZES[profile]
    enc = _Encoder(w, h, BITRATES[profile])
    still = render(0.5, 0.5, 1.0, w, h)
    t0 = time.process_time()
    for i in range(FRAMES):
        if moving:
            frame = render(0.3 + 0.4 * i / FRAMES, 0.5, 1.0 + i / FRAMES, w, h)
        else:
            frame = still.reformat()  # a copy: the encoder gets a new frame each time
        frame.pts = i * 7200
        enc.encode(frame)
    enc.close()
    return time.process_time() - t0


def main() -> None:
    seconds = FRAMES / float(FPS)
    for profile in ("main", "sub"):
        base = _run(profile, moving=False)
        cost = _run(profile, moving=True)
        print(f"{profile} {SIZES[profile][0]}x{SIZES[profile][1]}: {cost / seconds * 100:.1f} % of a core "
              f"while panning and zooming ({cost / FRAMES * 1000:.1f} ms/frame); baseline (still picture) "
              f"{base / seconds * 100:.1f} %; ratio {cost / base:.2f}x")


if __name__ == "__main__":
    main()
