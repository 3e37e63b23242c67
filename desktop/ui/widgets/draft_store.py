"""Where drafts of half-typed forms are kept: one small JSON file per user, written atomically and synced."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core import clock
from desktop.storage.files import make_private

log = logging.getLogger("sekretariat")

_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    """One form's unsaved input as it was last written to disk."""

    key: str  # the form's stable key, e.g. "surat_masuk/baru" or "pegawai/12"
    title: str  # what the clerk calls the form, e.g. "surat masuk"
    tab: str  # the main window's tab that holds the form ("surat", "pegawai"), "" when unknown
    saved_at: datetime  # aware
    fields: dict[str, Any]  # objectName -> value, as DraftKeeper.snapshot() gives it


class DraftStore:
    """The drafts of one user on this computer, in one small JSON file written atomically and synced to disk,
    so that a SIGKILL or a power cut leaves either the previous file or the new one, never half of one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Keys the clerk chose to restore at start-up whose form is not open yet (e.g. a pegawai dialog): the
        # form takes its draft back when it opens.
        self.pending: set[str] = set()

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("drafts file %s is unreadable; starting without drafts", self.path, exc_info=True)
            return {}
        entries = raw.get("draf") if isinstance(raw, dict) else None
        return {k: v for k, v in entries.items() if isinstance(v, dict)} if isinstance(entries, dict) else {}

    def _write(self, entries: dict[str, dict[str, Any]]) -> None:
        if not entries:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"versi": _FORMAT_VERSION, "draf": entries}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            make_private(Path(tmp))  # drafts hold what the clerk typed: the user's eyes only
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError, AttributeError):  # the rename itself survives a power cut too
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def drafts(self) -> list[Draft]:
        """Every stored draft, oldest first."""
        found: list[Draft] = []
        for key, entry in self._read().items():
            try:
                saved_at = datetime.fromisoformat(str(entry["disimpan"]))
                fields = entry["isian"]
                if not isinstance(fields, dict):
                    continue
                found.append(
                    Draft(key, str(entry.get("judul", key)), str(entry.get("tab", "")), saved_at, fields)
                )
            except (KeyError, ValueError):
                log.warning("drafts file %s: entry %r is unreadable; skipped", self.path, key)
        return sorted(found, key=lambda d: d.saved_at)

    def get(self, key: str) -> Draft | None:
        return next((d for d in self.drafts() if d.key == key), None)

    def save(self, key: str, title: str, tab: str, fields: dict[str, Any]) -> None:
        entries = self._read()
        entries[key] = {"judul": title, "tab": tab, "disimpan": clock.utc_now().isoformat(), "isian": fields}
        try:
            self._write(entries)
        except OSError:
            log.warning("draft %r could not be written to %s", key, self.path, exc_info=True)

    def remove(self, key: str) -> None:
        self.pending.discard(key)
        entries = self._read()
        if entries.pop(key, None) is not None:
            try:
                self._write(entries)
            except OSError:
                log.warning("draft %r could not be removed from %s", key, self.path, exc_info=True)


_STORES: dict[Path, DraftStore] = {}


def draft_path(data_dir: Path, user_id: int | None, username: str) -> Path:
    """One file per user in the data folder: a draft is offered back only to the clerk who typed it."""
    name = f"pengguna-{user_id}" if user_id is not None else re.sub(r"[^A-Za-z0-9_.-]", "_", username)
    return Path(data_dir) / "draf" / f"{name}.json"


def store_for(ctx: Any) -> DraftStore:
    """The draft store of the signed-in user of ``ctx`` (a UiContext), shared by every form and the window."""
    path = draft_path(Path(ctx.app.data_dir), ctx.actor.user_id, ctx.actor.username)
    store = _STORES.get(path)
    if store is None:
        store = _STORES[path] = DraftStore(path)
    return store
