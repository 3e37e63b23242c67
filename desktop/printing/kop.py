"""The kop surat (letterhead): logo, PEMERINTAH PROVINSI …, DINAS …, address, contacts and the double rule."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader
from desktop.printing.document import FittedText, draw_centered_lines, fit_text
from desktop.printing.fonts import SANS, SANS_BOLD, register_fonts
from desktop.printing.pages import MM

# Sizes at scale 1, for a text width of about 170 mm (A4/F4 with 20 mm margins); smaller paper scales down.
_FULL_WIDTH = 170 * MM
_MIN_SCALE = 0.7
_LOGO_HEIGHT = 26 * MM
_LOGO_MAX_WIDTH = 30 * MM
_LOGO_GAP = 4 * MM
_PEMDA_SIZE = 14.0
_DINAS_SIZE = 16.0
_DINAS_MIN = 0.82  # below this share of _DINAS_SIZE the name wraps, or moves right of the logo for more room
_ADDRESS_SIZE = 10.0
_CONTACT_SIZE = 9.5
_MIN_LEGIBLE = 7.0
_LEADING = 1.2
_BLOCK_SPACE = 0.2  # extra space above the dinas and the address blocks, in em of their size
_CAP_HEIGHT = 0.73  # Liberation Sans capital height, in em
_DESCENT = 0.21  # below the baseline, in em
_RULE_GAP = 2.5 * MM  # text to the rule
_THICK_RULE = 2.25
_THIN_RULE = 0.75
_RULE_SPACING = 1.5  # white between the two rules, in points


@dataclass(frozen=True, slots=True)
class _Line:
    text: FittedText
    font: str
    space_above: float = 0.0  # in em, on top of the leading


def on_white(png: bytes) -> ImageReader:
    """The logo with any transparency laid on white paper. A page holding a see-through image is turned into
    one flat picture by the PostScript step of a CUPS print, so the printed letter loses its text layer (it can
    no longer be searched or read back); an opaque logo prints the same and keeps the page as text."""
    with Image.open(BytesIO(png)) as image:
        if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return ImageReader(flat)
    return ImageReader(BytesIO(png))


def logo_size(png: bytes) -> tuple[int, int]:
    """Pixel size of a logo; raises :class:`ValueError` in Indonesian when it is not a readable image.

    Pengaturan calls this when the logo is chosen, so a broken file is refused there, not when printing.
    """
    try:
        width, height = ImageReader(BytesIO(png)).getSize()
    except Exception as exc:  # reportlab/Pillow raise a variety of errors for bad image data
        raise ValueError("Berkas logo tidak dapat dibaca sebagai gambar PNG.") from exc
    if width <= 0 or height <= 0:
        raise ValueError("Berkas logo tidak berisi gambar.")
    return int(width), int(height)


def kop_scale(width: float) -> float:
    """The size factor :func:`draw_kop` uses for a kop ``width`` points wide (1.0 on A4/F4)."""
    return max(_MIN_SCALE, min(1.0, width / _FULL_WIDTH))


def address_line(header: OfficeHeader) -> str:
    """The address as printed: ``alamat``, then the kode pos unless the address already has it."""
    alamat = " ".join(header.alamat.split())
    kode_pos = header.kode_pos.strip()
    if kode_pos and kode_pos not in alamat:
        return f"{alamat}, Kode Pos {kode_pos}" if alamat else f"Kode Pos {kode_pos}"
    return alamat


def contact_line(header: OfficeHeader) -> str:
    """``"Telepon (0541) 736714, Email …, Laman …"`` with only the parts that are set."""
    parts = [
        f"{label} {value.strip()}"
        for label, value in (("Telepon", header.telepon), ("Email", header.email), ("Laman", header.laman))
        if value.strip()
    ]
    return ", ".join(parts)


def _dinas_text(header: OfficeHeader) -> str:
    return " ".join(header.nama_dinas.upper().split())


def _fit_dinas(text: str, width: float, scale: float) -> FittedText:
    size = _DINAS_SIZE * scale
    fitted = fit_text(text, SANS_BOLD, width, max_size=size, min_size=_DINAS_MIN * size, max_lines=2)
    if fitted.font_size < 0.55 * size:
        # Only an unusually long name gets a third line, and only when two would be too small to read.
        fitted = fit_text(text, SANS_BOLD, width, max_size=size, min_size=0.55 * size, max_lines=3)
    return fitted


def _layout(header: OfficeHeader, width: float, scale: float) -> list[_Line]:
    pemda = fit_text(
        " ".join(header.nama_pemda.upper().split()),
        SANS_BOLD,
        width,
        max_size=_PEMDA_SIZE * scale,
        min_size=0.75 * _PEMDA_SIZE * scale,
        max_lines=2,
    )
    dinas = _fit_dinas(_dinas_text(header), width, scale)
    lines = [_Line(pemda, SANS_BOLD), _Line(dinas, SANS_BOLD, _BLOCK_SPACE)]
    for text, size, space in (
        (address_line(header), _ADDRESS_SIZE, _BLOCK_SPACE),
        (contact_line(header), _CONTACT_SIZE, 0.0),
    ):
        # Shrink a little before wrapping (these are usually one line on a kop), but not below legible print.
        min_size = min(size * scale, max(_MIN_LEGIBLE, 0.85 * size * scale))
        fitted = fit_text(text, SANS, width, max_size=size * scale, min_size=min_size, max_lines=2)
        lines.append(_Line(fitted, SANS, space))
    return [line for line in lines if line.text.fits]


def _text_height(lines: list[_Line]) -> float:
    """From the top of the first line's capitals to the bottom of the last line's descenders.

    Each line after the first sits ``_LEADING`` × its own size below the one before (plus the block's
    ``space_above`` on its first line), as :func:`draw_kop` draws them.
    """
    if not lines:
        return 0.0
    first = lines[0].text.font_size
    height = _CAP_HEIGHT * first + _LEADING * first * (len(lines[0].text.lines) - 1)
    for line in lines[1:]:
        size = line.text.font_size
        height += (_LEADING + line.space_above) * size + _LEADING * size * (len(line.text.lines) - 1)
    return height + _DESCENT * lines[-1].text.font_size


def draw_kop(
    canvas: Canvas,
    header: OfficeHeader,
    *,
    left: float,
    right: float,
    top: float,
    scale: float | None = None,
) -> float:
    """Draw the kop surat between ``left`` and ``right`` below ``top`` (points); return the y just below it.

    The logo (when there is one) stands at the left, vertically centred on the text. The text is centred on
    the page, as on most kop surat, keeping clear of the logo by mirroring its width on the right; a name too
    long for that is centred on the space right of the logo instead. Every line is shrunk or wrapped to fit,
    so nothing runs past ``right``. The double rule (thick over thin) spans ``left`` to ``right``; the
    returned y is the bottom edge of the thin rule. ``scale`` defaults to :func:`kop_scale` of the width.
    """
    register_fonts()
    if scale is None:
        scale = kop_scale(right - left)

    logo: ImageReader | None = None
    logo_w = logo_h = 0.0
    if header.logo_png:
        px_w, px_h = logo_size(header.logo_png)
        logo = on_white(header.logo_png)
        logo_h = _LOGO_HEIGHT * scale
        logo_w = logo_h * px_w / px_h
        if logo_w > _LOGO_MAX_WIDTH * scale:  # a wide emblem: keep its aspect ratio within the box
            logo_w = _LOGO_MAX_WIDTH * scale
            logo_h = logo_w * px_h / px_w

    if logo is None:
        text_left, text_right = left, right
        lines = _layout(header, text_right - text_left, scale)
    else:
        reserve = logo_w + _LOGO_GAP * scale
        text_left, text_right = left + reserve, right - reserve
        dinas = _fit_dinas(_dinas_text(header), text_right - text_left, scale)
        if dinas.font_size < _DINAS_MIN * _DINAS_SIZE * scale:
            text_right = right
        lines = _layout(header, text_right - text_left, scale)

    text_h = _text_height(lines)
    kop_h = max(text_h, logo_h)
    x_center = (text_left + text_right) / 2

    if logo is not None:
        logo_y = top - (kop_h + logo_h) / 2
        canvas.drawImage(logo, left, logo_y, logo_w, logo_h, mask="auto", preserveAspectRatio=True)

    y = top - (kop_h - text_h) / 2
    for index, line in enumerate(lines):
        size = line.text.font_size
        baseline = y - _CAP_HEIGHT * size if index == 0 else y - (_LEADING + line.space_above) * size
        y = draw_centered_lines(
            canvas,
            line.text.lines,
            x_center=x_center,
            baseline=baseline,
            font_name=line.font,
            font_size=size,
            leading=_LEADING * size,
        )

    thick_y = top - kop_h - _RULE_GAP * scale - _THICK_RULE / 2
    thin_y = thick_y - _THICK_RULE / 2 - _RULE_SPACING - _THIN_RULE / 2
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineCap(0)
    canvas.setLineWidth(_THICK_RULE)
    canvas.line(left, thick_y, right, thick_y)
    canvas.setLineWidth(_THIN_RULE)
    canvas.line(left, thin_y, right, thin_y)
    canvas.restoreState()
    return float(thin_y - _THIN_RULE / 2)
