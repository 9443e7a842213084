"""A recording time burned into a picture, readable by people and by tests.

``draw_timecode(y, t)`` paints, in the luma plane of a frame, a strip of
big black and white blocks across the bottom of the picture: two rows of
``CELLS`` cells; the first cell of the top row is always white and the first
of the bottom row always black (the reader's reference levels), the other 44
cells carry the recording time in tenths of a second (36 bits, most
significant first) and a CRC-8 of them (8 bits). Blocks are sized in
proportion to the picture, so the code survives H.264 at a low bitrate and
scaling to a tile a third of the size.

``read_timecode(rgb, w, h)`` samples the middle of every cell of an RGB
picture (bytes, an ``h x w x 3`` array, or a QImage) and returns the time, or
None when there is no valid code (a "no recording" card, another picture).

``draw_text`` writes upper-case ASCII with a built-in 5x7 font (the demo
needs no font files and no Qt in the core).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np

CELLS = 23  # per row
DATA_BITS = 36
CRC_BITS = 8
STRIP_TOP = 0.80  # of the height
ROW_HEIGHT = 0.075  # of the height
WHITE = 235  # video range
BLACK = 16
MIN_CONTRAST = 60


def _crc8(value: int) -> int:
    crc = 0
    for byte in value.to_bytes(5, "big"):
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _bits(t: float) -> list[int]:
    ds = round(t * 10) & ((1 << DATA_BITS) - 1)
    word = (ds << CRC_BITS) | _crc8(ds)
    return [(word >> (DATA_BITS + CRC_BITS - 1 - i)) & 1 for i in range(DATA_BITS + CRC_BITS)]


def _cell(w: int, h: int, row: int, col: int) -> tuple[int, int, int, int]:
    """x0, x1, y0, y1 of a cell in a w x h picture."""
    x0 = col * w // CELLS
    x1 = (col + 1) * w // CELLS
    y0 = int((STRIP_TOP + row * ROW_HEIGHT) * h)
    y1 = int((STRIP_TOP + (row + 1) * ROW_HEIGHT) * h)
    return x0, x1, y0, y1


def draw_timecode(y: np.ndarray, t: float) -> None:
    """Paint the time code of ``t`` (epoch seconds) into the luma plane ``y`` (h x w uint8)."""
    h, w = y.shape
    bits = [1, *_bits(t)[:CELLS - 1], 0, *_bits(t)[CELLS - 1:]]
    for i, bit in enumerate(bits):
        row, col = divmod(i, CELLS)
        x0, x1, y0, y1 = _cell(w, h, row, col)
        y[y0:y1, x0:x1] = WHITE if bit else BLACK


def strip_rows(h: int) -> tuple[int, int]:
    """The luma rows the strip covers (to make the chroma there neutral)."""
    return int(STRIP_TOP * h), int((STRIP_TOP + 2 * ROW_HEIGHT) * h)


def _luma(rgb: Any, w: int, h: int) -> np.ndarray:
    if hasattr(rgb, "constBits") and hasattr(rgb, "convertToFormat"):  # a QImage (no QtGui import here)
        img = rgb.convertToFormat(type(rgb).Format.Format_RGB888)
        w, h, stride = img.width(), img.height(), img.bytesPerLine()
        buf = np.frombuffer(img.constBits(), np.uint8, count=stride * h).reshape(h, stride)
        arr = buf[:, : w * 3].reshape(h, w, 3)
    elif isinstance(rgb, np.ndarray):
        arr = rgb.reshape(h, w, -1)[:, :, :3]
    else:
        arr = np.frombuffer(bytes(rgb), np.uint8, count=w * h * 3).reshape(h, w, 3)
    a = arr.astype(np.float32)
    return 0.299 * a[:, :, 0] + 0.587 * a[:, :, 1] + 0.114 * a[:, :, 2]


def read_timecode(rgb: Any, w: int = 0, h: int = 0) -> datetime | None:
    """The recording time burned into an RGB picture (``w`` x ``h``; taken from a QImage or an
    array when 0), or None when it carries no valid time code."""
    if isinstance(rgb, np.ndarray) and (not w or not h):
        h, w = rgb.shape[:2]
    luma = _luma(rgb, w, h)
    h, w = luma.shape
    if w < CELLS * 3 or h < 40:
        return None

    def sample(row: int, col: int) -> float:
        x0, x1, y0, y1 = _cell(w, h, row, col)
        dx, dy = max(1, (x1 - x0) // 4), max(1, (y1 - y0) // 4)
        return float(luma[y0 + dy : y1 - dy, x0 + dx : x1 - dx].mean())

    white, black = sample(0, 0), sample(1, 0)
    if white - black < MIN_CONTRAST:
        return None
    mid = (white + black) / 2
    cells = [sample(r, c) for r in range(2) for c in range(CELLS) if c != 0]
    bits = [1 if v > mid else 0 for v in cells]
    word = 0
    for b in bits:
        word = (word << 1) | b
    ds, crc = word >> CRC_BITS, word & 0xFF
    if _crc8(ds) != crc or ds == 0:
        return None
    return datetime.fromtimestamp(ds / 10, UTC)


# --------------------------------------------------------------------------- text

_FONT_ROWS = {
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    "A": "01110 10001 10001 11111 10001 10001 10001", "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110", "D": "11100 10010 10001 10001 10001 10010 11100",
    "E": "11111 10000 10000 11110 10000 10000 11111", "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111", "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110", "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001", "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001", "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110", "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101", "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110", "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110", "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010", "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100", "Z": "11111 00001 00010 00100 01000 10000 11111",
    ":": "00000 01100 01100 00000 01100 01100 00000", "-": "00000 00000 00000 11111 00000 00000 00000",
    ".": "00000 00000 00000 00000 00000 01100 01100", "/": "00001 00010 00010 00100 01000 01000 10000",
    " ": "00000 00000 00000 00000 00000 00000 00000",
}
_GLYPHS = {ch: np.array([[c == "1" for c in row] for row in rows.split()], dtype=bool)
           for ch, rows in _FONT_ROWS.items()}
_SCALED: dict[tuple[str, int], np.ndarray] = {}


def _glyph(ch: str, scale: int) -> np.ndarray:
    key = (ch, scale)
    g = _SCALED.get(key)
    if g is None:
        base = _GLYPHS.get(ch, _GLYPHS[" "])
        g = np.kron(base, np.ones((scale, scale), dtype=bool))
        g = np.pad(g, ((0, 0), (0, scale)))  # one column of space after each letter
        _SCALED[key] = g
    return g


def text_mask(text: str, scale: int = 2) -> np.ndarray:
    """A boolean mask of ``text`` (upper-cased; unknown characters become spaces)."""
    glyphs = [_glyph(ch, scale) for ch in text.upper()] or [_glyph(" ", scale)]
    return np.hstack(glyphs)


def draw_text(y: np.ndarray, text: str, x: int, top: int, scale: int = 2, value: int = WHITE,
              shadow: int | None = BLACK) -> None:
    """Write ``text`` into the luma plane ``y`` at (x, top), clipped to the picture."""
    mask = text_mask(text, scale)
    h, w = y.shape
    mh, mw = mask.shape
    if shadow is not None:
        mh2, mw2 = min(mh, h - top - 1), min(mw, w - x - 1)
        if mh2 > 0 and mw2 > 0:
            y[top + 1 : top + 1 + mh2, x + 1 : x + 1 + mw2][mask[:mh2, :mw2]] = shadow
    mh, mw = min(mh, h - top), min(mw, w - x)
    if mh > 0 and mw > 0:
        y[top : top + mh, x : x + mw][mask[:mh, :mw]] = value
