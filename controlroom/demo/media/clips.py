"""Test clips for the demo media server: one looping H.264 clip per stream and profile.

Each demo stream shows a solid background in its own colour (so a test can tell
which stream a tile shows by sampling the left or right margin), a moving test
pattern in the middle (so it visibly lives), a label at the top and a running
clock and frame number at the bottom. The clips are made once with Debian's
``ffmpeg`` CLI and cached under a directory keyed by a hash of the parameters.

Encoding choices serve the live server: GOP 25 at 25 fps (a key frame every
second bounds the join time), no B-frames (pts == dts, simple RTP timestamps),
SPS/PPS repeated at every key frame (a client joining at any key frame can
decode), MPEG-TS container (timestamps survive; raw ``.264`` has none).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# 16 colours on a 3-level RGB lattice (40, 140, 240): any two differ by at least
# 100 in one channel, so they stay apart after YUV 4:2:0 conversion and scaling.
# Greys and near-black are left out (black would look like "no video").
STREAM_COLOURS: list[tuple[int, int, int]] = [
    (240, 40, 40),
    (40, 240, 40),
    (40, 40, 240),
    (240, 240, 40),
    (40, 240, 240),
    (240, 40, 240),
    (240, 140, 40),
    (140, 40, 240),
    (40, 140, 240),
    (240, 40, 140),
    (40, 240, 140),
    (140, 240, 40),
    (140, 40, 40),
    (40, 140, 40),
    (40, 40, 140),
    (140, 140, 240),
]

MAIN_SIZE = (1280, 720)
SUB_SIZE = (640, 360)
FPS = 25
MAIN_BITRATE = "1200k"
SUB_BITRATE = "400k"
# Bumped whenever the filter graph or encoder settings change, so caches refresh.
_RECIPE_VERSION = 1


class ClipError(RuntimeError):
    """The test clips could not be made (ffmpeg missing or failing)."""


@dataclass(frozen=True)
class Clip:
    index: int
    label: str  # "CAM 01"
    colour: tuple[int, int, int]
    main: Path
    sub: Path


def find_font() -> str | None:
    """A TrueType font file for drawtext, or None to use drawtext's built-in default."""
    candidates = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ]
    fc_match = shutil.which("fc-match")
    if fc_match:
        try:
            out = subprocess.run(
                [fc_match, "-f", "%{file}", "DejaVu Sans"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout.strip()
            if out:
                candidates.insert(0, out)
        except (OSError, subprocess.SubprocessError):
            pass
    for c in candidates:
        if c and Path(c).is_file():
            return c
    return None


def _escape_filter_path(path: str) -> str:
    # drawtext's fontfile sits inside a filtergraph: ':' and '\' and quotes must be escaped.
    return path.replace("\\", "/").replace(":", r"\:").replace("'", r"\'")


def _filtergraph(
    index: int, profile: str, size: tuple[int, int], seconds: int, font: str | None
) -> str:
    w, h = size
    r, g, b = STREAM_COLOURS[index]
    colour = f"0x{r:02X}{g:02X}{b:02X}"
    # The pattern is 30 % of the width and swings +-10 % around the centre, so the
    # left and right 20 % of the frame are always pure background.
    pw, ph = (w * 3 // 10) // 2 * 2, (h * 3 // 10) // 2 * 2
    fontsize = max(12, h // 14)
    font_opt = f"fontfile='{_escape_filter_path(font)}':" if font else ""
    text = (
        f"fontcolor=white:fontsize={fontsize}:box=1:boxcolor=black@0.6:boxborderw={fontsize // 4}"
    )
    label = f"CAM {index + 1:02d} {profile.upper()}"
    # sin() with the clip length as period makes the loop seamless.
    x_expr = f"(W-w)/2+W*0.1*sin(2*PI*t/{seconds})"
    return (
        f"color=c={colour}:s={w}x{h}:r={FPS}:d={seconds}[bg];"
        f"testsrc2=s={pw}x{ph}:r={FPS}:d={seconds}[pat];"
        f"[bg][pat]overlay=x='{x_expr}':y=(H-h)/2:shortest=1,"
        f"drawtext={font_opt}{text}:text='{label}':x=(w-tw)/2:y=h/20,"
        f"drawtext={font_opt}{text}:text='%{{pts\\:hms}}  #%{{n}}':x=(w-tw)/2:y=h-th-h/20,"
        "format=yuv420p"
    )


def _encode(
    ffmpeg: str, out: Path, index: int, profile: str, seconds: int, font: str | None
) -> None:
    size = MAIN_SIZE if profile == "main" else SUB_SIZE
    bitrate = MAIN_BITRATE if profile == "main" else SUB_BITRATE
    graph = _filtergraph(index, profile, size, seconds, font)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    cmd = [
        ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-filter_complex", graph,
        "-frames:v", str(seconds * FPS),
        "-c:v", "libx264", "-profile:v", "main", "-preset", "veryfast", "-tune", "zerolatency",
        "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
        "-g", str(FPS), "-keyint_min", str(FPS), "-sc_threshold", "0", "-bf", "0",
        "-x264-params", "repeat-headers=1",
        "-threads", "1",
        "-an", "-f", "mpegts", str(tmp),
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise ClipError(f"ffmpeg failed for {out.name}: {proc.stderr.strip()[-800:]}")
    os.replace(tmp, out)  # atomic: a reader never sees a half-written clip


def ensure_clips(cache_dir: Path, count: int = 16, seconds: int = 10) -> list[Clip]:
    """Make (once) and return ``count`` clips of ``seconds`` each, main and sub profile."""
    if not 1 <= count <= len(STREAM_COLOURS):
        raise ValueError(f"count must be 1..{len(STREAM_COLOURS)}")
    ffmpeg = shutil.which("ffmpeg")
    font = find_font()
    recipe = {
        "v": _RECIPE_VERSION,
        "seconds": seconds,
        "colours": STREAM_COLOURS,
        "main": [*MAIN_SIZE, MAIN_BITRATE],
        "sub": [*SUB_SIZE, SUB_BITRATE],
        "fps": FPS,
        "font": font,
    }
    key = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:16]
    folder = Path(cache_dir) / f"clips-{key}"
    folder.mkdir(parents=True, exist_ok=True)

    clips = [
        Clip(
            index=i,
            label=f"CAM {i + 1:02d}",
            colour=STREAM_COLOURS[i],
            main=folder / f"cam{i + 1:02d}-main.ts",
            sub=folder / f"cam{i + 1:02d}-sub.ts",
        )
        for i in range(count)
    ]
    todo = [
        (path, c.index, profile)
        for c in clips
        for profile, path in (("main", c.main), ("sub", c.sub))
        if not path.is_file()
    ]
    if todo:
        if ffmpeg is None:
            raise ClipError("ffmpeg not found on PATH: install it (Debian: apt install ffmpeg)")
        # Two encoders at a time: each runs single-threaded, which suits a 2-core box.
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [
                pool.submit(_encode, ffmpeg, p, i, prof, seconds, font) for p, i, prof in todo
            ]
            for f in futures:
                f.result()
    return clips


if __name__ == "__main__":  # manual check: python -m controlroom.demo.media.clips DIR
    import sys
    import time

    t0 = time.monotonic()
    got = ensure_clips(Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.gettempdir()))
    sys.stderr.write(f"{len(got)} clips in {time.monotonic() - t0:.1f} s: {got[0].main.parent}\n")
