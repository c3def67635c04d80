"""A kept LibreOffice (unoserver) that converts Word to PDF without starting LibreOffice anew.

unoserver's server needs LibreOffice's Python `uno` module, which Debian ships only for the
system Python (`python3-uno`), so the server runs under /usr/bin/python3 with unoserver's own
pure-Python package found through this environment's site-packages; the client side is plain
XML-RPC and runs here. `phoihop db_worker` (which runs every PDF job) starts it detached and
stops it when it stops; while it warms up, or without it, a one-shot soffice converts.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
import xmlrpc.client
from pathlib import Path

from django.conf import settings

SYSTEM_PYTHON = "/usr/bin/python3"


def _port() -> int:
    return int(getattr(settings, "PHOIHOP_CONVERTER_PORT", 2003))


def _enabled() -> bool:
    return bool(getattr(settings, "PHOIHOP_CONVERTER", True))


def _state_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "cache" / f"converter-{_port()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _proxy(timeout: float) -> xmlrpc.client.ServerProxy:
    transport = _TimeoutTransport(timeout)
    return xmlrpc.client.ServerProxy(
        f"http://127.0.0.1:{_port()}", transport=transport, allow_none=True
    )


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):  # type: ignore[no-untyped-def]
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def converter_ready() -> bool:
    """True when a kept converter answers on its port."""
    try:
        _proxy(2).info()
    except (OSError, xmlrpc.client.Error):
        return False
    return True


def _site_packages() -> str:
    import unoserver  # type: ignore[import-untyped]

    return str(Path(unoserver.__file__).resolve().parent.parent)


def can_keep_converter() -> bool:
    """unoserver is installed here and the system Python has LibreOffice's uno module."""
    if not _enabled() or not os.path.exists(SYSTEM_PYTHON):
        return False
    if shutil.which("soffice") is None:
        return False
    try:
        import unoserver  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    marker = _state_dir() / "uno-ok"
    if marker.exists():
        return True
    ok = (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=30, check=False
        ).returncode
        == 0
    )
    if ok:
        marker.touch()
    return ok


def start_converter() -> int | None:
    """Start the kept converter, detached, unless one answers already; its process id. It
    ends with the process that started it, even one killed outright (`converter_guard`)."""
    if converter_ready() or not can_keep_converter():
        return None
    state = _state_dir()
    with open(state / "start.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return None  # another process is starting it
        pid_file = state / "server.pid"
        if pid_file.exists() and _alive(int(pid_file.read_text() or 0)):
            return None  # started a moment ago, still warming up
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env["HOME"] = str(state)
        with open(state / "server.log", "ab") as log:
            process = subprocess.Popen(
                [
                    SYSTEM_PYTHON,
                    "-I",  # isolated: the script's folder (phoihop/documents) not on sys.path
                    str(Path(__file__).with_name("converter_guard.py")),
                    str(os.getpid()),
                    _site_packages(),
                    "--port",
                    str(_port()),
                    "--uno-port",
                    str(_port() + 1),
                    "--user-installation",
                    str(state / "profile"),
                    "--conversion-timeout",
                    "120",
                ],
                cwd=state,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        pid_file.write_text(str(process.pid))
        return process.pid


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        # Reap it if it is our own child that has exited (a zombie still "exists").
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def group_members(pgid: int) -> list[int]:
    """The living processes of a process group (zombies left out), read from /proc; where
    there is no /proc, the group's leader if it still answers."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except OSError:
            return []
        return [pgid]
    members = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # "pid (name) state ppid pgrp …": the name may hold spaces and brackets.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(entry.name))
    return members


def stop_converter(timeout: float = 5) -> None:
    """Stop the kept converter this data folder started, with its LibreOffice: its whole
    process group is asked to end, then killed if anything of it is left after `timeout`."""
    pid_file = _state_dir() / "server.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text() or 0)
    for sig in (signal.SIGTERM, signal.SIGKILL) if pid > 0 else ():
        try:
            os.killpg(pid, sig)  # its own session: unoserver and its soffice together
        except OSError:
            break
        deadline = time.monotonic() + timeout
        while True:
            _alive(pid)  # reaps it when it is our own child
            if not group_members(pid) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        if not group_members(pid):
            break
    pid_file.unlink(missing_ok=True)


def wait_until_ready(timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if converter_ready():
            return True
        time.sleep(0.25)
    return False


def convert_with_converter(docx: bytes, *, timeout: float = 120) -> bytes | None:
    """PDF bytes from the kept converter, or None when it is not running (the caller then
    converts the slow way, with a one-shot soffice)."""
    if not _enabled():
        return None
    try:
        result = _proxy(timeout).convert(
            None, xmlrpc.client.Binary(docx), None, "pdf", "writer_pdf_Export", [], False
        )
    except ConnectionRefusedError:
        return None  # not running: `phoihop db_worker` starts it
    except (OSError, xmlrpc.client.Error) as exc:
        print(f"kept converter failed: {exc}", file=sys.stderr)
        return None
    data = result.data if isinstance(result, xmlrpc.client.Binary) else result
    return bytes(data) if isinstance(data, bytes | bytearray) and data else None
