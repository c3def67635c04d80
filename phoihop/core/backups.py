"""Backups: the database and the uploaded files in one archive, and putting them back.

An archive (.tar.gz) holds `manifest.json`, the database (`database.sqlite3`, a copy made with
SQLite's online backup API, consistent while people keep working; or `database.dump`,
pg_dump's custom format) and `media/`, the uploaded files (MEDIA_ROOT).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA = "media"
PREFIX = "phoihop-"
SUFFIX = ".tar.gz"


class BackupError(Exception):
    """A backup or a restore that cannot be done; the message says why, in Vietnamese."""


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def engine() -> str:
    """'sqlite' or 'postgresql': the kinds of database a backup can be made of."""
    name = str(_database()["ENGINE"])
    if name.endswith("sqlite3"):
        return "sqlite"
    if name.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Không sao lưu được cơ sở dữ liệu loại {name}.")


def _pg_env() -> dict[str, str]:
    """libpq's variables for pg_dump and pg_restore: no password on the command line."""
    db = _database()
    env = dict(os.environ)
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env


def _run(command: list[str]) -> None:
    try:
        result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"Không tìm thấy lệnh {command[0]}: cài gói postgresql-client cùng phiên bản máy chủ."
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} báo lỗi: {result.stderr.strip()}")


def default_path(now: dt.datetime | None = None) -> Path:
    """DATA_DIR/backups/phoihop-YYYYMMDD-HHMMSS.tar.gz."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"{PREFIX}{stamp}{SUFFIX}"


def make_backup(out: Path) -> dict[str, Any]:
    """Write the archive to `out` (through a temporary file, so a failed backup leaves no
    half-written archive under the final name); returns its manifest."""
    kind = engine()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="phoihop-backup-") as work:
        if kind == "sqlite":
            db_file = Path(work) / SQLITE_FILE
            source = sqlite3.connect(str(_database()["NAME"]))
            target = sqlite3.connect(db_file)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            db_file = Path(work) / PG_FILE
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(db_file)]
            )
        media = Path(settings.MEDIA_ROOT)
        media_files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        manifest = {
            "format": FORMAT,
            "application": "phoihop",
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": kind,
            "database": db_file.name,
            "media_files": len(media_files),
        }
        partial = out.with_name(out.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(dt.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(db_file, arcname=db_file.name)
            for path in media_files:
                archive.add(path, arcname=f"{MEDIA}/{path.relative_to(media).as_posix()}")
        partial.replace(out)
    return manifest


def prune(directory: Path, *, keep: int) -> list[Path]:
    """Delete all but the `keep` newest phoihop-*.tar.gz archives of `directory`."""
    archives = sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))
    old = archives[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


def read_manifest(archive_path: Path) -> dict[str, Any]:
    """The manifest of an archive, checked to be a phoihop backup of this kind of database."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, Any] = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, ValueError):
        raise BackupError(f"{archive_path} không phải là bản sao lưu của phoihop.") from None
    if manifest.get("application") != "phoihop" or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive_path} không phải là bản sao lưu của phoihop.")
    if manifest.get("engine") != engine():
        raise BackupError(
            f"Bản sao lưu là của cơ sở dữ liệu {manifest.get('engine')}, còn máy này dùng "
            f"{engine()}: không khôi phục được."
        )
    return manifest


def restore_backup(archive_path: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files by the archive's; returns its manifest."""
    manifest = read_manifest(archive_path)
    with tempfile.TemporaryDirectory(prefix="phoihop-restore-") as work:
        with tarfile.open(archive_path, "r:gz") as archive:
            # "data": nothing outside `work`, no links, no device files (a crafted archive).
            archive.extractall(work, filter="data")
        db_file = Path(work) / str(manifest["database"])
        if not db_file.is_file():
            raise BackupError(f"{archive_path} thiếu tệp cơ sở dữ liệu.")
        connections.close_all()
        if manifest["engine"] == "sqlite":
            source = sqlite3.connect(db_file)
            target = sqlite3.connect(str(_database()["NAME"]), timeout=30)
            try:
                # The online backup API in the other direction: the live file is rewritten
                # page by page under SQLite's own locking, WAL included.
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--dbname",
                    _pg_env().get("PGDATABASE", ""),
                    str(db_file),
                ]
            )
        _replace_media(Path(work) / MEDIA)
    return manifest


def _replace_media(restored: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    if restored.is_dir():
        shutil.move(str(restored), media)
    else:
        media.mkdir(parents=True, exist_ok=True)
