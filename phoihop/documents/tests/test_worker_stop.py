"""A worker stopped as systemd or an impatient person stops it (SIGTERM, or Ctrl+C, twice) leaves
no LibreOffice behind: the kept converter's whole process group ends with it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler
from django_tasks_db.models import DBTaskResult

from phoihop.documents import converter
from phoihop.jobs.models import Job

ROOT = Path(__file__).resolve().parents[3]


def _free_port_pair() -> int:
    """A port whose next one is free too (unoserver and its LibreOffice)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            try:
                with socket.socket() as second:
                    second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            return port
    raise AssertionError("no free pair of ports")


def _worker_database(path: Path) -> None:
    """The two tables the idle worker reads: its queue and the jobs it purges."""
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path}})
    connection = handler["default"]
    try:
        with connection.schema_editor() as editor:
            editor.create_model(DBTaskResult)
            editor.create_model(Job)
    finally:
        connection.close()


def _names(pids: list[int]) -> list[str]:
    names = []
    for pid in pids:
        try:
            names.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return names


def _runs_libreoffice(group: int) -> bool:
    """LibreOffice's launcher (oosplash) or LibreOffice itself (soffice.bin) is in the group:
    on a loaded machine the launcher may wait a long while before soffice.bin appears."""
    return any(
        "oosplash" in name or "soffice" in name for name in _names(converter.group_members(group))
    )


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_two_signals_stop_the_worker_and_its_libreoffice(
    tmp_path, settings, django_db_blocker, stop
):
    settings.PHOIHOP_CONVERTER = True  # the worker's own settings keep it on
    assert converter.can_keep_converter(), "python3-uno (system Python) and unoserver needed"
    with django_db_blocker.unblock():  # a database of the worker's own, not the tests'
        _worker_database(tmp_path / "phoihop.sqlite3")
    port = _free_port_pair()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {
        "PYTHONPATH": str(ROOT),
        "PHOIHOP_DATA_DIR": str(tmp_path),
        "PHOIHOP_CONVERTER_PORT": str(port),
        "PHOIHOP_DEBUG": "0",
    }
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    pid_file = tmp_path / "cache" / f"converter-{port}" / "server.pid"
    group = 0
    stopped_by_signal = False
    try:
        # Wait until unoserver has started LibreOffice in the converter's group.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.poll() is None:
            if pid_file.exists() and pid_file.read_text():
                group = int(pid_file.read_text())
                if _runs_libreoffice(group):
                    break
            time.sleep(0.1)
        assert worker.poll() is None, (tmp_path / "worker.log").read_text()
        assert group and _runs_libreoffice(group), (tmp_path / "worker.log").read_text()
        stopped_by_signal = True

        worker.send_signal(stop)
        time.sleep(0.05)
        worker.send_signal(stop)
        worker.send_signal(stop)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
        log.close()
        outlived = _names(converter.group_members(group)) if group else []
        if outlived:
            os.killpg(group, signal.SIGKILL)  # leave nothing behind, whatever the outcome
        if outlived and stopped_by_signal:
            pytest.fail(f"the converter outlived its worker: {outlived}")

    assert worker.returncode in (0, 1), (tmp_path / "worker.log").read_text()
    assert not pid_file.exists()
    left = [name for name in _names(converter.group_members(group)) if str(port) in name]
    assert left == []
