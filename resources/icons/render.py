"""Regenerates the icon's PNG sizes and the Windows .ico from the SVG drawings (rsvg-convert + Pillow)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size an .ico entry can hold
# Below 32 px the large drawing's ring and thin S blur into a spot; a simpler drawing stands in.
SMALL_UP_TO = 24


def png_path(size: int) -> Path:
    return HERE / "png" / f"sekretariat-{size}.png"


def source_for(size: int) -> Path:
    return HERE / ("sekretariat-small.svg" if size <= SMALL_UP_TO else "sekretariat.svg")


def render() -> None:
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        # The PNG and .ico are committed, so only someone changing the drawing needs the tool.
        sys.exit("rsvg-convert tidak ditemukan: apt-get install librsvg2-bin")
    png_path(SIZES[0]).parent.mkdir(exist_ok=True)
    for size in SIZES:
        subprocess.run(
            [rsvg, "-w", str(size), "-h", str(size), "-o", str(png_path(size)), str(source_for(size))],
            check=True,
        )
    # Each .ico entry is its own hand-checked PNG instead of Pillow's down-scaling of one large image.
    images = [Image.open(png_path(size)).convert("RGBA") for size in ICO_SIZES]
    largest = images[-1]
    largest.save(
        HERE / "sekretariat.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )


if __name__ == "__main__":
    render()
