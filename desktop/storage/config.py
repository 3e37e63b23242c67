"""Where the data lives: the per-workstation connection settings kept beside the data directory."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from desktop.storage.files import create_private_file, make_private_dir, temp_path

APP_NAME = "Sekretariat"
CONFIG_FILE = "koneksi.json"
SQLITE_FILE = "sekretariat.db"
KEYRING_SERVICE = "sekretariat-postgresql"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class PostgresSettings:
    host: str = "localhost"
    port: int = 5432
    dbname: str = "sekretariat"
    user: str = "sekretariat"
    sslmode: str = "prefer"

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def describe(self) -> str:
        return f"server PostgreSQL {self.host}:{self.port}/{self.dbname}"


@dataclass(frozen=True)
class ConnectionSettings:
    backend: str = "sqlite"  # "sqlite" or "postgresql"
    postgres: PostgresSettings = field(default_factory=PostgresSettings)

    @property
    def is_postgres(self) -> bool:
        return self.backend == "postgresql"


def config_path(data_dir: Path) -> Path:
    return data_dir / CONFIG_FILE


def load_settings(data_dir: Path) -> ConnectionSettings:
    path = config_path(data_dir)
    if not path.exists():
        return ConnectionSettings()
    raw = json.loads(path.read_text(encoding="utf-8"))
    pg = PostgresSettings(**raw.get("postgres", {}))
    backend = raw.get("backend", "sqlite")
    if backend not in ("sqlite", "postgresql"):
        raise ValueError(f"Jenis basis data tidak dikenal di {path}: {backend!r}")
    return ConnectionSettings(backend=backend, postgres=pg)


def save_settings(data_dir: Path, settings: ConnectionSettings) -> None:
    """Write atomically so a crash never leaves a half-written configuration."""
    if not data_dir.exists():
        make_private_dir(data_dir)
    path = config_path(data_dir)
    tmp = temp_path(path)
    create_private_file(tmp)
    try:
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
