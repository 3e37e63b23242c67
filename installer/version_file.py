"""Fills the Windows version resource template (resources/windows/version_info.txt) with the app's version."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "windows" / "version_info.txt"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps: leading release numbers of `version`, padded with zeros."""
    # Only the release part counts: "1.2.0rc1" and "1.2.0.dev3" both give (1, 2, 0, 0).
    release = re.match(r"\d+(?:\.\d+)*", version.strip())
    if release is None:
        raise ValueError(f"versi tidak dikenal: {version!r}")
    numbers = [int(part) for part in release.group(0).split(".")][:4]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"bagian versi melebihi 65535: {version!r}")
    padded = numbers + [0] * (4 - len(numbers))
    return (padded[0], padded[1], padded[2], padded[3])


def render(version: str) -> str:
    """The version file's text for `version`, ready for PyInstaller's EXE(version=...)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.format(version=version.strip(), version_tuple=version_tuple(version))
