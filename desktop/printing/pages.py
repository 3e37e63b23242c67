"""Paper sizes (F4, A4, ½ F4, A5, thermal rolls, cards) and page margins, in millimetres and points."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.units import mm

MM: float = float(mm)
"""One millimetre in PDF points (1 pt = 1/72 inch)."""


def mm_to_pt(value_mm: float) -> float:
    """Millimetres to PDF points."""
    return value_mm * MM


def pt_to_mm(value_pt: float) -> float:
    """PDF points to millimetres."""
    return value_pt / MM


@dataclass(frozen=True, slots=True)
class PaperSize:
    """A sheet (or roll) of paper; dimensions are given portrait, in millimetres.

    ``height_mm`` is ``None`` for a thermal roll: each document sets its own length with :meth:`with_height`.
    """

    key: str
    label: str
    width_mm: float
    height_mm: float | None

    @property
    def is_roll(self) -> bool:
        return self.height_mm is None

    @property
    def is_landscape(self) -> bool:
        return self.height_mm is not None and self.width_mm > self.height_mm

    @property
    def size_pt(self) -> tuple[float, float]:
        """``(width, height)`` in points, as reportlab's ``pagesize`` wants it."""
        if self.height_mm is None:
            raise ValueError(f"{self.label}: panjang kertas rol harus ditentukan (with_height)")
        return (self.width_mm * MM, self.height_mm * MM)

    @property
    def size_text(self) -> str:
        """``"215 × 330 mm"`` (Indonesian decimal comma where needed)."""
        if self.height_mm is None:
            return f"lebar {_mm_text(self.width_mm)} mm"
        return f"{_mm_text(self.width_mm)} × {_mm_text(self.height_mm)} mm"

    @property
    def description(self) -> str:
        """``"F4 (215 × 330 mm)"`` for tables and print dialogs."""
        return f"{self.label} ({self.size_text})"

    def with_height(self, height_mm: float) -> PaperSize:
        """A piece of a roll (or any paper) cut to ``height_mm``."""
        if height_mm <= 0:
            raise ValueError("panjang kertas harus lebih dari 0 mm")
        return replace(self, height_mm=height_mm)

    def landscape(self) -> PaperSize:
        """The same sheet turned sideways (e.g. F4 landscape for KIB/KIR and the buku agenda)."""
        if self.height_mm is None:
            raise ValueError(f"{self.label}: kertas rol tidak dapat dibuat mendatar")
        if self.is_landscape:
            return self
        return PaperSize(
            key=f"{self.key}-landscape",
            label=f"{self.label} mendatar",
            width_mm=self.height_mm,
            height_mm=self.width_mm,
        )


def _mm_text(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}".replace(".", ",")


# Qt's "Folio" is 210 × 330 mm; the F4 sold in Indonesia is 215 × 330 mm, hence our own table.
A4 = PaperSize("A4", "A4", 210, 297)
F4 = PaperSize("F4", "F4", 215, 330)
HALF_F4 = PaperSize("HALF_F4", "½ F4", 165, 215)
A5 = PaperSize("A5", "A5", 148, 210)
THERMAL_58 = PaperSize("THERMAL_58", "Rol termal 58 mm", 58, None)
THERMAL_80 = PaperSize("THERMAL_80", "Rol termal 80 mm", 80, None)
CARD = PaperSize("CARD", "Kartu (ID-1)", 85.6, 54)

PAPERS: dict[str, PaperSize] = {
    paper.key: paper for paper in (F4, A4, HALF_F4, A5, THERMAL_58, THERMAL_80, CARD)
}
"""All known papers by key, sheets first (the order a paper picker shows them)."""


def paper_by_key(key: str) -> PaperSize:
    """The paper stored under ``key`` in settings; ``"F4-landscape"`` gives F4 turned sideways.

    Raises :class:`KeyError` for an unknown key.
    """
    base, _, orientation = key.partition("-")
    paper = PAPERS.get(base)
    if paper is None or orientation not in ("", "landscape"):
        raise KeyError(f"ukuran kertas tidak dikenal: {key!r}")
    return paper.landscape() if orientation else paper


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page in points, measured from the bottom-left corner as reportlab does."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres."""

    top_mm: float
    right_mm: float
    bottom_mm: float
    left_mm: float

    @classmethod
    def uniform(cls, value_mm: float) -> Margins:
        return cls(value_mm, value_mm, value_mm, value_mm)

    @classmethod
    def symmetric(cls, vertical_mm: float, horizontal_mm: float) -> Margins:
        return cls(vertical_mm, horizontal_mm, vertical_mm, horizontal_mm)

    @property
    def top(self) -> float:
        return self.top_mm * MM

    @property
    def right(self) -> float:
        return self.right_mm * MM

    @property
    def bottom(self) -> float:
        return self.bottom_mm * MM

    @property
    def left(self) -> float:
        return self.left_mm * MM

    def content_box(self, paper: PaperSize) -> Box:
        """The printable area of ``paper`` inside these margins, in points."""
        width, height = paper.size_pt
        box = Box(self.left, self.bottom, width - self.right, height - self.top)
        if box.width <= 0 or box.height <= 0:
            raise ValueError(f"margin terlalu besar untuk kertas {paper.description}")
        return box
