"""An original placeholder emblem ("LOGO", "CONTOH") for demo data, tests and a fresh install's kop."""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from desktop.printing.fonts import FONT_DIR

WIDTH = 400
HEIGHT = 480
_SUPERSAMPLE = 3  # drawn large, then reduced: Pillow's shapes are not anti-aliased

_NAVY = (30, 58, 110, 255)
_GOLD = (201, 162, 39, 255)
_WHITE = (255, 255, 255, 255)


def _shield(width: float, height: float, inset: float) -> list[tuple[float, float]]:
    """A heater shield: flat top with a shallow dip, straight sides, two curves meeting at the bottom point."""
    left, right, top, bottom = inset, width - inset, inset, height - inset
    middle = width / 2
    shoulder = top + (bottom - top) * 0.50
    points: list[tuple[float, float]] = [(left, top), (middle, top + (bottom - top) * 0.04), (right, top)]
    points.append((right, shoulder))
    steps = 48
    for i in range(1, steps + 1):  # right side: quadratic curve to the point
        t = i / steps
        control = (right, bottom - (bottom - shoulder) * 0.25)
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * control[0] + t**2 * middle
        y = (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * control[1] + t**2 * bottom
        points.append((x, y))
    mirrored = [(width - x, y) for x, y in reversed(points[4:-1])]
    points.extend(mirrored)
    points.append((left, shoulder))
    return points


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _centered_text(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, text: str, size: int, fill: tuple[int, ...]
) -> None:
    font = ImageFont.truetype(str(FONT_DIR / "LiberationSans-Bold.ttf"), size)
    draw.text((cx, cy), text, font=font, fill=fill, anchor="mm")


@lru_cache(maxsize=1)
def sample_logo_png() -> bytes:
    """The placeholder emblem as PNG bytes (400 × 480 px, transparent background); the same bytes every call."""
    s = _SUPERSAMPLE
    w, h = WIDTH * s, HEIGHT * s
    image = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon(_shield(w, h, 6 * s), fill=_GOLD)
    draw.polygon(_shield(w, h, 22 * s), fill=_NAVY)
    draw.polygon(_shield(w, h, 34 * s), outline=_GOLD, width=4 * s)
    draw.polygon(_star(w / 2, 150 * s, 78 * s, 31 * s), fill=_GOLD)
    _centered_text(draw, w / 2, 282 * s, "LOGO", 84 * s, _WHITE)
    band_top, band_bottom = 332 * s, 372 * s
    draw.rectangle((70 * s, band_top, w - 70 * s, band_bottom), fill=_GOLD)
    _centered_text(draw, w / 2, (band_top + band_bottom) / 2, "CONTOH", 30 * s, _NAVY)
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    # Few colours keep the file small (about 25 KB); stored as RGBA, which every PDF and Qt reader takes.
    image = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).convert(
        "RGBA"
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
