"""Where the top-level ``resources/`` folder (icons, licences, build info) is: in the bundle or the checkout."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` beside the frozen app's modules (PyInstaller's ``sys._MEIPASS``, the bundle's ``_internal``
    folder), else at the root of the source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
