"""What the About dialog shows: version and build, where the data lives, the engine, the bundled licences."""

from __future__ import annotations

import json
import platform
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.resources_path import resources_dir
from desktop.services.system import AppContext

BUILD_INFO = "build_info.json"
LICENCE_FOLDER = "licenses"
FROM_SOURCE = "dari kode sumber"


@dataclass(frozen=True)
class Build:
    """What ``make dist`` wrote into the bundle's ``build_info.json``."""

    date: str
    commit: str

    def describe(self) -> str:
        return f"{self.date} (commit {self.commit})" if self.commit else self.date


@dataclass(frozen=True)
class Licence:
    """One bundled third-party component and the file with its licence text."""

    component: str
    licence: str  # "" when the table does not say
    versions: str  # "" when the table does not say
    path: Path

    @property
    def title(self) -> str:
        return f"{self.component} — {self.licence}" if self.licence else self.component

    @property
    def heading(self) -> str:
        """The component, its versions and licence, above its text."""
        parts = [self.component, f"versi {self.versions}" if self.versions else "", self.licence]
        return " · ".join(part for part in parts if part)

    def text(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return f"Teks lisensi tidak bisa dibaca ({self.path}): {exc.strerror or exc}"


@dataclass(frozen=True)
class AboutInfo:
    version: str
    build: Build | None  # None: running from source (or the bundle's build_info.json is unreadable)
    data_dir: Path
    backup_dir: Path
    engine: str  # "SQLite 3.x.y" or "PostgreSQL"
    database: str  # the SQLite file, or the server, database and user (never the password)
    python: str
    system: str
    licences: tuple[Licence, ...]
    licence_dir: Path

    @property
    def build_text(self) -> str:
        return self.build.describe() if self.build is not None else FROM_SOURCE

    def details(self, toolkit: Sequence[tuple[str, str]] = ()) -> list[tuple[str, str]]:
        """Label and value of every technical line; ``toolkit`` adds the Qt versions the UI knows."""
        return [
            ("Versi", self.version),
            ("Dibuat", self.build_text),
            ("Folder data", str(self.data_dir)),
            ("Folder cadangan", str(self.backup_dir)),
            ("Basis data", f"{self.engine}: {self.database}"),
            ("Python", self.python),
            *toolkit,
            ("Sistem operasi", self.system),
        ]

    def as_text(self, toolkit: Sequence[tuple[str, str]] = ()) -> str:
        """The lines an IT person reads out or pastes in a support call."""
        return "\n".join([f"Sekretariat {self.version}", *(f"{k}: {v}" for k, v in self.details(toolkit))])


def about_info(ctx: AppContext, resources: Path | None = None) -> AboutInfo:
    """Everything the About dialog shows; ``resources`` defaults to the app's own ``resources/`` folder."""
    folder = resources if resources is not None else resources_dir()
    if ctx.db.sqlite_path is not None:
        engine, database = f"SQLite {sqlite3.sqlite_version}", str(ctx.db.sqlite_path)
    else:
        url = ctx.db.engine.url
        engine = "PostgreSQL"
        database = f"{url.host}:{url.port or 5432}/{url.database}, pengguna {url.username or '-'}"
    return AboutInfo(
        version=__version__,
        build=read_build(folder),
        data_dir=ctx.data_dir,
        backup_dir=ctx.backup_dir,
        engine=engine,
        database=database,
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        system=platform.platform(terse=True),
        licences=licences(folder / LICENCE_FOLDER),
        licence_dir=folder / LICENCE_FOLDER,
    )


def read_build(folder: Path) -> Build | None:
    """The build date and commit from ``build_info.json``; None from source, where the file does not exist."""
    try:
        raw = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    return Build(date=str(raw.get("build_date") or "-"), commit=str(raw.get("commit") or ""))


def licences(folder: Path) -> tuple[Licence, ...]:
    """The components listed in ``README.md``'s table, in its order, then any other text file of the folder
    (named after the file), so a licence added without a table row is still shown."""
    if not folder.is_dir():
        return ()
    listed = _table(folder)
    named = {entry.path.name for entry in listed}
    rest = [
        Licence(component=path.stem, licence="", versions="", path=path)
        for path in sorted(folder.iterdir(), key=lambda p: p.name.lower())
        if path.is_file()
        and path.name not in named
        and path.name != "README.md"
        and not path.name.startswith(".")
    ]
    return tuple(listed + rest)


_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def _cell(text: str, *, target: bool = False) -> str:
    """A table cell without Markdown: a link gives its text (or, for the file column, its target)."""
    link = _LINK.search(text)
    if link:
        text = link.group(2) if target else link.group(1)
    return text.strip().strip("`*").strip()


def _column(header: list[str], *words: str) -> int | None:
    for index, name in enumerate(header):
        if any(word in name.lower() for word in words):
            return index
    return None


def _table(folder: Path) -> list[Licence]:
    """The rows of every Markdown table in ``README.md`` whose header names a file column."""
    try:
        lines = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found: list[Licence] = []
    header: list[str] | None = None
    for line in lines:
        if not line.strip().startswith("|"):
            header = None  # a table ends at the first line outside it
            continue
        cells = line.strip().strip("|").split("|")
        if header is None:
            header = cells
        elif not all(set(cell) <= set("-: ") for cell in cells):  # not the line under the header
            entry = _row(folder, header, cells)
            if entry is not None:
                found.append(entry)
    return found


def _row(folder: Path, header: list[str], cells: list[str]) -> Licence | None:
    def cell(*words: str, target: bool = False) -> str:
        index = _column(header, *words)
        return _cell(cells[index], target=target) if index is not None and index < len(cells) else ""

    name = cell("file", "berkas", target=True)
    if not name:
        return None
    path = folder / name
    if not path.exists() and (folder / Path(name).name).exists():
        path = folder / Path(name).name  # written relative to the repository root rather than the folder
    return Licence(
        component=cell("component", "komponen") or _cell(cells[0]) or path.stem,
        licence=cell("licen", "lisensi"),
        versions=cell("version", "versi"),
        path=path,
    )
