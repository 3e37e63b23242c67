"""The fonts embedded in every document: Liberation Sans and Serif, registered with reportlab."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR: Path = Path(__file__).resolve().parent.parent / "resources" / "fonts"

SANS = "Sans"
SANS_BOLD = "Sans-Bold"
SANS_ITALIC = "Sans-Italic"
SANS_BOLD_ITALIC = "Sans-BoldItalic"
SERIF = "Serif"
SERIF_BOLD = "Serif-Bold"
SERIF_ITALIC = "Serif-Italic"
SERIF_BOLD_ITALIC = "Serif-BoldItalic"

_FILES: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    # family: (file prefix, (regular, bold, italic, bold italic))
    SANS: ("LiberationSans", (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC)),
    SERIF: ("LiberationSerif", (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC)),
}
_STYLES = ("Regular", "Bold", "Italic", "BoldItalic")

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (safe to call any number of times, from any thread).

    A registered TrueType font is embedded (as a subset) in every PDF that uses it, so a document prints the
    same on every computer. Use the names above in ``setFont`` and paragraph styles; the families are
    registered too, so ``<b>`` and ``<i>`` work inside a ``Paragraph``.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for family, (prefix, names) in _FILES.items():
            for style, name in zip(_STYLES, names, strict=True):
                path = FONT_DIR / f"{prefix}-{style}.ttf"
                if not path.is_file():
                    raise FileNotFoundError(f"font tidak ditemukan: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            # The family name is the regular face's name, so <b>/<i> work from any face of it.
            regular, bold, italic, bold_italic = names
            pdfmetrics.registerFontFamily(
                family, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
            )
        _registered = True


def string_width(text: str, font_name: str, font_size: float) -> float:
    """Width of ``text`` in points (registers the fonts first)."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font_name, font_size))
