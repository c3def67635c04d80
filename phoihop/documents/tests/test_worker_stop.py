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
from typing import NamedTuple

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


class Worker(NamedTuple):
    process: subprocess.Popen[bytes]
    port: int
    group: int  # the converter's process group, once LibreOffice runs in it
    log: Path


def _start_worker(tmp_path: Path, django_db_blocker) -> Worker:
    """`db_worker` over a database of its own, once its converter has started LibreOffice."""
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
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    pid_file = tmp_path / "cache" / f"converter-{port}" / "server.pid"
    group = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if pid_file.exists() and pid_file.read_text():
            group = int(pid_file.read_text())
            if _runs_libreoffice(group):
                return Worker(process, port, group, log)
        time.sleep(0.1)
    # Not started: leave nothing behind, and say what the worker said.
    if process.poll() is None:
        process.kill()
        process.wait()
    if group and converter.group_members(group):
        os.killpg(group, signal.SIGKILL)
    raise AssertionError(f"the worker's converter did not start: {log.read_text()[-2000:]}")


def _left_after(worker: Worker, seconds: float) -> list[str]:
    """What is left of the converter's group after at most `seconds`."""
    deadline = time.monotonic() + seconds
    while (left := _names(converter.group_members(worker.group))) and time.monotonic() < deadline:
        time.sleep(0.1)
    if left:
        os.killpg(worker.group, signal.SIGKILL)  # leave nothing behind, whatever the outcome
    return left


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_two_signals_stop_the_worker_and_its_libreoffice(
    tmp_path, settings, django_db_blocker, stop
):
    settings.PHOIHOP_CONVERTER = True  # the worker's own settings keep it on
    worker = _start_worker(tmp_path, django_db_blocker)
    worker.process.send_signal(stop)
    time.sleep(0.05)
    worker.process.send_signal(stop)
    worker.process.send_signal(stop)
    try:
        worker.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        _left_after(worker, 0)  # leave nothing behind
        raise AssertionError(f"the worker did not stop: {worker.log.read_text()[-2000:]}") from None
    # The worker waits for its converter's group before it exits: nothing may be left.
    assert _left_after(worker, 0) == []

    assert worker.process.returncode in (0, 1), worker.log.read_text()
    assert not (tmp_path / "cache" / f"converter-{worker.port}" / "server.pid").exists()


def test_a_killed_worker_takes_its_libreoffice_with_it(tmp_path, settings, django_db_blocker):
    """`serve` kills a worker that would not stop, an administrator may kill -9 it, the
    kernel may kill it for memory: its converter ends too, not left holding memory."""
    settings.PHOIHOP_CONVERTER = True
    worker = _start_worker(tmp_path, django_db_blocker)
    worker.process.kill()
    worker.process.wait()
    assert _left_after(worker, 30) == []
