"""Draw Bridgework's app icons (the bridge from core/icon.svg, white on teal) as PNGs.

Pure Python (zlib + struct), so no imaging library is needed; run it again only if the
design changes:  python scripts/make_icons.py
Writes bridgework/core/static/core/icon-192.png, icon-512.png and icon-maskable-512.png.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bridgework" / "core" / "static" / "core"
TEAL = (0x1D, 0x5C, 0x63)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 3  # sub-samples per axis, for smooth edges


def _arc_y(x: float) -> float:
    # The SVG's quadratic curve M2 22 Q16 4 30 22: x is linear in t, so y is a parabola in x.
    t = (x - 2) / 28
    return 22 * (1 - t) ** 2 + 2 * t * (1 - t) * 4 + 22 * t * t


def _arc_slope(x: float) -> float:
    t = (x - 2) / 28
    return (-44 * (1 - t) + 8 * (1 - 2 * t) + 44 * t) / 28


def _in_bridge(x: float, y: float) -> bool:
    """Is the point (in the SVG's 32 × 32 units) on the white bridge?"""
    if 2 <= x <= 30 and abs(y - _arc_y(x)) <= 1.5 * math.sqrt(1 + _arc_slope(x) ** 2):
        return True
    if 2 <= x <= 30 and 21 <= y <= 23:  # the deck
        return True
    for px, top in ((9, 16), (16, 13), (23, 16)):  # the pillars
        if px - 1 <= x <= px + 1 and top <= y <= 22:
            return True
    return False


def _in_rounded_square(x: float, y: float, size: float, radius: float) -> bool:
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def draw(size: int, *, maskable: bool) -> bytes:
    # A maskable icon fills the square; the bridge stays inside the central safe zone.
    art = size * (0.62 if maskable else 0.72)
    offset = (size - art) / 2
    radius = 0 if maskable else size * 0.18
    rows = []
    for row in range(size):
        line = bytearray([0])  # PNG filter type 0
        for col in range(size):
            bg = fg = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = col + (sx + 0.5) / SAMPLES
                    y = row + (sy + 0.5) / SAMPLES
                    if not _in_rounded_square(x, y, size, radius) and radius:
                        continue
                    bg += 1
                    # The bridge's 32-unit drawing, shifted down a little to sit centred.
                    if _in_bridge((x - offset) / art * 32, (y - offset) / art * 32 + 1.5):
                        fg += 1
            total = SAMPLES * SAMPLES
            alpha = bg / total
            mix = fg / bg if bg else 0
            rgb = [round(t * (1 - mix) + w * mix) for t, w in zip(TEAL, WHITE, strict=True)]
            line += bytes([*rgb, round(alpha * 255)])
        rows.append(bytes(line))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def main() -> None:
    for name, size, maskable in (
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ):
        (OUT / name).write_bytes(draw(size, maskable=maskable))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
