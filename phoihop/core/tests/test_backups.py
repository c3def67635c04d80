"""`phoihop backup` and `phoihop restore`, run as the office runs them (separate processes), on
a copy of the demo district: a figure changed and one deleted after the backup are back as they
were after the restore, and so are the uploaded files.

On SQLite the copy is a file made from the test database with SQLite's backup API. On
PostgreSQL (when the suite runs there) the test database is backed up with pg_dump and restored,
twice, into a scratch database of its own name.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

from phoihop.reporting.models import FigureValue

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
FIGURES = "SELECT id, submission_id, indicator_id, value, comment FROM reporting_figurevalue"


def phoihop(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def base_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PHOIHOP_SQLITE_PATH")}
    env["PHOIHOP_DATA_DIR"] = str(data_dir)
    return env


def sqlite_figures(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(f"{FIGURES} ORDER BY id").fetchall()


def test_a_backup_of_a_sqlite_district_restores_every_figure_and_upload(tmp_path):
    if connection.vendor != "sqlite":
        return _postgresql(tmp_path)
    db_file = tmp_path / "phoihop.sqlite3"
    connection.ensure_connection()
    # The test database lives in memory, inside the test's transaction: copied statement by
    # statement (SQLite's backup API would wait for that transaction to end).
    with closing(sqlite3.connect(db_file)) as copy:
        copy.executescript("\n".join(connection.connection.iterdump()))
    env = {**base_env(tmp_path), "PHOIHOP_SQLITE_PATH": str(db_file)}
    upload = tmp_path / "media" / "mau-van-ban" / "bao-cao.docx"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"PK\x03\x04 a template")
    before = sqlite_figures(db_file)
    assert len(before) > 1000  # the demo's figures

    archive = tmp_path / "sao-luu" / "phoihop-dem-qua.tar.gz"
    made = phoihop("backup", "--out", str(archive), env=env)
    assert "Đã sao lưu" in made.stdout and archive.is_file()

    changed, deleted = before[0][0], before[1][0]
    with closing(sqlite3.connect(db_file)) as db, db:
        db.execute("UPDATE reporting_figurevalue SET value = 999999 WHERE id = ?", (changed,))
        db.execute("DELETE FROM reporting_figurevalue WHERE id = ?", (deleted,))
    upload.unlink()
    (tmp_path / "media" / "la.txt").write_text("added after the backup")
    assert sqlite_figures(db_file) != before

    refused = phoihop("restore", str(archive), env=env, check=False)
    assert refused.returncode != 0 and "--yes" in refused.stderr
    assert len(sqlite_figures(db_file)) == len(before) - 1  # nothing changed

    restored = phoihop("restore", str(archive), "--yes", env=env)
    assert "Đã khôi phục" in restored.stdout
    assert sqlite_figures(db_file) == before
    assert upload.read_bytes() == b"PK\x03\x04 a template"
    assert not (tmp_path / "media" / "la.txt").exists()


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    env = base_env(tmp_path)
    bogus = tmp_path / "khong-phai.tar.gz"
    bogus.write_bytes(os.urandom(2000))
    result = phoihop("restore", str(bogus), "--yes", env=env, check=False)
    assert result.returncode != 0
    assert "không phải là bản sao lưu của phoihop" in result.stderr


def test_nightly_backups_keep_only_the_newest(tmp_path):
    env = base_env(tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("20201201", "20201202", "20201203"):
        (folder / f"phoihop-{day}-020000.tar.gz").write_bytes(b"old")
    result = phoihop("backup", "--keep", "2", env=env)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 2 and kept[0] == "phoihop-20201203-020000.tar.gz"
    assert "Đã xoá bản sao lưu cũ phoihop-20201201-020000.tar.gz" in result.stdout


def _postgresql(tmp_path: Path) -> None:
    import psycopg

    settings_db = connection.settings_dict
    test_url = (
        f"postgres://{settings_db['USER']}:{settings_db['PASSWORD'] or ''}@"
        f"{settings_db['HOST'] or '127.0.0.1'}:{settings_db['PORT'] or 5432}/"
    )
    scratch = f"{settings_db['NAME']}_restore"
    admin = dict(
        host=settings_db["HOST"] or "127.0.0.1",
        port=settings_db["PORT"] or 5432,
        user=settings_db["USER"],
        password=settings_db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**admin) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        server.execute(f'CREATE DATABASE "{scratch}"')
    try:
        before = list(FigureValue.objects.order_by("id").values_list("id", "value", "comment"))
        archive = tmp_path / "phoihop-pg.tar.gz"
        # The backup reads the test database (the demo, committed before the tests).
        phoihop(
            "backup",
            "--out",
            str(archive),
            env={**base_env(tmp_path), "DATABASE_URL": test_url + settings_db["NAME"]},
        )
        env = {**base_env(tmp_path), "DATABASE_URL": test_url + scratch}

        def scratch_figures() -> list[tuple]:
            with psycopg.connect(**{**admin, "dbname": scratch}) as db:
                rows = db.execute(
                    "SELECT id, value, comment FROM reporting_figurevalue ORDER BY id"
                ).fetchall()
            return [tuple(r) for r in rows]

        phoihop("restore", str(archive), "--yes", env=env)
        assert scratch_figures() == before and len(before) > 1000
        with psycopg.connect(**{**admin, "dbname": scratch}) as db:
            db.execute(
                "UPDATE reporting_figurevalue SET value = 999999 WHERE id = %s", [before[0][0]]
            )
            db.execute("DELETE FROM reporting_figurevalue WHERE id = %s", [before[1][0]])
        assert scratch_figures() != before
        phoihop("restore", str(archive), "--yes", env=env)  # pg_restore --clean over the data
        assert scratch_figures() == before
    finally:
        with psycopg.connect(**admin) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
