"""Reading printed barcodes back as a scanner would: render a PDF page with pdftoppm and decode with zbarimg."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TOOLS_MISSING = not (shutil.which("zbarimg") and shutil.which("pdftoppm"))
SKIP_REASON = "zbarimg (zbar-tools) or pdftoppm (poppler-utils) not installed; the CI installs both"


def render_pages(pdf: bytes, folder: Path, dpi: int = 300) -> list[Path]:
    """Each page of ``pdf`` as a PNG in ``folder``, in page order."""
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def decode(png: Path) -> list[str]:
    """The texts of the codes zbarimg finds in ``png`` (an empty list when it finds none)."""
    # zbarimg exits 4 when it finds nothing; the (empty) output is the answer then.
    result = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    return result.stdout.split()
