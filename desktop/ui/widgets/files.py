"""Where the file dialogs start: the folder the clerk last opened or saved a file in, this session."""

from __future__ import annotations

from pathlib import Path

_last_dir = ""


def start_dir(name: str = "") -> str:
    """The folder for the next open/save dialog (the home folder at first), with ``name`` proposed in it."""
    base = Path(_last_dir) if _last_dir else Path.home()
    return str(base / name) if name else str(base)


def remember_dir(path: Path) -> None:
    """Remember the folder of a file just opened or saved, for every module's next file dialog."""
    global _last_dir
    _last_dir = str(path.parent)
