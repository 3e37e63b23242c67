"""Copies of stored files handed to the system viewer: one owner-only folder per run, gone when the app quits."""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.storage.files import POSIX, PRIVATE_FILE, make_private_dir, pid_alive

log = logging.getLogger("sekretariat.viewer_files")

PREFIX = "sekretariat-berkas-"
# "<prefix><pid>-<random>"; the versions before this helper left "<prefix><random>" (no pid) behind.
_FOLDER_RE = re.compile(rf"^{re.escape(PREFIX)}(?:(?P<pid>\d+)-)?[A-Za-z0-9_]+$")
# A folder untouched this long belongs to no file anyone is still reading, even if its pid was reused since.
STALE_AFTER_SECONDS = 12 * 3600
# Characters no file system takes in a name (Windows is the strictest), and the separators of stored names.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_name(name: str) -> str:
    """A stored name ("aset/01.02_1.png") as one harmless file name ("aset_01.02_1.png")."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or "berkas"


class ViewerFiles:
    """The per-run folder under ``base`` (the system temp folder): created on the first copy, owner-only,
    removed by :meth:`cleanup`. :meth:`sweep` removes the folders of earlier runs that died without cleaning."""

    def __init__(self, base: Path | None = None) -> None:
        self.base = Path(tempfile.gettempdir()) if base is None else base
        self.folder: Path | None = None
        self.installed = False

    def copy(self, name: str, data: bytes) -> Path:
        """``data`` written as ``name`` into the per-run folder; a name already used for other bytes gets a
        number, because the viewer may still hold the first file open (Windows would refuse to overwrite)."""
        folder = self._folder()
        target = folder / safe_name(name)
        n = 1
        while target.exists():
            if target.read_bytes() == data:
                return target  # opened again: the same copy, not one more
            n += 1
            stem, suffix = os.path.splitext(safe_name(name))
            target = folder / f"{stem} ({n}){suffix}"
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return target

    def _folder(self) -> Path:
        # Checked each time: another run's sweep or a disk cleaner may have removed it while the app ran.
        if self.folder is None or not self.folder.is_dir():
            self.base.mkdir(parents=True, exist_ok=True)
            self.folder = make_private_dir(
                Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=self.base))
            )
        return self.folder

    def cleanup(self) -> None:
        """Remove the per-run folder and every copy in it (a file a viewer still holds on Windows stays, and
        the next start's sweep takes it)."""
        folder, self.folder = self.folder, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def sweep(self, now: float | None = None) -> list[Path]:
        """Remove the folders of runs that are gone: their process has ended, or nothing was written in them
        for :data:`STALE_AFTER_SECONDS`. A running app's fresh folder, and other users' folders, stay."""
        now = time.time() if now is None else now
        removed: list[Path] = []
        try:
            entries = [e for e in os.scandir(self.base) if e.name.startswith(PREFIX)]
        except OSError:
            return removed
        for entry in entries:
            m = _FOLDER_RE.match(entry.name)
            path = Path(entry.path)
            if m is None or path == self.folder:
                continue
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
                if POSIX and st.st_uid != os.getuid():
                    continue  # a colleague's session on the same computer: not ours to judge
                old = now - st.st_mtime > STALE_AFTER_SECONDS
                pid = int(m["pid"]) if m["pid"] else None
                gone = pid is not None and pid != os.getpid() and not pid_alive(pid)
                if old or gone:
                    shutil.rmtree(path)
                    removed.append(path)
            except OSError as exc:
                log.warning("could not remove left-over viewer folder %s: %s", path, exc)
        if removed:
            log.info("removed left-over viewer folders: %s", ", ".join(p.name for p in removed))
        return removed

    def install(self, app: QCoreApplication) -> None:
        """At start: sweep earlier runs' folders, and remove this run's when the event loop ends (quit, and
        sign-out, which ends it too) or, failing that, when the interpreter exits."""
        if self.installed:
            return
        self.installed = True
        self.sweep()
        app.aboutToQuit.connect(self.cleanup)
        atexit.register(self.cleanup)


# The app's one per-run folder (a test may swap in its own, under tmp_path).
FILES = ViewerFiles()


def install(app: QCoreApplication) -> None:
    FILES.install(app)


def copy_for_viewer(name: str, data: bytes) -> Path:
    """The app's copy of a stored file for the system viewer; it stays while the app runs."""
    app = QCoreApplication.instance()
    if app is not None:
        FILES.install(app)  # an entry point that did not install it still gets the clean-up
    return FILES.copy(name, data)


def open_with_system(path: Path) -> bool:
    """Hand a file to the program the computer opens it with (the PDF reader, the photo viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
