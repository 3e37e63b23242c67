"""Straight-to-printer path for routine slips: hands PDF bytes to CUPS' command-line tools (Linux, macOS)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

__all__ = ["MEDIA_F4", "PrinterError", "custom_media", "default_printer", "list_printers", "send_pdf"]

# Without a media option CUPS fits every page onto the queue's default paper (usually A4), so an F4 page
# would come out shrunk; naming the size keeps it. See tests/integration/test_cups_print.py.
MEDIA_F4 = "Custom.215x330mm"

_QUERY_TIMEOUT = 15.0
_SEND_TIMEOUT = 60.0
_JOB_ID = re.compile(r"request id is (\S+)")
_DEFAULT = re.compile(r"system default destination:\s*(\S+)")
_NO_DIALOG_HINT = "atau cetak lewat dialog Cetak"
_WINDOWS_MESSAGE = (
    "Cetak langsung ke printer tidak tersedia di Windows. Gunakan dialog Cetak untuk mencetak dokumen ini."
)


class PrinterError(Exception):
    """The printer or the print service cannot take the job; ``message`` is for the user, in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def custom_media(width_mm: float, height_mm: float) -> str:
    """CUPS media name for a paper size that has no standard name, e.g. ``Custom.215x330mm`` (F4)."""
    return f"Custom.{width_mm:g}x{height_mm:g}mm"


def list_printers() -> list[str]:
    """Names of the print queues CUPS knows (local and discovered), in CUPS' order."""
    result = _run(_tool("lpstat"), "-e")
    if result.returncode != 0:
        # CUPS older than 2.2 has no -e; "lpstat -a" prints "<name> accepting requests since …".
        result = _run(_tool("lpstat"), "-a")
        if result.returncode != 0 and "no destinations" not in _text(result).lower():
            raise _service_error(result, "Daftar printer tidak dapat dibaca")
        names = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    else:
        names = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    if not names and not _scheduler_running():
        raise PrinterError(_not_running_message())
    return names


def default_printer() -> str | None:
    """The user's or the system's default queue (lpoptions, LPDEST/PRINTER, CUPS), or None if none is set."""
    result = _run(_tool("lpstat"), "-d")
    match = _DEFAULT.search(result.stdout)
    if match:
        return match.group(1)
    if not _scheduler_running():
        raise PrinterError(_not_running_message())
    return None


def send_pdf(
    pdf: bytes,
    printer: str | None = None,
    *,
    title: str,
    copies: int = 1,
    media: str | None = None,
) -> str:
    """Queue ``pdf`` on ``printer`` (default: the default printer) and return the CUPS job id, e.g. ``HP-12``.

    ``media`` names the paper (``"A4"``, ``MEDIA_F4``…); without it CUPS scales the page to the queue's
    default paper.
    """
    if copies < 1:
        raise ValueError(f"copies must be at least 1, got {copies}")
    if not pdf.startswith(b"%PDF"):
        raise ValueError("pdf must be the bytes of a PDF document")
    if sys.platform == "win32":
        raise PrinterError(_WINDOWS_MESSAGE)
    lp = _tool("lp")
    if printer is None:
        printer = default_printer()
        if printer is None:
            raise PrinterError(
                "Printer bawaan belum diatur. Atur printer bawaan di pengaturan printer sistem, "
                f"pilih printer tertentu, {_NO_DIALOG_HINT}."
            )
    args = [lp, "-d", printer, "-t", title, "-n", str(copies)]
    if media:
        args += ["-o", f"media={media}"]
    # No file argument: lp reads the document from stdin and detects the PDF type itself.
    result = _run(*args, stdin=pdf, timeout=_SEND_TIMEOUT)
    output = _text(result)
    if result.returncode != 0:
        lowered = output.lower()
        if "does not exist" in lowered or "not found" in lowered:
            if not _scheduler_running():
                raise PrinterError(_not_running_message())
            raise PrinterError(
                f"Printer “{printer}” tidak dikenal. Periksa nama printer, pilih printer lain, {_NO_DIALOG_HINT}."
            )
        if "not accepting" in lowered:
            raise PrinterError(
                f"Printer “{printer}” sedang tidak menerima pekerjaan cetak. "
                "Periksa printer di pengaturan printer sistem, lalu coba lagi."
            )
        raise _service_error(result, f"Gagal mengirim dokumen ke printer “{printer}”")
    match = _JOB_ID.search(result.stdout)
    if not match:
        raise PrinterError(
            f"Dokumen sudah dikirim ke printer “{printer}”, tetapi nomor pekerjaan cetak tidak terbaca: "
            f"{output.strip() or '(tanpa keterangan)'}"
        )
    return match.group(1)


def _tool(name: str) -> str:
    if sys.platform == "win32":
        raise PrinterError(_WINDOWS_MESSAGE)
    path = shutil.which(name)
    if path is None:
        raise PrinterError(
            f"Perintah cetak “{name}” tidak ditemukan. Pasang CUPS (di Debian/Ubuntu: paket cups-client), "
            f"{_NO_DIALOG_HINT}."
        )
    return path


def _run(
    *args: str, stdin: bytes | None = None, timeout: float = _QUERY_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    # C locale: the replies are parsed, and CUPS translates them otherwise.
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        result = subprocess.run(
            list(args), input=stdin, capture_output=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(
            f"Layanan pencetakan (CUPS) tidak menjawab dalam {timeout:.0f} detik. Coba lagi sebentar lagi."
        ) from exc
    except OSError as exc:
        raise PrinterError(
            f"Perintah cetak “{args[0]}” tidak dapat dijalankan: {exc.strerror or exc}"
        ) from exc
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", errors="replace"),
        result.stderr.decode("utf-8", errors="replace"),
    )


def _scheduler_running() -> bool:
    try:
        return "is running" in _run(_tool("lpstat"), "-r").stdout
    except PrinterError:
        return False


def _not_running_message() -> str:
    return (
        f"Layanan pencetakan (CUPS) tidak berjalan. Nyalakan layanan CUPS lalu coba lagi, {_NO_DIALOG_HINT}."
    )


def _service_error(result: subprocess.CompletedProcess[str], what: str) -> PrinterError:
    if not _scheduler_running():
        return PrinterError(_not_running_message())
    detail = " ".join(_text(result).split()) or f"kode keluar {result.returncode}"
    return PrinterError(f"{what}: {detail}")


def _text(result: subprocess.CompletedProcess[str]) -> str:
    return f"{result.stdout}\n{result.stderr}"
